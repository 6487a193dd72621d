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
    /// The real server under load over HTTP: API top-ups, API checkouts, the main pages signed in
    /// and /healthz, for each number of concurrent clients (one Organization each), next to the
    /// raw single-row insert rate of the same database. Fresh SQLite file, or --pg URL.
    Load {
        /// A PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432/test).
        #[arg(long)]
        pg: Option<String>,
        /// Numbers of concurrent clients, one run each.
        #[arg(long, value_delimiter = ',', default_value = "1,16,64")]
        clients: Vec<usize>,
        /// Seconds each path runs at each number of clients.
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
    },
    /// The invoice list (first and last page, a status filter's) and the CSV export of an
    /// Organization with N invoices, next to one with 10, over HTTP. Fresh SQLite file, or --pg URL.
    History {
        #[arg(long, default_value_t = 100_000)]
        invoices: usize,
        /// A PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432/test).
        #[arg(long)]
        pg: Option<String>,
        /// Timed requests per page.
        #[arg(long, default_value_t = 30)]
        samples: usize,
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
        BenchCommand::Load {
            pg,
            clients,
            seconds,
        } => {
            anyhow::ensure!(
                !clients.is_empty() && clients.iter().all(|c| *c > 0),
                "--clients takes positive numbers, e.g. 1,16,64"
            );
            anyhow::ensure!(
                seconds.is_finite() && seconds > 0.0,
                "--seconds must be positive"
            );
            let place = BenchPlace::open(config, pg).await?;
            let server = Server::start(&place.config).await;
            let figures = match &server {
                Ok(s) => {
                    let opts = guichet_bench::load::LoadOptions {
                        clients,
                        seconds,
                        server: s.describe(),
                    };
                    guichet_bench::load::load(place.app.clone(), &s.url, &opts).await
                }
                Err(e) => Err(anyhow::anyhow!("the server did not start: {e:#}")),
            };
            if let Ok(s) = server {
                s.stop().await;
            }
            place.close().await?;
            let figures = figures?;
            guichet_bench::load::print(&figures);
            anyhow::ensure!(
                figures.errors == 0,
                "{} requests failed (see above)",
                figures.errors
            );
            Ok(())
        }
        BenchCommand::History {
            invoices,
            pg,
            samples,
        } => {
            let place = BenchPlace::open(config, pg).await?;
            let server = Server::start(&place.config).await;
            let figures = match &server {
                Ok(s) => {
                    let opts = guichet_bench::history::HistoryOptions {
                        invoices: invoices.max(1),
                        samples: samples.max(1),
                        server: s.describe(),
                    };
                    guichet_bench::history::history(place.app.clone(), &s.url, &opts).await
                }
                Err(e) => Err(anyhow::anyhow!("the server did not start: {e:#}")),
            };
            if let Ok(s) = server {
                s.stop().await;
            }
            place.close().await?;
            let figures = figures?;
            guichet_bench::history::print(&figures);
            anyhow::ensure!(
                figures.errors == 0,
                "{} checks failed (see above)",
                figures.errors
            );
            Ok(())
        }
    }
}

/// The real server (`guichet::start`, as `guichet serve` does, background jobs off) on
/// 127.0.0.1 and a free port, on its own tokio runtime in its own threads, so that the load
/// generator's tasks (on the command's runtime) do not queue behind the server's or the reverse.
/// Both share the machine's cores, and the output says so.
struct Server {
    url: String,
    workers: usize,
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Server {
    async fn start(config: &Config) -> anyhow::Result<Server> {
        let mut config = config.clone();
        config.addr = "127.0.0.1:0".into();
        config.background_jobs = false;
        let workers = guichet_bench::machine::cores();
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<Result<String, String>>();
        let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("guichet-server".into())
            .spawn(move || {
                let rt = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(workers)
                    .thread_name("guichet-server")
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                rt.block_on(async move {
                    match guichet::start(&config, None).await {
                        Ok(running) => {
                            let _ = ready_tx.send(Ok(running.url()));
                            let _ = stop_rx.await;
                            running.task.abort();
                            running.app.db.close().await;
                        }
                        Err(e) => {
                            let _ = ready_tx.send(Err(format!("{e:#}")));
                        }
                    }
                });
            })?;
        let url = ready_rx
            .await
            .map_err(|_| anyhow::anyhow!("the server thread ended"))?
            .map_err(anyhow::Error::msg)?;
        Ok(Server {
            url,
            workers,
            stop,
            thread,
        })
    }

    fn describe(&self) -> String {
        format!(
            "guichet::start (as `guichet serve`, background jobs off) at {}, in this process on its own tokio runtime ({} worker threads); the load generator runs in the same process on another runtime and shares the same {} cores",
            self.url,
            self.workers,
            guichet_bench::machine::cores()
        )
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let thread = self.thread;
        let _ = tokio::task::spawn_blocking(move || thread.join()).await;
    }
}

/// Where a database benchmark runs: a fresh SQLite file in a temporary folder, or a fresh
/// PostgreSQL database created on the server `pg` names; both removed by [`BenchPlace::close`].
struct BenchPlace {
    app: guichet_app::App,
    /// The configuration that opened `app` (its database), for a server on the same database.
    config: Config,
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
            config,
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
