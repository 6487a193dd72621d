//! Products (order, list) and invoices (history with filters, detail, pay from the prepaid balance).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, form_errors, manager};
use crate::pages::org::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::billing::InvoiceFilter;
use guichet_app::export::CsvForm;
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

pub async fn invoices(
    o: InOrg,
    Query(f): Query<InvoiceFilter>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    invoices_page(&o, &f, &[], &d).await
}

async fn invoices_page(
    o: &InOrg,
    f: &InvoiceFilter,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let page = o.ctx.state.app.invoices(&o.actor, f).await?;
    let ctx = &o.ctx;
    let query = |p: i64| {
        let params = [
            ("status", f.status.clone().unwrap_or_default()),
            ("from", f.from.clone().unwrap_or_default()),
            ("to", f.to.clone().unwrap_or_default()),
            ("page", p.to_string()),
        ];
        format!(
            "/accounting/invoices?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    Ok(manager(
        o,
        Nav::Invoices,
        ctx.t("nav.invoices"),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            form.inline method="get" action="/accounting/invoices" {
                div.field {
                    label for="f-status" { (ctx.t("invoice.status")) }
                    select id="f-status" name="status" {
                        option value="" { (ctx.t("invoice.all")) }
                        @for s in guichet_core::status::InvoiceStatus::ALL.map(|s| s.as_str()) {
                            option value=(s) selected[f.status.as_deref() == Some(s)] { (ctx.t(&format!("invoice.status.{s}"))) }
                        }
                    }
                }
                div.field { label for="f-from" { (ctx.t("invoice.from")) } input id="f-from" name="from" type="date" value=(f.from.clone().unwrap_or_default()); }
                div.field { label for="f-to" { (ctx.t("invoice.to")) } input id="f-to" name="to" type="date" value=(f.to.clone().unwrap_or_default()); }
                button type="submit" { (ctx.t("invoice.filter")) }
                " "
                a href=(query(1).replace("/accounting/invoices?", "/accounting/invoices/export.csv?")) { (ctx.t("invoice.export_csv")) }
                " "
                a href=(query(1).replace("/accounting/invoices?", "/accounting/invoices/export.xlsx?")) { (ctx.t("invoice.export_xlsx")) }
            }
            form.inline method="post" action="/accounting/invoices/export/mail" {
                (csrf_field(ctx))
                input type="hidden" name="status" value=(f.status.clone().unwrap_or_default());
                input type="hidden" name="from" value=(f.from.clone().unwrap_or_default());
                input type="hidden" name="to" value=(f.to.clone().unwrap_or_default());
                button.secondary type="submit" { (ctx.t("invoice.export_mail")) }
            }
            @if page.invoices.is_empty() {
                p.empty { (ctx.t("empty.invoices")) }
            } @else {
                table {
                    thead { tr { th { (ctx.t("invoice.number")) } th { (ctx.t("invoice.date")) } th { (ctx.t("invoice.status")) } th.num { (ctx.t("invoice.total")) } th { "PDF" } } }
                    tbody {
                        @for i in &page.invoices {
                            tr {
                                td { a href=(format!("/accounting/invoices/{}", i.id)) { (i.number) } }
                                td { (date(i.issued_at)) }
                                td { span.badge { (ctx.t(&format!("invoice.status.{}", i.status))) } }
                                td.num { (Money::new(i.gross, i.currency)) }
                                td { (pdf_link(ctx, &i.id, i.status)) }
                            }
                        }
                    }
                }
                div.pager {
                    @if page.page > 1 { a href=(query(page.page - 1)) { "← " (ctx.t("pager.previous")) } }
                    span { (guichet_core::i18n::tf(ctx.lang, "pager.page_of", &[("page", &page.page.to_string()), ("pages", &page.pages.to_string())])) }
                    @if page.page < page.pages { a href=(query(page.page + 1)) { (ctx.t("pager.next")) " →" } }
                }
            }
        },
    ))
}

async fn invoice_page(
    o: &InOrg,
    id: &str,
    errors: &[FieldError],
    d: &Done,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let (inv, lines) = app.invoice(&o.actor, id).await?;
    let credit_notes = app.credit_notes(&o.actor, id).await?;
    let reminders = app.reminder_state(&o.actor, id).await?;
    let ctx = &o.ctx;
    let payable = inv.status.is_payable();
    let can_pay = o.actor.can(Action::Pay);
    let key = guichet_app::crypto::random_token();
    Ok(manager(
        o,
        Nav::Invoices,
        &format!("{} {}", ctx.t("invoice.title"), inv.number),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            div.card {
                p { span.badge { (ctx.t(&format!("invoice.status.{}", inv.status))) } " · " (ctx.t("invoice.date")) " " (date(inv.issued_at)) " · " (ctx.t("invoice.due")) " " (inv.due_on) }
                p { strong { (inv.bill_to[0]) } br; (inv.bill_to[1]) br; (inv.bill_to[2]) " " (inv.bill_to[3]) " " (inv.bill_to[4]) }
                @if let Some(r) = &inv.billing_reference { p { (ctx.t("billing.reference_label")) ": " (r) } }
                table {
                    thead { tr { th { (ctx.t("invoice.line")) } th.num { (ctx.t("invoice.net")) } th.num { (ctx.t("invoice.vat")) } th.num { (ctx.t("invoice.total")) } } }
                    tbody {
                        @for l in &lines {
                            tr { td { (l.description) } td.num { (Money::new(l.net, inv.currency)) } td.num { (Money::new(l.vat, inv.currency)) } td.num { (Money::new(l.gross, inv.currency)) } }
                        }
                        tr { th { (ctx.t("invoice.total")) } th.num { (Money::new(inv.net, inv.currency)) } th.num { (Money::new(inv.vat, inv.currency)) } th.num { (Money::new(inv.gross, inv.currency)) } }
                    }
                }
                p.muted { (ctx.t("invoice.vat_rate")) " " (guichet_core::money::format_minor(inv.vat_rate_bp)) " %"
                    @if let Some(m) = &inv.vat_mention { " — " (ctx.t(m)) } }
                p { (ctx.t("prepaid.transfer_reference")) ": " code { (inv.payment_reference) } }
                p { (pdf_link(ctx, &inv.id, inv.status)) }
                @if !reminders.sent.is_empty() {
                    p.muted { (ctx.t("invoice.reminders_sent")) ": "
                        @for (i, (level, on)) in reminders.sent.iter().enumerate() {
                            @if i > 0 { ", " } "R" (level) " (" (on) ")"
                        }
                    }
                }
            }
            @if !credit_notes.is_empty() {
                div.card {
                    h2 { (ctx.t("credit_note.title")) }
                    table {
                        thead { tr { th { (ctx.t("credit_note.number")) } th { (ctx.t("invoice.date")) } th { (ctx.t("credit_note.reason")) } th.num { (ctx.t("invoice.total")) } } }
                        tbody {
                            @for n in &credit_notes {
                                tr {
                                    td { a href=(format!("/accounting/credit-notes/{}/pdf", n.id)) { (n.number) } }
                                    td { (date(n.issued_at)) }
                                    td { (n.reason) }
                                    td.num { (guichet_core::Money::new(n.gross, n.currency)) }
                                }
                            }
                        }
                    }
                    p.muted { (ctx.t("credit_note.where")) }
                }
            }
            @if payable {
                div.card {
                    h2 { (ctx.t("invoice.pay_title")) }
                    form method="post" action=(format!("/accounting/invoices/{}/pay", inv.id)) {
                        (csrf_field(ctx))
                        input type="hidden" name="idempotency_key" value=(key);
                        button type="submit" { (ctx.t("invoice.pay_prepaid")) }
                    }
                    @if let Some(on) = &reminders.transfer_declared_on {
                        p { (ctx.tf("invoice.transfer_declared", &[("date", on)])) }
                    } @else if can_pay {
                        p.muted { (ctx.t("invoice.declare_transfer_help")) }
                        form method="post" action=(format!("/accounting/invoices/{}/transfer-declared", inv.id)) {
                            (csrf_field(ctx))
                            button.secondary type="submit" { (ctx.t("invoice.declare_transfer")) }
                        }
                    }
                }
            }
        },
    ))
}

pub async fn invoice(
    o: InOrg,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    invoice_page(&o, &id, &[], &d).await
}

/// REM-05: "I have paid by bank transfer".
pub async fn declare_transfer(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    o.ctx.state.app.declare_transfer(&o.actor, &id).await?;
    Ok(Redirect::to(&format!(
        "/accounting/invoices/{id}?done=invoice.transfer_declared_done"
    ))
    .into_response())
}

#[derive(Deserialize, Default)]
pub struct VerifyQuery {
    reference: Option<String>,
    amount: Option<String>,
}

/// REM-06: the customer pastes a reminder's reference (and amount) and learns whether it is a
/// genuine open invoice of their Organization.
pub async fn verify(o: InOrg, Query(q): Query<VerifyQuery>) -> Result<Response, WebError> {
    use guichet_app::reminders::Verdict;
    let ctx = &o.ctx;
    let reference = q.reference.as_deref().unwrap_or("").trim().to_string();
    let amount_text = q.amount.as_deref().unwrap_or("").trim().to_string();
    let mut errors: Vec<FieldError> = Vec::new();
    let mut verdict = None;
    if !reference.is_empty() || !amount_text.is_empty() {
        let amount = if amount_text.is_empty() {
            Ok(None)
        } else {
            guichet_core::money::parse_amount_text(&amount_text, guichet_core::money::Zero::Refused)
                .map(Some)
                .map_err(|e| AppError::invalid("amount", e.key()))
        };
        match amount {
            Ok(a) => match o
                .ctx
                .state
                .app
                .verify_reminder(&o.actor, &reference, a)
                .await
            {
                Ok(v) => verdict = Some(v),
                Err(AppError::Invalid(e)) => errors = e,
                Err(e) => return Err(e.into()),
            },
            Err(AppError::Invalid(e)) => errors = e,
            Err(e) => return Err(e.into()),
        }
    } else {
        o.actor.require(Action::Billing)?;
    }
    let code = match &verdict {
        Some(Verdict::Genuine { .. }) => "genuine",
        Some(Verdict::NotOpen { .. }) => "not_open",
        Some(Verdict::AmountDiffers { .. }) => "amount_differs",
        Some(Verdict::Unknown) => "unknown",
        None => "",
    };
    let (class, message) = match &verdict {
        Some(Verdict::Genuine {
            number,
            amount,
            due_on,
            ..
        }) => (
            "notice",
            ctx.tf(
                "verify.genuine",
                &[
                    ("number", number),
                    ("amount", &amount.to_string()),
                    ("due", due_on),
                ],
            ),
        ),
        Some(Verdict::NotOpen { number, status }) => (
            "error",
            ctx.tf(
                "verify.not_open",
                &[
                    ("number", number),
                    ("status", ctx.t(&format!("invoice.status.{status}"))),
                ],
            ),
        ),
        Some(Verdict::AmountDiffers { number, amount }) => (
            "error",
            ctx.tf(
                "verify.amount_differs",
                &[("number", number), ("amount", &amount.to_string())],
            ),
        ),
        Some(Verdict::Unknown) => ("error", ctx.t("verify.unknown").to_string()),
        None => ("", String::new()),
    };
    let page = manager(
        &o,
        Nav::Verify,
        ctx.t("verify.title"),
        html! {
            (form_errors(ctx, &errors, &["reference", "amount"]))
            @if !message.is_empty() {
                p class=(class) role="status" data-verdict=(code) { (message) }
            }
            div.card {
                p { (ctx.t("verify.help")) }
                form method="get" action="/accounting/verify" {
                    (crate::layout::field(ctx, "reference", "verify.reference", "text", &reference, &errors))
                    (crate::layout::field(ctx, "amount", "verify.amount", "text", &amount_text, &errors))
                    button type="submit" { (ctx.t("verify.submit")) }
                }
            }
        },
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize)]
pub struct PayForm {
    idempotency_key: String,
}

pub async fn pay(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<PayForm>,
) -> Result<Response, WebError> {
    match o
        .ctx
        .state
        .app
        .pay_invoice_from_prepaid(&o.actor, &id, &f.idempotency_key)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/accounting/invoices/{id}?done=invoice.paid_done"))
                .into_response(),
        ),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            invoice_page(&o, &id, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct PaymentsQuery {
    all: Option<String>,
    done: Option<String>,
}

async fn payments_page(
    o: &InOrg,
    show_all: bool,
    errors: &[FieldError],
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let due = o.ctx.state.app.due_items(&o.actor, show_all).await?;
    let ctx = &o.ctx;
    let cur = due.balance.currency;
    let total = due
        .invoices
        .iter()
        .fold(0i64, |s, i| s.saturating_add(i.gross));
    let key = guichet_app::crypto::random_token();
    Ok(manager(
        o,
        Nav::Payments,
        ctx.t("nav.payments"),
        html! {
            (done_notice(ctx, &Done { done: done.map(str::to_string) }))
            (form_errors(ctx, errors, &[]))
            p {
                @if show_all { (ctx.t("payments.showing_all")) " " a href="/payments" { (ctx.t("payments.next_two_months")) } }
                @else { (ctx.t("payments.showing_two_months")) " " a href="/payments?all=1" { (ctx.t("payments.show_all")) } }
            }
            @if due.invoices.is_empty() {
                p.empty { (ctx.t("empty.payments")) }
            } @else {
                form method="post" action="/payments" {
                    (csrf_field(ctx))
                    input type="hidden" name="idempotency_key" value=(key);
                    table {
                        thead { tr { th { (ctx.t("payments.select")) } th { (ctx.t("invoice.number")) } th { (ctx.t("invoice.line")) } th { (ctx.t("payments.duration")) } th { (ctx.t("invoice.due")) } th.num { (ctx.t("invoice.total")) } } }
                        tbody {
                            @for i in &due.invoices {
                                tr {
                                    td { input type="checkbox" name=(format!("inv_{}", i.id)) value="1" checked aria-label=(i.number); }
                                    td { a href=(format!("/accounting/invoices/{}", i.id)) { (i.number) } }
                                    td { (ctx.t(&format!("payments.kind.{}", i.kind))) }
                                    td {
                                        @if let Some((current, choices)) = due.durations.get(&i.id) {
                                            select name=(format!("months_{}", i.id)) aria-label=(format!("{} {}", ctx.t("payments.duration"), i.number)) {
                                                @for c in choices {
                                                    option value=(c.months) selected[c.months == *current] {
                                                        (c.months) " " (ctx.t("product.months")) " — " (Money::new(c.gross, i.currency))
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    td { (i.due_on) }
                                    td.num { (Money::new(i.gross, i.currency)) }
                                }
                            }
                        }
                    }
                    @if !due.durations.is_empty() { p.muted { (ctx.t("payments.duration_note")) } }
                    p { (ctx.t("payments.total_listed")) " " strong { (Money::new(total, cur)) } " · " (ctx.t("prepaid.balance")) " " strong { (due.balance) } }
                    div.field {
                        label for="f-from_prepaid" { (ctx.t("payments.from_prepaid")) }
                        input id="f-from_prepaid" name="from_prepaid" type="text" value=(guichet_core::money::format_minor(due.balance.minor.min(total).max(0)));
                    }
                    fieldset {
                        legend { (ctx.t("payments.rest_by_card")) }
                        div.inline {
                            div.field { label for="f-card_number" { (ctx.t("card.number_label")) } input id="f-card_number" name="card_number" type="text"; }
                            div.field { label for="f-card_expiry" { (ctx.t("card.expiry_label")) } input id="f-card_expiry" name="card_expiry" type="text"; }
                            div.field { label for="f-card_cvc" { (ctx.t("card.cvc_label")) } input id="f-card_cvc" name="card_cvc" type="text"; }
                        }
                        p.muted { (ctx.t("prepaid.test_cards")) }
                    }
                    button type="submit" { (ctx.t("payments.pay_selection")) }
                    " "
                    button.secondary type="submit" formaction="/payments/pro-forma" formtarget="_blank" { (ctx.t("invoice.pro_forma")) }
                }
            }
        },
    ))
}

pub async fn payments(o: InOrg, Query(q): Query<PaymentsQuery>) -> Result<Markup, WebError> {
    payments_page(&o, q.all.is_some(), &[], q.done.as_deref()).await
}

/// PAY-01 / PP-03: pays the ticked invoices, part from the balance, the rest by card.
pub async fn pay_selection(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let invoices: Vec<String> = f
        .keys()
        .filter_map(|k| k.strip_prefix("inv_").map(str::to_string))
        .collect();
    let field = |k: &str| f.get(k).cloned().unwrap_or_default();
    let raw = field("from_prepaid");
    let from_prepaid = guichet_core::money::parse_amount_text(
        if raw.trim().is_empty() { "0" } else { &raw },
        guichet_core::money::Zero::Allowed,
    );
    let from_prepaid_minor = match from_prepaid {
        Ok(m) => m,
        Err(e) => {
            let errs = [FieldError {
                field: "from_prepaid",
                key: e.key(),
                param: None,
            }];
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                payments_page(&o, true, &errs, None).await?,
            )
                .into_response());
        }
    };
    let card =
        (!field("card_number").trim().is_empty()).then(|| guichet_app::prepaid::CardFields {
            card_number: field("card_number"),
            card_expiry: field("card_expiry"),
            card_cvc: field("card_cvc"),
        });
    let mut durations = std::collections::BTreeMap::new();
    for id in &invoices {
        if let Some(raw) = f.get(&format!("months_{id}")) {
            let Ok(months) = raw.trim().parse::<i64>() else {
                let errs = [FieldError {
                    field: "durations",
                    key: "checkout.duration_unavailable",
                    param: None,
                }];
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    payments_page(&o, true, &errs, None).await?,
                )
                    .into_response());
            };
            durations.insert(id.clone(), months);
        }
    }
    let co = guichet_app::billing::Checkout {
        invoices,
        from_prepaid_minor,
        card,
        durations,
    };
    match o
        .ctx
        .state
        .app
        .checkout(&o.actor, &co, &field("idempotency_key"))
        .await
    {
        Ok(a) if a.status == 200 => {
            Ok(Redirect::to("/payments?done=payments.paid").into_response())
        }
        Ok(_) => {
            let errs = [FieldError {
                field: "card_number",
                key: "prepaid.top_up_declined",
                param: None,
            }];
            Ok((
                StatusCode::PAYMENT_REQUIRED,
                payments_page(&o, true, &errs, None).await?,
            )
                .into_response())
        }
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            payments_page(&o, true, &errs, None).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// INV-06: the filtered invoices sent by e-mail to the requester.
pub async fn invoices_csv_mail(
    o: InOrg,
    CsrfForm(f): CsrfForm<InvoiceFilter>,
) -> Result<Response, WebError> {
    match o
        .ctx
        .state
        .app
        .email_invoices_csv(&o.actor, &f, CsvForm::Reader(o.ctx.lang))
        .await
    {
        Ok(_) => {
            let params = [
                ("status", f.status.clone().unwrap_or_default()),
                ("from", f.from.clone().unwrap_or_default()),
                ("to", f.to.clone().unwrap_or_default()),
                ("done", "invoice.export_mailed".to_string()),
            ];
            let q = serde_urlencoded::to_string(params).unwrap_or_default();
            Ok(Redirect::to(&format!("/accounting/invoices?{q}")).into_response())
        }
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            invoices_page(&o, &f, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// INV-06: the filtered invoices as a CSV download, streamed, in the reader's language (issue #15:
/// BOM, `;` and decimal comma for fr/de).
pub async fn invoices_csv(o: InOrg, Query(f): Query<InvoiceFilter>) -> Result<Response, WebError> {
    let rx = o
        .ctx
        .state
        .app
        .invoices_csv_stream(&o.actor, &f, CsvForm::Reader(o.ctx.lang))
        .await?;
    Ok(csv_response(rx))
}

/// Issue #15: the filtered invoices as an `.xlsx` workbook (amounts as numbers), in the reader's
/// language; a set too large for a workbook is answered on the invoices page with a message.
pub async fn invoices_xlsx(o: InOrg, Query(f): Query<InvoiceFilter>) -> Result<Response, WebError> {
    match o
        .ctx
        .state
        .app
        .invoices_xlsx(&o.actor, &f, o.ctx.lang)
        .await
    {
        Ok(bytes) => Ok(xlsx_response(bytes, "invoices")),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            invoices_page(&o, &f, &errs, &Done::default()).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// An `.xlsx` workbook, saved as `{stem}.xlsx`.
pub(crate) fn xlsx_response(bytes: Vec<u8>, stem: &'static str) -> Response {
    use axum::http::header;
    (
        [
            (
                header::CONTENT_TYPE,
                guichet_app::export::XLSX_CONTENT_TYPE.to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A credit note as PDF (INV-02).
pub async fn credit_note_pdf(o: InOrg, Path(id): Path<String>) -> Result<Response, WebError> {
    let pdf = o.ctx.state.app.credit_note_pdf(&o.actor, &id).await?;
    Ok(pdf_response(pdf))
}

/// A CSV download fed by the export's channel, chunk by chunk (no Content-Length: chunked).
pub(crate) fn csv_response(rx: tokio::sync::mpsc::Receiver<Result<Vec<u8>, AppError>>) -> Response {
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        let item = rx.recv().await?;
        let item = item.map_err(|e| {
            tracing::error!(error = %e, "CSV export stopped");
            std::io::Error::other(e.to_string())
        });
        Some((item, rx))
    });
    csv_download(axum::body::Body::from_stream(stream), "invoices")
}

/// A CSV file already in memory (small exports such as the activity log), saved as `{stem}.csv`.
pub(crate) fn csv_bytes_response(bytes: Vec<u8>, stem: &'static str) -> Response {
    csv_download(axum::body::Body::from(bytes), stem)
}

fn csv_download(body: axum::body::Body, stem: &'static str) -> Response {
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.csv\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A PDF document (INV-05, INV-07): shown by the browser, saved under its own name.
pub(crate) fn pdf_response(pdf: guichet_app::documents::Pdf) -> Response {
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", pdf.filename),
            ),
        ],
        pdf.bytes,
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct PdfQuery {
    document: Option<String>,
}

/// INV-05: an invoice's payment request (unpaid) or final invoice (paid) as PDF.
pub async fn invoice_pdf(
    o: InOrg,
    Path(id): Path<String>,
    Query(q): Query<PdfQuery>,
) -> Result<Response, WebError> {
    let pdf = o
        .ctx
        .state
        .app
        .invoice_pdf(&o.actor, &id, q.document.as_deref())
        .await?;
    Ok(pdf_response(pdf))
}

/// INV-07: the pro forma of the invoices ticked on the Payments page.
pub async fn pro_forma(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let invoices: Vec<String> = f
        .keys()
        .filter_map(|k| k.strip_prefix("inv_").map(str::to_string))
        .collect();
    // The durations chosen in the drop-downs of the ticked items (FREQ-01a).
    let durations: std::collections::BTreeMap<String, i64> = invoices
        .iter()
        .filter_map(|id| {
            let months = f.get(&format!("months_{id}"))?.trim().parse().ok()?;
            Some((id.clone(), months))
        })
        .collect();
    match o
        .ctx
        .state
        .app
        .pro_forma_pdf(&o.actor, &invoices, &durations)
        .await
    {
        Ok(pdf) => Ok(pdf_response(pdf)),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            payments_page(&o, true, &errs, None).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// The link to the document that applies to an invoice now (none for e.g. a cancelled one).
fn pdf_link(
    ctx: &crate::ctx::Ctx,
    id: &str,
    status: guichet_core::status::InvoiceStatus,
) -> Markup {
    use guichet_app::documents::{InvoiceDocument, document_for};
    match document_for(status) {
        Some(d) => {
            let label = match d {
                InvoiceDocument::Final => "invoice.pdf_final",
                InvoiceDocument::Request => "invoice.pdf_request",
            };
            html! { a href=(format!("/accounting/invoices/{id}/document.pdf?document={}", d.code())) { (ctx.t(label)) } }
        }
        None => html! {},
    }
}
