//! The API routes of payment reminder settings.

use crate::api::doc::{Resp, schema};
use crate::api::reminders;
use crate::api::route::ApiRoute;
use axum::routing::{get, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/reminders",
            summary: "Whether the caller receives payment reminders for the Organization (REM-05)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::reminders::RemindersBody>(200)],
            make: || get(reminders::reminders_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/reminders",
            summary: "Opt in or out of payment reminders for the Organization (the caller's own preference)",
            action: Some(Action::Billing),
            example: Some(|| json!({"reminders": true})),
            request: Some(schema::<crate::api::reminders::RemindersBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::reminders::RemindersBody>(200)],
            make: || put(reminders::reminders_put),
        },
    ]
}
