//! API handlers: invoices (list, detail, paying from the balance, PDFs, CSV export).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::{answer, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

pub(crate) fn invoice_json(i: &guichet_app::views::Invoice) -> Value {
    json!({"id": i.id, "number": i.number, "kind": i.kind, "status": i.status, "currency": i.currency,
           "net_minor": i.net.minor, "vat_minor": i.vat.minor, "gross_minor": i.gross.minor, "vat_rate_bp": i.vat_rate_bp, "vat_mention": i.vat_mention,
           "bill_to": i.bill_to, "billing_reference": i.billing_reference, "payment_reference": i.payment_reference,
           "issued_at": i.issued_at, "due_on": i.due_on, "paid_at": i.paid_at, "refunded_minor": i.refunded.minor})
}

pub async fn invoices_list(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(f): axum::extract::Query<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Json<Value>> {
    let page = state.app.invoices(&a.actor, &f).await?;
    let base = crate::pager::base(
        &format!("/api/v1/orgs/{}/invoices", a.actor.org),
        &[
            ("status", f.status.as_deref()),
            ("from", f.from.as_deref()),
            ("to", f.to.as_deref()),
        ],
    );
    let mut v = crate::pager::paging_json(&page.pager, &base);
    v["invoices"] = page.invoices.iter().map(invoice_json).collect();
    Ok(Json(v))
}

pub async fn invoice_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    let (inv, lines) = state.app.invoice(&a.actor, id).await?;
    let mut v = invoice_json(&inv);
    v["lines"] = lines
        .iter()
        .map(|l| json!({"description": l.description, "product_id": l.product_id, "period_start": l.period_start, "period_end": l.period_end,
                        "quantity": l.quantity, "unit_net_minor": l.unit_net.minor, "net_minor": l.net.minor, "vat_minor": l.vat.minor, "gross_minor": l.gross.minor}))
        .collect();
    v["credit_notes"] = state
        .app
        .credit_notes(&a.actor, id)
        .await?
        .iter()
        .map(|n| json!({"id": n.id, "number": n.number, "net_minor": n.net.minor, "vat_minor": n.vat.minor, "gross_minor": n.gross.minor,
                        "currency": n.currency, "reason": n.reason, "issued_at": n.issued_at}))
        .collect();
    Ok(Json(v))
}

/// A credit note as PDF (INV-02).
pub async fn credit_note_pdf(State(state): State<AppState>, a: ApiActor) -> ApiResult<Response> {
    let id: guichet_core::CreditNoteId = a.param("note")?;
    let pdf = state.app.credit_note_pdf(&a.actor, id).await?;
    Ok(crate::download::pdf_response(pdf))
}

pub async fn invoice_pay(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
) -> ApiResult<Response> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    Ok(answer(
        state
            .app
            .pay_invoice_from_prepaid(&a.actor, id, &idempotency_key(&headers))
            .await?,
    ))
}

#[derive(Deserialize)]
pub struct PdfParams {
    document: Option<String>,
}

pub async fn invoice_pdf(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(p): axum::extract::Query<PdfParams>,
) -> ApiResult<Response> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    let pdf = state
        .app
        .invoice_pdf(&a.actor, id, p.document.as_deref())
        .await?;
    Ok(crate::download::pdf_response(pdf))
}

pub async fn invoices_csv(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(f): axum::extract::Query<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Response> {
    Ok(crate::download::csv_response(
        state
            .app
            .invoices_csv_stream(&a.actor, &f, guichet_app::export::CsvForm::Api)
            .await?,
    ))
}
