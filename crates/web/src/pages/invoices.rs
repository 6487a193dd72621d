//! Invoices: the history with filters and its exports (CSV, xlsx, by e-mail), an invoice's page,
//! paying one from the prepaid balance, "I have paid by transfer", checking a reminder, PDFs.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::download::{csv_response, pdf_response, xlsx_response};
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::billing::InvoiceFilter;
use guichet_app::export::CsvForm;
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;

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
    let filters = [
        ("status", f.status.as_deref()),
        ("from", f.from.as_deref()),
        ("to", f.to.as_deref()),
    ];
    let list = crate::pager::base("/accounting/invoices", &filters);
    let export = |path: &str| crate::pager::base(path, &filters);
    let links = page.pager.links(&list);
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
                a href=(export("/accounting/invoices/export.csv")) { (ctx.t("invoice.export_csv")) }
                " "
                a href=(export("/accounting/invoices/export.xlsx")) { (ctx.t("invoice.export_xlsx")) }
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
                div.table-wrap tabindex="0" { table {
                    thead { tr { th { (ctx.t("invoice.number")) } th { (ctx.t("invoice.date")) } th { (ctx.t("invoice.status")) } th.num { (ctx.t("invoice.total")) } th { "PDF" } } }
                    tbody {
                        @for i in &page.invoices {
                            tr {
                                td { a href=(format!("/accounting/invoices/{}", i.id)) { (i.number) } }
                                td { (date(ctx, i.issued_at)) }
                                td { span.badge { (ctx.t(&format!("invoice.status.{}", i.status))) } }
                                td.num { (Money::new(i.gross.minor, i.currency)) }
                                td { (pdf_link(ctx, &i.id.to_string(), i.status)) }
                            }
                        }
                    }
                } }
                (crate::pager::pager(ctx, &links))
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
    let id: guichet_core::InvoiceId = guichet_app::error::parse_id(id)?;
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
                p { span.badge { (ctx.t(&format!("invoice.status.{}", inv.status))) } " · " (ctx.t("invoice.date")) " " (date(ctx, inv.issued_at)) " · " (ctx.t("invoice.due")) " " (guichet_core::human::date(inv.due_on)) }
                p.address {
                    strong { (inv.bill_to[0]) } br;
                    @if let Some(person) = &inv.bill_to_attention { (person) br; }
                    (inv.bill_to[1]) br;
                    (inv.bill_to[2]) " " (inv.bill_to[3]) br;
                    (guichet_core::country::name(ctx.lang, &inv.bill_to[4]))
                }
                @if let Some(r) = &inv.billing_reference { p { (ctx.tf("invoice.your_reference", &[("reference", r)])) } }
                div.table-wrap tabindex="0" { table {
                    thead { tr { th { (ctx.t("invoice.line")) } th.num { (ctx.t("invoice.net")) } th.num { (ctx.t("invoice.vat")) } th.num { (ctx.t("invoice.total")) } } }
                    tbody {
                        @for l in &lines {
                            tr { td { (guichet_core::said::render(ctx.lang, &l.description)) } td.num { (Money::new(l.net.minor, inv.currency)) } td.num { (Money::new(l.vat.minor, inv.currency)) } td.num { (Money::new(l.gross.minor, inv.currency)) } }
                        }
                        tr { th { (ctx.t("invoice.total")) } th.num { (Money::new(inv.net.minor, inv.currency)) } th.num { (Money::new(inv.vat.minor, inv.currency)) } th.num { (Money::new(inv.gross.minor, inv.currency)) } }
                    }
                } }
                p.muted { (ctx.t("invoice.vat_rate")) " " (guichet_core::money::format_minor(inv.vat_rate_bp)) " %"
                    @if let Some(m) = &inv.vat_mention { " — " (ctx.t(m)) } }
                p { (ctx.t("invoice.payment_reference")) " " code { (inv.payment_reference) } }
                p { (pdf_link(ctx, &inv.id.to_string(), inv.status)) }
                @if !reminders.sent.is_empty() {
                    p.muted { (ctx.t("invoice.reminders_sent")) " "
                        @for (i, (level, on)) in reminders.sent.iter().enumerate() {
                            @if i > 0 { ", " }
                            (ctx.tf("invoice.reminder_item", &[("level", &level.to_string()), ("on", &guichet_core::human::date(*on))]))
                        }
                    }
                }
            }
            @if !credit_notes.is_empty() {
                div.card {
                    h2 { (ctx.t("credit_note.title")) }
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("credit_note.number")) } th { (ctx.t("invoice.date")) } th { (ctx.t("credit_note.reason")) } th.num { (ctx.t("invoice.total")) } } }
                        tbody {
                            @for n in &credit_notes {
                                tr {
                                    td { a href=(format!("/accounting/credit-notes/{}/pdf", n.id)) { (n.number) } }
                                    td { (date(ctx, n.issued_at)) }
                                    td { (n.reason) }
                                    td.num { (guichet_core::Money::new(n.gross.minor, n.currency)) }
                                }
                            }
                        }
                    } }
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
                        p { (ctx.tf("invoice.transfer_declared", &[("date", &guichet_core::human::date(*on))])) }
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
    let id: guichet_core::InvoiceId = guichet_app::error::parse_id(&id)?;
    o.ctx.state.app.declare_transfer(&o.actor, id).await?;
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
                    ("due", &guichet_core::human::date(*due_on)),
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
    let id: guichet_core::InvoiceId = guichet_app::error::parse_id(&id)?;
    match o
        .ctx
        .state
        .app
        .pay_invoice_from_prepaid(&o.actor, id, &f.idempotency_key)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/accounting/invoices/{id}?done=invoice.paid_done"))
                .into_response(),
        ),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            invoice_page(&o, &id.to_string(), &errs, &Done::default()).await?,
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

/// A credit note as PDF (INV-02).
pub async fn credit_note_pdf(o: InOrg, Path(id): Path<String>) -> Result<Response, WebError> {
    let id: guichet_core::CreditNoteId = guichet_app::error::parse_id(&id)?;
    let pdf = o.ctx.state.app.credit_note_pdf(&o.actor, id).await?;
    Ok(pdf_response(pdf))
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
    let id: guichet_core::InvoiceId = guichet_app::error::parse_id(&id)?;
    let pdf = o
        .ctx
        .state
        .app
        .invoice_pdf(&o.actor, id, q.document.as_deref())
        .await?;
    Ok(pdf_response(pdf))
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
