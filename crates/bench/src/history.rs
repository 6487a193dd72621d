//! `guichet bench history`: the invoice list and the CSV export of an Organization with a long
//! history (N invoices over five years, seeded in multi-row INSERTs) next to the same pages of an
//! Organization with 10 invoices, over real HTTP, signed in: first and last page, a status filter's
//! first and last page, and the export's total time, the time of each tenth of its bytes and the
//! growth of the resident memory while it streams.

use crate::customers::{Customer, customers};
use crate::latency::{Latency, ms};
use crate::load_client::{http_client, send};
use guichet_app::App;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub struct HistoryOptions {
    pub invoices: usize,
    /// Timed requests per page (after 3 untimed ones).
    pub samples: usize,
    /// How the server runs, for the output.
    pub server: String,
}

/// The status the filter pages show (about 4 % of an old history).
pub const FILTER_STATUS: &str = "overdue";

/// How many times each export is run.
const EXPORT_RUNS: usize = 3;

pub struct PageFigure {
    pub what: String,
    /// Invoices the large Organization's page showed, and the small one's.
    pub shown: (usize, usize),
    pub large: Latency,
    pub small: Latency,
}

#[derive(Default)]
pub struct ExportFigure {
    pub totals: Vec<Duration>,
    pub first_byte: Duration,
    pub bytes: u64,
    pub rows: usize,
    /// Time of each successive tenth of the bytes (the last run).
    pub tenths: Vec<Duration>,
    pub rss_before: u64,
    pub rss_peak: u64,
}

pub struct HistoryReport {
    pub backend: &'static str,
    pub server: String,
    pub machine_before: String,
    pub machine_after: String,
    pub invoices: usize,
    pub statuses: Vec<(guichet_core::status::InvoiceStatus, usize)>,
    pub seed_time: Duration,
    /// How the last pages were reached.
    pub paging: Vec<String>,
    pub pages: Vec<PageFigure>,
    pub export_large: ExportFigure,
    pub export_small: ExportFigure,
    pub errors: usize,
    pub first_errors: Vec<String>,
}

struct Session {
    http: reqwest::Client,
    base: String,
    who: Customer,
    /// The number prefix of this Organization's seeded invoices, as the list shows them.
    prefix: String,
}

impl Session {
    async fn page(&self, path: &str) -> Result<String, String> {
        let req = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.who.cookie);
        match send(req).await? {
            (200, body) => Ok(body),
            (status, body) => Err(format!(
                "GET {path}: {status} {}",
                body.chars().take(200).collect::<String>()
            )),
        }
    }

    /// The last page of the list at `first` (a path with its query): the page's `rel="last"`
    /// link (the list is paged by key: that link seeks the oldest invoices directly); a list
    /// without one fits on its first page. The path and how it was found.
    fn last_page(first: &str, body: &str) -> (String, String) {
        let page_path = first.split('?').next().unwrap_or(first);
        match rel_last(body) {
            Some(href) => (
                local(&href, page_path),
                "the page's rel=\"last\" link".into(),
            ),
            None => (
                first.to_owned(),
                "the first page (one page only: no rel=\"last\" link)".into(),
            ),
        }
    }

    /// `samples` timed GETs of `path` after 3 untimed ones; how many invoices it shows.
    async fn time(&self, path: &str, samples: usize) -> Result<(Latency, usize), String> {
        let mut shown = 0;
        for _ in 0..3 {
            shown = self.page(path).await?.matches(&self.prefix).count();
        }
        let mut v = Vec::with_capacity(samples);
        for _ in 0..samples {
            let t = Instant::now();
            self.page(path).await?;
            v.push(t.elapsed());
        }
        Ok((Latency::of(v), shown))
    }

    /// One CSV export, streamed: total time, time to the first byte, bytes, rows (header
    /// included), and (elapsed, bytes so far) after each chunk received.
    async fn export(
        &self,
    ) -> Result<(Duration, Duration, u64, usize, Vec<(Duration, u64)>), String> {
        let path = "/accounting/invoices/export.csv";
        let started = Instant::now();
        let mut res = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.who.cookie)
            .send()
            .await
            .map_err(|e| format!("GET {path}: {e}"))?;
        if res.status() != 200 {
            return Err(format!("GET {path}: {}", res.status()));
        }
        let (mut bytes, mut newlines, mut last) = (0u64, 0usize, b'\n');
        let mut marks = Vec::new();
        let mut first_byte = None;
        while let Some(chunk) = res
            .chunk()
            .await
            .map_err(|e| format!("{path}: body cut: {e}"))?
        {
            first_byte.get_or_insert_with(|| started.elapsed());
            bytes += chunk.len() as u64;
            newlines += chunk.iter().filter(|b| **b == b'\n').count();
            if let Some(b) = chunk.last() {
                last = *b;
            }
            marks.push((started.elapsed(), bytes));
        }
        let rows = newlines + usize::from(last != b'\n');
        Ok((
            started.elapsed(),
            first_byte.unwrap_or_default(),
            bytes,
            rows,
            marks,
        ))
    }

    /// [`EXPORT_RUNS`] exports, checking each has `invoices` rows plus the header.
    async fn exports(&self, invoices: usize) -> Result<ExportFigure, String> {
        let mut f = ExportFigure::default();
        for _ in 0..EXPORT_RUNS {
            let peak = Arc::new(AtomicU64::new(0));
            let stop = Arc::new(AtomicBool::new(false));
            f.rss_before = crate::machine::rss_bytes().unwrap_or(0);
            let sampler = tokio::spawn({
                let (peak, stop) = (peak.clone(), stop.clone());
                async move {
                    while !stop.load(Ordering::Relaxed) {
                        peak.fetch_max(crate::machine::rss_bytes().unwrap_or(0), Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(5)).await;
                    }
                }
            });
            let got = self.export().await;
            stop.store(true, Ordering::Relaxed);
            let _ = sampler.await;
            let (total, first_byte, bytes, rows, marks) = got?;
            if rows != invoices + 1 {
                return Err(format!(
                    "the export has {rows} lines, expected {} (a header and {invoices} invoices)",
                    invoices + 1
                ));
            }
            f.totals.push(total);
            f.first_byte = first_byte;
            f.bytes = bytes;
            f.rows = rows - 1;
            f.rss_peak = peak.load(Ordering::Relaxed).max(f.rss_before);
            f.tenths = tenths(&marks, bytes);
        }
        Ok(f)
    }
}

/// The time each successive tenth of `total` bytes took to arrive after the first byte, from
/// (elapsed, bytes so far) after each chunk.
fn tenths(marks: &[(Duration, u64)], total: u64) -> Vec<Duration> {
    let mut out = Vec::with_capacity(10);
    let mut previous = marks.first().map_or(Duration::ZERO, |(t, _)| *t);
    for d in 1..=10u64 {
        let goal = total * d / 10;
        let at = marks
            .iter()
            .find(|(_, b)| *b >= goal)
            .map_or(previous, |(t, _)| *t);
        out.push(at.saturating_sub(previous));
        previous = at;
    }
    out
}

/// The href of the first `<a … rel="last" …>` of `html`, its `&amp;`s decoded.
pub fn rel_last(html: &str) -> Option<String> {
    let at = html.find("rel=\"last\"")?;
    let start = html[..at].rfind("<a")?;
    let end = at + html[at..].find('>')?;
    let tag = &html[start..end];
    let href = tag.split_once("href=\"")?.1.split('"').next()?;
    Some(href.replace("&amp;", "&"))
}

/// A link of a page as a path on the server: `?query` is on `page_path`, an absolute URL loses its
/// scheme and host.
pub fn local(href: &str, page_path: &str) -> String {
    if href.starts_with('?') {
        format!("{page_path}{href}")
    } else if let Some(rest) = href.split_once("://").map(|(_, r)| r) {
        rest.find('/')
            .map_or_else(|| "/".to_owned(), |i| rest[i..].to_owned())
    } else {
        href.to_owned()
    }
}

fn backend_name(app: &App) -> &'static str {
    match app.db.backend() {
        guichet_store::Backend::Sqlite => "SQLite",
        guichet_store::Backend::Postgres => "PostgreSQL",
    }
}

/// Seeds the two Organizations, then times their pages and exports through the server at `base`.
pub async fn history(app: App, base: &str, opts: &HistoryOptions) -> anyhow::Result<HistoryReport> {
    let machine_before = crate::machine::describe();
    let people = customers(&app, "h", 2).await?;
    let now = app.now();
    let first = now - 5 * 365 * 86_400;
    eprintln!("seeding {} invoices with their lines…", opts.invoices);
    let started = Instant::now();
    let mut tx = app.db.begin().await?;
    let statuses = guichet_store::bench::seed_invoice_history(
        &mut tx,
        people[0].org,
        guichet_core::Currency::Chf,
        810,
        "L",
        opts.invoices,
        first,
        now,
    )
    .await?;
    guichet_store::bench::seed_invoice_history(
        &mut tx,
        people[1].org,
        guichet_core::Currency::Chf,
        810,
        "S",
        10,
        first,
        now,
    )
    .await?;
    tx.commit().await?;
    let seed_time = started.elapsed();
    let session = |who: &Customer, tag: &str| -> anyhow::Result<Session> {
        Ok(Session {
            http: http_client()?,
            base: base.trim_end_matches('/').to_owned(),
            who: who.clone(),
            prefix: format!(">H{tag}-"),
        })
    };
    let (large, small) = (session(&people[0], "L")?, session(&people[1], "S")?);
    let mut report = HistoryReport {
        backend: backend_name(&app),
        server: opts.server.clone(),
        machine_before,
        machine_after: String::new(),
        invoices: opts.invoices,
        statuses,
        seed_time,
        paging: Vec::new(),
        pages: Vec::new(),
        export_large: ExportFigure::default(),
        export_small: ExportFigure::default(),
        errors: 0,
        first_errors: Vec::new(),
    };
    let lists = [
        ("invoice list".to_owned(), "/accounting/invoices".to_owned()),
        (
            format!("status={FILTER_STATUS}"),
            format!("/accounting/invoices?status={FILTER_STATUS}"),
        ),
    ];
    let fail = |r: &mut HistoryReport, e: String| {
        r.errors += 1;
        if r.first_errors.len() < 5 {
            r.first_errors.push(e);
        }
    };
    for (name, first_path) in &lists {
        eprintln!("{name}: first and last pages…");
        let mut paths = Vec::new();
        for s in [&large, &small] {
            let got = async {
                let body = s.page(first_path).await?;
                Ok::<_, String>(Session::last_page(first_path, &body))
            }
            .await;
            match got {
                Ok((last, how)) => {
                    if !report.paging.contains(&how) {
                        report.paging.push(how);
                    }
                    paths.push(last);
                }
                Err(e) => {
                    fail(&mut report, e);
                    paths.push(first_path.clone());
                }
            }
        }
        for (which, (lp, sp)) in [
            ("first page", (first_path.clone(), first_path.clone())),
            ("last page", (paths[0].clone(), paths[1].clone())),
        ] {
            match (
                large.time(&lp, opts.samples).await,
                small.time(&sp, opts.samples).await,
            ) {
                (Ok((l, ln)), Ok((s, sn))) => {
                    if ln == 0 {
                        fail(
                            &mut report,
                            format!("{lp}: the large Organization's page shows no invoice"),
                        );
                    }
                    report.pages.push(PageFigure {
                        what: format!("{name}, {which}"),
                        shown: (ln, sn),
                        large: l,
                        small: s,
                    });
                }
                (Err(e), _) | (_, Err(e)) => fail(&mut report, e),
            }
        }
    }
    eprintln!("CSV exports ({EXPORT_RUNS} each)…");
    match large.exports(opts.invoices).await {
        Ok(f) => report.export_large = f,
        Err(e) => fail(&mut report, e),
    }
    match small.exports(10).await {
        Ok(f) => report.export_small = f,
        Err(e) => fail(&mut report, e),
    }
    report.machine_after = crate::machine::describe();
    Ok(report)
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

pub fn print(r: &HistoryReport) {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!("== guichet bench history ==");
    println!("database: {} (fresh)", r.backend);
    println!("server: {}", r.server);
    println!(
        "machine: before {}; after {}",
        r.machine_before, r.machine_after
    );
    let mix: Vec<String> = r
        .statuses
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.as_str()))
        .collect();
    println!(
        "seeded: {} invoices with their lines over five years in {:.2?} ({}) for the large Organization; 10 for the small one",
        r.invoices,
        r.seed_time,
        mix.join(", ")
    );
    println!("paging: last pages reached by {}", r.paging.join("; "));
    println!();
    println!(
        "{:<32} {:>7} {:>11} {:>11} {:>11} {:>11}  ratio (p50, large ÷ small)",
        "page", "shown", "large p50", "large p99", "small p50", "small p99"
    );
    for p in &r.pages {
        println!(
            "{:<32} {:>7} {:>11} {:>11} {:>11} {:>11}  {:.2}",
            p.what,
            format!("{}/{}", p.shown.0, p.shown.1),
            ms(p.large.p50),
            ms(p.large.p99),
            ms(p.small.p50),
            ms(p.small.p99),
            ratio(p.large.p50, p.small.p50)
        );
    }
    println!(
        "(milliseconds; {} timed requests per page after 3 untimed; \"shown\" = invoices on the large/small page)",
        r.pages.first().map_or(0, |p| p.large.n)
    );
    println!();
    let (l, s) = (&r.export_large, &r.export_small);
    let totals: Vec<String> = l
        .totals
        .iter()
        .map(|t| format!("{:.3} s", t.as_secs_f64()))
        .collect();
    println!(
        "CSV export: {} rows, {:.1} MiB; runs {} (median {:.3} s, {:.0} rows/s); first byte after {} ms; small Organization median {} ms; ratio {:.0}",
        l.rows,
        mib(l.bytes),
        totals.join(", "),
        median(&l.totals).as_secs_f64(),
        l.rows as f64 / median(&l.totals).as_secs_f64().max(1e-9),
        ms(l.first_byte),
        ms(median(&s.totals)),
        ratio(median(&l.totals), median(&s.totals))
    );
    let tenths: Vec<String> = l.tenths.iter().map(|t| ms(*t)).collect();
    let (lo, hi) = (
        l.tenths.iter().min().copied().unwrap_or_default(),
        l.tenths.iter().max().copied().unwrap_or_default(),
    );
    println!(
        "CSV export, ms per successive 10 % of the bytes after the first chunk (last run): {} (slowest ÷ fastest: {})",
        tenths.join(" "),
        if lo.is_zero() {
            "n/a, too few chunks".to_owned()
        } else {
            format!("{:.2}", ratio(hi, lo))
        }
    );
    println!(
        "CSV export, resident memory of this process (server and client) sampled every 5 ms: {:.1} MiB before, peak {:.1} MiB, growth {:.1} MiB (last run)",
        mib(l.rss_before),
        mib(l.rss_peak),
        mib(l.rss_peak.saturating_sub(l.rss_before))
    );
    println!();
    println!("errors: {}", r.errors);
    for e in &r.first_errors {
        println!("  {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_link_is_found_whatever_the_attribute_order() {
        let html = r#"<div class="pager"><a href="/x?page=2">next</a> <a rel="last" href="/accounting/invoices?status=paid&amp;before=abc">last</a></div>"#;
        assert_eq!(
            rel_last(html).as_deref(),
            Some("/accounting/invoices?status=paid&before=abc")
        );
        let html = r#"<a href="?before=k1" rel="last">»</a>"#;
        assert_eq!(rel_last(html).as_deref(), Some("?before=k1"));
        assert_eq!(
            local("?before=k1", "/accounting/invoices"),
            "/accounting/invoices?before=k1"
        );
        assert_eq!(local("http://h:1/a?b=c", "/p"), "/a?b=c");
        assert_eq!(rel_last(r#"<a rel="next" href="/n">n</a>"#), None);
    }

    #[test]
    fn tenths_split_the_bytes_after_the_first_chunk() {
        let ms = Duration::from_millis;
        let marks: Vec<(Duration, u64)> = (1..=10).map(|i| (ms(100 + 10 * i), i * 100)).collect();
        let t = tenths(&marks, 1000);
        assert_eq!(t.len(), 10);
        assert_eq!(
            t[0],
            Duration::ZERO,
            "the first tenth arrived with the first chunk"
        );
        assert!(t[1..].iter().all(|d| *d == ms(10)), "{t:?}");
    }
}
