//! API handlers: what is due, checkout, the pro forma.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::invoices::invoice_json;
use crate::api::json::{ApiJson, answer, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
pub struct DueParams {
    all: Option<bool>,
}

pub async fn due_get(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(p): axum::extract::Query<DueParams>,
) -> ApiResult<Json<Value>> {
    let due = state
        .app
        .due_items(&a.actor, p.all.unwrap_or(false))
        .await?;
    Ok(Json(json!({"invoices": due.invoices.iter().map(|i| {
                    let mut v = invoice_json(i);
                    if let Some((months, choices)) = due.durations.get(&i.id) {
                        v["period_months"] = json!(months);
                        v["durations"] = choices.iter().map(|c| json!({"months": c.months, "gross_minor": c.gross.minor})).collect();
                    }
                    v
                }).collect::<Vec<_>>(),
                   "balance": {"minor": due.balance.minor, "currency": due.balance.currency}})))
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

#[derive(Deserialize)]
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
