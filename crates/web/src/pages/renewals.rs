//! The Organization's renewal settings (prepaid first, saved card).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

async fn settings_page(o: &InOrg, errors: &[FieldError], d: &Done) -> Result<Markup, WebError> {
    let s = o.ctx.state.app.renewal_settings(&o.actor).await?;
    let ctx = &o.ctx;
    Ok(manager(
        o,
        Nav::Products,
        ctx.t("renewal.settings_title"),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            div.card {
                p.muted { (ctx.t("renewal.settings_help")) }
                form method="post" action="/accounting/renewals" {
                    (csrf_field(ctx))
                    div.field {
                        label {
                            input type="checkbox" name="from_prepaid" value="1" checked[s.from_prepaid];
                            " " (ctx.t("renewal.from_prepaid"))
                        }
                    }
                    button type="submit" { (ctx.t("form.save")) }
                }
            }
            div.card {
                h2 { (ctx.t("renewal.card_title")) }
                @if let Some(card) = &s.card {
                    p { (ctx.tf("renewal.card_saved", &[("last4", &card.last4), ("expiry", &card.expiry)])) }
                    form method="post" action="/accounting/renewals/card/remove" {
                        (csrf_field(ctx))
                        button.danger type="submit" { (ctx.t("renewal.card_remove")) }
                    }
                } @else {
                    p.empty { (ctx.t("renewal.card_none")) }
                }
                form method="post" action="/accounting/renewals/card" {
                    (csrf_field(ctx))
                    (crate::card_field::card_inputs(ctx, errors))
                    button type="submit" { (ctx.t("renewal.card_save")) }
                }
            }
        },
    ))
}

pub async fn settings(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    settings_page(&o, &[], &d).await
}

pub async fn save_settings(
    o: InOrg,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let on = f.get("from_prepaid").map(String::as_str) == Some("1");
    o.ctx.state.app.set_renew_from_prepaid(&o.actor, on).await?;
    Ok(Redirect::to("/accounting/renewals?done=form.saved").into_response())
}

#[derive(Deserialize)]
pub struct CardForm {
    #[serde(default)]
    card_number: String,
    #[serde(default)]
    card_expiry: String,
    #[serde(default)]
    card_cvc: String,
    #[serde(default)]
    payment_method: String,
}

pub async fn save_card(o: InOrg, CsrfForm(f): CsrfForm<CardForm>) -> Result<Response, WebError> {
    let fields = guichet_app::prepaid::CardFields {
        card_number: f.card_number,
        card_expiry: f.card_expiry,
        card_cvc: f.card_cvc,
        payment_method: f.payment_method,
    };
    match o.ctx.state.app.save_card(&o.actor, &fields).await {
        Ok(_) => Ok(Redirect::to("/accounting/renewals?done=renewal.card_done").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            settings_page(&o, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_card(
    o: InOrg,
    CsrfForm(_): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    o.ctx.state.app.remove_card(&o.actor).await?;
    Ok(Redirect::to("/accounting/renewals?done=form.saved").into_response())
}
