//! API handlers: billing addresses.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::api::json::ApiQuery;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_core::AddressId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A billing address.
#[derive(Serialize, ToSchema)]
pub struct AddressJson {
    id: AddressId,
    name: String,
    company: Option<String>,
    street: String,
    postcode: String,
    city: String,
    country: String,
    email: Option<String>,
    created_at: i64,
    archived_at: Option<i64>,
}

fn address_json(a: guichet_app::views::Address) -> AddressJson {
    let f = a.fields;
    AddressJson {
        id: a.id,
        name: f.name,
        company: f.company,
        street: f.street,
        postcode: f.postcode,
        city: f.city,
        country: f.country,
        email: f.email,
        created_at: a.created_at,
        archived_at: a.archived_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct AddressesJson {
    billing_addresses: Vec<AddressJson>,
}

#[derive(Deserialize, IntoParams)]
pub struct ArchivedParam {
    /// Include archived addresses.
    archived: Option<bool>,
}

pub async fn addresses_list(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(q): ApiQuery<ArchivedParam>,
) -> ApiResult<Json<AddressesJson>> {
    let list = state
        .app
        .billing_addresses(&a.actor, q.archived.unwrap_or(false))
        .await?;
    Ok(Json(AddressesJson {
        billing_addresses: list.into_iter().map(address_json).collect(),
    }))
}

pub async fn address_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::addresses::AddressInput>,
) -> ApiResult<(StatusCode, Json<AddressJson>)> {
    Ok((
        StatusCode::CREATED,
        Json(address_json(
            state.app.add_billing_address(&a.actor, &input).await?,
        )),
    ))
}

pub async fn address_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<AddressJson>> {
    let id: AddressId = a.param("address")?;
    Ok(Json(address_json(
        state.app.billing_address(&a.actor, id).await?,
    )))
}

pub async fn address_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::addresses::AddressInput>,
) -> ApiResult<Json<AddressJson>> {
    let id: AddressId = a.param("address")?;
    Ok(Json(address_json(
        state.app.edit_billing_address(&a.actor, id, &input).await?,
    )))
}

pub async fn address_archive(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::AddressId = a.param("address")?;
    state
        .app
        .archive_billing_address(&a.actor, id, true)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn address_restore(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::AddressId = a.param("address")?;
    state
        .app
        .archive_billing_address(&a.actor, id, false)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
