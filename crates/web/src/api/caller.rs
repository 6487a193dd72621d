//! Who calls the API: the bearer token, and the actor it is in the Organization of the path.

use crate::api::error::{ApiError, ApiResult};
use crate::proxies::client_origin;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::header;
use axum::http::request::Parts;
use guichet_app::{Actor, AppError};
use guichet_core::OrgId;
use std::collections::HashMap;

fn bearer(parts: &Parts) -> Option<String> {
    let v = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// The caller, by bearer token, without an Organization in the path.
pub struct ApiCaller(pub String);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        bearer(parts)
            .map(ApiCaller)
            .ok_or(ApiError(AppError::Unauthenticated))
    }
}

/// The caller as an actor in the Organization `{org}` of the path: 401 without a valid token, 404
/// when the token is not for that Organization or its person is not a member.
pub struct ApiActor {
    pub actor: Actor,
    pub params: HashMap<String, String>,
}

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or(ApiError(AppError::Unauthenticated))?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError(AppError::NotFound))?;
        let org: OrgId = params
            .get("org")
            .and_then(|o| o.parse().ok())
            .ok_or(ApiError(AppError::NotFound))?;
        let actor = state
            .app
            .token_actor(&token, org, client_origin(parts, &state.trusted_proxies))
            .await?;
        Ok(ApiActor { actor, params })
    }
}

impl ApiActor {
    /// A typed path parameter; a malformed id is just an unknown one (404).
    pub fn param<T: std::str::FromStr>(&self, name: &str) -> ApiResult<T> {
        self.params
            .get(name)
            .and_then(|v| v.parse().ok())
            .ok_or(ApiError(AppError::NotFound))
    }
}
