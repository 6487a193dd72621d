//! The API routes of the prepaid account: balance, top-ups, withdrawals, transfer requests.

use crate::api::doc::{Resp, query, schema};
use crate::api::prepaid::*;
use crate::api::route::ApiRoute;
use axum::routing::{get, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/prepaid",
            summary: "Prepaid balances and movements (PP-01): `balance` in the Organization's currency, `balances` one per currency held ({currency, balance_minor, withdrawable_minor, main}); movements of ?currency=CHF|EUR (default the Organization's), newest first, paged by key: ?after=CURSOR, ?before=CURSOR, ?page=last, with `links: {first, prev, next, last}` (relative URLs, null when there is no such page)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: Some(query::<crate::api::prepaid::PageParam>),
            idempotent: false,
            responses: vec![Resp::json::<crate::api::prepaid::PrepaidJson>(200)],
            make: || get(prepaid_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/prepaid/top-ups",
            summary: "Credit the prepaid account by card (PP-02): a typed card with the test processor, or `payment_method` (pm_…, from Stripe.js) with Stripe. Requires an Idempotency-Key header; 201 paid, 402 declined, 202 not known yet (3-D Secure or processing: repeat the request with the same key), 409 while the same key's charge is in flight",
            action: Some(Action::Billing),
            example: Some(
                || json!({"amount_minor": 5000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}),
            ),
            request: Some(schema::<crate::api::prepaid::TopUpBody>),
            query: None,
            idempotent: true,
            responses: vec![
                Resp::json::<guichet_app::answers::TopUpPaid>(201),
                Resp::json::<guichet_app::answers::TopUpDeclined>(402),
                Resp::json::<guichet_app::answers::ChargePending>(202),
                Resp::error(409),
            ],
            make: || post(top_up_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/withdrawals",
            summary: "Withdrawal requests and their status (PP-04)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::prepaid::WithdrawalsJson>(200)],
            make: || get(withdrawals_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/withdrawals",
            summary: "Withdraw a balance to an IBAN or PayPal address in the holder's name (PP-04); `currency` chooses the balance (default the Organization's currency) and the payout is in it. Requires an Idempotency-Key header",
            action: Some(Action::Withdraw),
            example: Some(
                || json!({"amount_minor": 1000, "method": "iban", "destination": "CH93 0076 2011 6238 5295 7", "holder": "Beta Web SARL"}),
            ),
            request: Some(schema::<crate::api::prepaid::WithdrawalBody>),
            query: None,
            idempotent: true,
            responses: vec![
                Resp::json::<guichet_app::answers::WithdrawalRequested>(201),
                Resp::error(409),
            ],
            make: || post(withdrawal_create),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/prepaid/transfer-requests",
            summary: "Top up by bank transfer (PP-02): a payment request with its own reference and QR-bill payload",
            action: Some(Action::Billing),
            example: Some(|| json!({"amount_minor": 50000})),
            request: Some(schema::<crate::api::prepaid::TransferBody>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::prepaid::TransferRequestJson>(201),
                Resp::error(409),
            ],
            make: || post(transfer_request_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/prepaid/transfer-requests/{request}",
            summary: "A payment request with its reference and QR-bill payload",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::prepaid::TransferRequestJson>(200)],
            make: || get(transfer_request_get),
        },
    ]
}
