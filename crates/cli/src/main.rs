//! `guichet`: the one binary. `guichet` alone (or `guichet demo`) serves the Manager with demo data.

use anyhow::Context;
use clap::{Parser, Subcommand};
use guichet::{Config, config::ConfigArgs};
use guichet_app::SystemClock;
use std::io::BufRead;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "guichet",
    version,
    about = "Guichet — the customer Manager for hosting providers"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the Manager, the back office and the API (applies pending migrations first).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the demo data if absent, print the demo logins, then serve (the default command).
    Demo {
        /// Create the demo data and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Measure performance (see docs/PERFORMANCE.md).
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Import bank statements (camt.053 / camt.054 files) and credit the payments they carry.
    ImportCamt {
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Issue renewal invoices ahead of expiry and move products through their lifecycle (also runs
    /// daily inside `serve`).
    BillingRun {
        /// Run as of this day (YYYY-MM-DD) instead of today.
        #[arg(long)]
        at: Option<String>,
    },
    /// Send the reminders of unpaid invoices that are due (REM-05; also part of `billing-run` and of
    /// the daily job inside `serve`). Each (invoice, level) goes out once however often this runs.
    SendReminders {
        /// Run as of this day (YYYY-MM-DD) instead of today.
        #[arg(long)]
        at: Option<String>,
    },
    /// Write the pain.001 payout file of every approved withdrawal to an IBAN (marks them in transit).
    ExportPayouts {
        /// Folder for the file.
        #[arg(long, default_value = ".")]
        out: std::path::PathBuf,
    },
    /// Write a camt.054 notification whose entries pay open invoices exactly (tests, benchmarks,
    /// staging): the database's open invoices, or N new ones seeded first with --seed.
    #[command(hide = true, name = "gen-camt054")]
    GenCamt054 {
        #[arg(long, default_value_t = 20_000)]
        entries: usize,
        /// Seed that many open invoices first (in new Organizations) and pay those.
        #[arg(long)]
        seed: bool,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// The knowledge base: search it, import or export its guides.
    Kb {
        #[command(subcommand)]
        action: KbCommand,
    },
    /// Print a site's settings as the hosting platform's configuration (Apache `SetEnv` lines and a
    /// PHP-FPM pool `env[...]` block), secret values included. SITE is the site's id or domain.
    SiteConfig { site: String },
    /// Manage operator accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
}

#[derive(Subcommand)]
enum KbCommand {
    /// Search the published guides, best first.
    Search {
        query: String,
        /// Only guides in this language (fr, en, de); all languages when absent.
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print `[{"id", "title", "score", "snippet"}]`.
        #[arg(long)]
        json: bool,
    },
    /// Import guide files (DIR/<lang>/<id>.md, or a flat folder with YAML `---` or TOML `+++`
    /// front matter and `lang` in it): changed ones are published as new versions, each file is
    /// reported; exits non-zero if a file is broken or a non-empty folder yields no guide.
    Import {
        dir: std::path::PathBuf,
        /// Then unpublish every guide that was not in DIR (their versions are kept), so the
        /// published set is exactly the imported guides. Not done if any file is broken.
        #[arg(long)]
        replace: bool,
    },
    /// Export the published guides to DIR/<lang>/<id>.md.
    Export { dir: std::path::PathBuf },
}

#[derive(Subcommand)]
enum BenchCommand {
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

#[derive(Subcommand)]
enum UserCommand {
    /// Create an operator account (back office at /admin). The password is read from
    /// GUICHET_USER_PASSWORD, or from the first line of standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

/// A statement file, refused before it is read when larger than `max` bytes (a 200 MB file never
/// reaches memory); a stream (pipe, device) is read up to `max` + 1 bytes at most.
fn read_capped(path: &std::path::Path, max: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let too_large = |len: u64| {
        anyhow::anyhow!(
            "the file is larger than the limit of {max} bytes ({} MiB){}",
            max / (1024 * 1024),
            if len > 0 {
                format!(": {len} bytes")
            } else {
                String::new()
            }
        )
    };
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read: {e}"))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_large(0));
    }
    Ok(bytes)
}

/// `--at 2026-12-01` → noon UTC of that day.
fn at_date(at: Option<&str>) -> anyhow::Result<Option<i64>> {
    let Some(d) = at else { return Ok(None) };
    let date = guichet_core::period::Date::parse_iso(d)
        .ok_or_else(|| anyhow::anyhow!("--at must be a date like 2026-12-01, got {d:?}"))?;
    let month = time::Month::try_from(date.month)?;
    Ok(Some(
        time::Date::from_calendar_date(date.year, month, date.day)?
            .midnight()
            .assume_utc()
            .unix_timestamp()
            + 12 * 3600,
    ))
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("GUICHET_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let result = run(Cli::parse()).await;
    report_peak_rss();
    if let Err(e) = result {
        eprintln!("guichet: {e:#}");
        std::process::exit(1);
    }
}

/// With `GUICHET_REPORT_PEAK_RSS=1`, prints the process's peak resident memory (Linux `VmHWM`) on
/// exit: how the tests check that a hostile statement file is refused in little memory. (Measured
/// by the process itself: a parent's wait4/getrusage figure also counts the memory the child shared
/// with its parent before exec.)
fn report_peak_rss() {
    if std::env::var_os("GUICHET_REPORT_PEAK_RSS").is_none() {
        return;
    }
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .map(|v| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    eprintln!("guichet: peak RSS {hwm}");
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(cli.config)?;
    match cli.command.unwrap_or(Command::Demo { no_serve: false }) {
        Command::Serve => serve(&config, false).await,
        Command::Migrate => {
            guichet::open(&config, Arc::new(SystemClock)).await?;
            println!(
                "Database {} is up to date.",
                guichet::redact(&config.database_url)
            );
            Ok(())
        }
        Command::SiteConfig { site } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            match app.site_config_for_platform(&site).await {
                Ok(text) => {
                    print!("{text}");
                    Ok(())
                }
                Err(guichet_app::AppError::NotFound) => anyhow::bail!("no site {site:?}"),
                Err(e) => Err(e.into()),
            }
        }
        Command::Demo { no_serve } => {
            if no_serve {
                let app = guichet::open(&config, Arc::new(SystemClock)).await?;
                seed(&app).await?;
                print_logins(&config);
                Ok(())
            } else {
                serve(&config, true).await
            }
        }
        Command::ImportCamt { files } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let total = files.len();
            let mut failed = 0;
            for (n, file) in files.iter().enumerate() {
                let name = file.display().to_string();
                eprint!("[{}/{total}] {name}: reading… ", n + 1);
                let bytes = match read_capped(file, guichet_app::bank_import::MAX_FILE_BYTES) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("refused: {e}");
                        failed += 1;
                        continue;
                    }
                };
                eprint!("{} KiB, importing… ", bytes.len() / 1024);
                // A progress line on large files, rewritten in place.
                let label = format!("[{}/{total}] {name}:", n + 1);
                let progress = |done: usize, all: usize| {
                    if all >= 1_000 {
                        eprint!(
                            "\r{label} importing… {done}/{all} payments ({} %) ",
                            done * 100 / all.max(1)
                        );
                    }
                };
                match app
                    .import_camt_with_progress(&name, &bytes, None, &progress)
                    .await
                {
                    Ok(r) => eprintln!(
                        "{} payments: {} credited, {} already imported, {} to place by hand, {} not credited",
                        r.payments, r.credited, r.duplicates, r.exceptions, r.ignored
                    ),
                    Err(e) => {
                        eprintln!("refused: {e}");
                        failed += 1;
                    }
                }
            }
            if failed > 0 {
                anyhow::bail!("{failed} of {total} file(s) not imported");
            }
            Ok(())
        }
        Command::BillingRun { at } => {
            let at = at_date(at.as_deref())?;
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            eprintln!("Billing run…");
            let r = app.billing_run(at).await?;
            println!(
                "{} renewal invoice(s) issued, {} period(s) already invoiced, {} product state change(s), {} invoice(s) now overdue, {} reminder(s) sent.",
                r.renewals, r.already_invoiced, r.state_changes, r.overdue, r.reminders.sent
            );
            Ok(())
        }
        Command::SendReminders { at } => {
            let at = at_date(at.as_deref())?;
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let r = app.send_reminders(at).await?;
            println!(
                "{} reminder(s) sent ({} e-mail(s)); {} already sent, {} skipped (bank transfer declared).",
                r.sent, r.emails, r.already_sent, r.transfer_declared
            );
            Ok(())
        }
        Command::ExportPayouts { out } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let run = app.export_payouts(None).await?;
            match &run.file {
                None if run.set_aside.is_empty() => {
                    println!("No approved withdrawal to an IBAN: no file written.")
                }
                None => println!(
                    "No file written: every approved withdrawal to an IBAN ({}) was set aside.",
                    run.set_aside.len()
                ),
                Some(f) => {
                    std::fs::create_dir_all(&out).with_context(|| out.display().to_string())?;
                    let path = out.join(format!("{}.xml", f.message_id));
                    std::fs::write(&path, &f.xml).with_context(|| path.display().to_string())?;
                    println!(
                        "{} payout(s) written to {} (pain.001.001.09); they are now in transit.",
                        f.payouts,
                        path.display()
                    );
                }
            }
            if !run.set_aside.is_empty() {
                println!(
                    "{} withdrawal(s) set aside (still approved, nothing moved; reject them in the back office or fix the data):",
                    run.set_aside.len()
                );
                for a in &run.set_aside {
                    let w = &a.withdrawal;
                    println!(
                        "  {} {} {}: {}",
                        w.id,
                        w.org_name,
                        guichet_core::Money::new(w.amount, w.currency),
                        a.problem.reason
                    );
                }
            }
            Ok(())
        }
        Command::Kb { action } => kb(&config, action).await,
        Command::Bench {
            what: BenchCommand::Kb { guides, rounds },
        } => {
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
        Command::Bench {
            what: BenchCommand::Http { requests },
        } => {
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
        Command::Bench {
            what: BenchCommand::BillingRun { products, pg },
        } => {
            let place = BenchPlace::open(&config, pg).await?;
            let figures =
                guichet_bench::billing_run::billing_run(place.app.clone(), products.max(1)).await;
            place.close().await?;
            guichet_bench::billing_run::print(&figures?);
            Ok(())
        }
        Command::Bench {
            what: BenchCommand::ImportCamt { entries, pg },
        } => {
            let place = BenchPlace::open(&config, pg).await?;
            let figures = guichet_bench::camt::import_camt(place.app.clone(), entries.max(1)).await;
            place.close().await?;
            guichet_bench::camt::print(&figures?);
            Ok(())
        }
        Command::GenCamt054 { entries, seed, out } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let payments = if seed {
                let tag = (app.now() % 100_000_000) as u32;
                guichet_bench::camt::seed_open_invoices(&app, entries, tag).await?
            } else {
                let mut c = app.db.conn().await?;
                guichet_store::billing::open_due_by(&mut c, "9999-12-31", entries as i64)
                    .await?
                    .into_iter()
                    .map(|i| guichet_bench::camt::CamtPayment {
                        id: format!("GEN-{}", i.id),
                        reference: i.payment_reference,
                        amount_minor: i.gross,
                        currency: i.currency,
                    })
                    .collect()
            };
            let xml = guichet_bench::camt::camt054(&format!("GEN-{}", app.now()), &payments);
            std::fs::write(&out, &xml).with_context(|| out.display().to_string())?;
            println!(
                "{} entries ({} KiB) written to {}",
                payments.len(),
                xml.len() / 1024,
                out.display()
            );
            Ok(())
        }
        Command::User {
            action: UserCommand::Create { email, name },
        } => {
            let password = match std::env::var("GUICHET_USER_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    eprintln!("Password for {email} (one line):");
                    let mut line = String::new();
                    std::io::stdin()
                        .lock()
                        .read_line(&mut line)
                        .context("reading the password")?;
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            match app.create_operator(&email, &name, &password).await {
                Ok(id) => {
                    println!(
                        "Operator {email} created ({id}). Sign in at {}/login, then open /admin.",
                        config.public_url
                    );
                    Ok(())
                }
                Err(guichet_app::AppError::Invalid(fields)) => {
                    let msgs: Vec<String> = fields
                        .iter()
                        .map(|f| {
                            format!(
                                "{}: {}",
                                f.field,
                                guichet_core::i18n::t(guichet_core::Lang::En, f.key)
                            )
                        })
                        .collect();
                    anyhow::bail!("{}", msgs.join("; "))
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

async fn seed(app: &guichet_app::App) -> anyhow::Result<()> {
    if app.seed_demo().await? {
        println!("Demo data created.");
    } else {
        println!("Demo data already present.");
    }
    Ok(())
}

fn print_logins(config: &Config) {
    println!();
    println!(
        "Demo logins (password for all: {}):",
        guichet_app::demo::PASSWORD
    );
    for l in guichet_app::demo::LOGINS {
        println!("  {:<28} {}", l.email, l.what);
    }
    println!(
        "E-mails are written to {}/ (no SMTP server configured).",
        config.mail_dir.display()
    );
}

async fn serve(config: &Config, demo: bool) -> anyhow::Result<()> {
    let running = guichet::start(config, None).await?;
    if demo {
        seed(&running.app).await?;
        print_logins(config);
    }
    println!();
    println!(
        "Guichet is running: {}  (Ctrl-C stops it)",
        config
            .public_url
            .replace(&config.addr, &running.addr.to_string())
    );
    println!("Database: {}", guichet::redact(&config.database_url));
    running.task.await.context("server task")?;
    Ok(())
}

async fn kb(config: &Config, action: KbCommand) -> anyhow::Result<()> {
    let app = guichet::open(config, Arc::new(SystemClock)).await?;
    match action {
        KbCommand::Search {
            query,
            lang,
            limit,
            json,
        } => {
            let lang = match lang.as_deref() {
                Some(code) => Some(
                    guichet_core::Lang::parse(code)
                        .ok_or_else(|| anyhow::anyhow!("--lang must be fr, en or de"))?,
                ),
                None => None,
            };
            let hits = app.kb_search(&query, lang, limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else if hits.is_empty() {
                println!("No guide matches {query:?}.");
            } else {
                for (i, h) in hits.iter().enumerate() {
                    let snippet = h.snippet.replace("<mark>", "[").replace("</mark>", "]");
                    println!(
                        "{:>2}. {} ({}, score {:.2})\n    {}",
                        i + 1,
                        h.title,
                        h.id,
                        h.score,
                        snippet
                    );
                }
            }
        }
        KbCommand::Import { dir, replace } => {
            let mut report = |l: &guichet_app::kb::ImportLine| {
                use guichet_app::kb::ImportOutcome as O;
                let id = l.id.as_deref().unwrap_or("");
                match &l.outcome {
                    O::Published => println!("published  {} ({id})", l.path),
                    O::Unchanged => println!("unchanged  {} ({id})", l.path),
                    O::Skipped(why) => println!("skipped    {}: {why}", l.path),
                    O::Broken(why) => println!("BROKEN     {why}"),
                }
                for w in &l.warnings {
                    println!("  warning: {w}");
                }
            };
            let sum = app
                .kb_import_dir(&dir, replace, &mut report)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
            for id in &sum.unpublished {
                println!("unpublished {id} (not in {})", dir.display());
            }
            println!(
                "{} guide(s) published, {} unchanged, {} skipped, {} broken{}.",
                sum.published,
                sum.unchanged,
                sum.skipped,
                sum.broken.len(),
                if replace {
                    format!(", {} unpublished", sum.unpublished.len())
                } else {
                    String::new()
                }
            );
            if !sum.broken.is_empty() {
                anyhow::bail!(
                    "{} broken file(s){}: {}",
                    sum.broken.len(),
                    if replace { ", nothing unpublished" } else { "" },
                    sum.broken.join(", ")
                );
            }
            if sum.published + sum.unchanged == 0 && sum.skipped > 0 {
                anyhow::bail!(
                    "{}: no guide found among {} file(s) (expected .md files with front matter)",
                    dir.display(),
                    sum.skipped
                );
            }
        }
        KbCommand::Export { dir } => {
            let n = app.kb_export_dir(&dir).await?;
            println!("{n} guide(s) written to {}.", dir.display());
        }
    }
    Ok(())
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
