//! The API routes of payments: what is due, checkout, pro forma.

use crate::api::doc::{Resp, query, schema};
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
            request: None,
            query: Some(query::<crate::api::payments::DueParams>),
            idempotent: false,
            responses: vec![Resp::json::<crate::api::payments::DueJson>(200)],
            make: || get(due_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/checkout",
            summary: "Pay a selection (PP-03): part from the prepaid balance, the rest by card (a typed card with the test processor, `card.payment_method` with Stripe); all or nothing. Idempotency-Key required; 202 while the card's outcome is not known (repeat with the same key), 409 while in flight",
            action: Some(Action::Billing),
            example: Some(
                || json!({"invoices": ["…"], "from_prepaid_minor": 0, "card": {"card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}}),
            ),
            request: Some(schema::<guichet_app::billing::Checkout>),
            query: None,
            idempotent: true,
            responses: vec![
                Resp::json::<guichet_app::answers::CheckoutPaid>(200),
                Resp::json::<guichet_app::answers::CheckoutDeclined>(402),
                Resp::json::<guichet_app::answers::ChargePending>(202),
                Resp::error(409),
            ],
            make: || post(checkout_post),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/pro-forma",
            summary: "A pro forma PDF of selected due invoices (INV-07): no number, no payment reference, no legal value",
            action: Some(Action::Billing),
            example: Some(|| json!({"invoices": ["…"]})),
            request: Some(schema::<crate::api::payments::ProFormaBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::pdf(), Resp::error(409)],
            make: || post(pro_forma_post),
        },
    ]
}
