//! API handler: the help centre search.

use crate::api::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use guichet_app::AppError;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub struct KbSearchParams {
    q: Option<String>,
    lang: Option<String>,
    limit: Option<usize>,
}

/// KB-02 through the API: the same search as the help pages and `guichet kb search --json`.
pub async fn kb_search(
    State(state): State<AppState>,
    axum::extract::Query(p): axum::extract::Query<KbSearchParams>,
) -> ApiResult<Json<Value>> {
    let lang = match p.lang.as_deref() {
        None | Some("all") => None,
        Some(code) => {
            Some(guichet_core::Lang::parse(code).ok_or(AppError::invalid("lang", "field.choice"))?)
        }
    };
    let hits = state
        .app
        .kb_search(p.q.as_deref().unwrap_or(""), lang, p.limit.unwrap_or(10))
        .await?;
    Ok(Json(
        serde_json::to_value(hits).map_err(|e| AppError::Internal(e.to_string()))?,
    ))
}
