//! FREQ-01a on the Payments page (PAY-01): each item offers its durations with their price VAT
//! included; paying one for another duration replaces its invoice (the old one cancelled, its number
//! kept) and the product takes the new duration, but only once the payment goes through: a declined
//! card changes nothing. Durations the product does not offer are refused.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(another_duration_applies_only_once_paid);

async fn another_duration_applies_only_once_paid(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let tok = &a.lr().token;
    let mut api = t.client();
    let due = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/payments/due?all=true", a.id),
            tok,
            None,
        )
        .await
        .json();
    let item = due["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == a.invoice.to_string().as_str())
        .unwrap()
        .clone();
    let current = item["period_months"].as_i64().expect("the item's period");
    let choices = item["durations"].as_array().unwrap().clone();
    let other = choices
        .iter()
        .find(|c| c["months"].as_i64() != Some(current))
        .expect("another duration")
        .clone();
    let months = other["months"].as_i64().unwrap();
    let gross = other["gross_minor"].as_i64().unwrap();

    // The page shows the drop-down with each duration's price.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let page = web.get("/payments?all=1").await;
    let select = format!("name=\"months_{}\"", a.invoice);
    assert!(page.body.contains(&select), "{}", page.body);
    let price = guichet_core::Money::new(gross, guichet_core::Currency::Chf)
        .to_string()
        .replace('\u{a0}', " ");
    assert!(page.body.contains(&price), "{price} not on the page");

    // The pro forma of the selection with that duration shows what paying it would cost.
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/payments/pro-forma", a.id),
            tok,
            Some(json!({"invoices": [a.invoice], "durations": {a.invoice.to_string().as_str(): months}})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let dir = crate::harness::TempDir::new();
    let file = dir.0.join("pro-forma.pdf");
    std::fs::write(&file, &r.bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    let text = String::from_utf8(out.stdout).unwrap();
    let total = format!("CHF {}", guichet_bank::amount::format_minor_grouped(gross));
    assert!(
        // The reader (the token's owner) reads English: the line's period too, and nothing French.
        text.contains(&total)
            && text.contains(&format!(
                "— {months} month{} (",
                if months == 1 { "" } else { "s" }
            ))
            && !text.contains("mois"),
        "{total} for {months} months missing:\n{text}"
    );

    let checkout = format!("/api/v1/orgs/{}/payments/checkout", a.id);
    let pay = |card: &str, months: i64| {
        json!({"invoices": [a.invoice], "from_prepaid_minor": 0, "durations": {a.invoice.to_string().as_str(): months},
               "card": {"card_number": card, "card_expiry": "12/35", "card_cvc": "123"}})
    };
    // A duration the product does not offer.
    let r = api
        .api_with_headers(
            "POST",
            &checkout,
            tok,
            Some(pay("4242424242424242", 7)),
            &[("idempotency-key", "d0")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("not offered"), "{}", r.body);
    // Declined: the invoice and the product are as they were.
    let r = api
        .api_with_headers(
            "POST",
            &checkout,
            tok,
            Some(pay("4000000000000002", months)),
            &[("idempotency-key", "d1")],
        )
        .await;
    assert_eq!(r.status, 402, "{}", r.body);
    let inv_url = format!("/api/v1/orgs/{}/invoices/{}", a.id, a.invoice);
    let old = api.api("GET", &inv_url, tok, None).await.json();
    assert_eq!(old["status"], "unpaid");
    let products_url = format!("/api/v1/orgs/{}/products", a.id);
    let product = async |api: &mut crate::client::Client| {
        let all = api.api("GET", &products_url, tok, None).await.json();
        all["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == a.product.to_string().as_str())
            .unwrap()
            .clone()
    };
    assert_eq!(product(&mut api).await["period_months"], current);

    // Paid: the old invoice cancelled (number kept), a new one for the chosen duration paid.
    let r = api
        .api_with_headers(
            "POST",
            &checkout,
            tok,
            Some(pay("4242424242424242", months)),
            &[("idempotency-key", "d2")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["total_minor"], gross);
    let number = r.json()["invoices"][0].as_str().unwrap().to_owned();
    assert_ne!(number, old["number"].as_str().unwrap());
    let old = api.api("GET", &inv_url, tok, None).await.json();
    assert_eq!(old["status"], "cancelled");
    let p = product(&mut api).await;
    assert_eq!(p["period_months"], months, "{p}");
    assert_eq!(p["state"], "active");
    // The same request again: the same answer, nothing more.
    let again = api
        .api_with_headers(
            "POST",
            &checkout,
            tok,
            Some(pay("4242424242424242", months)),
            &[("idempotency-key", "d2")],
        )
        .await;
    assert_eq!(again.json()["invoices"][0], number.as_str());
    let mut c = t.app.db.conn().await.unwrap();
    let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}
