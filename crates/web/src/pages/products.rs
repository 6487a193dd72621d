//! Products: the list (with ordering) and a product's page (its renewal: automatic renewal,
//! "modify the offer", cancelling and resuming), and switching auto-renewal for many at once.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, field, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::product::ProductState;
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

pub(crate) async fn products_page(
    o: &InOrg,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let products = app.products(&o.actor).await?;
    let can_order = o.actor.can(Action::OrderProducts);
    let can_bill = o.actor.can(Action::Billing);
    let can_renew = o.actor.can(Action::ManageBilling);
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
                        div.table-wrap tabindex="0" { table {
                            thead { tr {
                                @if can_bill { th { (ctx.t("payments.select")) } }
                                th { (ctx.t("product.name")) } th { (ctx.t("product.state")) } th { (ctx.t("product.period")) } th { (ctx.t("product.expires")) } th { (ctx.t("renewal.auto_column")) }
                                @if can_renew { th { span.visually-hidden { (ctx.t("renewal.renew_column")) } } }
                            } }
                            tbody {
                                @for p in &products {
                                    tr {
                                        @if can_bill { td { input type="checkbox" name=(format!("p_{}", p.id)) value="1" aria-label=(p.name); } }
                                        td { a href=(format!("/products/{}", p.id)) { (p.name) } }
                                        td { span.badge { (ctx.t(&format!("product.state.{}", p.state.code()))) } }
                                        td { (p.period_months) " " (ctx.t("product.months")) }
                                        td { (p.expires_on.map(guichet_core::human::date).unwrap_or_else(|| "—".to_owned())) }
                                        td { (ctx.t(if p.auto_renew { "renewal.on" } else { "renewal.off" })) }
                                        @if can_renew {
                                            td {
                                                @if renewable(p) {
                                                    button.secondary type="submit" formaction=(format!("/products/{}/renew", p.id)) aria-label=(ctx.tf("renewal.renew_product", &[("product", &p.name)])) { (ctx.t("renewal.renew")) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        } }
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
                                                (offer.name) " — " (months) " " (ctx.t("product.months")) " — " (Money::new(price.minor, org.currency)) " " (ctx.t("order.excl_vat"))
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

/// Whether a product can be renewed now: it runs (or has just expired) and is not cancelled.
fn renewable(p: &guichet_app::views::Product) -> bool {
    matches!(
        p.state,
        ProductState::Active | ProductState::Expired | ProductState::Blocked
    ) && p.cancel_requested_at.is_none()
        && p.expires_on.is_some()
}

/// « Renouveler »: the product's unpaid invoice, or its next term's invoice issued now, ticked on
/// Payments (issue #14).
pub async fn renew(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    match o.ctx.state.app.renew_now(&o.actor, id).await {
        Ok(invoice) => {
            Ok(Redirect::to(&format!("/payments?all=1&renew={invoice}")).into_response())
        }
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            products_page(&o, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
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
        .order_chosen(&o.actor, offer, months, f.address.as_deref())
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

async fn product_page(
    o: &InOrg,
    id: &str,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let id: guichet_core::ProductId = guichet_app::error::parse_id(id)?;
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
    let addresses = if o.actor.can(Action::ManageBilling) {
        Some(app.billing_addresses(&o.actor, false).await?)
    } else {
        None
    };
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
            (form_errors(ctx, errors, &["label"]))
            div.card {
                dl {
                    @if product.label.is_some() { dt { (ctx.t("product.offer")) } dd { (product.offer_name) } }
                    dt { (ctx.t("product.state")) } dd { span.badge { (ctx.t(&format!("product.state.{}", product.state.code()))) } }
                    dt { (ctx.t("product.period")) } dd { (months(product.period_months)) }
                    dt { (ctx.t("product.expires")) } dd { (product.expires_on.map(guichet_core::human::date).unwrap_or_else(|| "—".to_owned())) }
                }
                p { a href=(format!("/products/{}/access", product.id)) { (ctx.t("renewal.who_has_access")) } }
                form method="post" action=(format!("/products/{}/label", product.id)) {
                    (csrf_field(ctx))
                    (field(ctx, "label", "product.label", "text", product.label.as_deref().unwrap_or(""), errors))
                    p.muted { (ctx.t("product.label_help")) }
                    button.secondary type="submit" { (ctx.t("product.label_save")) }
                }
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
                            p.muted { (ctx.tf("renewal.switch_on_until", &[("date", &r.switch_on_until.as_deref().map(guichet_core::human::date_text).unwrap_or_default())])) }
                            form method="post" action=(format!("/products/{}/auto-renew", product.id)) {
                                (csrf_field(ctx))
                                input type="hidden" name="on" value="1";
                                button type="submit" { (ctx.t("renewal.switch_on")) }
                            }
                        } @else {
                            p.muted { (ctx.t("renewal.too_late")) }
                        }
                    }
                    @if o.actor.can(Action::ManageBilling) && renewable(&product) {
                        form method="post" action=(format!("/products/{}/renew", product.id)) {
                            (csrf_field(ctx))
                            p.muted { (ctx.t("renewal.renew_help")) }
                            button type="submit" { (ctx.t("renewal.renew_now")) }
                        }
                    }
                    p { a href="/accounting/renewals" { (ctx.t("renewal.settings_link")) } }
                }
                @if let Some(addresses) = &addresses {
                    div.card #billing-address {
                        h2 { (ctx.t("product.address_title")) }
                        p.muted { (ctx.t("product.address_help")) }
                        form method="post" action=(format!("/products/{}/billing-address", product.id)) {
                            (csrf_field(ctx))
                            div.field {
                                label for="f-address" { (ctx.t("product.address_label")) }
                                select id="f-address" name="address" {
                                    option value="" selected[product.billing_address_id.is_none()] { (org.name) " — " (ctx.t("product.address_org")) }
                                    @for a in addresses {
                                        option value=(a.id) selected[product.billing_address_id == Some(a.id)] {
                                            (a.fields.company.clone().unwrap_or_else(|| a.fields.name.clone()))
                                            @if a.fields.company.is_some() { " (" (a.fields.name) ")" }
                                            " — " (a.fields.city)
                                        }
                                    }
                                }
                            }
                            p.actions {
                                button type="submit" { (ctx.t("form.save")) }
                                a.button.secondary href="/accounting/addresses" { (ctx.t("product.address_manage")) }
                            }
                        }
                    }
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
                        p.notice { (ctx.tf("product.cancelled_until", &[("date", &product.expires_on.map(guichet_core::human::date).unwrap_or_else(|| "—".to_owned()))])) }
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
                            p.muted { (ctx.tf("product.cancel_running_help", &[("date", &product.expires_on.map(guichet_core::human::date).unwrap_or_else(|| "—".to_owned()))])) }
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
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    let result = if f.confirm.as_deref() == Some("yes") {
        o.ctx
            .state
            .app
            .cancel_product(&o.actor, id)
            .await
            .map(|_| ())
    } else {
        Err(AppError::invalid("confirm", "product.cancel_unconfirmed"))
    };
    product_result(&o, &id.to_string(), result, "product.cancel_done").await
}

#[derive(Deserialize)]
pub struct LabelForm {
    label: String,
}

/// Gives the product its label (issue #14); empty goes back to the offer's name.
pub async fn label(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<LabelForm>,
) -> Result<Response, WebError> {
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    let result = o
        .ctx
        .state
        .app
        .set_product_label(&o.actor, id, &f.label)
        .await;
    product_result(&o, &id.to_string(), result, "product.label_done").await
}

/// Takes a product's cancellation back.
pub async fn resume(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    let result = o.ctx.state.app.resume_product(&o.actor, id).await;
    product_result(&o, &id.to_string(), result, "product.resume_done").await
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
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    let months = f.period_months.trim().parse::<i64>().unwrap_or(0);
    match o.ctx.state.app.change_period(&o.actor, id, months).await {
        Ok(_) => Ok(Redirect::to(&format!("/products/{id}?done=form.saved")).into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            product_page(&o, &id.to_string(), &errs, &Done::default()).await?,
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

#[derive(Deserialize)]
pub struct AddressForm {
    address: String,
}

/// The billing address of the product's renewals (issue #14).
pub async fn set_billing_address(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<AddressForm>,
) -> Result<Response, WebError> {
    let id: guichet_core::ProductId = guichet_app::error::parse_id(&id)?;
    o.ctx
        .state
        .app
        .set_product_billing_address(&o.actor, id, &f.address)
        .await?;
    Ok(Redirect::to(&format!("/products/{id}?done=form.saved#billing-address")).into_response())
}
