//! The JSON the API reads and writes for many routes: the body extractor, an amount in a body, the
//! `Idempotency-Key` header, the answer of a money-moving use case.

use crate::api::error::{ApiResult, ErrorBody};
use crate::state::AppState;
use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use guichet_core::money::Zero;
use serde::de::DeserializeOwned;

/// A JSON body; a missing or wrong content type, or a body that does not parse, is a clear 4xx.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => {
                let status = rejection.status();
                let body = ErrorBody::new("bad_request", rejection.body_text());
                Err((status, axum::Json(body)).into_response())
            }
        }
    }
}

/// A query string; one that does not parse (`?all=maybe`, `?limit=-1`) is a 400 with the API's
/// error body, like a body that does not parse.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(rejection) => {
                let body = ErrorBody::new("bad_request", rejection.body_text());
                Err((rejection.status(), axum::Json(body)).into_response())
            }
        }
    }
}

/// The `Idempotency-Key` header of a money-moving request ("" when absent: the use case refuses it
/// after the permission check).
pub(crate) fn idempotency_key(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// The HTTP status of how a money-moving request ended.
pub(crate) fn outcome_status(o: guichet_app::prepaid::Outcome) -> StatusCode {
    use guichet_app::prepaid::Outcome;
    match o {
        Outcome::Done => StatusCode::OK,
        Outcome::Created => StatusCode::CREATED,
        Outcome::Declined => StatusCode::PAYMENT_REQUIRED,
        Outcome::Pending => StatusCode::ACCEPTED,
    }
}

pub(crate) fn answer(a: guichet_app::prepaid::Answer) -> Response {
    (outcome_status(a.outcome), Json(a.body)).into_response()
}

/// An `amount_minor` of a JSON body within core's bounds, or a 422 naming `amount_minor`.
pub(crate) fn api_amount(input: guichet_core::money::MinorInput, zero: Zero) -> ApiResult<i64> {
    Ok(guichet_app::amount_in("amount_minor", input.0, zero)?)
}
