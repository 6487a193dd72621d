//! The back office's invoice look-up and refunds as credit notes (INV-02).

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{admin_page, date};
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct InvoiceLookup {
    number: Option<String>,
    done: Option<String>,
    error: Option<String>,
}

/// The back office's invoice look-up by number, with its credit notes and the refund form (INV-02).
pub async fn invoices(s: Signed, Query(q): Query<InvoiceLookup>) -> Result<Markup, WebError> {
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let ctx = &s.ctx;
    let number = q.number.clone().unwrap_or_default();
    let found = s.ctx.state.app.admin_invoice(&s.sess, &number).await?;
    let known = |k: &Option<String>| {
        k.as_deref()
            .filter(|k| guichet_core::i18n::is_known(k))
            .map(str::to_owned)
    };
    let (done, error) = (known(&q.done), known(&q.error));
    let key = guichet_app::crypto::random_token();
    Ok(admin_page(
        ctx,
        ctx.t("admin.invoices"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.invoices")) }
            @if let Some(k) = &done { (crate::layout::notice(ctx.t(k))) }
            @if let Some(k) = &error { p.error role="alert" { (ctx.t(k)) } }
            form.inline method="get" action="/admin/invoices" {
                label for="number" { (ctx.t("admin.invoice_number")) }
                input id="number" name="number" type="text" value=(number) placeholder="2026-0000042";
                button type="submit" { (ctx.t("admin.find")) }
            }
            @if !number.trim().is_empty() && found.is_none() {
                p.empty { (ctx.t("admin.invoice_not_found")) }
            }
            @if let Some(f) = &found {
                @let inv = &f.invoice;
                @let left = inv.gross.minor - inv.refunded.minor;
                div.card {
                    h2 { (inv.number) " — " (f.org_name) }
                    p { span.badge { (ctx.t(&format!("invoice.status.{}", inv.status))) } " · " (date(ctx, inv.issued_at)) }
                    div.table-wrap tabindex="0" { table {
                        tbody {
                            @for l in &f.lines { tr { td { (guichet_core::said::render(ctx.lang, &l.description)) } td.num { (guichet_core::Money::new(l.gross.minor, inv.currency)) } } }
                            tr { th { (ctx.t("invoice.total")) } th.num { (guichet_core::Money::new(inv.gross.minor, inv.currency)) } }
                            tr { td { (ctx.t("admin.refunded_so_far")) } td.num { (guichet_core::Money::new(inv.refunded.minor, inv.currency)) } }
                        }
                    } }
                    @if !f.credit_notes.is_empty() {
                        h3 { (ctx.t("credit_note.title")) }
                        ul { @for n in &f.credit_notes {
                            li { (n.number) " · " (date(ctx, n.issued_at)) " · " (guichet_core::Money::new(n.gross.minor, n.currency)) " · " (n.reason) }
                        } }
                    }
                }
                @if inv.status.is_refundable() && left > 0 {
                    div.card {
                        h2 { (ctx.t("admin.refund_title")) }
                        p.muted { (ctx.t("admin.refund_help")) }
                        form method="post" action="/admin/invoices/refund" {
                            (crate::layout::csrf_field(ctx))
                            input type="hidden" name="number" value=(inv.number);
                            input type="hidden" name="idempotency_key" value=(key);
                            label for="amount" { (ctx.t("admin.refund_amount")) " (" (inv.currency) ")" }
                            input id="amount" name="amount" type="text" inputmode="decimal" required
                                value=(guichet_core::money::format_minor(left));
                            label for="reason" { (ctx.t("credit_note.reason")) }
                            input id="reason" name="reason" type="text" maxlength="200" required;
                            fieldset {
                                legend { (ctx.t("admin.refund_to")) }
                                label { input type="radio" name="refund_to" value="prepaid" checked; " " (ctx.t("admin.refund_to_prepaid")) }
                                label { input type="radio" name="refund_to" value="card"; " " (ctx.t("admin.refund_to_card")) }
                            }
                            label { input type="checkbox" name="confirm" value="yes" required; " " (ctx.t("admin.refund_confirm")) }
                            button.danger type="submit" { (ctx.t("admin.refund_button")) }
                        }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct RefundForm {
    number: String,
    amount: String,
    reason: String,
    confirm: Option<String>,
    #[serde(default)]
    refund_to: String,
    idempotency_key: String,
}

/// Refunds part or all of a paid invoice with a credit note; errors come back on the page.
pub async fn refund(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<RefundForm>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::{IntoResponse, Redirect};
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let back = |k: &str, what: &str| {
        let q = serde_urlencoded::to_string([("number", f.number.as_str()), (what, k)])
            .unwrap_or_default();
        Redirect::to(&format!("/admin/invoices?{q}")).into_response()
    };
    if f.confirm.as_deref() != Some("yes") {
        return Ok(back("admin.refund_unconfirmed", "error"));
    }
    let amount =
        match guichet_core::money::parse_amount_text(&f.amount, guichet_core::money::Zero::Refused)
        {
            Ok(a) => a,
            Err(e) => return Ok(back(e.key(), "error")),
        };
    match s
        .ctx
        .state
        .app
        .admin_refund(
            &s.sess,
            &f.number,
            amount,
            &f.reason,
            if f.refund_to == "card" {
                guichet_app::refunds::RefundTo::Card
            } else {
                guichet_app::refunds::RefundTo::Prepaid
            },
            &f.idempotency_key,
        )
        .await
    {
        Ok(_) => Ok(back("admin.refunded", "done")),
        Err(AppError::Invalid(fields)) => Ok(back(
            fields.first().map(|e| e.key).unwrap_or("error.invalid"),
            "error",
        )),
        Err(AppError::Conflict(k)) => Ok(back(k, "error")),
        Err(e) => Err(e.into()),
    }
}
