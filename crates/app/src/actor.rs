//! Who is calling, in which Organization, with which rights — resolved fresh on every request, so a
//! role change or a removal applies on the very next one.

use crate::error::{AppError, AppResult};
use crate::{App, Origin};
use guichet_core::{Access, Action, Lang, OrgId, UserId, authorize};
use guichet_store::{audit, memberships, orgs, users};

#[derive(Clone, Debug)]
pub struct Actor {
    pub user: UserId,
    pub email: String,
    pub name: String,
    pub lang: Lang,
    pub org: OrgId,
    pub org_name: String,
    pub access: Access,
    /// The Organization forces 2FA and this person has not set it up (SEC-01).
    pub needs_2fa_setup: bool,
    pub origin: Origin,
    /// SUP-03: an operator working under live support grants (`None` for members).
    pub support: Option<SupportScope>,
}

/// What the live support grants of an Organization cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportScope {
    /// The whole Organization, or only these products.
    pub products: Option<std::collections::BTreeSet<guichet_core::ProductId>>,
}

impl Actor {
    /// The person `u` at work in `o` with `access`: no 2FA setup pending and no support scope
    /// (the caller sets those that apply).
    pub(crate) fn at(u: users::User, o: orgs::Org, access: Access, origin: Origin) -> Actor {
        Actor {
            user: u.id,
            email: u.email,
            name: u.name,
            lang: u.lang,
            org: o.id,
            org_name: o.name,
            access,
            needs_2fa_setup: false,
            origin,
            support: None,
        }
    }

    /// The one gate every Organization use case passes: forced 2FA first, then the permissions table.
    pub fn require(&self, action: Action) -> AppResult<()> {
        if self.needs_2fa_setup {
            return Err(AppError::TwoFactorRequired);
        }
        authorize(&self.access, action)?;
        Ok(())
    }

    pub fn can(&self, action: Action) -> bool {
        self.require(action).is_ok()
    }

    /// Writes `action` to the audit log as done by this person, in their Organization, from their
    /// address: what every Organization use case records.
    pub(crate) async fn audit(
        &self,
        c: &mut guichet_store::Conn,
        action: &str,
        detail: &str,
        now: i64,
    ) -> guichet_store::Result<()> {
        audit::record(
            c,
            Some(self.org),
            Some(self.user),
            action,
            detail,
            &self.origin.ip,
            now,
        )
        .await
    }

    /// The end of most Organization use cases: `action` written to the audit log (see
    /// [`Actor::audit`]) as the transaction's last write, then the transaction committed.
    pub(crate) async fn audit_and_commit(
        &self,
        mut tx: guichet_store::Tx,
        action: &str,
        detail: &str,
        now: i64,
    ) -> AppResult<()> {
        self.audit(&mut tx, action, detail, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl App {
    /// The actor for `user` in `org`; `NotFound` when the user is not a member of that live Organization
    /// (another Organization's id looks exactly like one that does not exist).
    pub async fn actor(&self, user: UserId, org: OrgId, origin: Origin) -> AppResult<Actor> {
        let mut c = self.db.conn().await?;
        let (u, o) = person_in_org(&mut c, user, org).await?;
        let m = memberships::get(&mut c, org, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let needs_2fa_setup = o.force_2fa && !u.totp_enabled;
        Ok(Actor {
            needs_2fa_setup,
            ..Actor::at(u, o, Access::new(m.role, m.accounting), origin)
        })
    }
}

impl App {
    /// The actor for the signed-in person `u` in the Organization of their membership `m`, both
    /// read by this request already (the session's person, their memberships): only the
    /// Organization is read, and it must still be live (`NotFound` otherwise).
    pub async fn actor_of(
        &self,
        u: &users::User,
        m: &memberships::MyOrg,
        origin: Origin,
    ) -> AppResult<Actor> {
        if u.disabled {
            return Err(AppError::Unauthenticated);
        }
        let mut c = self.db.conn().await?;
        let o = orgs::by_id(&mut c, m.org_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let needs_2fa_setup = o.force_2fa && !u.totp_enabled;
        Ok(Actor {
            needs_2fa_setup,
            ..Actor::at(u.clone(), o, Access::new(m.role, m.accounting), origin)
        })
    }
}

/// The person (signed out, 401, when disabled or gone) and the Organization (404 when there is
/// none) an actor is made of; whether the person may act there is the caller's check.
pub(crate) async fn person_in_org(
    c: &mut guichet_store::Conn,
    user: UserId,
    org: OrgId,
) -> AppResult<(users::User, orgs::Org)> {
    let u = users::by_id(c, user)
        .await?
        .filter(|u| !u.disabled)
        .ok_or(AppError::Unauthenticated)?;
    let o = orgs::by_id(c, org).await?.ok_or(AppError::NotFound)?;
    Ok((u, o))
}
