//! API of reminders (REM-05): the member's opt-in, the customer's declared bank transfer; and the
//! anti-phishing check of a reminder's reference (REM-06).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use guichet_app::reminders::Verdict;
use guichet_core::InvoiceId;
use guichet_core::period::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub async fn reminders_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<RemindersBody>> {
    let on = state.app.reminders_enabled(&a.actor).await?;
    Ok(Json(RemindersBody { reminders: on }))
}

/// Whether the caller receives payment reminders for the Organization.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RemindersBody {
    reminders: bool,
}

pub async fn reminders_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<RemindersBody>,
) -> ApiResult<Json<RemindersBody>> {
    state.app.set_reminders(&a.actor, b.reminders).await?;
    Ok(Json(RemindersBody {
        reminders: b.reminders,
    }))
}

/// A bank transfer declared for an invoice.
#[derive(Serialize, ToSchema)]
pub struct TransferDeclaredJson {
    invoice: InvoiceId,
    /// The first declaration's day.
    transfer_declared_on: Date,
    /// The reminder levels sent so far, with the day each went out: each `[level, "YYYY-MM-DD"]`.
    #[schema(value_type = Vec<Vec<serde_json::Value>>)]
    reminders_sent: Vec<(i64, Date)>,
}

pub async fn transfer_declared(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<TransferDeclaredJson>> {
    let id: InvoiceId = a.param("invoice")?;
    let on = state.app.declare_transfer(&a.actor, id).await?;
    let r = state.app.reminder_state(&a.actor, id).await?;
    Ok(Json(TransferDeclaredJson {
        invoice: id,
        transfer_declared_on: on,
        reminders_sent: r.sent,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyBody {
    reference: String,
    #[serde(default)]
    amount_minor: Option<guichet_core::money::MinorInput>,
}

pub async fn verify(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<VerifyBody>,
) -> ApiResult<Json<Verdict>> {
    let amount = b
        .amount_minor
        .map(|m| crate::api::json::api_amount(m, guichet_core::money::Zero::Refused))
        .transpose()?;
    let v = state
        .app
        .verify_reminder(&a.actor, &b.reference, amount)
        .await?;
    Ok(Json(v))
}
