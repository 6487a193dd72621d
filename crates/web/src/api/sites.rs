//! API of web hostings (SPEC §9): sites, the MySQL prefix option, environment variables, the
//! platform configuration, databases and users (created for real on the MySQL server).

use super::{ApiActor, ApiJson, ApiResult};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use guichet_app::sites::{DatabaseInput, DbUserInput, EnvInput, SiteInput};
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn hosting_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    Ok(Json(json!(state.app.hosting(&a.actor, p).await?)))
}

pub async fn site_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<SiteInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let id = state.app.create_site(&a.actor, p, &b).await?;
    let v = state.app.site(&a.actor, p, id).await?;
    Ok((StatusCode::CREATED, Json(json!(v))))
}

pub async fn site_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    Ok(Json(json!(state.app.site(&a.actor, p, s).await?)))
}

pub async fn site_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    state.app.delete_site(&a.actor, p, s).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct PrefixBody {
    on: bool,
    #[serde(default)]
    confirm: bool,
}

pub async fn prefix_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<PrefixBody>,
) -> ApiResult<Json<Value>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    let changes = state
        .app
        .set_mysql_prefix(&a.actor, p, s, b.on, b.confirm)
        .await?;
    let mut v = json!(state.app.site(&a.actor, p, s).await?);
    v["changes"] = json!(changes);
    Ok(Json(v))
}

pub async fn env_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<EnvInput>,
) -> ApiResult<Json<Value>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    state.app.set_env(&a.actor, p, s, &b).await?;
    Ok(Json(json!(state.app.site(&a.actor, p, s).await?)))
}

pub async fn env_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    let name: String = a.param("var")?;
    state.app.delete_env(&a.actor, p, s, &name).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn site_config(State(state): State<AppState>, a: ApiActor) -> ApiResult<Response> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    let (_, text) = state.app.site_config(&a.actor, p, s).await?;
    Ok(config_response(text))
}

/// The platform configuration as a text download.
pub(crate) fn config_response(text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"site.conf\"",
            ),
        ],
        text,
    )
        .into_response()
}

pub async fn database_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<DatabaseInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let d = state.app.create_database(&a.actor, p, &b).await?;
    Ok((StatusCode::CREATED, Json(json!(d))))
}

pub async fn database_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let d: guichet_core::DatabaseId = a.param("database")?;
    state.app.delete_database(&a.actor, p, d).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn db_user_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<DbUserInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let u = state.app.create_db_user(&a.actor, p, &b).await?;
    Ok((StatusCode::CREATED, Json(json!(u))))
}

pub async fn db_user_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let u: guichet_core::DbUserId = a.param("dbuser")?;
    state.app.delete_db_user(&a.actor, p, u).await?;
    Ok(StatusCode::NO_CONTENT)
}
