//! A bank import whose batch pays an invoice that another transaction pays while the batch is
//! being booked (issue #12: a batch marks its invoices paid in one conditional UPDATE at its end).
//! PostgreSQL only: SQLite has one writer, so nothing can pay an invoice while an import's batch
//! holds it.

use crate::harness::{Backend, TestApp};
use std::time::{Duration, Instant};

/// The invoice paid meanwhile is not paid twice: the batch sees its UPDATE change one row fewer
/// than it pays, rolls back, and is booked again one compare-and-set per payment — that payment
/// goes to the prepaid balance, every other one pays its invoice, and nothing is booked twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_paid_during_an_import_batch_is_not_paid_twice() {
    if std::env::var("GUICHET_TEST_PG").is_err() {
        eprintln!("skipped: GUICHET_TEST_PG is not set, PostgreSQL only");
        return;
    }
    let t = TestApp::spawn(Backend::Postgres).await;
    let payments = guichet_bench::camt::seed_open_invoices(&t.app, 6, 7)
        .await
        .unwrap();
    let xml = guichet_bench::camt::camt054("MSG-RACE", &payments);
    let refs: Vec<String> = payments.iter().map(|p| p.reference.clone()).collect();
    let invoices = {
        let mut c = t.app.db.conn().await.unwrap();
        guichet_store::billing::invoices_by_references(&mut c, &refs)
            .await
            .unwrap()
    };
    let raced = invoices[&payments[2].reference].clone();
    // Another transaction pays the third invoice and holds its row until told to commit.
    let mut other = t.app.db.begin().await.unwrap();
    sqlx::query(
        "UPDATE invoices SET status = 'paid', paid_at = 1, paid_minor = gross WHERE id = $1",
    )
    .bind(raced.id.to_string())
    .execute(&mut *other)
    .await
    .unwrap();
    let app = t.app.clone();
    let import =
        tokio::spawn(async move { app.import_camt("race.xml", xml.as_bytes(), None).await });
    // The import's end-of-batch UPDATE waits for that row: then the other transaction commits.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut c = t.app.db.conn().await.unwrap();
        let waiting: i64 = sqlx::Row::get(
            &sqlx::query(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
            )
            .fetch_one(&mut *c)
            .await
            .unwrap(),
            0,
        );
        if waiting > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the import never waited for the row"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    other.commit().await.unwrap();
    let report = import.await.unwrap().unwrap();
    assert_eq!((report.payments, report.credited), (6, 6), "{report:?}");
    let mut c = t.app.db.conn().await.unwrap();
    let rows = guichet_store::bank_transactions::with_status(
        &mut c,
        guichet_core::status::bank_transaction::BankTransactionStatus::Credited,
        100,
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), 6);
    let to_prepaid: Vec<_> = rows
        .iter()
        .filter(|r| r.note.as_deref().is_some_and(|n| n.contains("prepaid")))
        .collect();
    assert_eq!(to_prepaid.len(), 1, "{rows:#?}");
    assert_eq!(
        to_prepaid[0].reference.as_deref(),
        Some(raced.payment_reference.as_str())
    );
    let prepaid =
        guichet_store::ledger::prepaid_balance(&mut c, raced.org_id, guichet_core::Currency::Chf)
            .await
            .unwrap();
    assert_eq!(
        prepaid, raced.gross.minor,
        "the raced payment is on the prepaid balance"
    );
    for p in &payments {
        let inv = guichet_store::billing::invoice_by_number(&mut c, &invoices[&p.reference].number)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(inv.status.as_str(), "paid", "{}", inv.number);
    }
    assert!(
        guichet_store::ledger::audit(&mut c)
            .await
            .unwrap()
            .is_empty()
    );
}
