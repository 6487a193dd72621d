//! The API routes of payments: what is due, checkout, pro forma.

use crate::api::payments::*;
use crate::api::route::ApiRoute;
use axum::routing::{get, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/payments/due",
            summary: "What is due (PAY-01): unpaid invoices due in the next two months, or all with ?all=true; each item billing one product period lists the durations it can be paid for (FREQ-01a: send `durations` {invoice_id: months} to checkout)",
            action: Some(Action::Billing),
            example: None,
            make: || get(due_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/checkout",
            summary: "Pay a selection (PP-03): part from the prepaid balance, the rest by card; all or nothing. Idempotency-Key required",
            action: Some(Action::Billing),
            example: Some(
                || json!({"invoices": ["…"], "from_prepaid_minor": 0, "card": {"card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}}),
            ),
            make: || post(checkout_post),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/pro-forma",
            summary: "A pro forma PDF of selected due invoices (INV-07): no number, no payment reference, no legal value",
            action: Some(Action::Billing),
            example: Some(|| json!({"invoices": ["…"]})),
            make: || post(pro_forma_post),
        },
    ]
}
