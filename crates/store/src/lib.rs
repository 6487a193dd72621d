//! The database: one connection pool over SQLite or PostgreSQL (sqlx's `Any` driver with portable SQL),
//! the migrations, and typed queries. Nothing outside this crate writes SQL.
//!
//! Every query function takes `&mut Conn`, so the caller decides whether it runs inside a transaction
//! (`db.begin()`), on a pooled connection for reads (`db.conn()`, read-only on SQLite) or for
//! single writes (`db.write_conn()`).

mod db;
mod group;
mod migrate;
mod row;

pub mod addresses;
pub mod audit;
pub mod bank_transactions;
pub mod bench;
pub mod billing;
pub mod charges;
pub mod credit_notes;
pub mod idempotency;
pub mod invitations;
pub mod kb;
pub mod keyset;
pub mod ledger;
pub mod memberships;
pub mod orgs;
pub mod outbox;
pub mod payment_requests;
pub mod provision;
pub mod reminders;
pub mod renewals;
pub mod sessions;
pub mod signups;
pub mod sites;
pub mod support;
pub mod support_requests;
pub mod teams;
pub mod throttle;
pub mod tokens;
pub mod transition;
pub mod users;
pub mod webhooks;
pub mod withdrawals;

pub use db::{Backend, Conn, Db, Tx, create_postgres_database};
pub use group::GroupStats;
/// The driver's error (what `Tx::commit` returns).
pub use sqlx::Error as DriverError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("corrupt row in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
    #[error("configuration: {0}")]
    Config(String),
    /// A status change that core's `can_become` does not allow (a bug in the caller).
    #[error("transition refused: {0}")]
    Transition(String),
}

impl StoreError {
    /// True when the error is a UNIQUE constraint violation (a duplicate).
    pub fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Sqlx(e) => e
                .as_database_error()
                .is_some_and(sqlx::error::DatabaseError::is_unique_violation),
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Runs one raw statement — for tests that check what the database itself refuses. Not for
/// application code (which goes through the typed functions of this crate).
#[doc(hidden)]
pub async fn testing_execute(c: &mut Conn, sql: &'static str) -> Result<u64> {
    Ok(sqlx::query(sql).execute(c).await?.rows_affected())
}
