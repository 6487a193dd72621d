//! Cancelling a product (SPEC §3): a pending product stops at once with its unpaid order invoice
//! (cancelled, amounts reversed, number kept); a running one keeps working until its expiry, gets no
//! renewal invoice, and then becomes `cancelled` instead of `expired`; the cancellation can be taken
//! back before. Only LR/Admin cancel; another Organization's product is a 404.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef};
use serde_json::Value;

both_backends!(cancelled_products_stop_now_or_at_the_end_of_their_term);

fn at(date: &str) -> i64 {
    let d = guichet_core::period::Date::parse_iso(date).unwrap();
    time::Date::from_calendar_date(d.year, time::Month::try_from(d.month).unwrap(), d.day)
        .unwrap()
        .midnight()
        .assume_utc()
        .unix_timestamp()
}

async fn cancelled_products_stop_now_or_at_the_end_of_their_term(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = &a.lr().token;
    let mut api = t.client();
    let base = format!("/api/v1/orgs/{}", a.id);
    let receivable = async || {
        let mut c = t.app.db.conn().await.unwrap();
        let acc = AccountRef::of_org(AccountKind::Receivable, a.id, Currency::Chf);
        guichet_store::ledger::balance(&mut c, &acc).await.unwrap()
    };
    let product = async |api: &mut crate::client::Client, id: &str| -> Value {
        let all = api
            .api("GET", &format!("{base}/products"), lr, None)
            .await
            .json();
        all["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    let offer = api
        .offer_where(a.id, lr, |o| o["type"] == "domain_name")
        .await;
    let order = async |api: &mut crate::client::Client| -> (String, String) {
        let o = api.order(a.id, lr, &offer, 12).await;
        (o.product, o.invoice)
    };

    // Who may: not a collaborator (403), not another Organization (404).
    let cancel = |p: &str| format!("{base}/products/{p}/cancel");
    let r = api
        .api(
            "POST",
            &cancel(&a.product.to_string()),
            &a.collaborator().token,
            None,
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    let r = api
        .api(
            "POST",
            &cancel(&a.product.to_string()),
            &w.b.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);

    // A pending product: cancelled now, with its order invoice, whose amounts are reversed.
    let before = receivable().await;
    let (pending, invoice) = order(&mut api).await;
    assert!(receivable().await > before);
    let r = api.api("POST", &cancel(&pending), lr, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["immediate"], true);
    assert_eq!(r.json()["invoices_cancelled"].as_array().unwrap().len(), 1);
    assert_eq!(product(&mut api, &pending).await["state"], "cancelled");
    let inv = api
        .api("GET", &format!("{base}/invoices/{invoice}"), lr, None)
        .await
        .json();
    assert_eq!(inv["status"], "cancelled");
    assert_eq!(receivable().await, before, "the receivable is reversed");
    let r = api.api("POST", &cancel(&pending), lr, None).await;
    assert_eq!(r.status, 409, "{}", r.body);

    // A running product: paid, then cancelled from its page (with the confirmation).
    let (running, invoice) = order(&mut api).await;
    let gross = api
        .api("GET", &format!("{base}/invoices/{invoice}"), lr, None)
        .await
        .json()["gross_minor"]
        .as_i64()
        .unwrap();
    api.top_up_and_pay(a.id, lr, &invoice, gross, "cx").await;
    let p = product(&mut api, &running).await;
    assert_eq!(p["state"], "active");
    let expires = p["expires_on"].as_str().unwrap().to_owned();
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let page = web.get(&format!("/products/{running}")).await;
    assert!(
        page.body.contains(&format!("/products/{running}/cancel")),
        "{}",
        page.body
    );
    let r = web.post(&format!("/products/{running}/cancel"), &[]).await;
    assert_eq!(r.status, 422, "without the confirmation");
    let r = web
        .post(
            &format!("/products/{running}/cancel"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = web.get(r.location()).await;
    assert!(
        // The API gives the ISO date; the page reads it the Swiss way.
        page.body
            .contains(&guichet_core::human::date_text(&expires))
            && page.body.contains("will not be renewed"),
        "{}",
        page.body
    );
    let p = product(&mut api, &running).await;
    assert_eq!(
        (p["state"].as_str(), p["auto_renew"].as_bool()),
        (Some("active"), Some(false))
    );
    assert!(p["cancel_requested_at"].is_i64());

    // A third one, cancelled then kept: it renews as before.
    let (kept, invoice) = order(&mut api).await;
    api.top_up_and_pay(a.id, lr, &invoice, gross, "cx2").await;
    assert_eq!(api.api("POST", &cancel(&kept), lr, None).await.status, 200);
    let r = api
        .api("POST", &format!("{base}/products/{kept}/resume"), lr, None)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = api
        .api("POST", &format!("{base}/products/{kept}/resume"), lr, None)
        .await;
    assert_eq!(r.status, 409, "nothing left to take back");

    // Ten days before the expiry: the kept one gets its renewal invoice, the cancelled one none.
    let exp = at(&expires);
    t.app.billing_run(Some(exp - 10 * 86_400)).await.unwrap();
    let mut c = t.app.db.conn().await.unwrap();
    let cancelled_renewals = guichet_store::billing::unpaid_invoices_of_product(
        &mut c,
        a.id,
        running.parse::<guichet_core::ProductId>().unwrap(),
    )
    .await
    .unwrap();
    assert!(
        cancelled_renewals.is_empty(),
        "no renewal for a cancelled product"
    );
    let kept_renewals = guichet_store::billing::unpaid_invoices_of_product(
        &mut c,
        a.id,
        kept.parse::<guichet_core::ProductId>().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(kept_renewals.len(), 1, "the kept product renews");
    drop(c);

    // At its expiry the cancelled product is cancelled, not expired, and nobody is told it expired.
    t.clock.set(exp + 3600);
    t.app.billing_run(None).await.unwrap();
    assert_eq!(product(&mut api, &running).await["state"], "cancelled");
    assert_eq!(product(&mut api, &kept).await["state"], "expired");
    let mails = t.mails_to(&a.lr().email).await;
    let expired_mails = mails.iter().filter(|m| m.kind == "product_expired").count();
    assert_eq!(expired_mails, 1, "only the kept (unpaid) one expired");
    let mut c = t.app.db.conn().await.unwrap();
    let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}
