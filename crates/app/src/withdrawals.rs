//! Withdrawing the prepaid balance (PP-04): to an IBAN or a PayPal address in the holder's name. The
//! amount is held at once (moved to the withdrawal hold, no longer spendable); an operator approves
//! (it then awaits the payout file) or rejects (the hold goes back to the balance).

use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use crate::prepaid::{Answer, Outcome, check_key, claim_key};
use crate::{Actor, App};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::status::WithdrawalStatus;
use guichet_core::{Action, Money, WithdrawalId, validate};
use guichet_store::withdrawals::{NewWithdrawal, Withdrawal};
use guichet_store::{audit, idempotency, ledger, orgs, users, withdrawals};
use iban::IbanLike;

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct WithdrawalInput {
    pub amount_minor: i64,
    /// `iban` or `paypal`.
    pub method: String,
    /// The IBAN or the PayPal e-mail address.
    pub destination: String,
    /// The account holder, which must be the Organization itself.
    pub holder: String,
    /// A fresh TOTP or recovery code, when the person has two-factor authentication.
    #[serde(default)]
    pub code: Option<String>,
    /// The balance withdrawn from (`CHF`, `EUR`): the Organization's currency when absent. The
    /// payout is in that currency.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Names compared the way people write them: case, accents and spacing do not matter.
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter_map(|c| {
                let base = match c {
                    'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
                    'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
                    'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
                    'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
                    'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
                    'ç' | 'Ç' => 'c',
                    c if c.is_alphanumeric() => c,
                    _ => return None,
                };
                Some(base.to_ascii_lowercase())
            })
            .collect()
    };
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

impl App {
    /// Requests a withdrawal; the amount is held at once. Idempotent by key.
    pub async fn request_withdrawal(
        &self,
        actor: &Actor,
        input: &WithdrawalInput,
        key: &str,
    ) -> AppResult<Answer> {
        actor.require(Action::Withdraw)?;
        check_key(key)?;
        let now = self.now();
        if let Err(e) =
            guichet_core::money::check_minor(input.amount_minor, guichet_core::money::Zero::Refused)
        {
            return Err(AppError::invalid("amount", e.key()));
        }
        let destination = match input.method.as_str() {
            "iban" => {
                let iban: iban::Iban = input
                    .destination
                    .trim()
                    .parse()
                    .map_err(|_| AppError::invalid("destination", "withdrawal.iban_invalid"))?;
                iban.electronic_str().to_string()
            }
            "paypal" => validate::email(&input.destination)
                .ok_or(AppError::invalid("destination", "field.email"))?,
            _ => return Err(AppError::invalid("method", "field.choice")),
        };
        // The holder goes into the pain.001 file: Swiss Payment Standards characters only.
        let mut errors = crate::error::Errors::default();
        let holder = crate::addresses::payment_text(
            &mut errors,
            &input.holder,
            70,
            "holder",
            "withdrawal.holder_mismatch",
        );
        errors.finish()?;
        let holder = holder.unwrap_or_default();
        let chosen = match input.currency.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => Some(
                guichet_core::Currency::parse(&code.to_ascii_uppercase())
                    .ok_or(AppError::invalid("currency", "balances.currency_unknown"))?,
            ),
        };
        // A request naming its currency is another request than one that does not (the same key
        // for both is refused): the hash of a request without it is what it always was.
        let hash = crate::crypto::sha256_hex(&format!(
            "withdrawal|{}|{}|{destination}|{}{}",
            input.amount_minor,
            input.method,
            input.holder.trim(),
            chosen.map(|c| format!("|{c}")).unwrap_or_default()
        ));
        let mut tx = self.db.begin().await?;
        let user = users::by_id(&mut tx, actor.user)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if user.totp_enabled {
            let code = input.code.as_deref().unwrap_or("");
            if !self.check_second_factor(&mut tx, &user, code, now).await? {
                return Err(AppError::invalid("code", "withdrawal.fresh_code"));
            }
        }
        if let Some(first) = claim_key(&mut tx, actor.org, key, &hash, now).await? {
            return Ok(first);
        }
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        if !same_name(&holder, &org.name) {
            return Err(AppError::invalid("holder", "withdrawal.holder_mismatch"));
        }
        // Each currency is a balance of its own (a payment in euros stays in euros): the withdrawal
        // takes from the one chosen and is paid out in that currency.
        let currency = chosen.unwrap_or(org.currency);
        let prepaid = AccountRef::of_org(AccountKind::Prepaid, actor.org, currency);
        let hold = AccountRef::of_org(AccountKind::WithdrawalHold, actor.org, currency);
        let money = Money::new(input.amount_minor, currency);
        let description = guichet_core::said::encode(
            "said.withdrawal_to",
            &[("destination", &mask(&destination))],
        );
        let entry = ledger::NewEntry {
            org: Some(actor.org),
            kind: "withdrawal_hold",
            description: &description,
            idempotency_key: Some(key),
            now,
        };
        let short_key = if currency == org.currency {
            "withdrawal.insufficient"
        } else {
            "balances.withdrawal_insufficient"
        };
        ledger::post(
            &mut tx,
            entry,
            &[Transfer {
                debit: prepaid,
                credit: hold,
                amount: input.amount_minor,
            }],
        )
        .await
        .map_err(|e| crate::error::post_refused(e, "amount", short_key))?;
        let w = NewWithdrawal {
            org: actor.org,
            amount: Money::new(input.amount_minor, currency),
            method: &input.method,
            destination: &destination,
            holder: &holder,
            requested_by: actor.user,
            now,
        };
        let id = withdrawals::insert(&mut tx, &w).await?;
        let event = crate::webhooks::Event::WithdrawalRequested(crate::webhooks::WithdrawalData {
            org_id: actor.org,
            withdrawal_id: id,
            amount: Money::new(input.amount_minor, currency),
        });
        crate::webhooks::emit(&mut tx, event, now).await?;
        let body = crate::answers::body(&crate::answers::WithdrawalRequested {
            id,
            status: WithdrawalStatus::Requested,
            amount: Money::new(input.amount_minor, currency),
            currency,
            destination: mask(&destination),
        })?;
        idempotency::complete(
            &mut tx,
            actor.org,
            key,
            Outcome::Created.stored(),
            &body.to_string(),
        )
        .await?;
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "withdrawal.requested",
            &format!("{money} to {}", mask(&destination)),
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Answer {
            outcome: Outcome::Created,
            body,
        })
    }

    pub async fn withdrawals(&self, actor: &Actor) -> AppResult<Vec<Withdrawal>> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(withdrawals::of_org(&mut c, actor.org).await?)
    }

    /// The back office's queue: requested and approved withdrawals.
    pub async fn admin_withdrawals(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<(Vec<Withdrawal>, Vec<Withdrawal>)> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok((
            withdrawals::with_status(&mut c, WithdrawalStatus::Requested).await?,
            withdrawals::with_status(&mut c, WithdrawalStatus::Approved).await?,
        ))
    }

    /// An operator approves (awaits the payout file) or rejects (the hold returns to the balance).
    pub async fn admin_decide_withdrawal(
        &self,
        ctx: &SessionCtx,
        id: WithdrawalId,
        approve: bool,
        reason: &str,
    ) -> AppResult<()> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let w = withdrawals::get(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let reason = validate::optional_line(reason, 300)
            .ok_or(AppError::invalid("reason", "field.too_long"))?;
        if !approve && reason.is_none() {
            return Err(AppError::invalid("reason", "withdrawal.reason_needed"));
        }
        let to = if approve {
            WithdrawalStatus::Approved
        } else {
            WithdrawalStatus::Rejected
        };
        if !withdrawals::decide(
            &mut tx,
            id,
            WithdrawalStatus::Requested,
            to,
            ctx.user.id,
            reason.as_deref(),
            now,
        )
        .await?
        {
            return Err(AppError::Conflict("withdrawal.already_decided"));
        }
        if approve {
            let event =
                crate::webhooks::Event::WithdrawalApproved(crate::webhooks::WithdrawalData {
                    org_id: w.org_id,
                    withdrawal_id: w.id,
                    amount: Money::new(w.amount.minor, w.currency),
                });
            crate::webhooks::emit(&mut tx, event, now).await?;
        } else {
            release_hold(&mut tx, &w, now).await?;
        }
        let detail = format!(
            "{} {} {}",
            to,
            Money::new(w.amount.minor, w.currency),
            reason.as_deref().unwrap_or("")
        );
        audit::record(
            &mut tx,
            Some(w.org_id),
            Some(ctx.user.id),
            "withdrawal.decided",
            detail.trim(),
            "",
            now,
        )
        .await?;
        if let Some(requester) = users::by_id(&mut tx, w.requested_by).await? {
            let amount = Money::new(w.amount.minor, w.currency).to_string();
            let mail = if approve {
                crate::mail::Mail::WithdrawalApproved { amount: &amount }
            } else {
                crate::mail::Mail::WithdrawalRejected {
                    amount: &amount,
                    reason: reason.as_deref().unwrap_or(""),
                }
            };
            crate::mail::enqueue(&mut tx, self, &requester.email, requester.lang, mail, now)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// `CH93 •••• •••• 2957` style: enough to recognise, not enough to copy.
pub fn mask(destination: &str) -> String {
    if destination.contains('@') {
        let (user, domain) = destination.split_once('@').unwrap_or((destination, ""));
        return format!("{}•••@{domain}", user.chars().next().unwrap_or('•'));
    }
    let n = destination.len();
    if n <= 8 {
        return "••••".into();
    }
    format!("{} •••• {}", &destination[..4], &destination[n - 4..])
}

/// A rejected withdrawal's hold goes back to the prepaid balance it came from (one ledger entry).
pub(crate) async fn release_hold(
    c: &mut guichet_store::Conn,
    w: &guichet_store::withdrawals::Withdrawal,
    now: i64,
) -> AppResult<()> {
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, w.org_id, w.currency);
    let hold = AccountRef::of_org(AccountKind::WithdrawalHold, w.org_id, w.currency);
    let entry = ledger::NewEntry {
        org: Some(w.org_id),
        kind: "withdrawal_released",
        description: "Withdrawal rejected: amount released",
        idempotency_key: None,
        now,
    };
    ledger::post(
        c,
        entry,
        &[Transfer {
            debit: hold,
            credit: prepaid,
            amount: w.amount.minor,
        }],
    )
    .await
    .map_err(crate::error::post_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_and_masks() {
        assert!(same_name("atelier favre sarl", "Atelier Favre Sàrl"));
        assert!(!same_name("Someone Else", "Atelier Favre Sàrl"));
        assert!(!same_name("", ""));
        assert_eq!(mask("CH9300762011623852957"), "CH93 •••• 2957");
        assert_eq!(mask("alice@example.ch"), "a•••@example.ch");
    }
}
