//! Configuration and start-up of Guichet, shared by the `guichet` binary and the integration tests
//! (which start the real server on a random port exactly as `guichet serve` does).

pub mod config;

use guichet_app::{App, Clock, SystemClock};
use guichet_store::Db;
use std::net::SocketAddr;
use std::sync::Arc;

pub use config::Config;

/// A running server.
pub struct Running {
    pub addr: SocketAddr,
    pub app: App,
    pub task: tokio::task::JoinHandle<()>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Connects, migrates and returns the application (no server).
pub async fn open(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
    // Before any HTTP client of the process is built (reqwest has no default rustls provider).
    guichet_app::http::install_crypto_provider();
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| anyhow::anyhow!("database {}: {e}", redact(&config.database_url)))?;
    let applied = db.migrate().await?;
    for m in applied {
        tracing::info!(migration = %m, "applied");
    }
    let app = App::new(db, clock, config.app_config());
    if app.seed_catalogue().await? {
        tracing::info!("catalogue: starter offers created");
    }
    let installed = app.kb_install_builtin().await?;
    if installed > 0 {
        tracing::info!(
            guides = installed,
            "knowledge base: shipped guides installed"
        );
    }
    Ok(app)
}

/// Binds `config.addr` (port 0 picks a free one), starts the HTTP server and the background jobs
/// (e-mail sender, webhook sender, clean-up) and returns at once.
pub async fn start(config: &Config, clock: Option<Arc<dyn Clock>>) -> anyhow::Result<Running> {
    let app = open(config, clock.unwrap_or_else(|| Arc::new(SystemClock))).await?;
    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr()?;
    if config.background_jobs {
        tokio::spawn(guichet_app::mail::sender::run(app.clone()));
        tokio::spawn(guichet_app::webhooks::sender::run(app.clone()));
        tokio::spawn(cleanup(app.clone()));
        tokio::spawn(daily_billing(app.clone()));
        tokio::spawn(reconcile_payments(app.clone()));
    }
    let router = guichet_web::router(guichet_web::AppState::new(
        app.clone(),
        config.trusted_proxies.clone(),
    ));
    let task = tokio::spawn(async move {
        let svc = router.into_make_service_with_connect_info::<SocketAddr>();
        if let Err(e) = axum::serve(listener, svc)
            .with_graceful_shutdown(shutdown_signal())
            .await
        {
            tracing::error!(error = %e, "server stopped");
        }
    });
    Ok(Running { addr, app, task })
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

/// Daily (and at start-up): the billing run. Safe with several instances (see `billing_run`).
async fn daily_billing(app: App) {
    loop {
        match app.billing_run(None).await {
            Ok(r) => tracing::info!(
                renewals = r.renewals,
                state_changes = r.state_changes,
                overdue = r.overdue,
                reminders = r.reminders.sent,
                "billing run"
            ),
            Err(e) => tracing::error!(error = %e, "billing run failed"),
        }
        tokio::time::sleep(std::time::Duration::from_hours(24)).await;
    }
}

/// At start-up and every minute: card charges a crash or a lost answer left pending are settled by
/// asking the payment provider (issue #13). Safe with several instances: each settlement is a
/// compare-and-set from `pending`.
async fn reconcile_payments(app: App) {
    loop {
        match app.reconcile_payments().await {
            Ok(r) if r.looked_at > 0 => tracing::info!(
                looked_at = r.looked_at,
                succeeded = r.succeeded,
                declined = r.declined,
                released = r.released,
                still_open = r.still_open,
                "pending card payments reconciled"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "reconciling card payments failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(
            app.config.reconcile_after_secs.clamp(1, 60).unsigned_abs(),
        ))
        .await;
    }
}

/// Hourly: expired sessions and old login attempts go.
async fn cleanup(app: App) {
    loop {
        if let Err(e) = app.purge_expired_records().await {
            tracing::error!(error = %e, "hourly clean-up failed");
        }
        // SUP-03: the LRs learn that a support grant ran out (also sent lazily, see `support`).
        if let Err(e) = app.mail_expired_support_grants(None).await {
            tracing::error!(error = %e, "support expiry mails failed");
        }
        tokio::time::sleep(std::time::Duration::from_hours(1)).await;
    }
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}
