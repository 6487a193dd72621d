//! API handlers: invoices (list, detail, paying from the balance, PDFs, CSV export).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::{ApiJson, ApiQuery};
use crate::api::json::{answer, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use guichet_core::invoice::InvoiceKind;
use guichet_core::period::Date;
use guichet_core::status::InvoiceStatus;
use guichet_core::{CreditNoteId, Currency, InvoiceId, ProductId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// An invoice as the API shows it (lists, detail, what is due).
#[derive(Serialize, ToSchema)]
pub struct InvoiceJson {
    id: InvoiceId,
    number: String,
    kind: InvoiceKind,
    status: InvoiceStatus,
    currency: Currency,
    net_minor: i64,
    vat_minor: i64,
    gross_minor: i64,
    /// The VAT rate in basis points (810 = 8.1 %).
    vat_rate_bp: i64,
    vat_mention: Option<String>,
    /// Name, street, postcode, city, country.
    bill_to: [String; 5],
    billing_reference: Option<String>,
    payment_reference: String,
    /// Unix seconds.
    issued_at: i64,
    due_on: Date,
    paid_at: Option<i64>,
    refunded_minor: i64,
}

impl From<&guichet_app::views::Invoice> for InvoiceJson {
    fn from(i: &guichet_app::views::Invoice) -> Self {
        InvoiceJson {
            id: i.id,
            number: i.number.clone(),
            kind: i.kind,
            status: i.status,
            currency: i.currency,
            net_minor: i.net.minor,
            vat_minor: i.vat.minor,
            gross_minor: i.gross.minor,
            vat_rate_bp: i.vat_rate_bp,
            vat_mention: i.vat_mention.clone(),
            bill_to: i.bill_to.clone(),
            billing_reference: i.billing_reference.clone(),
            payment_reference: i.payment_reference.clone(),
            issued_at: i.issued_at,
            due_on: i.due_on,
            paid_at: i.paid_at,
            refunded_minor: i.refunded.minor,
        }
    }
}

/// One page of invoices, newest first.
#[derive(Serialize, ToSchema)]
pub struct InvoicesJson {
    invoices: Vec<InvoiceJson>,
    #[serde(flatten)]
    paging: crate::pager::PagingJson,
}

pub async fn invoices_list(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(f): ApiQuery<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Json<InvoicesJson>> {
    let page = state.app.invoices(&a.actor, &f).await?;
    let base = crate::pager::base(
        &format!("/api/v1/orgs/{}/invoices", a.actor.org),
        &[
            ("status", f.status.as_deref()),
            ("from", f.from.as_deref()),
            ("to", f.to.as_deref()),
        ],
    );
    Ok(Json(InvoicesJson {
        invoices: page.invoices.iter().map(InvoiceJson::from).collect(),
        paging: crate::pager::paging_json(&page.pager, &base),
    }))
}

/// An invoice with its lines and its credit notes.
#[derive(Serialize, ToSchema)]
pub struct InvoiceDetailJson {
    #[serde(flatten)]
    invoice: InvoiceJson,
    lines: Vec<LineJson>,
    credit_notes: Vec<CreditNoteJson>,
}

#[derive(Serialize, ToSchema)]
pub struct LineJson {
    description: String,
    product_id: Option<ProductId>,
    period_start: Option<Date>,
    /// Exclusive.
    period_end: Option<Date>,
    quantity: i64,
    unit_net_minor: i64,
    net_minor: i64,
    vat_minor: i64,
    gross_minor: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CreditNoteJson {
    id: CreditNoteId,
    number: String,
    net_minor: i64,
    vat_minor: i64,
    gross_minor: i64,
    currency: Currency,
    reason: String,
    issued_at: i64,
}

pub async fn invoice_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<InvoiceDetailJson>> {
    let id: InvoiceId = a.param("invoice")?;
    invoice_detail(&state, &a, id).await
}

/// Renews a product early: its unpaid invoice, or its next term's invoice issued now (the same
/// invoice however often it is asked for), answered as `GET …/invoices/{invoice}` answers it.
pub async fn product_renew(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<InvoiceDetailJson>> {
    let product: ProductId = a.param("product")?;
    let id = state.app.renew_now(&a.actor, product).await?;
    invoice_detail(&state, &a, id).await
}

/// The billing address an unpaid renewal invoice goes to.
#[derive(Deserialize, ToSchema)]
pub struct ReaddressBody {
    /// A billing address id of the Organization, or `""` for the Organization's own address.
    address: String,
}

/// Re-addresses an unpaid invoice of one product period: answers the invoice to pay now (its
/// replacement, or the same one when the address does not change it).
pub async fn invoice_readdress(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<ReaddressBody>,
) -> ApiResult<Json<InvoiceDetailJson>> {
    let invoice: InvoiceId = a.param("invoice")?;
    let id = state
        .app
        .readdress_invoice(&a.actor, invoice, &b.address)
        .await?;
    invoice_detail(&state, &a, id).await
}

async fn invoice_detail(
    state: &AppState,
    a: &ApiActor,
    id: InvoiceId,
) -> ApiResult<Json<InvoiceDetailJson>> {
    let (inv, lines) = state.app.invoice(&a.actor, id).await?;
    let notes = state.app.credit_notes(&a.actor, id).await?;
    Ok(Json(InvoiceDetailJson {
        invoice: InvoiceJson::from(&inv),
        lines: lines
            .into_iter()
            .map(|l| LineJson {
                description: guichet_core::said::render(a.actor.lang, &l.description),
                product_id: l.product_id,
                period_start: l.period_start,
                period_end: l.period_end,
                quantity: l.quantity,
                unit_net_minor: l.unit_net.minor,
                net_minor: l.net.minor,
                vat_minor: l.vat.minor,
                gross_minor: l.gross.minor,
            })
            .collect(),
        credit_notes: notes
            .into_iter()
            .map(|n| CreditNoteJson {
                id: n.id,
                number: n.number,
                net_minor: n.net.minor,
                vat_minor: n.vat.minor,
                gross_minor: n.gross.minor,
                currency: n.currency,
                reason: n.reason,
                issued_at: n.issued_at,
            })
            .collect(),
    }))
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

#[derive(Deserialize, IntoParams)]
pub struct PdfParams {
    /// `request` (unpaid: with its QR-bill payment part) or `final` (once paid).
    document: Option<String>,
}

pub async fn invoice_pdf(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(p): ApiQuery<PdfParams>,
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
    ApiQuery(f): ApiQuery<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Response> {
    Ok(crate::download::csv_response(
        state
            .app
            .invoices_csv_stream(&a.actor, &f, guichet_app::export::CsvForm::Api)
            .await?,
    ))
}
