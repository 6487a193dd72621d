//! API handlers for the activity log, Premium Support and temporary support access.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::api::json::ApiQuery;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use guichet_app::activity::{ActivityFilter, describe};
use guichet_app::support::{GrantInput, channels};
use guichet_app::views::SupportGrant;
use guichet_core::period::Date;
use guichet_core::{GrantId, OfferId, ProductId, UserId};
use serde::Serialize;
use utoipa::ToSchema;

/// One page of the activity log, newest first.
#[derive(Serialize, ToSchema)]
pub struct ActivityJson {
    activity: Vec<ActivityLineJson>,
    #[serde(flatten)]
    paging: crate::pager::PagingJson,
    /// The kinds of action found in the log (for `?kind=`).
    kinds: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityLineJson {
    /// Unix seconds.
    at: i64,
    actor_id: Option<UserId>,
    actor_name: Option<String>,
    actor_email: Option<String>,
    /// Done by one of the provider's operators under a support grant.
    by_operator: bool,
    /// The action's code (`member.role`, `invoice.paid`…).
    action: String,
    /// What happened, in the caller's language.
    description: String,
    detail: String,
    ip: String,
}

pub async fn activity_get(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(f): ApiQuery<ActivityFilter>,
) -> ApiResult<Json<ActivityJson>> {
    let p = state.app.activity(&a.actor, &f).await?;
    let activity = p
        .lines
        .into_iter()
        .map(|l| ActivityLineJson {
            at: l.entry.at,
            actor_id: l.entry.actor_id,
            actor_name: l.actor_name,
            actor_email: l.actor_email,
            by_operator: l.by_operator,
            description: describe(a.actor.lang, &l.entry.action, &l.entry.detail),
            action: l.entry.action,
            detail: l.entry.detail,
            ip: l.entry.ip,
        })
        .collect();
    let base = crate::pager::base(
        &format!("/api/v1/orgs/{}/activity", a.actor.org),
        &[
            ("actor", f.actor.as_deref()),
            ("kind", f.kind.as_deref()),
            ("from", f.from.as_deref()),
            ("to", f.to.as_deref()),
        ],
    );
    Ok(Json(ActivityJson {
        activity,
        paging: crate::pager::paging_json(&p.pager, &base),
        kinds: p.kinds,
    }))
}

pub async fn activity_csv(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(f): ApiQuery<ActivityFilter>,
) -> ApiResult<Response> {
    Ok(crate::download::csv_bytes_response(
        state
            .app
            .activity_csv(&a.actor, &f, guichet_app::export::CsvForm::Api)
            .await?,
        "activity",
    ))
}

/// A temporary support access grant.
#[derive(Serialize, ToSchema)]
pub struct GrantJson {
    id: GrantId,
    whole_org: bool,
    /// The products it covers (empty for the whole Organization).
    products: Vec<ProductId>,
    granted_by: UserId,
    created_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
    /// Whether it lets support in now.
    live: bool,
}

fn grant_json(g: &SupportGrant, now: i64) -> GrantJson {
    GrantJson {
        id: g.id,
        whole_org: g.whole_org,
        products: g.products.clone(),
        granted_by: g.granted_by,
        created_at: g.created_at,
        expires_at: g.expires_at,
        revoked_at: g.revoked_at,
        live: g.live(now),
    }
}

/// Premium Support: the Organization's tier and how to reach it, or the offers to get it.
#[derive(Serialize, ToSchema)]
pub struct SupportJson {
    premium: Option<PremiumJson>,
    premium_offers: Vec<PremiumOfferJson>,
}

#[derive(Serialize, ToSchema)]
pub struct PremiumJson {
    product_id: ProductId,
    tier: i64,
    name: String,
    expires_on: Option<Date>,
    vip_code: Option<String>,
    channels: Vec<ChannelJson>,
}

#[derive(Serialize, ToSchema)]
pub struct ChannelJson {
    /// The channel's name in the caller's language.
    channel: String,
    value: String,
}

#[derive(Serialize, ToSchema)]
pub struct PremiumOfferJson {
    offer_id: OfferId,
    name: String,
    tier: i64,
}

pub async fn support_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<SupportJson>> {
    let v = state.app.support_view(&a.actor).await?;
    let premium = v.premium.map(|p| PremiumJson {
        channels: channels(&state.app, p.tier)
            .into_iter()
            .map(|(k, value)| ChannelJson {
                channel: guichet_core::i18n::t(a.actor.lang, k).to_string(),
                value,
            })
            .collect(),
        product_id: p.product_id,
        tier: p.tier,
        name: p.name,
        expires_on: p.expires_on,
        vip_code: p.vip_code,
    });
    let premium_offers = v
        .premium_offers
        .into_iter()
        .map(|(offer_id, name, tier)| PremiumOfferJson {
            offer_id,
            name,
            tier,
        })
        .collect();
    Ok(Json(SupportJson {
        premium,
        premium_offers,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct GrantsJson {
    grants: Vec<GrantJson>,
}

pub async fn grants_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<GrantsJson>> {
    let now = state.app.now();
    let grants = state.app.support_grants(&a.actor).await?;
    Ok(Json(GrantsJson {
        grants: grants.iter().map(|g| grant_json(g, now)).collect(),
    }))
}

pub async fn grant_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<GrantInput>,
) -> ApiResult<(StatusCode, Json<GrantJson>)> {
    let g = state.app.grant_support_access(&a.actor, &b).await?;
    Ok((StatusCode::CREATED, Json(grant_json(&g, state.app.now()))))
}

pub async fn grant_revoke(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::GrantId = a.param("grant")?;
    state.app.revoke_support_access(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
