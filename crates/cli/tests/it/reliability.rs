//! RELIABILITY #2, #7 and #13 with two `guichet serve` instances on one database (PostgreSQL, and
//! SQLite with two instances on one file): concurrent top-ups and payments on one prepaid account,
//! the idempotency contract across instances, and Hermitage-style scripted interleavings of two
//! transactions through the store's public functions (lost update, read skew, write skew).

use crate::both_backends;
use crate::client::{Client, Resp};
use crate::harness::{Backend, Rng, TempDir, TestApp};
use crate::ledger::new_org;
use crate::world::world;
use guichet_app::Origin;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use guichet_core::{Currency, OrgId};
use guichet_store::ledger::{self, NewEntry, PostError};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

both_backends!(
    concurrent_top_ups_and_payments_across_two_instances,
    top_ups_at_the_ceiling_across_two_instances_never_exceed_it,
    one_key_a_hundred_times_across_two_instances_moves_money_once,
    lost_update_two_debits_of_one_balance,
    read_skew_a_snapshot_sees_a_constant_sum,
    write_skew_two_top_ups_each_under_the_ceiling,
    contention_no_busy_snapshot_and_snapshots_stay_consistent,
);

const OK_CARD: &str = "4242424242424242";
const HOLDER: &str = "Alpha Hébergement SA";
const IBAN: &str = "CH9300762011623852957";

/// Two instances on one database: the first spawned fresh, the second on its database.
async fn two_instances(b: Backend) -> (TestApp, TestApp) {
    let one = TestApp::spawn(b).await;
    let two = TestApp::spawn_on(&one.config.database_url, TempDir::new(), |_| {}).await;
    (one, two)
}

async fn post_key(
    c: &mut Client,
    path: &str,
    token: &str,
    key: &str,
    body: serde_json::Value,
) -> Resp {
    c.api_with_headers("POST", path, token, Some(body), &[("idempotency-key", key)])
        .await
}

fn top_up_body(amount: i64) -> serde_json::Value {
    json!({"amount_minor": amount, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"})
}

fn withdrawal_body(amount: i64) -> serde_json::Value {
    json!({"amount_minor": amount, "method": "iban", "destination": IBAN, "holder": HOLDER})
}

async fn balance_via(url: &str, token: &str, org: OrgId) -> i64 {
    let r = Client::new(url)
        .api("GET", &format!("/api/v1/orgs/{org}/prepaid"), token, None)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["balance"]["minor"].as_i64().unwrap()
}

async fn assert_books_balance(t: &TestApp) {
    let mut db = t.app.db.conn().await.unwrap();
    let problems = ledger::audit(&mut db).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

/// #2: 64 clients × 100 random top-ups, withdrawals and checkouts from the balance on one prepaid
/// account, spread over two instances, while readers poll the balance on both.
async fn concurrent_top_ups_and_payments_across_two_instances(b: Backend) {
    const TASKS: usize = 64;
    const OPS: usize = 100;
    let (one, two) = two_instances(b).await;
    let w = world(&one).await;
    let (org, token) = (w.a.id, w.a.lr().token.clone());
    // One invoice per client, paid from the balance when the client's turn comes.
    let lr = one
        .app
        .actor(w.a.lr().id, org, Origin::default())
        .await
        .unwrap();
    let offer = one.app.catalogue(&lr).await.unwrap()[0].id;
    let mut invoices = Vec::new();
    for _ in 0..TASKS {
        let (_, invoice) = one.app.order_product(&lr, offer, 12, None).await.unwrap();
        invoices.push(invoice);
    }
    let opening = 20_000;
    let r = post_key(
        &mut one.client(),
        &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
        &token,
        "opening",
        top_up_body(opening),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let max = one.app.config.prepaid_max_balance;
    // Several instances are a PostgreSQL deployment (README). On SQLite the clients share one
    // instance: two processes on one file race for the write lock through `busy_timeout`, which
    // under 64 clients can exceed it; the in-process writer queue is issue #12.
    let urls = match b {
        Backend::Sqlite => [one.url.clone(), one.url.clone()],
        Backend::Postgres => [one.url.clone(), two.url.clone()],
    };
    let done = Arc::new(AtomicBool::new(false));
    // Readers: never a negative balance, never above the ceiling, never an error.
    let mut readers = Vec::new();
    for r in 0..4usize {
        let (url, token, done) = (urls[r % 2].clone(), token.clone(), done.clone());
        readers.push(tokio::spawn(async move {
            let mut reads = 0u32;
            while !done.load(Ordering::Relaxed) {
                let b = balance_via(&url, &token, org).await;
                assert!((0..=max).contains(&b), "a reader saw the balance at {b}");
                reads += 1;
            }
            reads
        }));
    }
    let mut tasks = Vec::new();
    for (task, invoice) in invoices.into_iter().enumerate() {
        let (urls, token) = (urls.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(0x2026_0002 + task as u64);
            let mut clients = [Client::new(&urls[0]), Client::new(&urls[1])];
            let (mut added, mut paid, mut refused) = (0i64, 0i64, 0u32);
            let mut unpaid = Some(invoice);
            for i in 0..OPS {
                let c = &mut clients[rng.below(2) as usize];
                let key = format!("r2-{task}-{i}");
                let roll = rng.below(100);
                if roll < 50 {
                    let amount = 1_000 + rng.below(4_000) as i64;
                    let path = format!("/api/v1/orgs/{org}/prepaid/top-ups");
                    let r = post_key(c, &path, &token, &key, top_up_body(amount)).await;
                    match r.status {
                        201 => added += amount,
                        422 if r.json()["error"]["fields"][0]["field"] == "amount" => refused += 1,
                        other => panic!("top-up: unexpected {other}: {}", r.body),
                    }
                } else if roll < 60 && unpaid.is_some() {
                    let inv = unpaid.unwrap_or_default();
                    let gross = c.invoice(org, &token, &inv.to_string()).await["gross_minor"]
                        .as_i64()
                        .unwrap();
                    let path = format!("/api/v1/orgs/{org}/payments/checkout");
                    let body = json!({"invoices": [inv], "from_prepaid_minor": gross});
                    let r = post_key(c, &path, &token, &key, body).await;
                    match r.status {
                        200 => {
                            paid += gross;
                            unpaid = None;
                        }
                        422 => {
                            assert!(r.body.contains("balance is not enough"), "{}", r.body);
                            refused += 1;
                        }
                        other => panic!("checkout: unexpected {other}: {}", r.body),
                    }
                } else {
                    let amount = 1 + rng.below(5_000) as i64;
                    let path = format!("/api/v1/orgs/{org}/withdrawals");
                    let r = post_key(c, &path, &token, &key, withdrawal_body(amount)).await;
                    match r.status {
                        201 => paid += amount,
                        422 => {
                            assert!(r.body.contains("balance is not enough"), "{}", r.body);
                            refused += 1;
                        }
                        other => panic!("withdrawal: unexpected {other}: {}", r.body),
                    }
                }
            }
            (added, paid, refused)
        }));
    }
    let (mut added, mut paid, mut refused) = (0, 0, 0);
    for task in tasks {
        let (a, p, r) = task.await.unwrap();
        added += a;
        paid += p;
        refused += r;
    }
    done.store(true, Ordering::Relaxed);
    let mut reads = 0;
    for r in readers {
        reads += r.await.unwrap();
    }
    eprintln!(
        "{} operations over two instances: {refused} refused, {reads} concurrent reads",
        TASKS * OPS
    );
    assert!(
        refused > 0,
        "the run must reach an empty balance at least once"
    );
    let expected = opening + added - paid;
    for url in &urls {
        assert_eq!(balance_via(url, &token, org).await, expected);
    }
    assert_books_balance(&one).await;
}

/// #13's ceiling through HTTP: 32 top-ups of 10.00 at once over two instances on a balance 1.00
/// under room for 10 of them: exactly 10 are accepted and the balance ends at the ceiling.
async fn top_ups_at_the_ceiling_across_two_instances_never_exceed_it(b: Backend) {
    let (one, two) = two_instances(b).await;
    let w = world(&one).await;
    let (org, token) = (w.a.id, w.a.accountant().token.clone());
    let max = one.app.config.prepaid_max_balance;
    let path = format!("/api/v1/orgs/{org}/prepaid/top-ups");
    let step = one.app.config.top_up_max;
    let mut c = one.client();
    let mut balance = 0;
    let mut n = 0;
    // Up to ten minimum top-ups below the ceiling.
    let target = max - 10 * 1_000;
    while balance < target {
        let amount = step.min(target - balance).max(1_000);
        let r = post_key(
            &mut c,
            &path,
            &token,
            &format!("fill-{n}"),
            top_up_body(amount),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        balance += amount;
        n += 1;
    }
    assert_eq!(balance, target);
    let urls = [one.url.clone(), two.url.clone()];
    let mut tasks = Vec::new();
    for i in 0..32usize {
        let (url, token, path) = (urls[i % 2].clone(), token.clone(), path.clone());
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(&url);
            let r = post_key(
                &mut c,
                &path,
                &token,
                &format!("edge-{i}"),
                top_up_body(1_000),
            )
            .await;
            match r.status {
                201 => true,
                422 => {
                    assert!(r.body.contains("above the allowed maximum"), "{}", r.body);
                    false
                }
                other => panic!("unexpected {other}: {}", r.body),
            }
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        accepted += t.await.unwrap() as i64;
    }
    assert_eq!(accepted, 10, "exactly the room left under the ceiling");
    assert_eq!(balance_via(&two.url, &token, org).await, max);
    assert_books_balance(&one).await;
}

/// #7 across two instances: the same key and body 100× at once, half to each instance; another body
/// under the key; the key in another Organization; the key still answered 23 h later.
async fn one_key_a_hundred_times_across_two_instances_moves_money_once(b: Backend) {
    let (one, two) = two_instances(b).await;
    let w = world(&one).await;
    let urls = [one.url.clone(), two.url.clone()];
    let (org, token) = (w.a.id, w.a.lr().token.clone());
    let top_ups = format!("/api/v1/orgs/{org}/prepaid/top-ups");
    let withdrawals = format!("/api/v1/orgs/{org}/withdrawals");
    // A top-up, then a withdrawal of part of it, each under one key sent 100 times.
    for (key, path, body, status, after) in [
        ("order-7", &top_ups, top_up_body(25_000), 201, 25_000),
        (
            "payout-7",
            &withdrawals,
            withdrawal_body(10_000),
            201,
            15_000,
        ),
    ] {
        let mut tasks = Vec::new();
        for i in 0..100usize {
            let (url, token, path, body) = (
                urls[i % 2].clone(),
                token.clone(),
                path.clone(),
                body.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut c = Client::new(&url);
                let r = post_key(&mut c, &path, &token, key, body).await;
                (r.status, r.body)
            }));
        }
        let mut answers = Vec::new();
        for t in tasks {
            answers.push(t.await.unwrap());
        }
        // Every reply is the first answer, or 409 while a card charge under the key is in
        // flight (RELIABILITY.md #7; a top-up's charge is two transactions, issue #13).
        let first = answers
            .iter()
            .find(|a| a.0 != 409)
            .cloned()
            .unwrap_or_else(|| panic!("{path}: every reply was 409"));
        assert_eq!(first.0, status, "{path}: {}", first.1);
        assert!(
            answers
                .iter()
                .all(|a| a == &first || (a.0 == 409 && a.1.contains("\"conflict\""))),
            "{path}: every reply is the first one or 409 in flight: {:?}",
            answers.iter().find(|a| *a != &first && a.0 != 409)
        );
        for url in &urls {
            assert_eq!(balance_via(url, &token, org).await, after, "{path}: once");
        }
        // The same key with another body: refused, nothing moves.
        let other = if path == &top_ups {
            top_up_body(99_000)
        } else {
            withdrawal_body(1_000)
        };
        let r = post_key(&mut Client::new(&urls[1]), path, &token, key, other).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.json()["error"]["fields"][0]["field"], "idempotency_key");
        assert_eq!(balance_via(&urls[0], &token, org).await, after);
        // 23 hours later, on the other instance: still the first answer.
        for t in [&one, &two] {
            t.clock.advance(23 * 3600);
        }
        let r = post_key(&mut Client::new(&urls[1]), path, &token, key, body.clone()).await;
        assert_eq!(
            (r.status, r.body),
            first.clone(),
            "{path}: replayed after 23 h"
        );
        assert_eq!(balance_via(&urls[1], &token, org).await, after);
    }
    // The ledger holds one top-up and one hold for the key.
    let mut db = one.app.db.conn().await.unwrap();
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, org, Currency::Chf);
    let page = ledger::movements(&mut db, &prepaid, &ledger::Page::First, 10)
        .await
        .unwrap();
    let moves = page.movements;
    assert_eq!((moves.len(), page.has_older), (2, false), "{moves:?}");
    // The same key in another Organization: an independent operation.
    let r = post_key(
        &mut Client::new(&urls[1]),
        &format!("/api/v1/orgs/{}/prepaid/top-ups", w.b.id),
        &w.b.lr().token,
        "order-7",
        top_up_body(25_000),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(balance_via(&urls[0], &w.b.lr().token, w.b.id).await, 25_000);
    assert_eq!(balance_via(&urls[0], &token, org).await, 15_000);
    assert_books_balance(&one).await;
}

// ---- #13: scripted interleavings of two transactions -------------------------------------------

/// One step of a scripted transaction.
enum Op {
    Begin,
    BeginRead,
    Balance(AccountRef),
    BalanceForUpdate(AccountRef),
    Post(Vec<Transfer>),
    Commit,
    Rollback,
}

#[derive(Debug, PartialEq)]
enum Out {
    Done,
    Balance(i64),
    Refused,
    Failed(String),
}

/// A connection driven step by step from the test: each step runs in its own task, in order, and
/// the test sees whether it finished or is waiting (blocked by the other transaction).
struct Session {
    ops: tokio::sync::mpsc::UnboundedSender<(Op, tokio::sync::oneshot::Sender<Out>)>,
}

impl Session {
    fn new(db: guichet_store::Db, org: OrgId) -> Session {
        let (ops, mut rx) =
            tokio::sync::mpsc::unbounded_channel::<(Op, tokio::sync::oneshot::Sender<Out>)>();
        tokio::spawn(async move {
            let mut tx: Option<guichet_store::Tx> = None;
            while let Some((op, reply)) = rx.recv().await {
                let out = match op {
                    Op::Begin | Op::BeginRead => {
                        let r = match op {
                            Op::Begin => db.begin().await,
                            _ => db.begin_read().await,
                        };
                        match r {
                            Ok(t) => {
                                tx = Some(t);
                                Out::Done
                            }
                            Err(e) => Out::Failed(e.to_string()),
                        }
                    }
                    Op::Balance(a) | Op::BalanceForUpdate(a) if tx.is_some() => {
                        let c = tx.as_deref_mut();
                        let c = c.expect("open");
                        let r = match op {
                            Op::Balance(_) => ledger::balance(c, &a).await,
                            _ => ledger::balance_for_update(c, &a, 0).await,
                        };
                        match r {
                            Ok(b) => Out::Balance(b),
                            Err(e) => Out::Failed(e.to_string()),
                        }
                    }
                    Op::Post(transfers) if tx.is_some() => {
                        let entry = NewEntry {
                            org: Some(org),
                            kind: "hermitage",
                            description: "scripted",
                            idempotency_key: None,
                            now: 0,
                        };
                        let c = tx.as_deref_mut().expect("open");
                        match ledger::post(c, entry, &transfers).await {
                            Ok(_) => Out::Done,
                            Err(PostError::InsufficientFunds) => Out::Refused,
                            Err(e) => Out::Failed(e.to_string()),
                        }
                    }
                    Op::Commit if tx.is_some() => match tx.take().expect("open").commit().await {
                        Ok(()) => Out::Done,
                        Err(e) => Out::Failed(e.to_string()),
                    },
                    Op::Rollback => {
                        tx = None;
                        Out::Done
                    }
                    _ => Out::Failed("no transaction".into()),
                };
                let _ = reply.send(out);
            }
        });
        Session { ops }
    }

    /// Sends a step; it runs after the session's earlier steps.
    fn send(&self, op: Op) -> Step {
        let (reply, rx) = tokio::sync::oneshot::channel();
        self.ops.send((op, reply)).expect("session alive");
        Step(rx)
    }

    /// Sends a step and waits for it (it must not block).
    async fn run(&self, op: Op) -> Out {
        self.send(op).wait().await
    }
}

struct Step(tokio::sync::oneshot::Receiver<Out>);

impl Step {
    /// The step's outcome if it ends within a short while; `None` while it waits on a lock.
    async fn within_blocked_window(&mut self) -> Option<Out> {
        tokio::time::timeout(Duration::from_millis(400), &mut self.0)
            .await
            .ok()
            .map(|r| r.expect("session alive"))
    }

    /// The outcome, once the other transaction has let go (a deadlock would show as a timeout).
    async fn wait(mut self) -> Out {
        if let Some(out) = self.within_blocked_window().await {
            return out;
        }
        tokio::time::timeout(Duration::from_secs(20), self.0)
            .await
            .expect("the step never finished: a deadlock")
            .expect("session alive")
    }
}

fn chf(kind: AccountKind, org: OrgId) -> AccountRef {
    AccountRef::of_org(kind, org, Currency::Chf)
}

async fn fund(t: &TestApp, org: OrgId, amount: i64) {
    let s = Session::new(t.app.db.clone(), org);
    assert_eq!(s.run(Op::Begin).await, Out::Done);
    let top_up = Transfer {
        debit: AccountRef::provider(AccountKind::CardClearing, Currency::Chf),
        credit: chf(AccountKind::Prepaid, org),
        amount,
    };
    assert_eq!(s.run(Op::Post(vec![top_up])).await, Out::Done);
    assert_eq!(s.run(Op::Commit).await, Out::Done);
}

async fn balance_now(t: &TestApp, a: &AccountRef) -> i64 {
    let mut c = t.app.db.conn().await.unwrap();
    ledger::balance(&mut c, a).await.unwrap()
}

/// P4 (lost update): T1 and T2 both read the balance (100.00), each debits it, T1 commits, then
/// T2. With two debits of 60.00 the second is refused (it must not apply on the stale 100.00); with
/// two of 30.00 both apply on the new value (40.00 left, not 70.00). On SQLite T2 waits at its
/// `BEGIN IMMEDIATE`; on PostgreSQL at its write, on T1's row lock.
async fn lost_update_two_debits_of_one_balance(b: Backend) {
    let t = TestApp::spawn(b).await;
    for (debit, second_applies) in [(6_000, false), (3_000, true)] {
        let org = new_org(&t, "P4").await;
        fund(&t, org, 10_000).await;
        let prepaid = chf(AccountKind::Prepaid, org);
        let pay = vec![Transfer {
            debit: prepaid,
            credit: AccountRef::provider(AccountKind::Revenue, Currency::Chf),
            amount: debit,
        }];
        let (t1, t2) = (
            Session::new(t.app.db.clone(), org),
            Session::new(t.app.db.clone(), org),
        );
        assert_eq!(t1.run(Op::Begin).await, Out::Done);
        assert_eq!(t1.run(Op::Balance(prepaid)).await, Out::Balance(10_000));
        let mut begin2 = t2.send(Op::Begin);
        let begun = begin2.within_blocked_window().await;
        let mut read2 = t2.send(Op::Balance(prepaid));
        let read = read2.within_blocked_window().await;
        match b {
            Backend::Sqlite => assert_eq!(
                (&begun, &read),
                (&None, &None),
                "SQLite: a write transaction waits at BEGIN IMMEDIATE while another writes"
            ),
            Backend::Postgres => assert_eq!(
                (&begun, &read),
                (&Some(Out::Done), &Some(Out::Balance(10_000))),
                "PostgreSQL: both read the same balance"
            ),
        }
        assert_eq!(t1.run(Op::Post(pay.clone())).await, Out::Done);
        let mut post2 = t2.send(Op::Post(pay.clone()));
        assert_eq!(
            post2.within_blocked_window().await,
            None,
            "T2's debit waits for T1"
        );
        assert_eq!(t1.run(Op::Commit).await, Out::Done);
        if b == Backend::Sqlite {
            assert_eq!(begin2.wait().await, Out::Done);
            assert_eq!(
                read2.wait().await,
                Out::Balance(10_000 - debit),
                "T2 reads after T1"
            );
        }
        let second = post2.wait().await;
        if second_applies {
            assert_eq!(second, Out::Done);
            assert_eq!(t2.run(Op::Commit).await, Out::Done);
        } else {
            assert_eq!(second, Out::Refused, "a clean 'insufficient balance'");
            assert_eq!(t2.run(Op::Rollback).await, Out::Done);
        }
        let expected = 10_000 - debit - if second_applies { debit } else { 0 };
        assert_eq!(balance_now(&t, &prepaid).await, expected, "debit {debit}");
    }
    assert_books_balance(&t).await;
}

/// G-single (read skew): a reader on one snapshot reads the balance, a writer moves 30.00 from the
/// balance to the withdrawal hold and commits, the reader reads the hold: the reader's sum is still
/// the total (on both orders of reading), and the writer was never held up by the reader.
async fn read_skew_a_snapshot_sees_a_constant_sum(b: Backend) {
    let t = TestApp::spawn(b).await;
    for prepaid_first in [true, false] {
        let org = new_org(&t, "G-single").await;
        fund(&t, org, 10_000).await;
        let (prepaid, hold) = (
            chf(AccountKind::Prepaid, org),
            chf(AccountKind::WithdrawalHold, org),
        );
        let (first, second) = if prepaid_first {
            (prepaid, hold)
        } else {
            (hold, prepaid)
        };
        let (reader, writer) = (
            Session::new(t.app.db.clone(), org),
            Session::new(t.app.db.clone(), org),
        );
        assert_eq!(reader.run(Op::BeginRead).await, Out::Done);
        let Out::Balance(a) = reader.run(Op::Balance(first)).await else {
            panic!("read")
        };
        let mut steps = vec![
            writer.send(Op::Begin),
            writer.send(Op::Post(vec![Transfer {
                debit: prepaid,
                credit: hold,
                amount: 3_000,
            }])),
            writer.send(Op::Commit),
        ];
        for s in &mut steps {
            assert_eq!(
                s.within_blocked_window().await,
                Some(Out::Done),
                "a reader does not hold a writer up"
            );
        }
        let Out::Balance(b2) = reader.run(Op::Balance(second)).await else {
            panic!("read")
        };
        assert_eq!(a + b2, 10_000, "one snapshot: the sum is the total");
        assert_eq!(
            reader.run(Op::Balance(first)).await,
            Out::Balance(a),
            "a second read in the snapshot agrees with the first"
        );
        assert_eq!(reader.run(Op::Commit).await, Out::Done);
        assert_eq!(balance_now(&t, &prepaid).await, 7_000);
        assert_eq!(balance_now(&t, &hold).await, 3_000);
    }
    assert_books_balance(&t).await;
}

/// G2-item (write skew) on the ceiling check: T1 and T2 each check that their 40.00 top-up keeps the
/// balance (450.00) under a 500.00 ceiling, then credit it. Each is allowed alone, together they
/// exceed it: the check reads under the account's lock (`balance_for_update`, what the top-up use
/// case does), so T2 waits for T1 and then sees 490.00 and refuses.
async fn write_skew_two_top_ups_each_under_the_ceiling(b: Backend) {
    const CEILING: i64 = 50_000;
    let t = TestApp::spawn(b).await;
    let org = new_org(&t, "G2-item").await;
    fund(&t, org, 45_000).await;
    let prepaid = chf(AccountKind::Prepaid, org);
    let credit = vec![Transfer {
        debit: AccountRef::provider(AccountKind::CardClearing, Currency::Chf),
        credit: prepaid,
        amount: 4_000,
    }];
    let (t1, t2) = (
        Session::new(t.app.db.clone(), org),
        Session::new(t.app.db.clone(), org),
    );
    assert_eq!(t1.run(Op::Begin).await, Out::Done);
    assert_eq!(
        t1.run(Op::BalanceForUpdate(prepaid)).await,
        Out::Balance(45_000)
    );
    let begin2 = t2.send(Op::Begin);
    let mut check2 = t2.send(Op::BalanceForUpdate(prepaid));
    assert_eq!(
        check2.within_blocked_window().await,
        None,
        "T2's check waits while T1 may still credit"
    );
    assert_eq!(t1.run(Op::Post(credit.clone())).await, Out::Done);
    assert_eq!(t1.run(Op::Commit).await, Out::Done);
    assert_eq!(begin2.wait().await, Out::Done);
    let Out::Balance(seen) = check2.wait().await else {
        panic!("check")
    };
    assert_eq!(seen, 49_000, "T2 checks the balance T1 left");
    assert!(seen + 4_000 > CEILING, "so T2 refuses");
    assert_eq!(t2.run(Op::Rollback).await, Out::Done);
    assert_eq!(balance_now(&t, &prepaid).await, 49_000);
    assert_books_balance(&t).await;
}

/// Under contention (16 writers × 25 read-then-write transactions moving money between the balance
/// and the hold, 4 snapshot readers): no writer fails except with "insufficient balance" (on SQLite
/// no `SQLITE_BUSY_SNAPSHOT`, no "database is locked"), and every snapshot sums to the total.
async fn contention_no_busy_snapshot_and_snapshots_stay_consistent(b: Backend) {
    let t = TestApp::spawn(b).await;
    let org = new_org(&t, "Contention").await;
    fund(&t, org, 20_000).await;
    let (prepaid, hold) = (
        chf(AccountKind::Prepaid, org),
        chf(AccountKind::WithdrawalHold, org),
    );
    let done = Arc::new(AtomicBool::new(false));
    let mut readers = Vec::new();
    for _ in 0..4 {
        let (db, done) = (t.app.db.clone(), done.clone());
        readers.push(tokio::spawn(async move {
            let mut n = 0u32;
            while !done.load(Ordering::Relaxed) {
                let mut tx = db.begin_read().await.expect("a snapshot");
                let p = ledger::balance(&mut tx, &prepaid).await.expect("read");
                tokio::task::yield_now().await;
                let h = ledger::balance(&mut tx, &hold).await.expect("read");
                assert_eq!(p + h, 20_000, "one snapshot sums to the total");
                assert!(p >= 0 && h >= 0);
                n += 1;
            }
            n
        }));
    }
    let mut writers = Vec::new();
    for w in 0..16u64 {
        let db = t.app.db.clone();
        writers.push(tokio::spawn(async move {
            let mut rng = Rng(w + 13);
            let mut refused = 0u32;
            for _ in 0..25 {
                let mut tx = db.begin().await.expect("begin");
                let (from, to) = if rng.chance(50) {
                    (prepaid, hold)
                } else {
                    (hold, prepaid)
                };
                // Read before the write, as a use case does (on SQLite this is what a deferred
                // BEGIN would turn into SQLITE_BUSY_SNAPSHOT).
                ledger::balance(&mut tx, &from).await.expect("read");
                let amount = 1 + rng.below(4_000) as i64;
                let entry = NewEntry {
                    org: Some(org),
                    kind: "contention",
                    description: "x",
                    idempotency_key: None,
                    now: 0,
                };
                let move_ = Transfer {
                    debit: from,
                    credit: to,
                    amount,
                };
                match ledger::post(&mut tx, entry, &[move_]).await {
                    Ok(_) => tx.commit().await.expect("commit"),
                    Err(PostError::InsufficientFunds) => refused += 1,
                    Err(e) => panic!("only 'insufficient balance' may refuse, got: {e}"),
                }
            }
            refused
        }));
    }
    let mut refused = 0;
    for w in writers {
        refused += w.await.unwrap();
    }
    done.store(true, Ordering::Relaxed);
    let mut reads = 0;
    for r in readers {
        reads += r.await.unwrap();
    }
    eprintln!("400 contended transactions: {refused} refused; {reads} snapshots");
    assert!(reads > 0);
    assert_eq!(
        balance_now(&t, &prepaid).await + balance_now(&t, &hold).await,
        20_000
    );
    assert_books_balance(&t).await;
}
