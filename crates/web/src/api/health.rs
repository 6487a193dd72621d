//! The health check a load balancer calls.

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// How long the health check waits for the database: a load balancer gets its answer within a
/// second whatever the database does (hung connection, pool exhausted, file locked, server gone).
const HEALTH_DATABASE_BUDGET: std::time::Duration = std::time::Duration::from_millis(800);

pub async fn healthz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(HEALTH_DATABASE_BUDGET, state.app.database_ping()).await;
    let failure = match check {
        Ok(Ok(())) => {
            return Json(json!({"status": "ok", "database": "ok"})).into_response();
        }
        Ok(Err(e)) => e.to_string(),
        Err(_) => format!("no answer within {} ms", HEALTH_DATABASE_BUDGET.as_millis()),
    };
    tracing::error!(error = %failure, "health check: database unreachable");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({"status": "unavailable", "database": "unreachable"})),
    )
        .into_response()
}
