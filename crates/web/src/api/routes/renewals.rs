//! The API routes of the Organization's renewal settings and saved card.

use crate::api::doc::{Resp, schema};
use crate::api::renewals;
use crate::api::route::ApiRoute;
use axum::routing::{delete, get, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/renewal-settings",
            summary: "How renewals are paid: prepaid balance first, and the saved card (last four digits)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<guichet_app::renewals::RenewalSettings>(200)],
            make: || get(renewals::settings_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/renewal-settings",
            summary: "Pay renewals from the prepaid balance first (when it covers them)",
            action: Some(Action::Billing),
            example: Some(|| json!({"from_prepaid": true})),
            request: Some(schema::<crate::api::renewals::SettingsBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<guichet_app::renewals::RenewalSettings>(200)],
            make: || put(renewals::settings_put),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/renewal-settings/card",
            summary: "Save the card automatic renewals are charged to (kept as the provider's token): a typed card with the test processor, `payment_method` (pm_…) with Stripe",
            action: Some(Action::Billing),
            example: Some(
                || json!({"card_number": "4242 4242 4242 4242", "card_expiry": "12/30", "card_cvc": "123"}),
            ),
            request: Some(schema::<guichet_app::prepaid::CardFields>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<guichet_app::renewals::SavedCardView>(200)],
            make: || put(renewals::card_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/renewal-settings/card",
            summary: "Forget the saved card",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content()],
            make: || delete(renewals::card_delete),
        },
    ]
}
