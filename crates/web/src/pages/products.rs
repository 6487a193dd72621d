//! Products: the list (with ordering) and a product's page (its renewal: automatic renewal,
//! "modify the offer", cancelling and resuming).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, form_errors, manager};
use crate::pages::org::{Done, done_notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;

pub(crate) async fn products_page(
    o: &InOrg,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let products = app.products(&o.actor).await?;
    let can_order = o.actor.can(Action::OrderProducts);
    let can_bill = o.actor.can(Action::Billing);
    let offers = if can_order {
        app.catalogue(&o.actor).await?
    } else {
        Vec::new()
    };
    let addresses = if o.actor.can(Action::Billing) {
        app.billing_addresses(&o.actor, false).await?
    } else {
        Vec::new()
    };
    let org = app.org(&o.actor).await?;
    let ctx = &o.ctx;
    Ok(manager(
        o,
        Nav::Products,
        ctx.t("nav.products"),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            div.card {
                @if products.is_empty() {
                    p.empty { (ctx.t("empty.products")) }
                } @else {
                    form method="post" action="/products/auto-renew" {
                        (csrf_field(ctx))
                        table {
                            thead { tr {
                                @if can_bill { th { (ctx.t("payments.select")) } }
                                th { (ctx.t("product.name")) } th { (ctx.t("product.state")) } th { (ctx.t("product.period")) } th { (ctx.t("product.expires")) } th { (ctx.t("renewal.auto_column")) }
                            } }
                            tbody {
                                @for p in &products {
                                    tr {
                                        @if can_bill { td { input type="checkbox" name=(format!("p_{}", p.id)) value="1" aria-label=(p.name); } }
                                        td { a href=(format!("/products/{}", p.id)) { (p.name) } }
                                        td { span.badge { (ctx.t(&format!("product.state.{}", p.state.code()))) } }
                                        td { (p.period_months) " " (ctx.t("product.months")) }
                                        td { (p.expires_on.as_deref().unwrap_or("—")) }
                                        td { (ctx.t(if p.auto_renew { "renewal.on" } else { "renewal.off" })) }
                                    }
                                }
                            }
                        }
                        @if can_bill {
                            div.inline {
                                button type="submit" name="on" value="1" { (ctx.t("renewal.switch_on_selected")) }
                                button type="submit" name="on" value="0" { (ctx.t("renewal.switch_off_selected")) }
                            }
                            p.muted { (ctx.t("renewal.many_help")) " " a href="/accounting/renewals" { (ctx.t("renewal.settings_link")) } }
                        }
                    }
                }
            }
            @if can_order && !offers.is_empty() {
                div.card {
                    h2 { (ctx.t("order.title")) }
                    p.muted { (ctx.t("order.help")) }
                    form method="post" action="/products/order" {
                        (csrf_field(ctx))
                        div.field {
                            label for="f-choice" { (ctx.t("order.offer")) }
                            select id="f-choice" name="choice" {
                                @for offer in &offers {
                                    optgroup label=(offer.name) {
                                        @for (months, price) in &offer.prices {
                                            option value=(format!("{}|{months}", offer.id)) {
                                                (offer.name) " — " (months) " " (ctx.t("product.months")) " — " (Money::new(*price, org.currency)) " " (ctx.t("order.excl_vat"))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        @if !addresses.is_empty() {
                            div.field {
                                label for="f-address" { (ctx.t("order.address")) }
                                select id="f-address" name="address" {
                                    option value="" { (org.name) " — " (org.city) }
                                    @for a in &addresses { option value=(a.id) { (a.fields.name) " — " (a.fields.city) } }
                                }
                            }
                        }
                        button type="submit" { (ctx.t("order.submit")) }
                    }
                }
            }
        },
    ))
}

pub async fn products(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    products_page(&o, &[], &d).await
}

#[derive(Deserialize)]
pub struct OrderForm {
    choice: String,
    address: Option<String>,
}

pub async fn order(o: InOrg, CsrfForm(f): CsrfForm<OrderForm>) -> Result<Response, WebError> {
    let (offer, months) = f
        .choice
        .split_once('|')
        .ok_or(AppError::invalid("offer", "field.choice"))?;
    let months: i64 = months
        .parse()
        .map_err(|_| AppError::invalid("offer", "field.choice"))?;
    match o
        .ctx
        .state
        .app
        .order_product(&o.actor, offer, months, f.address.as_deref())
        .await
    {
        Ok((_, invoice)) => Ok(Redirect::to(&format!(
            "/accounting/invoices/{invoice}?done=order.done"
        ))
        .into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            products_page(&o, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}
