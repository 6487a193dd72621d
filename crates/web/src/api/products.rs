//! API handlers: the catalogue, the products, ordering.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::AppError;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn catalogue_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let offers = state.app.catalogue(&a.actor).await?;
    let list: Vec<Value> = offers
        .iter()
        .map(|o| json!({"id": o.id, "type": o.product_type, "name": o.name,
                        "prices": o.prices.iter().map(|(m, p)| json!({"period_months": m, "amount_minor": p.minor})).collect::<Vec<_>>()}))
        .collect();
    Ok(Json(json!({"offers": list})))
}

fn product_json(p: &guichet_app::views::Product) -> Value {
    json!({"id": p.id, "name": p.name, "offer_id": p.offer_id, "period_months": p.period_months, "state": p.state,
           "starts_on": p.starts_on, "expires_on": p.expires_on, "billing_address_id": p.billing_address_id, "auto_renew": p.auto_renew,
           "cancel_requested_at": p.cancel_requested_at})
}

pub async fn products_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let list = state.app.products(&a.actor).await?;
    Ok(Json(
        json!({"products": list.iter().map(product_json).collect::<Vec<_>>()}),
    ))
}

#[derive(Deserialize)]
pub struct OrderBody {
    offer_id: String,
    period_months: i64,
    billing_address_id: Option<String>,
}

pub async fn product_order(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<OrderBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let (product, invoice) = state
        .app
        .order_chosen(
            &a.actor,
            &b.offer_id,
            b.period_months,
            b.billing_address_id.as_deref(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"product_id": product, "invoice_id": invoice})),
    ))
}

pub async fn product_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    let rights = state.app.product_rights(&a.actor, id).await?;
    let products = state.app.products(&a.actor).await?;
    let p = products
        .iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    let mut v = product_json(p);
    v["rights"] = json!(rights);
    Ok(Json(v))
}
