//! API handlers for the activity log, Premium Support and temporary support access.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use guichet_app::activity::{ActivityFilter, describe};
use guichet_app::support::{GrantInput, channels};
use guichet_app::views::SupportGrant;
use serde_json::{Value, json};

pub async fn activity_get(
    State(state): State<AppState>,
    a: ApiActor,
    Query(f): Query<ActivityFilter>,
) -> ApiResult<Json<Value>> {
    let p = state.app.activity(&a.actor, &f).await?;
    let lines: Vec<Value> = p
        .lines
        .iter()
        .map(|l| {
            json!({
                "at": l.entry.at,
                "actor_id": l.entry.actor_id,
                "actor_name": l.actor_name,
                "actor_email": l.actor_email,
                "by_operator": l.by_operator,
                "action": l.entry.action,
                "description": describe(a.actor.lang, &l.entry.action, &l.entry.detail),
                "detail": l.entry.detail,
                "ip": l.entry.ip,
            })
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
    let mut v = crate::pager::paging_json(&p.pager, &base);
    v["activity"] = Value::Array(lines);
    v["kinds"] = json!(p.kinds);
    Ok(Json(v))
}

pub async fn activity_csv(
    State(state): State<AppState>,
    a: ApiActor,
    Query(f): Query<ActivityFilter>,
) -> ApiResult<Response> {
    Ok(crate::download::csv_bytes_response(
        state
            .app
            .activity_csv(&a.actor, &f, guichet_app::export::CsvForm::Api)
            .await?,
        "activity",
    ))
}

fn grant_json(g: &SupportGrant, now: i64) -> Value {
    json!({
        "id": g.id,
        "whole_org": g.whole_org,
        "products": g.products,
        "granted_by": g.granted_by,
        "created_at": g.created_at,
        "expires_at": g.expires_at,
        "revoked_at": g.revoked_at,
        "live": g.live(now),
    })
}

pub async fn support_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let v = state.app.support_view(&a.actor).await?;
    let premium = v.premium.as_ref().map(|p| {
        let ch: Vec<Value> = channels(&state.app, p.tier)
            .into_iter()
            .map(|(k, value)| {
                json!({"channel": guichet_core::i18n::t(a.actor.lang, k), "value": value})
            })
            .collect();
        json!({"product_id": p.product_id, "tier": p.tier, "name": p.name, "expires_on": p.expires_on,
               "vip_code": p.vip_code, "channels": ch})
    });
    let offers: Vec<Value> = v
        .premium_offers
        .iter()
        .map(|(id, name, tier)| json!({"offer_id": id, "name": name, "tier": tier}))
        .collect();
    Ok(Json(json!({"premium": premium, "premium_offers": offers})))
}

pub async fn grants_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let now = state.app.now();
    let grants = state.app.support_grants(&a.actor).await?;
    Ok(Json(
        json!({"grants": grants.iter().map(|g| grant_json(g, now)).collect::<Vec<_>>()}),
    ))
}

pub async fn grant_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<GrantInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let g = state.app.grant_support_access(&a.actor, &b).await?;
    Ok((StatusCode::CREATED, Json(grant_json(&g, state.app.now()))))
}

pub async fn grant_revoke(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::GrantId = a.param("grant")?;
    state.app.revoke_support_access(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
