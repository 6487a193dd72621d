//! The API routes of the help centre search (public).

use crate::api::doc::{Resp, query};
use crate::api::kb::*;
use crate::api::route::ApiRoute;
use axum::routing::get;

pub fn routes() -> Vec<ApiRoute> {
    vec![ApiRoute {
        method: "GET",
        path: "/api/v1/kb/search",
        summary: "Search the help centre (public): ?q=…&lang=fr|en|de|all&limit=N → [{id, title, score, snippet}], best first",
        action: None,
        example: None,
        request: None,
        query: Some(query::<crate::api::kb::KbSearchParams>),
        idempotent: false,
        responses: vec![Resp::json::<crate::api::kb::HitsJson>(200)],
        make: || get(kb_search),
    }]
}
