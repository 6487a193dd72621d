//! Renewals the customer steers: FREQ-02's worked example (a yearly product switched to monthly in
//! June is never billed a month twice, and the page says from when), FREQ-01's minimum for monthly
//! billing, and AR-01 (auto-renewal refused 13 days before expiry; charged at D-14; a declining card
//! retried at D-7, D-3, D-1, then the product expires and the billing contacts are told).

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{OrgFixture, PASSWORD, world};
use serde_json::{Value, json};

both_backends!(
    a_yearly_product_switched_to_monthly_is_never_billed_a_month_twice,
    auto_renewal_is_charged_at_d14_retried_and_the_product_expires_when_the_card_declines
);

/// Noon UTC of an ISO day.
fn at(date: &str) -> i64 {
    let d = guichet_core::period::Date::parse_iso(date).unwrap();
    time::Date::from_calendar_date(d.year, time::Month::try_from(d.month).unwrap(), d.day)
        .unwrap()
        .midnight()
        .assume_utc()
        .unix_timestamp()
        + 12 * 3600
}

async fn call(
    t: &TestApp,
    o: &OrgFixture,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let r = t
        .client()
        .api_with_headers(
            method,
            &format!("/api/v1/orgs/{}{path}", o.id),
            &o.lr().token,
            body,
            &[("idempotency-key", &uuid::Uuid::new_v4().to_string())],
        )
        .await;
    let v = serde_json::from_str(&r.body).unwrap_or(Value::Null);
    (r.status, v)
}

/// Tops up the prepaid account and pays the fixture's order invoice: the product becomes active.
async fn activate_fixture_product(t: &TestApp, o: &OrgFixture) {
    let top = json!({"amount_minor": 1_000_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let (s, _) = call(t, o, "POST", "/prepaid/top-ups", Some(top)).await;
    assert_eq!(s, 201);
    let (s, v) = call(t, o, "POST", &format!("/invoices/{}/pay", o.invoice), None).await;
    assert_eq!(s, 200, "{v}");
}

async fn balance(t: &TestApp, o: &OrgFixture) -> i64 {
    call(t, o, "GET", "/prepaid", None).await.1["balance"]["minor"]
        .as_i64()
        .unwrap()
}

/// Every period billed for a product, in order: (start, end, net).
async fn billed_periods(t: &TestApp, o: &OrgFixture, product: &str) -> Vec<(String, String, i64)> {
    let (_, list) = call(t, o, "GET", "/invoices", None).await;
    let mut periods = Vec::new();
    for inv in list["invoices"].as_array().unwrap() {
        let (_, full) = call(
            t,
            o,
            "GET",
            &format!("/invoices/{}", inv["id"].as_str().unwrap()),
            None,
        )
        .await;
        for l in full["lines"].as_array().unwrap() {
            if l["product_id"] == product {
                periods.push((
                    l["period_start"].as_str().unwrap().to_string(),
                    l["period_end"].as_str().unwrap().to_string(),
                    l["net_minor"].as_i64().unwrap(),
                ));
            }
        }
    }
    periods.sort();
    periods
}

async fn a_yearly_product_switched_to_monthly_is_never_billed_a_month_twice(b: Backend) {
    let t = TestApp::spawn(b).await;
    // The fixture orders its yearly product on 2026-01-01.
    t.clock.set(at("2026-01-01"));
    let w = world(&t).await;
    let a = &w.a;
    activate_fixture_product(&t, a).await;
    let product = a.product.to_string();
    let (_, r) = call(&t, a, "GET", &format!("/products/{product}/renewal"), None).await;
    assert_eq!(r["period_months"], 12);
    let monthly = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == 1)
        .expect("monthly billing offered for a product above the minimum")[1]
        .as_i64()
        .unwrap();

    // 2026-06-15: switched to monthly. It applies when the paid year ends, not before.
    t.clock.set(at("2026-06-15"));
    let (s, r) = call(
        &t,
        a,
        "PUT",
        &format!("/products/{product}/period"),
        Some(json!({"period_months": 1})),
    )
    .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["applies_from"], "2027-01-01");
    assert_eq!(r["next_period_months"], 1);
    // The product page says so, in the customer's words.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let page = web.get(&format!("/products/{product}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("2027-01-01"), "{}", page.body);

    // Nothing is billed in between; the first monthly invoice covers January 2027.
    for day in ["2026-06-16", "2026-09-01", "2026-11-30"] {
        let r = t.app.billing_run(Some(at(day))).await.unwrap();
        assert_eq!(r.renewals, 0, "{day}: {r:?}");
    }
    let r = t.app.billing_run(Some(at("2026-12-02"))).await.unwrap();
    assert_eq!(r.renewals, 1);
    let periods = billed_periods(&t, a, &product).await;
    assert_eq!(periods.len(), 2, "{periods:?}");
    assert_eq!(
        (periods[1].0.as_str(), periods[1].1.as_str()),
        ("2027-01-01", "2027-02-01")
    );
    assert_eq!(periods[1].2, monthly, "billed at the monthly price");

    // Paid, the product runs monthly; the next run bills February, and only February.
    let (_, due) = call(&t, a, "GET", "/invoices?status=unpaid", None).await;
    let renewal = due["invoices"][0]["id"].as_str().unwrap().to_string();
    t.clock.set(at("2026-12-03"));
    let (s, v) = call(&t, a, "POST", &format!("/invoices/{renewal}/pay"), None).await;
    assert_eq!(s, 200, "{v}");
    let (_, r) = call(&t, a, "GET", &format!("/products/{product}/renewal"), None).await;
    assert_eq!(r["period_months"], 1);
    assert_eq!(
        r["next_period_months"],
        Value::Null,
        "the scheduled change is done"
    );
    for day in ["2027-01-02", "2027-01-03"] {
        t.app.billing_run(Some(at(day))).await.unwrap();
    }
    let periods = billed_periods(&t, a, &product).await;
    let spans: Vec<(&str, &str)> = periods
        .iter()
        .map(|(s, e, _)| (s.as_str(), e.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            ("2026-01-01", "2027-01-01"),
            ("2027-01-01", "2027-02-01"),
            ("2027-02-01", "2027-03-01")
        ],
        "contiguous, no month billed twice"
    );
}

async fn monthly_refused_for_cheap_products(t: &TestApp, o: &OrgFixture) {
    // A .ch domain (1.50 a month) is not offered monthly (FREQ-01: minimum 5.00 a month).
    let (_, cat) = call(t, o, "GET", "/catalogue", None).await;
    let domain = cat["offers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["type"] == "domain_name")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, v) = call(
        t,
        o,
        "POST",
        "/products",
        Some(json!({"offer_id": domain, "period_months": 12})),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let product = v["product_id"].as_str().unwrap().to_string();
    let (s, v) = call(
        t,
        o,
        "POST",
        &format!("/invoices/{}/pay", v["invoice_id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let (_, r) = call(t, o, "GET", &format!("/products/{product}/renewal"), None).await;
    assert!(
        r["periods"].as_array().unwrap().iter().all(|p| p[0] != 1),
        "{r}"
    );
    let (s, v) = call(
        t,
        o,
        "PUT",
        &format!("/products/{product}/period"),
        Some(json!({"period_months": 1})),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("5.00"),
        "{v}"
    );
    let (s, v) = call(
        t,
        o,
        "PUT",
        &format!("/products/{product}/period"),
        Some(json!({"period_months": 24})),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["next_period_months"], 24);
}

/// The `n`th declined-renewal mail to the LR, oldest first.
async fn declined(t: &TestApp, o: &OrgFixture, n: usize) -> guichet_store::outbox::Message {
    t.mails_to(&o.lr().email)
        .await
        .into_iter()
        .rev()
        .filter(|m| m.kind == "renewal_failed")
        .nth(n)
        .expect("a declined-renewal mail")
}

async fn auto_renewal_is_charged_at_d14_retried_and_the_product_expires_when_the_card_declines(
    b: Backend,
) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let (a, bb) = (&w.a, &w.b);
    activate_fixture_product(&t, a).await;
    activate_fixture_product(&t, bb).await;
    let pa = a.product.to_string();
    let pb = bb.product.to_string();
    let (_, r) = call(&t, a, "GET", &format!("/products/{pa}/renewal"), None).await;
    assert_eq!(r["switch_on_until"], "2027-11-04", "{r}");

    // D-13: too late to switch it on — renew by hand first.
    t.clock.set(at("2027-11-05"));
    let (s, v) = call(
        &t,
        a,
        "PUT",
        &format!("/products/{pa}/auto-renew"),
        Some(json!({"on": true})),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("14"),
        "{v}"
    );
    assert_eq!(
        call(&t, a, "GET", &format!("/products/{pa}/renewal"), None)
            .await
            .1["auto_renew"],
        false
    );

    // Earlier, it can. A pays renewals with a card that declines; B with one that works.
    t.clock.set(at("2027-10-01"));
    for (o, p, card) in [(a, pa, "4000000000000002"), (bb, pb, "4242424242424242")] {
        let (s, v) = call(
            &t,
            o,
            "PUT",
            "/renewal-settings",
            Some(json!({"from_prepaid": false})),
        )
        .await;
        assert_eq!(s, 200, "{v}");
        let (s, v) = call(
            &t,
            o,
            "PUT",
            "/renewal-settings/card",
            Some(json!({"card_number": card, "card_expiry": "12/30", "card_cvc": "123"})),
        )
        .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["last4"], &card[12..]);
        let (s, v) = call(
            &t,
            o,
            "PUT",
            &format!("/products/{p}/auto-renew"),
            Some(json!({"on": true})),
        )
        .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["auto_renew"], true);
    }
    let a_balance = balance(&t, a).await;

    // D-30: the renewal invoices; D-15: nothing charged yet.
    let r = t.app.billing_run(Some(at("2027-10-19"))).await.unwrap();
    assert_eq!(r.renewals, 2);
    let r = t.app.billing_run(Some(at("2027-11-03"))).await.unwrap();
    assert_eq!(r.auto_renewals, Default::default());

    // D-14: charged. B is paid and renewed for a year; A's card declines, once however many runs.
    let r = t.app.billing_run(Some(at("2027-11-04"))).await.unwrap();
    assert_eq!(
        (r.auto_renewals.paid_by_card, r.auto_renewals.declined),
        (1, 1),
        "{r:?}"
    );
    let r = t.app.billing_run(Some(at("2027-11-04"))).await.unwrap();
    assert_eq!(r.auto_renewals, Default::default(), "one attempt per slot");
    let (_, rb) = call(&t, bb, "GET", "/products", None).await;
    assert_eq!(rb["products"][0]["expires_on"], "2028-11-18");
    let first = declined(&t, a, 0).await;
    assert!(
        first.body.contains("2027-11-11"),
        "says when it retries: {}",
        first.body
    );

    // Retries at D-7, D-3, D-1 (and not on the days between).
    for (day, attempts) in [
        ("2027-11-10", 0),
        ("2027-11-11", 1),
        ("2027-11-13", 0),
        ("2027-11-15", 1),
        ("2027-11-17", 1),
    ] {
        let r = t.app.billing_run(Some(at(day))).await.unwrap();
        assert_eq!(r.auto_renewals.declined, attempts, "{day}: {r:?}");
    }
    let last = declined(&t, a, 3).await;
    assert_eq!(
        t.mails_to(&a.lr().email)
            .await
            .iter()
            .filter(|m| m.kind == "renewal_failed")
            .count(),
        4,
        "one mail per attempt"
    );
    assert!(
        last.body.contains("last attempt") || last.body.contains("dernière tentative"),
        "{}",
        last.body
    );
    assert_eq!(
        balance(&t, a).await,
        a_balance,
        "a declined card moves no money"
    );

    // Expiry day: the product expires and the billing contacts are told, with their support code.
    let r = t.app.billing_run(Some(at("2027-11-18"))).await.unwrap();
    assert!(r.state_changes >= 1);
    let (_, ra) = call(&t, a, "GET", "/products", None).await;
    assert_eq!(ra["products"][0]["state"], "expired");
    let expired: Vec<_> = t
        .mails_to(&a.lr().email)
        .await
        .into_iter()
        .filter(|m| m.kind == "product_expired")
        .collect();
    assert_eq!(expired.len(), 1);
    assert!(
        expired[0].body.contains("28.11.2027"),
        "says when it will be blocked: {}",
        expired[0].body
    );
    monthly_refused_for_cheap_products(&t, bb).await;
}
