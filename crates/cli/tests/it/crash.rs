//! The billing run survives `kill -9` (issue #3, acceptance 7): killed at random points of its work
//! (after a random number of invoices, plus a few random milliseconds) 20 times and restarted, it still issues every (product, period) invoice exactly once, with gap-free numbers and a
//! balanced ledger. The run is the real `guichet billing-run` process; the kill is SIGKILL.

use crate::both_backends;
use crate::harness::{Backend, TempDir, fresh_database};
use guichet_core::{Currency, OrgKind};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

both_backends!(the_billing_run_killed_twenty_times_invoices_each_period_exactly_once);

const PRODUCTS: usize = 4_000;
const KILLS: usize = 20;

/// A small deterministic generator (the seed is printed, so a failure can be replayed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

async fn the_billing_run_killed_twenty_times_invoices_each_period_exactly_once(b: Backend) {
    let dir = TempDir::new();
    let url = fresh_database(b, &dir.0).await;
    // Seed: Organizations with 100 running yearly products each, all expiring within the lead time.
    {
        let db = guichet_store::Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        let app_cfg = guichet::Config {
            database_url: url.clone(),
            background_jobs: false,
            mail_dir: dir.0.join("mail"),
            ..guichet::Config::default()
        };
        let app = guichet::open(&app_cfg, std::sync::Arc::new(guichet_app::SystemClock))
            .await
            .unwrap();
        app.seed_catalogue().await.unwrap();
        let mut c = app.db.write_conn().await.unwrap();
        let offer = guichet_store::billing::catalogue(&mut c, Currency::Chf, 0)
            .await
            .unwrap()
            .remove(0);
        drop(c);
        for n in 0..PRODUCTS / 100 {
            let mut tx = app.db.begin().await.unwrap();
            let details = guichet_store::orgs::OrgDetails {
                name: format!("Crash {n}"),
                street: "Rue 1".into(),
                postcode: "1003".into(),
                city: "Lausanne".into(),
                country: "CH".into(),
                ..Default::default()
            };
            let org =
                guichet_store::orgs::insert(&mut tx, &details, OrgKind::Company, Currency::Chf, 0)
                    .await
                    .unwrap();
            guichet_store::bench::seed_running_products(
                &mut tx,
                org,
                &offer.id.to_string(),
                &offer.name,
                12,
                "2026-01-10",
                "2027-01-10",
                100,
                0,
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
        app.db.close().await;
    }
    let run = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_guichet"));
        cmd.args(["billing-run", "--at", "2026-12-20"])
            .env("GUICHET_DATABASE_URL", &url)
            .env("GUICHET_MAIL_DIR", dir.0.join("mail"))
            .env_remove("GUICHET_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    };
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("crash test seed: {seed}");
    let mut rng = Lcg(seed);
    let mut finished_early = 0;
    let mut killed_mid_way = 0;
    let db = guichet_store::Db::connect(&url).await.unwrap();
    let census = async || {
        let mut c = db.conn().await.unwrap();
        guichet_store::billing::renewal_census(&mut c)
            .await
            .unwrap()
            .0
    };
    for _ in 0..KILLS {
        let mut child = run().spawn().expect("start guichet billing-run");
        // A random point of the work: once this run has issued up to 300 more invoices (a batch
        // commits 200), plus a random few milliseconds inside the next batch — so most of the 20
        // kills land in the middle of the run.
        let done = census().await;
        let target = done + 1 + (rng.next() % 300) as i64;
        let extra = Duration::from_millis(rng.next() % 40);
        let started = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() || started.elapsed() > Duration::from_mins(2) {
                break;
            }
            if census().await >= target {
                std::thread::sleep(extra);
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        if child.try_wait().unwrap().is_some() {
            finished_early += 1;
        } else {
            child.kill().expect("SIGKILL"); // std's kill() is SIGKILL on Unix
        }
        child.wait().unwrap();
        // Killed with part of the work done: what the test is about.
        let invoices = census().await;
        if invoices > 0 && invoices < PRODUCTS as i64 {
            killed_mid_way += 1;
        }
    }
    eprintln!(
        "crash test: {killed_mid_way} of {KILLS} runs killed mid-way, {finished_early} finished before their kill"
    );
    db.close().await;
    // Restarted to the end.
    let status = run().status().unwrap();
    assert!(status.success());
    let db = guichet_store::Db::connect(&url).await.unwrap();
    let mut c = db.conn().await.unwrap();
    let (invoices, lines, products, numbers) = guichet_store::billing::renewal_census(&mut c)
        .await
        .unwrap();
    assert_eq!(
        (invoices, lines, products),
        (PRODUCTS as i64, PRODUCTS as i64, PRODUCTS as i64),
        "each product's next term invoiced exactly once (seed {seed}, {finished_early} runs finished before their kill)"
    );
    let mut seq: Vec<i64> = numbers
        .iter()
        .map(|n| n.rsplit('-').next().unwrap().parse().unwrap())
        .collect();
    seq.sort_unstable();
    assert_eq!(
        seq,
        (1..=PRODUCTS as i64).collect::<Vec<_>>(),
        "gap-free numbering"
    );
    let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        killed_mid_way >= 5,
        "no run was killed with part of its work done ({finished_early} finished before their kill): the test would prove nothing"
    );
}
