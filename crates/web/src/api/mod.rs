//! The JSON API under `/api/v1`, authenticated by personal API tokens (`Authorization: Bearer`).
//! Every route is declared once in [`routes()`] (one file a resource under `routes/`), with the
//! permission it needs: the router, the OpenAPI document and the tenant-isolation test are all
//! generated from that table.

mod addresses;
mod caller;
mod doc;
pub(crate) mod error;
mod health;
mod invoices;
mod json;
mod kb;
mod members;
mod openapi;
mod orgs;
mod payments;
mod prepaid;
mod products;
mod reminders;
mod renewals;
mod route;
mod routes;
mod sites;

mod support;
mod teams;
mod tickets;

pub use route::{ApiRoute, PUBLIC_ROUTES};
pub use routes::routes;

use crate::api::error::{ApiError, ErrorBody};
use crate::state::AppState;
use axum::Router;
use axum::routing::get;
use guichet_app::AppError;

pub fn router() -> Router<AppState> {
    let mut r = Router::new();
    for route in routes() {
        r = r.route(route.path, (route.make)());
    }
    // A method the path does not have: 405 with the API's error body (and its `Allow` header).
    r = r.method_not_allowed_fallback(|| async {
        let message = guichet_core::i18n::t(guichet_core::Lang::En, "error.method_not_allowed");
        (
            axum::http::StatusCode::METHOD_NOT_ALLOWED,
            axum::Json(ErrorBody::new("method_not_allowed", message.to_string())),
        )
    });
    r.route("/api/openapi.json", get(openapi::document))
        .route("/healthz", get(health::healthz))
        .route(
            "/api/{*rest}",
            axum::routing::any(|| async { ApiError(AppError::NotFound) }),
        )
}
