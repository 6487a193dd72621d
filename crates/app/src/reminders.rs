//! Reminders for unpaid invoices (REM-05) and the anti-phishing check of a reminder (REM-06).
//!
//! R1, R2, R3 go out ⚙ days after the due date (1, 10, 20 by default) to the members who opted in,
//! each in their language with their support code, and never with a link to another site. Only a
//! payment that settled the invoice stops them (it is paid then); a short payment (REM-03: credited
//! to the prepaid account, the invoice stays open) leaves the rest due, and the reminder states it
//! and says the prepaid balance can pay the invoice. No reminder within ⚙ banking days after the
//! customer declared a bank transfer (the reminder would cross the payment). Each (invoice, level) is recorded
//! under a unique key in the transaction that queues its e-mails, so a second or concurrent run
//! sends nothing twice. Only the highest level due is sent: an invoice found at D+25 with no reminder
//! yet gets R3, not R1, R2 and R3 at once.

use crate::App;
use crate::actor::Actor;
use crate::auth::SessionCtx;
use crate::billing::{add_days, today};
use crate::error::{AppError, AppResult};
use guichet_core::period::Date;
use guichet_core::{Action, InvoiceId, Lang, Money, OrgId};
use guichet_store::billing::{self as billing_store, Invoice};
use guichet_store::{audit, memberships, reminders as store};

/// What one reminder run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ReminderReport {
    /// Reminders sent (one per invoice and level).
    pub sent: usize,
    /// E-mails queued for them.
    pub emails: usize,
    /// The level due was already sent (by an earlier or a concurrent run).
    pub already_sent: usize,
    /// Within the grace window after a declared bank transfer: nothing sent.
    pub transfer_declared: usize,
}

/// Open invoices looked at per run (the oldest due first).
const MAX_PER_RUN: i64 = 100_000;

/// `days` banking days (Monday to Friday; public holidays are not known) after `d`.
pub fn add_banking_days(d: Date, days: i64) -> Date {
    let mut day = d;
    let mut left = days;
    while left > 0 {
        day = add_days(day, 1);
        if !is_weekend(day) {
            left -= 1;
        }
    }
    day
}

fn is_weekend(d: Date) -> bool {
    time::Month::try_from(d.month)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(d.year, m, d.day).ok())
        .is_some_and(|t| matches!(t.weekday(), time::Weekday::Saturday | time::Weekday::Sunday))
}

/// The reminder level due on `day` for an invoice due on `due` (0: none yet).
pub fn level_due(due: Date, day: Date, offsets: [i64; 3]) -> i64 {
    (1..=3)
        .rev()
        .find(|&l| add_days(due, offsets[l as usize - 1]) <= day)
        .unwrap_or(0)
}

/// What the Manager shows about reminders on an invoice.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ReminderState {
    /// Levels sent, with the day each went out.
    pub sent: Vec<(i64, Date)>,
    /// The day the customer declared a bank transfer, if they did.
    pub transfer_declared_on: Option<Date>,
}

/// REM-06: the answer to "is this reminder genuine?".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// An open invoice of the caller's Organization (and the amount matches when one was given).
    Genuine {
        number: String,
        amount: Money,
        due_on: Date,
        status: guichet_core::status::InvoiceStatus,
    },
    /// One of the Organization's invoices, but nothing is owed on it any more.
    NotOpen {
        number: String,
        status: guichet_core::status::InvoiceStatus,
    },
    /// The reference is one of the Organization's open invoices, the amount is not.
    AmountDiffers { number: String, amount: Money },
    /// Not an invoice of this Organization (whether or not it exists elsewhere).
    Unknown,
}

impl App {
    /// REM-05: sends the reminders due as of `at` (Unix seconds; the clock's now by default).
    pub async fn send_reminders(&self, at: Option<i64>) -> AppResult<ReminderReport> {
        let at = at.unwrap_or_else(|| self.now());
        let day = today(at);
        let offsets = self.config.reminder_days;
        let mut report = ReminderReport::default();
        let Some(&first) = offsets.iter().min() else {
            return Ok(report);
        };
        let due_by = add_days(day, -first);
        let open = {
            let mut c = self.db.conn().await?;
            billing_store::open_due_by(&mut c, due_by, MAX_PER_RUN).await?
        };
        for inv in open {
            let due = inv.due_on;
            let level = level_due(due, day, offsets);
            if level == 0 {
                continue;
            }
            let mut tx = self.db.begin().await?;
            if store::sent(&mut tx, inv.id)
                .await?
                .iter()
                .any(|(l, _)| *l == level)
            {
                report.already_sent += 1;
                continue;
            }
            if let Some(declared) = store::declared_on(&mut tx, inv.id).await?
                && day <= add_banking_days(declared, self.config.reminder_grace_banking_days)
            {
                report.transfer_declared += 1;
                continue;
            }
            let recipients = memberships::reminder_recipients(&mut tx, inv.org_id).await?;
            if !store::claim(
                &mut tx,
                inv.id,
                level,
                &day.iso(),
                recipients.len() as i64,
                at,
            )
            .await?
            {
                report.already_sent += 1;
                continue;
            }
            for (email, lang, code) in &recipients {
                let lang = Lang::parse(lang).unwrap_or_default();
                self.queue_reminder(&mut tx, &inv, level, email, lang, code, at)
                    .await?;
            }
            let detail = format!("R{level} {} → {}", inv.number, recipients.len());
            audit::record(
                &mut tx,
                Some(inv.org_id),
                None,
                "invoice.reminder",
                &detail,
                "",
                at,
            )
            .await?;
            tx.commit().await?;
            report.sent += 1;
            report.emails += recipients.len();
        }
        Ok(report)
    }

    #[allow(clippy::too_many_arguments)]
    async fn queue_reminder(
        &self,
        c: &mut guichet_store::Conn,
        inv: &Invoice,
        level: i64,
        email: &str,
        lang: Lang,
        code: &str,
        now: i64,
    ) -> AppResult<()> {
        let base = self.config.public_url.trim_end_matches('/');
        let amount = inv.gross.to_string();
        let received =
            store::received_under_reference(c, &inv.payment_reference, inv.currency.code()).await?;
        let short = (received > 0).then(|| {
            (
                Money::new(received, inv.currency).to_string(),
                (received < inv.gross.minor)
                    .then(|| Money::new(inv.gross.minor - received, inv.currency).to_string()),
            )
        });
        let link = format!("{base}/accounting/invoices/{}", inv.id);
        let verify = format!("{base}/accounting/verify");
        let mail = crate::mail::Mail::InvoiceReminder {
            level,
            invoice: &inv.number,
            amount: &amount,
            due_on: &guichet_core::human::date(inv.due_on),
            reference: &inv.payment_reference,
            link: &link,
            verify: &verify,
            support_code: code,
            short_paid: short
                .as_ref()
                .map(|(r, rest)| (r.as_str(), rest.as_deref())),
        };
        crate::mail::enqueue(c, self, email, lang, mail, now).await
    }

    /// Reminders sent for an invoice and the customer's declared transfer, for the invoice page.
    pub async fn reminder_state(
        &self,
        actor: &Actor,
        invoice: InvoiceId,
    ) -> AppResult<ReminderState> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        let (inv, _) = billing_store::get_invoice(&mut c, actor.org, invoice)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(ReminderState {
            sent: store::sent(&mut c, inv.id).await?,
            transfer_declared_on: store::declared_on(&mut c, inv.id).await?,
        })
    }

    /// REM-05: "I have paid by bank transfer" on an open invoice: no reminder within the grace window.
    /// Declaring twice keeps the first date. Returns the day recorded.
    pub async fn declare_transfer(&self, actor: &Actor, invoice: InvoiceId) -> AppResult<Date> {
        actor.require(Action::Pay)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (inv, _) = billing_store::get_invoice(&mut tx, actor.org, invoice)
            .await?
            .ok_or(AppError::NotFound)?;
        if !inv.status.is_payable() {
            return Err(AppError::Conflict("invoice.not_payable"));
        }
        let day = today(now);
        if store::declare(&mut tx, inv.id, actor.org, actor.user, &day.iso(), now).await? {
            actor
                .audit_and_commit(tx, "invoice.transfer_declared", &inv.number, now)
                .await?;
            return Ok(day);
        }
        drop(tx);
        let mut c = self.db.conn().await?;
        Ok(store::declared_on(&mut c, inv.id).await?.unwrap_or(day))
    }

    /// REM-06: is `reference` (a payment reference or an invoice number, spaces ignored) a genuine
    /// open invoice of the caller's Organization, for `amount` (minor units) when given? Another
    /// Organization's invoice gets the same answer as a reference that does not exist.
    pub async fn verify_reminder(
        &self,
        actor: &Actor,
        reference: &str,
        amount: Option<i64>,
    ) -> AppResult<Verdict> {
        actor.require(Action::Billing)?;
        let cleaned: String = reference
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if cleaned.is_empty()
            || cleaned.len() > 40
            || !cleaned
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(AppError::invalid("reference", "verify.reference_invalid"));
        }
        if let Some(Err(e)) =
            amount.map(|a| guichet_core::money::check_minor(a, guichet_core::money::Zero::Refused))
        {
            return Err(AppError::invalid("amount", e.key()));
        }
        let mut c = self.db.conn().await?;
        let Some(inv) =
            billing_store::invoice_of_org_by_reference(&mut c, actor.org, &cleaned).await?
        else {
            return Ok(Verdict::Unknown);
        };
        let money = inv.gross;
        if !inv.status.is_payable() {
            return Ok(Verdict::NotOpen {
                number: inv.number,
                status: inv.status,
            });
        }
        if amount.is_some_and(|a| a != inv.gross.minor) {
            return Ok(Verdict::AmountDiffers {
                number: inv.number,
                amount: money,
            });
        }
        Ok(Verdict::Genuine {
            number: inv.number,
            amount: money,
            due_on: inv.due_on,
            status: inv.status,
        })
    }

    /// REM-05: does the actor get payment reminders for their Organization?
    pub async fn reminders_enabled(&self, actor: &Actor) -> AppResult<bool> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(memberships::reminders(&mut c, actor.org, actor.user)
            .await?
            .unwrap_or(false))
    }

    /// REM-05: the actor opts in or out of payment reminders for their Organization (their own
    /// preference: support working under a grant cannot change it).
    pub async fn set_reminders(&self, actor: &Actor, on: bool) -> AppResult<()> {
        actor.require(Action::Billing)?;
        if actor.support.is_some() {
            return Err(AppError::Forbidden("perm.support_read_only"));
        }
        let mut c = self.db.write_conn().await?;
        if !memberships::set_reminders(&mut c, actor.org, actor.user, on).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// The person's Organizations with their reminder preference (profile page).
    /// (Organization, name, may see billing, reminders on).
    pub async fn reminder_settings(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<Vec<(OrgId, String, bool, bool)>> {
        let mut c = self.db.conn().await?;
        Ok(memberships::reminder_settings(&mut c, ctx.user.id).await?)
    }

    /// The profile page's switch: through the actor, so the permission is checked the same way.
    pub async fn set_reminders_for(
        &self,
        ctx: &SessionCtx,
        org: OrgId,
        on: bool,
        origin: crate::Origin,
    ) -> AppResult<()> {
        let actor = self.actor(ctx.user.id, org, origin).await?;
        self.set_reminders(&actor, on).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn levels_follow_the_offsets_and_only_the_highest_is_due() {
        let due = d("2026-12-17");
        let o = [1, 10, 20];
        assert_eq!(level_due(due, d("2026-12-17"), o), 0);
        assert_eq!(level_due(due, d("2026-12-18"), o), 1);
        assert_eq!(level_due(due, d("2026-12-26"), o), 1);
        assert_eq!(level_due(due, d("2026-12-27"), o), 2);
        assert_eq!(level_due(due, d("2027-01-06"), o), 3);
        assert_eq!(level_due(due, d("2027-05-01"), o), 3);
    }

    #[test]
    fn banking_days_skip_weekends() {
        // 2026-12-18 is a Friday: three banking days later is Wednesday the 23rd.
        assert_eq!(add_banking_days(d("2026-12-18"), 3), d("2026-12-23"));
        assert_eq!(add_banking_days(d("2026-12-14"), 3), d("2026-12-17"));
        assert_eq!(add_banking_days(d("2026-12-19"), 0), d("2026-12-19"));
    }
}
