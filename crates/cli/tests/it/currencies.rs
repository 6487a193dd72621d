//! Issue #11, item 4: no money in an account the customer cannot see. An Organization has a prepaid
//! balance per currency: a payment in euros to a franc Organization (under one of its invoices'
//! references or its own prepaid reference) is credited in euros, never pays the franc invoice, is
//! shown on the prepaid page and in the API, is named in the e-mail, and can be withdrawn, up to
//! what that currency's balance holds.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::{Value, json};

both_backends!(
    a_payment_in_euros_for_a_franc_invoice_is_a_euro_balance_the_customer_sees_and_withdraws,
    a_payment_in_euros_under_the_prepaid_reference_is_credited_in_euros_and_said_so,
);

const IBAN: &str = "CH93 0076 2011 6238 5295 7";

async fn post_with_key(
    c: &mut Client,
    path: &str,
    token: &str,
    key: &str,
    body: Value,
) -> crate::client::Resp {
    c.api_with_headers("POST", path, token, Some(body), &[("idempotency-key", key)])
        .await
}

async fn prepaid(t: &TestApp, org: guichet_core::OrgId, token: &str, query: &str) -> Value {
    let r = t
        .client()
        .api(
            "GET",
            &format!("/api/v1/orgs/{org}/prepaid{query}"),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

/// The `balances` entry of `currency`, if listed.
fn listed(v: &Value, currency: &str) -> Option<Value> {
    v["balances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["currency"] == currency)
        .cloned()
}

async fn a_payment_in_euros_for_a_franc_invoice_is_a_euro_balance_the_customer_sees_and_withdraws(
    b: Backend,
) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a; // invoiced in CHF
    let lr = a.lr();
    let mut api = t.client();
    let inv_path = format!("/api/v1/orgs/{}/invoices/{}", a.id, a.invoice);
    let inv = api.api("GET", &inv_path, &lr.token, None).await.json();
    assert_eq!(inv["currency"], "CHF");
    let number = inv["number"].as_str().unwrap().to_string();
    // Before: one balance, in francs, and no other.
    let before = prepaid(&t, a.id, &lr.token, "").await;
    assert_eq!(before["balances"].as_array().unwrap().len(), 1, "{before}");
    assert!(listed(&before, "EUR").is_none());

    let file = crate::bank::camt054(
        "eur-for-chf",
        "60.00",
        "EUR",
        Some(("QRR", inv["payment_reference"].as_str().unwrap())),
        "Alpha SA",
        "CH5604835012345678009",
    );
    let r = t
        .app
        .import_camt("eur.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (1, 0));

    // The franc invoice is not paid by euros.
    let inv = api.api("GET", &inv_path, &lr.token, None).await.json();
    assert_eq!(inv["status"], "unpaid", "{inv}");

    // The API: the old fields as before (francs), every balance in `balances`.
    let v = prepaid(&t, a.id, &lr.token, "").await;
    assert_eq!(v["balance"]["currency"], "CHF");
    assert_eq!(v["balance"]["minor"], 0);
    let chf = listed(&v, "CHF").expect("the Organization's own balance is listed");
    assert_eq!(
        (chf["balance_minor"].as_i64(), chf["main"].as_bool()),
        (Some(0), Some(true))
    );
    let eur = listed(&v, "EUR").expect("the euro balance is listed");
    assert_eq!(eur["balance_minor"], 6_000);
    assert_eq!(eur["withdrawable_minor"], 6_000);
    assert_eq!(eur["main"], false);
    // Its movements, each line naming its currency.
    let m = prepaid(&t, a.id, &lr.token, "?currency=EUR").await;
    assert_eq!(m["currency"], "EUR");
    assert_eq!(m["movements"][0]["amount_minor"], 6_000);
    assert_eq!(m["movements"][0]["currency"], "EUR");
    assert!(
        m["movements"][0]["description"]
            .as_str()
            .unwrap()
            .contains(&number),
        "{m}"
    );
    let bad = t
        .client()
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid?currency=USD", a.id),
            &lr.token,
            None,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json()["error"]["fields"][0]["field"], "currency");

    // The e-mail: the invoice is still due, the money is on the EUR balance, usable and withdrawable.
    let mails: Vec<_> = t
        .mails_to(&lr.email)
        .await
        .into_iter()
        .filter(|m| m.kind == "payment_other_currency")
        .collect();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.subject.contains(&number), "{}", mail.subject);
    for words in [
        "EUR 60.00",
        "credited to your EUR prepaid balance",
        &format!("invoice {number} is still due"),
        "withdrawn",
        "invoices in EUR",
    ] {
        assert!(mail.body.contains(words), "{words:?} in {}", mail.body);
    }
    assert!(
        t.mails_to(&lr.email)
            .await
            .iter()
            .all(|m| m.kind != "payment_mismatch"),
        "one e-mail, the right one"
    );

    // The prepaid page: francs first as always, then the euro balance with what it is for.
    let mut web = t.client();
    web.login_ok(&lr.email, PASSWORD).await;
    let page = web.get("/accounting/prepaid").await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    let (top, rest) = body.split_once("Balances in other currencies").expect(body);
    assert!(top.contains("CHF 0.00"), "{top}");
    assert!(
        rest.contains("EUR 60.00")
            && rest.contains("from a payment in EUR; it pays invoices in EUR and can be withdrawn"),
        "{rest}"
    );
    // The withdrawal form lets the customer choose the balance.
    assert!(body.contains("name=\"currency\""), "{body}");
    let page = web.get("/accounting/prepaid?currency=EUR").await;
    assert!(page.body.contains("Movements (EUR)"), "{}", page.body);
    assert!(page.body.contains(&number), "{}", page.body);

    // Euros paying a franc invoice from the balance: refused, nothing moves.
    let r = post_with_key(
        &mut api,
        &format!("{inv_path}/pay"),
        &lr.token,
        "pay-1",
        json!({}),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(
        api.api("GET", &inv_path, &lr.token, None).await.json()["status"],
        "unpaid"
    );
    let checkout = format!("/api/v1/orgs/{}/payments/checkout", a.id);
    let r = post_with_key(
        &mut api,
        &checkout,
        &lr.token,
        "co-1",
        json!({"invoices": [a.invoice], "from_prepaid_minor": 6_000}),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(
        listed(&prepaid(&t, a.id, &lr.token, "").await, "EUR").unwrap()["balance_minor"],
        6_000
    );

    // Withdrawals: more than the euro balance is refused with a message, by the form and the API.
    let key = page
        .body
        .split("name=\"idempotency_key\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let r = web
        .post(
            "/accounting/prepaid/withdraw",
            &[
                ("amount", "60.01"),
                ("currency", "EUR"),
                ("method", "iban"),
                ("destination", IBAN),
                ("holder", &a.name),
                ("idempotency_key", &key),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("The balance in this currency is not enough for this amount"),
        "{}",
        r.body
    );
    let path = format!("/api/v1/orgs/{}/withdrawals", a.id);
    let req = |amount: i64, currency: Option<&str>| {
        let mut v = json!({"amount_minor": amount, "method": "iban", "destination": IBAN, "holder": a.name});
        if let Some(c) = currency {
            v["currency"] = json!(c);
        }
        v
    };
    let r = post_with_key(&mut api, &path, &lr.token, "w-big", req(6_001, Some("EUR"))).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "amount");
    let r = post_with_key(&mut api, &path, &lr.token, "w-usd", req(100, Some("USD"))).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "currency");
    // A franc withdrawal is limited to the franc balance, whatever the euros.
    let top = format!("/api/v1/orgs/{}/prepaid/top-ups", a.id);
    let r = post_with_key(&mut api, &top, &lr.token, "top-1", json!({"amount_minor": 2_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    for (key, currency) in [("w-chf-big", None), ("w-chf-big-2", Some("CHF"))] {
        let r = post_with_key(&mut api, &path, &lr.token, key, req(2_001, currency)).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.json()["error"]["fields"][0]["field"], "amount");
    }
    // The whole euro balance, in euros; then the whole franc balance, in francs.
    let r = post_with_key(&mut api, &path, &lr.token, "w-eur", req(6_000, Some("eur"))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (
            r.json()["currency"].as_str(),
            r.json()["amount_minor"].as_i64()
        ),
        (Some("EUR"), Some(6_000))
    );
    let r = post_with_key(&mut api, &path, &lr.token, "w-chf", req(2_000, None)).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["currency"], "CHF");
    let list = api.api("GET", &path, &lr.token, None).await.json();
    let mut held: Vec<(String, i64)> = list["withdrawals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["currency"].as_str().unwrap().to_string(),
                w["amount_minor"].as_i64().unwrap(),
            )
        })
        .collect();
    held.sort();
    assert_eq!(
        held,
        [("CHF".to_string(), 2_000), ("EUR".to_string(), 6_000)]
    );
    let v = prepaid(&t, a.id, &lr.token, "").await;
    assert_eq!(v["balance"]["minor"], 0);
    // Emptied, the euro balance is still listed: it has a history.
    let eur = listed(&v, "EUR").expect("listed while it has movements");
    assert_eq!(
        (
            eur["balance_minor"].as_i64(),
            eur["withdrawable_minor"].as_i64()
        ),
        (Some(0), Some(0))
    );

    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn a_payment_in_euros_under_the_prepaid_reference_is_credited_in_euros_and_said_so(
    b: Backend,
) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let req = t
        .client()
        .api(
            "GET",
            &format!(
                "/api/v1/orgs/{}/prepaid/transfer-requests/{}",
                a.id, a.request
            ),
            &lr.token,
            None,
        )
        .await
        .json();
    let file = crate::bank::camt054(
        "eur-own",
        "25.50",
        "EUR",
        Some(("QRR", req["reference"].as_str().unwrap())),
        "Alpha SA",
        "CH5604835012345678009",
    );
    let r = t
        .app
        .import_camt("own.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(r.credited, 1);
    let v = prepaid(&t, a.id, &lr.token, "").await;
    assert_eq!(v["balance"]["minor"], 0, "the francs are untouched");
    assert_eq!(listed(&v, "EUR").unwrap()["balance_minor"], 2_550);
    let mails: Vec<_> = t
        .mails_to(&lr.email)
        .await
        .into_iter()
        .filter(|m| m.kind == "credited_other_currency")
        .collect();
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].body.contains("EUR 25.50")
            && mails[0]
                .body
                .contains("credited to your EUR prepaid balance")
            && mails[0].body.contains("invoiced in CHF"),
        "{}",
        mails[0].body
    );
    // A payment in the Organization's own currency says nothing new (as before).
    let file = crate::bank::camt054(
        "chf-own",
        "10.00",
        "CHF",
        None,
        "Alpha SA",
        "CH5604835012345678009",
    );
    t.app
        .import_camt("own-chf.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(
        prepaid(&t, a.id, &lr.token, "").await["balance"]["minor"],
        1_000
    );
    assert_eq!(
        t.mails_to(&lr.email)
            .await
            .iter()
            .filter(|m| m.kind == "credited_other_currency")
            .count(),
        1
    );
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}
