//! Acceptance 4 (RELIABILITY.md #25): Stripe's webhooks in. A card that asks for 3-D Secure leaves
//! the charge pending (202); the cardholder authenticates at Stripe; then events come, signed as
//! Stripe signs them (HMAC-SHA256 of `timestamp.payload`): a bad signature and a stale timestamp are
//! refused, an event out of order (a failure reported after the success) does not move the payment
//! backwards, a replayed event is applied once, an event naming another Organization is refused,
//! an unknown event is acknowledged and ignored.
//!
//! The events are written by the test in Stripe's documented shape (`id`, `type`, `data.object` with
//! its `metadata`) and signed as Stripe documents it: localstripe can post events too, but signs them
//! with the wall clock's time while the app under test runs on its own test clock. The payments they
//! name are localstripe's, so the state Guichet asks for is the fake Stripe's.

use super::localstripe::{self, WEBHOOK_SECRET, payment_method};
use super::{balance, call, charge_status, stripe_app, top_up};
use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::ledger::AccountKind::Prepaid;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};

both_backends!(stripe_webhooks_are_checked_applied_once_and_never_move_a_payment_back);

fn signature(payload: &str, secret: &str, t: i64) -> String {
    let mut m = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    m.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(m.finalize().into_bytes()))
}

fn event(id: &str, kind: &str, pi: &str, org: &str, charge: &str) -> String {
    json!({
        "id": id,
        "object": "event",
        "type": kind,
        "data": {"object": {"id": pi, "object": "payment_intent",
                            "metadata": {"guichet_org": org, "guichet_charge": charge}}}
    })
    .to_string()
}

async fn deliver(t: &TestApp, payload: &str, signature: &str) -> (u16, Value) {
    let r = crate::harness::http()
        .post(format!("{}/webhooks/stripe", t.url))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(payload.to_string())
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn stripe_webhooks_are_checked_applied_once_and_never_move_a_payment_back(b: Backend) {
    if super::localstripe::missing() {
        return;
    }
    let t = stripe_app(b).await;
    let w = world(&t).await;
    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let now = t.app.now();

    // A card whose bank asks for 3-D Secure: the charge is pending until the cardholder acts.
    let pm = payment_method("4000002500003155").await;
    let key = "three-d-secure";
    let (s, v) = call(
        &t,
        org,
        &lr,
        "POST",
        "/prepaid/top-ups",
        Some(top_up(15_000, &pm)),
        Some(key),
    )
    .await;
    assert_eq!(s, 202, "{v}");
    assert_eq!(v["status"], "requires_action", "{v}");
    let charge = v["payment_id"].as_str().unwrap().to_string();
    let secret = v["client_secret"].as_str().unwrap().to_string();
    let pi = secret.split("_secret_").next().unwrap().to_string();
    assert_eq!(charge_status(&t, &charge).await, "pending");
    // Asked again meanwhile: 409 while in flight, nothing booked.
    let (s, _) = call(
        &t,
        org,
        &lr,
        "POST",
        "/prepaid/top-ups",
        Some(top_up(15_000, &pm)),
        Some(key),
    )
    .await;
    assert_eq!(s, 409);

    let (org_s, succeeded) = (
        org.to_string(),
        event(
            "evt_ok",
            "payment_intent.succeeded",
            &pi,
            &org.to_string(),
            &charge,
        ),
    );
    // Refused: a bad signature, a stale timestamp, no signature at all.
    let (s, v) = deliver(
        &t,
        &succeeded,
        &signature(&succeeded, "whsec_not_ours", now),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    let (s, v) = deliver(
        &t,
        &succeeded,
        &signature(&succeeded, WEBHOOK_SECRET, now - 3_600),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert!(v["error"].as_str().unwrap().contains("Stale"), "{v}");
    let (s, _) = deliver(&t, &succeeded, "").await;
    assert_eq!(s, 400);
    assert_eq!(
        charge_status(&t, &charge).await,
        "pending",
        "nothing applied"
    );

    // The cardholder authenticates at Stripe (what Stripe.js does in the browser).
    let (s, v) = localstripe::post(
        &format!("/v1/payment_intents/{pi}/_authenticate"),
        &[("client_secret", &secret), ("success", "true")],
    )
    .await;
    assert_eq!((s, &v["status"]), (200, &json!("succeeded")), "{v}");

    // An event naming another Organization than the payment's: refused, nothing applied.
    let forged = event(
        "evt_forged",
        "payment_intent.succeeded",
        &pi,
        &w.b.id.to_string(),
        &charge,
    );
    let (s, v) = deliver(&t, &forged, &signature(&forged, WEBHOOK_SECRET, now)).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(charge_status(&t, &charge).await, "pending");

    // Out of order: a failure reported after the success. The event only says "look": Guichet asks
    // Stripe, which says succeeded, and books that.
    let failed = event(
        "evt_late_failure",
        "payment_intent.payment_failed",
        &pi,
        &org_s,
        &charge,
    );
    let (s, v) = deliver(&t, &failed, &signature(&failed, WEBHOOK_SECRET, now)).await;
    assert_eq!((s, &v["outcome"]), (200, &json!("applied")), "{v}");
    assert_eq!(charge_status(&t, &charge).await, "succeeded");
    assert_eq!(balance(&t, Prepaid, Some(org)).await, 15_000);

    // The success event, then its replay: applied once.
    for expected in ["applied", "replay"] {
        let (s, v) = deliver(&t, &succeeded, &signature(&succeeded, WEBHOOK_SECRET, now)).await;
        assert_eq!((s, v["outcome"].as_str()), (200, Some(expected)), "{v}");
        assert_eq!(balance(&t, Prepaid, Some(org)).await, 15_000, "booked once");
    }
    assert_eq!(
        charge_status(&t, &charge).await,
        "succeeded",
        "never moved back"
    );

    // The client's retry with its key now gets the outcome.
    let (s, v) = call(
        &t,
        org,
        &lr,
        "POST",
        "/prepaid/top-ups",
        Some(top_up(15_000, &pm)),
        Some(key),
    )
    .await;
    assert_eq!((s, &v["balance_minor"]), (201, &json!(15_000)), "{v}");

    // An event Guichet does not act on: acknowledged, ignored.
    let other = json!({"id": "evt_customer", "object": "event", "type": "customer.created",
                       "data": {"object": {"id": "cus_1", "object": "customer"}}})
    .to_string();
    let (s, v) = deliver(&t, &other, &signature(&other, WEBHOOK_SECRET, now)).await;
    assert_eq!((s, &v["outcome"]), (200, &json!("ignored")), "{v}");

    // Without Stripe configured, the endpoint does not exist.
    let plain = TestApp::spawn(b).await;
    let (s, _) = deliver(
        &plain,
        &other,
        &signature(&other, WEBHOOK_SECRET, plain.app.now()),
    )
    .await;
    assert_eq!(s, 404);
}
