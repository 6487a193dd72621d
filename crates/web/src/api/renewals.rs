//! API of renewals: a product's renewal (AR-01 automatic renewal, FREQ-01…03 period changes) and the
//! Organization's renewal settings (prepaid first, saved card).

use super::{ApiActor, ApiJson, ApiResult};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::prepaid::CardFields;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn renewal_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    let r = state.app.renewal(&a.actor, id).await?;
    Ok(Json(json!(r)))
}

#[derive(Deserialize)]
pub struct AutoRenewBody {
    on: bool,
}

pub async fn auto_renew_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<AutoRenewBody>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_auto_renew(&a.actor, &[id.to_string()], b.on)
        .await?;
    Ok(Json(json!(state.app.renewal(&a.actor, id).await?)))
}

/// Cancels a product: pending at once (with its order invoice), running at the end of its term.
pub async fn cancel_post(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    Ok(Json(json!(state.app.cancel_product(&a.actor, id).await?)))
}

/// Takes a product's cancellation back while it still runs.
pub async fn resume_post(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    state.app.resume_product(&a.actor, id).await?;
    Ok(Json(json!({"resumed": true})))
}

#[derive(Deserialize)]
pub struct AutoRenewManyBody {
    products: Vec<String>,
    on: bool,
}

pub async fn auto_renew_many(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<AutoRenewManyBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .set_auto_renew(&a.actor, &b.products, b.on)
        .await?;
    Ok(Json(json!({"products": b.products, "auto_renew": b.on})))
}

#[derive(Deserialize)]
pub struct PeriodBody {
    period_months: i64,
}

pub async fn period_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<PeriodBody>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    let from = state
        .app
        .change_period(&a.actor, id, b.period_months)
        .await?;
    let mut v = json!(state.app.renewal(&a.actor, id).await?);
    v["applies_from"] = json!(from);
    Ok(Json(v))
}

pub async fn settings_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    Ok(Json(json!(state.app.renewal_settings(&a.actor).await?)))
}

#[derive(Deserialize)]
pub struct SettingsBody {
    from_prepaid: bool,
}

pub async fn settings_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<SettingsBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .set_renew_from_prepaid(&a.actor, b.from_prepaid)
        .await?;
    Ok(Json(json!(state.app.renewal_settings(&a.actor).await?)))
}

pub async fn card_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<CardFields>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let card = state.app.save_card(&a.actor, &b).await?;
    Ok((StatusCode::OK, Json(json!(card))))
}

pub async fn card_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    state.app.remove_card(&a.actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// INV-06: the filtered invoices e-mailed to the caller as a CSV attachment.
pub async fn invoices_csv_mail(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(f): ApiJson<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let rows = state
        .app
        .email_invoices_csv(&a.actor, &f, guichet_app::export::CsvForm::Api)
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({"invoices": rows, "sent_to": "the caller's e-mail address"})),
    ))
}
