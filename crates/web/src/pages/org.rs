//! The Organization switcher, Organization details and settings, leaving and
//! deleting, and the billing reference. The prepaid account's pages are in `prepaid.rs`.

use crate::csrf::CsrfForm;
use crate::ctx::{InOrg, Signed};
use crate::error::WebError;
use crate::layout::{
    Nav, country_select, csrf_field, date, field, form_errors, manager, public_page,
};
use crate::pages::done::{Done, done_notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::orgs::{DetailsInput, OrgUpdate};
use guichet_app::views::Org;
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, OrgId, OrgKind};
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct SwitchForm {
    org: String,
}

/// ORG-03: switch at once, no new login.
pub async fn switch(s: Signed, CsrfForm(f): CsrfForm<SwitchForm>) -> Result<Response, WebError> {
    let org: OrgId = f.org.parse().map_err(|_| AppError::NotFound)?;
    s.ctx.state.app.switch_org(&s.sess, org).await?;
    Ok(Redirect::to("/").into_response())
}

fn kind_select(ctx: &crate::ctx::Ctx, current: &str, disabled: bool) -> Markup {
    html! {
        div.field {
            label for="f-kind" { (ctx.t("org.kind_label")) }
            select id="f-kind" name="kind" disabled[disabled] {
                @for k in OrgKind::ALL {
                    option value=(k.code()) selected[k.code() == current] { (ctx.t(&format!("org.kind.{}", k.code()))) }
                }
            }
        }
    }
}

fn details_fields(ctx: &crate::ctx::Ctx, d: &DetailsInput, errors: &[FieldError]) -> Markup {
    html! {
        (field(ctx, "name", "org.name_label", "text", &d.name, errors))
        (kind_select(ctx, &d.kind, false))
        (field(ctx, "street", "org.street_label", "text", &d.street, errors))
        div.inline {
            (field(ctx, "postcode", "org.postcode_label", "text", &d.postcode, errors))
            (field(ctx, "city", "org.city_label", "text", &d.city, errors))
        }
        (country_select(ctx, &d.country, errors))
        p.muted { (ctx.t("org.currency_rule")) }
        (field(ctx, "vat_number", "org.vat_label", "text", &d.vat_number, errors))
    }
}

/// The form creating an Organization: in the Manager's layout when the person already works in
/// one (`o`), else on its own (a first Organization).
fn new_org_form(s: &Signed, o: Option<&InOrg>, d: &DetailsInput, errors: &[FieldError]) -> Markup {
    let ctx = &s.ctx;
    let body = html! {
        @if o.is_none() { h1 { (ctx.t("org.new_title")) } }
        div.card {
            p.muted { (ctx.t("org.new_intro")) }
            (form_errors(ctx, errors, &["name", "kind", "street", "postcode", "city", "country", "vat_number"]))
            form method="post" action="/orgs/new" {
                (csrf_field(ctx))
                (details_fields(ctx, d, errors))
                p.actions {
                    button type="submit" { (ctx.t("org.create")) }
                    a.button.secondary href=(if o.is_some() { "/profile" } else { "/" }) { (ctx.t("form.cancel")) }
                }
            }
        }
    };
    match o {
        Some(o) => manager(o, Nav::Profile, ctx.t("org.new_title"), body),
        None => public_page(ctx, ctx.t("org.new_title"), body),
    }
}

pub async fn new_org_page(s: Signed, o: Result<InOrg, Response>) -> Markup {
    let d = DetailsInput {
        kind: "company".into(),
        country: "CH".into(),
        ..Default::default()
    };
    new_org_form(&s, o.ok().as_ref(), &d, &[])
}

pub async fn new_org(
    s: Signed,
    o: Result<InOrg, Response>,
    CsrfForm(d): CsrfForm<DetailsInput>,
) -> Result<Response, WebError> {
    match s.ctx.state.app.create_org(&s.sess, &d, &s.ctx.origin).await {
        Ok(_) => Ok(Redirect::to("/org?done=org.created_done").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            new_org_form(&s, o.ok().as_ref(), &d, &errs),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

fn as_input(org: &Org) -> DetailsInput {
    DetailsInput {
        name: org.name.clone(),
        kind: org.kind.code().into(),
        street: org.street.clone(),
        postcode: org.postcode.clone(),
        city: org.city.clone(),
        country: org.country.clone(),
        vat_number: org.vat_number.clone().unwrap_or_default(),
    }
}

fn org_page(
    o: &InOrg,
    org: &Org,
    form: &DetailsInput,
    phone: &str,
    errors: &[FieldError],
    d: &Done,
) -> Markup {
    let ctx = &o.ctx;
    let is_lr = o.actor.can(Action::EditLegalFields);
    let can_settings = o.actor.can(Action::EditOrgSettings);
    manager(
        o,
        Nav::Organization,
        ctx.t("nav.organization"),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &["name", "kind", "street", "postcode", "city", "country", "vat_number", "phone"]))
            div.card {
                h2 { (ctx.t("org.details")) }
                p { (ctx.t("org.currency_line")) " " strong { (org.currency) } " · " span.muted { (ctx.t("org.created")) " " (date(ctx, org.created_at)) } }
                @if is_lr {
                    form method="post" action="/org" {
                        (csrf_field(ctx))
                        (details_fields(ctx, form, errors))
                        (field(ctx, "phone", "org.phone_label", "tel", phone, errors))
                        button type="submit" { (ctx.t("form.save")) }
                    }
                } @else {
                    dl {
                        dt { (ctx.t("org.name_label")) } dd { (org.name) }
                        dt { (ctx.t("org.kind_label")) } dd { (ctx.t(&format!("org.kind.{}", org.kind.code()))) }
                        dt { (ctx.t("org.address")) } dd { (org.street) ", " (org.postcode) " " (org.city) ", " (guichet_core::country::name(ctx.lang, &org.country)) }
                        dt { (ctx.t("org.vat_label")) } dd { (org.vat_number.as_deref().unwrap_or("—")) }
                    }
                    p.muted { (ctx.t("org.legal_lr_only")) }
                    @if can_settings {
                        form method="post" action="/org/settings" {
                            (csrf_field(ctx))
                            (field(ctx, "phone", "org.phone_label", "tel", phone, errors))
                            button type="submit" { (ctx.t("form.save")) }
                        }
                    }
                }
            }
            @if can_settings {
                div.card {
                    h2 { (ctx.t("org.security")) }
                    form method="post" action="/org/settings" {
                        (csrf_field(ctx))
                        input type="hidden" name="phone" value=(phone);
                        div.field {
                            label { input type="checkbox" name="force_2fa" value="1" checked[org.force_2fa]; " " (ctx.t("org.force_2fa")) }
                        }
                        input type="hidden" name="force_2fa_present" value="1";
                        button type="submit" { (ctx.t("form.save")) }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("org.leave_title")) }
                p { (ctx.t("org.leave_help")) }
                form method="post" action="/org/leave" {
                    (csrf_field(ctx))
                    label { input type="checkbox" name="confirm" value="1" required; " " (ctx.t("org.leave_confirm")) }
                    " "
                    button.danger type="submit" { (ctx.t("org.leave")) }
                }
                @if is_lr {
                    p { a href="/org/delete" { (ctx.t("org.delete_link")) } }
                }
            }
        },
    )
}

pub async fn org_details(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let org = o.ctx.state.app.org(&o.actor).await?;
    let phone = org.phone.clone().unwrap_or_default();
    Ok(org_page(&o, &org, &as_input(&org), &phone, &[], &d))
}

#[derive(Deserialize)]
pub struct DetailsForm {
    #[serde(flatten)]
    details: DetailsInput,
    phone: Option<String>,
}

pub async fn save_details(
    o: InOrg,
    CsrfForm(f): CsrfForm<DetailsForm>,
) -> Result<Response, WebError> {
    let up = OrgUpdate {
        legal: Some(f.details.clone()),
        phone: f.phone.clone(),
        force_2fa: None,
    };
    match o.ctx.state.app.update_org(&o.actor, &up).await {
        Ok(_) => Ok(Redirect::to("/org?done=form.saved").into_response()),
        Err(AppError::Invalid(errs)) => {
            let org = o.ctx.state.app.org(&o.actor).await?;
            let page = org_page(
                &o,
                &org,
                &f.details,
                f.phone.as_deref().unwrap_or(""),
                &errs,
                &Done::default(),
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SettingsForm {
    phone: Option<String>,
    force_2fa: Option<String>,
    force_2fa_present: Option<String>,
}

pub async fn save_settings(
    o: InOrg,
    CsrfForm(f): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let force = f
        .force_2fa_present
        .is_some()
        .then_some(f.force_2fa.is_some());
    let up = OrgUpdate {
        legal: None,
        phone: f.phone,
        force_2fa: force,
    };
    o.ctx.state.app.update_org(&o.actor, &up).await?;
    Ok(Redirect::to("/org?done=form.saved").into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    confirm: Option<String>,
}

pub async fn leave(o: InOrg, CsrfForm(f): CsrfForm<ConfirmForm>) -> Result<Response, WebError> {
    if f.confirm.is_none() {
        return Err(AppError::invalid("confirm", "form.confirm_needed").into());
    }
    let next = o.ctx.state.app.leave_org(&o.actor, &o.sess).await?;
    Ok(Redirect::to(if next.is_some() {
        "/?done=org.left"
    } else {
        "/orgs/new"
    })
    .into_response())
}

pub async fn delete_page(o: InOrg) -> Result<Markup, WebError> {
    let ctx = &o.ctx;
    let blockers = o.ctx.state.app.deletion_blockers(&o.actor).await?;
    let reasons = blockers.reasons();
    Ok(manager(
        &o,
        Nav::Organization,
        ctx.t("org.delete_title"),
        html! {
            div.card {
                p { (ctx.t("org.delete_help")) }
                @if reasons.is_empty() {
                    p.warning { (guichet_core::i18n::tf(ctx.lang, "org.delete_warning", &[("org", &o.actor.org_name)])) }
                    form method="post" action="/org/delete" {
                        (csrf_field(ctx))
                        div.field {
                            label for="f-confirm_name" { (ctx.t("org.delete_type_name")) }
                            input id="f-confirm_name" name="confirm_name" type="text" required;
                        }
                        button.danger type="submit" { (ctx.t("org.delete")) }
                        " " a href="/org" { (ctx.t("form.cancel")) }
                    }
                } @else {
                    ul { @for r in &reasons { li.error { (ctx.t(r)) } } }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    confirm_name: String,
}

pub async fn delete(o: InOrg, CsrfForm(f): CsrfForm<DeleteForm>) -> Result<Response, WebError> {
    if f.confirm_name.trim() != o.actor.org_name {
        return Err(AppError::invalid("confirm_name", "org.delete_name_mismatch").into());
    }
    let next = o.ctx.state.app.delete_org(&o.actor, &o.sess).await?;
    Ok(Redirect::to(if next.is_some() {
        "/?done=org.deleted"
    } else {
        "/orgs/new"
    })
    .into_response())
}

pub async fn billing_settings(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let reference = o.ctx.state.app.billing_reference(&o.actor).await?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::BillingSettings,
        ctx.t("nav.billing_settings"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                h2 { (ctx.t("billing.reference_title")) }
                p.muted { (ctx.t("billing.reference_help")) }
                form method="post" action="/accounting/settings" {
                    (csrf_field(ctx))
                    (field(ctx, "billing_reference", "billing.reference_label", "text", reference.as_deref().unwrap_or(""), &[]))
                    button type="submit" { (ctx.t("form.save")) }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct ReferenceForm {
    billing_reference: String,
}

pub async fn save_billing_settings(
    o: InOrg,
    CsrfForm(f): CsrfForm<ReferenceForm>,
) -> Result<Response, WebError> {
    o.ctx
        .state
        .app
        .set_billing_reference(&o.actor, &f.billing_reference)
        .await?;
    Ok(Redirect::to("/accounting/settings?done=form.saved").into_response())
}
