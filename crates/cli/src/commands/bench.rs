//! `guichet bench …`: the benchmarks of `guichet-bench`, run on a fresh database.

use clap::Subcommand;
use guichet::Config;
use guichet_app::SystemClock;
use std::sync::Arc;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Search quality (MRR@10, Recall@1/5 on the repo's questions) and latency with 1 000 guides,
    /// next to an SQLite FTS5 baseline on the same guides and questions.
    Kb {
        #[arg(long, default_value_t = 1000)]
        guides: usize,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Page and API latency through the real router, on a fresh demo database in a temporary folder
    /// (or on --database-url when given).
    Http {
        /// Requests per endpoint.
        #[arg(long, default_value_t = 2000)]
        requests: usize,
    },
    /// Invoices per second of the billing run for N due products (renewal invoices with their ledger
    /// postings), next to the raw insert rate of the same database. On a fresh SQLite file in a
    /// temporary folder, or with --pg URL on a fresh PostgreSQL database created (and dropped) there.
    BillingRun {
        #[arg(long, default_value_t = 100_000)]
        products: usize,
        /// A PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432/test).
        #[arg(long)]
        pg: Option<String>,
    },
    /// Entries per second of a camt.054 import (matching, ledger postings, invoices paid) with N
    /// entries paying N open invoices, next to the raw XML parse rate of the same file; then the
    /// same file again (nothing booked). Fresh SQLite file in a temporary folder, or --pg URL.
    ImportCamt {
        #[arg(long, default_value_t = 20_000)]
        entries: usize,
        /// A PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432/test).
        #[arg(long)]
        pg: Option<String>,
    },
}

pub async fn run(config: &Config, what: BenchCommand) -> anyhow::Result<()> {
    match what {
        BenchCommand::Kb { guides, rounds } => {
            let library = guichet_kb::Library::builtin()?;
            let questions = guichet_bench::kb::eval::default_questions()?;
            let opts = guichet_bench::kb::BenchOptions {
                target_guides: guides,
                rounds,
                ..Default::default()
            };
            eprintln!(
                "Building indexes and timing {} questions over {guides} guides…",
                questions.len()
            );
            let report = guichet_bench::kb::bench(
                library.guides(),
                &questions,
                &guichet_kb::SearchConfig::default(),
                &opts,
            )?;
            print!("{report}");
            Ok(())
        }
        BenchCommand::Http { requests } => {
            let dir = std::env::temp_dir().join(format!("guichet-bench-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let mut config = config.clone();
            if config.database_url == Config::default().database_url {
                config.database_url = format!("sqlite://{}", dir.join("bench.db").display());
            }
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let figures = guichet_bench::http::http(app, requests.max(1)).await;
            let _ = std::fs::remove_dir_all(&dir);
            guichet_bench::http::print(&figures?);
            Ok(())
        }
        BenchCommand::BillingRun { products, pg } => {
            let place = BenchPlace::open(config, pg).await?;
            let figures =
                guichet_bench::billing_run::billing_run(place.app.clone(), products.max(1)).await;
            place.close().await?;
            guichet_bench::billing_run::print(&figures?);
            Ok(())
        }
        BenchCommand::ImportCamt { entries, pg } => {
            let place = BenchPlace::open(config, pg).await?;
            let figures = guichet_bench::camt::import_camt(place.app.clone(), entries.max(1)).await;
            place.close().await?;
            guichet_bench::camt::print(&figures?);
            Ok(())
        }
    }
}

/// Where a database benchmark runs: a fresh SQLite file in a temporary folder, or a fresh
/// PostgreSQL database created on the server `pg` names; both removed by [`BenchPlace::close`].
struct BenchPlace {
    app: guichet_app::App,
    dir: std::path::PathBuf,
    pg: Option<(String, String)>,
}

impl BenchPlace {
    async fn open(config: &Config, pg: Option<String>) -> anyhow::Result<BenchPlace> {
        let dir = std::env::temp_dir().join(format!("guichet-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let mut config = config.clone();
        config.background_jobs = false;
        config.mail_dir = dir.join("mail");
        let pg_name = format!("guichet_bench_{}", std::process::id());
        config.database_url = match &pg {
            Some(base) => guichet_store::create_postgres_database(base, &pg_name).await?,
            None => format!("sqlite://{}", dir.join("bench.db").display()),
        };
        let app = guichet::open(&config, Arc::new(SystemClock)).await?;
        Ok(BenchPlace {
            app,
            dir,
            pg: pg.map(|base| (base, pg_name)),
        })
    }

    async fn close(self) -> anyhow::Result<()> {
        self.app.db.close().await;
        if let Some((base, name)) = &self.pg {
            guichet_store::bench::drop_postgres_database(base, name).await?;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        Ok(())
    }
}
