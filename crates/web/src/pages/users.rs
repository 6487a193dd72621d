//! Users of the Organization: members and their roles, invitations (USR-01…03).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, field, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::members::{InviteInput, role_key};
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, InvitationId, Role, UserId};
use maud::{Markup, html};
use serde::Deserialize;

fn role_select(ctx: &crate::ctx::Ctx, id: &str, current: Role, with_lr: bool) -> Markup {
    html! {
        select id=(id) name="role" {
            @for r in Role::ALL {
                @if r != Role::LegalRep || with_lr || current == Role::LegalRep {
                    option value=(r.code()) selected[r == current] { (ctx.t(role_key(r))) }
                }
            }
        }
    }
}

async fn page(
    o: &InOrg,
    invite: &InviteForm,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let members = app.members(&o.actor).await?;
    let invitations = app.open_invitations(&o.actor).await?;
    let ctx = &o.ctx;
    let manage = o.actor.can(Action::ManageMembers);
    let grant_lr = o.actor.can(Action::GrantLegalRep);
    let now = app.now();
    Ok(manager(
        o,
        Nav::Users,
        ctx.t("nav.users"),
        html! {
            (done_notice(ctx, d))
            div.card {
                h2 { (ctx.t("members.title")) " " span.badge { (members.len()) } }
                div.table-wrap tabindex="0" { table {
                    thead { tr { th { (ctx.t("field.name_label")) } th { (ctx.t("field.email_label")) } th { (ctx.t("members.role")) } th { (ctx.t("members.actions")) } } }
                    tbody {
                        @for m in &members {
                            @let uid = m.membership.user_id;
                            tr {
                                td { (m.name) @if uid == o.actor.user { " " span.muted { (ctx.t("members.you")) } } }
                                td { (m.email) }
                                td {
                                    @if manage && uid != o.actor.user && (grant_lr || m.membership.role != Role::LegalRep) {
                                        form method="post" action=(format!("/users/{uid}/role")) {
                                            (csrf_field(ctx))
                                            label.visually-hidden for=(format!("role-{uid}")) { (ctx.t("members.role")) }
                                            (role_select(ctx, &format!("role-{uid}"), m.membership.role, grant_lr))
                                            label { input type="checkbox" name="accounting" value="1" checked[m.membership.accounting]; " " (ctx.t("members.accounting")) }
                                            " "
                                            button.secondary type="submit" { (ctx.t("form.save")) }
                                        }
                                    } @else {
                                        (ctx.t(role_key(m.membership.role)))
                                        @if m.membership.accounting && m.membership.role == Role::Collaborator { " · " (ctx.t("members.accounting")) }
                                    }
                                }
                                td {
                                    @if manage && uid != o.actor.user && (grant_lr || m.membership.role != Role::LegalRep) {
                                        a href=(format!("/users/{uid}/remove")) { (ctx.t("members.remove")) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            div.card {
                h2 { (ctx.t("invite.open_title")) }
                @if invitations.is_empty() {
                    p.empty { (ctx.t("invite.none")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("field.email_label")) } th { (ctx.t("members.role")) } th { (ctx.t("invite.expires")) } th { (ctx.t("members.actions")) } } }
                        tbody {
                            @for i in &invitations {
                                tr {
                                    td { (i.email) }
                                    td { (ctx.t(role_key(i.role))) }
                                    td { (date(ctx, i.expires_at)) @if i.expires_at <= now { " " span.error { (ctx.t("invite.expired")) } } }
                                    td {
                                        @if manage {
                                            form method="post" action=(format!("/users/invitations/{}/resend", i.id)) {
                                                (csrf_field(ctx)) button.secondary type="submit" { (ctx.t("invite.resend")) }
                                            }
                                            " "
                                            form method="post" action=(format!("/users/invitations/{}/revoke", i.id)) {
                                                (csrf_field(ctx)) button.danger type="submit" { (ctx.t("invite.revoke")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    } }
                }
            }
            @if manage {
                div.card {
                    h2 { (ctx.t("invite.title")) }
                    p.muted { (ctx.t("invite.help")) }
                    (form_errors(ctx, errors, &["email"]))
                    form method="post" action="/users/invite" {
                        (csrf_field(ctx))
                        (field(ctx, "email", "field.email_label", "email", &invite.email, errors))
                        div.field {
                            label for="f-role" { (ctx.t("members.role")) }
                            (role_select(ctx, "f-role", Role::parse(&invite.role).unwrap_or(Role::Collaborator), grant_lr))
                        }
                        div.field { label { input type="checkbox" name="accounting" value="1" checked[invite.accounting.is_some()]; " " (ctx.t("members.accounting_help")) } }
                        div.field { label { input type="checkbox" name="billing_contact" value="1" checked[invite.billing_contact.is_some()]; " " (ctx.t("members.billing_contact")) } }
                        button type="submit" { (ctx.t("invite.send")) }
                    }
                }
            }
        },
    ))
}

pub async fn list(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let blank = InviteForm {
        email: String::new(),
        role: "collaborator".into(),
        accounting: None,
        billing_contact: None,
    };
    page(&o, &blank, &[], &d).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    email: String,
    role: String,
    accounting: Option<String>,
    billing_contact: Option<String>,
}

pub async fn invite(o: InOrg, CsrfForm(f): CsrfForm<InviteForm>) -> Result<Response, WebError> {
    let input = InviteInput {
        email: f.email.clone(),
        role: f.role.clone(),
        accounting: f.accounting.is_some(),
        billing_contact: f.billing_contact.is_some(),
    };
    match o.ctx.state.app.invite(&o.actor, &input).await {
        Ok(_) => Ok(Redirect::to("/users?done=invite.sent").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&o, &f, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, WebError> {
    s.parse().map_err(|_| WebError(AppError::NotFound))
}

#[derive(Deserialize)]
pub struct RoleForm {
    role: String,
    accounting: Option<String>,
}

pub async fn change_role(
    o: InOrg,
    Path(user): Path<String>,
    CsrfForm(f): CsrfForm<RoleForm>,
) -> Result<Response, WebError> {
    let user: UserId = parse(&user)?;
    let role = Role::parse(&f.role).ok_or(AppError::invalid("role", "field.choice"))?;
    o.ctx
        .state
        .app
        .change_member(&o.actor, user, role, f.accounting.is_some())
        .await?;
    Ok(Redirect::to("/users?done=members.role_saved").into_response())
}

pub async fn remove_page(o: InOrg, Path(user): Path<String>) -> Result<Markup, WebError> {
    let user: UserId = parse(&user)?;
    o.actor.require(Action::ManageMembers)?;
    let members = o.ctx.state.app.members(&o.actor).await?;
    let m = members
        .iter()
        .find(|m| m.membership.user_id == user)
        .ok_or(AppError::NotFound)?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::Users,
        ctx.t("members.remove_title"),
        html! {
            div.card {
                p.warning { (guichet_core::i18n::tf(ctx.lang, "members.remove_warning", &[("name", &m.name), ("org", &o.actor.org_name)])) }
                form method="post" action=(format!("/users/{user}/remove")) {
                    (csrf_field(ctx))
                    button.danger type="submit" { (ctx.t("members.remove")) }
                    " " a href="/users" { (ctx.t("form.cancel")) }
                }
            }
        },
    ))
}

pub async fn remove(
    o: InOrg,
    Path(user): Path<String>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let user: UserId = parse(&user)?;
    o.ctx.state.app.remove_member(&o.actor, user).await?;
    Ok(Redirect::to("/users?done=members.removed").into_response())
}

pub async fn resend(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let id: InvitationId = parse(&id)?;
    o.ctx.state.app.resend_invitation(&o.actor, id).await?;
    Ok(Redirect::to("/users?done=invite.resent").into_response())
}

pub async fn revoke(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let id: InvitationId = parse(&id)?;
    o.ctx.state.app.revoke_invitation(&o.actor, id).await?;
    Ok(Redirect::to("/users?done=invite.revoked").into_response())
}
