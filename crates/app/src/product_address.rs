//! The billing address a product's renewals are invoiced to (issue #14: « Au renouvellement d'un
//! produit, choisissez l'adresse de facturation souhaitée »): chosen on the product's page and on
//! Payments; the next renewal invoice is addressed to it (`billing_run`), and e-mailed to its
//! invoice e-mail.

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::{Action, AddressId, ProductId};
use guichet_store::{addresses, billing};

impl App {
    /// Renews `product` to the billing address `address` as chosen in a form (empty: the
    /// Organization itself). An archived or another Organization's address is refused (422).
    pub async fn set_product_billing_address(
        &self,
        actor: &Actor,
        product: ProductId,
        address: &str,
    ) -> AppResult<()> {
        actor.require(Action::ManageBilling)?;
        let mut tx = self.db.begin().await?;
        let p = billing::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        let chosen = match address.trim() {
            "" => None,
            raw => {
                let id: AddressId = raw
                    .parse()
                    .map_err(|_| AppError::invalid("address", "field.choice"))?;
                Some(
                    addresses::get(&mut tx, actor.org, id)
                        .await?
                        .filter(|a| a.archived_at.is_none())
                        .ok_or(AppError::invalid("address", "field.choice"))?,
                )
            }
        };
        if p.billing_address_id == chosen.as_ref().map(|a| a.id) {
            return Ok(());
        }
        if !billing::set_billing_address(&mut tx, actor.org, product, chosen.as_ref().map(|a| a.id))
            .await?
        {
            return Err(AppError::NotFound);
        }
        let to = chosen.map_or_else(
            || actor.org_name.clone(),
            |a| a.fields.company.unwrap_or(a.fields.name),
        );
        let detail = guichet_core::said::encode(
            "said.product_billing_address",
            &[("product", &p.name), ("address", &to)],
        );
        actor
            .audit_and_commit(tx, "product.billing_address", &detail, self.now())
            .await?;
        Ok(())
    }
}
