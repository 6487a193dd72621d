//! Group commit for SQLite's one writer connection (issue #12).
//!
//! SQLite commits one transaction at a time, and with `synchronous = FULL` every commit waits for
//! the disk (an fsync of the WAL). Under many clients that wait, not the statements, is a large part
//! of a write's time on the writer — and a card top-up is three durable commits (issue #13). Here
//! the write transactions that queue for the writer share commits: each one runs as a `SAVEPOINT`
//! inside one outer `BEGIN IMMEDIATE … COMMIT`, and the outer transaction is committed when no
//! other transaction is waiting for the writer (or the group is [`MAX_MEMBERS`] long, or
//! [`MAX_AGE`] old). A transaction's `commit()` returns only once the outer `COMMIT` is durable, so
//! a caller never acts on a write that could still be lost; if that `COMMIT` fails, every
//! transaction of the group is told it failed, and none of them was written. A transaction rolled
//! back (or dropped) is rolled back to its savepoint: the others of its group keep their writes.
//!
//! This is the technique of PostgreSQL's `commit_delay` and of InnoDB's group commit, without
//! their timed wait: a group closes as soon as nobody is queued behind it, so one client alone
//! commits exactly as before.
//!
//! Invariants: a [`Member`] holds the group's lock from its `SAVEPOINT` to its `RELEASE` or
//! `ROLLBACK TO` (so savepoints never interleave); the outer transaction is open iff
//! `State::open`; `State::acked` holds the members released and waiting for the outer commit. The
//! group owns the writer connection; [`crate::Db::write_conn`] (single statements, each its own
//! commit) queues for the same lock and commits the open group first.

use crate::{Result, StoreError};
use sqlx::{AnyConnection, Connection};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, OwnedMutexGuard, oneshot};

/// A group commits when it has this many members released and waiting, whoever is queued.
const MAX_MEMBERS: usize = 64;
/// … or when its outer transaction has been open this long (a bound on the wait a member adds to
/// the ones before it).
const MAX_AGE: Duration = Duration::from_millis(10);
/// A released member whose group has not committed after this long commits it itself (the one
/// queued behind it that should have done so gave up waiting, e.g. its request was cancelled).
const ORPHAN_WAIT: Duration = Duration::from_millis(20);

type Outcome = std::result::Result<(), String>;

pub(crate) struct State {
    /// The writer connection.
    conn: AnyConnection,
    /// It failed in a way that may have left it unusable: the next holder opens a new one.
    broken: bool,
    /// The outer transaction is open, since `opened`.
    open: bool,
    opened: Option<Instant>,
    /// Members released (their savepoint merged into the outer transaction), told the outcome of
    /// its `COMMIT`.
    acked: Vec<oneshot::Sender<Outcome>>,
    /// A member was dropped without a commit or a rollback: the next holder of the lock rolls its
    /// savepoint back first.
    dangling: bool,
}

/// The writer's group commit: the queue (a fair async mutex) and how many wait in it.
#[derive(Clone)]
pub(crate) struct Group {
    state: Arc<Mutex<State>>,
    waiting: Arc<AtomicUsize>,
    url: Arc<str>,
    queue_timeout: Duration,
    stats: Arc<Counters>,
}

#[derive(Default)]
struct Counters {
    transactions: AtomicU64,
    commits: AtomicU64,
}

/// How many write transactions committed, in how many durable commits (the tests check that
/// concurrent transactions do share commits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupStats {
    pub transactions: u64,
    pub commits: u64,
}

impl std::fmt::Debug for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Group")
            .field("waiting", &self.waiting.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// A write transaction of a group: a savepoint on the writer connection, the group's lock held.
pub struct Member {
    guard: OwnedMutexGuard<State>,
    group: Group,
    ended: bool,
}

/// The writer connection for single statements outside a transaction, the group's lock held
/// (the open group committed first).
pub struct Single {
    guard: OwnedMutexGuard<State>,
}

/// Counts a task as waiting for the group's lock until dropped (also when its future is dropped).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn failed(why: String) -> StoreError {
    StoreError::Sqlx(sqlx::Error::Protocol(format!("group commit: {why}")))
}

async fn exec(state: &mut State, sql: &'static str) -> Result<()> {
    sqlx::raw_sql(sql).execute(&mut state.conn).await?;
    Ok(())
}

/// Opens the writer connection: WAL (readers find the file switched), durable commits.
pub(crate) async fn open_writer(url: &str) -> Result<AnyConnection> {
    let mut conn = AnyConnection::connect(url).await?;
    sqlx::raw_sql(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
    )
    .execute(&mut conn)
    .await?;
    Ok(conn)
}

impl Group {
    pub(crate) async fn open(url: &str, queue_timeout: Duration) -> Result<Group> {
        let conn = open_writer(url).await?;
        Ok(Group {
            state: Arc::new(Mutex::new(State {
                conn,
                broken: false,
                open: false,
                opened: None,
                acked: Vec::new(),
                dangling: false,
            })),
            waiting: Arc::new(AtomicUsize::new(0)),
            url: url.into(),
            queue_timeout,
            stats: Arc::default(),
        })
    }

    pub(crate) fn stats(&self) -> GroupStats {
        GroupStats {
            transactions: self.stats.transactions.load(Ordering::Relaxed),
            commits: self.stats.commits.load(Ordering::Relaxed),
        }
    }

    /// Queues for the writer (first come, first served) and returns its lock, the connection
    /// usable (a dangling savepoint rolled back, a broken connection replaced).
    async fn lock(&self) -> Result<OwnedMutexGuard<State>> {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let waiting = Waiting(&self.waiting);
        let mut guard = tokio::time::timeout(self.queue_timeout, self.state.clone().lock_owned())
            .await
            .map_err(|_| StoreError::Sqlx(sqlx::Error::PoolTimedOut))?;
        drop(waiting);
        settle_dangling(&mut guard).await;
        if guard.broken {
            let fresh = open_writer(&self.url).await?;
            let old = std::mem::replace(&mut guard.conn, fresh);
            let _ = old.close().await;
            guard.broken = false;
        }
        Ok(guard)
    }

    /// A new write transaction: the group's lock, the outer transaction opened if it is not, and
    /// a savepoint for this one.
    pub(crate) async fn begin(&self) -> Result<Member> {
        let mut guard = self.lock().await?;
        if let Err(e) = enter(&mut guard).await {
            self.leave(&mut guard).await;
            return Err(e);
        }
        Ok(Member {
            guard,
            group: self.clone(),
            ended: false,
        })
    }

    /// The connection for single statements: the open group (if any) committed first.
    pub(crate) async fn single(&self) -> Result<Single> {
        let mut guard = self.lock().await?;
        self.flush(&mut guard).await;
        Ok(Single { guard })
    }

    /// Before the lock is let go: commits the group when nobody is queued to continue it (or it is
    /// long or old enough).
    async fn leave(&self, state: &mut State) {
        let due = state.acked.len() >= MAX_MEMBERS
            || state.opened.is_some_and(|t| t.elapsed() >= MAX_AGE)
            || self.waiting.load(Ordering::SeqCst) == 0;
        if due {
            self.flush(state).await;
        }
    }

    /// Commits the outer transaction (if open) and tells every member released into it the
    /// outcome.
    async fn flush(&self, state: &mut State) {
        settle_dangling(state).await;
        if !state.open {
            fail_waiting(state, "the transaction was lost");
            return;
        }
        let members = state.acked.len() as u64;
        let outcome = exec(state, "COMMIT").await.map_err(|e| e.to_string());
        match &outcome {
            Ok(()) if members == 0 => {}
            Ok(()) => {
                self.stats.commits.fetch_add(1, Ordering::Relaxed);
                self.stats
                    .transactions
                    .fetch_add(members, Ordering::Relaxed);
            }
            Err(_) => abandon(state).await,
        }
        state.open = false;
        state.opened = None;
        for a in std::mem::take(&mut state.acked) {
            let _ = a.send(outcome.clone());
        }
    }
}

async fn enter(state: &mut State) -> Result<()> {
    if !state.open {
        exec(state, "BEGIN IMMEDIATE").await?;
        state.open = true;
        state.opened = Some(Instant::now());
    }
    if let Err(e) = exec(state, "SAVEPOINT guichet_write").await {
        fail_group(state, "a savepoint could not be opened").await;
        return Err(e);
    }
    Ok(())
}

fn fail_waiting(state: &mut State, why: &str) {
    for a in std::mem::take(&mut state.acked) {
        let _ = a.send(Err(format!("group commit: {why}")));
    }
}

/// The outer transaction failed: rolled back, nothing of it kept (the connection replaced at the
/// next lock if even that fails).
async fn abandon(state: &mut State) {
    if state.open && exec(state, "ROLLBACK").await.is_err() {
        state.broken = true;
    }
    state.open = false;
    state.opened = None;
}

/// The outer transaction cannot go on (SQLite rolled it back after an I/O error, say): every
/// member waiting for it is told it failed.
async fn fail_group(state: &mut State, why: &str) {
    abandon(state).await;
    fail_waiting(state, why);
}

/// Rolls back the savepoint of a member dropped without ending.
async fn settle_dangling(state: &mut State) {
    if std::mem::take(&mut state.dangling) && rollback_to(state).await.is_err() {
        fail_group(state, "a savepoint could not be rolled back").await;
    }
}

async fn rollback_to(state: &mut State) -> Result<()> {
    exec(state, "ROLLBACK TO guichet_write").await?;
    exec(state, "RELEASE guichet_write").await
}

impl Member {
    pub(crate) fn conn(&self) -> &AnyConnection {
        &self.guard.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut AnyConnection {
        &mut self.guard.conn
    }

    /// Merges this transaction into its group and returns once the group's commit is durable.
    pub(crate) async fn commit(mut self) -> Result<()> {
        self.ended = true;
        let group = self.group.clone();
        if let Err(e) = exec(&mut self.guard, "RELEASE guichet_write").await {
            fail_group(&mut self.guard, "a savepoint could not be released").await;
            group.leave(&mut self.guard).await;
            return Err(e);
        }
        let (tx, mut rx) = oneshot::channel();
        self.guard.acked.push(tx);
        group.leave(&mut self.guard).await;
        drop(self);
        let outcome = match tokio::time::timeout(ORPHAN_WAIT, &mut rx).await {
            Ok(outcome) => outcome,
            // Nobody has committed the group after us yet: commit it ourselves (the lock makes
            // sure no other commit of it is under way).
            Err(_) => {
                let mut guard = group.lock().await?;
                match rx.try_recv() {
                    Ok(outcome) => Ok(outcome),
                    Err(_) => {
                        group.flush(&mut guard).await;
                        drop(guard);
                        rx.await
                    }
                }
            }
        };
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(why)) => Err(failed(why)),
            Err(_) => Err(failed("the commit was never answered".into())),
        }
    }

    /// Undoes this transaction; the group's others keep their writes.
    pub(crate) async fn rollback(mut self) -> Result<()> {
        self.ended = true;
        let group = self.group.clone();
        let r = rollback_to(&mut self.guard).await;
        if r.is_err() {
            fail_group(&mut self.guard, "a savepoint could not be rolled back").await;
        }
        group.leave(&mut self.guard).await;
        r
    }
}

impl Drop for Member {
    /// Dropped without a commit or a rollback (an error returned early): its savepoint is rolled
    /// back by the lock's next holder — a task queued for it now, so that a group whose last
    /// member this was is committed (or the file's write lock let go) without waiting for one.
    fn drop(&mut self) {
        if self.ended {
            return;
        }
        self.guard.dangling = true;
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let group = self.group.clone();
            rt.spawn(async move {
                if let Ok(mut guard) = group.lock().await {
                    group.leave(&mut guard).await;
                }
            });
        }
    }
}

impl std::ops::Deref for Single {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.guard.conn
    }
}

impl std::ops::DerefMut for Single {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.guard.conn
    }
}
