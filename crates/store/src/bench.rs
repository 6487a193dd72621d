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
    let mut c = db.write_conn().await?;
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

/// The scratch table of the concurrent raw insert rate (`guichet bench load`): created empty.
pub async fn raw_single_rows_begin(db: &Db) -> Result<()> {
    let mut c = db.write_conn().await?;
    sqlx::query("DROP TABLE IF EXISTS bench_scratch_rows")
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "CREATE TABLE bench_scratch_rows (id TEXT PRIMARY KEY, n BIGINT NOT NULL, payload TEXT NOT NULL)",
    )
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// One durable single-row INSERT transaction into the scratch table of
/// [`raw_single_rows_begin`] (the yardstick of a write path: what one committed row costs here).
pub async fn raw_single_row(db: &Db, n: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO bench_scratch_rows (id, n, payload) VALUES ($1, $2, $3)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(n)
        .bind("one row per transaction")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Drops the scratch table of [`raw_single_rows_begin`].
pub async fn raw_single_rows_end(db: &Db) -> Result<()> {
    let mut c = db.write_conn().await?;
    sqlx::query("DROP TABLE IF EXISTS bench_scratch_rows")
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// The status a seeded history gives its `k`-th invoice, from its due date: a customer's years of
/// invoices are mostly paid, with some overdue, cancelled and refunded ones; those not yet due are
/// unpaid or paid. Deterministic, so every run (and the small Organization) gets the same mix.
fn history_status(k: usize, due_passed: bool) -> guichet_core::status::InvoiceStatus {
    use guichet_core::status::InvoiceStatus as S;
    let r = (k * 37 + 3) % 100;
    match (due_passed, r) {
        (false, 0..40) => S::Unpaid,
        (false, _) | (true, 10..) => S::Paid,
        (true, 0..4) => S::Overdue,
        (true, 4..6) => S::Cancelled,
        (true, 6..8) => S::Refunded,
        (true, 8..10) => S::PartiallyRefunded,
    }
}

/// Inserts `count` invoices of `org` with their lines (one to three each), issued evenly from
/// `first_issued_at` to `last_issued_at` and due 30 days later, with a realistic mix of statuses
/// (see `history_status`; `last_issued_at` is taken as today), in multi-row statements in the
/// caller's transaction. Numbers are `H{tag}-0000001`…. Returns how many invoices got each status.
/// No ledger entries: for the history benchmark (list pages, filters, exports), not for payments.
#[allow(clippy::too_many_arguments)]
pub async fn seed_invoice_history(
    c: &mut Conn,
    org: OrgId,
    currency: guichet_core::Currency,
    vat_rate_bp: i64,
    tag: &str,
    count: usize,
    first_issued_at: i64,
    last_issued_at: i64,
) -> Result<Vec<(guichet_core::status::InvoiceStatus, usize)>> {
    use guichet_core::period::Date;
    use guichet_core::status::InvoiceStatus;
    const CHUNK: usize = 250;
    const UNIT_NETS: [i64; 5] = [1500, 2900, 4500, 9900, 19900];
    const LINES: [&str; 3] = ["Web hosting", "Domain name", "Mail service"];
    let mut counts = [0usize; InvoiceStatus::ALL.len()];
    let span = (last_issued_at - first_issued_at).max(0);
    let mut done = 0;
    while done < count {
        let n = (count - done).min(CHUNK);
        let mut inv_sql = String::from(
            "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, \
             bill_to_name, bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, payment_reference, \
             issued_at, due_on, paid_at) VALUES ",
        );
        let mut line_sql = String::from(
            "INSERT INTO invoice_lines (invoice_id, position, description, period_start, period_end, \
             quantity, unit_net, net, vat, gross) VALUES ",
        );
        let mut inv_binds: Vec<String> = Vec::with_capacity(n * 5);
        let mut line_binds: Vec<String> = Vec::with_capacity(n * 6);
        for i in 0..n {
            let k = done + i;
            let issued_at = if count > 1 {
                first_issued_at + (span as i128 * k as i128 / (count as i128 - 1)) as i64
            } else {
                last_issued_at
            };
            let due_at = issued_at + 30 * 86_400;
            let status = history_status(k, due_at < last_issued_at);
            if let Some(slot) = InvoiceStatus::ALL.iter().position(|s| *s == status) {
                counts[slot] += 1;
            }
            let paid = matches!(
                status,
                InvoiceStatus::Paid | InvoiceStatus::Refunded | InvoiceStatus::PartiallyRefunded
            );
            let paid_at = if paid {
                (issued_at + 86_400 * (1 + (k as i64 * 7) % 25)).to_string()
            } else {
                "NULL".to_owned()
            };
            let id = uuid::Uuid::now_v7().to_string();
            let start = Date::from_unix(issued_at).iso();
            let end = Date::from_unix(issued_at + 364 * 86_400).iso();
            let (mut net, mut vat) = (0i64, 0i64);
            for pos in 0..=(k % 3) {
                let unit = UNIT_NETS[(k + pos) % UNIT_NETS.len()];
                let l_vat = (unit * vat_rate_bp + 5_000) / 10_000;
                net += unit;
                vat += l_vat;
                if !line_binds.is_empty() {
                    line_sql.push_str(", ");
                }
                let b = line_binds.len();
                line_sql.push_str(&format!(
                    "(${}, {}, ${}, ${}, ${}, 1, {unit}, {unit}, {l_vat}, {})",
                    b + 1,
                    pos + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    unit + l_vat
                ));
                line_binds.push(id.clone());
                line_binds.push(LINES[pos].to_owned());
                line_binds.push(start.clone());
                line_binds.push(end.clone());
            }
            if i > 0 {
                inv_sql.push_str(", ");
            }
            let b = inv_binds.len();
            inv_sql.push_str(&format!(
                "(${}, ${}, ${}, '{}', '{}', '{}', {net}, {vat}, {}, {vat_rate_bp}, 'Bench history', 'Rue 1', '1003', \
                 'Lausanne', 'CH', ${}, {issued_at}, ${}, {paid_at})",
                b + 1,
                b + 2,
                b + 3,
                if k % 5 == 0 { "order" } else { "renewal" },
                status.as_str(),
                currency.code(),
                net + vat,
                b + 4,
                b + 5
            ));
            inv_binds.push(id);
            inv_binds.push(org.to_string());
            inv_binds.push(format!("H{tag}-{:07}", k + 1));
            inv_binds.push(format!("HIST{tag}{:012}", k + 1));
            inv_binds.push(Date::from_unix(due_at).iso());
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(inv_sql));
        for v in inv_binds {
            q = q.bind(v);
        }
        q.execute(&mut *c).await?;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(line_sql));
        for v in line_binds {
            q = q.bind(v);
        }
        q.execute(&mut *c).await?;
        done += n;
    }
    Ok(InvoiceStatus::ALL.into_iter().zip(counts).collect())
}
