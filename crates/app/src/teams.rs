//! Who may do what on which product (SPEC §1 "P", TEAM-04): LR and Administrators on all of them;
//! collaborators and externals on the products granted to them, individually or through their work
//! teams — rights add up. Computed here, in one place, for every permission check on a product.

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::grants::Rights;
use guichet_core::{Action, UserId};
use guichet_store::{Conn, audit, billing, memberships, teams};
use std::collections::{HashMap, HashSet};

/// Each product's effective rights for the actor (managers are not listed: they have all rights).
pub(crate) async fn effective(c: &mut Conn, actor: &Actor) -> AppResult<HashMap<String, Rights>> {
    let mut out: HashMap<String, Rights> = HashMap::new();
    for (product, r) in teams::grants_of(c, actor.org, actor.user).await? {
        let e = out.entry(product).or_default();
        *e = e.union(r);
    }
    Ok(out)
}

/// The products the actor may see through grants.
pub(crate) async fn granted_products(c: &mut Conn, actor: &Actor) -> AppResult<HashSet<String>> {
    Ok(effective(c, actor)
        .await?
        .into_iter()
        .filter(|(_, r)| r.any())
        .map(|(p, _)| p)
        .collect())
}

impl App {
    /// The actor's rights on one product of the Organization; another Organization's product (or
    /// one the actor has no right on) is not found.
    pub async fn product_rights(&self, actor: &Actor, product: &str) -> AppResult<Rights> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        billing::get_product(&mut c, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        if actor.access.role.is_manager() {
            return Ok(Rights::ALL);
        }
        effective(&mut c, actor)
            .await?
            .remove(product)
            .filter(|r| r.any())
            .ok_or(AppError::NotFound)
    }

    /// Gives (or, with no right, takes away) a member's individual grant on a product.
    pub async fn set_product_grant(
        &self,
        actor: &Actor,
        user: UserId,
        product: &str,
        rights: Rights,
    ) -> AppResult<()> {
        actor.require(Action::ManageMembers)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        memberships::get(&mut tx, actor.org, user)
            .await?
            .ok_or(AppError::NotFound)?;
        billing::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        teams::set_grant(&mut tx, actor.org, user, product, rights, now).await?;
        let detail = format!("{user} on {product}: {rights:?}");
        audit::record(
            &mut tx,
            Some(actor.org),
            Some(actor.user),
            "grant.changed",
            &detail,
            &actor.origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
