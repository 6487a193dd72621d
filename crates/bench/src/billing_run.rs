//! `guichet bench billing-run`: invoices per second of the billing run (renewal invoices with their
//! ledger postings, numbering and references) for N due products, next to the raw insert rate of the
//! same database on the same machine.

use guichet_app::App;
use guichet_core::Currency;
use guichet_core::period::Date;
use std::time::{Duration, Instant};

pub struct BillingFigures {
    pub backend: &'static str,
    pub products: usize,
    pub invoices: usize,
    pub run: Duration,
    pub raw_rows: usize,
    pub raw_single: Duration,
    pub raw_batched: Duration,
    pub raw_batch: usize,
    pub ledger_problems: usize,
    /// Memory of the run alone.
    pub memory: crate::memory::Peak,
}

/// Seeds `products` active products in Organizations of 100 products each, all expiring within the
/// renewal lead time, then times one billing run over them.
pub async fn billing_run(app: App, products: usize) -> anyhow::Result<BillingFigures> {
    app.seed_catalogue().await?;
    let now = app.now();
    let today = time::OffsetDateTime::from_unix_timestamp(now)?.date();
    let expires = today + time::Duration::days(20);
    let iso = |d: time::Date| {
        Date::new(d.year(), u8::from(d.month()), d.day())
            .map(Date::iso)
            .unwrap_or_default()
    };
    let (starts_on, expires_on) = (iso(expires - time::Duration::days(365)), iso(expires));
    let offer = {
        let mut c = app.db.conn().await?;
        guichet_store::billing::catalogue(&mut c, Currency::Chf, now)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("empty catalogue"))?
    };
    eprintln!("seeding {products} due products…");
    let per_org = 100;
    let mut left = products;
    let mut n = 0;
    while left > 0 {
        let count = left.min(per_org);
        let mut tx = app.db.begin().await?;
        let org = guichet_store::bench::bench_org(&mut tx, &format!("Bench {n}"), now).await?;
        guichet_store::bench::seed_running_products(
            &mut tx,
            org,
            &offer.id.to_string(),
            &offer.name,
            12,
            &starts_on,
            &expires_on,
            count,
            now,
        )
        .await?;
        tx.commit().await?;
        left -= count;
        n += 1;
    }
    eprintln!("billing run…");
    let mem = crate::memory::start();
    let started = Instant::now();
    let report = app.billing_run(Some(now)).await?;
    let run = started.elapsed();
    let memory = crate::memory::finish(mem);
    let ledger_problems = {
        let mut c = app.db.conn().await?;
        guichet_store::ledger::audit(&mut c).await?.len()
    };
    let raw_rows = products.clamp(1, 20_000);
    let raw_batch = 100;
    eprintln!("raw insert rate ({raw_rows} rows)…");
    let (raw_single, raw_batched) =
        guichet_store::bench::raw_insert_rate(&app.db, raw_rows, raw_batch).await?;
    Ok(BillingFigures {
        backend: match app.db.backend() {
            guichet_store::Backend::Sqlite => "SQLite",
            guichet_store::Backend::Postgres => "PostgreSQL",
        },
        products,
        invoices: report.renewals,
        run,
        raw_rows,
        raw_single,
        raw_batched,
        raw_batch,
        ledger_problems,
        memory,
    })
}

pub fn print(f: &BillingFigures) {
    let rate = |n: usize, d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    println!("database: {}", f.backend);
    println!(
        "billing run: {} invoices for {} due products in {:.2?} = {:.0} invoices/s (with ledger postings); ledger audit: {}",
        f.invoices,
        f.products,
        f.run,
        rate(f.invoices, f.run),
        if f.ledger_problems == 0 {
            "balanced".to_string()
        } else {
            format!("{} problems", f.ledger_problems)
        }
    );
    println!("billing run memory: {}", f.memory);
    println!(
        "raw inserts: {:.0} rows/s one row per transaction, {:.0} rows/s in transactions of {} ({} rows)",
        rate(f.raw_rows, f.raw_single),
        rate(f.raw_rows, f.raw_batched),
        f.raw_batch,
        f.raw_rows
    );
}
