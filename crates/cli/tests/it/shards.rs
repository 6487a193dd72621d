//! Provider accounts split in shards (issue #12): concurrent top-ups of many Organizations spread
//! over the shard rows, and every reading of a provider balance sums them; a batch posted with
//! `post_many` is the same as its entries posted one by one; movements paged by key.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::ledger::new_org;
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_store::ledger::{self, Booked, NewEntry, Page};

both_backends!(
    top_ups_of_many_organizations_sum_over_the_shards,
    a_batch_books_each_entry_once_and_pages_walk_by_key,
);

async fn top_ups_of_many_organizations_sum_over_the_shards(b: Backend) {
    let t = TestApp::spawn(b).await;
    let card = AccountRef::provider(AccountKind::CardClearing, Currency::Chf);
    let mut tasks = Vec::new();
    for i in 0..24i64 {
        let org = new_org(&t, &format!("Shard {i}")).await;
        let app = t.app.clone();
        tasks.push(tokio::spawn(async move {
            let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf);
            let mut total = 0;
            for n in 0..3i64 {
                let amount = 1_000 + i * 10 + n;
                let mut tx = app.db.begin().await.unwrap();
                let entry = NewEntry {
                    org: Some(org),
                    kind: "top_up",
                    description: "shard",
                    idempotency_key: None,
                    now: 1_795_000_000,
                };
                let transfer = Transfer {
                    debit: card,
                    credit: prepaid,
                    amount,
                };
                ledger::post(&mut tx, entry, &[transfer]).await.unwrap();
                tx.commit().await.unwrap();
                total += amount;
            }
            total
        }));
    }
    let mut expected = 0;
    for task in tasks {
        expected += task.await.unwrap();
    }
    let mut c = t.app.db.conn().await.unwrap();
    assert_eq!(ledger::balance(&mut c, &card).await.unwrap(), expected);
    let problems = ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let rows: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ledger_accounts WHERE kind = 'card_clearing' AND org_id IS NULL",
    )
    .fetch_one(&mut *c)
    .await
    .unwrap();
    assert!(rows > 4, "24 Organizations use several shards, got {rows}");
}

async fn a_batch_books_each_entry_once_and_pages_walk_by_key(b: Backend) {
    let t = TestApp::spawn(b).await;
    let org = new_org(&t, "Batch").await;
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf);
    let bank = AccountRef::provider(AccountKind::BankClearing, Currency::Chf);
    let keys: Vec<String> = (0..60).map(|i| format!("bank-{i}")).collect();
    let batch: Vec<(NewEntry<'_>, Vec<Transfer>)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            (
                NewEntry {
                    org: Some(org),
                    kind: "bank",
                    description: "batch",
                    idempotency_key: Some(k),
                    now: 1_795_000_000 + (i as i64 / 7),
                },
                vec![Transfer {
                    debit: bank,
                    credit: prepaid,
                    amount: 100 + i as i64,
                }],
            )
        })
        .collect();
    let mut tx = t.app.db.begin().await.unwrap();
    let booked = ledger::post_many(&mut tx, &batch).await.unwrap();
    tx.commit().await.unwrap();
    assert!(booked.iter().all(|b| matches!(b, Booked::New(_))));
    // The same batch again: every entry is a duplicate, nothing moves.
    let mut tx = t.app.db.begin().await.unwrap();
    let again = ledger::post_many(&mut tx, &batch).await.unwrap();
    tx.commit().await.unwrap();
    for (first, second) in booked.iter().zip(&again) {
        let Booked::New(id) = first else { panic!() };
        assert_eq!(second, &Booked::Duplicate(*id));
    }
    let total: i64 = (0..60).map(|i| 100 + i).sum();
    let mut c = t.app.db.conn().await.unwrap();
    assert_eq!(ledger::balance(&mut c, &prepaid).await.unwrap(), total);
    assert_eq!(ledger::balance(&mut c, &bank).await.unwrap(), total);
    assert!(ledger::audit(&mut c).await.unwrap().is_empty());
    // Newest first, 25 a page, by key: next pages and then previous pages list the same lines.
    let mut seen = Vec::new();
    let mut page = ledger::movements(&mut c, &prepaid, &Page::First, 25)
        .await
        .unwrap();
    assert!(!page.has_newer);
    let mut forward = vec![page.movements.clone()];
    while page.has_older {
        let last = page.movements.last().unwrap().cursor.clone();
        page = ledger::movements(&mut c, &prepaid, &Page::After(last), 25)
            .await
            .unwrap();
        forward.push(page.movements.clone());
    }
    for p in &forward {
        seen.extend(p.iter().map(|m| m.amount.minor));
    }
    let mut amounts: Vec<i64> = (0..60).map(|i| 100 + i).collect();
    amounts.reverse();
    assert_eq!(seen, amounts, "newest first, each line once");
    assert_eq!(
        forward.iter().map(Vec::len).collect::<Vec<_>>(),
        [25, 25, 10]
    );
    let last = ledger::movements(&mut c, &prepaid, &Page::Last, 25)
        .await
        .unwrap();
    assert!(!last.has_older && last.has_newer);
    assert_eq!(
        last.movements
            .iter()
            .map(|m| m.amount.minor)
            .collect::<Vec<_>>(),
        amounts[35..].to_vec()
    );
    let first_of_last = last.movements.first().unwrap().cursor.clone();
    let before = ledger::movements(&mut c, &prepaid, &Page::Before(first_of_last), 25)
        .await
        .unwrap();
    assert_eq!(
        before
            .movements
            .iter()
            .map(|m| m.amount.minor)
            .collect::<Vec<_>>(),
        amounts[10..35].to_vec()
    );
    assert!(before.has_newer && before.has_older);
}
