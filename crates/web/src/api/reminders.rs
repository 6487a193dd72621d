//! API of reminders (REM-05): the member's opt-in, the customer's declared bank transfer; and the
//! anti-phishing check of a reminder's reference (REM-06).

use super::{ApiActor, ApiJson, ApiResult};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn reminders_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let on = state.app.reminders_enabled(&a.actor).await?;
    Ok(Json(json!({"reminders": on})))
}

#[derive(Deserialize)]
pub struct RemindersBody {
    reminders: bool,
}

pub async fn reminders_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<RemindersBody>,
) -> ApiResult<Json<Value>> {
    state.app.set_reminders(&a.actor, b.reminders).await?;
    Ok(Json(json!({"reminders": b.reminders})))
}

pub async fn transfer_declared(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    let on = state.app.declare_transfer(&a.actor, id).await?;
    let r = state.app.reminder_state(&a.actor, id).await?;
    Ok(Json(
        json!({"invoice": id, "transfer_declared_on": on, "reminders_sent": r.sent}),
    ))
}

#[derive(Deserialize)]
pub struct VerifyBody {
    reference: String,
    #[serde(default)]
    amount_minor: Option<guichet_core::money::MinorInput>,
}

pub async fn verify(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<VerifyBody>,
) -> ApiResult<Json<Value>> {
    let amount = b
        .amount_minor
        .map(|m| super::handlers::api_amount(m, guichet_core::money::Zero::Refused))
        .transpose()?;
    let v = state
        .app
        .verify_reminder(&a.actor, &b.reference, amount)
        .await?;
    Ok(Json(json!(v)))
}
