//! Ordering and invoices (SPEC §3–5): order → unpaid invoice with VAT by customer and its own payment
//! reference → paid from the prepaid balance → product active; gap-free numbering under concurrency;
//! history filters; ORG-06 counts products and unpaid invoices.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(
    an_order_is_invoiced_paid_from_the_balance_and_activates_the_product,
    invoice_numbers_stay_gap_free_under_concurrent_orders
);

async fn an_order_is_invoiced_paid_from_the_balance_and_activates_the_product(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    let a = &w.a;
    // The fixture ordered 12 months of the first offer for each Organization: a Swiss company pays 8.1 %.
    let inv = api
        .invoice(a.id, &a.accountant().token, &a.invoice.to_string())
        .await;
    assert_eq!(inv["status"], "unpaid");
    assert_eq!(inv["vat_rate_bp"], 810);
    assert_eq!(
        inv["net_minor"].as_i64().unwrap() + inv["vat_minor"].as_i64().unwrap(),
        inv["gross_minor"].as_i64().unwrap()
    );
    assert!(
        inv["number"].as_str().unwrap().starts_with("2026-000000"),
        "{inv}"
    );
    assert_eq!(
        inv["payment_reference"].as_str().unwrap().len(),
        27,
        "a QR reference of its own (INV-09)"
    );
    // A French company without a VAT number pays French VAT; its reference is an RF one.
    let invb = api
        .invoice(w.b.id, &w.b.lr().token, &w.b.invoice.to_string())
        .await;
    assert_eq!(invb["vat_rate_bp"], 2000);
    assert!(
        invb["payment_reference"]
            .as_str()
            .unwrap()
            .starts_with("RF")
    );
    let products = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.admin().token,
            None,
        )
        .await
        .json();
    assert_eq!(
        products["products"][0]["id"],
        a.product.to_string().as_str()
    );
    assert_eq!(products["products"][0]["state"], "pending");
    // Paying without enough balance is refused cleanly; after a top-up it works, once.
    let pay = format!("/api/v1/orgs/{}/invoices/{}/pay", a.id, a.invoice);
    let r = api
        .api_with_headers(
            "POST",
            &pay,
            &a.accountant().token,
            None,
            &[("idempotency-key", "p1")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("not enough"), "{}", r.body);
    let gross = inv["gross_minor"].as_i64().unwrap();
    let top = json!({"amount_minor": gross.max(1_000), "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", a.id),
            &a.accountant().token,
            Some(top),
            &[("idempotency-key", "t1")],
        )
        .await;
    assert_eq!(r.status, 201);
    let r = api
        .api_with_headers(
            "POST",
            &pay,
            &a.accountant().token,
            None,
            &[("idempotency-key", "p2")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let again = api
        .api_with_headers(
            "POST",
            &pay,
            &a.accountant().token,
            None,
            &[("idempotency-key", "p2")],
        )
        .await;
    assert_eq!(again.body, r.body, "a retry gets the same answer");
    assert_eq!(
        api.api_with_headers(
            "POST",
            &pay,
            &a.accountant().token,
            None,
            &[("idempotency-key", "p3")]
        )
        .await
        .status,
        409,
        "paid already"
    );
    let products = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(products["products"][0]["state"], "active");
    assert_eq!(products["products"][0]["starts_on"], "2026-11-18");
    assert_eq!(products["products"][0]["expires_on"], "2027-11-18");
    let prepaid = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(
        prepaid["balance"]["minor"].as_i64().unwrap(),
        gross.max(1_000) - gross
    );
    // History filters.
    let paid = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices?status=paid", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(paid["invoices"].as_array().unwrap().len(), 1);
    assert!(
        paid["next"].is_null() && paid["prev"].is_null(),
        "one page: {paid}"
    );
    let none = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices?from=2027-01-01", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(none["invoices"].as_array().unwrap().len(), 0);
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices?from=yesterday", a.id),
            &a.lr().token,
            None
        )
        .await
        .status,
        422
    );
    // The Manager: products list, order form, invoice page with its pay button, ORG-06 blocked by the product.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let page = web.get("/products").await;
    assert!(
        page.body.contains("actif") || page.body.contains("active"),
        "{}",
        page.body
    );
    let choice = page
        .body
        .split("name=\"choice\"")
        .nth(1)
        .and_then(|s| s.split("value=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let r = web
        .post(
            "/products/order",
            &[("choice", &choice), ("address", &a.address.to_string())],
        )
        .await;
    assert_eq!(r.status, 303);
    let invoice_page = web.get(r.location()).await;
    assert!(
        invoice_page.body.contains("Accounts payable")
            || invoice_page.body.contains("Rue du Test 2"),
        "billed to the chosen address"
    );
    assert!(
        invoice_page.body.contains("/pay\""),
        "an unpaid invoice offers to pay"
    );
    web.get("/org/delete").await;
    assert_eq!(
        web.post("/org/delete", &[("confirm_name", &a.name)])
            .await
            .status,
        409
    );
    let mut db = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn invoice_numbers_stay_gap_free_under_concurrent_orders(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let offers = t
        .client()
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/catalogue", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await
        .json();
    let offer = offers["offers"][0]["id"].as_str().unwrap().to_string();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let (url, fixture) = (
            t.url.clone(),
            if i % 2 == 0 {
                (w.a.id, w.a.lr().token.clone())
            } else {
                (w.b.id, w.b.lr().token.clone())
            },
        );
        let offer = offer.clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(&url);
            let r = c.try_order(fixture.0, &fixture.1, &offer, 1).await;
            assert_eq!(r.status, 201, "{}", r.body);
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let (mut numbers, mut references) = (Vec::new(), Vec::new());
    for (org, token) in [
        (w.a.id, w.a.lr().token.clone()),
        (w.b.id, w.b.lr().token.clone()),
    ] {
        let list = t
            .client()
            .api("GET", &format!("/api/v1/orgs/{org}/invoices"), &token, None)
            .await
            .json();
        for i in list["invoices"].as_array().unwrap() {
            numbers.push(i["number"].as_str().unwrap().to_string());
            references.push(i["payment_reference"].as_str().unwrap().to_string());
        }
    }
    // Payment references are unique (not gap-free: PostgreSQL takes them from a sequence).
    let distinct: std::collections::BTreeSet<&String> = references.iter().collect();
    assert_eq!(
        distinct.len(),
        references.len(),
        "a payment reference given twice: {references:?}"
    );
    numbers.sort();
    let expected: Vec<String> = (1..=numbers.len() as i64)
        .map(|n| guichet_core::invoice::number(2026, n))
        .collect();
    assert_eq!(numbers, expected, "one sequence, no gap, no duplicate");
}

mod renewals {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::world;
    use serde_json::json;

    both_backends!(renewals_are_invoiced_once_paid_renewals_extend_and_unpaid_products_run_out);

    fn at(date: &str) -> i64 {
        let d = guichet_core::period::Date::parse_iso(date).unwrap();
        time::Date::from_calendar_date(d.year, time::Month::try_from(d.month).unwrap(), d.day)
            .unwrap()
            .midnight()
            .assume_utc()
            .unix_timestamp()
            + 12 * 3600
    }

    async fn pay_fixture_invoice(t: &TestApp, o: &crate::world::OrgFixture) {
        let mut api = t.client();
        let top = json!({"amount_minor": 1_000_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
        let r = api
            .api_with_headers(
                "POST",
                &format!("/api/v1/orgs/{}/prepaid/top-ups", o.id),
                &o.lr().token,
                Some(top),
                &[("idempotency-key", "t")],
            )
            .await;
        assert_eq!(r.status, 201);
        let r = api
            .api_with_headers(
                "POST",
                &format!("/api/v1/orgs/{}/invoices/{}/pay", o.id, o.invoice),
                &o.lr().token,
                None,
                &[("idempotency-key", "p")],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }

    async fn product(t: &TestApp, o: &crate::world::OrgFixture) -> serde_json::Value {
        t.client()
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/products", o.id),
                &o.lr().token,
                None,
            )
            .await
            .json()["products"][0]
            .clone()
    }

    async fn renewals_are_invoiced_once_paid_renewals_extend_and_unpaid_products_run_out(
        b: Backend,
    ) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        pay_fixture_invoice(&t, &w.a).await;
        pay_fixture_invoice(&t, &w.b).await;
        assert_eq!(product(&t, &w.a).await["expires_on"], "2027-11-18");
        // Two months before expiry: nothing to do yet.
        let r = t.app.billing_run(Some(at("2027-09-15"))).await.unwrap();
        assert_eq!((r.renewals, r.state_changes), (0, 0));
        // Within 30 days: one renewal per product, however many runs, even two at once.
        let (one, two) = tokio::join!(
            t.app.billing_run(Some(at("2027-10-25"))),
            t.app.billing_run(Some(at("2027-10-25")))
        );
        let (one, two) = (one.unwrap(), two.unwrap());
        assert_eq!(one.renewals + two.renewals, 2, "{one:?} {two:?}");
        assert_eq!(
            t.app
                .billing_run(Some(at("2027-10-26")))
                .await
                .unwrap()
                .renewals,
            0
        );
        let mut api = t.client();
        let list = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/invoices?status=unpaid", w.a.id),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(list["invoices"].as_array().unwrap().len(), 1);
        let renewal = list["invoices"][0].clone();
        assert_eq!(renewal["kind"], "renewal");
        let detail = api
            .api(
                "GET",
                &format!(
                    "/api/v1/orgs/{}/invoices/{}",
                    w.a.id,
                    renewal["id"].as_str().unwrap()
                ),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(detail["lines"][0]["period_start"], "2027-11-18");
        assert_eq!(detail["lines"][0]["period_end"], "2028-11-18");
        // A pays the renewal: the product runs a year more. B does not: it runs out.
        let r = api
            .api_with_headers(
                "POST",
                &format!(
                    "/api/v1/orgs/{}/invoices/{}/pay",
                    w.a.id,
                    renewal["id"].as_str().unwrap()
                ),
                &w.a.lr().token,
                None,
                &[("idempotency-key", "r")],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(product(&t, &w.a).await["expires_on"], "2028-11-18");
        for (day, state) in [
            ("2027-11-18", "expired"),
            ("2027-11-28", "blocked"),
            ("2027-12-18", "terminated"),
        ] {
            t.app.billing_run(Some(at(day))).await.unwrap();
            assert_eq!(product(&t, &w.b).await["state"], state, "on {day}");
            assert_eq!(
                product(&t, &w.a).await["state"],
                "active",
                "the renewed product is untouched on {day}"
            );
        }
        // Invoice numbers stayed one gap-free sequence across orders and renewals.
        let mut numbers = Vec::new();
        for o in [&w.a, &w.b] {
            let all = api
                .api(
                    "GET",
                    &format!("/api/v1/orgs/{}/invoices", o.id),
                    &o.lr().token,
                    None,
                )
                .await
                .json();
            numbers.extend(
                all["invoices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["number"].as_str().unwrap().to_string()),
            );
        }
        numbers.sort();
        assert_eq!(
            numbers,
            [
                "2026-0000001",
                "2026-0000002",
                "2027-0000001",
                "2027-0000002"
            ]
        );
        let mut db = t.app.db.conn().await.unwrap();
        assert!(
            guichet_store::ledger::audit(&mut db)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

mod checkout {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::{PASSWORD, world};
    use serde_json::json;

    both_backends!(a_selection_is_paid_part_from_the_balance_part_by_card_or_not_at_all);

    async fn a_selection_is_paid_part_from_the_balance_part_by_card_or_not_at_all(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let a = &w.a;
        let mut api = t.client();
        let due = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/payments/due", a.id),
                &a.accountant().token,
                None,
            )
            .await
            .json();
        assert_eq!(due["invoices"].as_array().unwrap().len(), 1);
        let gross = due["invoices"][0]["gross_minor"].as_i64().unwrap();
        let top = json!({"amount_minor": 1_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
        api.api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", a.id),
            &a.accountant().token,
            Some(top),
            &[("idempotency-key", "t")],
        )
        .await;
        let path = format!("/api/v1/orgs/{}/payments/checkout", a.id);
        let balance = |t: &TestApp| {
            let (url, token, org) = (t.url.clone(), a.lr().token.clone(), a.id);
            async move {
                crate::client::Client::new(&url)
                    .api("GET", &format!("/api/v1/orgs/{org}/prepaid"), &token, None)
                    .await
                    .json()["balance"]["minor"]
                    .as_i64()
                    .unwrap()
            }
        };
        // The balance does not cover it and no card: refused, nothing moved.
        let r = api
            .api_with_headers(
                "POST",
                &path,
                &a.accountant().token,
                Some(json!({"invoices": [a.invoice], "from_prepaid_minor": 1_000})),
                &[("idempotency-key", "c1")],
            )
            .await;
        assert_eq!(r.status, 422);
        // A declining card: nothing moves either (PP-03: all or nothing).
        let declined = json!({"invoices": [a.invoice], "from_prepaid_minor": 1_000, "card": {"card_number": "4000000000000002", "card_expiry": "12/30", "card_cvc": "123"}});
        let r = api
            .api_with_headers(
                "POST",
                &path,
                &a.accountant().token,
                Some(declined),
                &[("idempotency-key", "c2")],
            )
            .await;
        assert_eq!(r.status, 402);
        assert_eq!(balance(&t).await, 1_000, "the prepaid balance is as it was");
        // Split: 10.00 from the balance, the rest by card.
        let split = json!({"invoices": [a.invoice], "from_prepaid_minor": 1_000, "card": {"card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}});
        let r = api
            .api_with_headers(
                "POST",
                &path,
                &a.accountant().token,
                Some(split.clone()),
                &[("idempotency-key", "c3")],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.json()["by_card_minor"], gross - 1_000);
        let again = api
            .api_with_headers(
                "POST",
                &path,
                &a.accountant().token,
                Some(split),
                &[("idempotency-key", "c3")],
            )
            .await;
        assert_eq!(again.body, r.body);
        assert_eq!(balance(&t).await, 0);
        let products = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/products", a.id),
                &a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(products["products"][0]["state"], "active");
        // The Manager's Payments page: B's due invoice, paid entirely by card from the form.
        let mut web = t.client();
        web.login_ok(&w.b.accountant().email, PASSWORD).await;
        let page = web.get("/payments").await;
        assert!(
            page.body.contains(&format!("inv_{}", w.b.invoice)),
            "{}",
            page.body
        );
        let key = page
            .body
            .split("name=\"idempotency_key\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_string();
        let inv_field = format!("inv_{}", w.b.invoice);
        let form = [
            (inv_field.as_str(), "1"),
            ("from_prepaid", "0"),
            ("card_number", "4242 4242 4242 4242"),
            ("card_expiry", "12/30"),
            ("card_cvc", "123"),
            ("idempotency_key", key.as_str()),
        ];
        assert_eq!(
            web.post("/payments", &form).await.location(),
            "/payments?done=payments.paid"
        );
        assert!(
            web.get("/payments?all=1")
                .await
                .body
                .contains("Nothing to pay")
                || web
                    .get("/payments?all=1")
                    .await
                    .body
                    .contains("Rien à payer")
        );
        let mut db = t.app.db.conn().await.unwrap();
        assert!(
            guichet_store::ledger::audit(&mut db)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

mod csv_export {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::{PASSWORD, world};
    use serde_json::json;

    both_backends!(the_invoice_csv_neutralises_formulas_and_keeps_amounts_numeric);

    async fn the_invoice_csv_neutralises_formulas_and_keeps_amounts_numeric(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let a = &w.a;
        let mut api = t.client();
        let evil = "=HYPERLINK(\"http://evil.example\",\"Click, please\")";
        let r = api
            .api(
                "PUT",
                &format!("/api/v1/orgs/{}/billing/reference", a.id),
                &a.lr().token,
                Some(json!({"billing_reference": evil})),
            )
            .await;
        assert_eq!(r.status, 200);
        let offer = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/catalogue", a.id),
                &a.lr().token,
                None,
            )
            .await
            .json()["offers"][0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let r = api.try_order(a.id, &a.lr().token, &offer, 1).await;
        assert_eq!(r.status, 201);
        let csv = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/invoices/export.csv", a.id),
                &a.accountant().token,
                None,
            )
            .await;
        assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2, "the fixture's order and this one");
        let with_ref = rows
            .iter()
            .find(|r| !r[9].is_empty())
            .expect("the invoice with the reference");
        assert_eq!(
            &with_ref[9],
            &format!("'{evil}"),
            "the formula is neutralised, and the comma survives quoting"
        );
        for r in &rows {
            let total: f64 = r[6].parse().expect("amounts stay numbers");
            assert!(total > 0.0);
            assert!(!r[0].starts_with('\''), "ordinary cells are untouched");
        }
        // The Manager's download honours the filters; a collaborator without accounting gets none.
        let mut web = t.client();
        web.login_ok(&a.accountant().email, PASSWORD).await;
        let paid = web.get("/accounting/invoices/export.csv?status=paid").await;
        assert_eq!(
            paid.body.lines().count(),
            1,
            "only the header: nothing is paid"
        );
        let mut collab = t.client();
        collab.login_ok(&a.collaborator().email, PASSWORD).await;
        assert_eq!(
            collab.get("/accounting/invoices/export.csv").await.status,
            403
        );
    }
}

mod grants {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::{PASSWORD, world};
    use serde_json::json;

    both_backends!(collaborators_and_externals_see_only_the_products_granted_to_them);

    async fn collaborators_and_externals_see_only_the_products_granted_to_them(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let a = &w.a;
        let mut api = t.client();
        let list = |token: String| {
            let (url, org) = (t.url.clone(), a.id);
            async move {
                crate::client::Client::new(&url)
                    .api("GET", &format!("/api/v1/orgs/{org}/products"), &token, None)
                    .await
                    .json()["products"]
                    .as_array()
                    .unwrap()
                    .len()
            }
        };
        assert_eq!(
            list(a.admin().token.clone()).await,
            1,
            "managers see every product"
        );
        assert_eq!(
            list(a.collaborator().token.clone()).await,
            0,
            "no grant, no product"
        );
        assert_eq!(list(a.external().token.clone()).await, 0);
        let detail = format!("/api/v1/orgs/{}/products/{}", a.id, a.product);
        assert_eq!(
            api.api("GET", &detail, &a.collaborator().token, None)
                .await
                .status,
            404
        );
        let grant = format!(
            "/api/v1/orgs/{}/members/{}/grants/{}",
            a.id,
            a.collaborator().id,
            a.product
        );
        assert_eq!(
            api.api(
                "PUT",
                &grant,
                &a.accountant().token,
                Some(json!({"technical": true}))
            )
            .await
            .status,
            403,
            "only LR/Admin grant"
        );
        assert_eq!(
            api.api(
                "PUT",
                &grant,
                &a.admin().token,
                Some(json!({"technical": true, "statistics": true}))
            )
            .await
            .status,
            204
        );
        assert_eq!(
            list(a.collaborator().token.clone()).await,
            1,
            "the grant applies on the very next request"
        );
        let d = api
            .api("GET", &detail, &a.collaborator().token, None)
            .await
            .json();
        assert_eq!(
            d["rights"],
            json!({"technical": true, "statistics": true, "tickets": false, "sales": false})
        );
        let mut web = t.client();
        web.login_ok(&a.collaborator().email, PASSWORD).await;
        assert!(
            web.get("/products").await.body.contains("Hébergement")
                || web.get("/products").await.body.contains("Web")
        );
        // All rights false removes the grant.
        assert_eq!(
            api.api("PUT", &grant, &a.admin().token, Some(json!({})))
                .await
                .status,
            204
        );
        assert_eq!(list(a.collaborator().token.clone()).await, 0);
        // Another Organization's product cannot be granted.
        let foreign = format!(
            "/api/v1/orgs/{}/members/{}/grants/{}",
            a.id,
            a.collaborator().id,
            w.b.product
        );
        assert_eq!(
            api.api(
                "PUT",
                &foreign,
                &a.admin().token,
                Some(json!({"technical": true}))
            )
            .await
            .status,
            404
        );
    }
}
