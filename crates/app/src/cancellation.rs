//! Cancelling a product (SPEC §3). A pending product (ordered, never paid) is cancelled at once with
//! its unpaid order invoice. A running one is cancelled for the end of its term: it keeps working
//! until its expiry, is not renewed (no renewal invoice, auto-renewal off; an unpaid renewal invoice
//! is cancelled), and the clock then moves it to `cancelled` instead of `expired`. Until then the
//! customer can take the cancellation back. Cancelled invoices keep their numbers and their amounts
//! are reversed in the ledger. Nothing is refunded: a refund is the provider's decision (credit note).

use crate::billing::cancel_unpaid_invoice;
use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::product::ProductState;
use guichet_core::{Action, ProductId};
use guichet_store::billing as store;

/// What a cancellation did.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Cancelled {
    /// Cancelled now (a pending product) rather than at the end of its term.
    pub immediate: bool,
    /// The last day it is paid for, when it runs until its term's end (`YYYY-MM-DD`, exclusive).
    pub ends_on: Option<guichet_core::period::Date>,
    /// Numbers of the unpaid invoices cancelled with it.
    pub invoices_cancelled: Vec<String>,
}

impl App {
    /// A transaction, and in it one of the Organization's products (404 for another's).
    async fn product_in_tx(
        &self,
        actor: &Actor,
        product: ProductId,
    ) -> AppResult<(guichet_store::Tx, store::Product)> {
        let mut tx = self.db.begin().await?;
        let p = store::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((tx, p))
    }

    /// Cancels a product: pending ones at once, running ones at the end of their term.
    pub async fn cancel_product(&self, actor: &Actor, product: ProductId) -> AppResult<Cancelled> {
        actor.require(Action::OrderProducts)?;
        let now = self.now();
        let (mut tx, p) = self.product_in_tx(actor, product).await?;
        let immediate = match p.state {
            ProductState::Pending => {
                if !store::set_state(
                    &mut tx,
                    p.id,
                    ProductState::Pending,
                    ProductState::Cancelled,
                )
                .await?
                {
                    return Err(AppError::Conflict("product.cancel_unavailable"));
                }
                let cancelled = guichet_store::billing::Product {
                    state: ProductState::Cancelled,
                    ..p.clone()
                };
                if let Some(e) = crate::webhooks::product_event(cancelled.state, &cancelled) {
                    crate::webhooks::emit(&mut tx, e, now).await?;
                }
                true
            }
            ProductState::Active | ProductState::Expired | ProductState::Blocked => {
                if !store::request_cancel(&mut tx, p.id, now).await? {
                    return Err(AppError::Conflict("product.already_cancelled"));
                }
                false
            }
            ProductState::Terminated | ProductState::Cancelled => {
                return Err(AppError::Conflict("product.cancel_unavailable"));
            }
        };
        let mut invoices_cancelled = Vec::new();
        for inv in store::unpaid_invoices_of_product(&mut tx, actor.org, p.id).await? {
            let why = guichet_core::said::encode(
                "said.invoice_cancelled_with",
                &[("number", &inv.number), ("product", &p.name)],
            );
            cancel_unpaid_invoice(&mut tx, actor.org, &inv, &why, now).await?;
            invoices_cancelled.push(inv.number);
        }
        let ends_on = (!immediate).then_some(p.expires_on).flatten();
        let detail = match &ends_on {
            Some(d) => guichet_core::said::encode(
                "said.cancelled_at_term",
                &[("product", &p.name), ("end_on", &d.iso())],
            ),
            None => guichet_core::said::encode("said.cancelled_now", &[("product", &p.name)]),
        };
        actor
            .audit_and_commit(tx, "product.cancelled", &detail, now)
            .await?;
        Ok(Cancelled {
            immediate,
            ends_on,
            invoices_cancelled,
        })
    }

    /// Takes back the cancellation of a product that still runs: it renews again as before.
    pub async fn resume_product(&self, actor: &Actor, product: ProductId) -> AppResult<()> {
        actor.require(Action::OrderProducts)?;
        let now = self.now();
        let (mut tx, p) = self.product_in_tx(actor, product).await?;
        if !store::resume(&mut tx, p.id).await? {
            return Err(AppError::Conflict("product.not_cancelled"));
        }
        actor
            .audit_and_commit(
                tx,
                "product.resumed",
                &format!("{}: cancellation taken back", p.name),
                now,
            )
            .await?;
        Ok(())
    }
}
