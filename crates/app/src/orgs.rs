//! Organizations: create several (ORG-03), details and legal fields (ORG-04), currency (ORG-05),
//! leave and delete (ORG-06), settings such as forced 2FA (SEC-01) and the billing reference (INV-08).

use crate::addresses::{payment_text, postal_lines};
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult, Errors};
use crate::mail::{self, Mail};
use crate::{Actor, App, Origin};
use guichet_core::ledger::{AccountKind, AccountRef};
use guichet_core::org::DeletionBlockers;
use guichet_core::permissions::check_departure;
use guichet_core::{Action, Currency, OrgId, OrgKind, Role, currency_for_country, validate};
use guichet_store::orgs::{Org, OrgDetails};
use guichet_store::{audit, ledger, memberships, orgs, sessions};

/// The form of an Organization's details, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DetailsInput {
    pub name: String,
    #[schema(value_type = guichet_core::OrgKind)]
    pub kind: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    #[serde(default)]
    pub vat_number: String,
}

/// What an edit may change; `None` leaves a part as it is.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct OrgUpdate {
    pub legal: Option<DetailsInput>,
    pub phone: Option<String>,
    pub force_2fa: Option<bool>,
}

fn parse_details(input: &DetailsInput) -> AppResult<(OrgDetails, OrgKind)> {
    let mut e = Errors::default();
    let name = payment_text(&mut e, &input.name, 120, "name", "field.required");
    let kind = e.check(OrgKind::parse(&input.kind), "kind", "field.choice");
    let [street, postcode, city, country] = postal_lines(
        &mut e,
        [&input.street, &input.postcode, &input.city, &input.country],
    );
    let vat = e.check(
        validate::optional_line(&input.vat_number, 32),
        "vat_number",
        "field.too_long",
    );
    e.finish()?;
    let d = OrgDetails {
        name: name.unwrap_or_default(),
        kind,
        street,
        postcode,
        city,
        country,
        phone: None,
        vat_number: vat.flatten(),
    };
    Ok((d, kind.unwrap_or(OrgKind::Individual)))
}

impl App {
    /// ORG-03: a new Organization with its creator as LR; becomes the session's current one.
    pub async fn create_org(
        &self,
        ctx: &SessionCtx,
        input: &DetailsInput,
        origin: &Origin,
    ) -> AppResult<OrgId> {
        let (details, kind) = parse_details(input)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let org = orgs::insert(
            &mut tx,
            &details,
            kind,
            currency_for_country(&details.country),
            now,
        )
        .await?;
        let m = memberships::Membership {
            org_id: org,
            user_id: ctx.user.id,
            role: Role::LegalRep,
            accounting: true,
            billing_contact: true,
            created_at: now,
        };
        memberships::insert(&mut tx, &m).await?;
        sessions::set_org(&mut tx, &ctx.session.id_hash, Some(org)).await?;
        audit::record(
            &mut tx,
            Some(org),
            Some(ctx.user.id),
            "org.created",
            &details.name,
            &origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(org)
    }

    pub async fn org(&self, actor: &Actor) -> AppResult<Org> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// ORG-04: legal fields by an LR only (the LRs get a summary), the rest by LR/Admin. ORG-05: the
    /// country fixes the currency of future invoices.
    pub async fn update_org(&self, actor: &Actor, up: &OrgUpdate) -> AppResult<Org> {
        if up.legal.is_some() {
            actor.require(Action::EditLegalFields)?;
        }
        if up.phone.is_some() || up.force_2fa.is_some() {
            actor.require(Action::EditOrgSettings)?;
        }
        let parsed = up.legal.as_ref().map(parse_details).transpose()?;
        let phone = match &up.phone {
            Some(p) => Some(
                validate::optional_line(p, 32)
                    .ok_or(AppError::invalid("phone", "field.too_long"))?,
            ),
            None => None,
        };
        let now = self.now();
        let mut tx = self.db.begin().await?;
        // Under the row lock a top-up takes to read the currency: one that read it first ends
        // before this reads the balances, one that comes after reads the new currency.
        let before = if parsed.is_some() {
            orgs::by_id_locked(&mut tx, actor.org, orgs::RowLock::Update).await?
        } else {
            orgs::by_id(&mut tx, actor.org).await?
        }
        .ok_or(AppError::NotFound)?;
        if let Some((d, kind)) = &parsed {
            let currency = currency_for_country(&d.country);
            // ORG-05: the currency cannot change while money sits on the prepaid account. The
            // balances are read under their accounts' locks, after the Organization's (a top-up
            // holds that from its read of the currency to its commit).
            if currency != before.currency && {
                let accounts = [Currency::Chf, Currency::Eur]
                    .map(|cur| AccountRef::of_org(AccountKind::Prepaid, actor.org, cur));
                ledger::lock_in_order(&mut tx, &accounts, now).await?;
                // A card charge recorded but not settled yet (issue #13) is money on its way to
                // the prepaid account in the old currency: it counts as money there.
                crate::prepaid::any_prepaid_balance(&mut tx, actor.org).await? != 0
                    || guichet_store::charges::pending_of(&mut tx, actor.org).await? > 0
            } {
                return Err(AppError::Conflict("org.currency_locked"));
            }
            orgs::update_legal(&mut tx, actor.org, d, *kind, currency).await?;
            let summary = format!(
                "{} / {} / {} {} {} {} / {} / {}",
                d.name,
                kind.code(),
                d.street,
                d.postcode,
                d.city,
                d.country,
                d.vat_number.as_deref().unwrap_or("-"),
                currency
            );
            actor
                .audit(&mut tx, "org.legal_changed", &summary, now)
                .await?;
            mail::to_legal_reps(&mut tx, self, actor.org, now, || Mail::OrgDetailsChanged {
                org: &d.name,
                by: &actor.name,
                summary: &summary,
            })
            .await?;
        }
        if phone.is_some() || up.force_2fa.is_some() {
            let phone = phone.unwrap_or(before.phone.clone());
            let force = up.force_2fa.unwrap_or(before.force_2fa);
            orgs::update_settings(&mut tx, actor.org, phone.as_deref(), force).await?;
            if phone != before.phone {
                actor
                    .audit(&mut tx, "org.phone", phone.as_deref().unwrap_or(""), now)
                    .await?;
            }
            if force != before.force_2fa {
                actor
                    .audit(&mut tx, "org.force_2fa", &force.to_string(), now)
                    .await?;
            }
        }
        let after = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(after)
    }

    /// INV-08: the free-text reference printed on every later invoice (≤ 128 characters).
    pub async fn set_billing_reference(
        &self,
        actor: &Actor,
        reference: &str,
    ) -> AppResult<Option<String>> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let r = validate::optional_line(reference, 128)
            .ok_or(AppError::invalid("billing_reference", "field.too_long"))?;
        let mut tx = self.db.begin().await?;
        orgs::set_billing_reference(&mut tx, actor.org, r.as_deref()).await?;
        actor
            .audit_and_commit(
                tx,
                "billing.reference",
                r.as_deref().unwrap_or(""),
                self.now(),
            )
            .await?;
        Ok(r)
    }

    pub async fn billing_reference(&self, actor: &Actor) -> AppResult<Option<String>> {
        actor.require(Action::Billing)?;
        Ok(self.org(actor).await?.billing_reference)
    }

    /// ORG-06: leave, unless one is the last LR. The session moves to another Organization, if any.
    pub async fn leave_org(&self, actor: &Actor, ctx: &SessionCtx) -> AppResult<Option<OrgId>> {
        if actor.support.is_some() {
            // SUP-03: an operator under a grant is no member; nothing to leave.
            return Err(AppError::Forbidden("perm.support_read_only"));
        }
        let mut tx = self.db.begin().await?;
        let lrs = memberships::count_role(&mut tx, actor.org, Role::LegalRep).await?;
        check_departure(actor.access.role, lrs).map_err(AppError::Conflict)?;
        memberships::delete(&mut tx, actor.org, actor.user).await?;
        crate::webhooks::member_removed(
            &mut tx,
            actor.org,
            actor.user,
            actor.access.role,
            self.now(),
        )
        .await?;
        actor
            .audit(&mut tx, "member.left", &actor.email, self.now())
            .await?;
        move_session_on(tx, actor, ctx).await
    }

    /// What stands in the way of deleting the Organization (ORG-06).
    pub async fn deletion_blockers(&self, actor: &Actor) -> AppResult<DeletionBlockers> {
        actor.require(Action::DeleteOrg)?;
        let mut c = self.db.conn().await?;
        blockers(&mut c, actor).await
    }

    /// ORG-06: deletes (soft) an Organization with no products, no other member, a zero balance and
    /// no unpaid invoice. Its history stays in the database.
    pub async fn delete_org(&self, actor: &Actor, ctx: &SessionCtx) -> AppResult<Option<OrgId>> {
        actor.require(Action::DeleteOrg)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if let Some(first) = blockers(&mut tx, actor).await?.reasons().first() {
            return Err(AppError::Conflict(first));
        }
        orgs::mark_deleted(&mut tx, actor.org, now).await?;
        actor
            .audit(&mut tx, "org.deleted", &actor.org_name, now)
            .await?;
        move_session_on(tx, actor, ctx).await
    }
}

/// Once the person is out of the current Organization (left it, or deleted it): the session moves
/// to their first remaining one (or none), and the transaction is committed. Returns where it went.
async fn move_session_on(
    mut tx: guichet_store::Tx,
    actor: &Actor,
    ctx: &SessionCtx,
) -> AppResult<Option<OrgId>> {
    let next = memberships::orgs_of(&mut tx, actor.user)
        .await?
        .first()
        .map(|o| o.org_id);
    sessions::set_org(&mut tx, &ctx.session.id_hash, next).await?;
    tx.commit().await?;
    Ok(next)
}

/// ORG-06's conditions, read in the caller's transaction.
async fn blockers(c: &mut guichet_store::Conn, actor: &Actor) -> AppResult<DeletionBlockers> {
    Ok(DeletionBlockers {
        other_members: memberships::count(c, actor.org).await? - 1,
        // Card top-ups still being processed count: their money is on its way to the balance.
        prepaid_balance_minor: crate::prepaid::any_prepaid_balance(c, actor.org)
            .await?
            .saturating_add(guichet_store::charges::pending_amount(c, actor.org).await?),
        products: guichet_store::billing::count_live_products(c, actor.org).await?,
        unpaid_invoices: guichet_store::billing::count_unpaid(c, actor.org).await?,
    })
}
