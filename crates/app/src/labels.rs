//! A product's label (issue #14): the name its Organization gives it — the domain for a domain,
//! "Site vitrine" for a hosting — so that two products of one offer can be told apart. Shown
//! wherever the product is (`Product::name`): products, payments, invoices issued from then on,
//! teams, grants, the support scope, the activity log.
//!
//! Who: those who manage the product — LR and Administrators, or a member whose teams or grants
//! give the technical right on it; anyone else gets the 404 of a product they cannot see, or a 403.

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::{Action, ProductId};
use guichet_store::billing;

/// The longest label.
pub const MAX_LABEL: usize = 60;

impl App {
    /// Gives `product` the label `label` (empty: back to the offer's name).
    pub async fn set_product_label(
        &self,
        actor: &Actor,
        product: ProductId,
        label: &str,
    ) -> AppResult<()> {
        actor.require(Action::ViewOrg)?;
        let label = guichet_core::validate::optional_line(label, MAX_LABEL)
            .ok_or(AppError::invalid("label", "product.label_invalid"))?;
        let mut tx = self.db.begin().await?;
        let p = billing::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        if !actor.access.role.is_manager() {
            let rights = crate::teams::effective(&mut tx, actor)
                .await?
                .remove(&product)
                .filter(|r| r.any())
                .ok_or(AppError::NotFound)?;
            if !rights.technical {
                return Err(AppError::Forbidden("product.label_need_technical"));
            }
        }
        if !billing::set_label(&mut tx, actor.org, product, label.as_deref()).await? {
            return Err(AppError::NotFound);
        }
        let detail = guichet_core::said::encode(
            "said.product_labelled",
            &[
                ("offer", &p.offer_name),
                ("label", label.as_deref().unwrap_or(&p.offer_name)),
            ],
        );
        actor
            .audit_and_commit(tx, "product.labelled", &detail, self.now())
            .await?;
        Ok(())
    }
}
