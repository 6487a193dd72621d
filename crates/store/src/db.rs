//! The pool, the backend switch and transactions.

use crate::{Result, StoreError};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool};
use std::time::Duration;

pub type Conn = sqlx::AnyConnection;

/// A transaction: `&mut tx` is a `&mut Conn` for the queries; end it with [`Tx::commit`] (a
/// transaction dropped without it is rolled back). On SQLite a write transaction is a member of a
/// group commit ([`crate::group`]); reads and PostgreSQL use sqlx's transactions.
pub struct Tx(TxInner);

enum TxInner {
    Sqlx(sqlx::Transaction<'static, Any>),
    Group(crate::group::Member),
}

impl std::ops::Deref for Tx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        match &self.0 {
            TxInner::Sqlx(t) => t,
            TxInner::Group(m) => m.conn(),
        }
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        match &mut self.0 {
            TxInner::Sqlx(t) => t,
            TxInner::Group(m) => m.conn_mut(),
        }
    }
}

impl Tx {
    /// Commits; on SQLite it returns once the group this transaction joined is durably committed.
    pub async fn commit(self) -> Result<()> {
        match self.0 {
            TxInner::Sqlx(t) => Ok(t.commit().await?),
            TxInner::Group(m) => m.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<()> {
        match self.0 {
            TxInner::Sqlx(t) => Ok(t.rollback().await?),
            TxInner::Group(m) => m.rollback().await,
        }
    }
}

/// The connection for writes outside a transaction ([`Db::write_conn`]).
pub enum WriteConn {
    Pool(PoolConnection<Any>),
    Single(crate::group::Single),
}

impl std::ops::Deref for WriteConn {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        match self {
            WriteConn::Pool(c) => c,
            WriteConn::Single(s) => s,
        }
    }
}

impl std::ops::DerefMut for WriteConn {
    fn deref_mut(&mut self) -> &mut Conn {
        match self {
            WriteConn::Pool(c) => c,
            WriteConn::Single(s) => s,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database. On SQLite, writes go through one writer connection that write transactions queue
/// for in-process (fair, first come first served), and reads through a pool of read-only
/// connections (`PRAGMA query_only`: a write sent to a reader is refused, so a use case that writes
/// through [`Db::conn`] fails in the tests instead of racing the writer). SQLite allows one writer
/// at a time anyway: queueing for it here, instead of eight connections racing for `BEGIN
/// IMMEDIATE` and sleeping on `busy_timeout`, is what keeps writes fast under many clients
/// (issue #12), and queued transactions share their durable commits ([`crate::group`]: group
/// commit). `busy_timeout` stays for other processes on the same file (a CLI command while
/// `serve` runs). On PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    /// Reads (and, on PostgreSQL, everything).
    pool: AnyPool,
    /// Writes: on PostgreSQL the same pool as `pool`; on SQLite without group commit a pool of
    /// exactly one connection (unopened with it).
    writer: AnyPool,
    /// On SQLite: the group commit that owns the writer connection and that writes queue for.
    group: Option<crate::group::Group>,
    backend: Backend,
}

/// How long a write waits for SQLite's one writer connection before it is refused: the longest
/// write transactions (a batch of the billing run or of a bank import) take well under a second.
const WRITER_QUEUE_TIMEOUT: Duration = Duration::from_secs(30);

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
        if backend == Backend::Postgres {
            let pool = AnyPoolOptions::new()
                .acquire_timeout(Duration::from_secs(10))
                .max_connections(16)
                .connect(&url)
                .await?;
            return Ok(Db {
                writer: pool.clone(),
                pool,
                group: None,
                backend,
            });
        }
        // `GUICHET_SQLITE_GROUP_COMMIT=off`: one commit per transaction, as before group commit
        // (for measuring it, or as a way back should it misbehave).
        let grouped = std::env::var("GUICHET_SQLITE_GROUP_COMMIT")
            .map_or(true, |v| !matches!(v.trim(), "off" | "0" | "false" | "no"));
        // The writer first: it switches the file to WAL, which readers then find. With group
        // commit the group owns it, and the pool of one writer stays unopened.
        let group = if grouped {
            Some(crate::group::Group::open(&url, WRITER_QUEUE_TIMEOUT).await?)
        } else {
            None
        };
        let writer = AnyPoolOptions::new()
            .acquire_timeout(WRITER_QUEUE_TIMEOUT)
            .max_connections(1)
            .after_connect(|conn, _meta| {
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
        let writer = if grouped {
            writer.connect_lazy(&url)?
        } else {
            writer.connect(&url).await?
        };
        let pool = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .max_connections(8)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    sqlx::raw_sql(
                        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                         PRAGMA query_only = ON;",
                    )
                    .execute(conn)
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        Ok(Db {
            pool,
            writer,
            group,
            backend,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// On SQLite with group commit: the write transactions committed so far and the durable
    /// commits they took.
    pub fn group_stats(&self) -> Option<crate::GroupStats> {
        self.group.as_ref().map(crate::group::Group::stats)
    }

    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// transaction that reads before it writes never fails with a stale snapshot.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(Tx(match (&self.group, self.backend) {
            (Some(group), _) => TxInner::Group(group.begin().await?),
            (None, Backend::Sqlite) => {
                TxInner::Sqlx(self.writer.begin_with("BEGIN IMMEDIATE").await?)
            }
            (None, Backend::Postgres) => TxInner::Sqlx(self.writer.begin().await?),
        }))
    }

    /// A read-only transaction on one snapshot: every read in it sees the database as of its first
    /// read, whatever commits meanwhile (no read skew between two balances, or between a balance and
    /// its movements). PostgreSQL: `REPEATABLE READ READ ONLY`; SQLite (WAL): a deferred `BEGIN`,
    /// whose snapshot is taken at the first read and which never blocks writers.
    pub async fn begin_read(&self) -> Result<Tx> {
        Ok(Tx(TxInner::Sqlx(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN").await?,
            Backend::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })))
    }

    /// A pooled connection for reads outside a transaction. On SQLite it is read-only: a write
    /// through it fails ("attempt to write a readonly database"); use [`Db::write_conn`] or
    /// [`Db::begin`].
    pub async fn conn(&self) -> Result<PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// A connection for writes outside a transaction (each statement commits on its own). On
    /// SQLite it is the one writer connection: hold it briefly, and never ask for [`Db::begin`] or
    /// another `write_conn` while holding it (that would wait for itself).
    pub async fn write_conn(&self) -> Result<WriteConn> {
        Ok(match &self.group {
            Some(group) => WriteConn::Single(group.single().await?),
            None => WriteConn::Pool(self.writer.acquire().await?),
        })
    }

    /// Is the database reachable and readable? Reads a real table (`SELECT 1` alone would answer
    /// on SQLite while another process holds the file locked). Unbounded: callers that must answer
    /// in time wrap it in a timeout (the health check does).
    /// On SQLite the writer is checked too (it takes the write lock and lets go at once): readers
    /// answer while another process holds the write lock, but nothing could be changed.
    pub async fn ping(&self) -> Result<()> {
        let mut c = self.pool.acquire().await?;
        sqlx::query("SELECT COUNT(*) FROM schema_migrations")
            .fetch_one(&mut *c)
            .await?;
        drop(c);
        if self.backend == Backend::Sqlite {
            self.begin().await?.rollback().await?;
        }
        Ok(())
    }

    pub async fn migrate(&self) -> Result<Vec<String>> {
        crate::migrate::run(self).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
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
