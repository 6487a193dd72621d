//! The ledger against a model (RELIABILITY 1), under concurrency (2, 3), append-only (24) and
//! idempotent (7), on both backends.

use crate::both_backends;
use crate::harness::{Backend, Rng, TestApp};
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Currency, OrgId};
use guichet_store::ledger::{self, NewEntry, PostError};
use std::collections::HashMap;

both_backends!(
    random_operations_match_the_model_and_the_books_balance,
    concurrent_payments_never_overdraw,
    history_is_append_only_and_keys_are_idempotent
);

pub(crate) async fn new_org(t: &TestApp, name: &str) -> OrgId {
    let mut tx = t.app.db.begin().await.unwrap();
    let d = guichet_store::orgs::OrgDetails {
        name: name.into(),
        country: "CH".into(),
        ..Default::default()
    };
    let id = guichet_store::orgs::insert(
        &mut tx,
        &d,
        guichet_core::OrgKind::Company,
        Currency::Chf,
        0,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn post(
    t: &TestApp,
    org: OrgId,
    kind: &str,
    key: Option<&str>,
    transfers: &[Transfer],
) -> Result<guichet_core::LedgerEntryId, PostError> {
    let mut tx = t.app.db.begin().await.unwrap();
    let entry = NewEntry {
        org: Some(org),
        kind,
        description: kind,
        idempotency_key: key,
        now: t.app.now(),
    };
    let r = ledger::post(&mut tx, entry, transfers).await;
    if r.is_ok() {
        tx.commit().await.unwrap();
    }
    r
}

async fn random_operations_match_the_model_and_the_books_balance(b: Backend) {
    let t = TestApp::spawn(b).await;
    let seed = std::env::var("GUICHET_LEDGER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026_u64);
    eprintln!("ledger model test seed: {seed} (set GUICHET_LEDGER_SEED to replay)");
    let mut rng = Rng(seed);
    let orgs = [new_org(&t, "Un").await, new_org(&t, "Deux").await];
    let chf = Currency::Chf;
    let acc = |k: AccountKind, o: Option<OrgId>| AccountRef {
        kind: k,
        org: o,
        currency: chf,
    };
    let mut model: HashMap<String, i64> = HashMap::new();
    for step in 0..150 {
        let org = orgs[rng.below(2) as usize];
        let amount = 1 + rng.below(20_000) as i64;
        let prepaid = acc(AccountKind::Prepaid, Some(org));
        let hold = acc(AccountKind::WithdrawalHold, Some(org));
        let (name, transfers) = match rng.below(6) {
            0 | 1 => (
                "top_up",
                vec![Transfer {
                    debit: acc(AccountKind::CardClearing, None),
                    credit: prepaid,
                    amount,
                }],
            ),
            2 => ("checkout", {
                // A split payment: part from the balance, VAT on the side.
                let vat = amount / 10;
                vec![
                    Transfer {
                        debit: prepaid,
                        credit: acc(AccountKind::Revenue, None),
                        amount,
                    },
                    Transfer {
                        debit: acc(AccountKind::CardClearing, None),
                        credit: acc(AccountKind::VatPayable, None),
                        amount: vat.max(1),
                    },
                ]
            }),
            3 => (
                "refund",
                vec![Transfer {
                    debit: acc(AccountKind::Revenue, None),
                    credit: prepaid,
                    amount,
                }],
            ),
            4 => (
                "withdrawal",
                vec![Transfer {
                    debit: prepaid,
                    credit: hold,
                    amount,
                }],
            ),
            _ => (
                "payout",
                vec![Transfer {
                    debit: hold,
                    credit: acc(AccountKind::PayoutsInTransit, None),
                    amount,
                }],
            ),
        };
        // The model: apply, and refuse if customer money would go below zero.
        let mut next = model.clone();
        for tr in &transfers {
            *next.entry(tr.debit.key()).or_default() -= if tr.debit.kind.credit_normal() {
                tr.amount
            } else {
                -tr.amount
            };
            *next.entry(tr.credit.key()).or_default() += if tr.credit.kind.credit_normal() {
                tr.amount
            } else {
                -tr.amount
            };
        }
        let model_refuses = next.iter().any(|(k, v)| {
            *v < 0
                && k.split(':')
                    .next()
                    .and_then(AccountKind::parse)
                    .is_some_and(guichet_core::ledger::AccountKind::must_not_overdraw)
        });
        match post(&t, org, name, None, &transfers).await {
            Ok(_) => {
                assert!(
                    !model_refuses,
                    "step {step} ({name} {amount}): the ledger accepted an overdraft"
                );
                model = next;
            }
            Err(PostError::InsufficientFunds) => assert!(
                model_refuses,
                "step {step} ({name} {amount}): refused but the model allows it"
            ),
            Err(e) => panic!("step {step}: {e}"),
        }
        let mut c = t.app.db.conn().await.unwrap();
        let problems = ledger::audit(&mut c).await.unwrap();
        assert!(problems.is_empty(), "step {step}: {problems:?}");
        for o in orgs {
            for k in [AccountKind::Prepaid, AccountKind::WithdrawalHold] {
                let a = acc(k, Some(o));
                let got = ledger::balance(&mut c, &a).await.unwrap();
                assert_eq!(
                    got,
                    *model.get(&a.key()).unwrap_or(&0),
                    "step {step}: {}",
                    a.key()
                );
                assert!(got >= 0);
            }
        }
    }
}

async fn concurrent_payments_never_overdraw(b: Backend) {
    let t = TestApp::spawn(b).await;
    let org = new_org(&t, "Concurrence").await;
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf);
    let card = AccountRef::provider(AccountKind::CardClearing, Currency::Chf);
    let revenue = AccountRef::provider(AccountKind::Revenue, Currency::Chf);
    post(
        &t,
        org,
        "top_up",
        None,
        &[Transfer {
            debit: card,
            credit: prepaid,
            amount: 50_000,
        }],
    )
    .await
    .unwrap();
    let mut tasks = Vec::new();
    for task in 0..32u64 {
        let app = t.app.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(task + 1);
            let (mut added, mut spent, mut refused) = (0i64, 0i64, 0u32);
            for _ in 0..20 {
                let amount = 1 + rng.below(5_000) as i64;
                let top_up = rng.below(3) == 0;
                let transfer = if top_up {
                    Transfer {
                        debit: card,
                        credit: prepaid,
                        amount,
                    }
                } else {
                    Transfer {
                        debit: prepaid,
                        credit: revenue,
                        amount,
                    }
                };
                let mut tx = app.db.begin().await.expect("begin");
                let entry = NewEntry {
                    org: Some(org),
                    kind: "x",
                    description: "x",
                    idempotency_key: None,
                    now: 0,
                };
                match ledger::post(&mut tx, entry, &[transfer]).await {
                    Ok(_) => {
                        tx.commit().await.expect("commit");
                        if top_up {
                            added += amount;
                        } else {
                            spent += amount;
                        }
                    }
                    Err(PostError::InsufficientFunds) => refused += 1,
                    Err(e) => panic!("only 'insufficient balance' may refuse a payment, got: {e}"),
                }
            }
            (added, spent, refused)
        }));
    }
    let (mut added, mut spent, mut refused) = (0, 0, 0);
    for task in tasks {
        let (a, s, r) = task.await.unwrap();
        added += a;
        spent += s;
        refused += r;
    }
    let mut c = t.app.db.conn().await.unwrap();
    assert_eq!(
        ledger::balance(&mut c, &prepaid).await.unwrap(),
        50_000 + added - spent
    );
    assert!(ledger::audit(&mut c).await.unwrap().is_empty());
    eprintln!("640 concurrent operations: {refused} refused for insufficient balance");
}

async fn history_is_append_only_and_keys_are_idempotent(b: Backend) {
    let t = TestApp::spawn(b).await;
    let org = new_org(&t, "Historique").await;
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf);
    let card = AccountRef::provider(AccountKind::CardClearing, Currency::Chf);
    let first = post(
        &t,
        org,
        "top_up",
        Some("key-1"),
        &[Transfer {
            debit: card,
            credit: prepaid,
            amount: 1000,
        }],
    )
    .await
    .unwrap();
    match post(
        &t,
        org,
        "top_up",
        Some("key-1"),
        &[Transfer {
            debit: card,
            credit: prepaid,
            amount: 1000,
        }],
    )
    .await
    {
        Err(PostError::Duplicate(id)) => assert_eq!(id, first),
        other => panic!("expected the duplicate, got {other:?}"),
    }
    let other_org = new_org(&t, "Autre").await;
    let other_prepaid = AccountRef::of_org(AccountKind::Prepaid, other_org, Currency::Chf);
    post(
        &t,
        other_org,
        "top_up",
        Some("key-1"),
        &[Transfer {
            debit: card,
            credit: other_prepaid,
            amount: 1000,
        }],
    )
    .await
    .expect("same key, other Organization: independent");
    let mut c = t.app.db.write_conn().await.unwrap();
    assert_eq!(ledger::balance(&mut c, &prepaid).await.unwrap(), 1000);
    let page = ledger::movements(&mut c, &prepaid, &ledger::Page::First, 10)
        .await
        .unwrap();
    let moves = &page.movements;
    assert_eq!(
        (moves.len(), page.has_older, moves[0].amount),
        (1, false, guichet_core::Money::new(1000, prepaid.currency))
    );
    guichet_store::audit::record(&mut c, Some(org), None, "test", "a record", "", 0)
        .await
        .unwrap();
    for sql in [
        "UPDATE ledger_transfers SET amount = 1",
        "DELETE FROM ledger_transfers",
        "UPDATE ledger_entries SET kind = 'x'",
        "DELETE FROM audit_log",
    ] {
        assert!(
            guichet_store::testing_execute(&mut c, sql).await.is_err(),
            "{sql} must be refused"
        );
    }
    // The database itself refuses an overdraft even if the code forgot to check.
    let sql = "UPDATE ledger_accounts SET debits = credits + 1 WHERE kind = 'prepaid'";
    assert!(guichet_store::testing_execute(&mut c, sql).await.is_err());
    assert!(ledger::audit(&mut c).await.unwrap().is_empty());
}
