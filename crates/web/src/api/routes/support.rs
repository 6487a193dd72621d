//! The API routes of Premium Support and support access grants.

use crate::api::doc::{Resp, schema};
use crate::api::route::ApiRoute;
use crate::api::support;
use axum::routing::{delete, get, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support",
            summary: "Premium Support: tier, VIP code and contact channels, or the offers to get it",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::support::SupportJson>(200)],
            make: || get(support::support_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support/grants",
            summary: "Temporary support access grants, newest first",
            action: Some(Action::GrantSupportAccess),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::support::GrantsJson>(200)],
            make: || get(support::grants_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/support/grants",
            summary: "Let the provider's support in for 1, 24 or 168 hours: the whole Organization or products",
            action: Some(Action::GrantSupportAccess),
            example: Some(|| json!({"hours": 24, "whole_org": true})),
            request: Some(schema::<guichet_app::support::GrantInput>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::support::GrantJson>(201),
                Resp::error(409),
            ],
            make: || post(support::grant_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/support/grants/{grant}",
            summary: "Revoke a support grant at once",
            action: Some(Action::GrantSupportAccess),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || delete(support::grant_revoke),
        },
    ]
}
