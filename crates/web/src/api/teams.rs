//! API handlers: work teams and who may access a product.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::teams::AccessLine;
use guichet_core::UserId;
use guichet_core::grants::Rights;
use guichet_core::{ProductId, TeamId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

/// A work team with its members and products.
#[derive(Serialize, ToSchema)]
pub struct TeamJson {
    id: TeamId,
    name: String,
    colour: String,
    leader: Option<UserId>,
    members: Vec<TeamMemberJson>,
    products: Vec<TeamProductJson>,
}

#[derive(Serialize, ToSchema)]
pub struct TeamMemberJson {
    user_id: UserId,
    name: String,
    email: String,
}

#[derive(Serialize, ToSchema)]
pub struct TeamProductJson {
    product_id: ProductId,
    name: String,
    rights: Rights,
}

fn team_json(v: guichet_app::teams::TeamView) -> TeamJson {
    TeamJson {
        id: v.team.id,
        name: v.team.name,
        colour: v.team.colour,
        leader: v.team.leader_id,
        members: v
            .members
            .into_iter()
            .map(|(user_id, name, email)| TeamMemberJson {
                user_id,
                name,
                email,
            })
            .collect(),
        products: v
            .products
            .into_iter()
            .map(|(product_id, name, rights)| TeamProductJson {
                product_id,
                name,
                rights,
            })
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct TeamsJson {
    teams: Vec<TeamSummaryJson>,
}

#[derive(Serialize, ToSchema)]
pub struct TeamSummaryJson {
    id: TeamId,
    name: String,
    colour: String,
    leader: Option<UserId>,
}

pub async fn teams_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<TeamsJson>> {
    let list = state.app.teams(&a.actor).await?;
    Ok(Json(TeamsJson {
        teams: list
            .into_iter()
            .map(|t| TeamSummaryJson {
                id: t.id,
                name: t.name,
                colour: t.colour,
                leader: t.leader_id,
            })
            .collect(),
    }))
}

pub async fn team_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<(StatusCode, Json<TeamJson>)> {
    let id = state.app.create_team(&a.actor, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(team_json(state.app.team(&a.actor, id).await?)),
    ))
}

pub async fn team_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<TeamJson>> {
    let id: TeamId = a.param("team")?;
    Ok(Json(team_json(state.app.team(&a.actor, id).await?)))
}

pub async fn team_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<Json<TeamJson>> {
    let id: TeamId = a.param("team")?;
    state.app.update_team(&a.actor, id, &input).await?;
    Ok(Json(team_json(state.app.team(&a.actor, id).await?)))
}

pub async fn team_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    state.app.delete_team(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
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
) -> ApiResult<Json<TeamInvitedJson>> {
    let id: TeamId = a.param("team")?;
    let invited = state
        .app
        .add_team_people(&a.actor, id, &b.user_ids, &b.emails)
        .await?;
    Ok(Json(TeamInvitedJson {
        team: team_json(state.app.team(&a.actor, id).await?),
        invited,
    }))
}

/// The team after adding people, and the addresses invited from outside.
#[derive(Serialize, ToSchema)]
pub struct TeamInvitedJson {
    #[serde(flatten)]
    team: TeamJson,
    invited: Vec<String>,
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
) -> ApiResult<Json<AccessJson>> {
    let product: ProductId = a.param("product")?;
    Ok(Json(AccessJson {
        access: state.app.product_access(&a.actor, product).await?,
    }))
}

/// Who can access a product, and why.
#[derive(Serialize, ToSchema)]
pub struct AccessJson {
    access: Vec<AccessLine>,
}
