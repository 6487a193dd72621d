//! REM-04 in the back office: the payments that need an operator, and placing one on an Organization's prepaid account.

use super::*;

/// What the back office shows of the bank: the queue, and what was credited, set aside or waits
/// for its details.
pub struct BankQueue {
    pub exceptions: Vec<BankTransaction>,
    pub credited: Vec<BankTransaction>,
    pub set_aside: Vec<BankTransaction>,
    pub awaiting_details: Vec<BankTransaction>,
}

impl App {
    /// The exceptions queue and the latest credited payments, for the back office.
    pub async fn bank_queue(&self, ctx: &SessionCtx) -> AppResult<BankQueue> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(BankQueue {
            exceptions: store::with_status(&mut c, Status::Exception, 500).await?,
            credited: store::with_status(&mut c, Status::Credited, 50).await?,
            set_aside: store::with_status(&mut c, Status::SetAside, 200).await?,
            awaiting_details: store::with_status(&mut c, Status::AwaitingDetails, 200).await?,
        })
    }

    /// REM-04: an operator places an exception on an Organization's prepaid account (audited).
    pub async fn assign_bank_transaction(
        &self,
        ctx: &SessionCtx,
        id: &str,
        org: OrgId,
        note: &str,
    ) -> AppResult<()> {
        let id: guichet_core::BankTransactionId = crate::error::parse_id(id)?;
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let note = guichet_core::validate::line(note, 300)
            .ok_or(AppError::invalid("note", "bank.note_required"))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let t = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        let o = orgs::by_id(&mut tx, org)
            .await?
            .ok_or(AppError::invalid("org", "bank.org_unknown"))?;
        // Only an exception is placed: credited, replaced by its details, set aside: never again.
        if !t.status.is_placeable() || t.credited_entry.is_some() {
            return Err(AppError::Conflict("bank.already_placed"));
        }
        let currency = Currency::parse(&t.amount.currency)
            .ok_or(AppError::Conflict("bank.currency_unsupported"))?;
        if t.amount.minor <= 0 || t.amount.minor > MAX_AMOUNT_MINOR {
            return Err(AppError::Conflict("bank.already_placed"));
        }
        let description = guichet_core::said::encode(
            "said.transfer_from",
            &[("from", t.debtor_name.as_deref().unwrap_or("?"))],
        );
        let entry_id = credit_prepaid(
            &mut tx,
            org,
            currency,
            t.amount.minor,
            &description,
            &t.bank_key,
            now,
        )
        .await?;
        // Compare-and-set on the status: a concurrent placement that got there first makes this
        // one fail, and dropping the transaction takes the credit above back.
        if !store::assign(&mut tx, id, org, ctx.user.id, &note, entry_id, now).await? {
            return Err(AppError::Conflict("bank.already_placed"));
        }
        // Placed in another currency than the Organization's: its balance in that currency, and
        // the customer is told where the money is.
        if o.currency != currency {
            self.tell_other_currency(&mut tx, org, o.currency, currency, t.amount.minor, now)
                .await?;
        }
        let detail = format!(
            "{} {} {} → {} ({note})",
            t.bank_key, t.amount.minor, t.amount.currency, o.name
        );
        audit::record(
            &mut tx,
            Some(org),
            Some(ctx.user.id),
            "bank.assigned",
            &detail,
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
