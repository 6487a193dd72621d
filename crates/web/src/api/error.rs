//! The API's errors as JSON, with the status chosen by [`crate::error::status_of`].

use crate::error::{message_key, status_of};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use guichet_app::AppError;
use guichet_core::Lang;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every API error.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable code: `not_found`, `unauthenticated`, `forbidden`, `invalid`, `conflict`,
    /// `bad_request`, `method_not_allowed`…
    pub code: String,
    /// What went wrong, in English.
    pub message: String,
    /// With `invalid`: each field refused and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldError>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: &str, message: String) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: code.to_string(),
                message,
                fields: None,
            },
        }
    }
}

/// An error as JSON: `{ "error": { "code", "message", "fields"? } }`.
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let t = |k: &str| guichet_core::i18n::t(Lang::En, k).to_string();
        let code = match &self.0 {
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::TwoFactorRequired => "two_factor_required",
            AppError::Invalid(_) => "invalid",
            AppError::Unreadable(_) => "unreadable",
            AppError::Conflict(_) => "conflict",
            AppError::TooMany { .. } => "too_many_requests",
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                "internal"
            }
        };
        let message = match &self.0 {
            AppError::Unreadable(m) => m.clone(),
            other => t(message_key(other)),
        };
        let mut body = ErrorBody::new(code, message);
        if let AppError::Invalid(fields) = &self.0 {
            body.error.fields = Some(
                fields
                    .iter()
                    .map(|f| {
                        let message = match (&f.param, f.key) {
                            (Some(c), "field.sps_char") => guichet_core::i18n::tf(
                                Lang::En,
                                "field.sps_char_named",
                                &[("char", c)],
                            ),
                            _ => t(f.key),
                        };
                        FieldError {
                            field: f.field.to_string(),
                            message,
                        }
                    })
                    .collect(),
            );
        }
        let mut res = (status_of(&self.0), axum::Json(body)).into_response();
        if let AppError::Unauthenticated = self.0 {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
