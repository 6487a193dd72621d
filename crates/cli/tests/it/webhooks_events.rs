//! Outgoing webhooks (issue #13): each change of the list reaches a subscribed endpoint as its own
//! typed event, written where the change is made — members, bank payments, withdrawals and their
//! payout, products cancelled and expired. (Card top-ups, card checkouts and renewals are wired
//! with the Stripe provider.)

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::webhook_receiver::{Received, Receiver};
use crate::world::world;
use guichet_app::webhooks::sender::Sender;
use serde_json::{Value, json};

both_backends!(each_change_of_the_list_sends_its_event);

async fn drain(t: &TestApp) {
    let sender = Sender::new().unwrap();
    for _ in 0..5 {
        let pass = sender.deliver_due(&t.app).await.unwrap();
        if pass.delivered + pass.failed == 0 {
            return;
        }
    }
}

/// The data of the events of `kind` received since `from`.
fn of(got: &[Received], from: usize, kind: &str) -> Vec<Value> {
    got[from..]
        .iter()
        .filter(|r| r.event_type() == kind)
        .map(|r| r.json()["data"].clone())
        .collect()
}

async fn each_change_of_the_list_sends_its_event(b: Backend) {
    let t = crate::harness::TestApp::spawn(b).await;
    let w = world(&t).await;
    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let rx = Receiver::start(&[], 0).await;
    let mut ops = t.operator("/admin/withdrawals").await;
    // (Registered and signed as `webhooks_out` checks; here: what is sent, and when.)
    t.app.webhook_add(&rx.url, "all", "*", None).await.unwrap();
    let mut c = t.client();

    // member.invited, then member.joined when the invitation is accepted.
    let r = c
        .api(
            "POST",
            &format!("/api/v1/orgs/{org}/invitations"),
            &lr,
            Some(json!({"email": "joiner@example.ch", "role": "admin"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mail = &t.mails_to("joiner@example.ch").await[0].body;
    let link = mail
        .split_whitespace()
        .find(|w| w.contains("/invitations/"))
        .unwrap();
    let path = &link[link.find("/invitations/").unwrap()..];
    let mut joiner = t.client();
    joiner.get(path).await;
    let r = joiner
        .post(
            path,
            &[
                ("name", "Jo Iner"),
                ("password", "un-mot-de-passe-sûr-2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    drain(&t).await;
    let got = rx.got();
    assert_eq!(
        of(&got, 0, "member.invited")[0]["email"],
        "joiner@example.ch"
    );
    let joined = &of(&got, 0, "member.joined")[0];
    assert_eq!(joined["email"], "joiner@example.ch");
    assert_eq!(joined["role"], "admin");
    let user = joined["user_id"].as_str().unwrap().to_owned();
    // member.removed.
    let r = c
        .api(
            "DELETE",
            &format!("/api/v1/orgs/{org}/members/{user}"),
            &lr,
            None,
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    drain(&t).await;
    let got = rx.got();
    let removed = of(&got, 0, "member.removed");
    assert_eq!(
        (removed.len(), removed[0]["user_id"].as_str()),
        (1, Some(user.as_str()))
    );

    // A bank transfer under a payment request's reference: payment.received and prepaid.credited.
    let mark = got.len();
    let req = c
        .api(
            "GET",
            &format!(
                "/api/v1/orgs/{org}/prepaid/transfer-requests/{}",
                w.a.request
            ),
            &lr,
            None,
        )
        .await
        .json();
    let reference = req["reference"].as_str().unwrap().to_owned();
    let file = crate::bank::camt054(
        "w1",
        "50.00",
        "CHF",
        Some(("QRR", &reference)),
        "Alpha SA",
        "CH5604835012345678009",
    );
    t.app
        .import_camt("w1.xml", file.as_bytes(), None)
        .await
        .unwrap();
    // A bank transfer paying the fixture's open invoice: payment.received, invoice.paid and the
    // product it activates.
    let inv = c.invoice(org, &lr, &w.a.invoice.to_string()).await;
    let gross = inv["gross_minor"].as_i64().unwrap();
    let amount = format!("{}.{:02}", gross / 100, gross % 100);
    let file = crate::bank::camt054(
        "w2",
        &amount,
        "CHF",
        Some(("QRR", inv["payment_reference"].as_str().unwrap())),
        "Alpha SA",
        "CH5604835012345678009",
    );
    t.app
        .import_camt("w2.xml", file.as_bytes(), None)
        .await
        .unwrap();
    drain(&t).await;
    let got = rx.got();
    // (Sent up to eight at once: in any order.)
    let mut received = of(&got, mark, "payment.received");
    received.sort_by_key(|r| r["invoice_id"].is_string());
    assert_eq!(received.len(), 2, "{received:?}");
    assert_eq!(
        received[0]["amount"],
        json!({"minor": 5000, "currency": "CHF"})
    );
    assert_eq!(received[0]["method"], "bank_transfer");
    assert_eq!(received[0]["invoice_id"], Value::Null);
    assert_eq!(received[1]["invoice_id"], w.a.invoice.to_string());
    assert_eq!(received[1]["amount"]["minor"].as_i64(), Some(gross));
    let credited = of(&got, mark, "prepaid.credited");
    assert_eq!(
        credited.len(),
        1,
        "only the transfer that went to the balance"
    );
    assert_eq!(credited[0]["amount"]["minor"], 5000);
    let paid = of(&got, mark, "invoice.paid");
    assert_eq!(
        (paid.len(), paid[0]["amount"]["minor"].as_i64()),
        (1, Some(gross))
    );
    let activated = of(&got, mark, "product.activated");
    assert_eq!(activated[0]["product_id"], w.a.product.to_string());
    assert!(
        activated[0]["expires_on"].as_str().is_some(),
        "{activated:?}"
    );

    // A withdrawal: requested, approved, then paid when the bank reports the payout's debit.
    let mark = got.len();
    let wd = json!({"amount_minor": 4000, "method": "iban", "destination": "CH56 0483 5012 3456 7800 9", "holder": w.a.name});
    let r = c
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{org}/withdrawals"),
            &lr,
            Some(wd),
            &[("idempotency-key", "wh-wd")],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    ops.get("/admin/withdrawals").await;
    let r = ops
        .post(
            &format!("/admin/withdrawals/{id}/decide"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    t.app.export_payouts(None).await.unwrap();
    let e2e = guichet_app::payouts::end_to_end_id(id.parse().unwrap());
    let debit = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
 <GrpHdr><MsgId>MSG-WD</MsgId><CreDtTm>2026-11-18T10:00:00</CreDtTm></GrpHdr>
 <Ntfctn><Id>N-WD</Id><CreDtTm>2026-11-18T10:00:00</CreDtTm><Acct><Id><IBAN>CH4708390012345678901</IBAN></Id></Acct>
  <Ntry><Amt Ccy="CHF">40.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
   <BookgDt><Dt>2026-11-18</Dt></BookgDt><ValDt><Dt>2026-11-18</Dt></ValDt><AcctSvcrRef>D-WD</AcctSvcrRef>
   <NtryDtls><TxDtls><Refs><AcctSvcrRef>DT-WD</AcctSvcrRef><EndToEndId>{e2e}</EndToEndId></Refs>
    <Amt Ccy="CHF">40.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>
 </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"#
    );
    let r = t
        .app
        .import_camt("wd.xml", debit.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(r.payouts, 1, "the payout's debit is recognised");
    drain(&t).await;
    let got = rx.got();
    for kind in [
        "withdrawal.requested",
        "withdrawal.approved",
        "withdrawal.paid",
    ] {
        let e = of(&got, mark, kind);
        assert_eq!(e.len(), 1, "{kind}");
        assert_eq!(e[0]["withdrawal_id"], id.as_str(), "{kind}");
        assert_eq!(
            e[0]["amount"],
            json!({"minor": 4000, "currency": "CHF"}),
            "{kind}"
        );
    }

    // A pending product cancelled: product.cancelled; an active one past its end: product.expired.
    let mark = got.len();
    let offer = c
        .offer_where(org, &lr, |o| o["type"] == "domain_name")
        .await;
    let pending = c.order(org, &lr, &offer, 12).await;
    let r = c
        .api(
            "POST",
            &format!("/api/v1/orgs/{org}/products/{}/cancel", pending.product),
            &lr,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // Its renewal is invoiced within 30 days of its end, and not paid: at its end it expires.
    let expires = activated[0]["expires_on"].as_str().unwrap();
    let end = time::Date::parse(
        expires,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    let noon = |d: time::Date| d.midnight().assume_utc().unix_timestamp() + 12 * 3600;
    let r = t
        .app
        .billing_run(Some(noon(end - time::Duration::days(20))))
        .await
        .unwrap();
    assert_eq!(r.renewals, 1, "{r:?}");
    t.app.billing_run(Some(noon(end))).await.unwrap();
    drain(&t).await;
    let got = rx.got();
    let issued = of(&got, mark, "invoice.issued");
    assert!(
        issued.iter().any(|i| i["org_id"] == org.to_string()),
        "the order's invoice"
    );
    let cancelled = of(&got, mark, "product.cancelled");
    assert_eq!(cancelled[0]["product_id"], pending.product.as_str());
    let expired = of(&got, mark, "product.expired");
    assert_eq!(
        expired.len(),
        1,
        "{:?}",
        got[mark..]
            .iter()
            .map(Received::event_type)
            .collect::<Vec<_>>()
    );
    assert_eq!(expired[0]["product_id"], w.a.product.to_string());
}
