//! Paying out approved withdrawals (PP-04): one pain.001.001.09 file for all approved withdrawals to an
//! IBAN; writing it moves each hold to "payouts in transit" in the ledger and the withdrawal to
//! `in_transit`. When the bank's camt reports the debit (our end-to-end id), the payout is complete
//! (see `bank_import`). PayPal withdrawals are not in the file: they stay approved for a manual payout.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_bank::pain001::{self, Payout, PayoutBatch, PostalAddress};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Currency, UserId};
use guichet_store::{Conn, audit, ledger, orgs, withdrawals};

/// A written payout file.
#[derive(Clone, Debug)]
pub struct PayoutFile {
    pub id: String,
    pub message_id: String,
    pub xml: String,
    pub payouts: usize,
}

fn bank_currency(c: Currency) -> guichet_bank::Currency {
    match c {
        Currency::Chf => guichet_bank::Currency::Chf,
        Currency::Eur => guichet_bank::Currency::Eur,
    }
}

/// What the bank echoes back for a withdrawal: its id without hyphens (32 ≤ 35 characters).
pub fn end_to_end_id(withdrawal_id: &str) -> String {
    withdrawal_id.replace('-', "")
}

impl App {
    /// Writes the payout file of every approved IBAN withdrawal; `None` when there is none.
    pub async fn export_payouts(&self, by: Option<UserId>) -> AppResult<Option<PayoutFile>> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let approved = withdrawals::approved_to_iban(&mut tx).await?;
        if approved.is_empty() {
            return Ok(None);
        }
        let mut payouts = Vec::with_capacity(approved.len());
        for w in &approved {
            let org = orgs::by_id(&mut tx, w.org_id)
                .await?
                .ok_or(AppError::NotFound)?;
            payouts.push(Payout {
                end_to_end_id: end_to_end_id(&w.id),
                creditor_name: w.holder.chars().take(70).collect(),
                creditor_address: PostalAddress {
                    street: org.street.chars().take(70).collect(),
                    building_number: String::new(),
                    postal_code: org.postcode.chars().take(16).collect(),
                    town: if org.city.is_empty() {
                        "-".into()
                    } else {
                        org.city.chars().take(35).collect()
                    },
                    country: org.country.clone(),
                },
                creditor_iban: w.destination.clone(),
                amount_minor: w.amount,
                currency: bank_currency(w.currency),
                remittance: format!("Guichet prepaid withdrawal {}", &w.id[..8]),
            });
        }
        let creditor = &self.config.creditor;
        let date = time::OffsetDateTime::from_unix_timestamp(now)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let batch = PayoutBatch {
            debtor_name: creditor.name.clone(),
            debtor_address: Some(PostalAddress {
                street: creditor.street.clone(),
                building_number: creditor.building_number.clone(),
                postal_code: creditor.postcode.clone(),
                town: creditor.town.clone(),
                country: creditor.country.clone(),
            }),
            debtor_iban: creditor.iban.clone(),
            debtor_bic: None,
            execution_date: guichet_bank::Date::new(
                date.year().clamp(0, 9999) as u16,
                u8::from(date.month()),
                date.day(),
            )
            .ok_or_else(|| AppError::Internal("execution date".into()))?,
            batch_booking: false,
            payouts,
        };
        let message_id = format!("GCH{}", &uuid::Uuid::now_v7().simple().to_string()[..24]);
        let created = date
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let created = created
            .trim_end_matches('Z')
            .split('.')
            .next()
            .unwrap_or(&created)
            .to_string();
        let xml = pain001::write(&batch, &message_id, &created)
            .map_err(|e| AppError::Internal(format!("pain.001: {e}")))?;
        let file_id = withdrawals::insert_payout_file(
            &mut tx,
            &message_id,
            approved.len() as i64,
            &xml,
            by,
            now,
        )
        .await?;
        for w in &approved {
            if !withdrawals::mark_in_transit(&mut tx, &w.id, &file_id).await? {
                return Err(AppError::Conflict("withdrawal.already_decided"));
            }
            let hold = AccountRef::of_org(AccountKind::WithdrawalHold, w.org_id, w.currency);
            let transit = AccountRef::provider(AccountKind::PayoutsInTransit, w.currency);
            let entry = ledger::NewEntry {
                org: Some(w.org_id),
                kind: "payout_sent",
                description: "Withdrawal sent to the bank",
                idempotency_key: None,
                now,
            };
            ledger::post(
                &mut tx,
                entry,
                &[Transfer {
                    debit: hold,
                    credit: transit,
                    amount: w.amount,
                }],
            )
            .await
            .map_err(crate::error::post_error)?;
            audit::record(
                &mut tx,
                Some(w.org_id),
                by,
                "withdrawal.in_transit",
                &message_id,
                "",
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Some(PayoutFile {
            id: file_id,
            message_id,
            xml,
            payouts: approved.len(),
        }))
    }

    /// The back office's button: the same as `guichet export-payouts`, for operators only.
    pub async fn admin_export_payouts(&self, ctx: &SessionCtx) -> AppResult<Option<PayoutFile>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        self.export_payouts(Some(ctx.user.id)).await
    }

    pub async fn admin_payout_files(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<Vec<(String, String, i64, i64)>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(withdrawals::payout_files(&mut c, 50).await?)
    }

    pub async fn admin_payout_file(
        &self,
        ctx: &SessionCtx,
        id: &str,
    ) -> AppResult<(String, String)> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        withdrawals::payout_file(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// A camt debit with our end-to-end id completes its payout: the money has left the bank account.
/// Returns true when the debit was one of our payouts.
pub(crate) async fn complete_payout(
    c: &mut Conn,
    end_to_end: &str,
    amount: i64,
    now: i64,
) -> AppResult<bool> {
    let Some(w) = withdrawals::in_transit_by_end_to_end(c, end_to_end).await? else {
        return Ok(false);
    };
    if w.amount != amount {
        return Ok(false);
    }
    // Compare-and-set: the same payout reported twice (a camt.053 and its camt.054, two imports at
    // once) completes it once; the second report is then not one of ours in transit.
    if !withdrawals::mark_paid(c, &w.id, now).await? {
        return Ok(false);
    }
    let transit = AccountRef::provider(AccountKind::PayoutsInTransit, w.currency);
    let bank = AccountRef::provider(AccountKind::BankClearing, w.currency);
    let entry = ledger::NewEntry {
        org: Some(w.org_id),
        kind: "payout_done",
        description: "Withdrawal paid out",
        idempotency_key: None,
        now,
    };
    ledger::post(
        c,
        entry,
        &[Transfer {
            debit: transit,
            credit: bank,
            amount,
        }],
    )
    .await
    .map_err(crate::error::post_error)?;
    audit::record(
        c,
        Some(w.org_id),
        None,
        "withdrawal.paid",
        end_to_end,
        "",
        now,
    )
    .await?;
    Ok(true)
}
