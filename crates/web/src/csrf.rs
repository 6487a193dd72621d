//! CSRF protection. Two layers: every state-changing request from a foreign `Origin` or marked
//! `Sec-Fetch-Site: cross-site` is refused (403) before any handler runs; and every HTML form carries
//! a token, checked by the [`CsrfForm`] extractor against the session's (or, before login, the
//! anonymous cookie's) token. There is no state-changing GET.

use crate::cookies;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use guichet_app::AppError;
use serde::de::DeserializeOwned;

fn unsafe_method(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub async fn origin_guard(req: Request, next: Next) -> Response {
    if unsafe_method(req.method()) {
        let h = req.headers();
        if h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
            return (StatusCode::FORBIDDEN, "Cross-site request refused").into_response();
        }
        if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            let host = h
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            if origin == "null" || origin_host != host {
                return (StatusCode::FORBIDDEN, "Cross-origin request refused").into_response();
            }
        }
    }
    next.run(req).await
}

/// A urlencoded form whose `csrf` field matches the expected token; otherwise 403 and the handler
/// never runs. A request with no session and no CSRF cookie at all means cookies are refused
/// (WEB-01): the page says so.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let has_cookie =
            cookies::get(&parts.headers, &cookies::name(state, cookies::CSRF)).is_some();
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|_| WebError(AppError::invalid("form", "form.unreadable")).into_response())?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        let sent = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if ctx.session.is_none() && !has_cookie {
            return Err(WebError(AppError::Forbidden("cookies.required")).into_response());
        }
        if sent.is_empty() || !constant_time_eq(sent.as_bytes(), ctx.csrf().as_bytes()) {
            return Err(WebError(AppError::Forbidden("csrf.invalid")).into_response());
        }
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| WebError(AppError::invalid("form", "form.unreadable")).into_response())?;
        Ok(CsrfForm(value))
    }
}

/// Whether a token sent with a form (multipart ones read it themselves) is the expected one, in
/// constant time; an empty one never is.
pub fn same(sent: &str, expected: &str) -> bool {
    !sent.is_empty() && constant_time_eq(sent.as_bytes(), expected.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
