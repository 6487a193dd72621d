//! API handlers: what is due, checkout, the pro forma.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::invoices::InvoiceJson;
use crate::api::json::ApiQuery;
use crate::api::json::{ApiJson, answer, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use guichet_core::Money;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct DueParams {
    /// Every unpaid invoice, not only those due in the next two months.
    all: Option<bool>,
}

/// What is due, and the prepaid balance that can pay it.
#[derive(Serialize, ToSchema)]
pub struct DueJson {
    invoices: Vec<DueInvoiceJson>,
    balance: Money,
}

/// An invoice due; one billing a product period also says the durations it can be paid for.
#[derive(Serialize, ToSchema)]
pub struct DueInvoiceJson {
    #[serde(flatten)]
    invoice: InvoiceJson,
    /// The period the invoice bills, in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    period_months: Option<i64>,
    /// The durations it can be paid for instead (send `durations` to checkout).
    #[serde(skip_serializing_if = "Option::is_none")]
    durations: Option<Vec<DurationJson>>,
}

#[derive(Serialize, ToSchema)]
pub struct DurationJson {
    months: i64,
    gross_minor: i64,
}

pub async fn due_get(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(p): ApiQuery<DueParams>,
) -> ApiResult<Json<DueJson>> {
    let due = state
        .app
        .due_items(&a.actor, p.all.unwrap_or(false))
        .await?;
    let invoices = due
        .invoices
        .iter()
        .map(|i| {
            let d = due.durations.get(&i.id);
            DueInvoiceJson {
                invoice: InvoiceJson::from(i),
                period_months: d.map(|(months, _)| *months),
                durations: d.map(|(_, choices)| {
                    choices
                        .iter()
                        .map(|c| DurationJson {
                            months: c.months,
                            gross_minor: c.gross.minor,
                        })
                        .collect()
                }),
            }
        })
        .collect();
    Ok(Json(DueJson {
        invoices,
        balance: due.balance,
    }))
}

pub async fn checkout_post(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
    ApiJson(co): ApiJson<guichet_app::billing::Checkout>,
) -> ApiResult<Response> {
    Ok(answer(
        state
            .app
            .checkout(&a.actor, &co, &idempotency_key(&headers))
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ProFormaBody {
    invoices: Vec<String>,
    /// Another duration (months) for some of them, as at checkout (FREQ-01a).
    #[serde(default)]
    durations: std::collections::BTreeMap<String, i64>,
}

pub async fn pro_forma_post(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(body): ApiJson<ProFormaBody>,
) -> ApiResult<Response> {
    let pdf = state
        .app
        .pro_forma_pdf(&a.actor, &body.invoices, &body.durations)
        .await?;
    Ok(crate::download::pdf_response(pdf))
}
