//! Acceptance 1: against localstripe, a card top-up, a checkout paid partly from the prepaid balance
//! and partly by card, an automatic renewal charged to the saved card, a declined card and a refund
//! to the card — each with the ledger checked afterwards, and what the fake Stripe was asked.

use super::localstripe::{self, payment_method};
use super::{balance, call, stripe_app, top_up};
use crate::both_backends;
use crate::harness::Backend;
use crate::world::world;
use guichet_core::ledger::AccountKind::{CardClearing, PaymentHold, Prepaid};
use serde_json::json;

both_backends!(cards_through_stripe_top_up_checkout_renewal_decline_and_refund);

fn at(date: &str) -> i64 {
    let d = guichet_core::period::Date::parse_iso(date).unwrap();
    time::Date::from_calendar_date(d.year, time::Month::try_from(d.month).unwrap(), d.day)
        .unwrap()
        .midnight()
        .assume_utc()
        .unix_timestamp()
        + 12 * 3600
}

async fn cards_through_stripe_top_up_checkout_renewal_decline_and_refund(b: Backend) {
    if super::localstripe::missing() {
        return;
    }
    let t = stripe_app(b).await;
    let w = world(&t).await;
    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let org_text = org.to_string();

    // A top-up by card: the card became a PaymentMethod in the browser; Guichet sends its id.
    let pm = payment_method("4242424242424242").await;
    let (s, v) = call(
        &t,
        org,
        &lr,
        "POST",
        "/prepaid/top-ups",
        Some(top_up(50_000, &pm)),
        None,
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["balance_minor"], 50_000, "{v}");
    assert_eq!(balance(&t, Prepaid, Some(org)).await, 50_000);
    assert_eq!(balance(&t, CardClearing, None).await, 50_000);
    let intents = localstripe::intents_of(&org_text).await;
    assert_eq!(intents.len(), 1, "{intents:?}");
    assert_eq!(
        (
            &intents[0]["amount"],
            &intents[0]["currency"],
            &intents[0]["status"]
        ),
        (&json!(50_000), &json!("chf"), &json!("succeeded"))
    );
    assert_eq!(intents[0]["metadata"]["guichet_charge"], v["payment_id"]);
    // What the provider reads in its dashboard, in its language (the card is Stripe.js's).
    assert_eq!(
        intents[0]["metadata"]["description"], "Recharge par carte",
        "{intents:?}"
    );

    // With Stripe, a card number typed into Guichet's own form is refused: nothing is charged.
    let typed = json!({"amount_minor": 2_000, "card_number": "4242424242424242",
                       "card_expiry": "12/30", "card_cvc": "123"});
    let (s, v) = call(&t, org, &lr, "POST", "/prepaid/top-ups", Some(typed), None).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["error"]["fields"][0]["field"], "payment_method", "{v}");

    // A card its bank declines: 402, nothing moves, Stripe was asked once.
    let declining = payment_method("4000000000000341").await;
    let (s, v) = call(
        &t,
        org,
        &lr,
        "POST",
        "/prepaid/top-ups",
        Some(top_up(3_000, &declining)),
        None,
    )
    .await;
    assert_eq!(s, 402, "{v}");
    assert_eq!(v["status"], "declined", "{v}");
    assert_eq!(v["balance_minor"], 50_000);
    assert_eq!(balance(&t, Prepaid, Some(org)).await, 50_000);
    assert_eq!(balance(&t, CardClearing, None).await, 50_000);
    let intents = localstripe::intents_of(&org_text).await;
    assert_eq!(intents.len(), 2);
    assert_eq!(
        intents
            .iter()
            .filter(|i| i["status"] == "succeeded")
            .count(),
        1
    );

    // A checkout: 10.00 from the prepaid balance, the rest by card.
    let mut c = t.client();
    let offer = c
        .offer_where(org, &lr, |o| {
            o["prices"].as_array().is_some_and(|p| !p.is_empty())
        })
        .await;
    let ordered = c.order(org, &lr, &offer, 12).await;
    let invoice = c.invoice(org, &lr, &ordered.invoice).await;
    let gross = invoice["invoice"]["gross_minor"]
        .as_i64()
        .or(invoice["gross_minor"].as_i64())
        .unwrap_or_else(|| panic!("{invoice}"));
    let number = invoice["number"].as_str().unwrap().to_string();
    let pm = payment_method("4242424242424242").await;
    let co = json!({"invoices": [ordered.invoice], "from_prepaid_minor": 1_000,
                    "card": {"payment_method": pm}});
    let (s, v) = call(&t, org, &lr, "POST", "/payments/checkout", Some(co), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        (
            v["from_prepaid_minor"].as_i64(),
            v["by_card_minor"].as_i64()
        ),
        (Some(1_000), Some(gross - 1_000)),
        "{v}"
    );
    assert_eq!(
        c.invoice(org, &lr, &ordered.invoice).await["status"],
        "paid"
    );
    let described = localstripe::intents_of(&org_text)
        .await
        .into_iter()
        .any(|i| i["metadata"]["description"] == format!("Facture {number}").as_str());
    assert!(
        described,
        "the checkout's charge names its invoice in French"
    );
    assert_eq!(balance(&t, Prepaid, Some(org)).await, 49_000);
    assert_eq!(
        balance(&t, PaymentHold, Some(org)).await,
        0,
        "nothing left held"
    );
    assert_eq!(
        balance(&t, CardClearing, None).await,
        50_000 + gross - 1_000
    );
    let card_part = localstripe::intents_of(&org_text)
        .await
        .into_iter()
        .find(|i| i["amount"] == gross - 1_000)
        .expect("the card part was charged");
    assert_eq!(card_part["status"], "succeeded");

    // A refund of 5.00 to the card that paid it: a credit note, the money back through Stripe.
    let ops = t.operator_session().await;
    let card = guichet_app::refunds::RefundTo::Card;
    let too_much = t
        .app
        .admin_refund(&ops, &number, gross, "too much", card, "refund-too-much")
        .await;
    assert!(
        matches!(&too_much, Err(guichet_app::AppError::Invalid(f)) if f[0].key == "refund.more_than_card"),
        "more than the card paid cannot go back to it: {too_much:?}"
    );
    let refunded = t
        .app
        .admin_refund(&ops, &number, 500, "goodwill", card, "refund-1")
        .await
        .unwrap();
    assert_eq!(refunded.body["refund_to"], "card", "{:?}", refunded.body);
    let refunds = localstripe::get(&format!(
        "/v1/refunds?payment_intent={}",
        card_part["id"].as_str().unwrap()
    ))
    .await;
    let refunds = refunds["data"].as_array().unwrap();
    assert_eq!(refunds.len(), 1, "{refunds:?}");
    assert_eq!(refunds[0]["amount"], 500);
    assert_eq!(balance(&t, PaymentHold, Some(org)).await, 0);
    assert_eq!(
        balance(&t, Prepaid, Some(org)).await,
        49_000,
        "the refund went to the card, not the balance"
    );
    assert_eq!(
        balance(&t, CardClearing, None).await,
        50_000 + gross - 1_000 - 500
    );

    // An automatic renewal charged to the saved card, off-session, at D-14.
    let (s, v) = call(
        &t,
        org,
        &lr,
        "POST",
        &format!("/invoices/{}/pay", w.a.invoice),
        None,
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    t.clock.set(at("2027-10-01"));
    let saved = payment_method("4242424242424242").await;
    let (s, v) = call(
        &t,
        org,
        &lr,
        "PUT",
        "/renewal-settings",
        Some(json!({"from_prepaid": false})),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = call(
        &t,
        org,
        &lr,
        "PUT",
        "/renewal-settings/card",
        Some(json!({"payment_method": saved})),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["last4"], "4242", "{v}");
    let product = w.a.product.to_string();
    let (s, v) = call(
        &t,
        org,
        &lr,
        "PUT",
        &format!("/products/{product}/auto-renew"),
        Some(json!({"on": true})),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let before = balance(&t, CardClearing, None).await;
    let r = t.app.billing_run(Some(at("2027-10-19"))).await.unwrap();
    assert!(r.renewals >= 1, "{r:?}");
    let r = t.app.billing_run(Some(at("2027-11-04"))).await.unwrap();
    assert_eq!(r.auto_renewals.paid_by_card, 1, "{r:?}");
    let renewal = localstripe::intents_of(&org_text)
        .await
        .into_iter()
        .find(|i| i["customer"].is_string())
        .expect("the renewal was charged to the saved card's customer");
    assert_eq!(renewal["status"], "succeeded");
    let description = renewal["metadata"]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(description.starts_with("Renouvellement "), "{renewal}");
    let charged = renewal["amount"].as_i64().unwrap();
    assert_eq!(balance(&t, CardClearing, None).await, before + charged);
    let (_, products) = call(&t, org, &lr, "GET", "/products", None, None).await;
    let renewed = products["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == product.as_str())
        .unwrap();
    assert_eq!(renewed["expires_on"], "2028-11-18", "{renewed}");
    // Whatever happened, the ledger balances and nothing is left held.
    assert_eq!(balance(&t, PaymentHold, Some(org)).await, 0);
    let mut db = t.app.db.conn().await.unwrap();
    let audit = guichet_store::ledger::audit(&mut db).await.unwrap();
    assert!(audit.is_empty(), "{audit:?}");
}
