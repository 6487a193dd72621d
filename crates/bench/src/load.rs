//! `guichet bench load`: the real server driven over HTTP (reqwest, keep-alive, one connection per
//! client) by 1, 16, 64… concurrent clients for a fixed time on each path — API top-ups by card, API
//! checkouts (an order, then its payment from the prepaid balance), the main pages signed in and
//! `/healthz` — next to the raw single-row insert rate of the same database measured in the same
//! run. Every non-2xx answer (redirects included: they are not followed) is an error, counted and
//! shown, and left out of the latencies.

use crate::customers::{Customer, customers};
use crate::latency::{Latency, ms};
use crate::load_client::Worker;
pub use crate::load_client::{Path, Tally};
use guichet_app::App;
use std::time::{Duration, Instant};

pub struct LoadOptions {
    pub clients: Vec<usize>,
    pub seconds: f64,
    /// How the server runs, for the output (in this process, a child process…).
    pub server: String,
}

/// The main pages of the Manager, signed in.
pub const PAGES: [&str; 5] = [
    "/",
    "/products",
    "/payments",
    "/accounting/invoices",
    "/accounting/prepaid",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Write,
    Page,
    Healthz,
}

pub struct Row {
    pub clients: usize,
    pub what: String,
    pub kind: Kind,
    pub latency: Latency,
    /// Answered (2xx) requests per second of wall time.
    pub per_sec: f64,
    pub errors: usize,
}

pub struct LoadReport {
    pub backend: &'static str,
    pub server: String,
    pub machine_before: String,
    pub machine_after: String,
    pub orgs: usize,
    pub offer: String,
    pub gross_minor: i64,
    pub raw_connections: usize,
    pub raw_before: f64,
    pub raw_after: f64,
    pub rows: Vec<Row>,
    pub refills: usize,
    pub requests: usize,
    pub errors: usize,
    pub first_errors: Vec<String>,
}

fn backend_name(app: &App) -> &'static str {
    match app.db.backend() {
        guichet_store::Backend::Sqlite => "SQLite",
        guichet_store::Backend::Postgres => "PostgreSQL",
    }
}

/// Durable single-row INSERT transactions for `seconds` from `connections` concurrent tasks
/// (each takes its own pooled connection per transaction): rows per second.
pub async fn raw_insert_rate(app: &App, connections: usize, seconds: f64) -> anyhow::Result<f64> {
    guichet_store::bench::raw_single_rows_begin(&app.db).await?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..connections {
        let db = app.db.clone();
        tasks.spawn(async move {
            let mut n = 0i64;
            while Instant::now() < deadline {
                guichet_store::bench::raw_single_row(&db, (t as i64) << 32 | n).await?;
                n += 1;
            }
            Ok::<i64, guichet_store::StoreError>(n)
        });
    }
    let mut rows = 0i64;
    while let Some(done) = tasks.join_next().await {
        rows += done??;
    }
    let wall = started.elapsed();
    guichet_store::bench::raw_single_rows_end(&app.db).await?;
    Ok(rows as f64 / wall.as_secs_f64().max(1e-9))
}

/// Runs the load benchmark against the server at `base` (which serves `app`'s database).
pub async fn load(app: App, base: &str, opts: &LoadOptions) -> anyhow::Result<LoadReport> {
    let machine_before = crate::machine::describe();
    let most = opts.clients.iter().copied().max().unwrap_or(1).max(1);
    // At least 64 Organizations, one per client: concurrent clients never share one, so the write
    // path is measured across unrelated Organizations.
    let orgs = most.max(64);
    eprintln!("creating {orgs} + {orgs} customers (person, Organization, session, API token)…");
    let writers = customers(&app, "w", orgs).await?;
    let readers = customers(&app, "p", orgs).await?;
    let top_up_max = app.config.top_up_max;
    let (offer, offer_name, gross) = {
        let mut w = Worker::new(base, &writers[0], String::new(), 0, top_up_max)?;
        w.choose_offer().await?
    };
    eprintln!("page customers: a top-up, a paid order and an unpaid one each…");
    for r in &readers {
        let mut w = Worker::new(base, r, offer.clone(), gross, top_up_max)?;
        w.prepare_pages().await?;
    }
    let raw_connections = match app.db.backend() {
        guichet_store::Backend::Sqlite => 1,
        guichet_store::Backend::Postgres => 16,
    };
    let raw_seconds = opts.seconds.clamp(0.5, 5.0);
    eprintln!("raw single-row inserts ({raw_connections} connection(s), {raw_seconds} s)…");
    let raw_before = raw_insert_rate(&app, raw_connections, raw_seconds).await?;
    let mut paths = vec![Path::TopUp, Path::Checkout];
    paths.extend(PAGES.iter().map(|p| Path::Page(p)));
    paths.push(Path::Healthz);
    let mut rows = Vec::new();
    let mut all = Tally::default();
    for &clients in &opts.clients {
        for &path in &paths {
            let who = match path {
                Path::TopUp | Path::Checkout => &writers,
                Path::Page(_) | Path::Healthz => &readers,
            };
            eprint!("{clients:>3} clients, {}… ", label(path, 0));
            let (tally, wall) = drive(
                base,
                &who[..clients],
                path,
                (offer.clone(), gross, top_up_max),
                opts.seconds,
            )
            .await?;
            eprintln!(
                "{} answered, {} errors",
                tally.series[0].len(),
                tally.errors
            );
            let series = if path == Path::Checkout { 2 } else { 1 };
            for s in 0..series {
                let latency = Latency::of(tally.series[s].clone());
                rows.push(Row {
                    clients,
                    what: label(path, s),
                    kind: match path {
                        Path::TopUp | Path::Checkout => Kind::Write,
                        Path::Page(_) => Kind::Page,
                        Path::Healthz => Kind::Healthz,
                    },
                    per_sec: latency.n as f64 / wall.as_secs_f64().max(1e-9),
                    latency,
                    errors: if s == 0 { tally.errors } else { 0 },
                });
            }
            all.merge(tally);
        }
    }
    eprintln!("raw single-row inserts again…");
    let raw_after = raw_insert_rate(&app, raw_connections, raw_seconds).await?;
    let requests = all.series.iter().map(Vec::len).sum::<usize>() + all.errors;
    Ok(LoadReport {
        backend: backend_name(&app),
        server: opts.server.clone(),
        machine_before,
        machine_after: crate::machine::describe(),
        orgs,
        offer: offer_name,
        gross_minor: gross,
        raw_connections,
        raw_before,
        raw_after,
        rows,
        refills: all.refills,
        requests,
        errors: all.errors,
        first_errors: all.first_errors,
    })
}

fn label(path: Path, series: usize) -> String {
    match (path, series) {
        (Path::TopUp, _) => "API POST prepaid/top-ups (card)".into(),
        (Path::Checkout, 0) => "API POST products (order)".into(),
        (Path::Checkout, _) => "API POST payments/checkout (prepaid)".into(),
        (Path::Page(p), _) => format!("GET {p} (signed in)"),
        (Path::Healthz, _) => "GET /healthz".into(),
    }
}

/// `customers.len()` clients, one task and one keep-alive connection each, on `path` for
/// `seconds`; the merged tally and the wall time (until the last request in flight answered).
async fn drive(
    base: &str,
    customers: &[Customer],
    path: Path,
    (offer, gross, top_up_max): (String, i64, i64),
    seconds: f64,
) -> anyhow::Result<(Tally, Duration)> {
    let mut workers = Vec::with_capacity(customers.len());
    for c in customers {
        let mut w = Worker::new(base, c, offer.clone(), gross, top_up_max)?;
        // Opens the connection before the clock starts.
        w.warm_up().await?;
        workers.push(w);
    }
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let mut tasks = tokio::task::JoinSet::new();
    for mut w in workers {
        tasks.spawn(async move { w.run(path, deadline).await });
    }
    let mut tally = Tally::default();
    while let Some(t) = tasks.join_next().await {
        tally.merge(t?);
    }
    Ok((tally, started.elapsed()))
}

pub fn print(r: &LoadReport) {
    println!("== guichet bench load ==");
    println!("database: {} (fresh)", r.backend);
    println!("server: {}", r.server);
    println!(
        "machine: before {}; after {}",
        r.machine_before, r.machine_after
    );
    println!(
        "customers: {} Organizations for the writes and {} for the pages, one client per Organization (its own person, session, API token and connection); checkout = order of {:?} for 12 months at {:.2}, paid from the prepaid balance ({} refill top-ups not counted)",
        r.orgs,
        r.orgs,
        r.offer,
        r.gross_minor as f64 / 100.0,
        r.refills
    );
    println!(
        "raw single-row INSERT transactions ({} connection{}): {:.0}/s before, {:.0}/s after",
        r.raw_connections,
        if r.raw_connections == 1 { "" } else { "s" },
        r.raw_before,
        r.raw_after
    );
    println!();
    println!(
        "{:>7}  {:<40} {:>9} {:>9} {:>9} {:>9} {:>7}  ratio",
        "clients", "path", "req/s", "p50 ms", "p99 ms", "max ms", "errors"
    );
    for row in &r.rows {
        let healthz = r
            .rows
            .iter()
            .find(|h| h.kind == Kind::Healthz && h.clients == row.clients)
            .map_or(0.0, |h| h.per_sec);
        let ratio = match row.kind {
            Kind::Write => format!("{:.3} of raw inserts", row.per_sec / r.raw_before.max(1e-9)),
            Kind::Page => format!("{:.3} of /healthz", row.per_sec / healthz.max(1e-9)),
            Kind::Healthz => "the server's ceiling".into(),
        };
        println!(
            "{:>7}  {:<40} {:>9.0} {:>9} {:>9} {:>9} {:>7}  {ratio}",
            row.clients,
            row.what,
            row.per_sec,
            ms(row.latency.p50),
            ms(row.latency.p99),
            ms(row.latency.max),
            row.errors
        );
    }
    println!();
    println!("errors: {} of {} requests", r.errors, r.requests);
    for e in &r.first_errors {
        println!("  {e}");
    }
}
