//! API handlers for support requests (issue #16): list, open, read, reply, close — the same use
//! cases as the Manager's pages, with the same visibility (another Organization's request: 404).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::{ApiJson, ApiQuery};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::tickets::{OpenInput, Request};
use guichet_core::status::SupportRequestStatus;
use guichet_core::{ProductId, SupportAttachmentId, SupportMessageId, SupportRequestId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A support request.
#[derive(Serialize, ToSchema)]
pub struct RequestJson {
    id: SupportRequestId,
    topic: String,
    product_id: Option<ProductId>,
    product: Option<String>,
    status: SupportRequestStatus,
    opened_by: UserId,
    /// The Premium Support tier when it was opened (0: standard).
    tier: i64,
    /// Unix seconds.
    created_at: i64,
    updated_at: i64,
    first_response_at: Option<i64>,
    closed_at: Option<i64>,
}

fn request_json(r: &Request, product: Option<String>) -> RequestJson {
    RequestJson {
        id: r.id,
        topic: r.topic.clone(),
        product_id: r.product_id,
        product,
        status: r.status,
        opened_by: r.opened_by,
        tier: r.tier,
        created_at: r.created_at,
        updated_at: r.updated_at,
        first_response_at: r.first_response_at,
        closed_at: r.closed_at,
    }
}

/// One page of the requests the caller may see, newest first.
#[derive(Serialize, ToSchema)]
pub struct RequestsJson {
    requests: Vec<RequestJson>,
    #[serde(flatten)]
    paging: crate::pager::PagingJson,
}

#[derive(Deserialize, IntoParams, ToSchema)]
pub struct RequestsQuery {
    /// A cursor: the requests older than it.
    after: Option<String>,
    /// A cursor: the requests newer than it.
    before: Option<String>,
    /// `last` for the oldest.
    page: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(q): ApiQuery<RequestsQuery>,
) -> ApiResult<Json<RequestsJson>> {
    let at = guichet_app::pager::At::from_query(
        q.after.as_deref(),
        q.before.as_deref(),
        q.page.as_deref(),
    );
    let p = state.app.support_requests(&a.actor, &at).await?;
    let base = format!("/api/v1/orgs/{}/support-requests", a.actor.org);
    Ok(Json(RequestsJson {
        requests: p
            .rows
            .iter()
            .map(|r| request_json(&r.request, r.product.clone()))
            .collect(),
        paging: crate::pager::paging_json(&p.pager, &base),
    }))
}

/// A new request: topic, product (optional, among those the caller may see) and message.
#[derive(Deserialize, ToSchema)]
pub struct OpenBody {
    topic: String,
    #[serde(default)]
    product_id: Option<String>,
    message: String,
}

/// A request and its public messages (internal notes never appear here).
#[derive(Serialize, ToSchema)]
pub struct ThreadJson {
    request: RequestJson,
    messages: Vec<MessageJson>,
}

#[derive(Serialize, ToSchema)]
pub struct MessageJson {
    id: SupportMessageId,
    /// `customer` or `operator`.
    from: String,
    author: String,
    body: String,
    /// `web`, `api` or `mail`.
    via: String,
    created_at: i64,
    attachments: Vec<AttachmentJson>,
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentJson {
    id: SupportAttachmentId,
    filename: String,
    size: i64,
}

async fn thread(state: &AppState, a: &ApiActor, id: SupportRequestId) -> ApiResult<ThreadJson> {
    let t = state.app.support_request(&a.actor, id).await?;
    let messages = t
        .messages
        .iter()
        .map(|m| MessageJson {
            id: m.id,
            from: m.kind.as_str().to_string(),
            author: m.author.clone(),
            body: m.body.clone(),
            via: m.via.clone(),
            created_at: m.created_at,
            attachments: t
                .attachments
                .iter()
                .filter(|x| x.message_id == m.id)
                .map(|x| AttachmentJson {
                    id: x.id,
                    filename: x.filename.clone(),
                    size: x.size,
                })
                .collect(),
        })
        .collect();
    Ok(ThreadJson {
        request: request_json(&t.request, t.product.clone()),
        messages,
    })
}

pub async fn open(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<OpenBody>,
) -> ApiResult<(StatusCode, Json<ThreadJson>)> {
    let input = OpenInput {
        topic: b.topic,
        product: b.product_id.unwrap_or_default(),
        message: b.message,
        attachments: Vec::new(),
        grant_hours: None,
    };
    let r = state
        .app
        .open_support_request(&a.actor, &input, "api")
        .await?;
    Ok((StatusCode::CREATED, Json(thread(&state, &a, r.id).await?)))
}

pub async fn read(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<ThreadJson>> {
    let id: SupportRequestId = a.param("ticket")?;
    Ok(Json(thread(&state, &a, id).await?))
}

/// A reply from the Organization's side (a closed request is reopened).
#[derive(Deserialize, ToSchema)]
pub struct ReplyBody {
    message: String,
}

pub async fn reply(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<ReplyBody>,
) -> ApiResult<(StatusCode, Json<ThreadJson>)> {
    let id: SupportRequestId = a.param("ticket")?;
    state
        .app
        .reply_support_request(&a.actor, id, &b.message, &[], "api")
        .await?;
    Ok((StatusCode::CREATED, Json(thread(&state, &a, id).await?)))
}

pub async fn close(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: SupportRequestId = a.param("ticket")?;
    state.app.close_support_request(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
