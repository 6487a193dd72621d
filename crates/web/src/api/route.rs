//! What the route table holds for one API route.

use crate::api::doc::{QueryParams, Resp, TypeRef};
use crate::state::AppState;
use axum::routing::MethodRouter;
use guichet_core::Action;
use serde_json::Value;

/// Routes anyone may call, without a token.
pub const PUBLIC_ROUTES: &[&str] = &["/api/v1/kb/search"];

/// One API route: how it is called, what it needs, what it reads and answers, and an example body.
pub struct ApiRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    /// The permission checked inside the Organization `{org}`; `None` for routes outside one.
    pub action: Option<Action>,
    pub example: Option<fn() -> Value>,
    /// The type the handler reads its JSON body into (`doc::schema::<T>`).
    pub request: Option<TypeRef>,
    /// The type the handler reads its query string into (`doc::query::<T>`).
    pub query: Option<QueryParams>,
    /// A money-moving route: the `Idempotency-Key` header is required.
    pub idempotent: bool,
    /// Its answers: the successes with the types they serialise, and the errors particular to it
    /// (the document adds 401, 403/404 inside an Organization, 400/413/415/422 with a body).
    pub responses: Vec<Resp>,
    pub(crate) make: fn() -> MethodRouter<AppState>,
}
