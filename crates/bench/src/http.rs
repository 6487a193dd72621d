//! `guichet bench http`: latency of the Manager's pages and the API, measured in-process through the
//! real router (middleware, sessions, CSRF, database) without the network, on a fresh demo database.

use guichet_app::{App, Origin};
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// The header that authenticates a benchmarked request, if any.
type Auth<'a> = Option<(&'a str, &'a str)>;

pub struct Figures {
    pub name: String,
    pub n: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub per_sec: f64,
}

fn summarise(name: &str, mut samples: Vec<Duration>, wall: Duration) -> Figures {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    Figures {
        name: name.to_string(),
        n: samples.len(),
        p50: pick(0.50),
        p99: pick(0.99),
        max: *samples.last().unwrap_or(&Duration::ZERO),
        per_sec: samples.len() as f64 / wall.as_secs_f64().max(1e-9),
    }
}

pub async fn http(app: App, requests: usize) -> anyhow::Result<Vec<Figures>> {
    app.seed_demo().await?;
    let origin = Origin {
        ip: "127.0.0.1".into(),
        user_agent: "guichet-bench".into(),
    };
    let session = app
        .login(
            "alice@demo.guichet.test",
            guichet_app::demo::PASSWORD,
            None,
            &origin,
        )
        .await?;
    let ctx = app
        .session(&session.token)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no session"))?;
    let org = session
        .org
        .ok_or_else(|| anyhow::anyhow!("alice has no Organization"))?;
    let (_, token) = app.create_api_token(&ctx, org, "bench", &origin).await?;
    let router = guichet_web::router(guichet_web::AppState::new(app.clone(), Default::default()));
    let cookie = format!("guichet_session={}", session.token);
    let bearer = format!("Bearer {token}");
    let targets: Vec<(&str, String, Auth)> = vec![
        (
            "GET / (home, signed in)",
            "/".into(),
            Some(("cookie", &cookie)),
        ),
        (
            "GET /users (members, invitations)",
            "/users".into(),
            Some(("cookie", &cookie)),
        ),
        ("GET /login (anonymous)", "/login".into(), None),
        (
            "GET /api/v1/orgs/{org}/members (token)",
            format!("/api/v1/orgs/{org}/members"),
            Some(("authorization", &bearer)),
        ),
        ("GET /healthz", "/healthz".into(), None),
    ];
    let mut out = Vec::new();
    for (name, path, auth) in targets {
        eprint!("{name}: {requests} requests… ");
        let mut samples = Vec::with_capacity(requests);
        let start = Instant::now();
        for _ in 0..requests {
            let mut req = axum::http::Request::get(&path);
            if let Some((header, value)) = auth {
                req = req.header(header, value);
            }
            let req = req.body(axum::body::Body::empty())?;
            let t = Instant::now();
            let res = router.clone().oneshot(req).await?;
            let status = res.status();
            let _ = axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            samples.push(t.elapsed());
            anyhow::ensure!(status.is_success(), "{path} answered {status}");
        }
        eprintln!("done");
        out.push(summarise(name, samples, start.elapsed()));
    }
    // Password hashing bounds logins: time a few argon2id hashes (19 MiB, t = 2).
    eprint!("argon2id password hash: 20 hashes… ");
    let mut samples = Vec::new();
    let start = Instant::now();
    for _ in 0..20 {
        let t = Instant::now();
        app.hash_password("a-benchmark-passphrase-2026").await?;
        samples.push(t.elapsed());
    }
    eprintln!("done");
    out.push(summarise(
        "argon2id hash (one login)",
        samples,
        start.elapsed(),
    ));
    Ok(out)
}

pub fn print(figures: &[Figures]) {
    println!(
        "{:<48} {:>7} {:>10} {:>10} {:>10} {:>10}",
        "what", "n", "p50", "p99", "max", "per s"
    );
    for f in figures {
        println!(
            "{:<48} {:>7} {:>10.3?} {:>10.3?} {:>10.3?} {:>10.0}",
            f.name, f.n, f.p50, f.p99, f.max, f.per_sec
        );
    }
}
