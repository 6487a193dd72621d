//! Acceptance 3: no write transaction is open while the payment provider is called. With a test
//! processor that takes 2 s per call (4 s for a charge: create, then confirm), other writers — of
//! another Organization and of the same one — are served at once while the charge is in flight; on
//! SQLite, where a write transaction holds the database's one write lock, they would wait 4 s.

use super::call;
use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use crate::world::world;
use serde_json::json;
use std::time::{Duration, Instant};

both_backends!(a_slow_provider_blocks_no_other_writer);

async fn a_slow_provider_blocks_no_other_writer(b: Backend) {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| c.test_card_delay_ms = 2_000).await;
    let w = world(&t).await;
    let card = json!({"amount_minor": 20_000, "card_number": "4242424242424242",
                      "card_expiry": "12/30", "card_cvc": "123"});
    let started = Instant::now();
    let charging = {
        let t_url = t.url.clone();
        let (org, token) = (w.a.id, w.a.lr().token.clone());
        tokio::spawn(async move {
            let r = crate::client::Client::new(&t_url)
                .api_with_headers(
                    "POST",
                    &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
                    &token,
                    Some(card),
                    &[("idempotency-key", "slow-card")],
                )
                .await;
            (r.status, started.elapsed())
        })
    };
    // Let the charge reach the provider, then write meanwhile.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for (org, token) in [
        (w.b.id, w.b.lr().token.clone()),
        (w.a.id, w.a.lr().token.clone()),
    ] {
        let t0 = Instant::now();
        let (s, v) = call(
            &t,
            org,
            &token,
            "POST",
            "/prepaid/transfer-requests",
            Some(json!({"amount_minor": 50_000})),
            None,
        )
        .await;
        let took = t0.elapsed();
        assert_eq!(s, 201, "{v}");
        assert!(
            took < Duration::from_millis(1_500),
            "{b:?}: a write waited {took:?} for the provider"
        );
    }
    assert!(
        !charging.is_finished(),
        "the other writes were made while the card was being charged"
    );
    let (status, took) = charging.await.unwrap();
    assert_eq!(status, 201);
    assert!(
        took >= Duration::from_secs(4),
        "the provider was slow: {took:?}"
    );
}
