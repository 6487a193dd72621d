//! From `AppError` to HTTP: one mapping of errors to status codes. HTML responses get a full page in
//! the visitor's language (rendered by [`crate::error_pages`]); the API has its JSON form in `api`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::AppError;

pub struct WebError(pub AppError);

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError(e)
    }
}

pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) | AppError::TwoFactorRequired => StatusCode::FORBIDDEN,
        AppError::Invalid(_) | AppError::Unreadable(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The catalogue key of the message for an error.
pub fn message_key(e: &AppError) -> &'static str {
    match e {
        AppError::NotFound => "error.not_found",
        AppError::Unauthenticated => "error.unauthenticated",
        AppError::Forbidden(k) | AppError::Conflict(k) => k,
        AppError::TwoFactorRequired => "error.two_factor_required",
        AppError::Invalid(fields) => fields.first().map(|f| f.key).unwrap_or("error.invalid"),
        AppError::Unreadable(_) => "error.invalid",
        AppError::TooMany { key, .. } => key,
        AppError::Internal(_) => "error.internal",
    }
}

/// Marker left on an error response for the page renderer.
#[derive(Clone)]
pub(crate) struct ErrorPage(pub(crate) &'static str, pub(crate) Option<i64>);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match &self.0 {
            AppError::Unauthenticated => return Redirect::to("/login").into_response(),
            AppError::TwoFactorRequired => {
                return Redirect::to("/profile/security?forced=1").into_response();
            }
            AppError::Internal(detail) => tracing::error!(%detail, "internal error"),
            _ => {}
        }
        let retry = match &self.0 {
            AppError::TooMany { retry_after, .. } => Some(*retry_after),
            _ => None,
        };
        let mut res = status_of(&self.0).into_response();
        res.extensions_mut()
            .insert(ErrorPage(message_key(&self.0), retry));
        if let Some(secs) = retry
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}
