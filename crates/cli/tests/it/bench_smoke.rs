//! `guichet bench load` and `guichet bench history` in a tiny configuration, run as the binary a
//! person runs: each completes with zero errors and prints every section of its report. (Figures
//! are not asserted: performance is read from the benchmarks, not from tests.)

use crate::harness::{Backend, postgres_url};

async fn run_bench(backend: Backend, args: &[&str]) -> String {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_guichet"));
    cmd.arg("bench").args(args).env("RUST_LOG", "warn");
    if backend == Backend::Postgres {
        cmd.arg("--pg").arg(postgres_url().unwrap());
    }
    let out = cmd.output().await.expect("run guichet bench");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "guichet bench {args:?} failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn assert_has(out: &str, parts: &[&str]) {
    for p in parts {
        assert!(out.contains(p), "no {p:?} in the output:\n{out}");
    }
}

async fn bench_load_smoke(backend: Backend) {
    let out = run_bench(backend, &["load", "--seconds", "1", "--clients", "2"]).await;
    assert_has(
        &out,
        &[
            "== guichet bench load ==",
            "database: ",
            "server: guichet::start",
            "machine: before ",
            "customers: 64 Organizations for the writes",
            "raw single-row INSERT transactions (",
            "clients  path",
        ],
    );
    assert!(
        out.lines().any(|l| l.starts_with("errors: 0 of ")),
        "errors were counted:\n{out}"
    );
    // Every path ran at 2 clients and answered something.
    for path in [
        "API POST prepaid/top-ups (card)",
        "API POST products (order)",
        "API POST payments/checkout (prepaid)",
        "GET / (signed in)",
        "GET /products (signed in)",
        "GET /payments (signed in)",
        "GET /accounting/invoices (signed in)",
        "GET /accounting/prepaid (signed in)",
        "GET /healthz",
    ] {
        let row = out
            .lines()
            .find(|l| l.trim_start().starts_with("2  ") && l.contains(path))
            .unwrap_or_else(|| panic!("no row for {path} at 2 clients:\n{out}"));
        let rate: f64 = row
            .split(path)
            .nth(1)
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .and_then(|r| r.parse().ok())
            .unwrap_or_else(|| panic!("no req/s in {row:?}"));
        assert!(rate > 0.0, "{path} answered nothing: {row}");
    }
}

async fn bench_history_smoke(backend: Backend) {
    let out = run_bench(backend, &["history", "--invoices", "200", "--samples", "3"]).await;
    assert_has(
        &out,
        &[
            "== guichet bench history ==",
            "database: ",
            "server: guichet::start",
            "machine: before ",
            "seeded: 200 invoices with their lines",
            "paging: last pages reached by ",
            "invoice list, first page",
            "invoice list, last page",
            "status=overdue, first page",
            "status=overdue, last page",
            "CSV export: 200 rows",
            "CSV export, ms per successive 10 % of the bytes",
            "CSV export, resident memory",
        ],
    );
    assert!(
        out.lines().any(|l| l == "errors: 0"),
        "errors were counted:\n{out}"
    );
}

crate::both_backends!(bench_load_smoke, bench_history_smoke);
