//! API handler: the help centre search.

use crate::api::error::ApiResult;
use crate::api::json::ApiQuery;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use guichet_app::AppError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct KbSearchParams {
    /// The words searched for.
    q: Option<String>,
    /// `fr`, `en`, `de` or `all` (the default).
    lang: Option<String>,
    /// How many results at most (10 by default).
    limit: Option<usize>,
}

/// The guides found, best first.
#[derive(Serialize, ToSchema)]
#[serde(transparent)]
pub struct HitsJson(Vec<HitJson>);

/// One guide found.
#[derive(Serialize, ToSchema)]
pub struct HitJson {
    /// The guide's id.
    id: String,
    title: String,
    /// Relevance (higher is better; only comparable within one search).
    score: f32,
    /// An extract with the matched words in `<mark>`, HTML-escaped.
    snippet: String,
}

/// KB-02 through the API: the same search as the help pages and `guichet kb search --json`.
pub async fn kb_search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<KbSearchParams>,
) -> ApiResult<Json<HitsJson>> {
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
    Ok(Json(HitsJson(
        hits.into_iter()
            .map(|h| HitJson {
                id: h.id,
                title: h.title,
                score: h.score,
                snippet: h.snippet,
            })
            .collect(),
    )))
}
