//! The API routes of support requests (issue #16).

use crate::api::doc::{Resp, query, schema};
use crate::api::route::ApiRoute;
use crate::api::tickets;
use axum::routing::{get, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support-requests",
            summary: "The support requests the caller may see (LR/Admin: all; others: those they opened and those on products they hold the ticket right on), newest first, 20 a page paged by key: ?after=<next>, ?before=<prev>, ?page=last",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: Some(query::<tickets::RequestsQuery>),
            idempotent: false,
            responses: vec![Resp::json::<tickets::RequestsJson>(200)],
            make: || get(tickets::list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/support-requests",
            summary: "Open a support request: topic, message and optionally a product the caller may see; the provider's support is told",
            action: Some(Action::ViewOrg),
            example: Some(
                || json!({"topic": "Site down", "message": "Our site answers 500 since 10:00."}),
            ),
            request: Some(schema::<tickets::OpenBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<tickets::ThreadJson>(201)],
            make: || post(tickets::open),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support-requests/{ticket}",
            summary: "A support request and its messages (never the provider's internal notes)",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<tickets::ThreadJson>(200)],
            make: || get(tickets::read),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/support-requests/{ticket}/replies",
            summary: "Reply to a support request (a closed one is reopened); support is told",
            action: Some(Action::ViewOrg),
            example: Some(|| json!({"message": "It works again, thank you."})),
            request: Some(schema::<tickets::ReplyBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<tickets::ThreadJson>(201), Resp::error(409)],
            make: || post(tickets::reply),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/support-requests/{ticket}/close",
            summary: "Close a support request (409 when it is closed already)",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || post(tickets::close),
        },
    ]
}
