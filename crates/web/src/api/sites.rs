//! API of web hostings (SPEC §9): sites, the MySQL prefix option, environment variables, the
//! platform configuration, databases and users (created for real on the MySQL server).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::download::config_response;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use guichet_app::sites::{CreatedUser, HostingView, SiteView};
use guichet_app::sites::{DatabaseInput, DbUserInput, EnvInput, SiteInput};
use guichet_app::views::Database;
use guichet_core::sites::NameChange;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub async fn hosting_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<HostingView>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    Ok(Json(state.app.hosting(&a.actor, p).await?))
}

pub async fn site_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<SiteInput>,
) -> ApiResult<(StatusCode, Json<SiteView>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let id = state.app.create_site(&a.actor, p, &b).await?;
    let v = state.app.site(&a.actor, p, id).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

pub async fn site_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<SiteView>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    Ok(Json(state.app.site(&a.actor, p, s).await?))
}

pub async fn site_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    state.app.delete_site(&a.actor, p, s).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct PrefixBody {
    on: bool,
    #[serde(default)]
    confirm: bool,
}

pub async fn prefix_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<PrefixBody>,
) -> ApiResult<Json<PrefixChangedJson>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    let changes = state
        .app
        .set_mysql_prefix(&a.actor, p, s, b.on, b.confirm)
        .await?;
    Ok(Json(PrefixChangedJson {
        site: state.app.site(&a.actor, p, s).await?,
        changes,
    }))
}

/// The site after the switch, and the names to change when the option was turned off.
#[derive(Serialize, ToSchema)]
pub struct PrefixChangedJson {
    #[serde(flatten)]
    site: SiteView,
    changes: Vec<NameChange>,
}

pub async fn env_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<EnvInput>,
) -> ApiResult<Json<SiteView>> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let s: guichet_core::SiteId = a.param("site")?;
    state.app.set_env(&a.actor, p, s, &b).await?;
    Ok(Json(state.app.site(&a.actor, p, s).await?))
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

pub async fn database_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<DatabaseInput>,
) -> ApiResult<(StatusCode, Json<Database>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let d = state.app.create_database(&a.actor, p, &b).await?;
    Ok((StatusCode::CREATED, Json(d)))
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
) -> ApiResult<(StatusCode, Json<CreatedUser>)> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let u = state.app.create_db_user(&a.actor, p, &b).await?;
    Ok((StatusCode::CREATED, Json(u)))
}

pub async fn db_user_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let p: guichet_core::ProductId = a.param("hosting")?;
    let u: guichet_core::DbUserId = a.param("dbuser")?;
    state.app.delete_db_user(&a.actor, p, u).await?;
    Ok(StatusCode::NO_CONTENT)
}
