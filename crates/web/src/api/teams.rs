//! API handlers: work teams and who may access a product.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_core::UserId;
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn grant_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(rights): ApiJson<guichet_core::grants::Rights>,
) -> ApiResult<StatusCode> {
    let user: UserId = a.param("user")?;
    let product: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_product_grant(&a.actor, user, product, rights)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn team_json(v: &guichet_app::teams::TeamView) -> Value {
    json!({"id": v.team.id, "name": v.team.name, "colour": v.team.colour, "leader": v.team.leader_id,
           "members": v.members.iter().map(|(u, n, e)| json!({"user_id": u, "name": n, "email": e})).collect::<Vec<_>>(),
           "products": v.products.iter().map(|(p, n, r)| json!({"product_id": p, "name": n, "rights": r})).collect::<Vec<_>>()})
}

pub async fn teams_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let list = state.app.teams(&a.actor).await?;
    Ok(Json(
        json!({"teams": list.iter().map(|t| json!({"id": t.id, "name": t.name, "colour": t.colour, "leader": t.leader_id})).collect::<Vec<_>>()}),
    ))
}

pub async fn team_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let id = state.app.create_team(&a.actor, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(team_json(&state.app.team(&a.actor, id).await?)),
    ))
}

pub async fn team_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    Ok(Json(team_json(&state.app.team(&a.actor, id).await?)))
}

pub async fn team_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    state.app.update_team(&a.actor, id, &input).await?;
    Ok(Json(team_json(&state.app.team(&a.actor, id).await?)))
}

pub async fn team_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    state.app.delete_team(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct MembersBody {
    #[serde(default)]
    user_ids: Vec<UserId>,
    /// TEAM-02: addresses of people from outside, invited as External into the team.
    #[serde(default)]
    emails: Vec<String>,
}

pub async fn team_members_add(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<MembersBody>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    let invited = state
        .app
        .add_team_people(&a.actor, id, &b.user_ids, &b.emails)
        .await?;
    let mut body = team_json(&state.app.team(&a.actor, id).await?);
    body["invited"] = json!(invited);
    Ok(Json(body))
}

pub async fn team_member_remove(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    let user: UserId = a.param("user")?;
    state.app.remove_team_member(&a.actor, id, user).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn team_product_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(rights): ApiJson<guichet_core::grants::Rights>,
) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    let product: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_team_product(&a.actor, id, product, rights)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn product_access_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let product: guichet_core::ProductId = a.param("product")?;
    Ok(Json(
        json!({"access": state.app.product_access(&a.actor, product).await?}),
    ))
}
