//! Members and invitations (USR-01…03): invite new people or existing logins with a role and the
//! accounting permission, resend or revoke, accept; change roles; remove members.

use crate::auth::{NewSession, SessionCtx};
use crate::crypto::{random_token, sha256_hex};
use crate::error::{AppError, AppResult};
use crate::mail::{self, Mail};
use crate::{Actor, App, Origin};
use guichet_core::permissions::{check_departure, check_role_change};
use guichet_core::{Action, InvitationId, Lang, Role, UserId, password, validate};
use guichet_store::invitations::Invitation;
use guichet_store::memberships::{Member, Membership};
use guichet_store::{Conn, audit, invitations, memberships, orgs, users};

#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct InviteInput {
    pub email: String,
    #[schema(value_type = guichet_core::Role)]
    pub role: String,
    #[serde(default)]
    pub accounting: bool,
    #[serde(default)]
    pub billing_contact: bool,
}

/// What the acceptance page shows.
#[derive(Clone, Debug)]
pub struct InvitationView {
    pub invitation: Invitation,
    pub org_name: String,
    pub inviter_name: String,
    /// A login with the invited address exists: accept by signing in.
    pub login_exists: bool,
    pub usable: bool,
}

impl App {
    pub async fn members(&self, actor: &Actor) -> AppResult<Vec<Member>> {
        actor.require(Action::ViewMembers)?;
        let mut c = self.db.conn().await?;
        Ok(memberships::list(&mut c, actor.org).await?)
    }

    pub async fn open_invitations(&self, actor: &Actor) -> AppResult<Vec<Invitation>> {
        actor.require(Action::ViewMembers)?;
        let mut c = self.db.conn().await?;
        Ok(invitations::open_for_org(&mut c, actor.org).await?)
    }

    /// USR-01: invites a person by e-mail. The invitation e-mail is queued in the same transaction.
    pub async fn invite(&self, actor: &Actor, input: &InviteInput) -> AppResult<Invitation> {
        actor.require(Action::ManageMembers)?;
        let email =
            validate::email(&input.email).ok_or(AppError::invalid("email", "field.email"))?;
        let role = Role::parse(&input.role).ok_or(AppError::invalid("role", "field.choice"))?;
        if role == Role::LegalRep {
            actor.require(Action::GrantLegalRep)?;
        }
        let mut tx = self.db.begin().await?;
        let inv = self
            .invite_in(
                &mut tx,
                actor,
                &email,
                role,
                input.accounting,
                input.billing_contact,
            )
            .await?;
        tx.commit().await?;
        Ok(inv)
    }

    /// The invitation of [`App::invite`] inside the caller's transaction (the caller checked the
    /// permission and the address).
    pub(crate) async fn invite_in(
        &self,
        tx: &mut Conn,
        actor: &Actor,
        email: &str,
        role: Role,
        accounting: bool,
        billing_contact: bool,
    ) -> AppResult<Invitation> {
        let now = self.now();
        if let Some(u) = users::by_email(&mut *tx, email).await?
            && memberships::get(&mut *tx, actor.org, u.id).await?.is_some()
        {
            return Err(AppError::invalid("email", "invite.already_member"));
        }
        let email = email.to_string();
        let inv = Invitation {
            id: InvitationId::new(),
            org_id: actor.org,
            email: email.clone(),
            role,
            accounting: accounting && role == Role::Collaborator,
            billing_contact,
            invited_by: actor.user,
            created_at: now,
            expires_at: now + self.config.invitation_days * 86400,
            accepted_at: None,
            revoked_at: None,
        };
        let token = random_token();
        invitations::insert(&mut *tx, &inv, &sha256_hex(&token))
            .await
            .map_err(|e| {
                if e.is_unique_violation() {
                    AppError::invalid("email", "invite.already_invited")
                } else {
                    e.into()
                }
            })?;
        self.send_invitation(&mut *tx, actor, &inv, &token).await?;
        let event = crate::webhooks::Event::MemberInvited(crate::webhooks::MemberData {
            org_id: actor.org,
            user_id: None,
            email: email.clone(),
            role: role.code().to_owned(),
        });
        crate::webhooks::emit(&mut *tx, event, now).await?;
        actor
            .audit(
                &mut *tx,
                "invitation.created",
                &format!("{email} as {}", role.code()),
                now,
            )
            .await?;
        Ok(inv)
    }

    async fn send_invitation(
        &self,
        c: &mut Conn,
        actor: &Actor,
        inv: &Invitation,
        token: &str,
    ) -> AppResult<()> {
        let lang = match users::by_email(c, &inv.email).await? {
            Some(u) => u.lang,
            None => actor.lang,
        };
        let link = format!(
            "{}/invitations/{token}",
            self.config.public_url.trim_end_matches('/')
        );
        let role = guichet_core::i18n::t(lang, role_key(inv.role)).to_string();
        let days = self.config.invitation_days.to_string();
        let m = Mail::Invitation {
            org: &actor.org_name,
            by: &actor.name,
            role: &role,
            link: &link,
            days: &days,
        };
        mail::enqueue(c, self, &inv.email, lang, m, self.now()).await?;
        Ok(())
    }

    /// Sends the invitation again with a new link and a new expiry; the old link stops working.
    pub async fn resend_invitation(
        &self,
        actor: &Actor,
        id: InvitationId,
    ) -> AppResult<Invitation> {
        actor.require(Action::ManageMembers)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let mut inv = invitations::get(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.accepted_at.is_some() || inv.revoked_at.is_some() {
            return Err(AppError::Conflict("invite.closed"));
        }
        let token = random_token();
        inv.expires_at = now + self.config.invitation_days * 86400;
        invitations::renew(&mut tx, id, &sha256_hex(&token), inv.expires_at).await?;
        self.send_invitation(&mut tx, actor, &inv, &token).await?;
        actor
            .audit_and_commit(tx, "invitation.resent", &inv.email, now)
            .await?;
        Ok(inv)
    }

    pub async fn revoke_invitation(&self, actor: &Actor, id: InvitationId) -> AppResult<()> {
        actor.require(Action::ManageMembers)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let inv = invitations::get(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.accepted_at.is_some() {
            return Err(AppError::Conflict("invite.closed"));
        }
        invitations::revoke(&mut tx, id, now).await?;
        actor
            .audit_and_commit(tx, "invitation.revoked", &inv.email, now)
            .await?;
        Ok(())
    }

    /// The invitation behind a link, for the acceptance page; unknown links give `NotFound`.
    pub async fn invitation(&self, token: &str) -> AppResult<InvitationView> {
        let mut c = self.db.conn().await?;
        let inv = invitations::by_token(&mut c, &sha256_hex(token))
            .await?
            .ok_or(AppError::NotFound)?;
        let org = orgs::by_id(&mut c, inv.org_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let inviter = users::by_id(&mut c, inv.invited_by)
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        let login_exists = users::by_email(&mut c, &inv.email).await?.is_some();
        let usable =
            inv.accepted_at.is_none() && inv.revoked_at.is_none() && inv.expires_at > self.now();
        Ok(InvitationView {
            invitation: inv,
            org_name: org.name,
            inviter_name: inviter,
            login_exists,
            usable,
        })
    }

    async fn join(
        &self,
        c: &mut Conn,
        inv: &Invitation,
        user: UserId,
        origin: &Origin,
    ) -> AppResult<()> {
        let now = self.now();
        if !invitations::accept(c, inv.id, now).await? {
            return Err(AppError::Conflict("invite.closed"));
        }
        if memberships::get(c, inv.org_id, user).await?.is_some() {
            return Err(AppError::Conflict("invite.already_member"));
        }
        let m = Membership {
            org_id: inv.org_id,
            user_id: user,
            role: inv.role,
            accounting: inv.accounting,
            billing_contact: inv.billing_contact,
            created_at: now,
        };
        memberships::insert(c, &m).await?;
        let event = crate::webhooks::Event::MemberJoined(crate::webhooks::MemberData {
            org_id: inv.org_id,
            user_id: Some(user),
            email: inv.email.clone(),
            role: inv.role.code().to_owned(),
        });
        crate::webhooks::emit(c, event, now).await?;
        audit::record(
            c,
            Some(inv.org_id),
            Some(user),
            "invitation.accepted",
            &inv.email,
            &origin.ip,
            now,
        )
        .await?;
        // TEAM-02: an outsider invited into work teams is in them from acceptance on.
        for team in guichet_store::support::invitation_teams(c, inv.id).await? {
            if guichet_store::teams::get_team(c, inv.org_id, team)
                .await?
                .is_some()
            {
                guichet_store::teams::add_member(c, team, user).await?;
            }
        }
        Ok(())
    }

    /// Accepts with the signed-in login, which must be the invited address.
    pub async fn accept_invitation(
        &self,
        ctx: &SessionCtx,
        token: &str,
        origin: &Origin,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let inv = invitations::by_token(&mut tx, &sha256_hex(token))
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.email != ctx.user.email {
            return Err(AppError::Forbidden("invite.wrong_account"));
        }
        self.join(&mut tx, &inv, ctx.user.id, origin).await?;
        guichet_store::sessions::set_org(&mut tx, &ctx.session.id_hash, Some(inv.org_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// ORG-02 (second sentence): a new person signs up through the invitation and joins the
    /// inviting Organization (no Organization of their own is created); they are signed in.
    pub async fn accept_invitation_as_new(
        &self,
        token: &str,
        name: &str,
        pw: &str,
        lang: Lang,
        origin: &Origin,
    ) -> AppResult<NewSession> {
        let name = validate::line(name, 100).ok_or(AppError::invalid("name", "field.required"))?;
        let hash_input = {
            let mut c = self.db.conn().await?;
            let inv = invitations::by_token(&mut c, &sha256_hex(token))
                .await?
                .ok_or(AppError::NotFound)?;
            if let Err(p) = password::check(pw, &[&inv.email, &name]) {
                return Err(AppError::invalid("password", p.key()));
            }
            inv
        };
        let hash = self.hash_password(pw).await?;
        let mut tx = self.db.begin().await?;
        let inv = invitations::by_token(&mut tx, &sha256_hex(token))
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.id != hash_input.id {
            return Err(AppError::NotFound);
        }
        if users::by_email(&mut tx, &inv.email).await?.is_some() {
            return Err(AppError::Conflict("invite.login_instead"));
        }
        let user = self
            .insert_user(&mut tx, &inv.email, &name, &hash, lang, false)
            .await?;
        self.join(&mut tx, &inv, user, origin).await?;
        tx.commit().await?;
        self.login(&inv.email, pw, None, origin).await
    }

    /// USR-02/USR-03: changes a member's role and accounting permission; the person is told by e-mail.
    pub async fn change_member(
        &self,
        actor: &Actor,
        user: UserId,
        role: Role,
        accounting: bool,
    ) -> AppResult<Membership> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        actor.require(Action::ManageMembers)?;
        let current = memberships::get(&mut tx, actor.org, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let lrs = memberships::count_role(&mut tx, actor.org, Role::LegalRep).await?;
        check_role_change(&actor.access, current.role, role, lrs).map_err(|k| {
            if k.starts_with("perm.") {
                AppError::Forbidden(k)
            } else {
                AppError::Conflict(k)
            }
        })?;
        let accounting = accounting && role == Role::Collaborator;
        memberships::update(&mut tx, actor.org, user, role, accounting).await?;
        let who = crate::activity::person(&mut tx, user).await?;
        let detail = format!(
            "{who}: {} -> {}{}",
            current.role.code(),
            role.code(),
            if accounting { " +accounting" } else { "" }
        );
        actor
            .audit(&mut tx, "member.role_changed", &detail, now)
            .await?;
        if let Some(u) = users::by_id(&mut tx, user).await? {
            let role_name = guichet_core::i18n::t(u.lang, role_key(role)).to_string();
            mail::enqueue(
                &mut tx,
                self,
                &u.email,
                u.lang,
                Mail::RoleChanged {
                    org: &actor.org_name,
                    role: &role_name,
                    by: &actor.name,
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Membership {
            role,
            accounting,
            ..current
        })
    }

    /// Removes a member (not the last LR; an LR only by an LR).
    pub async fn remove_member(&self, actor: &Actor, user: UserId) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        actor.require(Action::ManageMembers)?;
        let current = memberships::get(&mut tx, actor.org, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if current.role == Role::LegalRep {
            actor.require(Action::GrantLegalRep)?;
        }
        let lrs = memberships::count_role(&mut tx, actor.org, Role::LegalRep).await?;
        check_departure(current.role, lrs).map_err(AppError::Conflict)?;
        memberships::delete(&mut tx, actor.org, user).await?;
        crate::webhooks::member_removed(&mut tx, actor.org, user, current.role, now).await?;
        let who = crate::activity::person(&mut tx, user).await?;
        actor
            .audit_and_commit(tx, "member.removed", &who, now)
            .await?;
        Ok(())
    }
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::LegalRep => "role.legal_rep",
        Role::Admin => "role.admin",
        Role::Collaborator => "role.collaborator",
        Role::External => "role.external",
    }
}
