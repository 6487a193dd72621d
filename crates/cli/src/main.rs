//! `guichet`: the one binary. `guichet` alone (or `guichet demo`) serves the Manager with demo data.

use anyhow::Context;
use clap::{Parser, Subcommand};
use guichet::{Config, config::ConfigArgs};
use guichet_app::SystemClock;
use std::io::BufRead;
use std::sync::Arc;

mod commands;
use commands::bench::BenchCommand;
use commands::kb::KbCommand;
use commands::webhook::WebhookCommand;

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
    /// Settle the card payments left pending (a crash or a lost answer between the provider's charge
    /// and its booking) by asking the payment provider; also done every minute inside `serve`.
    ReconcilePayments,
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
    /// Outgoing webhooks: register, list and remove the endpoints events are sent to.
    Webhook {
        #[command(subcommand)]
        action: WebhookCommand,
    },
    /// Append an e-mailed reply to its support request: one RFC 5322 message on standard input
    /// (a Postfix or Exim pipe transport), or the messages of a Maildir's new/ (see
    /// docs/OPERATIONS.md). Refused messages are logged, never bounced.
    MailIn {
        /// Read the messages of this Maildir (moved to cur/ once read) instead of standard input.
        #[arg(long)]
        maildir: Option<std::path::PathBuf>,
        /// With --maildir: look again every this many seconds (none: once).
        #[arg(long, requires = "maildir")]
        poll: Option<u64>,
    },
    /// Manage operator accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
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

/// Why a statement file over the limit is refused (`len` 0: a stream, its size unknown).
fn too_large(max: u64, len: u64) -> anyhow::Error {
    anyhow::anyhow!(
        "the file is larger than the limit of {max} bytes ({} MiB){}",
        max / (1024 * 1024),
        if len > 0 {
            format!(": {len} bytes")
        } else {
            String::new()
        }
    )
}

/// A statement stream (pipe, device), read up to `max` + 1 bytes at most; a regular file larger
/// than `max` is refused before it is read (a 200 MB file never reaches memory).
fn read_capped(path: &std::path::Path, max: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read: {e}"))?;
    let len = file.metadata().map_or(0, |m| m.len());
    if len > max {
        return Err(too_large(max, len));
    }
    let mut bytes = Vec::with_capacity(len.min(max) as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("cannot read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_large(max, 0));
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
    // Boxed: the parsed settings make the future large (clippy::large_futures).
    let result = Box::pin(run(Cli::parse())).await;
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
                // A file on disk is streamed (read twice: checked whole, then booked), so memory
                // stays flat whatever its size; a pipe or device is read once, capped.
                let max = guichet_app::bank_import::MAX_FILE_BYTES;
                let regular = std::fs::metadata(file).map(|m| (m.is_file(), m.len()));
                let bytes = match regular {
                    Ok((true, len)) if len > max => {
                        eprintln!("refused: {}", too_large(max, len));
                        failed += 1;
                        continue;
                    }
                    Ok((true, len)) => {
                        eprint!("{} KiB, importing… ", len / 1024);
                        None
                    }
                    _ => match read_capped(file, max) {
                        Ok(b) => {
                            eprint!("{} KiB, importing… ", b.len() / 1024);
                            Some(b)
                        }
                        Err(e) => {
                            eprintln!("refused: {e}");
                            failed += 1;
                            continue;
                        }
                    },
                };
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
                let imported = match &bytes {
                    Some(b) => {
                        app.import_camt_with_progress(&name, b, None, &progress)
                            .await
                    }
                    None => {
                        let open = || std::fs::File::open(file).map(std::io::BufReader::new);
                        app.import_camt_from(&name, &open, None, &progress).await
                    }
                };
                match imported {
                    Ok(r) => {
                        eprintln!(
                            "{} payments: {} credited, {} already imported, {} to place by hand, {} not credited, {} payout(s) completed",
                            r.payments,
                            r.credited,
                            r.duplicates,
                            r.exceptions,
                            r.ignored,
                            r.payouts
                        );
                        for p in &r.completed_payouts {
                            eprintln!("  payout completed: {p}");
                        }
                    }
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
        Command::ReconcilePayments => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let r = app.reconcile_payments().await?;
            println!(
                "{} pending card payment(s) older than {} s looked at: {} succeeded, {} declined, {} released (never charged), {} still open at the provider.",
                r.looked_at,
                app.config.reconcile_after_secs,
                r.succeeded,
                r.declined,
                r.released,
                r.still_open
            );
            Ok(())
        }
        Command::ExportPayouts { out } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let run = app.export_payouts(None).await?;
            match &run.file {
                None if run.set_aside.is_empty() => {
                    println!("No approved withdrawal to an IBAN: no file written.");
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
                        guichet_core::Money::new(w.amount.minor, w.currency),
                        a.problem.reason
                    );
                }
            }
            Ok(())
        }
        Command::Kb { action } => commands::kb::run(&config, action).await,
        Command::Webhook { action } => commands::webhook::run(&config, action).await,
        Command::MailIn { maildir, poll } => {
            let code = commands::mail_in::run(&config, maildir, poll).await?;
            if code != 0 {
                std::process::exit(code);
            }
            Ok(())
        }
        Command::Bench { what } => Box::pin(commands::bench::run(&config, what)).await,
        Command::GenCamt054 { entries, seed, out } => {
            let app = guichet::open(&config, Arc::new(SystemClock)).await?;
            let payments = if seed {
                let tag = (app.now() % 100_000_000) as u32;
                guichet_bench::camt::seed_open_invoices(&app, entries, tag).await?
            } else {
                guichet_bench::camt::open_invoice_payments(&app, entries).await?
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
            let password = if let Ok(p) = std::env::var("GUICHET_USER_PASSWORD") {
                p
            } else {
                eprintln!("Password for {email} (one line):");
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .context("reading the password")?;
                line.trim_end_matches(['\r', '\n']).to_string()
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
