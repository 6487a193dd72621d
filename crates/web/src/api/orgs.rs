//! API handlers: the token's person, the Organization's details and its billing reference.

use crate::api::caller::{ApiActor, ApiCaller};
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use guichet_app::orgs::OrgUpdate;
use guichet_app::views::Org;
use guichet_core::{ApiTokenId, Currency, Lang, OrgId, OrgKind, Role, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The token's person, its Organization and the token itself.
#[derive(Serialize, ToSchema)]
pub struct MeJson {
    user: MeUser,
    org: MeOrg,
    token: MeToken,
}

#[derive(Serialize, ToSchema)]
pub struct MeUser {
    id: UserId,
    email: String,
    name: String,
    lang: Lang,
}

#[derive(Serialize, ToSchema)]
pub struct MeOrg {
    id: OrgId,
    name: String,
    role: Role,
    accounting: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MeToken {
    id: ApiTokenId,
    name: String,
}

pub async fn me(
    State(state): State<AppState>,
    ApiCaller(token): ApiCaller,
) -> ApiResult<Json<MeJson>> {
    let t = state.app.token_info(&token).await?;
    let actor = state
        .app
        .actor(t.user_id, t.org_id, Default::default())
        .await?;
    Ok(Json(MeJson {
        user: MeUser {
            id: actor.user,
            email: actor.email,
            name: actor.name,
            lang: actor.lang,
        },
        org: MeOrg {
            id: actor.org,
            name: actor.org_name,
            role: actor.access.role,
            accounting: actor.access.accounting,
        },
        token: MeToken {
            id: t.id,
            name: t.name,
        },
    }))
}

/// An Organization's details.
#[derive(Serialize, ToSchema)]
pub struct OrgJson {
    id: OrgId,
    name: String,
    kind: OrgKind,
    address: PostalJson,
    phone: Option<String>,
    vat_number: Option<String>,
    currency: Currency,
    force_2fa: bool,
    billing_reference: Option<String>,
    created_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct PostalJson {
    street: String,
    postcode: String,
    city: String,
    country: String,
}

fn org_json(o: Org) -> OrgJson {
    OrgJson {
        id: o.id,
        name: o.name,
        kind: o.kind,
        address: PostalJson {
            street: o.street,
            postcode: o.postcode,
            city: o.city,
            country: o.country,
        },
        phone: o.phone,
        vat_number: o.vat_number,
        currency: o.currency,
        force_2fa: o.force_2fa,
        billing_reference: o.billing_reference,
        created_at: o.created_at,
    }
}

pub async fn org_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<OrgJson>> {
    Ok(Json(org_json(state.app.org(&a.actor).await?)))
}

pub async fn org_patch(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(up): ApiJson<OrgUpdate>,
) -> ApiResult<Json<OrgJson>> {
    Ok(Json(org_json(state.app.update_org(&a.actor, &up).await?)))
}

/// The billing reference printed on invoices; null when there is none.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ReferenceBody {
    billing_reference: Option<String>,
}

pub async fn reference_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<ReferenceBody>> {
    Ok(Json(ReferenceBody {
        billing_reference: state.app.billing_reference(&a.actor).await?,
    }))
}

pub async fn reference_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<ReferenceBody>,
) -> ApiResult<Json<ReferenceBody>> {
    let r = state
        .app
        .set_billing_reference(&a.actor, b.billing_reference.as_deref().unwrap_or(""))
        .await?;
    Ok(Json(ReferenceBody {
        billing_reference: r,
    }))
}
