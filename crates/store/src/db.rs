//! The pool, the backend switch and transactions.

use crate::{Result, StoreError};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool};
use std::time::Duration;

pub type Conn = sqlx::AnyConnection;
pub type Tx = sqlx::Transaction<'static, Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to `sqlite://path` (the file is created if absent) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db> {
        install_default_drivers();
        let (backend, url) = if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            if path.is_empty() {
                return Err(StoreError::Config("sqlite URL has no file name".into()));
            }
            let url = if url.contains('?') {
                url.to_string()
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(StoreError::Config(format!(
                "unsupported database URL {url:?}: use sqlite://FILE or postgres://…"
            )));
        };
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        if backend == Backend::Sqlite {
            options = options.max_connections(8).after_connect(|conn, _meta| {
                Box::pin(async move {
                    sqlx::raw_sql(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                    )
                    .execute(conn)
                    .await?;
                    Ok(())
                })
            });
        } else {
            options = options.max_connections(16);
        }
        let pool = options.connect(&url).await?;
        Ok(Db { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// transaction that reads before it writes never fails with a stale snapshot.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// A read-only transaction on one snapshot: every read in it sees the database as of its first
    /// read, whatever commits meanwhile (no read skew between two balances, or between a balance and
    /// its movements). PostgreSQL: `REPEATABLE READ READ ONLY`; SQLite (WAL): a deferred `BEGIN`,
    /// whose snapshot is taken at the first read and which never blocks writers.
    pub async fn begin_read(&self) -> Result<Tx> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN").await?,
            Backend::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })
    }

    /// A pooled connection for reads outside a transaction.
    pub async fn conn(&self) -> Result<PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// Is the database reachable and readable? Reads a real table (`SELECT 1` alone would answer
    /// on SQLite while another process holds the file locked). Unbounded: callers that must answer
    /// in time wrap it in a timeout (the health check does).
    pub async fn ping(&self) -> Result<()> {
        let mut c = self.pool.acquire().await?;
        sqlx::query("SELECT COUNT(*) FROM schema_migrations")
            .fetch_one(&mut *c)
            .await?;
        Ok(())
    }

    pub async fn migrate(&self) -> Result<Vec<String>> {
        crate::migrate::run(self).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Creates a fresh PostgreSQL database next to `base_url` (same server and user) and returns its
/// URL. Used by the test suite so that every test has its own database.
pub async fn create_postgres_database(base_url: &str, name: &str) -> Result<String> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(StoreError::Config(format!("bad database name {name:?}")));
    }
    install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(base_url)
        .await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await?;
    pool.close().await;
    let (head, _) = base_url.split_once('?').unwrap_or((base_url, ""));
    let cut = head
        .rfind('/')
        .filter(|i| *i > "postgres://".len())
        .unwrap_or(head.len());
    Ok(format!("{}/{name}", &head[..cut]))
}
