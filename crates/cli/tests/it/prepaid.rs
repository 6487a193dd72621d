//! Prepaid account over HTTP: top-up by card (PP-02) with idempotency (RELIABILITY 7), withdrawals
//! with holds and operator decisions (PP-04), concurrency on one account (RELIABILITY 2).

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(
    same_idempotency_key_fifty_times_moves_money_once,
    declines_limits_and_a_double_submitted_form,
    withdrawals_are_held_then_approved_or_released,
    concurrent_top_ups_and_withdrawals_on_one_account,
    concurrent_checkouts_and_top_ups_on_one_account,
);

const OK_CARD: &str = "4242424242424242";
const DECLINED: &str = "4000000000000002";

async fn api_with_key(
    c: &mut Client,
    path: &str,
    token: &str,
    key: Option<&str>,
    body: serde_json::Value,
) -> crate::client::Resp {
    c.api_with_headers(
        "POST",
        path,
        token,
        Some(body),
        &key.map(|k| vec![("idempotency-key", k)])
            .unwrap_or_default(),
    )
    .await
}

async fn balance(t: &TestApp, token: &str, org: guichet_core::OrgId) -> i64 {
    let r = t
        .client()
        .api("GET", &format!("/api/v1/orgs/{org}/prepaid"), token, None)
        .await;
    r.json()["balance"]["minor"].as_i64().unwrap()
}

async fn same_idempotency_key_fifty_times_moves_money_once(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let path = format!("/api/v1/orgs/{}/prepaid/top-ups", w.a.id);
    let body = json!({"amount_minor": 25_000, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"});
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (url, token, path, body) = (
            t.url.clone(),
            w.a.accountant().token.clone(),
            path.clone(),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(&url);
            let r = api_with_key(&mut c, &path, &token, Some("order-2026-001"), body).await;
            (r.status, r.body)
        }));
    }
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    // Every reply is the first answer, or a 409 while the first request's card charge is in
    // flight (RELIABILITY.md #7, as Stripe answers): never a second charge.
    let first = answers
        .iter()
        .find(|a| a.0 != 409)
        .expect("one request got the answer")
        .clone();
    assert_eq!(first.0, 201, "{}", first.1);
    for a in &answers {
        assert!(
            a == &first || (a.0 == 409 && a.1.contains("\"conflict\"")),
            "every retry gets the first answer or 409 in flight: {a:?}"
        );
    }
    // Once settled, a retry gets the first answer.
    let mut c = Client::new(&t.url);
    let again = api_with_key(
        &mut c,
        &path,
        &w.a.accountant().token,
        Some("order-2026-001"),
        body.clone(),
    )
    .await;
    assert_eq!((again.status, again.body), first);
    assert_eq!(
        balance(&t, &w.a.lr().token, w.a.id).await,
        25_000,
        "money moved once"
    );
    // The same key with another body is refused and changes nothing; the same key in another
    // Organization is an independent operation.
    let mut c = t.client();
    let other = json!({"amount_minor": 99_900, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"});
    let r = api_with_key(
        &mut c,
        &path,
        &w.a.accountant().token,
        Some("order-2026-001"),
        other,
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "idempotency_key");
    let r = api_with_key(
        &mut c,
        &format!("/api/v1/orgs/{}/prepaid/top-ups", w.b.id),
        &w.b.lr().token,
        Some("order-2026-001"),
        body,
    )
    .await;
    assert_eq!(r.status, 201);
    assert_eq!(balance(&t, &w.a.lr().token, w.a.id).await, 25_000);
    assert_eq!(balance(&t, &w.b.lr().token, w.b.id).await, 25_000);
    // Without a key: refused with a message naming the header.
    let r = api_with_key(&mut c, &path, &w.a.lr().token, None, json!({"amount_minor": 5000, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"})).await;
    assert_eq!(r.status, 422);
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn declines_limits_and_a_double_submitted_form(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let path = format!("/api/v1/orgs/{}/prepaid/top-ups", w.a.id);
    let card = |n: &str, amount: i64| json!({"amount_minor": amount, "card_number": n, "card_expiry": "12/30", "card_cvc": "123"});
    let r = api_with_key(
        &mut c,
        &path,
        &w.a.lr().token,
        Some("k1"),
        card(DECLINED, 5000),
    )
    .await;
    assert_eq!(r.status, 402);
    assert_eq!(r.json()["status"], "declined");
    assert_eq!(
        balance(&t, &w.a.lr().token, w.a.id).await,
        0,
        "a decline leaves the balance as it was"
    );
    for (amount, field) in [(999, "amount"), (1_000_001, "amount")] {
        let r = api_with_key(
            &mut c,
            &path,
            &w.a.lr().token,
            Some(&format!("lim-{amount}")),
            card(OK_CARD, amount),
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.json()["error"]["fields"][0]["field"], field);
    }
    let r = api_with_key(
        &mut c,
        &path,
        &w.a.lr().token,
        Some("k2"),
        card("4242424242424241", 5000),
    )
    .await;
    assert_eq!(r.json()["error"]["fields"][0]["field"], "card_number");
    // Five top-ups of 10'000 reach the 50'000 ceiling; the sixth is refused.
    for i in 0..5 {
        let r = api_with_key(
            &mut c,
            &path,
            &w.a.lr().token,
            Some(&format!("big-{i}")),
            card(OK_CARD, 1_000_000),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let r = api_with_key(
        &mut c,
        &path,
        &w.a.lr().token,
        Some("big-6"),
        card(OK_CARD, 1_000),
    )
    .await;
    assert_eq!(r.status, 422);
    // The Manager's form carries its own key: submitting it twice charges once.
    let mut web = t.client();
    web.login_ok(&w.b.accountant().email, PASSWORD).await;
    let page = web.get("/accounting/prepaid").await;
    let key = page
        .body
        .split("name=\"idempotency_key\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let form = [
        ("amount", "150.50"),
        ("card_number", "4242 4242 4242 4242"),
        ("card_expiry", "12/30"),
        ("card_cvc", "123"),
        ("idempotency_key", key.as_str()),
    ];
    assert_eq!(
        web.post("/accounting/prepaid/top-up", &form).await.status,
        303
    );
    assert_eq!(
        web.post("/accounting/prepaid/top-up", &form).await.status,
        303
    );
    let page = web.get("/accounting/prepaid").await;
    assert!(
        page.body.contains("CHF 150.50") || page.body.contains("EUR 150.50"),
        "{}",
        page.body
    );
    assert_eq!(balance(&t, &w.b.lr().token, w.b.id).await, 15_050);
    let declined = [
        ("amount", "20"),
        ("card_number", DECLINED),
        ("card_expiry", "12/30"),
        ("card_cvc", "123"),
        ("idempotency_key", "form-2"),
    ];
    let r = web.post("/accounting/prepaid/top-up", &declined).await;
    assert_eq!(r.status, 402);
    assert!(r.body.contains("nothing was charged"), "{}", r.body);
    // A collaborator without accounting cannot top up.
    let r = api_with_key(
        &mut c,
        &path,
        &w.a.collaborator().token,
        Some("k3"),
        card(OK_CARD, 5000),
    )
    .await;
    assert_eq!(r.status, 403);
}

async fn withdrawals_are_held_then_approved_or_released(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let top = format!("/api/v1/orgs/{}/prepaid/top-ups", w.b.id);
    let r = api_with_key(&mut c, &top, &w.b.lr().token, Some("t"), json!({"amount_minor": 100_000, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"})).await;
    assert_eq!(r.status, 201);
    let path = format!("/api/v1/orgs/{}/withdrawals", w.b.id);
    let req = |amount: i64, dest: &str, holder: &str| json!({"amount_minor": amount, "method": "iban", "destination": dest, "holder": holder});
    const IBAN: &str = "CH93 0076 2011 6238 5295 7";
    let cases = [
        (
            req(1_000, "CH93 0076 2011 6238 5295 8", "Beta Web SARL"),
            "destination",
        ),
        (req(1_000, IBAN, "Somebody Else"), "holder"),
        (req(200_000, IBAN, "Beta Web SARL"), "amount"),
        (req(0, IBAN, "Beta Web SARL"), "amount_minor"),
    ];
    for (i, (body, field)) in cases.into_iter().enumerate() {
        let r = api_with_key(
            &mut c,
            &path,
            &w.b.lr().token,
            Some(&format!("bad-{i}")),
            body,
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.json()["error"]["fields"][0]["field"], field);
    }
    assert_eq!(
        api_with_key(
            &mut c,
            &path,
            &w.b.accountant().token,
            Some("x"),
            req(1_000, IBAN, "Beta Web SARL")
        )
        .await
        .status,
        403,
        "accounting is not enough to withdraw"
    );
    let r = api_with_key(
        &mut c,
        &path,
        &w.b.lr().token,
        Some("w1"),
        req(30_000, IBAN, "beta web sarl"),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let first = r.json()["id"].as_str().unwrap().to_string();
    let r = api_with_key(&mut c, &path, &w.b.admin().token, Some("w2"), json!({"amount_minor": 20_000, "method": "paypal", "destination": "billing@beta.example", "holder": "Beta Web SARL"})).await;
    assert_eq!(r.status, 201);
    let second = r.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        balance(&t, &w.b.lr().token, w.b.id).await,
        50_000,
        "held at once"
    );
    // An operator decides.
    t.app
        .create_operator("ops@provider.example", "Ops", "operator-passphrase-2026")
        .await
        .unwrap();
    let mut ops = t.client();
    assert_eq!(
        ops.login("ops@provider.example", "operator-passphrase-2026")
            .await
            .status,
        303
    );
    let queue = ops.get("/admin/withdrawals").await;
    assert!(queue.body.contains("Beta Web SARL") && queue.body.contains("CH9300762011623852957"));
    let mut customer = t.client();
    customer.login_ok(&w.b.lr().email, PASSWORD).await;
    assert_eq!(customer.get("/admin/withdrawals").await.status, 404);
    ops.get("/admin/withdrawals").await;
    assert_eq!(
        ops.post(
            &format!("/admin/withdrawals/{first}/decide"),
            &[("decision", "approve")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        ops.post(
            &format!("/admin/withdrawals/{second}/decide"),
            &[("decision", "reject"), ("reason", "")]
        )
        .await
        .status,
        422,
        "a rejection needs a reason"
    );
    assert_eq!(
        ops.post(
            &format!("/admin/withdrawals/{second}/decide"),
            &[
                ("decision", "reject"),
                ("reason", "PayPal account not verified")
            ]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        ops.post(
            &format!("/admin/withdrawals/{first}/decide"),
            &[("decision", "reject"), ("reason", "late")]
        )
        .await
        .status,
        409
    );
    assert_eq!(
        balance(&t, &w.b.lr().token, w.b.id).await,
        70_000,
        "the rejected hold came back"
    );
    let list = c.api("GET", &path, &w.b.lr().token, None).await.json();
    let statuses: Vec<&str> = list["withdrawals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["rejected", "approved"]);
    assert!(
        t.mails_to(&w.b.admin().email).await[0]
            .body
            .contains("PayPal account not verified")
    );
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn concurrent_top_ups_and_withdrawals_on_one_account(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut tasks = Vec::new();
    for task in 0..32 {
        let (url, token, org) = (t.url.clone(), w.a.lr().token.clone(), w.a.id);
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(&url);
            let (mut added, mut held, mut refused) = (0i64, 0i64, 0u32);
            for i in 0..4 {
                let key = format!("c-{task}-{i}");
                if (task + i) % 2 == 0 {
                    let body = json!({"amount_minor": 2_000, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"});
                    let r = api_with_key(&mut c, &format!("/api/v1/orgs/{org}/prepaid/top-ups"), &token, Some(&key), body).await;
                    assert_eq!(r.status, 201, "{}", r.body);
                    added += 2_000;
                } else {
                    let body = json!({"amount_minor": 3_000, "method": "iban", "destination": "CH9300762011623852957", "holder": "Alpha Hébergement SA"});
                    let r = api_with_key(&mut c, &format!("/api/v1/orgs/{org}/withdrawals"), &token, Some(&key), body).await;
                    match r.status {
                        201 => held += 3_000,
                        422 => {
                            assert!(r.body.contains("balance is not enough"), "{}", r.body);
                            refused += 1;
                        }
                        other => panic!("unexpected {other}: {}", r.body),
                    }
                }
            }
            (added, held, refused)
        }));
    }
    let (mut added, mut held) = (0, 0);
    for task in tasks {
        let (a, h, _) = task.await.unwrap();
        added += a;
        held += h;
    }
    assert_eq!(balance(&t, &w.a.lr().token, w.a.id).await, added - held);
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Acceptance 2 of the billing issue: 32 clients at once, half topping up, half paying an invoice
/// each entirely from the balance: no 5xx, every refusal says the balance is not enough, the final
/// balance is exactly what went in minus what was paid, and each paid invoice was paid once.
async fn concurrent_checkouts_and_top_ups_on_one_account(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let mut c = t.client();
    let offer = c
        .offer_where(org, &lr, |o| o["type"] == "domain_name")
        .await;
    let mut invoices = Vec::new();
    for _ in 0..16 {
        invoices.push(c.order(org, &lr, &offer, 12).await.invoice);
    }
    let gross = c.invoice(org, &lr, &invoices[0].clone()).await["gross_minor"]
        .as_i64()
        .unwrap();
    // Enough for a few invoices to start with; top-ups add more while checkouts run.
    let start = (3 * gross).max(1_000);
    let body = json!({"amount_minor": start, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"});
    let r = api_with_key(
        &mut c,
        &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
        &lr,
        Some("seed"),
        body,
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mut tasks = Vec::new();
    for task in 0..32usize {
        let (url, token) = (t.url.clone(), lr.clone());
        let invoice = invoices[task / 2].clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(&url);
            let key = format!("cc-{task}");
            if task % 2 == 0 {
                // Half an invoice, but at least the smallest top-up.
                let amount = (gross / 2).max(1_000);
                let body = json!({"amount_minor": amount, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"});
                let r = api_with_key(&mut c, &format!("/api/v1/orgs/{org}/prepaid/top-ups"), &token, Some(&key), body).await;
                assert_eq!(r.status, 201, "{}", r.body);
                (amount, 0, None)
            } else {
                let body = json!({"invoices": [invoice], "from_prepaid_minor": gross});
                let r = api_with_key(&mut c, &format!("/api/v1/orgs/{org}/payments/checkout"), &token, Some(&key), body).await;
                match r.status {
                    200 => (0, gross, Some(invoice)),
                    422 => {
                        assert!(r.body.contains("balance is not enough"), "{}", r.body);
                        (0, 0, None)
                    }
                    other => panic!("unexpected {other}: {}", r.body),
                }
            }
        }));
    }
    let (mut added, mut paid, mut paid_invoices) = (0, 0, Vec::new());
    for task in tasks {
        let (a, p, inv) = task.await.unwrap();
        added += a;
        paid += p;
        paid_invoices.extend(inv);
    }
    assert!(!paid_invoices.is_empty());
    assert_eq!(balance(&t, &lr, org).await, start + added - paid);
    for inv in &invoices {
        let status = c.invoice(org, &lr, &inv.clone()).await["status"].clone();
        let expected = if paid_invoices.contains(inv) {
            "paid"
        } else {
            "unpaid"
        };
        assert_eq!(status, expected, "{inv}");
    }
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

mod transfers {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::{PASSWORD, world};
    use serde_json::json;

    both_backends!(a_transfer_top_up_gets_its_own_reference_and_a_qr_bill_a_scanner_reads);

    async fn a_transfer_top_up_gets_its_own_reference_and_a_qr_bill_a_scanner_reads(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut web = t.client();
        web.login_ok(&w.a.accountant().email, PASSWORD).await;
        web.get("/accounting/prepaid").await;
        assert_eq!(
            web.post("/accounting/prepaid/transfer", &[("amount", "5")])
                .await
                .status,
            422,
            "below the minimum"
        );
        let r = web
            .post("/accounting/prepaid/transfer", &[("amount", "250.00")])
            .await;
        assert_eq!(r.status, 303);
        let page = web.get(r.location()).await;
        assert!(
            page.body.contains("CHF 250.00") && page.body.contains("CH44 3199 9123 0008 8901 2"),
            "{}",
            page.body
        );
        let svg = web.get(&format!("{}/qr-bill.svg", r.location())).await;
        assert_eq!(svg.headers["content-type"], "image/svg+xml; charset=utf-8");
        assert!(
            svg.body.contains("width=\"210mm\"") && svg.body.contains("Receipt"),
            "the slip in the reader's language (English here)"
        );
        // What a bank's scanner reads: the provider's QR-IBAN, the amount, the request's own QR reference.
        let id = r.location().rsplit('/').next().unwrap().to_string();
        let mut api = t.client();
        let got = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/prepaid/transfer-requests/{id}", w.a.id),
                &w.a.accountant().token,
                None,
            )
            .await
            .json();
        let bill = guichet_bank::qr::parse(got["qr_payload"].as_str().unwrap())
            .expect("the payload parses as a QR-bill");
        assert_eq!(bill.account, "CH4431999123000889012");
        assert_eq!(bill.amount, Some(25_000));
        assert_eq!(
            bill.reference,
            guichet_bank::qr::Reference::Qrr(got["reference"].as_str().unwrap().to_string())
        );
        assert_eq!(
            bill.debtor.as_ref().map(|d| d.name.as_str()),
            Some(w.a.name.as_str())
        );
        // A EUR customer pays an ordinary IBAN with an RF creditor reference.
        let r = api
            .api(
                "POST",
                &format!("/api/v1/orgs/{}/prepaid/transfer-requests", w.b.id),
                &w.b.lr().token,
                Some(json!({"amount_minor": 10_000})),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let bill = guichet_bank::qr::parse(r.json()["qr_payload"].as_str().unwrap()).unwrap();
        assert_eq!(bill.account, "CH9300762011623852957");
        assert!(
            matches!(&bill.reference, guichet_bank::qr::Reference::Scor(rf) if rf.starts_with("RF"))
        );
        assert_eq!(bill.currency, guichet_core::Currency::Eur);
        // Every request has its own reference; another Organization's request is a 404; no accounting, 403.
        let again = api
            .api(
                "POST",
                &format!("/api/v1/orgs/{}/prepaid/transfer-requests", w.b.id),
                &w.b.lr().token,
                Some(json!({"amount_minor": 10_000})),
            )
            .await
            .json();
        assert_ne!(again["reference"], r.json()["reference"]);
        assert_eq!(
            web.get(&format!("/accounting/prepaid/transfers/{}", w.b.request))
                .await
                .status,
            404
        );
        let r = api
            .api(
                "POST",
                &format!("/api/v1/orgs/{}/prepaid/transfer-requests", w.a.id),
                &w.a.collaborator().token,
                Some(json!({"amount_minor": 10_000})),
            )
            .await;
        assert_eq!(r.status, 403);
        // Nothing moved yet.
        let prepaid = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/prepaid", w.a.id),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(prepaid["balance"]["minor"], 0);
    }
}
