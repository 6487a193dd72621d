//! Paying out approved withdrawals (PP-04): one pain.001.001.09 file for all approved withdrawals to an
//! IBAN; writing it moves each hold to "payouts in transit" in the ledger and the withdrawal to
//! `in_transit`. When the bank's camt reports the debit (our end-to-end id), the payout is complete
//! (see `bank_import`). PayPal withdrawals are not in the file: they stay approved for a manual payout.
//! One withdrawal that cannot be written (issue #11, item 6: a stored holder or address outside the
//! Swiss Payment Standards set, a bad stored IBAN) is set aside with its reason and the others are
//! written; an operator can reject it from the back office, which returns its amount to the balance.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_bank::pain001::{self, DebtorAccount, Payout, PayoutBatch, PostalAddress};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Currency, Lang, Money, PayoutFileId, UserId, WithdrawalId, sps_text, validate};
use guichet_store::withdrawals::{PayoutProblem, Withdrawal};
use guichet_store::{Conn, audit, ledger, orgs, users, withdrawals};

/// A written payout file.
#[derive(Clone, Debug)]
pub struct PayoutFile {
    pub id: PayoutFileId,
    pub message_id: String,
    pub xml: String,
    pub payouts: usize,
}

/// An approved withdrawal that a payout run could not put in the file, and why.
#[derive(Clone, Debug)]
pub struct SetAside {
    pub withdrawal: Withdrawal,
    pub problem: PayoutProblem,
}

/// What a payout run did: the file of the payouts that could be written (none when there was no
/// approved withdrawal to an IBAN, or when every one was set aside), and the ones set aside.
#[derive(Clone, Debug, Default)]
pub struct PayoutRun {
    pub file: Option<PayoutFile>,
    pub set_aside: Vec<SetAside>,
}

/// What the bank echoes back for a withdrawal: its id without hyphens (32 ≤ 35 characters).
pub fn end_to_end_id(withdrawal_id: WithdrawalId) -> String {
    withdrawal_id.0.simple().to_string()
}

/// A stored text as the payout file writes it: transliterated to the Swiss Payment Standards set,
/// then cut to the field's length. A text that cannot be transliterated is kept whole, so that the
/// check names the character instead of the cut hiding it or the length hiding the character.
fn field_text(s: &str, max: usize) -> String {
    match sps_text::transliterate(s) {
        Ok(plain) => plain.trim().chars().take(max).collect(),
        Err(_) => s.to_owned(),
    }
}

fn payout_of(w: &Withdrawal, org: &guichet_store::orgs::Org, lang: Lang) -> Payout {
    let town = field_text(&org.city, 35);
    Payout {
        end_to_end_id: end_to_end_id(w.id),
        creditor_name: field_text(&w.holder, 70),
        creditor_address: PostalAddress {
            street: field_text(&org.street, 70),
            building_number: String::new(),
            postal_code: field_text(&org.postcode, 16),
            town: if town.trim().is_empty() {
                "-".into()
            } else {
                town
            },
            country: org.country.clone(),
        },
        creditor_iban: w.destination.clone(),
        amount_minor: w.amount.minor,
        currency: w.currency,
        remittance: remittance(w, lang),
    }
}

/// The payout's own text for the creditor's statement, in the requester's language: its full
/// reference (the end-to-end id the bank echoes), so two payouts never read alike — the first 8
/// characters of a UUIDv7 are its time and were the same for withdrawals of the same minutes
/// (issue #15).
pub fn remittance(w: &Withdrawal, lang: Lang) -> String {
    guichet_core::i18n::tf(
        lang,
        "payout.remittance",
        &[("reference", &end_to_end_id(w.id))],
    )
}

/// Why a payout has no account to be debited from: the setting that names it is empty.
fn no_account_reason(currency: Currency) -> String {
    format!(
        "no {currency} payout account is configured (GUICHET_PAYOUT_IBAN_{currency}): \
         it is never debited from another currency's account"
    )
}

/// What stopped a payout (`holder`, `address`, `iban`, `other`) and the character outside the set
/// when that was the cause, from the pain.001 writer's reason (it names the ISO element first).
fn classify(reason: &str, p: &Payout) -> (&'static str, Option<String>) {
    let refused = |texts: &[&str]| {
        texts
            .iter()
            .find_map(|t| sps_text::transliterate(t).err())
            .map(|c| c.to_string())
    };
    if reason.starts_with("Cdtr/Nm") {
        ("holder", refused(&[&p.creditor_name]))
    } else if reason.starts_with("Cdtr/PstlAdr") {
        let a = &p.creditor_address;
        (
            "address",
            refused(&[&a.street, &a.postal_code, &a.town, &a.country]),
        )
    } else if reason.starts_with("CdtrAcct") || reason.contains("IBAN") {
        ("iban", None)
    } else {
        ("other", None)
    }
}

impl App {
    /// Writes the payout file of every approved IBAN withdrawal that can be written; one that
    /// cannot (a stored holder name or address with a character outside the Swiss Payment
    /// Standards set, a bad stored IBAN) is set aside with its reason: it stays approved, nothing
    /// moves in the ledger, and the back office lists it. The others are written as usual.
    pub async fn export_payouts(&self, by: Option<UserId>) -> AppResult<PayoutRun> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let approved = withdrawals::approved_to_iban(&mut tx).await?;
        let mut run = PayoutRun::default();
        if approved.is_empty() {
            return Ok(run);
        }
        let mut written = Vec::with_capacity(approved.len());
        let mut payouts = Vec::with_capacity(approved.len());
        for w in approved {
            let org = orgs::by_id(&mut tx, w.org_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let lang = users::by_id(&mut tx, w.requested_by)
                .await?
                .map(|u| u.lang)
                .unwrap_or_default();
            let payout = payout_of(&w, &org, lang);
            let problem = match self.config.creditor.payout_iban(w.currency) {
                None => Some(("account", None, no_account_reason(w.currency))),
                Some(_) => pain001::payout_problem(&payout).map(|reason| {
                    let (field, refused_char) = classify(&reason, &payout);
                    (field, refused_char, reason)
                }),
            };
            let Some((field, refused_char, reason)) = problem else {
                payouts.push(payout);
                written.push(w);
                continue;
            };
            let new = !withdrawals::has_payout_problem(&mut tx, w.id).await?;
            withdrawals::set_payout_problem(
                &mut tx,
                w.id,
                field,
                refused_char.as_deref(),
                &reason,
                now,
            )
            .await?;
            if new {
                audit::record(
                    &mut tx,
                    Some(w.org_id),
                    by,
                    "withdrawal.set_aside",
                    &format!("{}: {reason}", Money::new(w.amount.minor, w.currency)),
                    "",
                    now,
                )
                .await?;
            }
            run.set_aside.push(SetAside {
                withdrawal: w,
                problem: PayoutProblem {
                    field: field.to_owned(),
                    refused_char,
                    reason,
                    first_seen_at: now,
                    seen_at: now,
                },
            });
        }
        if payouts.is_empty() {
            // Every approved payout was set aside: no file, but their reasons are recorded.
            tx.commit().await?;
            return Ok(run);
        }
        let creditor = &self.config.creditor;
        // The bank's calendar: Zurich's time with its offset, and the next Swiss banking day.
        let local = guichet_core::zurich::local_time(now);
        let batch = PayoutBatch {
            debtor_name: creditor.name.clone(),
            debtor_address: Some(PostalAddress {
                street: creditor.street.clone(),
                building_number: creditor.building_number.clone(),
                postal_code: creditor.postcode.clone(),
                town: creditor.town.clone(),
                country: creditor.country.clone(),
            }),
            debtor_accounts: [Currency::Chf, Currency::Eur]
                .into_iter()
                .filter_map(|currency| {
                    creditor.payout_iban(currency).map(|iban| DebtorAccount {
                        currency,
                        iban: iban.to_owned(),
                        bic: None,
                    })
                })
                .collect(),
            execution_date: guichet_core::zurich::next_banking_day(local.date),
            batch_booking: false,
            payouts,
        };
        let message_id = format!("GCH{}", &uuid::Uuid::now_v7().simple().to_string()[..24]);
        let created = local.iso();
        let xml = pain001::write(&batch, &message_id, &created)
            .map_err(|e| AppError::Internal(format!("pain.001: {e}")))?;
        let file_id = withdrawals::insert_payout_file(
            &mut tx,
            &message_id,
            written.len() as i64,
            &xml,
            by,
            now,
        )
        .await?;
        for w in &written {
            if !withdrawals::mark_in_transit(&mut tx, w.id, file_id).await? {
                return Err(AppError::Conflict("withdrawal.already_decided"));
            }
            withdrawals::clear_payout_problem(&mut tx, w.id).await?;
            let hold = AccountRef::of_org(AccountKind::WithdrawalHold, w.org_id, w.currency);
            let transit = AccountRef::provider(AccountKind::PayoutsInTransit, w.currency);
            let entry = ledger::NewEntry {
                org: Some(w.org_id),
                kind: "payout_sent",
                description: &guichet_core::said::encode("said.withdrawal_sent", &[]),
                idempotency_key: None,
                now,
            };
            ledger::post(
                &mut tx,
                entry,
                &[Transfer {
                    debit: hold,
                    credit: transit,
                    amount: w.amount.minor,
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
        run.file = Some(PayoutFile {
            id: file_id,
            message_id,
            xml,
            payouts: written.len(),
        });
        Ok(run)
    }

    /// The back office's list of approved withdrawals set aside by the last payout runs.
    pub async fn admin_set_aside_payouts(&self, ctx: &SessionCtx) -> AppResult<Vec<SetAside>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(withdrawals::set_aside(&mut c)
            .await?
            .into_iter()
            .map(|(withdrawal, problem)| SetAside {
                withdrawal,
                problem,
            })
            .collect())
    }

    /// An operator rejects a set-aside withdrawal: `approved → rejected` (checked: 409 when it was
    /// decided or exported meanwhile), the hold goes back to the prepaid balance, the requester is
    /// told why.
    pub async fn admin_reject_set_aside(
        &self,
        ctx: &SessionCtx,
        id: WithdrawalId,
        reason: &str,
    ) -> AppResult<()> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let reason = validate::optional_line(reason, 300)
            .ok_or(AppError::invalid("reason", "field.too_long"))?
            .ok_or(AppError::invalid("reason", "withdrawal.reason_needed"))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let w = withdrawals::get(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !withdrawals::reject_set_aside(&mut tx, id, ctx.user.id, &reason, now).await? {
            return Err(AppError::Conflict("withdrawal.already_decided"));
        }
        withdrawals::clear_payout_problem(&mut tx, id).await?;
        crate::withdrawals::release_hold(&mut tx, &w, now).await?;
        let money = Money::new(w.amount.minor, w.currency).to_string();
        audit::record(
            &mut tx,
            Some(w.org_id),
            Some(ctx.user.id),
            "withdrawal.decided",
            &format!("rejected {money} {reason}"),
            "",
            now,
        )
        .await?;
        if let Some(requester) = users::by_id(&mut tx, w.requested_by).await? {
            let mail = crate::mail::Mail::WithdrawalRejected {
                amount: &money,
                reason: &reason,
            };
            crate::mail::enqueue(&mut tx, self, &requester.email, requester.lang, mail, now)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The back office's button: the same as `guichet export-payouts`, for operators only.
    pub async fn admin_export_payouts(&self, ctx: &SessionCtx) -> AppResult<PayoutRun> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        self.export_payouts(Some(ctx.user.id)).await
    }

    pub async fn admin_payout_files(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<Vec<(PayoutFileId, String, i64, i64)>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(withdrawals::payout_files(&mut c, 50).await?)
    }

    pub async fn admin_payout_file(
        &self,
        ctx: &SessionCtx,
        id: PayoutFileId,
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
/// Returns the withdrawal when the debit was one of our payouts.
pub(crate) async fn complete_payout(
    c: &mut Conn,
    end_to_end: &str,
    amount: i64,
    now: i64,
) -> AppResult<Option<Withdrawal>> {
    let Some(w) = withdrawals::in_transit_by_end_to_end(c, end_to_end).await? else {
        return Ok(None);
    };
    if w.amount.minor != amount {
        return Ok(None);
    }
    // Compare-and-set: the same payout reported twice (a camt.053 and its camt.054, two imports at
    // once) completes it once; the second report is then not one of ours in transit.
    if !withdrawals::mark_paid(c, w.id, now).await? {
        return Ok(None);
    }
    let event = crate::webhooks::Event::WithdrawalPaid(crate::webhooks::WithdrawalData {
        org_id: w.org_id,
        withdrawal_id: w.id,
        amount: guichet_core::Money::new(w.amount.minor, w.currency),
    });
    crate::webhooks::emit(c, event, now).await?;
    let transit = AccountRef::provider(AccountKind::PayoutsInTransit, w.currency);
    let bank = AccountRef::provider(AccountKind::BankClearing, w.currency);
    let entry = ledger::NewEntry {
        org: Some(w.org_id),
        kind: "payout_done",
        description: &guichet_core::said::encode("said.withdrawal_paid", &[]),
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
    Ok(Some(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payout(holder: &str, street: &str, iban: &str) -> Payout {
        Payout {
            end_to_end_id: "E2E1".into(),
            creditor_name: field_text(holder, 70),
            creditor_address: PostalAddress {
                street: field_text(street, 70),
                building_number: String::new(),
                postal_code: "1000".into(),
                town: "Lausanne".into(),
                country: "CH".into(),
            },
            creditor_iban: iban.into(),
            amount_minor: 100,
            currency: guichet_core::Currency::Chf,
            remittance: String::new(),
        }
    }

    #[test]
    fn what_stopped_a_payout_is_named() {
        let iban = "CH5604835012345678009";
        let ok = payout("Atelier Favre Sàrl’", "Rue du Lac 12–14", iban);
        assert_eq!(ok.creditor_name, "Atelier Favre Sàrl'");
        assert_eq!(pain001::payout_problem(&ok), None);
        let cases = [
            (payout("Bistro 😀", "Quai 3", iban), "holder", Some("😀")),
            (payout("Bistro", "Quai 3 東", iban), "address", Some("東")),
            (
                payout("Bistro", "Quai 3", "CH5604835012345678000"),
                "iban",
                None,
            ),
        ];
        for (p, field, refused) in cases {
            let reason = pain001::payout_problem(&p).expect("refused");
            assert_eq!(
                classify(&reason, &p),
                (field, refused.map(str::to_owned)),
                "{reason}"
            );
        }
    }

    #[test]
    fn stored_text_is_made_plain_before_it_is_cut() {
        // "…" becomes "..." first, then the cut: the result fits the field.
        let long = format!("{}…", "a".repeat(69));
        assert_eq!(field_text(&long, 70).chars().count(), 70);
        // Text that cannot be made plain is kept whole, so the check names its character.
        let bad = format!("{}😀", "a".repeat(80));
        assert_eq!(field_text(&bad, 70), bad);
    }
}
