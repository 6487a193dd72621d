//! Acceptance 2: the real `guichet serve` process is killed (`kill -9`) after Stripe accepted the
//! charge and before Guichet booked it. Restarted, its reconciler asks Stripe and settles the
//! pending charge: exactly one charge at the provider, one ledger entry, and the client's retry with
//! the same Idempotency-Key gets the original answer.
//!
//! A small proxy between Guichet and localstripe forwards every call; for the confirmation of the
//! charge it waits for localstripe's answer (the card is charged) and then tells the test, which
//! kills the server before the answer reaches it.

use super::localstripe::{self, payment_method};
use super::{balance, top_up};
use crate::both_backends;
use crate::harness::{Backend, Killed, TempDir, TestApp, free_port, fresh_database};
use crate::world::world;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use guichet_core::ledger::AccountKind::{CardClearing, Prepaid};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

both_backends!(killed_after_the_charge_the_reconciler_books_it_once);

#[derive(Clone)]
struct Proxy {
    upstream: String,
    /// Hold the confirmation's answer (and tell the test it came).
    hold: Arc<AtomicBool>,
    charged: Arc<Notify>,
}

async fn forward(
    State(p): State<Proxy>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> (axum::http::StatusCode, Vec<u8>) {
    let path = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let mut req = crate::harness::http().request(method, format!("{}{path}", p.upstream));
    for name in ["authorization", "content-type", "idempotency-key"] {
        if let Some(v) = headers.get(name) {
            req = req.header(name, v);
        }
    }
    let resp = req.body(body).send().await.unwrap();
    let status = axum::http::StatusCode::from_u16(resp.status().as_u16()).unwrap();
    let bytes = resp.bytes().await.unwrap().to_vec();
    if uri.path().ends_with("/confirm") && p.hold.load(Ordering::SeqCst) {
        // Stripe has charged the card: the answer never reaches Guichet.
        p.charged.notify_one();
        tokio::time::sleep(Duration::from_hours(1)).await;
    }
    (status, bytes)
}

async fn serve(db: &str, dir: &std::path::Path, stripe_base: &str) -> (Killed, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("serve")
        .env("GUICHET_DATABASE_URL", db)
        .env("GUICHET_ADDR", format!("127.0.0.1:{port}"))
        .env("GUICHET_MAIL_DIR", dir.join("mail"))
        .env("GUICHET_STRIPE_SECRET_KEY", localstripe::SECRET_KEY)
        .env("GUICHET_STRIPE_API_BASE", stripe_base)
        .env("GUICHET_RECONCILE_AFTER_SECS", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start guichet serve");
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    loop {
        if let Ok(r) = crate::harness::http()
            .get(format!("{url}/healthz"))
            .send()
            .await
            && r.status().is_success()
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "guichet serve did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (Killed(child), url)
}

async fn post_top_up(
    url: &str,
    org: &str,
    token: &str,
    key: &str,
    pm: &str,
) -> reqwest::Result<(u16, String)> {
    let r = crate::harness::http()
        .post(format!("{url}/api/v1/orgs/{org}/prepaid/top-ups"))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&top_up(42_000, pm))
        .timeout(Duration::from_mins(1))
        .send()
        .await?;
    let status = r.status().as_u16();
    Ok((status, r.text().await?))
}

async fn killed_after_the_charge_the_reconciler_books_it_once(b: Backend) {
    if super::localstripe::missing() {
        return;
    }
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    let data = dir.0.clone();
    // The world is made by an in-process app on the same database (no background jobs); the
    // server under test is the real binary.
    let t = TestApp::spawn_on(&db, dir, |c| c.stripe = Some(localstripe::config())).await;
    let w = world(&t).await;
    let (org, token) = (w.a.id.to_string(), w.a.lr().token.clone());
    let proxy = Proxy {
        upstream: localstripe::url(),
        hold: Arc::new(AtomicBool::new(true)),
        charged: Arc::new(Notify::new()),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_url = format!("http://{}", listener.local_addr().unwrap());
    let router = axum::Router::new()
        .fallback(forward)
        .with_state(proxy.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });

    let (server, url) = serve(&db, &data, &proxy_url).await;
    let pm = payment_method("4242424242424242").await;
    let key = "crash-top-up-1";
    let request = {
        let (url, org, token, pm) = (url.clone(), org.clone(), token.clone(), pm.clone());
        tokio::spawn(async move { post_top_up(&url, &org, &token, key, &pm).await })
    };
    tokio::time::timeout(Duration::from_secs(30), proxy.charged.notified())
        .await
        .expect("Stripe was asked to confirm the charge");
    drop(server); // SIGKILL, before Guichet hears Stripe's answer
    assert!(request.await.unwrap().is_err(), "the client got no answer");

    // Stripe charged the card; Guichet's charge is pending, nothing is booked.
    let charge = {
        let mut c = t.app.db.conn().await.unwrap();
        guichet_store::charges::by_key(&mut c, w.a.id, key)
            .await
            .unwrap()
            .expect("the charge was recorded before the provider was called")
    };
    assert_eq!(charge.status.to_string(), "pending");
    let intents = localstripe::intents_of(&org).await;
    assert_eq!(intents.len(), 1, "{intents:?}");
    assert_eq!(intents[0]["status"], "succeeded");
    assert_eq!(intents[0]["id"].as_str(), charge.provider_ref.as_deref());
    assert_eq!(balance(&t, Prepaid, Some(w.a.id)).await, 0);

    // Restarted: the reconciler asks Stripe and books it.
    proxy.hold.store(false, Ordering::SeqCst);
    let (_server, url) = serve(&db, &data, &proxy_url).await;
    let start = Instant::now();
    loop {
        let mut c = t.app.db.conn().await.unwrap();
        let now = guichet_store::charges::get(&mut c, charge.id)
            .await
            .unwrap()
            .unwrap();
        if !now.status.is_pending() {
            assert_eq!(now.status.to_string(), "succeeded");
            break;
        }
        drop(c);
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the reconciler did not settle it"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The client's retry with the same key: the original answer, no second charge.
    let (status, body) = post_top_up(&url, &org, &token, key, &pm).await.unwrap();
    assert_eq!(status, 201, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["payment_id"], charge.id.to_string());
    assert_eq!(v["balance_minor"], 42_000);
    assert_eq!(balance(&t, Prepaid, Some(w.a.id)).await, 42_000);
    assert_eq!(balance(&t, CardClearing, None).await, 42_000);
    let intents = localstripe::intents_of(&org).await;
    assert_eq!(intents.len(), 1, "one charge at the provider: {intents:?}");
    let mut c = t.app.db.conn().await.unwrap();
    let entries: (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ledger_entries WHERE org_id = $1 AND idempotency_key = $2",
    )
    .bind(&org)
    .bind(key)
    .fetch_one(&mut *c)
    .await
    .unwrap();
    assert_eq!(entries.0, 1, "one ledger entry");
}
