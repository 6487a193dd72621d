//! Migrations: numbered SQL files embedded in the binary, applied in order, each in its own
//! transaction, recorded in `schema_migrations`. The SQL is portable between SQLite and PostgreSQL;
//! a migration that must differ provides a per-backend variant in `MIGRATIONS`.
//! On PostgreSQL an advisory lock keeps two instances that start together from racing.

use crate::{Backend, Db, Result};

struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
    postgres_sql: Option<&'static str>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "identity",
        sql: include_str!("../migrations/0001_identity.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 2,
        name: "ledger",
        sql: include_str!("../migrations/0002_ledger.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 3,
        name: "append_only",
        sql: include_str!("../migrations/0003_append_only.sqlite.sql"),
        postgres_sql: Some(include_str!("../migrations/0003_append_only.postgres.sql")),
    },
    Migration {
        version: 4,
        name: "payments",
        sql: include_str!("../migrations/0004_payments.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 5,
        name: "billing_addresses",
        sql: include_str!("../migrations/0005_billing_addresses.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 6,
        name: "kb",
        sql: include_str!("../migrations/0006_kb.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 7,
        name: "payment_requests",
        sql: include_str!("../migrations/0007_payment_requests.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 8,
        name: "bank_transactions",
        sql: include_str!("../migrations/0008_bank_transactions.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 9,
        name: "payout_files",
        sql: include_str!("../migrations/0009_payout_files.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 10,
        name: "billing",
        sql: include_str!("../migrations/0010_billing.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 11,
        name: "teams",
        sql: include_str!("../migrations/0011_teams.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 12,
        name: "renewals",
        sql: include_str!("../migrations/0012_renewals.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 13,
        name: "support",
        sql: include_str!("../migrations/0013_support.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 14,
        name: "sites",
        sql: include_str!("../migrations/0014_sites.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 15,
        name: "reminders",
        sql: include_str!("../migrations/0015_reminders.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 16,
        name: "credit_notes",
        sql: include_str!("../migrations/0016_credit_notes.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 17,
        name: "product_cancellation",
        sql: include_str!("../migrations/0017_product_cancellation.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 18,
        name: "money_states",
        sql: include_str!("../migrations/0018_money_states.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 19,
        name: "money_range",
        sql: include_str!("../migrations/0019_money_range.sqlite.sql"),
        postgres_sql: Some(include_str!("../migrations/0019_money_range.postgres.sql")),
    },
    Migration {
        version: 20,
        name: "bank_once",
        sql: include_str!("../migrations/0020_bank_once.sqlite.sql"),
        postgres_sql: Some(include_str!("../migrations/0020_bank_once.postgres.sql")),
    },
    Migration {
        version: 21,
        name: "payout_problems",
        sql: include_str!("../migrations/0021_payout_problems.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 22,
        name: "signup_pending",
        sql: include_str!("../migrations/0022_signup_pending.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 23,
        name: "outbox_lang",
        sql: include_str!("../migrations/0023_outbox_lang.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 24,
        name: "bank_money_range",
        sql: include_str!("../migrations/0024_bank_money_range.sqlite.sql"),
        postgres_sql: Some(include_str!(
            "../migrations/0024_bank_money_range.postgres.sql"
        )),
    },
    Migration {
        version: 25,
        name: "bank_details",
        sql: include_str!("../migrations/0025_bank_details.sqlite.sql"),
        postgres_sql: Some(include_str!("../migrations/0025_bank_details.postgres.sql")),
    },
    Migration {
        version: 27,
        name: "movements_keyset",
        sql: include_str!("../migrations/0027_movements_keyset.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 28,
        name: "products_expiry",
        sql: include_str!("../migrations/0028_products_expiry.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 29,
        name: "history_keys",
        sql: include_str!("../migrations/0029_history_keys.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 30,
        name: "reference_numbers",
        sql: include_str!("../migrations/0030_reference_numbers.sqlite.sql"),
        postgres_sql: Some(include_str!(
            "../migrations/0030_reference_numbers.postgres.sql"
        )),
    },
    Migration {
        version: 31,
        name: "two_phase_charges",
        sql: include_str!("../migrations/0031_two_phase_charges.sqlite.sql"),
        postgres_sql: Some(include_str!(
            "../migrations/0031_two_phase_charges.postgres.sql"
        )),
    },
    Migration {
        version: 35,
        name: "webhooks",
        sql: include_str!("../migrations/0035_webhooks.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 40,
        name: "product_labels",
        sql: include_str!("../migrations/0040_product_labels.sql"),
        postgres_sql: None,
    },
    Migration {
        version: 41,
        name: "support_requests",
        sql: include_str!("../migrations/0041_support_requests.sqlite.sql"),
        postgres_sql: Some(include_str!(
            "../migrations/0041_support_requests.postgres.sql"
        )),
    },
    Migration {
        version: 46,
        name: "invoice_attention",
        sql: include_str!("../migrations/0046_invoice_attention.sql"),
        postgres_sql: None,
    },
];

const LOCK_KEY: i64 = 0x0067_7569_6368_6574; // "guichet" in ASCII

pub(crate) async fn run(db: &Db) -> Result<Vec<String>> {
    let mut conn = db.write_conn().await?;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(LOCK_KEY)
            .execute(&mut *conn)
            .await?;
    }
    let result = apply_all(db, &mut conn).await;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(LOCK_KEY)
            .execute(&mut *conn)
            .await?;
    }
    result
}

async fn apply_all(db: &Db, conn: &mut crate::Conn) -> Result<Vec<String>> {
    use sqlx::{Acquire, Row};
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .execute(&mut *conn)
    .await?;
    let rows = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&mut *conn)
        .await?;
    let done: Vec<i64> = rows
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    let mut applied = Vec::new();
    for m in MIGRATIONS {
        if done.contains(&m.version) {
            continue;
        }
        let sql = match (db.backend(), m.postgres_sql) {
            (Backend::Postgres, Some(pg)) => pg,
            _ => m.sql,
        };
        let mut tx = conn.begin().await?;
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(m.version)
        .bind(m.name)
        .bind(unix_now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        applied.push(format!("{:04}_{}", m.version, m.name));
    }
    Ok(applied)
}

/// When a migration was applied, for the log only: not domain time, so not the app's clock.
#[allow(clippy::disallowed_methods)]
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
