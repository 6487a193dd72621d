//! Acceptance 1 of the billing issue: random sequences of top-ups, checkouts (prepaid, card,
//! split), declines, refunds, withdrawals and renewals, made through the application's own use
//! cases, against a simple in-memory model. After every step the books balance (debits = credits),
//! the prepaid balance, the withdrawal hold, the receivable, revenue and VAT are the model's, and
//! none is negative. Seeded: a failure prints the seed to replay (`GUICHET_MODEL_SEED`).

use crate::both_backends;
use crate::harness::{Backend, Rng, TestApp};
use crate::world::{PASSWORD, world};
use guichet_app::billing::{Checkout, InvoiceFilter};
use guichet_app::prepaid::CardFields;
use guichet_app::prepaid::Outcome;
use guichet_app::withdrawals::WithdrawalInput;
use guichet_app::{AppError, Origin};
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef};
use std::collections::{BTreeMap, BTreeSet};

both_backends!(random_billing_journeys_match_the_model);

const GOOD: &str = "4242424242424242";
const DECLINED: &str = "4000000000000002";

fn card(number: &str) -> CardFields {
    CardFields {
        card_number: number.into(),
        card_expiry: "12/35".into(),
        card_cvc: "123".into(),
        ..Default::default()
    }
}

#[derive(Default, Debug, Clone, PartialEq)]
struct Books {
    prepaid: i64,
    hold: i64,
    receivable: i64,
    revenue: i64,
    vat: i64,
}

#[derive(Debug, Clone)]
struct Inv {
    gross: i64,
    net: i64,
    vat: i64,
    refunded: i64,
}

async fn books(t: &TestApp, org: guichet_core::OrgId) -> Books {
    let mut c = t.app.db.conn().await.unwrap();
    let mut get = async |kind: AccountKind, per_org: bool| {
        let acc = if per_org {
            AccountRef::of_org(kind, org, Currency::Chf)
        } else {
            AccountRef::provider(kind, Currency::Chf)
        };
        guichet_store::ledger::balance(&mut c, &acc).await.unwrap()
    };
    Books {
        prepaid: get(AccountKind::Prepaid, true).await,
        hold: get(AccountKind::WithdrawalHold, true).await,
        receivable: get(AccountKind::Receivable, true).await,
        revenue: get(AccountKind::Revenue, false).await,
        vat: get(AccountKind::VatPayable, false).await,
    }
}

async fn random_billing_journeys_match_the_model(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let seed = std::env::var("GUICHET_MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0xB111_2026_u64);
    eprintln!("billing model seed: {seed} (set GUICHET_MODEL_SEED to replay)");
    let mut rng = Rng(seed);
    let lr = t
        .app
        .actor(a.lr().id, a.id, Origin::default())
        .await
        .unwrap();
    let ops = t.operator_session().await;
    let _ = PASSWORD;
    let offers: Vec<String> = t
        .app
        .catalogue(&lr)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| {
            o.product_type != guichet_core::product::ProductType::PremiumSupport
                && o.prices.iter().any(|(m, _)| *m == 12)
        })
        .map(|o| o.id.to_string())
        .collect();
    assert!(!offers.is_empty());

    // The model starts from the fixture's books and invoices.
    let mut model = books(&t, a.id).await;
    let mut unpaid: BTreeMap<String, Inv> = BTreeMap::new();
    let mut paid: BTreeMap<String, Inv> = BTreeMap::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut product_gross: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    // Every page of the history, by its `next` cursor.
    let all = |after: Option<String>| InvoiceFilter {
        after,
        ..Default::default()
    };
    let mut after = None;
    loop {
        let p = t.app.invoices(&lr, &all(after.take())).await.unwrap();
        for i in &p.invoices {
            known.insert(i.id.clone().to_string());
            if i.status.is_payable() {
                unpaid.insert(
                    i.id.clone().to_string(),
                    Inv {
                        gross: i.gross.minor,
                        net: i.net.minor,
                        vat: i.vat.minor,
                        refunded: 0,
                    },
                );
            }
        }
        after.clone_from(&p.pager.next);
        if after.is_none() {
            break;
        }
    }
    let mut seen: BTreeSet<&'static str> = BTreeSet::new();
    let mut pending_withdrawals: Vec<(String, i64)> = Vec::new();
    let mut n = 0u64;
    let mut key = || {
        n += 1;
        format!("model-{seed}-{n}")
    };

    for step in 0..110 {
        let op = rng.below(100);
        let what: String;
        if op < 18 {
            // Top-up by card: a good card credits, a declined one moves nothing.
            let amount = 1_000 + rng.below(60_000) as i64;
            let good = rng.chance(75);
            let r = t
                .app
                .top_up_by_card(
                    &lr,
                    amount,
                    &card(if good { GOOD } else { DECLINED }),
                    &key(),
                )
                .await
                .unwrap();
            if good {
                assert!(r.outcome != Outcome::Declined, "step {step}: {:?}", r.body);
                model.prepaid += amount;
                seen.insert("top-up");
            } else {
                assert_eq!(r.outcome, Outcome::Declined, "step {step}: {:?}", r.body);
                seen.insert("top-up declined");
            }
            what = format!("top-up {amount} good={good}");
        } else if op < 30 {
            // Order a product for a year: an unpaid invoice, revenue and VAT owed.
            let offer = &offers[rng.below(offers.len() as u64) as usize];
            let (product, invoice) = t
                .app
                .order_product(
                    &lr,
                    offer.parse::<guichet_core::OfferId>().unwrap(),
                    12,
                    None,
                )
                .await
                .unwrap();
            let (inv, _) = t.app.invoice(&lr, invoice).await.unwrap();
            model.receivable += inv.gross.minor;
            model.revenue += inv.net.minor;
            model.vat += inv.vat.minor;
            product_gross.insert(
                product.clone().to_string(),
                (inv.gross.minor, inv.net.minor, inv.vat.minor),
            );
            known.insert(invoice.clone().to_string());
            unpaid.insert(
                invoice.to_string(),
                Inv {
                    gross: inv.gross.minor,
                    net: inv.net.minor,
                    vat: inv.vat.minor,
                    refunded: 0,
                },
            );
            what = format!("order {}", inv.gross);
        } else if op < 55 && !unpaid.is_empty() {
            // Checkout of 1 to 3 invoices: all from the balance, all by card, or split.
            let ids: Vec<String> = unpaid.keys().cloned().collect();
            let mut chosen = BTreeSet::new();
            for _ in 0..=rng.below(3) {
                chosen.insert(ids[rng.below(ids.len() as u64) as usize].clone());
            }
            // FREQ-01a: sometimes one item is paid for another duration, at that duration's price.
            let mut durations = BTreeMap::new();
            let mut total: i64 = chosen.iter().map(|id| unpaid[id].gross).sum();
            if rng.chance(35) {
                let due = t.app.due_items(&lr, true).await.unwrap();
                let changeable: Vec<_> = chosen
                    .iter()
                    .filter_map(|id| {
                        due.durations
                            .get(&id.parse().unwrap())
                            .map(|d| (id.clone(), d.clone()))
                    })
                    .collect();
                if !changeable.is_empty() {
                    let (id, (current, choices)) =
                        changeable[rng.below(changeable.len() as u64) as usize].clone();
                    let others: Vec<_> = choices.iter().filter(|c| c.months != current).collect();
                    if !others.is_empty() {
                        let c = others[rng.below(others.len() as u64) as usize];
                        total += c.gross.minor - unpaid[&id].gross;
                        durations.insert(id, (c.months, c.gross.minor));
                    }
                }
            }
            let from_prepaid = match rng.below(3) {
                0 => 0,
                1 => total,
                _ => rng.below(total as u64 + 1) as i64,
            };
            let good = rng.chance(80);
            let co = Checkout {
                invoices: chosen.iter().cloned().collect(),
                from_prepaid_minor: from_prepaid,
                card: Some(card(if good { GOOD } else { DECLINED })),
                durations: durations
                    .iter()
                    .map(|(id, (m, _))| (id.clone(), *m))
                    .collect(),
            };
            let by_card = total - from_prepaid;
            let r = t.app.checkout(&lr, &co, &key()).await;
            let expect_refused = from_prepaid > model.prepaid;
            match r {
                Ok(answer) if answer.outcome == Outcome::Done => {
                    assert!(!expect_refused && (by_card == 0 || good), "step {step}");
                    model.prepaid -= from_prepaid;
                    model.receivable -= total;
                    seen.insert(match (from_prepaid, by_card) {
                        (0, _) => "checkout by card",
                        (_, 0) => "checkout from prepaid",
                        _ => "checkout split",
                    });
                    for id in &chosen {
                        let inv = unpaid.remove(id).unwrap();
                        if !durations.contains_key(id) {
                            paid.insert(id.clone(), inv);
                            continue;
                        }
                        // Cancelled and replaced: the old amounts reversed, the new one paid.
                        let (old, _) = t
                            .app
                            .invoice(&lr, id.parse::<guichet_core::InvoiceId>().unwrap())
                            .await
                            .unwrap();
                        assert_eq!(old.status.as_str(), "cancelled", "step {step}");
                        model.receivable -= inv.gross;
                        model.revenue -= inv.net;
                        model.vat -= inv.vat;
                        let numbers = answer.body["invoices"].as_array().unwrap().clone();
                        let page = t.app.invoices(&lr, &all(None)).await.unwrap();
                        let new = page
                            .invoices
                            .iter()
                            .find(|i| {
                                !known.contains(&i.id.to_string())
                                    && numbers.iter().any(|n| n.as_str() == Some(&i.number))
                            })
                            .expect("the replacement invoice")
                            .clone();
                        known.insert(new.id.clone().to_string());
                        assert_eq!(
                            new.gross.minor, durations[id].1,
                            "step {step}: the price shown"
                        );
                        // Later renewals bill the new duration.
                        let (_, lines) = t.app.invoice(&lr, new.id).await.unwrap();
                        if let Some(product) = lines[0].product_id {
                            product_gross.insert(
                                product.to_string(),
                                (new.gross.minor, new.net.minor, new.vat.minor),
                            );
                        }
                        assert_eq!(new.status.as_str(), "paid", "step {step}");
                        model.receivable += new.gross.minor;
                        model.revenue += new.net.minor;
                        model.vat += new.vat.minor;
                        paid.insert(
                            new.id.clone().to_string(),
                            Inv {
                                gross: new.gross.minor,
                                net: new.net.minor,
                                vat: new.vat.minor,
                                refunded: 0,
                            },
                        );
                        seen.insert("checkout with another duration");
                    }
                }
                Ok(answer) => {
                    assert_eq!(
                        answer.outcome,
                        Outcome::Declined,
                        "step {step}: {:?}",
                        answer.body
                    );
                    assert!(by_card > 0 && !good && !expect_refused, "step {step}");
                    seen.insert("checkout declined");
                }
                Err(AppError::Invalid(f)) => {
                    assert_eq!(f[0].key, "invoice.insufficient", "step {step}");
                    assert!(
                        expect_refused,
                        "step {step}: refused but the balance covers it"
                    );
                    seen.insert("checkout insufficient");
                }
                Err(e) => panic!("step {step}: {e:?}"),
            }
            what = format!(
                "checkout {total} prepaid={from_prepaid} good={good} durations={durations:?}"
            );
        } else if op < 65 && paid.values().any(|i| i.refunded < i.gross) {
            // A refund of part or all of what is left of a paid invoice.
            let ids: Vec<String> = paid
                .iter()
                .filter(|(_, i)| i.refunded < i.gross)
                .map(|(id, _)| id.clone())
                .collect();
            let id = &ids[rng.below(ids.len() as u64) as usize];
            let (number, left) = {
                let (inv, _) = t
                    .app
                    .invoice(&lr, id.parse::<guichet_core::InvoiceId>().unwrap())
                    .await
                    .unwrap();
                (inv.number, inv.gross.minor - inv.refunded.minor)
            };
            let amount = if rng.chance(40) {
                left
            } else {
                1 + rng.below(left as u64) as i64
            };
            let r = t
                .app
                .admin_refund(
                    &ops,
                    &number,
                    amount,
                    "model",
                    guichet_app::refunds::RefundTo::Prepaid,
                    &key(),
                )
                .await
                .unwrap();
            let net = r.body["net_minor"].as_i64().unwrap();
            let vat = r.body["vat_minor"].as_i64().unwrap();
            assert_eq!(net + vat, amount);
            model.prepaid += amount;
            model.revenue -= net;
            model.vat -= vat;
            paid.get_mut(id).unwrap().refunded += amount;
            seen.insert(if amount == left {
                "refund rest"
            } else {
                "refund part"
            });
            what = format!("refund {amount}");
        } else if op < 78 {
            // A withdrawal request: held at once, or refused beyond the balance.
            let amount = 1 + rng.below((model.prepaid as u64 * 6 / 5).max(1_000)) as i64;
            let input = WithdrawalInput {
                amount_minor: amount,
                method: "iban".into(),
                destination: "CH93 0076 2011 6238 5295 7".into(),
                holder: a.name.clone(),
                code: None,
                currency: None,
            };
            match t.app.request_withdrawal(&lr, &input, &key()).await {
                Ok(r) => {
                    assert!(amount <= model.prepaid, "step {step}: overdraft accepted");
                    model.prepaid -= amount;
                    model.hold += amount;
                    let id = r.body["id"].as_str().unwrap_or_default().to_owned();
                    pending_withdrawals.push((id, amount));
                    seen.insert("withdrawal");
                }
                Err(AppError::Invalid(f)) => {
                    assert_eq!(f[0].key, "withdrawal.insufficient", "step {step}");
                    assert!(amount > model.prepaid, "step {step}: refused but covered");
                    seen.insert("withdrawal refused");
                }
                Err(e) => panic!("step {step}: {e:?}"),
            }
            what = format!("withdrawal {amount}");
        } else if op < 86 && !pending_withdrawals.is_empty() {
            // The operator approves (stays held for the payout file) or rejects (released).
            let (id, amount) = pending_withdrawals.remove(0);
            let approve = rng.chance(50);
            t.app
                .admin_decide_withdrawal(
                    &ops,
                    id.parse::<guichet_core::WithdrawalId>().unwrap(),
                    approve,
                    if approve { "" } else { "model" },
                )
                .await
                .unwrap();
            if !approve {
                model.hold -= amount;
                model.prepaid += amount;
            }
            seen.insert(if approve {
                "withdrawal approved"
            } else {
                "withdrawal rejected"
            });
            what = format!("withdrawal decided approve={approve}");
        } else {
            // Time passes and the billing run issues the renewals due: one invoice per product
            // period, at the price the product was ordered at, nothing taken from the balance.
            let days = 20 + rng.below(70) as i64;
            t.clock.set(t.app.now() + days * 86_400);
            t.app.billing_run(None).await.unwrap();
            let mut fresh = 0;
            let mut after = None;
            loop {
                let p = t.app.invoices(&lr, &all(after.take())).await.unwrap();
                for i in &p.invoices {
                    if known.insert(i.id.clone().to_string()) {
                        assert_eq!(i.kind.as_str(), "renewal", "step {step}");
                        let (_, lines) = t.app.invoice(&lr, i.id).await.unwrap();
                        let product = lines[0]
                            .product_id
                            .map(|p| p.to_string())
                            .unwrap_or_default();
                        if let Some(&(gross, net, vat)) = product_gross.get(&product) {
                            assert_eq!(
                                (i.gross.minor, i.net.minor, i.vat.minor),
                                (gross, net, vat),
                                "step {step}"
                            );
                        }
                        model.receivable += i.gross.minor;
                        model.revenue += i.net.minor;
                        model.vat += i.vat.minor;
                        unpaid.insert(
                            i.id.clone().to_string(),
                            Inv {
                                gross: i.gross.minor,
                                net: i.net.minor,
                                vat: i.vat.minor,
                                refunded: 0,
                            },
                        );
                        fresh += 1;
                    }
                }
                after.clone_from(&p.pager.next);
                if after.is_none() {
                    break;
                }
            }
            if fresh > 0 {
                seen.insert("renewal");
            }
            what = format!("{days} days later, {fresh} renewal invoices");
        }
        // After every step: the books balance and every balance is the model's, none negative.
        let mut c = t.app.db.conn().await.unwrap();
        let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
        assert!(problems.is_empty(), "step {step} ({what}): {problems:?}");
        drop(c);
        let got = books(&t, a.id).await;
        assert_eq!(got, model, "step {step} ({what}), seed {seed}");
        for v in [got.prepaid, got.hold, got.receivable, got.revenue, got.vat] {
            assert!(v >= 0, "step {step} ({what}): {got:?}");
        }
    }
    // The journey did what it claims: every kind of step happened at least once.
    let all_kinds = [
        "top-up",
        "top-up declined",
        "checkout by card",
        "checkout from prepaid",
        "checkout split",
        "checkout declined",
        "checkout insufficient",
        "checkout with another duration",
        "refund part",
        "refund rest",
        "withdrawal",
        "withdrawal refused",
        "withdrawal approved",
        "withdrawal rejected",
        "renewal",
    ];
    let missing: Vec<_> = all_kinds.iter().filter(|k| !seen.contains(*k)).collect();
    assert!(missing.is_empty(), "seed {seed} never did {missing:?}");
}
