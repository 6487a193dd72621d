//! A camt.054 import (issue #12): on PostgreSQL a fixed number of statements per batch of 500
//! payments, whatever the number of payments in it — the invoices paid by one conditional UPDATE,
//! the rows, ledger credits and product look-ups in multi-row statements. SQLite cuts multi-row
//! statements at about 100 parameters (binding is quadratic in a statement's parameters there, and
//! a statement is an in-process call), so its count grows a little with the payments.

use crate::both_backends;
use crate::count::{Counting, SERIAL};
use crate::harness::{Backend, TestApp};

both_backends!(an_import_writes_its_rows_and_credits_per_batch);

/// Statements of importing a file that pays `n` freshly seeded open invoices exactly.
async fn import(t: &TestApp, n: usize, tag: u32) -> (u64, Vec<String>) {
    let payments = guichet_bench::camt::seed_open_invoices(&t.app, n, tag)
        .await
        .unwrap();
    let xml = guichet_bench::camt::camt054(&format!("MSG-{tag}"), &payments);
    let counting = Counting::start();
    let report = t
        .app
        .import_camt(&format!("n{n}.xml"), xml.as_bytes(), None)
        .await
        .unwrap();
    let counted = counting.stop();
    assert_eq!((report.payments, report.credited), (n, n), "{report:?}");
    counted
}

async fn an_import_writes_its_rows_and_credits_per_batch(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let (small, _) = import(&t, 10, 1).await;
    let (large, seen) = import(&t, 200, 2).await;
    let per_payment = (large - small) as f64 / 190.0;
    let budget = match backend {
        Backend::Postgres => 0.05,
        Backend::Sqlite => 0.5,
    };
    eprintln!("{backend:?}: {small} statements for 10 payments, {large} for 200");
    assert!(
        per_payment <= budget,
        "{backend:?}: {small} statements for 10 payments, {large} for 200: {per_payment:.2} per payment (budget {budget}); \
         the 200-payment import sent:\n{}",
        seen.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
}
