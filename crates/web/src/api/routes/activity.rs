//! The API routes of the activity log.

use crate::api::doc::{Resp, query};
use crate::api::route::ApiRoute;
use crate::api::support;
use axum::routing::get;
use guichet_core::Action;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        // Activity log, Premium Support, temporary support access (SUP-02, SUP-03).
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/activity",
            summary: "The activity log, newest first, 50 lines a page paged by key: ?actor=ID&kind=team&from=YYYY-MM-DD&to=YYYY-MM-DD, then ?after=<next>, ?before=<prev>, ?page=last. Answer: activity, kinds, next and prev (opaque cursors, null when there is no such page) and links (first, prev, next, last). No count; a cursor that is not one is a 422",
            action: Some(Action::ViewActivity),
            example: None,
            request: None,
            query: Some(query::<guichet_app::activity::ActivityFilter>),
            idempotent: false,
            responses: vec![Resp::json::<crate::api::support::ActivityJson>(200)],
            make: || get(support::activity_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/activity/export.csv",
            summary: "The filtered activity log as CSV: RFC 4180, `,`, UTF-8 without BOM, stable English keys (time_utc,actor,actor_email,action,description,ip), descriptions in the caller's language, formulas neutralised",
            action: Some(Action::ViewActivity),
            example: None,
            request: None,
            query: Some(query::<guichet_app::activity::ActivityFilter>),
            idempotent: false,
            responses: vec![Resp::csv()],
            make: || get(support::activity_csv),
        },
    ]
}
