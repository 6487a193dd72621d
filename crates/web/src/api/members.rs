//! API handlers: members, their roles, and invitations.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::AppError;
use guichet_app::members::InviteInput;
use guichet_app::views::Invitation;
use guichet_core::{InvitationId, Role, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MembersJson {
    members: Vec<MemberJson>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    user_id: UserId,
    name: String,
    email: String,
    role: Role,
    /// The accounting permission (billing for a collaborator).
    accounting: bool,
    /// Member since (Unix seconds).
    since: i64,
}

pub async fn members_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<MembersJson>> {
    let list = state.app.members(&a.actor).await?;
    let members = list
        .into_iter()
        .map(|m| MemberJson {
            user_id: m.membership.user_id,
            name: m.name,
            email: m.email,
            role: m.membership.role,
            accounting: m.membership.accounting,
            since: m.membership.created_at,
        })
        .collect();
    Ok(Json(MembersJson { members }))
}

#[derive(Deserialize, ToSchema)]
pub struct MemberPatch {
    #[schema(value_type = Role)]
    role: String,
    #[serde(default)]
    accounting: bool,
}

pub async fn member_patch(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(p): ApiJson<MemberPatch>,
) -> ApiResult<Json<MembershipJson>> {
    let user: UserId = a.param("user")?;
    let role = Role::parse(&p.role).ok_or(AppError::invalid("role", "field.choice"))?;
    let m = state
        .app
        .change_member(&a.actor, user, role, p.accounting)
        .await?;
    Ok(Json(MembershipJson {
        user_id: m.user_id,
        role: m.role,
        accounting: m.accounting,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct MembershipJson {
    user_id: UserId,
    role: Role,
    accounting: bool,
}

pub async fn member_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let user: UserId = a.param("user")?;
    state.app.remove_member(&a.actor, user).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct InvitationJson {
    id: InvitationId,
    email: String,
    role: Role,
    accounting: bool,
    created_at: i64,
    expires_at: i64,
}

fn invitation_json(i: &Invitation) -> InvitationJson {
    InvitationJson {
        id: i.id,
        email: i.email.clone(),
        role: i.role,
        accounting: i.accounting,
        created_at: i.created_at,
        expires_at: i.expires_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct InvitationsJson {
    invitations: Vec<InvitationJson>,
}

pub async fn invitations_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<InvitationsJson>> {
    let list = state.app.open_invitations(&a.actor).await?;
    Ok(Json(InvitationsJson {
        invitations: list.iter().map(invitation_json).collect(),
    }))
}

pub async fn invitation_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<InviteInput>,
) -> ApiResult<(StatusCode, Json<InvitationJson>)> {
    let inv = state.app.invite(&a.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(invitation_json(&inv))))
}

pub async fn invitation_resend(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<InvitationJson>> {
    let id: InvitationId = a.param("id")?;
    Ok(Json(invitation_json(
        &state.app.resend_invitation(&a.actor, id).await?,
    )))
}

pub async fn invitation_revoke(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<StatusCode> {
    let id: InvitationId = a.param("id")?;
    state.app.revoke_invitation(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
