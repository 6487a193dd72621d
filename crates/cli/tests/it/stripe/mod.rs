//! Issue #13: real payments through Stripe, checked against `localstripe` (an independent fake of
//! Stripe's API): cards charged outside every database transaction, a crash between the charge and
//! its booking settled by the reconciler, webhooks in, refunds to the card.

mod cards;
mod crash;
pub mod localstripe;
mod slow;
mod webhooks;

use crate::client::Client;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use guichet_core::ledger::{AccountKind, AccountRef};
use guichet_core::{Currency, OrgId};
use serde_json::{Value, json};

/// An app whose cards go through the fake Stripe.
pub async fn stripe_app(b: Backend) -> TestApp {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    TestApp::spawn_on(&db, dir, |c| c.stripe = Some(localstripe::config())).await
}

/// A request with a fresh (or given) Idempotency-Key: (status, JSON body).
pub async fn call(
    t: &TestApp,
    org: OrgId,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
    key: Option<&str>,
) -> (u16, Value) {
    let key = key.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string);
    let r = Client::new(&t.url)
        .api_with_headers(
            method,
            &format!("/api/v1/orgs/{org}{path}"),
            token,
            body,
            &[("idempotency-key", &key)],
        )
        .await;
    (
        r.status,
        serde_json::from_str(&r.body).unwrap_or(Value::Null),
    )
}

/// A top-up of `amount` paid with the PaymentMethod `pm`.
pub fn top_up(amount: i64, pm: &str) -> Value {
    json!({"amount_minor": amount, "payment_method": pm})
}

/// The balance of one of the ledger's accounts (a provider account summed over its shards).
pub async fn balance(t: &TestApp, kind: AccountKind, org: Option<OrgId>) -> i64 {
    let mut c = t.app.db.conn().await.unwrap();
    let account = match org {
        Some(o) => AccountRef::of_org(kind, o, Currency::Chf),
        None => AccountRef::provider(kind, Currency::Chf),
    };
    guichet_store::ledger::balance(&mut c, &account)
        .await
        .unwrap()
}

/// A charge's status as stored.
pub async fn charge_status(t: &TestApp, id: &str) -> String {
    let mut c = t.app.db.conn().await.unwrap();
    guichet_store::charges::get(&mut c, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .status
        .to_string()
}
