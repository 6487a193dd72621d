//! The catalogue in the back office: offers, prices in force from a date, active or not.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::admin_page;
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct CatalogueQuery {
    done: Option<String>,
    error: Option<String>,
}

/// The catalogue in the back office: offers, their prices in force and scheduled, and the forms
/// to add an offer, schedule a price and show or withdraw an offer.
pub async fn catalogue(s: Signed, Query(q): Query<CatalogueQuery>) -> Result<Markup, WebError> {
    use guichet_core::money::format_minor;
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let ctx = &s.ctx;
    let app = &s.ctx.state.app;
    let offers = app.admin_offers(&s.sess).await?;
    let now = app.now();
    let today = guichet_app::billing::today(now).iso();
    let known = |k: &Option<String>| {
        k.as_deref()
            .filter(|k| guichet_core::i18n::is_known(k))
            .map(str::to_owned)
    };
    let (done, error) = (known(&q.done), known(&q.error));
    Ok(admin_page(
        ctx,
        ctx.t("admin.catalogue"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.catalogue")) }
            p.muted { (ctx.t("admin.catalogue_help")) }
            @if let Some(k) = &done { (crate::layout::notice(ctx.t(k))) }
            @if let Some(k) = &error { p.error role="alert" { (ctx.t(k)) } }
            @if offers.is_empty() { p.empty { (ctx.t("admin.catalogue_empty")) } }
            @for o in &offers {
                div.card id=(format!("offer-{}", o.id)) {
                    h2 { (o.name) " " span.muted { "(" (o.product_type.code()) ")" }
                        @if !o.active { " " span.badge { (ctx.t("admin.offer_withdrawn")) } } }
                    @if o.prices.is_empty() {
                        p.empty { (ctx.t("admin.no_price")) }
                    } @else {
                        div.table-wrap tabindex="0" { table {
                            thead { tr { th { (ctx.t("product.period")) } th { (ctx.t("admin.currency")) } th.num { (ctx.t("admin.price_net")) } th { (ctx.t("admin.valid_from")) } th {} } }
                            tbody {
                                @for (i, p) in o.prices.iter().enumerate() {
                                    @let newer_in_force = o.prices[..i].iter().any(|r| r.months == p.months && r.price.currency == p.price.currency && r.valid_from <= now);
                                    @let state = if p.valid_from > now { "admin.price_scheduled" } else if newer_in_force { "admin.price_past" } else { "admin.price_current" };
                                    tr {
                                        td { (p.months) " " (ctx.t("product.months")) }
                                        td { (p.price.currency) }
                                        td.num { (format_minor(p.price.minor)) }
                                        td { (guichet_app::billing::today(p.valid_from).iso()) }
                                        td { span.badge { (ctx.t(state)) } }
                                    }
                                }
                            }
                        } }
                    }
                    form.inline method="post" action=(format!("/admin/catalogue/{}/prices", o.id)) {
                        (crate::layout::csrf_field(ctx))
                        label { (ctx.t("product.period")) " "
                            select name="months" { @for m in guichet_core::period::PERIODS { option value=(m) { (m) } } } }
                        label { (ctx.t("admin.currency")) " "
                            select name="currency" { option value="CHF" { "CHF" } option value="EUR" { "EUR" } } }
                        label { (ctx.t("admin.price_net")) " " input name="amount" type="text" inputmode="decimal" required size="8"; }
                        label { (ctx.t("admin.valid_from")) " " input name="valid_from" type="date" required value=(today) min=(today); }
                        button type="submit" { (ctx.t("admin.set_price")) }
                    }
                    form.inline method="post" action=(format!("/admin/catalogue/{}/active", o.id)) {
                        (crate::layout::csrf_field(ctx))
                        @if o.active {
                            input type="hidden" name="active" value="no";
                            button.danger type="submit" { (ctx.t("admin.withdraw_offer")) }
                        } @else {
                            input type="hidden" name="active" value="yes";
                            button type="submit" { (ctx.t("admin.show_offer")) }
                        }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("admin.new_offer")) }
                form method="post" action="/admin/catalogue/offers" {
                    (crate::layout::csrf_field(ctx))
                    label for="product_type" { (ctx.t("admin.product_type")) }
                    select id="product_type" name="product_type" {
                        @for t in guichet_core::product::ProductType::ALL { option value=(t.code()) { (t.code()) } }
                    }
                    label for="offer_name" { (ctx.t("admin.offer_name")) }
                    input id="offer_name" name="name" type="text" maxlength="100" required;
                    button type="submit" { (ctx.t("admin.create_offer")) }
                }
            }
        },
    ))
}

fn catalogue_back(
    result: Result<&'static str, AppError>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::{IntoResponse, Redirect};
    let (what, key) = match result {
        Ok(k) => ("done", k),
        Err(AppError::Invalid(fields)) => (
            "error",
            fields.first().map(|e| e.key).unwrap_or("error.invalid"),
        ),
        Err(AppError::Conflict(k)) => ("error", k),
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/admin/catalogue?{what}={key}")).into_response())
}

#[derive(Deserialize)]
pub struct NewOfferForm {
    product_type: String,
    name: String,
}

pub async fn create_offer(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<NewOfferForm>,
) -> Result<axum::response::Response, WebError> {
    let r = s
        .ctx
        .state
        .app
        .admin_create_offer(&s.sess, &f.product_type, &f.name)
        .await;
    catalogue_back(r.map(|_| "admin.offer_created"))
}

#[derive(Deserialize)]
pub struct PriceForm {
    months: i64,
    currency: String,
    amount: String,
    valid_from: String,
}

pub async fn set_price(
    s: Signed,
    axum::extract::Path(offer): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<PriceForm>,
) -> Result<axum::response::Response, WebError> {
    let offer: guichet_core::OfferId = guichet_app::error::parse_id(&offer)?;
    let amount =
        match guichet_core::money::parse_amount_text(&f.amount, guichet_core::money::Zero::Allowed)
        {
            Ok(a) => a,
            Err(e) => return catalogue_back(Err(AppError::invalid("amount", e.key()))),
        };
    let input = guichet_app::catalogue::PriceInput {
        months: f.months,
        currency: f.currency,
        amount_minor: amount,
        valid_from: f.valid_from,
    };
    let r = s
        .ctx
        .state
        .app
        .admin_set_price(&s.sess, offer, &input)
        .await;
    catalogue_back(r.map(|_| "admin.price_saved"))
}

#[derive(Deserialize)]
pub struct ActiveForm {
    active: String,
}

pub async fn set_offer_active(
    s: Signed,
    axum::extract::Path(offer): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<ActiveForm>,
) -> Result<axum::response::Response, WebError> {
    let offer: guichet_core::OfferId = guichet_app::error::parse_id(&offer)?;
    let active = match f.active.as_str() {
        "yes" => true,
        "no" => false,
        _ => return catalogue_back(Err(AppError::invalid("active", "field.choice"))),
    };
    let r = s
        .ctx
        .state
        .app
        .admin_set_offer_active(&s.sess, offer, active)
        .await;
    catalogue_back(r.map(|_| "admin.offer_saved"))
}
