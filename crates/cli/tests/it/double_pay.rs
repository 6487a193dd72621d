//! Acceptance 1 of the money-states issue (RELIABILITY #6/#26), a Jepsen-style bank test through
//! HTTP: two `guichet serve` instances on one database, 20 clients paying the same 10 invoices with
//! fresh idempotency keys through checkout (prepaid, card, split, two invoices at once) and the
//! single-invoice pay route, mixed with top-ups and withdrawals. Afterwards each invoice is paid
//! exactly once, every successful answer is exactly one ledger entry, every refusal is a clean
//! 409/422, the card provider saw exactly one charge per invoice paid by card, and the ledger holds.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, Rng, TempDir, TestApp};
use crate::world::world;
use serde_json::json;
use std::collections::BTreeMap;

both_backends!(
    twenty_clients_pay_ten_invoices_each_exactly_once,
    the_database_refuses_an_overpaid_invoice_and_a_second_charge
);

const OK_CARD: &str = "4242424242424242";
const CLIENTS: usize = 20;
const ROUNDS: usize = 4;

#[derive(Clone, Debug)]
enum Op {
    /// Checkout of these invoices, this much from the balance, the rest by card.
    Checkout(Vec<usize>, i64),
    /// The single-invoice pay route (from the balance).
    Pay(usize),
    TopUp(i64),
    Withdraw(i64),
}

#[derive(Debug)]
struct Outcome {
    op: Op,
    key: String,
    status: u16,
    body: serde_json::Value,
}

async fn post(
    c: &mut Client,
    path: &str,
    token: &str,
    key: &str,
    body: Option<serde_json::Value>,
) -> crate::client::Resp {
    c.api_with_headers("POST", path, token, body, &[("idempotency-key", key)])
        .await
}

async fn twenty_clients_pay_ten_invoices_each_exactly_once(b: Backend) {
    let one = TestApp::spawn(b).await;
    let w = world(&one).await;
    let two = TestApp::spawn_on(&one.config.database_url, TempDir::new(), |_| {}).await;
    let (org, lr) = (w.a.id, w.a.lr().token.clone());
    let mut c = one.client();
    let offer = c
        .offer_where(org, &lr, |o| o["type"] == "domain_name")
        .await;
    let mut invoices = Vec::new();
    for _ in 0..10 {
        invoices.push(c.order(org, &lr, &offer, 12).await.invoice);
    }
    let mut gross = Vec::new();
    for inv in &invoices {
        let r = c.invoice(org, &lr, &inv.clone()).await;
        gross.push(r["gross_minor"].as_i64().unwrap());
    }
    // Enough on the balance for a few invoices; the top-ups add more while the clients run.
    let seed = (4 * gross[0]).max(1_000);
    let r = post(
        &mut c,
        &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
        &lr,
        "seed",
        Some(json!({"amount_minor": seed, "card_number": OK_CARD, "card_expiry": "12/35", "card_cvc": "123"})),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let org_name = w.a.name.clone();
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let url = if client % 2 == 0 {
            one.url.clone()
        } else {
            two.url.clone()
        };
        let (token, gross, invoices, holder) = (
            lr.clone(),
            gross.clone(),
            invoices.clone(),
            org_name.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client as u64 + 1) * 0x1000_0001));
            let mut c = Client::new(&url);
            let mut out = Vec::new();
            for round in 0..ROUNDS {
                let key = format!("dp-{client}-{round}");
                let i = rng.below(10) as usize;
                let op = match rng.below(8) {
                    0 | 1 => Op::Checkout(vec![i], gross[i]),
                    2 => Op::Checkout(vec![i], 0),
                    3 => Op::Checkout(vec![i], gross[i] / 2),
                    4 => {
                        let j = (i + 1 + rng.below(9) as usize) % 10;
                        Op::Checkout(vec![i, j], gross[i])
                    }
                    5 => Op::Pay(i),
                    6 => Op::TopUp(1_000 + rng.below(2_000) as i64),
                    _ => Op::Withdraw(100 + rng.below(1_000) as i64),
                };
                let r = match &op {
                    Op::Checkout(ids, from_prepaid) => {
                        let ids: Vec<&str> = ids.iter().map(|&k| invoices[k].as_str()).collect();
                        let body = json!({"invoices": ids, "from_prepaid_minor": from_prepaid,
                            "card": {"card_number": OK_CARD, "card_expiry": "12/35", "card_cvc": "123"}});
                        post(&mut c, &format!("/api/v1/orgs/{org}/payments/checkout"), &token, &key, Some(body)).await
                    }
                    Op::Pay(k) => {
                        post(&mut c, &format!("/api/v1/orgs/{org}/invoices/{}/pay", invoices[*k]), &token, &key, None).await
                    }
                    Op::TopUp(amount) => {
                        let body = json!({"amount_minor": amount, "card_number": OK_CARD, "card_expiry": "12/35", "card_cvc": "123"});
                        post(&mut c, &format!("/api/v1/orgs/{org}/prepaid/top-ups"), &token, &key, Some(body)).await
                    }
                    Op::Withdraw(amount) => {
                        let body = json!({"amount_minor": amount, "method": "iban",
                            "destination": "CH56 0483 5012 3456 7800 9", "holder": holder});
                        post(&mut c, &format!("/api/v1/orgs/{org}/withdrawals"), &token, &key, Some(body)).await
                    }
                };
                let body = serde_json::from_str(&r.body).unwrap_or(serde_json::Value::Null);
                out.push(Outcome { op, key, status: r.status, body });
            }
            out
        }));
    }
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.extend(t.await.unwrap());
    }

    // Every answer is a success or a clean refusal: never a 5xx.
    for o in &outcomes {
        let ok = match o.op {
            Op::Checkout(..) | Op::Pay(_) => [200, 409, 422].contains(&o.status),
            Op::TopUp(_) | Op::Withdraw(_) => [201, 422].contains(&o.status),
        };
        assert!(ok, "{:?} answered {}: {}", o.op, o.status, o.body);
    }

    // Each invoice paid by at most one successful answer, and its status says so.
    let mut paid_by: BTreeMap<usize, Vec<&Outcome>> = BTreeMap::new();
    let (mut from_balance, mut by_card_expected) = (0i64, BTreeMap::new());
    let (mut topped_up, mut withdrawn) = (0i64, 0i64);
    for o in &outcomes {
        match (&o.op, o.status) {
            (Op::Checkout(ids, _), 200) => {
                for &k in ids {
                    paid_by.entry(k).or_default().push(o);
                }
                from_balance += o.body["from_prepaid_minor"].as_i64().unwrap();
                let card = o.body["by_card_minor"].as_i64().unwrap();
                let total: i64 = ids.iter().map(|&k| gross[k]).sum();
                assert_eq!(o.body["total_minor"].as_i64(), Some(total), "{}", o.body);
                if card > 0 {
                    by_card_expected.insert(o.key.clone(), card);
                }
            }
            (Op::Pay(k), 200) => {
                paid_by.entry(*k).or_default().push(o);
                from_balance += gross[*k];
            }
            (Op::TopUp(a), 201) => topped_up += a,
            (Op::Withdraw(a), 201) => withdrawn += a,
            _ => {}
        }
    }
    let mut db = one.app.db.conn().await.unwrap();
    for (k, inv) in invoices.iter().enumerate() {
        let payers = paid_by.get(&k).map_or(0, Vec::len);
        assert!(
            payers <= 1,
            "invoice {k} paid {payers} times: {:?}",
            paid_by[&k]
                .iter()
                .map(|o| (&o.op, &o.key))
                .collect::<Vec<_>>()
        );
        let got = c.invoice(org, &lr, &inv.clone()).await;
        let expected = if payers == 1 { "paid" } else { "unpaid" };
        assert_eq!(got["status"], expected, "invoice {k}");
    }
    for (k, inv) in invoices.iter().enumerate() {
        let payers = paid_by.get(&k).map_or(0, Vec::len);
        let (paid_minor,): (i64,) = sqlx::query_as("SELECT paid_minor FROM invoices WHERE id = $1")
            .bind(inv)
            .fetch_one(&mut *db)
            .await
            .unwrap();
        let expected = if payers == 1 { gross[k] } else { 0 };
        assert_eq!(
            paid_minor, expected,
            "invoice {k}: the amount applied to it"
        );
    }
    assert!(!paid_by.is_empty(), "some payments went through");

    // Every successful answer is exactly one ledger entry under its key; a refusal left none.
    for o in &outcomes {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM ledger_entries WHERE org_id = $1 AND idempotency_key = $2",
        )
        .bind(org.to_string())
        .bind(&o.key)
        .fetch_one(&mut *db)
        .await
        .unwrap();
        let expected = i64::from(o.status < 300);
        assert_eq!(
            n, expected,
            "{:?} ({}) answered {}: {} ledger entries",
            o.op, o.key, o.status, n
        );
    }

    // The provider (one per instance) saw exactly one charge per checkout paid by card, of its
    // amount, and none for a refused one.
    let mut seen: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for t in [&one, &two] {
        for ch in t.app.payments.charges_seen() {
            if ch.idempotency_key.starts_with("dp-") && ch.description.starts_with("Facture") {
                seen.entry(ch.idempotency_key.clone())
                    .or_default()
                    .push(ch.amount.minor);
            }
        }
    }
    let expected: BTreeMap<String, Vec<i64>> = by_card_expected
        .into_iter()
        .map(|(k, a)| (k, vec![a]))
        .collect();
    assert_eq!(seen, expected, "card charges the provider saw, by key");

    // Every balance equals the ledger and debits equal credits; the balance is what went in minus
    // what went out.
    assert_eq!(
        guichet_store::ledger::audit(&mut db).await.unwrap(),
        Vec::<String>::new()
    );
    let balance = c
        .api("GET", &format!("/api/v1/orgs/{org}/prepaid"), &lr, None)
        .await
        .json()["balance"]["minor"]
        .as_i64()
        .unwrap();
    assert_eq!(balance, seed + topped_up - from_balance - withdrawn);
}

/// Migration 0018: whatever the code above it does, the database itself refuses more applied to an
/// invoice than its total (or less than nothing), and a second card charge for the same thing.
async fn the_database_refuses_an_overpaid_invoice_and_a_second_charge(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut db = t.app.db.write_conn().await.unwrap();
    for bad in [
        "UPDATE invoices SET paid_minor = gross + 1 WHERE id = $1",
        "UPDATE invoices SET paid_minor = -1 WHERE id = $1",
    ] {
        let r = sqlx::query(bad)
            .bind(w.a.invoice.to_string())
            .execute(&mut *db)
            .await;
        assert!(r.is_err(), "{bad} was accepted");
    }
    let ok = sqlx::query("UPDATE invoices SET paid_minor = gross WHERE id = $1")
        .bind(w.a.invoice.to_string())
        .execute(&mut *db)
        .await
        .unwrap();
    assert_eq!(ok.rows_affected(), 1, "the whole total can be applied");
    let pays = format!("invoice:{}", w.a.invoice);
    let currency = guichet_core::Currency::Chf;
    // One live (pending or succeeded) card charge per thing paid, whatever the number of
    // requests; a declined one frees it for the next try.
    let charge = |key: &'static str, now: i64| guichet_store::charges::NewCharge {
        pays: &pays,
        org: w.a.id,
        purpose: guichet_store::charges::Purpose::Checkout,
        amount: guichet_core::Money::new(1_849, currency),
        from_prepaid: 0,
        idempotency_key: key,
        provider: "test",
        refund_of: None,
        last4: "4242",
        user: None,
        details: "{}",
        now,
    };
    let first = guichet_store::charges::insert(&mut db, &charge("k1", 1))
        .await
        .unwrap();
    let second = guichet_store::charges::insert(&mut db, &charge("k2", 2))
        .await
        .unwrap();
    assert!(
        first.is_some() && second.is_none(),
        "one live charge per thing paid"
    );
    let settled = guichet_store::charges::settle(
        &mut db,
        first.unwrap(),
        guichet_core::status::ChargeStatus::Declined,
        "card_declined",
        3,
    )
    .await
    .unwrap();
    assert!(settled.is_some());
    let third = guichet_store::charges::insert(&mut db, &charge("k3", 4))
        .await
        .unwrap();
    let fourth = guichet_store::charges::insert(&mut db, &charge("k4", 5))
        .await
        .unwrap();
    let (first, second) = (third.is_some(), fourth.is_some());
    assert!(first && !second, "one charge per thing paid");
}
