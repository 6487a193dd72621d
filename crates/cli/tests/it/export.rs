//! INV-06 / issue #3 acceptance 8: the CSV export of 100 000 invoices streams — the server's memory
//! does not grow with the size of the export — and a cell starting with `=` comes out neutralised.
//! The server is a real `guichet serve` process, so its memory is measured alone (/proc/PID/status).

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::Currency;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

both_backends!(
    the_csv_export_of_100_000_invoices_streams_in_flat_memory,
    the_csv_export_is_e_mailed_to_the_requester_as_an_attachment
);

async fn the_csv_export_is_e_mailed_to_the_requester_as_an_attachment(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    {
        let mut c = t.app.db.write_conn().await.unwrap();
        guichet_store::bench::seed_invoices(
            &mut c,
            a.id,
            Currency::Chf,
            "M",
            3,
            1_735_689_600,
            "=cmd|' /C calc'!A0",
        )
        .await
        .unwrap();
    }
    let mut api = t.client();
    let path = format!("/api/v1/orgs/{}/invoices/export/mail", a.id);
    let r = api
        .api(
            "POST",
            &path,
            &a.accountant().token,
            Some(serde_json::json!({"status": "paid"})),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(
        r.json()["invoices"],
        3,
        "only the paid ones: the fixture's unpaid invoice is filtered out"
    );
    // A bad filter is refused before anything is sent; a collaborator without accounting may not.
    let r = api
        .api(
            "POST",
            &path,
            &a.accountant().token,
            Some(serde_json::json!({"from": "2026-13-40"})),
        )
        .await;
    assert_eq!(r.status, 422);
    let r = api
        .api(
            "POST",
            &path,
            &a.collaborator().token,
            Some(serde_json::json!({})),
        )
        .await;
    assert_eq!(r.status, 403);
    let mails: Vec<_> = t
        .mails_to(&a.accountant().email)
        .await
        .into_iter()
        .filter(|m| m.kind == "invoices_export")
        .collect();
    assert_eq!(mails.len(), 1);
    // Delivered as a real message with the CSV attached.
    let dir = t._dir.0.join("delivered");
    let transport = guichet_app::mail::sender::Transport::Dir(dir.clone());
    guichet_app::mail::sender::deliver_due(&t.app, &transport)
        .await
        .unwrap();
    let eml = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|m| m.contains("invoices-2026-"))
        .expect("the message with its attachment");
    assert!(
        eml.contains("multipart/mixed") && eml.contains("text/csv"),
        "{eml}"
    );
    let text = quoted_printable(&eml);
    assert!(
        text.contains("number,issued,status,bill_to")
            && text
                .contains("XM-0000001,2025-01-01,paid,'=cmd|' /C calc'!A0,100.00,8.10,108.10,CHF"),
        "{text}"
    );
}

/// Decodes quoted-printable (soft line breaks and `=XX`), as a mail client would.
fn quoted_printable(s: &str) -> String {
    let s = s.replace("=\r\n", "").replace("=\n", "");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Downloads `url` chunk by chunk (never holding the whole body) while sampling the server's RSS;
/// returns (lines, peak RSS growth in KiB, whether a Content-Length was sent, the first data line).
async fn download(pid: u32, url: &str, token: &str) -> (usize, u64, bool, String) {
    let base = rss_kib(pid);
    let peak = Arc::new(AtomicU64::new(base));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, stop) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let mut resp = crate::harness::http()
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let sized = resp.headers().contains_key("content-length");
    let (mut lines, mut first, mut pending) = (0, String::new(), Vec::new());
    while let Some(chunk) = resp.chunk().await.unwrap() {
        for b in &chunk {
            if *b == b'\n' {
                lines += 1;
                if lines == 2 {
                    first = String::from_utf8_lossy(&pending).into_owned();
                }
                pending.clear();
            } else if lines < 2 {
                pending.push(*b);
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    (
        lines,
        peak.load(Ordering::Relaxed).saturating_sub(base),
        sized,
        first,
    )
}

async fn the_csv_export_of_100_000_invoices_streams_in_flat_memory(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    // 10 000 invoices issued in 2025, 90 000 in 2026 (before the fixture's own invoice); each billed
    // to a name a spreadsheet would take for a formula.
    let evil = "=HYPERLINK(\"http://evil.example\",\"click\")";
    {
        let mut c = t.app.db.write_conn().await.unwrap();
        let jan_2025 = 1_735_689_600;
        let jan_2026 = 1_767_225_600;
        guichet_store::bench::seed_invoices(
            &mut c,
            a.id,
            Currency::Chf,
            "A",
            10_000,
            jan_2025,
            evil,
        )
        .await
        .unwrap();
        guichet_store::bench::seed_invoices(
            &mut c,
            a.id,
            Currency::Chf,
            "B",
            90_000,
            jan_2026,
            evil,
        )
        .await
        .unwrap();
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Killed(
        Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("serve")
            .env("GUICHET_ADDR", format!("127.0.0.1:{port}"))
            .env("GUICHET_DATABASE_URL", &t.config.database_url)
            .env("GUICHET_MAIL_DIR", t._dir.0.join("mail2"))
            .env_remove("GUICHET_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start guichet serve"),
    );
    let base = format!("http://127.0.0.1:{port}");
    let mut up = false;
    for _ in 0..200 {
        if reqwest::get(format!("{base}/healthz"))
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "guichet serve did not start");
    let pid = server.0.id();
    let token = &a.accountant().token;
    let export = format!("{base}/api/v1/orgs/{}/invoices/export.csv", a.id);
    // Warm up (pools, caches) with a small export, then 10 000, then all 100 001.
    download(
        pid,
        &format!("{export}?from=2025-01-01&to=2025-01-02"),
        token,
    )
    .await;
    let (small, small_growth, sized, first) = download(
        pid,
        &format!("{export}?from=2025-01-01&to=2025-12-31"),
        token,
    )
    .await;
    assert_eq!(small, 10_001, "header + 10 000 invoices");
    assert!(!sized, "streamed (chunked), not sized up front");
    assert!(
        first.contains("'=HYPERLINK"),
        "formula neutralised with a leading quote: {first}"
    );
    let (all, all_growth, _, _) = download(pid, &export, token).await;
    assert_eq!(
        all, 100_002,
        "header + 100 000 seeded + the fixture's invoice"
    );
    eprintln!("RSS growth: {small_growth} KiB for 10 000 rows, {all_growth} KiB for 100 001 rows");
    assert!(
        all_growth <= 2 * small_growth + 8 * 1024,
        "memory grows with the export: {small_growth} KiB for 10 000 rows, {all_growth} KiB for 100 001"
    );
}
