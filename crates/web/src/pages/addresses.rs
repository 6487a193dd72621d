//! Billing addresses (ADDR-01) in the Manager: list, add, edit, archive and restore.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, country_select, csrf_field, field, form_errors, manager};
use crate::pages::auth::Empty;
use crate::pages::done::done_notice;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::addresses::AddressInput;
use guichet_app::{AppError, FieldError};
use maud::{Markup, html};
use serde::Deserialize;

const FIELDS: [&str; 7] = [
    "name", "company", "street", "postcode", "city", "country", "email",
];

fn address_form(
    o: &InOrg,
    action: &str,
    input: &AddressInput,
    errors: &[FieldError],
    submit: &str,
) -> Markup {
    let ctx = &o.ctx;
    html! {
        (form_errors(ctx, errors, &FIELDS))
        form method="post" action=(action) {
            (csrf_field(ctx))
            (field(ctx, "name", "address.name_label", "text", &input.name, errors))
            (field(ctx, "company", "address.company_label", "text", &input.company, errors))
            (field(ctx, "street", "org.street_label", "text", &input.street, errors))
            div.inline {
                (field(ctx, "postcode", "org.postcode_label", "text", &input.postcode, errors))
                (field(ctx, "city", "org.city_label", "text", &input.city, errors))
            }
            (country_select(ctx, if input.country.is_empty() { "CH" } else { &input.country }, errors))
            (field(ctx, "email", "address.email_label", "email", &input.email, errors))
            button type="submit" { (ctx.t(submit)) }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    archived: Option<String>,
    done: Option<String>,
}

async fn list_page(
    o: &InOrg,
    show_archived: bool,
    input: &AddressInput,
    errors: &[FieldError],
    done: Option<String>,
) -> Result<Markup, WebError> {
    let list = o
        .ctx
        .state
        .app
        .billing_addresses(&o.actor, show_archived)
        .await?;
    let ctx = &o.ctx;
    Ok(manager(
        o,
        Nav::Addresses,
        ctx.t("nav.addresses"),
        html! {
            (done_notice(ctx, &crate::pages::done::Done { done }))
            div.card {
                p.muted { (ctx.t("address.help")) }
                @if list.is_empty() {
                    p.empty { (ctx.t("empty.addresses")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("address.name_label")) } th { (ctx.t("org.address")) } th { (ctx.t("address.email_label")) } th { (ctx.t("members.actions")) } } }
                        tbody {
                            @for a in &list {
                                tr {
                                    td { (a.fields.name) @if let Some(c) = &a.fields.company { br; span.muted { (c) } } }
                                    td { (a.fields.street) ", " (a.fields.postcode) " " (a.fields.city) ", " (guichet_core::country::name(ctx.lang, &a.fields.country)) }
                                    td { (a.fields.email.as_deref().unwrap_or("—")) }
                                    td {
                                        @if a.archived_at.is_none() {
                                            a href=(format!("/accounting/addresses/{}", a.id)) { (ctx.t("address.edit")) }
                                            " "
                                            form method="post" action=(format!("/accounting/addresses/{}/archive", a.id)) {
                                                (csrf_field(ctx)) button.secondary type="submit" { (ctx.t("address.archive")) }
                                            }
                                        } @else {
                                            span.badge { (ctx.t("address.archived")) } " "
                                            form method="post" action=(format!("/accounting/addresses/{}/restore", a.id)) {
                                                (csrf_field(ctx)) button.secondary type="submit" { (ctx.t("address.restore")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    } }
                }
                p {
                    @if show_archived { a href="/accounting/addresses" { (ctx.t("address.hide_archived")) } }
                    @else { a href="/accounting/addresses?archived=1" { (ctx.t("address.show_archived")) } }
                }
            }
            div.card {
                h2 { (ctx.t("address.add_title")) }
                (address_form(o, "/accounting/addresses", input, errors, "address.add"))
            }
        },
    ))
}

fn blank(o: &InOrg) -> AddressInput {
    AddressInput {
        name: o.actor.org_name.clone(),
        country: "CH".into(),
        ..Default::default()
    }
}

pub async fn list(o: InOrg, Query(q): Query<ListQuery>) -> Result<Markup, WebError> {
    list_page(&o, q.archived.is_some(), &blank(&o), &[], q.done).await
}

pub async fn add(o: InOrg, CsrfForm(input): CsrfForm<AddressInput>) -> Result<Response, WebError> {
    match o.ctx.state.app.add_billing_address(&o.actor, &input).await {
        Ok(_) => Ok(Redirect::to("/accounting/addresses?done=address.added").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            list_page(&o, false, &input, &errs, None).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

fn edit_page(o: &InOrg, id: &str, input: &AddressInput, errors: &[FieldError]) -> Markup {
    let ctx = &o.ctx;
    manager(
        o,
        Nav::Addresses,
        ctx.t("address.edit_title"),
        html! {
            div.card { (address_form(o, &format!("/accounting/addresses/{id}"), input, errors, "form.save")) }
            p { a href="/accounting/addresses" { (ctx.t("form.cancel")) } }
        },
    )
}

pub async fn edit_form(o: InOrg, Path(id): Path<String>) -> Result<Markup, WebError> {
    let id: guichet_core::AddressId = guichet_app::error::parse_id(&id)?;
    let a = o.ctx.state.app.billing_address(&o.actor, id).await?;
    let f = a.fields;
    let input = AddressInput {
        name: f.name,
        company: f.company.unwrap_or_default(),
        street: f.street,
        postcode: f.postcode,
        city: f.city,
        country: f.country,
        email: f.email.unwrap_or_default(),
    };
    Ok(edit_page(&o, &id.to_string(), &input, &[]))
}

pub async fn save(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(input): CsrfForm<AddressInput>,
) -> Result<Response, WebError> {
    let id: guichet_core::AddressId = guichet_app::error::parse_id(&id)?;
    match o
        .ctx
        .state
        .app
        .edit_billing_address(&o.actor, id, &input)
        .await
    {
        Ok(_) => Ok(Redirect::to("/accounting/addresses?done=form.saved").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            edit_page(&o, &id.to_string(), &input, &errs),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn archive(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    set_archived(&o, &id, true).await
}

pub async fn restore(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    set_archived(&o, &id, false).await
}

/// Archives or restores an address, then back to the list with what was done.
async fn set_archived(o: &InOrg, id: &str, archived: bool) -> Result<Response, WebError> {
    let id: guichet_core::AddressId = guichet_app::error::parse_id(id)?;
    let app = &o.ctx.state.app;
    app.archive_billing_address(&o.actor, id, archived).await?;
    let done = if archived {
        "address.archived_done"
    } else {
        "address.restored_done"
    };
    Ok(Redirect::to(&format!("/accounting/addresses?done={done}")).into_response())
}
