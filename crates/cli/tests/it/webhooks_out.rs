//! Outgoing webhooks (issue #13, acceptance 5): an operator registers an endpoint in the back
//! office; what customers do reaches it signed per Standard Webhooks, and every delivery verifies
//! with an independent implementation (PyPI `standardwebhooks`); a receiver that fails three times
//! gets the event once more and the log shows 3 failures and 1 success; a change that is rolled
//! back sends nothing; three days of failures disable the endpoint and tell the operators; two
//! instances never send one delivery twice; `guichet webhook add` prints the secret.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use crate::webhook_receiver::{Receiver, verify_all};
use crate::world::{PASSWORD, world};
use guichet_app::webhooks::sender::Sender;
use std::process::Command;

both_backends!(
    customer_changes_arrive_signed_and_a_rolled_back_payment_sends_nothing,
    three_failures_then_success_deliver_the_event_once_more_and_the_log_shows_it,
    three_days_of_failures_disable_the_endpoint_and_tell_the_operators,
    two_instances_send_each_delivery_once,
    the_cli_adds_lists_and_removes_endpoints
);

/// A server whose retries are not delayed (`GUICHET_WEBHOOK_RETRY_SCALE=0`), its clock at the
/// wall clock's time: the receiver checks `webhook-timestamp` against its own clock (5 minutes).
async fn spawn(b: Backend) -> TestApp {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| c.webhook_retry_scale = 0).await;
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    t.clock.set(wall as i64);
    t
}

/// Registers `url` for `events` in the back office; the endpoint's id and the secret shown once.
async fn register(ops: &mut crate::client::Client, url: &str, events: &str) -> (String, String) {
    ops.get("/admin/webhooks").await;
    let r = ops
        .post(
            "/admin/webhooks",
            &[("url", url), ("description", "ERP"), ("events", events)],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let secret = r
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("the secret, shown once")
        .to_owned();
    assert!(secret.starts_with("whsec_"), "{secret}");
    assert!(r.body.contains("will not be shown again"), "{}", r.body);
    let id = r
        .body
        .split("href=\"/admin/webhooks/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the endpoint in the list")
        .to_owned();
    // The secret is on that answer only.
    let list = ops.get("/admin/webhooks").await;
    assert!(!list.body.contains(&secret), "the secret is shown once");
    (id, secret)
}

/// Passes of the sender until one sends nothing (at most `max`).
async fn drain(t: &TestApp, max: usize) {
    let sender = Sender::new().unwrap();
    for _ in 0..max {
        let pass = sender.deliver_due(&t.app).await.unwrap();
        if pass.delivered + pass.failed == 0 {
            return;
        }
    }
}

async fn customer_changes_arrive_signed_and_a_rolled_back_payment_sends_nothing(b: Backend) {
    let t = spawn(b).await;
    let w = world(&t).await;
    let rx = Receiver::start(&[], 0).await;
    let mut ops = t.operator("/admin/webhooks").await;
    // A URL that is not http(s) is refused with a clear message, and nothing is registered.
    ops.get("/admin/webhooks").await;
    let r = ops
        .post(
            "/admin/webhooks",
            &[("url", "ftp://hooks.example.ch/x"), ("events", "*")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("Enter an address starting with https:// or http://"),
        "{}",
        r.body
    );
    let r = ops
        .post(
            "/admin/webhooks",
            &[("url", &rx.url), ("events", "invoice.paid, invoice.payed")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("Unknown event type: invoice.payed"),
        "{}",
        r.body
    );
    assert!(
        ops.get("/admin/webhooks")
            .await
            .body
            .contains("No endpoint registered")
    );
    let (_, secret) = register(&mut ops, &rx.url, "*").await;

    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let mut c = t.client();
    let offer = c
        .offer_where(org, &lr, |o| o["type"] == "domain_name")
        .await;
    let ordered = c.order(org, &lr, &offer, 12).await;
    // Paying from an empty prepaid balance is refused after the invoice was marked paid in the
    // transaction (where `invoice.paid` is written): rolled back, it sends nothing.
    let r = c.pay(org, &lr, &ordered.invoice, "wh-empty").await;
    assert_eq!(r.status, 422, "{}", r.body);
    drain(&t, 5).await;
    let types: Vec<String> = rx.got().iter().map(|r| r.event_type()).collect();
    assert_eq!(types, ["invoice.issued"], "before the payment");

    c.top_up_and_pay(org, &lr, &ordered.invoice, 10_000, "wh-pay")
        .await;
    drain(&t, 5).await;
    let got = rx.got();
    let mut types: Vec<String> = got.iter().map(|r| r.event_type()).collect();
    types.sort();
    // The card top-up is received and credited; the invoice paid from the balance; its product
    // active: each once, the refused payment never.
    assert_eq!(
        types,
        [
            "invoice.issued",
            "invoice.paid",
            "payment.received",
            "prepaid.credited",
            "product.activated"
        ],
        "each change once; the refused payment never"
    );
    let paid = got
        .iter()
        .find(|r| r.event_type() == "invoice.paid")
        .unwrap();
    let v = paid.json();
    assert_eq!(v["data"]["invoice_id"], ordered.invoice.as_str(), "{v}");
    assert_eq!(v["data"]["org_id"], org.to_string(), "{v}");
    let gross = c.invoice(org, &lr, &ordered.invoice).await["gross_minor"].clone();
    assert_eq!(v["data"]["amount"]["minor"], gross, "{v}");
    assert_eq!(v["data"]["amount"]["currency"], "CHF", "{v}");
    assert!(v["timestamp"].as_str().unwrap().ends_with('Z'), "{v}");
    assert!(paid.id.starts_with("msg_"), "{}", paid.id);
    let activated = got
        .iter()
        .find(|r| r.event_type() == "product.activated")
        .unwrap();
    assert_eq!(
        activated.json()["data"]["product_id"],
        ordered.product.as_str()
    );
    assert!(got.iter().all(|r| r.answered == 200));
    verify_all(&secret, &got);
}

async fn three_failures_then_success_deliver_the_event_once_more_and_the_log_shows_it(b: Backend) {
    let t = spawn(b).await;
    let w = world(&t).await;
    let rx = Receiver::start(&[500, 500, 500], 0).await;
    let mut ops = t.operator("/admin/webhooks").await;
    let (endpoint, secret) = register(&mut ops, &rx.url, "member.invited").await;
    let mut c = t.client();
    c.login_ok(&w.a.admin().email, PASSWORD).await;
    c.get("/users").await;
    let r = c
        .post(
            "/users/invite",
            &[("email", "newcomer@example.ch"), ("role", "collaborator")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    drain(&t, 10).await;
    let got = rx.got();
    let answered: Vec<u16> = got.iter().map(|r| r.answered).collect();
    assert_eq!(
        answered,
        [500, 500, 500, 200],
        "retried until it succeeded, then never again"
    );
    assert!(
        got.iter()
            .all(|r| r.id == got[0].id && r.body == got[0].body),
        "one event: one webhook-id, one body"
    );
    let v = got[0].json();
    assert_eq!(v["type"], "member.invited");
    assert_eq!(v["data"]["email"], "newcomer@example.ch");
    assert_eq!(v["data"]["role"], "collaborator");
    verify_all(&secret, &got);
    // The delivery log: three failures with their response code, one success.
    let log = ops.get(&format!("/admin/webhooks/{endpoint}")).await;
    assert_eq!(log.status, 200, "{}", log.body);
    assert_eq!(
        log.body.matches("HTTP <strong>500</strong>").count(),
        3,
        "{}",
        log.body
    );
    assert_eq!(
        log.body.matches("HTTP <strong>200</strong>").count(),
        1,
        "{}",
        log.body
    );
    assert!(log.body.contains("Delivered"), "{}", log.body);
    // Manual replay: the same event goes out once more.
    let delivery = log
        .body
        .split("/admin/webhooks/deliveries/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .to_owned();
    let r = ops
        .post(
            &format!("/admin/webhooks/deliveries/{delivery}/replay"),
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    drain(&t, 5).await;
    let got = rx.got();
    assert_eq!(got.len(), 5);
    assert_eq!(got[4].id, got[0].id, "a replay is the same event");
    verify_all(&secret, &got[4..]);
    let log = ops.get(&format!("/admin/webhooks/{endpoint}")).await;
    assert_eq!(
        log.body.matches("HTTP <strong>200</strong>").count(),
        2,
        "{}",
        log.body
    );
    // Another Organization's operator page does not exist for customers.
    let r = c.get(&format!("/admin/webhooks/{endpoint}")).await;
    assert_eq!(r.status, 404);
}

/// The operators' messages about disabled endpoints.
async fn disabled_mails(t: &TestApp) -> Vec<guichet_store::outbox::Message> {
    let mut all = t.mails_to("ops@provider.example").await;
    all.retain(|m| m.kind == "webhook_disabled");
    all
}

async fn three_days_of_failures_disable_the_endpoint_and_tell_the_operators(b: Backend) {
    let t = spawn(b).await;
    let w = world(&t).await;
    let rx = Receiver::start(&[500; 50], 0).await;
    let mut ops = t.operator("/admin/webhooks").await;
    let (endpoint, _) = register(&mut ops, &rx.url, "member.invited,member.removed").await;
    let mut c = t.client();
    c.login_ok(&w.a.admin().email, PASSWORD).await;
    c.get("/users").await;
    let invite = |n: usize| format!("person{n}@example.ch");
    let r = c
        .post("/users/invite", &[("email", &invite(1)), ("role", "admin")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    Sender::new().unwrap().deliver_due(&t.app).await.unwrap();
    assert!(
        disabled_mails(&t).await.is_empty(),
        "one failure disables nothing"
    );
    // Two days and a half later it still fails: still enabled.
    t.clock.advance(60 * 3600);
    Sender::new().unwrap().deliver_due(&t.app).await.unwrap();
    // (Sessions ended meanwhile: sign in again.)
    let mut ops = t.operator("/admin/webhooks").await;
    assert!(
        ops.get("/admin/webhooks")
            .await
            .body
            .contains("failure(s) in a row")
    );
    assert!(disabled_mails(&t).await.is_empty());
    // Three days after the first failure, the next failure disables it.
    t.clock.advance(12 * 3600);
    Sender::new().unwrap().deliver_due(&t.app).await.unwrap();
    let mut ops = t.operator("/admin/webhooks").await;
    c.login_ok(&w.a.admin().email, PASSWORD).await;
    c.get("/users").await;
    let mails = disabled_mails(&t).await;
    assert_eq!(mails.len(), 1, "the operator is told once");
    assert_eq!(mails[0].lang.as_deref(), Some("en"));
    assert!(
        mails[0].subject.contains("Webhook disabled"),
        "{}",
        mails[0].subject
    );
    assert!(mails[0].body.contains(&rx.url), "{}", mails[0].body);
    let list = ops.get("/admin/webhooks").await;
    assert!(
        list.body
            .contains("disabled automatically: three days of failures"),
        "{}",
        list.body
    );
    // Disabled: nothing more is sent to it, whatever happens.
    let before = rx.got().len();
    let r = c
        .post("/users/invite", &[("email", &invite(2)), ("role", "admin")])
        .await;
    assert_eq!(r.status, 303);
    drain(&t, 5).await;
    assert_eq!(rx.got().len(), before);
    // The operator enables it again; the log says where each delivery stands.
    ops.get("/admin/webhooks").await;
    let r = ops
        .post(
            &format!("/admin/webhooks/{endpoint}/enabled"),
            &[("enabled", "yes")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let log = ops.get(&format!("/admin/webhooks/{endpoint}")).await;
    assert!(
        log.body.contains("Given up after three days"),
        "{}",
        log.body
    );
    // Deleting asks for the confirmation first.
    let r = ops
        .post(&format!("/admin/webhooks/{endpoint}/delete"), &[])
        .await;
    assert_eq!(r.status, 303);
    assert!(
        ops.get("/admin/webhooks").await.body.contains(&rx.url),
        "not deleted unconfirmed"
    );
    let r = ops
        .post(
            &format!("/admin/webhooks/{endpoint}/delete"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(!ops.get("/admin/webhooks").await.body.contains(&rx.url));
}

async fn two_instances_send_each_delivery_once(b: Backend) {
    let t = spawn(b).await;
    let w = world(&t).await;
    let db = t.config.database_url.clone();
    let other = TestApp::spawn_on(&db, TempDir::new(), |c| c.webhook_retry_scale = 0).await;
    other.clock.set(t.app.now());
    // A slow receiver, so both senders see the same deliveries due at once.
    let rx = Receiver::start(&[], 150).await;
    let mut ops = t.operator("/admin/webhooks").await;
    let (_, secret) = register(&mut ops, &rx.url, "member.invited").await;
    let mut c = t.client();
    c.login_ok(&w.a.admin().email, PASSWORD).await;
    c.get("/users").await;
    for n in 0..6 {
        let email = format!("pair{n}@example.ch");
        let r = c
            .post("/users/invite", &[("email", &email), ("role", "admin")])
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let (a, b2) = (t.app.clone(), other.app.clone());
    let one = tokio::spawn(async move { Sender::new().unwrap().deliver_due(&a).await.unwrap() });
    let two = tokio::spawn(async move { Sender::new().unwrap().deliver_due(&b2).await.unwrap() });
    let (one, two) = (one.await.unwrap(), two.await.unwrap());
    assert_eq!(one.delivered + two.delivered, 6, "{one:?} {two:?}");
    drain(&t, 3).await;
    let got = rx.got();
    let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!((got.len(), ids.len()), (6, 6), "each event sent once");
    verify_all(&secret, &got);
}

fn guichet(db: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("webhook")
        .args(args)
        .env("GUICHET_DATABASE_URL", db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .expect("run guichet webhook");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn the_cli_adds_lists_and_removes_endpoints(b: Backend) {
    let t = spawn(b).await;
    let db = t.config.database_url.clone();
    let (ok, out, err) = guichet(
        &db,
        &[
            "add",
            "--url",
            "https://erp.example.ch/hooks",
            "--events",
            "invoice.paid,member.joined",
        ],
    );
    assert!(ok, "{out}{err}");
    let id = out
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("the id")
        .to_owned();
    let secret = out
        .lines()
        .find_map(|l| l.strip_prefix("secret: "))
        .expect("the secret");
    assert!(
        secret.starts_with("whsec_") && secret.len() > 40,
        "{secret}"
    );
    let (ok, out, _) = guichet(&db, &["list"]);
    assert!(ok);
    assert!(
        out.contains(&id)
            && out.contains("https://erp.example.ch/hooks")
            && out.contains("invoice.paid,member.joined"),
        "{out}"
    );
    let (ok, _, err) = guichet(
        &db,
        &[
            "add",
            "--url",
            "ftp://erp.example.ch",
            "--events",
            "invoice.paid",
        ],
    );
    assert!(!ok);
    assert!(err.contains("--url") && err.contains("https://"), "{err}");
    let (ok, _, err) = guichet(
        &db,
        &[
            "add",
            "--url",
            "https://erp.example.ch",
            "--events",
            "invoice.payed",
        ],
    );
    assert!(!ok);
    assert!(err.contains("invoice.payed"), "{err}");
    let (ok, out, err) = guichet(&db, &["remove", &id]);
    assert!(ok, "{out}{err}");
    let (_, out, _) = guichet(&db, &["list"]);
    assert!(out.contains("No webhook endpoint"), "{out}");
}
