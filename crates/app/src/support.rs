//! Support (SUP-02, SUP-03): Premium Support and the Organization's VIP code; temporary access for
//! the provider's operators, granted by an LR/Admin, listed, revocable, e-mailed to the LRs.
//!
//! An operator under a live grant is an [`Actor`] like any member — with [`Access::support`], so every
//! existing permission check applies and core's `authorize` refuses money, role and settings changes.
//! Everything done under a grant is recorded in the Organization's audit log (activity log).

use crate::actor::SupportScope;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use crate::mail::{self, Mail};
use crate::{Actor, App, Origin};
use guichet_core::product::ProductState;
use guichet_core::{Access, Action, GrantId, OfferId, OrgId, ProductId, Role, UserId};
use guichet_store::support::{self as store, Grant};
use guichet_store::{Conn, audit, billing, memberships, orgs, sessions};

/// The Premium Support subscription an Organization has (its highest active tier).
#[derive(Clone, Debug)]
pub struct Premium {
    pub product_id: ProductId,
    pub tier: i64,
    pub name: String,
    pub expires_on: Option<guichet_core::period::Date>,
    /// Generated once per Organization when its first Premium Support product became active.
    pub vip_code: Option<String>,
}

/// What the Support page shows.
pub struct SupportView {
    pub premium: Option<Premium>,
    /// Premium Support offers one may order (for "how to get it"), cheapest tier first.
    pub premium_offers: Vec<(OfferId, String, i64)>,
    /// The Organization's grants, newest first (LR/Admin only; empty otherwise).
    pub grants: Vec<Grant>,
    /// Durations offered, in hours (⚙).
    pub durations: Vec<i64>,
}

/// A new support grant: the whole Organization, or the products listed.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct GrantInput {
    pub hours: i64,
    #[serde(default)]
    pub whole_org: bool,
    #[serde(default)]
    pub products: Vec<String>,
}

/// Minimum commitment of a Premium Support subscription, in months (SUP-02).
pub const PREMIUM_MIN_MONTHS: i64 = 6;

/// The contact channels of a Premium Support tier: (catalogue key, value).
pub fn channels(app: &App, tier: i64) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("premium.channel_email", app.config.premium_email.clone()),
        (
            if tier >= 2 {
                "premium.channel_phone_247"
            } else {
                "premium.channel_phone_office"
            },
            app.config.premium_phone.clone(),
        ),
    ];
    if tier >= 2 {
        out.push(("premium.channel_referent", String::new()));
    }
    out
}

/// SUP-02 on ordering: at least six months, and upgrades only (a tier at or below the one the
/// Organization has — active or awaiting payment — is refused with a message).
pub(crate) async fn check_premium_order(
    c: &mut Conn,
    org: OrgId,
    offer: OfferId,
    months: i64,
) -> AppResult<()> {
    let Some(tier) = store::offer_tier(c, offer).await? else {
        return Ok(());
    };
    if months < PREMIUM_MIN_MONTHS {
        return Err(AppError::invalid("period", "premium.min_commitment"));
    }
    let held =
        store::premium_products(c, org, &[ProductState::Pending, ProductState::Active]).await?;
    if held.iter().any(|(_, t, _, _, _)| *t >= tier) {
        return Err(AppError::Conflict("premium.upgrade_only"));
    }
    Ok(())
}

/// SUP-02: when a Premium Support product becomes active, a lower tier it replaces stops (no refund,
/// and no more renewals), and the Organization gets its VIP code (once).
pub(crate) async fn on_product_active(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
    offer: OfferId,
    now: i64,
) -> AppResult<()> {
    use ProductState::{Active, Cancelled};
    let Some(tier) = store::offer_tier(c, offer).await? else {
        return Ok(());
    };
    for (id, lower, name, _, _) in store::premium_products(c, org, &[ProductState::Active]).await? {
        if id != product && lower < tier && billing::set_state(c, id, Active, Cancelled).await? {
            if let Some(p) = billing::get_product(c, org, id).await?
                && let Some(e) = crate::webhooks::product_event(Cancelled, &p)
            {
                crate::webhooks::emit(c, e, now).await?;
            }
            let detail = format!("{name}: active → cancelled (upgrade, no refund)");
            audit::record(c, Some(org), None, "product.state", &detail, "", now).await?;
        }
    }
    if store::vip_code(c, org).await?.is_some() {
        return Ok(());
    }
    for _ in 0..20 {
        let code = format!("VIP-{}", crate::crypto::random_digits(8));
        if !store::vip_code_taken(c, &code).await? {
            store::insert_vip_code(c, org, &code, now).await?;
            audit::record(c, Some(org), None, "support.vip_code", "", "", now).await?;
            return Ok(());
        }
    }
    Err(AppError::Internal("no free VIP code".into()))
}

fn scope_text(g: &Grant, names: &[(ProductId, String)]) -> String {
    if g.whole_org {
        "support.scope_all".into()
    } else {
        g.products
            .iter()
            .map(|p| {
                names
                    .iter()
                    .find(|(id, _)| id == p)
                    .map_or_else(|| p.to_string(), |(_, n)| n.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl App {
    /// The Support page: Premium Support (VIP code, channels) and, for LR/Admin, the grants.
    pub async fn support_view(&self, actor: &Actor) -> AppResult<SupportView> {
        actor.require(Action::ViewOrg)?;
        if actor.can(Action::GrantSupportAccess) {
            // Lazily: a grant that ran out since the last daily job is mailed about now.
            self.mail_expired_support_grants(Some(actor.org)).await?;
        }
        let mut c = self.db.conn().await?;
        let premium = self.premium_of(&mut c, actor.org).await?;
        let currency = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?
            .currency;
        let mut premium_offers = Vec::new();
        for o in billing::catalogue(&mut c, currency, self.now()).await? {
            if let Some(t) = store::offer_tier(&mut c, o.id).await? {
                premium_offers.push((o.id, o.name.clone(), t));
            }
        }
        premium_offers.sort_by_key(|(_, _, t)| *t);
        let grants = if actor.can(Action::GrantSupportAccess) {
            store::grants_of(&mut c, actor.org, 50).await?
        } else {
            Vec::new()
        };
        Ok(SupportView {
            premium,
            premium_offers,
            grants,
            durations: self.config.support_grant_hours.clone(),
        })
    }

    pub(crate) async fn premium_of(&self, c: &mut Conn, org: OrgId) -> AppResult<Option<Premium>> {
        let active = store::premium_products(c, org, &[ProductState::Active]).await?;
        let Some((product_id, tier, name, _, expires_on)) = active.into_iter().next() else {
            return Ok(None);
        };
        Ok(Some(Premium {
            product_id,
            tier,
            name,
            expires_on,
            vip_code: store::vip_code(c, org).await?,
        }))
    }

    /// SUP-03: an LR/Admin lets the provider's operators in, for the whole Organization or chosen
    /// products, for one of the offered durations. The LRs are told by e-mail.
    pub async fn grant_support_access(
        &self,
        actor: &Actor,
        input: &GrantInput,
    ) -> AppResult<Grant> {
        actor.require(Action::GrantSupportAccess)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let mut products = input
            .products
            .iter()
            .map(|p| crate::error::parse_id::<ProductId>(p))
            .collect::<AppResult<Vec<_>>>()?;
        products.sort();
        products.dedup();
        let mut names = Vec::new();
        for p in &products {
            let product = billing::get_product(&mut tx, actor.org, *p)
                .await?
                .ok_or(AppError::NotFound)?;
            names.push((product.id, product.name));
        }
        if !self.config.support_grant_hours.contains(&input.hours) {
            return Err(AppError::invalid("hours", "field.choice"));
        }
        if !input.whole_org && products.is_empty() {
            return Err(AppError::invalid("products", "support.nothing_chosen"));
        }
        let grant = Grant {
            id: GrantId::new(),
            org_id: actor.org,
            whole_org: input.whole_org,
            granted_by: actor.user,
            created_at: now,
            expires_at: now + input.hours * 3600,
            revoked_at: None,
            revoked_by: None,
            expiry_mailed_at: None,
            products: if input.whole_org {
                Vec::new()
            } else {
                products
            },
        };
        store::insert_grant(&mut tx, &grant).await?;
        let scope = scope_text(&grant, &names);
        let scope_param = if grant.whole_org {
            "scope_key"
        } else {
            "scope"
        };
        let until = self.when(grant.expires_at);
        actor
            .audit(
                &mut tx,
                "support.granted",
                &guichet_core::said::encode(
                    "said.support_granted",
                    &[(scope_param, scope.as_str()), ("until", until.as_str())],
                ),
                now,
            )
            .await?;
        for (email, lang) in
            memberships::emails_with_role(&mut tx, actor.org, Role::LegalRep).await?
        {
            let lang = guichet_core::Lang::parse(&lang).unwrap_or_default();
            let scope = if grant.whole_org {
                guichet_core::i18n::t(lang, "support.scope_all").to_string()
            } else {
                scope.clone()
            };
            mail::enqueue(
                &mut tx,
                self,
                &email,
                lang,
                Mail::SupportAccessGranted {
                    org: &actor.org_name,
                    by: &actor.name,
                    scope: &scope,
                    until: &until,
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(grant)
    }

    /// SUP-03: ends a grant at once; the operator's very next request is refused.
    pub async fn revoke_support_access(&self, actor: &Actor, id: GrantId) -> AppResult<()> {
        actor.require(Action::GrantSupportAccess)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        store::get_grant(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !store::revoke(&mut tx, id, actor.user, now).await? {
            return Err(AppError::Conflict("support.not_live"));
        }
        actor
            .audit_and_commit(tx, "support.revoked", "", now)
            .await?;
        Ok(())
    }

    pub async fn support_grants(&self, actor: &Actor) -> AppResult<Vec<Grant>> {
        actor.require(Action::GrantSupportAccess)?;
        let mut c = self.db.conn().await?;
        Ok(store::grants_of(&mut c, actor.org, 50).await?)
    }

    /// Tells the LRs that a grant ran out (once per grant, whichever instance or path gets there
    /// first): called by the daily job for every Organization, and lazily for one.
    pub async fn mail_expired_support_grants(&self, org: Option<OrgId>) -> AppResult<usize> {
        let now = self.now();
        let due = {
            let mut c = self.db.conn().await?;
            store::expired_unmailed(&mut c, org, now).await?
        };
        let mut sent = 0;
        for g in due {
            let mut tx = self.db.begin().await?;
            if !store::claim_expiry_mail(&mut tx, g.id, now).await? {
                continue;
            }
            let org_name = orgs::by_id(&mut tx, g.org_id)
                .await?
                .map(|o| o.name)
                .unwrap_or_default();
            audit::record(
                &mut tx,
                Some(g.org_id),
                None,
                "support.expired",
                &g.id.to_string(),
                "",
                now,
            )
            .await?;
            let expired = || Mail::SupportAccessExpired { org: &org_name };
            mail::to_legal_reps(&mut tx, self, g.org_id, now, expired).await?;
            tx.commit().await?;
            sent += 1;
        }
        Ok(sent)
    }

    /// The operator `user` as an actor in `org`, under the Organization's live grants — resolved
    /// on every request, so a revoked or expired grant refuses the very next one.
    pub async fn support_actor(
        &self,
        user: UserId,
        org: OrgId,
        origin: Origin,
    ) -> AppResult<Actor> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        let (u, o) = crate::actor::person_in_org(&mut c, user, org).await?;
        if !u.is_operator {
            return Err(AppError::NotFound);
        }
        let grants = store::live_grants(&mut c, org, now).await?;
        if grants.is_empty() {
            drop(c);
            // Refused, and the Organization sees that someone tried.
            audit::record(
                &mut *self.db.write_conn().await?,
                Some(org),
                Some(user),
                "support.refused",
                &guichet_core::said::encode("said.support_no_grant", &[]),
                &origin.ip,
                now,
            )
            .await?;
            return Err(AppError::Forbidden("support.no_grant"));
        }
        let products = if grants.iter().any(|g| g.whole_org) {
            None
        } else {
            Some(grants.iter().flat_map(|g| g.products.clone()).collect())
        };
        let whole = products.is_none();
        Ok(Actor {
            support: Some(SupportScope { products }),
            ..Actor::at(u, o, Access::support(whole), origin)
        })
    }

    /// Back office: the Organizations whose support grants are live now.
    pub async fn admin_support_grants(&self, ctx: &SessionCtx) -> AppResult<Vec<(Grant, String)>> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        Ok(store::all_live(&mut c, self.now()).await?)
    }

    /// Back office: an operator opens an Organization under its live grant (their session's current
    /// Organization becomes it). Without a live grant: not found, and nothing changes.
    pub async fn admin_enter_org(
        &self,
        ctx: &SessionCtx,
        org: OrgId,
        origin: &Origin,
    ) -> AppResult<()> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if store::live_grants(&mut tx, org, now).await?.is_empty() {
            return Err(AppError::NotFound);
        }
        sessions::set_org(&mut tx, &ctx.session.id_hash, Some(org)).await?;
        audit::record(
            &mut tx,
            Some(org),
            Some(ctx.user.id),
            "support.entered",
            &ctx.user.email,
            &origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records one request an operator made under a grant, refused or not (the activity log shows
    /// everything done under a grant).
    pub async fn record_support_request(
        &self,
        actor: &Actor,
        method: &str,
        path: &str,
        status: u16,
    ) -> AppResult<()> {
        if actor.support.is_none() {
            return Ok(());
        }
        let action = if status == 403 {
            "support.refused"
        } else {
            "support.request"
        };
        let mut path: String = path.chars().take(300).collect();
        path.retain(|ch| !ch.is_control());
        let tx = self.db.begin().await?;
        actor
            .audit_and_commit(
                tx,
                action,
                &format!("{method} {path} → {status}"),
                self.now(),
            )
            .await?;
        Ok(())
    }
}
