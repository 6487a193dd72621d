//! What the API reads from a request body.

use crate::AppState;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::json;

/// A JSON body; a missing or wrong content type, or a body that does not parse, is a clear 4xx.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => {
                let status = rejection.status();
                let body =
                    json!({"error": {"code": "bad_request", "message": rejection.body_text()}});
                Err((status, axum::Json(body)).into_response())
            }
        }
    }
}
