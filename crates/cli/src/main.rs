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
    /// Manage operator accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Page and API latency through the real router, on a fresh demo database in a temporary folder
    /// (or on --database-url when given).
    Http {
        /// Requests per endpoint.
        #[arg(long, default_value_t = 2000)]
        requests: usize,
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

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("GUICHET_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    if let Err(e) = run(Cli::parse()).await {
        eprintln!("guichet: {e:#}");
        std::process::exit(1);
    }
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
            let figures = guichet::bench::http(app, requests.max(1)).await;
            let _ = std::fs::remove_dir_all(&dir);
            guichet::bench::print(&figures?);
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
