//! Cookie names and attributes. The session cookie is `HttpOnly`, `SameSite=Lax`, path `/`, and
//! `__Host-`-prefixed with `Secure` when served over TLS (browsers refuse a `__Host-` cookie without
//! `Secure`, so plain-HTTP installs use the unprefixed name).

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;

pub const SESSION: &str = "guichet_session";
pub const CSRF: &str = "guichet_csrf";
pub const LANG: &str = "guichet_lang";

pub fn name(state: &AppState, base: &str) -> String {
    if state.secure_cookies {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// The value of cookie `name` in the request, if any.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

pub fn set(state: &AppState, base: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
    let mut c = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax",
        name(state, base)
    );
    if state.secure_cookies {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("x=; Path=/"))
}

pub fn clear(state: &AppState, base: &str) -> HeaderValue {
    set(state, base, "", Some(0))
}

/// The anonymous CSRF token of this request (for forms shown before login: login, sign-up, reset).
#[derive(Clone)]
pub struct AnonCsrf(pub String);

/// Gives every visitor a CSRF cookie on the first page they load, and makes it available to the
/// page being rendered.
pub async fn ensure_anon_csrf(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let existing = get(req.headers(), &name(&state, CSRF)).filter(|v| v.len() == 64);
    let fresh = existing.is_none() && req.method() == Method::GET;
    let token = existing.unwrap_or_else(guichet_app::crypto::random_token);
    req.extensions_mut().insert(AnonCsrf(token.clone()));
    let mut res = next.run(req).await;
    if fresh {
        res.headers_mut()
            .append(header::SET_COOKIE, set(&state, CSRF, &token, None));
    }
    res
}
