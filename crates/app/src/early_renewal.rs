//! Renewing a product before the billing run invoices its next term, and re-addressing an unpaid
//! renewal invoice to another billing address (issue #14: « Tout afficher » on Payments lists the
//! products not yet invoiced so they can be renewed early; « Au renouvellement d'un produit,
//! choisissez l'adresse de facturation souhaitée »).
//!
//! Neither moves money: renewing issues the next term's invoice (its unique billing key makes a
//! second request, or a concurrent billing run, find the same invoice), and re-addressing cancels
//! the unpaid invoice and issues its replacement for the same period and price, in one
//! transaction whose cancellation is a conditional write (a payment that came first wins).

use crate::billing::{BilledPeriod, bill_to, cancel_unpaid_invoice, issue_invoice};
use crate::billing_run::{Billed, Cache};
use crate::error::{AppError, AppResult, parse_id};
use crate::{Actor, App};
use guichet_core::product::ProductState;
use guichet_core::{Action, InvoiceId, ProductId};
use guichet_store::billing::{self as store, Product};
use guichet_store::{addresses, orgs};

/// Products listed as not yet invoiced on the Payments page (the rest waits for the billing run).
const RENEWABLE_SHOWN: i64 = 100;

impl App {
    /// The running products whose next term has no invoice yet, soonest expiry first.
    pub async fn renewable_products(&self, actor: &Actor) -> AppResult<Vec<Product>> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(store::renewable_not_invoiced(&mut c, actor.org, RENEWABLE_SHOWN).await?)
    }

    /// The invoice a product's « Renouveler » leads to: its unpaid invoice if it has one, else its
    /// next term's renewal invoice, issued now (for the period it renews for and at today's price).
    pub async fn renew_now(&self, actor: &Actor, product: ProductId) -> AppResult<InvoiceId> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let p = store::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(open) = store::open_invoice_of_product(&mut tx, actor.org, p.id).await? {
            return Ok(open);
        }
        if p.cancel_requested_at.is_some() {
            return Err(AppError::invalid("product", "renewal.renew_cancelled"));
        }
        let running = matches!(
            p.state,
            ProductState::Active | ProductState::Expired | ProductState::Blocked
        );
        if !running || p.expires_on.is_none() {
            return Err(AppError::invalid("product", "renewal.renew_not_running"));
        }
        match self
            .bill_renewal(&mut tx, &p, now, &mut Cache::default(), false)
            .await?
        {
            Billed::Issued(id) => {
                let detail = guichet_core::said::encode(
                    "said.product_renewed_early",
                    &[("product", &p.name)],
                );
                actor
                    .audit_and_commit(tx, "product.renewed_early", &detail, now)
                    .await?;
                Ok(id)
            }
            // Another request (or the billing run) issued it first (its key was taken, or seen
            // taken): that invoice is the answer. Otherwise the term is invoiced already and not
            // payable, or its period has no price.
            Billed::Raced | Billed::Skipped => {
                drop(tx);
                let mut c = self.db.conn().await?;
                store::open_invoice_of_product(&mut c, actor.org, p.id)
                    .await?
                    .ok_or_else(|| AppError::invalid("product", "renewal.renew_unavailable"))
            }
        }
    }

    /// Re-addresses an unpaid invoice billing one product period to the billing address `address`
    /// as chosen in a form (empty: the Organization's own address), which also becomes the
    /// product's address for its next renewals. The invoice is cancelled (its number kept) and
    /// replaced by one for the same period and price, e-mailed to the address's invoice e-mail.
    /// Returns the invoice to pay now (the same one if nothing changed).
    pub async fn readdress_invoice(
        &self,
        actor: &Actor,
        invoice: InvoiceId,
        address: &str,
    ) -> AppResult<InvoiceId> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (inv, lines) = store::get_invoice(&mut tx, actor.org, invoice)
            .await?
            .ok_or(AppError::NotFound)?;
        if !inv.status.is_payable() {
            return Err(AppError::Conflict("invoice.already_paid"));
        }
        let one_period = match lines.as_slice() {
            [line] => match (line.product_id, line.period_start, line.period_end) {
                (Some(product), Some(start), Some(end)) => Some((line, product, start, end)),
                _ => None,
            },
            _ => None,
        };
        let Some((line, product, start, end)) = one_period else {
            return Err(AppError::invalid("address", "payments.address_one_product"));
        };
        let p = store::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        let chosen = match address.trim() {
            "" => None,
            raw => Some(
                addresses::get(&mut tx, actor.org, parse_address(raw)?)
                    .await?
                    .filter(|a| a.archived_at.is_none())
                    .ok_or(AppError::invalid("address", "field.choice"))?,
            ),
        };
        let chosen_id = chosen.as_ref().map(|a| a.id);
        if p.billing_address_id != chosen_id
            && !store::set_billing_address(&mut tx, actor.org, p.id, chosen_id).await?
        {
            return Err(AppError::NotFound);
        }
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let mail_to = chosen.as_ref().and_then(|a| a.fields.email.clone());
        let to = bill_to(chosen, &org);
        if to.lines == inv.bill_to && to.attention == inv.bill_to_attention {
            tx.commit().await?;
            return Ok(inv.id);
        }
        let why = guichet_core::said::encode(
            "said.invoice_readdressed",
            &[("number", &inv.number), ("address", &to.lines[0])],
        );
        cancel_unpaid_invoice(&mut tx, actor.org, &inv, &why, now).await?;
        let period = BilledPeriod {
            description: line.description.clone(),
            product_id: p.id,
            start,
            end,
            unit_net: line.unit_net.minor,
        };
        let new = issue_invoice(&mut tx, &org, to, inv.kind, &period, now).await?;
        if let Some(mail_to) = &mail_to {
            self.mail_invoice(&mut tx, &new, &p.name, mail_to, now)
                .await?;
        }
        actor
            .audit_and_commit(tx, "invoice.readdressed", &why, now)
            .await?;
        Ok(new.id)
    }
}

fn parse_address(raw: &str) -> AppResult<guichet_core::AddressId> {
    parse_id(raw).map_err(|_| AppError::invalid("address", "field.choice"))
}
