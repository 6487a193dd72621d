//! Starts the real Guichet (the same `guichet::start` as `guichet serve`) on a random port, against a
//! fresh SQLite file or a fresh PostgreSQL database, with a manual clock.
//!
//! PostgreSQL tests run when `GUICHET_TEST_PG` names a server (e.g.
//! `postgres://postgres@127.0.0.1:5432/test`); `.ci/run` sets it when one answers. Under CI a missing
//! server is a failure, not a skip.

use guichet::{Config, Running};
use guichet_app::{App, ManualClock};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates `mod NAME { sqlite, postgres }` tests around `async fn NAME(backend: Backend)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::harness::init_log();
                super::$name($crate::harness::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::harness::postgres_url().is_some() {
                    $crate::harness::init_log();
                    super::$name($crate::harness::Backend::Postgres).await;
                }
            }
        }
    )*};
}

/// A plain HTTP client for a test (rustls needs its crypto provider installed first, as the app
/// does at start: see `crates/app/src/http.rs`).
pub fn http() -> reqwest::Client {
    init_log();
    guichet_app::http::install_crypto_provider();
    reqwest::Client::new()
}

/// A child process (a server, a driver) killed and reaped when dropped.
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port free on the loopback now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// With `GUICHET_TEST_LOG=debug` (or any filter), the server's log goes to the test's output.
pub fn init_log() {
    if let Ok(filter) = std::env::var("GUICHET_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
}

/// The PostgreSQL server for tests, or `None` (then the PostgreSQL variants are skipped, except
/// under CI where that is an error).
pub fn postgres_url() -> Option<String> {
    match std::env::var("GUICHET_TEST_PG") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var("CI").is_ok_and(|v| v == "true")
            && std::env::var("GUICHET_TEST_NO_PG").is_err() =>
        {
            panic!("CI=true but GUICHET_TEST_PG is not set: the PostgreSQL tests must run in CI")
        }
        _ => {
            eprintln!("skipped: GUICHET_TEST_PG is not set, PostgreSQL variant not run");
            None
        }
    }
}

/// A fresh, empty database URL for one test.
pub async fn fresh_database(backend: Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("guichet.db").display()),
        Backend::Postgres => {
            let base = postgres_url().expect("postgres url");
            let name = format!("guichet_t_{}", uuid::Uuid::new_v4().simple());
            guichet_store::create_postgres_database(&base, &name)
                .await
                .expect("create test database")
        }
    }
}

pub struct TestApp {
    pub url: String,
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub config: Config,
    /// Kept for its clean-up on drop (database file, mail folder).
    pub _dir: TempDir,
    pub running: Running,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        let dir = TempDir::new();
        let db = fresh_database(backend, &dir.0).await;
        Self::spawn_on(&db, dir, |_| {}).await
    }

    /// Another instance against the same database (and a new clock at the same time).
    pub async fn spawn_on(
        database_url: &str,
        dir: TempDir,
        tweak: impl FnOnce(&mut Config),
    ) -> TestApp {
        let mut config = Config {
            database_url: database_url.to_string(),
            addr: "127.0.0.1:0".into(),
            mail_dir: dir.0.join("mail"),
            public_url: "http://127.0.0.1".into(),
            background_jobs: false,
            ..Config::default()
        };
        tweak(&mut config);
        let clock = Arc::new(ManualClock::new(1_795_000_000)); // 2026-11-18 11:06 UTC
        let running = guichet::start(&config, Some(clock.clone()))
            .await
            .expect("start guichet");
        let url = running.url();
        TestApp {
            url,
            app: running.app.clone(),
            clock,
            config,
            _dir: dir,
            running,
        }
    }

    /// A provider operator's browser (created on first use), signed in, with `landing` loaded so
    /// that its CSRF token is the session's.
    pub async fn operator(&self, landing: &str) -> crate::client::Client {
        let (email, password) = ("ops@provider.example", "operator-passphrase-2026");
        // Already there on a second call: the sign-in below tells.
        let _ = self.app.create_operator(email, "Ops", password).await;
        let mut ops = self.client();
        let r = ops.login(email, password).await;
        assert_eq!(r.status, 303, "operator sign-in: {}", r.body);
        let page = ops.get(landing).await;
        assert_eq!(page.status, 200, "{landing}: {}", page.body);
        ops
    }

    /// A provider operator's session, for calling the back office's use cases directly (the
    /// operator is created on first use).
    pub async fn operator_session(&self) -> guichet_app::auth::SessionCtx {
        let (email, password) = ("ops@provider.example", "operator-passphrase-2026");
        let _ = self.app.create_operator(email, "Ops", password).await;
        let session = self
            .app
            .login(email, password, None, &guichet_app::Origin::default())
            .await
            .expect("operator sign-in");
        self.app
            .session(&session.token)
            .await
            .unwrap()
            .expect("operator session")
    }

    pub fn client(&self) -> crate::client::Client {
        crate::client::Client::new(&self.url)
    }

    /// Every message queued to `to`, newest first.
    pub async fn mails_to(&self, to: &str) -> Vec<guichet_store::outbox::Message> {
        let mut c = self.app.db.conn().await.unwrap();
        let mut mails = guichet_store::outbox::to_address(&mut c, to).await.unwrap();
        // An amount's no-break space reads as a space (as in client.rs).
        for m in &mut mails {
            m.body = m.body.replace('\u{a0}', " ");
            m.subject = m.subject.replace('\u{a0}', " ");
        }
        mails
    }

    pub async fn outbox_count(&self) -> i64 {
        let mut c = self.app.db.conn().await.unwrap();
        guichet_store::outbox::count(&mut c).await.unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.running.task.abort();
    }
}

/// A temporary folder removed at the end of the test.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let p =
            std::env::temp_dir().join(format!("guichet-test-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// xorshift64*: a seeded generator for the model tests, so a failing seed replays identically.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}
