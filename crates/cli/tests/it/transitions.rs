//! Issue #11, acceptance 2: generated from the list of status transitions the store makes (each
//! status's `can_become` in core, which `store::transition` refuses to go beyond), every transition
//! is run twice at the same time, through the store function that makes it, on two connections:
//! exactly one applies, and the row ends in the new status. A transition added to core without a
//! store function mapped here fails this test ("no store function for …").

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::status::{
    BankTransactionStatus as B, ChargeStatus as C, InvoiceStatus as I, PaymentRequestStatus as P,
    ProductState as S, SupportRequestStatus as T, WithdrawalStatus as W,
};
use guichet_core::{Currency, OrgId, UserId};
use guichet_store::transition::{StoredStatus, transitions};
use guichet_store::{Backend as DbBackend, withdrawals};
use guichet_store::{Db, bank_transactions, billing, credit_notes, ledger, payment_requests};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::Barrier;

both_backends!(every_transition_applies_once_when_run_twice_at_once);

/// What the fixture rows are; one of each table, its status forced before each transition.
#[derive(Clone)]
struct Rows {
    org: OrgId,
    user: UserId,
    invoice: String,
    gross: i64,
    product: String,
    withdrawal: String,
    payout_file: String,
    request: String,
    bank_tx: String,
    entry: String,
    charge: String,
    ticket: String,
}

type Apply = Pin<Box<dyn Future<Output = bool> + Send>>;
/// A transition's run: the database and the gate both runs pass at the same time.
type Run = Arc<dyn Fn(Db, Arc<Barrier>) -> Apply + Send + Sync>;

async fn force(db: &Db, table: &str, col: &str, id: &str, value: &str, extra: &str) {
    let mut c = db.write_conn().await.unwrap();
    let sql = format!("UPDATE {table} SET {col} = $1{extra} WHERE id = $2");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(value)
        .bind(id)
        .execute(&mut *c)
        .await
        .unwrap();
}

async fn status_of(db: &Db, table: &str, col: &str, id: &str) -> String {
    let mut c = db.write_conn().await.unwrap();
    let sql = format!("SELECT {col} FROM {table} WHERE id = $1");
    let row: (String,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(&mut *c)
        .await
        .unwrap();
    row.0
}

/// Runs `apply` twice at once, each in its own transaction; how many applied.
async fn twice(db: &Db, apply: Run) -> usize {
    let barrier = Arc::new(Barrier::new(2));
    let mut tasks = Vec::new();
    for _ in 0..2 {
        let (db, apply, barrier) = (db.clone(), apply.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move { apply(db, barrier).await }));
    }
    let mut applied = 0;
    for t in tasks {
        if t.await.unwrap() {
            applied += 1;
        }
    }
    applied
}

/// Opens a write transaction; on PostgreSQL both runs hold theirs open before either writes (on
/// SQLite the second waits for the write lock at `BEGIN IMMEDIATE`).
macro_rules! in_tx {
    ($db:expr, $gate:expr, |$c:ident| $body:expr) => {{
        let db: Db = $db;
        let gate: Arc<Barrier> = $gate;
        Box::pin(async move {
            let pg = db.backend() == DbBackend::Postgres;
            if !pg {
                gate.wait().await;
            }
            let mut tx = db.begin().await.unwrap();
            if pg {
                gate.wait().await;
            }
            let $c = &mut *tx;
            let done: bool = $body.await.unwrap();
            tx.commit().await.unwrap();
            done
        }) as Apply
    }};
}

fn invoice_apply(r: &Rows, from: I, to: I) -> Run {
    let (id, gross) = (r.invoice.clone(), r.gross);
    match (from, to) {
        (I::Unpaid, I::Overdue) => Arc::new(move |db, gate| {
            in_tx!(db, gate, |c| async move {
                billing::mark_overdue(c, "9999-12-31".parse().unwrap())
                    .await
                    .map(|n| n == 1)
            })
        }),
        (_, I::Paid) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| billing::mark_invoice_paid(
                c,
                id.parse::<guichet_core::InvoiceId>().unwrap(),
                1
            ))
        }),
        (_, I::Cancelled) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| billing::cancel_invoice(
                c,
                id.parse::<guichet_core::InvoiceId>().unwrap()
            ))
        }),
        // The rest in full (1 was refunded before a partial refund's row).
        (_, I::Refunded) => {
            let rest = if from == I::PartiallyRefunded {
                gross - 1
            } else {
                gross
            };
            Arc::new(move |db, gate| {
                let id = id.clone();
                in_tx!(db, gate, |c| credit_notes::add_refund(
                    c,
                    id.parse::<guichet_core::InvoiceId>().unwrap(),
                    rest
                ))
            })
        }
        // More than half: two of them cannot both fit in the invoice's total.
        (_, I::PartiallyRefunded) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| credit_notes::add_refund(
                c,
                id.parse::<guichet_core::InvoiceId>().unwrap(),
                gross / 2 + 1
            ))
        }),
        _ => panic!("no store function for invoice {from:?} → {to:?}: map it in transitions.rs"),
    }
}

fn product_apply(r: &Rows, from: S, to: S) -> Run {
    let id = r.product.clone();
    match (from, to) {
        (S::Pending, S::Active) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| billing::activate(
                c,
                id.parse::<guichet_core::ProductId>().unwrap(),
                "2026-01-01".parse().unwrap(),
                "2027-01-01".parse().unwrap()
            ))
        }),
        _ => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| billing::set_state(
                c,
                id.parse::<guichet_core::ProductId>().unwrap(),
                from,
                to
            ))
        }),
    }
}

fn withdrawal_apply(r: &Rows, from: W, to: W) -> Run {
    let (id, user, file) = (r.withdrawal.clone(), r.user, r.payout_file.clone());
    match (from, to) {
        (_, W::Approved | W::Rejected) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| withdrawals::decide(
                c,
                id.parse::<guichet_core::WithdrawalId>().unwrap(),
                from,
                to,
                user,
                Some("test"),
                1
            ))
        }),
        (W::Approved, W::InTransit) => Arc::new(move |db, gate| {
            let (id, file) = (id.clone(), file.clone());
            in_tx!(db, gate, |c| withdrawals::mark_in_transit(
                c,
                id.parse::<guichet_core::WithdrawalId>().unwrap(),
                file.parse::<guichet_core::PayoutFileId>().unwrap()
            ))
        }),
        (W::InTransit, W::Paid) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| withdrawals::mark_paid(
                c,
                id.parse::<guichet_core::WithdrawalId>().unwrap(),
                1
            ))
        }),
        _ => panic!("no store function for withdrawal {from:?} → {to:?}: map it in transitions.rs"),
    }
}

fn request_apply(r: &Rows, from: P, to: P) -> Run {
    let id = r.request.clone();
    match (from, to) {
        (P::Open, P::Paid) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| payment_requests::mark_paid(
                c,
                id.parse::<guichet_core::PaymentRequestId>().unwrap(),
                1
            ))
        }),
        _ => panic!(
            "no store function for payment request {from:?} → {to:?}: map it in transitions.rs"
        ),
    }
}

fn bank_apply(r: &Rows, from: B, to: B) -> Run {
    let (id, org, user, entry) = (r.bank_tx.clone(), r.org, r.user, r.entry.clone());
    match (from, to) {
        (B::Exception, B::Assigned) => Arc::new(move |db, gate| {
            let (id, entry) = (id.clone(), entry.clone());
            in_tx!(db, gate, |c| bank_transactions::assign(
                c,
                id.parse().unwrap(),
                org,
                user,
                "test",
                entry.parse().unwrap(),
                1
            ))
        }),
        (_, B::ReplacedByDetails) => Arc::new(move |db, gate| {
            in_tx!(db, gate, |c| async move {
                bank_transactions::replace_by_details(c, &["DETAILS-1".to_owned()], 1)
                    .await
                    .map(|n| n == 1)
            })
        }),
        _ => panic!(
            "no store function for bank transaction {from:?} → {to:?}: map it in transitions.rs"
        ),
    }
}

fn charge_apply(r: &Rows, from: C, to: C) -> Run {
    let id = r.charge.clone();
    match (from, to) {
        (C::Pending, _) => Arc::new(move |db, gate| {
            let id = id.clone();
            in_tx!(db, gate, |c| async move {
                let settled =
                    guichet_store::charges::settle(c, id.parse().unwrap(), to, "test", 1).await?;
                Ok::<bool, guichet_store::StoreError>(settled.is_some())
            })
        }),
        _ => panic!("no store function for charge {from:?} → {to:?}: map it in transitions.rs"),
    }
}

fn ticket_apply(r: &Rows, from: T, to: T) -> Run {
    let id = r.ticket.clone();
    Arc::new(move |db, gate| {
        let id = id.clone();
        in_tx!(db, gate, |c| guichet_store::support_requests::transition(
            c,
            id.parse().unwrap(),
            from,
            to,
            1
        ))
    })
}

/// Runs every transition of `S`; returns the ones it checked.
async fn check_all<St: StoredStatus>(
    t: &TestApp,
    rows: &Rows,
    id: &str,
    prepare: impl Fn(St) -> String,
    apply: impl Fn(&Rows, St, St) -> Run,
) -> Vec<String> {
    let db = t.app.db.clone();
    let mut checked = Vec::new();
    let list = transitions::<St>();
    assert!(!list.is_empty(), "{} has transitions", St::TABLE);
    for (from, to) in list {
        let extra = prepare(from);
        force(&db, St::TABLE, St::COLUMN, id, from.text(), &extra).await;
        let applied = twice(&db, apply(rows, from, to)).await;
        let what = format!("{}: {} → {}", St::TABLE, from.text(), to.text());
        assert_eq!(applied, 1, "{what}: applied {applied} times out of 2");
        assert_eq!(
            status_of(&db, St::TABLE, St::COLUMN, id).await,
            to.text(),
            "{what}: the row's status"
        );
        checked.push(what);
    }
    checked
}

async fn every_transition_applies_once_when_run_twice_at_once(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let db = t.app.db.clone();
    let user = w.a.lr().id;
    let org = w.a.id;
    let mut c = db.write_conn().await.unwrap();
    let (inv, _) = billing::get_invoice(&mut c, org, w.a.invoice)
        .await
        .unwrap()
        .expect("the world's invoice");
    // Only the fixture invoice may become overdue in the batch transition.
    sqlx::query("UPDATE invoices SET status = 'cancelled' WHERE id <> $1")
        .bind(inv.id.to_string())
        .execute(&mut *c)
        .await
        .unwrap();
    let withdrawal = withdrawals::insert(
        &mut c,
        &withdrawals::NewWithdrawal {
            org,
            amount: guichet_core::Money::new(100, Currency::Chf),
            method: "iban",
            destination: "CH9300762011623852957",
            holder: "Test",
            requested_by: user,
            now: 1,
        },
    )
    .await
    .unwrap();
    let payout_file = withdrawals::insert_payout_file(&mut c, "GCHTEST1", 1, "<x/>", None, 1)
        .await
        .unwrap();
    let request = payment_requests::insert(
        &mut c,
        &payment_requests::NewRequest {
            org,
            purpose: "top_up",
            amount: guichet_core::Money::new(100, Currency::Chf),
            reference: "210000000003139471430009017",
            created_by: user,
            now: 1,
        },
    )
    .await
    .unwrap();
    let bank_tx = bank_transactions::insert(
        &mut c,
        &bank_transactions::NewTransaction {
            bank_key: "TRANSITIONS-1",
            file_name: "t.xml",
            direction: "credit",
            amount: &guichet_core::money::BankAmount {
                minor: 100,
                currency: "CHF".into(),
            },
            booking_date: None,
            reference: None,
            debtor_name: None,
            debtor_iban: None,
            message: None,
            status: B::Exception,
            org: None,
            request: None,
            note: None,
            details_ref: Some("DETAILS-1"),
            credited_entry: None,
            additional_remittance: None,
            ultimate_debtor: None,
            charges: None,
            fee_entry: None,
            now: 1,
        },
    )
    .await
    .unwrap();
    let entry = ledger::post(
        &mut c,
        ledger::NewEntry {
            org: Some(org),
            kind: "test",
            description: "an entry for the placement",
            idempotency_key: None,
            now: 1,
        },
        &[Transfer {
            debit: AccountRef::provider(AccountKind::BankClearing, Currency::Chf),
            credit: AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf),
            amount: 100,
        }],
    )
    .await
    .unwrap();
    let charge = guichet_store::charges::insert(
        &mut c,
        &guichet_store::charges::NewCharge {
            pays: "transitions",
            org,
            purpose: guichet_store::charges::Purpose::TopUp,
            amount: guichet_core::Money::new(100, Currency::Chf),
            from_prepaid: 0,
            idempotency_key: "transitions",
            provider: "test",
            refund_of: None,
            last4: "4242",
            user: None,
            details: "{}",
            now: 1,
        },
    )
    .await
    .unwrap()
    .unwrap();
    let ticket = guichet_store::support_requests::insert(
        &mut c,
        &guichet_store::support_requests::NewRequest {
            org,
            topic: "transitions",
            product: None,
            opened_by: user,
            tier: 0,
            suggested: &[],
            now: 1,
        },
    )
    .await
    .unwrap();
    drop(c);
    let rows = Rows {
        org,
        user,
        invoice: inv.id.clone().to_string(),
        gross: inv.gross.minor,
        product: w.a.product.clone().to_string(),
        withdrawal: withdrawal.clone().to_string(),
        payout_file: payout_file.to_string(),
        request: request.clone().to_string(),
        bank_tx: bank_tx.to_string(),
        entry: entry.to_string(),
        charge: charge.to_string(),
        ticket: ticket.to_string(),
    };
    let mut checked = Vec::new();
    checked.extend(
        check_all::<I>(
            &t,
            &rows,
            &rows.invoice,
            |from| match from {
                I::PartiallyRefunded => ", refunded = 1, paid_minor = gross".into(),
                I::Paid => ", refunded = 0, paid_minor = gross".into(),
                _ => ", refunded = 0, paid_minor = 0".into(),
            },
            invoice_apply,
        )
        .await,
    );
    checked
        .extend(check_all::<S>(&t, &rows, &rows.product, |_| String::new(), product_apply).await);
    checked.extend(
        check_all::<W>(
            &t,
            &rows,
            &rows.withdrawal,
            |_| String::new(),
            withdrawal_apply,
        )
        .await,
    );
    checked
        .extend(check_all::<P>(&t, &rows, &rows.request, |_| String::new(), request_apply).await);
    checked.extend(
        check_all::<B>(
            &t,
            &rows,
            &rows.bank_tx,
            |_| ", credited_entry = NULL, org_id = NULL".into(),
            bank_apply,
        )
        .await,
    );
    checked.extend(
        check_all::<C>(
            &t,
            &rows,
            &rows.charge,
            |_| ", settled_at = NULL".into(),
            charge_apply,
        )
        .await,
    );
    checked.extend(check_all::<T>(&t, &rows, &rows.ticket, |_| String::new(), ticket_apply).await);
    // Every status type's every transition ran (a transition list cannot silently shrink to none).
    let expected: usize = transitions::<I>().len()
        + transitions::<S>().len()
        + transitions::<W>().len()
        + transitions::<P>().len()
        + transitions::<B>().len()
        + transitions::<C>().len()
        + transitions::<T>().len();
    assert_eq!(checked.len(), expected, "{checked:#?}");
    assert!(checked.len() >= 25, "{checked:#?}");
}
