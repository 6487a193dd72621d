//! API handlers: the token's person, the Organization's details and its billing reference.

use crate::api::caller::{ApiActor, ApiCaller};
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use guichet_app::orgs::OrgUpdate;
use guichet_app::views::Org;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn me(
    State(state): State<AppState>,
    ApiCaller(token): ApiCaller,
) -> ApiResult<Json<Value>> {
    let t = state.app.token_info(&token).await?;
    let actor = state
        .app
        .actor(t.user_id, t.org_id, Default::default())
        .await?;
    Ok(Json(json!({
        "user": {"id": actor.user, "email": actor.email, "name": actor.name, "lang": actor.lang},
        "org": {"id": actor.org, "name": actor.org_name, "role": actor.access.role, "accounting": actor.access.accounting},
        "token": {"id": t.id, "name": t.name},
    })))
}

fn org_json(o: &Org) -> Value {
    json!({
        "id": o.id, "name": o.name, "kind": o.kind,
        "address": {"street": o.street, "postcode": o.postcode, "city": o.city, "country": o.country},
        "phone": o.phone, "vat_number": o.vat_number, "currency": o.currency,
        "force_2fa": o.force_2fa, "billing_reference": o.billing_reference, "created_at": o.created_at,
    })
}

pub async fn org_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    Ok(Json(org_json(&state.app.org(&a.actor).await?)))
}

pub async fn org_patch(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(up): ApiJson<OrgUpdate>,
) -> ApiResult<Json<Value>> {
    Ok(Json(org_json(&state.app.update_org(&a.actor, &up).await?)))
}

pub async fn reference_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({"billing_reference": state.app.billing_reference(&a.actor).await?}),
    ))
}

#[derive(Deserialize)]
pub struct ReferenceBody {
    billing_reference: Option<String>,
}

pub async fn reference_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<ReferenceBody>,
) -> ApiResult<Json<Value>> {
    let r = state
        .app
        .set_billing_reference(&a.actor, b.billing_reference.as_deref().unwrap_or(""))
        .await?;
    Ok(Json(json!({"billing_reference": r})))
}
