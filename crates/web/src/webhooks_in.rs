//! `POST /webhooks/stripe`: Stripe's events, handed to the use case with their raw body (the
//! signature is over the exact bytes). 200 when applied, ignored or a replay; 400 with the reason
//! when refused (Stripe then shows it and retries); 404 when Stripe is not configured.

use crate::error::WebError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use guichet_app::stripe_events::EventRefused;

/// Stripe sends events of a few kilobytes; anything much larger is not one.
pub const MAX_EVENT_BYTES: usize = 256 * 1024;

pub async fn stripe(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    if body.len() > MAX_EVENT_BYTES {
        return Ok((StatusCode::PAYLOAD_TOO_LARGE, "event too large").into_response());
    }
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    Ok(match state.app.stripe_webhook(signature, &body).await? {
        Ok(outcome) => (
            StatusCode::OK,
            axum::Json(serde_json::json!({ "received": true, "outcome": outcome.code() })),
        )
            .into_response(),
        Err(refused) => {
            let reason = match refused {
                EventRefused::Signature(e) => format!("signature refused: {e:?}"),
                EventRefused::Unreadable => "unreadable event".to_string(),
                EventRefused::OtherOrganization => {
                    "the event names another Organization than its payment's".to_string()
                }
            };
            (
                StatusCode::BAD_REQUEST,
                axum::Json(serde_json::json!({ "error": reason })),
            )
                .into_response()
        }
    })
}
