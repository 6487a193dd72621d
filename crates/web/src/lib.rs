//! Guichet's HTTP face (axum): the Manager's pages, the back office, the JSON API. Handlers turn a
//! request into an `app` call and its result into HTML or JSON; they hold no business rules.

pub mod api;
mod assets;
mod brand;
mod card_field;
mod cookies;
mod csrf;
mod ctx;
mod download;
mod error;
mod error_pages;
mod layout;
mod pager;
mod pages;
mod proxies;
mod state;
mod support_log;
mod team_colour;
mod webhooks_in;

pub use pages::{MANAGER_PAGES, is_manager_page};
pub use proxies::TrustedProxies;
pub use state::AppState;

use axum::Router;

/// The whole application: pages, back office, API, health check, assets.
pub fn router(state: AppState) -> Router {
    let html = pages::router()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error_pages::render_error_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            support_log::record,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cookies::ensure_anon_csrf,
        ));
    Router::new()
        .merge(html)
        .merge(api::router())
        .route("/assets/style.css", axum::routing::get(assets::stylesheet))
        .route("/assets/brand.css", axum::routing::get(brand::stylesheet))
        .route("/assets/brand-logo", axum::routing::get(brand::logo))
        .route("/assets/card.js", axum::routing::get(assets::card_script))
        .route(
            "/assets/payments.js",
            axum::routing::get(assets::payments_script),
        )
        .route(
            "/webhooks/stripe",
            axum::routing::post(webhooks_in::stripe).layer(axum::extract::DefaultBodyLimit::max(
                webhooks_in::MAX_EVENT_BYTES,
            )),
        )
        .layer(axum::middleware::from_fn(csrf::origin_guard))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            no_store_when_personal,
        ))
        .with_state(state)
}

/// `Cache-Control: no-store` on every answer that may be personal, so neither a shared proxy nor
/// the browser's back button keeps it: a request carrying a session cookie or an `Authorization`
/// header, anything under `/api/`, and any answer that sets a cookie. Public pages seen without a
/// session (help centre, login) keep what they had; a handler that chose its own `Cache-Control`
/// (the stylesheet) keeps it.
async fn no_store_when_personal(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let personal_request = req.headers().contains_key(header::AUTHORIZATION)
        || req.uri().path().starts_with("/api/")
        || cookies::get(req.headers(), &cookies::name(&state, cookies::SESSION))
            .is_some_and(|v| !v.is_empty());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if (personal_request || h.contains_key(header::SET_COOKIE))
        && !h.contains_key(header::CACHE_CONTROL)
    {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// The Content-Security-Policy: the page's own scripts and styles only — plus, with Stripe, its
/// script, its card field's frame and its API, from the origin Stripe.js is loaded from.
fn content_security_policy(state: &AppState) -> String {
    let base = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'";
    match &state.app.config.stripe {
        Some(s) => {
            let js = origin_of(&s.js_url);
            let api = origin_of(&s.api_base);
            format!("{base}; script-src 'self' {js}; frame-src {js}; connect-src 'self' {api} {js}")
        }
        None => format!("{base}; script-src 'self'"),
    }
}

/// `https://js.stripe.com` of `https://js.stripe.com/v3/`.
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    url[..end].to_string()
}

async fn security_headers(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&state)) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    res
}
