//! A product's page (its renewal: automatic renewal, "modify the offer"), switching auto-renewal for
//! many products at once, and the Organization's renewal settings (prepaid first, saved card).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, form_errors, manager};
use crate::pages::org::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::product::ProductState;
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

async fn product_page(
    o: &InOrg,
    id: &str,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let product = app
        .products(&o.actor)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    let renewal = if o.actor.can(Action::Billing) {
        Some(app.renewal(&o.actor, id).await?)
    } else {
        None
    };
    let org = app.org(&o.actor).await?;
    // A web hosting the actor may work on links to its sites and databases.
    let hosting = app.hosting(&o.actor, id).await.is_ok();
    let ctx = &o.ctx;
    let months = |m: i64| format!("{m} {}", ctx.t("product.months"));
    Ok(manager(
        o,
        Nav::Products,
        &product.name,
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            div.card {
                dl {
                    dt { (ctx.t("product.state")) } dd { span.badge { (ctx.t(&format!("product.state.{}", product.state.code()))) } }
                    dt { (ctx.t("product.period")) } dd { (months(product.period_months)) }
                    dt { (ctx.t("product.expires")) } dd { (product.expires_on.as_deref().unwrap_or("—")) }
                }
                p { a href=(format!("/products/{}/access", product.id)) { (ctx.t("renewal.who_has_access")) } }
                @if hosting { p { a href=(format!("/products/{}/sites", product.id)) { (ctx.t("sites.link")) } } }
            }
            @if let Some(r) = &renewal {
                div.card {
                    h2 { (ctx.t("renewal.auto_title")) }
                    @if r.auto_renew {
                        p { strong { (ctx.t("renewal.auto_on")) } " " (ctx.t("renewal.auto_on_help")) }
                        form method="post" action=(format!("/products/{}/auto-renew", product.id)) {
                            (csrf_field(ctx))
                            input type="hidden" name="on" value="0";
                            button type="submit" { (ctx.t("renewal.switch_off")) }
                        }
                    } @else {
                        p { (ctx.t("renewal.auto_off")) }
                        @if r.can_switch_on {
                            p.muted { (ctx.tf("renewal.switch_on_until", &[("date", r.switch_on_until.as_deref().unwrap_or(""))])) }
                            form method="post" action=(format!("/products/{}/auto-renew", product.id)) {
                                (csrf_field(ctx))
                                input type="hidden" name="on" value="1";
                                button type="submit" { (ctx.t("renewal.switch_on")) }
                            }
                        } @else {
                            p.muted { (ctx.t("renewal.too_late")) }
                        }
                    }
                    p { a href="/accounting/renewals" { (ctx.t("renewal.settings_link")) } }
                }
                div.card {
                    h2 { (ctx.t("renewal.period_title")) }
                    @if let (Some(next), Some(from)) = (r.next_period_months, &r.next_period_from) {
                        p.notice { (ctx.tf("renewal.period_scheduled", &[("months", &months(next)), ("date", from)])) }
                    }
                    @if r.periods.len() > 1 {
                        p.muted { (ctx.t("renewal.period_help")) }
                        form method="post" action=(format!("/products/{}/period", product.id)) {
                            (csrf_field(ctx))
                            div.field {
                                label for="f-period_months" { (ctx.t("renewal.period_label")) }
                                select id="f-period_months" name="period_months" {
                                    @for (m, price) in &r.periods {
                                        option value=(m) selected[*m == r.next_period_months.unwrap_or(r.period_months)] {
                                            (months(*m)) " — " (Money::new(*price, org.currency)) " " (ctx.t("order.excl_vat"))
                                        }
                                    }
                                }
                            }
                            button type="submit" { (ctx.t("renewal.period_submit")) }
                        }
                    } @else {
                        p.muted { (ctx.t("renewal.period_none")) }
                    }
                }
            }
            @if o.actor.can(Action::OrderProducts) {
                @let running = matches!(product.state, ProductState::Active | ProductState::Expired | ProductState::Blocked);
                @let pending = product.state == ProductState::Pending;
                @if running && product.cancel_requested_at.is_some() {
                    div.card {
                        h2 { (ctx.t("product.cancel_title")) }
                        p.notice { (ctx.tf("product.cancelled_until", &[("date", product.expires_on.as_deref().unwrap_or("—"))])) }
                        form method="post" action=(format!("/products/{}/resume", product.id)) {
                            (csrf_field(ctx))
                            button type="submit" { (ctx.t("product.resume_button")) }
                        }
                    }
                } @else if running || pending {
                    div.card {
                        h2 { (ctx.t("product.cancel_title")) }
                        @if pending {
                            p.muted { (ctx.t("product.cancel_pending_help")) }
                        } @else {
                            p.muted { (ctx.tf("product.cancel_running_help", &[("date", product.expires_on.as_deref().unwrap_or("—"))])) }
                        }
                        form method="post" action=(format!("/products/{}/cancel", product.id)) {
                            (csrf_field(ctx))
                            label { input type="checkbox" name="confirm" value="yes" required; " " (ctx.t("product.cancel_confirm")) }
                            button.danger type="submit" { (ctx.t("product.cancel_button")) }
                        }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct CancelForm {
    confirm: Option<String>,
}

/// Cancels a product (pending: now; running: at the end of its term), after confirmation.
pub async fn cancel(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<CancelForm>,
) -> Result<Response, WebError> {
    let result = if f.confirm.as_deref() == Some("yes") {
        o.ctx
            .state
            .app
            .cancel_product(&o.actor, &id)
            .await
            .map(|_| ())
    } else {
        Err(AppError::invalid("confirm", "product.cancel_unconfirmed"))
    };
    product_result(&o, &id, result, "product.cancel_done").await
}

/// Takes a product's cancellation back.
pub async fn resume(o: InOrg, Path(id): Path<String>) -> Result<Response, WebError> {
    let result = o.ctx.state.app.resume_product(&o.actor, &id).await;
    product_result(&o, &id, result, "product.resume_done").await
}

/// Back to the product's page: with `done` on success, the message on a refusal.
async fn product_result(
    o: &InOrg,
    id: &str,
    result: Result<(), AppError>,
    done: &str,
) -> Result<Response, WebError> {
    let errs = match result {
        Ok(()) => return Ok(Redirect::to(&format!("/products/{id}?done={done}")).into_response()),
        Err(AppError::Invalid(errs)) => errs,
        Err(AppError::Conflict(key)) => vec![FieldError {
            field: "product",
            key,
            param: None,
        }],
        Err(e) => return Err(e.into()),
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        product_page(o, id, &errs, &Done::default()).await?,
    )
        .into_response())
}

pub async fn product(
    o: InOrg,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    product_page(&o, &id, &[], &d).await
}

#[derive(Deserialize)]
pub struct AutoRenewForm {
    on: String,
}

pub async fn auto_renew(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<AutoRenewForm>,
) -> Result<Response, WebError> {
    let on = f.on == "1";
    match o
        .ctx
        .state
        .app
        .set_auto_renew(&o.actor, std::slice::from_ref(&id), on)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/products/{id}?done=form.saved")).into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            product_page(&o, &id, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PeriodForm {
    period_months: String,
}

pub async fn period(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<PeriodForm>,
) -> Result<Response, WebError> {
    let months = f.period_months.trim().parse::<i64>().unwrap_or(0);
    match o.ctx.state.app.change_period(&o.actor, &id, months).await {
        Ok(_) => Ok(Redirect::to(&format!("/products/{id}?done=form.saved")).into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            product_page(&o, &id, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// AR-01 "for many at once": the products ticked on the products page (`p_<id>` fields).
pub async fn auto_renew_many(
    o: InOrg,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let ids: Vec<String> = f
        .keys()
        .filter_map(|k| k.strip_prefix("p_").map(str::to_string))
        .collect();
    let on = f.get("on").map(String::as_str) == Some("1");
    match o.ctx.state.app.set_auto_renew(&o.actor, &ids, on).await {
        Ok(()) => Ok(Redirect::to("/products?done=form.saved").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::pages::products::products_page(&o, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

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
                    div.inline {
                        div.field { label for="f-card_number" { (ctx.t("card.number_label")) } input id="f-card_number" name="card_number" type="text" autocomplete="cc-number"; }
                        div.field { label for="f-card_expiry" { (ctx.t("card.expiry_label")) } input id="f-card_expiry" name="card_expiry" type="text" autocomplete="cc-exp"; }
                        div.field { label for="f-card_cvc" { (ctx.t("card.cvc_label")) } input id="f-card_cvc" name="card_cvc" type="text" autocomplete="cc-csc"; }
                    }
                    p.muted { (ctx.t("prepaid.test_cards")) }
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
    card_number: String,
    card_expiry: String,
    card_cvc: String,
}

pub async fn save_card(o: InOrg, CsrfForm(f): CsrfForm<CardForm>) -> Result<Response, WebError> {
    let fields = guichet_app::prepaid::CardFields {
        card_number: f.card_number,
        card_expiry: f.card_expiry,
        card_cvc: f.card_cvc,
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
