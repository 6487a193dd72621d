//! The statement counter: a `tracing` layer over sqlx's statement log.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, Registry};

/// Statements counted since the process started (transaction control excluded).
static COUNT: AtomicU64 = AtomicU64::new(0);
/// The statements' summaries, kept while [`Counting`] is live, to explain a failed budget.
static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The tests of this binary run one at a time, so only the measured one's statements count.
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct Summary(String);

// sqlx logs a short statement whole in `summary` and leaves `db.statement` empty (a long one is
// cut in `summary` and whole in `db.statement`): the statement is the non-empty one, so that a
// short `BEGIN` or `SAVEPOINT …` is seen as transaction control, not as a blank statement.
impl Summary {
    fn take(&mut self, field: &Field, value: String) {
        let value = value.trim().trim_matches('"').trim().to_string();
        if value.is_empty() {
            return;
        }
        if field.name() == "db.statement" || (field.name() == "summary" && self.0.is_empty()) {
            self.0 = value;
        }
    }
}

impl Visit for Summary {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.take(field, value.to_string());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.take(field, format!("{value:?}"));
    }
}

struct StatementLayer;

impl<S: tracing::Subscriber> Layer<S> for StatementLayer {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut s = Summary(String::new());
        event.record(&mut s);
        let sql = s.0.trim().trim_matches('"').trim().to_string();
        let head = sql
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        // Transaction control, and a pooled connection's set-up (`PRAGMA …` when SQLite opens one,
        // which happens whenever the pool grows, not per request).
        if matches!(
            head.as_str(),
            "BEGIN" | "COMMIT" | "ROLLBACK" | "SAVEPOINT" | "RELEASE" | "END" | "PRAGMA"
        ) {
            return;
        }
        COUNT.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut seen) = SEEN.lock() {
            seen.push(sql.chars().take(160).collect());
        }
    }
}

fn install() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let subscriber = Registry::default().with(
            StatementLayer.with_filter(
                tracing_subscriber::filter::Targets::new()
                    .with_target("sqlx::query", tracing::Level::TRACE),
            ),
        );
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

/// Counts the statements sent while it is live.
pub struct Counting {
    start: u64,
}

impl Counting {
    pub fn start() -> Counting {
        install();
        if let Ok(mut seen) = SEEN.lock() {
            seen.clear();
        }
        Counting {
            start: COUNT.load(Ordering::SeqCst),
        }
    }

    /// The statements sent since [`Counting::start`], and what they were.
    pub fn stop(self) -> (u64, Vec<String>) {
        let n = COUNT.load(Ordering::SeqCst) - self.start;
        let seen = SEEN.lock().map(|s| s.clone()).unwrap_or_default();
        (n, seen)
    }
}
