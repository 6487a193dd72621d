//! What the benchmarks need from the database: bulk seeding of running products, and the raw insert
//! rate of the same database (the yardstick the billing run's figures are shown against).

use crate::{Conn, Db, Result};
use guichet_core::OrgId;
use std::time::{Duration, Instant};

/// A Swiss company Organization for a benchmark's seeded data, in the caller's transaction.
pub async fn bench_org(c: &mut Conn, name: &str, now: i64) -> Result<guichet_core::OrgId> {
    let details = crate::orgs::OrgDetails {
        name: name.to_owned(),
        street: "Rue du Banc 1".into(),
        postcode: "1003".into(),
        city: "Lausanne".into(),
        country: "CH".into(),
        ..crate::orgs::OrgDetails::default()
    };
    crate::orgs::insert(
        c,
        &details,
        guichet_core::OrgKind::Company,
        guichet_core::Currency::Chf,
        now,
    )
    .await
}

/// Inserts `count` active products of `offer` for `org`, expiring on `expires_on`, in multi-row
/// statements (the caller's transaction).
#[allow(clippy::too_many_arguments)]
pub async fn seed_running_products(
    c: &mut Conn,
    org: OrgId,
    offer: &str,
    name: &str,
    months: i64,
    starts_on: &str,
    expires_on: &str,
    count: usize,
    now: i64,
) -> Result<()> {
    const CHUNK: usize = 200;
    let mut left = count;
    while left > 0 {
        let n = left.min(CHUNK);
        let mut sql = String::from(
            "INSERT INTO products (id, org_id, offer_id, name, period_months, state, starts_on, expires_on, created_at) VALUES ",
        );
        for i in 0..n {
            let b = i * 7;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${}, 'active', ${}, ${}, {now})",
                b + 1,
                b + 2,
                b + 3,
                b + 4,
                b + 5,
                b + 6,
                b + 7
            ));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for _ in 0..n {
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(org.to_string())
                .bind(offer)
                .bind(name)
                .bind(months)
                .bind(starts_on)
                .bind(expires_on);
        }
        q.execute(&mut *c).await?;
        left -= n;
    }
    Ok(())
}

/// The raw insert rate of this database: `n` one-row transactions into a scratch table, then the
/// same rows in transactions of `batch` rows. Returns both durations. The table is dropped after.
pub async fn raw_insert_rate(db: &Db, n: usize, batch: usize) -> Result<(Duration, Duration)> {
    {
        let mut c = db.write_conn().await?;
        sqlx::query("DROP TABLE IF EXISTS bench_scratch")
            .execute(&mut *c)
            .await?;
        sqlx::query("CREATE TABLE bench_scratch (id TEXT PRIMARY KEY, n BIGINT NOT NULL, payload TEXT NOT NULL)")
            .execute(&mut *c)
            .await?;
    }
    let insert = "INSERT INTO bench_scratch (id, n, payload) VALUES ($1, $2, $3)";
    let started = Instant::now();
    for i in 0..n {
        let mut tx = db.begin().await?;
        sqlx::query(insert)
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(i as i64)
            .bind("one row per transaction")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    let single = started.elapsed();
    let started = Instant::now();
    let mut i = 0;
    while i < n {
        let mut tx = db.begin().await?;
        for _ in 0..batch.max(1) {
            if i >= n {
                break;
            }
            sqlx::query(insert)
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(i as i64)
                .bind("rows in batched transactions")
                .execute(&mut *tx)
                .await?;
            i += 1;
        }
        tx.commit().await?;
    }
    let batched = started.elapsed();
    let mut c = db.write_conn().await?;
    sqlx::query("DROP TABLE bench_scratch")
        .execute(&mut *c)
        .await?;
    Ok((single, batched))
}

/// Drops a database created by [`crate::create_postgres_database`] (benchmarks clean up after
/// themselves).
pub async fn drop_postgres_database(base_url: &str, name: &str) -> Result<()> {
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(crate::StoreError::Config(format!(
            "bad database name {name:?}"
        )));
    }
    let db = Db::connect(base_url).await?;
    let mut c = db.conn().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// Inserts `count` paid invoices for `org` (numbers `X{tag}-0000001`…), issued one minute apart from
/// `first_issued_at`, billed to `bill_to` — for export and history benchmarks and tests.
pub async fn seed_invoices(
    c: &mut Conn,
    org: OrgId,
    currency: guichet_core::Currency,
    tag: &str,
    count: usize,
    first_issued_at: i64,
    bill_to: &str,
) -> Result<()> {
    const CHUNK: usize = 200;
    let mut done = 0;
    while done < count {
        let n = (count - done).min(CHUNK);
        let mut sql = String::from(
            "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, \
             bill_to_name, bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, payment_reference, issued_at, due_on) VALUES ",
        );
        for i in 0..n {
            let b = i * 6;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, 'order', 'paid', '{}', 10000, 810, 10810, 810, ${}, 'Rue 1', '1003', 'Lausanne', 'CH', ${}, ${}, '2030-01-01')",
                b + 1,
                b + 2,
                b + 3,
                currency.code(),
                b + 4,
                b + 5,
                b + 6
            ));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for i in 0..n {
            let k = done + i;
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(org.to_string())
                .bind(format!("X{tag}-{:07}", k + 1))
                .bind(bill_to)
                .bind(format!("SEED{tag}{:012}", k + 1))
                .bind(first_issued_at + 60 * k as i64);
        }
        q.execute(&mut *c).await?;
        done += n;
    }
    Ok(())
}

/// Inserts one unpaid invoice per reference for `org` (numbers `O{tag}-0000001`…), each for `net` +
/// `vat`, issued at `issued_at` and due on `due_on` — for the bank-import benchmark and tests. The
/// caller posts the receivable (one ledger entry for the lot).
#[allow(clippy::too_many_arguments)]
pub async fn seed_open_invoices(
    c: &mut Conn,
    org: OrgId,
    currency: guichet_core::Currency,
    tag: &str,
    references: &[String],
    net: i64,
    vat: i64,
    issued_at: i64,
    due_on: &str,
) -> Result<()> {
    const CHUNK: usize = 200;
    for (chunk_no, refs) in references.chunks(CHUNK).enumerate() {
        let mut sql = String::from(
            "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, \
             bill_to_name, bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, payment_reference, issued_at, due_on) VALUES ",
        );
        for i in 0..refs.len() {
            let b = i * 4;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, 'order', 'unpaid', '{}', {net}, {vat}, {}, 810, 'Bench', 'Rue 1', '1003', 'Lausanne', 'CH', ${}, {issued_at}, '{}')",
                b + 1,
                b + 2,
                b + 3,
                currency.code(),
                net + vat,
                b + 4,
                due_on.replace('\'', "")
            ));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (i, r) in refs.iter().enumerate() {
            let k = chunk_no * CHUNK + i;
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(org.to_string())
                .bind(format!("O{tag}-{:07}", k + 1))
                .bind(r.clone());
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}
