//! Issue #11 item 7: open redirects through `next`, the client address behind proxies, sign-up
//! enumeration and throttling, `Cache-Control` on personal answers, a health check that answers in
//! time whatever the database does.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp, postgres_url};
use crate::world::{PASSWORD, world};
use std::time::{Duration, Instant};

both_backends!(
    nasty_next_values_go_to_the_default_page,
    personal_answers_are_not_stored_by_caches,
    healthz_answers_503_within_a_second_when_the_database_is_gone,
    behind_a_trusted_proxy_the_client_is_the_right_most_untrusted_address,
);

/// Values of `next` that once sent a browser elsewhere (or made the login a 500).
const NASTY_NEXT: &[&str] = &[
    "/\t/evil.example/",
    "/%09/evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/\r\nSet-Cookie: owned=1",
    "/%0D%0ASet-Cookie:%20owned=1",
    "/ /evil.example",
    "https://evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "/\u{FF0F}evil.example",
    "/%EF%BC%8Fevil.example",
    "/\u{2215}evil.example",
    "evil.example",
    "/%",
];

async fn nasty_next_values_go_to_the_default_page(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let email = w.a.lr().email.clone();
    // A good value is still followed.
    let mut c = t.client();
    c.get("/login?next=%2Fbilling").await;
    let r = c
        .post(
            "/login",
            &[
                ("email", &email),
                ("current", PASSWORD),
                ("next", "/billing"),
            ],
        )
        .await;
    assert_eq!((r.status, r.location()), (303, "/billing"));
    for nasty in NASTY_NEXT {
        let mut c = t.client();
        let query: String = serde_urlencoded_value(nasty);
        let page = c.get(&format!("/login?next={query}")).await;
        assert_eq!(page.status, 200, "{nasty:?}: {}", page.body);
        assert!(
            page.body.contains(r#"name="next" value="/""#),
            "{nasty:?}: the form carries the default page, not the value: {}",
            page.body
        );
        let r = c
            .post(
                "/login",
                &[("email", &email), ("current", PASSWORD), ("next", nasty)],
            )
            .await;
        assert_eq!(r.status, 303, "{nasty:?}: {}", r.body);
        assert_eq!(r.location(), "/", "{nasty:?} is not followed");
        assert!(
            !r.set_cookies().iter().any(|c| c.contains("owned")),
            "{nasty:?}: no header injected"
        );
        // Signed in, the login page sends straight on: to the default page too.
        let again = c.get(&format!("/login?next={query}")).await;
        assert_eq!((again.status, again.location()), (303, "/"), "{nasty:?}");
        // The language switch reads `next` the same way.
        c.get("/profile").await;
        let lang = c.post("/lang", &[("lang", "en"), ("next", nasty)]).await;
        assert_eq!((lang.status, lang.location()), (303, "/"), "{nasty:?}");
    }
}

fn serde_urlencoded_value(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn personal_answers_are_not_stored_by_caches(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let cache = |r: &crate::client::Resp| {
        r.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    for page in ["/", "/accounting/invoices", "/org", "/profile", "/help"] {
        let r = c.get(page).await;
        assert_eq!(r.status, 200, "{page}");
        assert_eq!(cache(&r), "no-store", "{page} signed in");
    }
    let me = c.api("GET", "/api/v1/me", &w.a.lr().token, None).await;
    assert_eq!(me.status, 200);
    assert_eq!(cache(&me), "no-store", "an API answer");
    let org = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await;
    assert_eq!((org.status, cache(&org).as_str()), (200, "no-store"));
    // The help centre and the login page seen without a session are not personal.
    let mut anon = t.client();
    anon.get("/help").await;
    let help = anon.get("/help").await;
    assert_eq!((help.status, cache(&help).as_str()), (200, ""));
    // The stylesheet keeps its own caching, signed in or not.
    let css = c.get("/assets/style.css").await;
    assert_eq!(cache(&css), "public, max-age=3600");
}

async fn healthz_answers_503_within_a_second_when_the_database_is_gone(b: Backend) {
    let t = TestApp::spawn(b).await;
    let ok = t.client().get("/healthz").await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    // Take the database away. PostgreSQL: the database is dropped under the app (its pool then
    // retries connecting until its acquire timeout, 10 s). SQLite: another process holds the write
    // lock and every pooled connection is stuck behind it in its busy timeout (10 s), as when
    // writers pile up behind a stuck transaction.
    let lock = match b {
        Backend::Sqlite => Some(lock_sqlite_and_fill_the_pool(&t).await),
        Backend::Postgres => {
            drop_postgres_database(&t.config.database_url).await;
            None
        }
    };
    for attempt in 0..3 {
        let started = Instant::now();
        let r = t.client().get("/healthz").await;
        let took = started.elapsed();
        assert_eq!(r.status, 503, "attempt {attempt}: {}", r.body);
        assert_eq!(r.json()["database"], "unreachable");
        assert!(
            took < Duration::from_millis(1500),
            "attempt {attempt}: /healthz took {took:?}"
        );
    }
    if let Some(mut lock) = lock {
        use sqlx::Connection;
        sqlx::raw_sql("ROLLBACK").execute(&mut lock).await.unwrap();
        lock.close().await.unwrap();
        // Once the lock is gone the check says so again.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let r = t.client().get("/healthz").await;
            if r.status == 200 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "still {} after the lock",
                r.status
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// Another connection takes the SQLite write lock; then more writers than the app's pool holds
/// start a transaction, each waiting on that lock with a pooled connection.
async fn lock_sqlite_and_fill_the_pool(t: &TestApp) -> sqlx::SqliteConnection {
    use sqlx::Connection;
    let mut c = sqlx::SqliteConnection::connect(&t.config.database_url)
        .await
        .unwrap();
    sqlx::raw_sql("BEGIN IMMEDIATE")
        .execute(&mut c)
        .await
        .unwrap();
    for _ in 0..16 {
        let app = t.app.clone();
        tokio::spawn(async move {
            let _ = app.db.begin().await;
        });
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    c
}

/// Drops the test's PostgreSQL database, ending the app's connections to it.
async fn drop_postgres_database(url: &str) {
    use sqlx::Connection;
    let name = url.rsplit('/').next().unwrap().to_string();
    let mut admin = sqlx::PgConnection::connect(&postgres_url().unwrap())
        .await
        .unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE \"{name}\" WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
}

/// Failed logins from one client, each with a different forged left-most `X-Forwarded-For`, for
/// different accounts (so only the per-address limit can stop them).
async fn forged_failed_logins(c: &mut crate::client::Client, n: usize) -> Vec<u16> {
    c.get("/login").await;
    let mut statuses = Vec::new();
    for i in 0..n {
        let csrf = c.csrf.clone();
        let email = format!("nobody{i}@example.ch");
        let forged = format!("198.51.100.{}, 203.0.113.7", i % 250);
        let r = c
            .post_raw(
                "/login",
                &[
                    ("csrf", &csrf),
                    ("email", &email),
                    ("current", "wrong-password-x"),
                    ("next", "/"),
                ],
                &[("x-forwarded-for", &forged)],
            )
            .await;
        statuses.push(r.status);
    }
    statuses
}

async fn login_failure_ips(t: &TestApp) -> Vec<String> {
    let mut c = t.app.db.conn().await.unwrap();
    guichet_store::audit::latest_of_action(&mut c, "login.failed", 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.ip)
        .collect()
}

async fn behind_a_trusted_proxy_the_client_is_the_right_most_untrusted_address(b: Backend) {
    // The tests connect from 127.0.0.1: that is "the proxy" here.
    let dir = TempDir::new();
    let db = crate::harness::fresh_database(b, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| {
        c.trusted_proxies = guichet_web::TrustedProxies::parse("127.0.0.1/32, ::1").unwrap();
    })
    .await;
    let mut c = t.client();
    let statuses = forged_failed_logins(&mut c, 70).await;
    let first_refused = statuses.iter().position(|s| *s == 429);
    assert_eq!(
        first_refused,
        Some(50),
        "the 51st failure from one address in a minute is refused: {statuses:?}"
    );
    assert!(statuses[..50].iter().all(|s| *s == 401));
    assert!(statuses[50..].iter().all(|s| *s == 429));
    let ips = login_failure_ips(&t).await;
    assert_eq!(ips.len(), 50);
    assert!(
        ips.iter().all(|ip| ip == "203.0.113.7"),
        "the audit log has the address our proxy saw, not the forged one: {ips:?}"
    );
    // Without a trusted proxy configured, the header is the client's own words: ignored.
    let dir = TempDir::new();
    let db = crate::harness::fresh_database(b, &dir.0).await;
    let plain = TestApp::spawn_on(&db, dir, |_| {}).await;
    let mut c = plain.client();
    let statuses = forged_failed_logins(&mut c, 3).await;
    assert_eq!(statuses, [401, 401, 401]);
    let ips = login_failure_ips(&plain).await;
    assert_eq!(ips, ["127.0.0.1"; 3], "the peer is recorded");
}
