//! API of renewals: a product's renewal (AR-01 automatic renewal, FREQ-01…03 period changes) and the
//! Organization's renewal settings (prepaid first, saved card).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::cancellation::Cancelled;
use guichet_app::prepaid::CardFields;
use guichet_app::renewals::{RenewalSettings, RenewalView, SavedCardView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub async fn renewal_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<RenewalView>> {
    let id: guichet_core::ProductId = a.param("product")?;
    Ok(Json(state.app.renewal(&a.actor, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AutoRenewBody {
    on: bool,
}

pub async fn auto_renew_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<AutoRenewBody>,
) -> ApiResult<Json<RenewalView>> {
    let id: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_auto_renew(&a.actor, &[id.to_string()], b.on)
        .await?;
    Ok(Json(state.app.renewal(&a.actor, id).await?))
}

/// Cancels a product: pending at once (with its order invoice), running at the end of its term.
pub async fn cancel_post(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Cancelled>> {
    let id: guichet_core::ProductId = a.param("product")?;
    Ok(Json(state.app.cancel_product(&a.actor, id).await?))
}

/// A cancellation taken back.
#[derive(Serialize, ToSchema)]
pub struct ResumedJson {
    /// Always true.
    resumed: bool,
}

/// Takes a product's cancellation back while it still runs.
pub async fn resume_post(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<ResumedJson>> {
    let id: guichet_core::ProductId = a.param("product")?;
    state.app.resume_product(&a.actor, id).await?;
    Ok(Json(ResumedJson { resumed: true }))
}

/// Several products' automatic renewal at once.
#[derive(Deserialize, ToSchema)]
pub struct AutoRenewManyBody {
    /// Product ids.
    products: Vec<String>,
    on: bool,
}

pub async fn auto_renew_many(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<AutoRenewManyBody>,
) -> ApiResult<Json<AutoRenewedJson>> {
    state
        .app
        .set_auto_renew(&a.actor, &b.products, b.on)
        .await?;
    Ok(Json(AutoRenewedJson {
        products: b.products,
        auto_renew: b.on,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct AutoRenewedJson {
    products: Vec<String>,
    auto_renew: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct PeriodBody {
    period_months: i64,
}

pub async fn period_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<PeriodBody>,
) -> ApiResult<Json<PeriodChangedJson>> {
    let id: guichet_core::ProductId = a.param("product")?;
    let from = state
        .app
        .change_period(&a.actor, id, b.period_months)
        .await?;
    Ok(Json(PeriodChangedJson {
        renewal: state.app.renewal(&a.actor, id).await?,
        applies_from: from,
    }))
}

/// The renewal after a change of period, and the day the new period applies from.
#[derive(Serialize, ToSchema)]
pub struct PeriodChangedJson {
    #[serde(flatten)]
    renewal: RenewalView,
    /// `YYYY-MM-DD`; null when the period did not change.
    applies_from: Option<String>,
}

pub async fn settings_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<RenewalSettings>> {
    Ok(Json(state.app.renewal_settings(&a.actor).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct SettingsBody {
    from_prepaid: bool,
}

pub async fn settings_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<SettingsBody>,
) -> ApiResult<Json<RenewalSettings>> {
    state
        .app
        .set_renew_from_prepaid(&a.actor, b.from_prepaid)
        .await?;
    Ok(Json(state.app.renewal_settings(&a.actor).await?))
}

pub async fn card_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<CardFields>,
) -> ApiResult<Json<SavedCardView>> {
    Ok(Json(state.app.save_card(&a.actor, &b).await?))
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
) -> ApiResult<(StatusCode, Json<MailedJson>)> {
    let rows = state
        .app
        .email_invoices_csv(&a.actor, &f, guichet_app::export::CsvForm::Api)
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(MailedJson {
            invoices: rows,
            sent_to: "the caller's e-mail address",
        }),
    ))
}

/// The export is on its way to the caller's e-mail address.
#[derive(Serialize, ToSchema)]
pub struct MailedJson {
    /// How many invoices the attached CSV lists.
    invoices: usize,
    sent_to: &'static str,
}
