//! What the route table holds for one API route.

use crate::state::AppState;
use axum::routing::MethodRouter;
use guichet_core::Action;
use serde_json::Value;

/// Routes anyone may call, without a token.
pub const PUBLIC_ROUTES: &[&str] = &["/api/v1/kb/search"];

/// One API route: how it is called, what it needs, and an example body.
pub struct ApiRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    /// The permission checked inside the Organization `{org}`; `None` for routes outside one.
    pub action: Option<Action>,
    pub example: Option<fn() -> Value>,
    pub(crate) make: fn() -> MethodRouter<AppState>,
}
