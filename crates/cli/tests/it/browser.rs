//! Acceptance 8: the `guichet demo` binary serves the Manager; headless Chromium (driven through
//! chromedriver's WebDriver API) logs in as a demo user, switches Organization and sees the other
//! Organization's name.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without them the test
//! says so and passes only outside CI; under CI it fails.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{Killed, free_port};

pub(crate) fn tools() -> Option<(String, String)> {
    let driver =
        std::env::var("GUICHET_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let browser = std::env::var("GUICHET_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if std::path::Path::new(&driver).exists() && std::path::Path::new(&browser).exists() {
        return Some((driver, browser));
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "CI=true but chromium/chromedriver are missing ({driver}, {browser}): .ci/run installs them"
    );
    eprintln!("skipped: no chromedriver at {driver} (apt-get install chromium chromium-driver)");
    None
}

#[derive(Clone)]
pub(crate) struct WebDriver {
    http: reqwest::Client,
    base: String,
}

impl WebDriver {
    pub(crate) async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Value {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("webdriver request");
        let v: Value = res.json().await.expect("webdriver json");
        assert!(
            v["value"].get("error").is_none(),
            "webdriver {path}: {}",
            v["value"]
        );
        v["value"].clone()
    }

    /// A command whose answer may be an error (a search for an element that is not there yet):
    /// its `value` as it came. A `Null` body sends none.
    pub(crate) async fn raw(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if !body.is_null() {
            req = req.json(&body);
        }
        let res = req.send().await.expect("webdriver request");
        let v: Value = res.json().await.expect("webdriver json");
        if v["value"].get("error").is_some() {
            return Value::Null;
        }
        v["value"].clone()
    }

    pub(crate) async fn element(&self, session: &str, css: &str) -> String {
        let v = self
            .call(
                reqwest::Method::POST,
                &format!("/session/{session}/element"),
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(|x| x.as_str())
            .expect("element id")
            .to_string()
    }

    pub(crate) async fn type_into(&self, session: &str, css: &str, text: &str) {
        let el = self.element(session, css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/session/{session}/element/{el}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    pub(crate) async fn click(&self, session: &str, css: &str) {
        let el = self.element(session, css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/session/{session}/element/{el}/click"),
            Some(json!({})),
        )
        .await;
    }

    pub(crate) async fn source(&self, session: &str) -> String {
        self.call(
            reqwest::Method::GET,
            &format!("/session/{session}/source"),
            None,
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    pub(crate) async fn text(&self, session: &str, css: &str) -> String {
        let el = self.element(session, css).await;
        self.call(
            reqwest::Method::GET,
            &format!("/session/{session}/element/{el}/text"),
            None,
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    pub(crate) async fn wait_for(&self, session: &str, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.source(session).await;
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() <= Duration::from_secs(15),
                "page never showed {needle:?}: {s}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Starts chromedriver on a free port and waits until it answers.
pub(crate) async fn start_driver(driver_bin: &str) -> (Killed, WebDriver) {
    let port = free_port();
    let driver = Killed(
        Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let wd = WebDriver {
        http: crate::harness::http(),
        base: format!("http://127.0.0.1:{port}"),
    };
    let start = Instant::now();
    while wd
        .http
        .get(format!("{}/status", wd.base))
        .send()
        .await
        .is_err()
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (driver, wd)
}

/// Starts `guichet demo` on a free port and returns it with its URL (read from what it prints).
fn start_demo(dir: &std::path::Path) -> (Killed, String) {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("demo")
        .env("GUICHET_ADDR", format!("127.0.0.1:{port}"))
        .env(
            "GUICHET_DATABASE_URL",
            format!("sqlite://{}", dir.join("demo.db").display()),
        )
        .env("GUICHET_MAIL_DIR", dir.join("mail"))
        .env_remove("GUICHET_CONFIG")
        .env_remove("GUICHET_PUBLIC_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start guichet demo");
    let stdout = child.stdout.take().unwrap();
    let mut printed = String::new();
    let mut url = None;
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref().map_while(Result::ok) {
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.strip_prefix("Guichet is running: ") {
            url = rest.split_whitespace().next().map(str::to_string);
            break;
        }
    }
    // Keep reading what it prints, or its next line would hit a closed pipe and end it.
    std::thread::spawn(move || lines.for_each(drop));
    let url = url.unwrap_or_else(|| panic!("guichet demo did not print its URL:\n{printed}"));
    assert!(
        printed.contains("alice@demo.guichet.test")
            && printed.contains(guichet_app::demo::PASSWORD),
        "demo logins printed:\n{printed}"
    );
    (Killed(child), url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_user_logs_in_and_switches_organization_in_chromium() {
    let Some((driver_bin, chromium)) = tools() else {
        return;
    };
    let dir = crate::harness::TempDir::new();
    let (_server, url) = start_demo(&dir.0);
    let (_driver, wd) = start_driver(&driver_bin).await;
    let profile = dir.0.join("chromium-profile");
    let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": chromium,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
    }}}});
    let session = wd.call(reqwest::Method::POST, "/session", Some(caps)).await["sessionId"]
        .as_str()
        .expect("session")
        .to_string();
    let (wd2, session2, url2) = (wd.clone(), session.clone(), url.clone());
    let result = async move {
        let (wd, session, url) = (wd2, session2, url2);
        wd.call(
            reqwest::Method::POST,
            &format!("/session/{session}/url"),
            Some(json!({"url": format!("{url}/")})),
        )
        .await;
        wd.wait_for(&session, "action=\"/login\"").await;
        wd.type_into(&session, "#f-email", "alice@demo.guichet.test")
            .await;
        wd.type_into(&session, "#f-current", guichet_app::demo::PASSWORD)
            .await;
        wd.click(&session, "form[action='/login'] button[type='submit']")
            .await;
        let home = wd.wait_for(&session, "<h1>Atelier Favre Sàrl</h1>").await;
        assert!(
            home.contains("Boulangerie Martin SARL"),
            "the switcher lists the other Organization"
        );
        wd.click(&session, "#org-switch option:not([selected])")
            .await;
        wd.click(&session, "form.switcher button[type='submit']")
            .await;
        wd.wait_for(&session, "<h1>Boulangerie Martin SARL</h1>")
            .await;
        if let Ok(path) = std::env::var("GUICHET_SCREENSHOT") {
            let png = wd
                .call(
                    reqwest::Method::GET,
                    &format!("/session/{session}/screenshot"),
                    None,
                )
                .await;
            let bytes = base64_decode(png.as_str().unwrap_or(""));
            std::fs::write(path, bytes).unwrap();
        }
    };
    // Close the browser whatever happened, then report.
    let outcome = tokio::spawn(result).await;
    let _ = wd
        .call(
            reqwest::Method::DELETE,
            &format!("/session/{session}"),
            None,
        )
        .await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Issue #14, acceptance 5: on the Payments page nothing is ticked when it opens, and the total
/// of the selection and its prepaid and card parts follow what is ticked — as it is ticked with
/// JavaScript, through the "recompute" button without.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_totals_follow_the_selection_with_and_without_javascript() {
    let Some((driver_bin, chromium)) = tools() else {
        return;
    };
    let dir = crate::harness::TempDir::new();
    let (_server, url) = start_demo(&dir.0);
    let (_driver, wd) = start_driver(&driver_bin).await;
    for js in [true, false] {
        let profile = dir.0.join(format!("chromium-profile-{js}"));
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--no-first-run".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        if !js {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args}}}});
        let session = wd.call(reqwest::Method::POST, "/session", Some(caps)).await["sessionId"]
            .as_str()
            .expect("session")
            .to_string();
        let (wd2, session2, url2) = (wd.clone(), session.clone(), url.clone());
        let outcome = tokio::spawn(async move {
            let (wd, session, url) = (wd2, session2, url2);
            let go = |path: String| {
                let (wd, session) = (wd.clone(), session.clone());
                async move {
                    wd.call(
                        reqwest::Method::POST,
                        &format!("/session/{session}/url"),
                        Some(json!({"url": path})),
                    )
                    .await;
                }
            };
            go(format!("{url}/login")).await;
            wd.wait_for(&session, "action=\"/login\"").await;
            wd.type_into(&session, "#f-email", "alice@demo.guichet.test")
                .await;
            wd.type_into(&session, "#f-current", guichet_app::demo::PASSWORD)
                .await;
            wd.click(&session, "form[action='/login'] button[type='submit']")
                .await;
            wd.wait_for(&session, "<h1>Atelier Favre Sàrl</h1>").await;
            go(format!("{url}/payments?all=1")).await;
            let page = wd.wait_for(&session, "id=\"sel-total\"").await;
            let ticked_boxes = page
                .split('<')
                .filter(|tag| tag.starts_with("input") && tag.contains("name=\"inv_"))
                .map(|tag| tag.split('>').next().unwrap_or(""))
                .filter(|tag| tag.contains("checked"))
                .count();
            assert!(page.contains("name=\"inv_"), "js={js}: an invoice is due");
            assert_eq!(
                ticked_boxes, 0,
                "js={js}: nothing is ticked when the page opens"
            );
            assert!(
                wd.text(&session, "#sel-total").await.ends_with("0.00"),
                "js={js}"
            );
            let amount = wd.text(&session, "#pay-selection tbody tr td.num").await;
            wd.click(&session, "#pay-selection tbody tr input[type=checkbox]")
                .await;
            if !js {
                // Without JavaScript the figures change when the server recomputes them.
                assert!(wd.text(&session, "#sel-total").await.ends_with("0.00"));
                wd.click(&session, "#recompute").await;
                wd.wait_for(&session, "checked").await;
            }
            let start = Instant::now();
            loop {
                let total = wd.text(&session, "#sel-total").await;
                if total == amount {
                    break;
                }
                assert!(
                    start.elapsed() < Duration::from_secs(10),
                    "js={js}: the selection's total {total:?} never became {amount:?}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let prepaid = wd.text(&session, "#sel-prepaid").await;
            let card = wd.text(&session, "#sel-card").await;
            let minor = |t: &str| -> i64 {
                t.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap()
            };
            assert_eq!(
                minor(&prepaid) + minor(&card),
                minor(&amount),
                "js={js}: prepaid {prepaid} + card {card} = {amount}"
            );
            // The demo Organization has a balance: the prepaid part follows the selection with
            // and without JavaScript (not the 0.00 shown while nothing was ticked).
            assert!(minor(&prepaid) > 0, "js={js}: prepaid part {prepaid}");
            if js {
                // The script does the recomputing: its button is hidden.
                let el = wd.element(&session, "#recompute").await;
                let shown = wd
                    .call(
                        reqwest::Method::GET,
                        &format!("/session/{session}/element/{el}/displayed"),
                        None,
                    )
                    .await;
                assert_eq!(
                    shown,
                    json!(false),
                    "the recompute button is hidden with JavaScript"
                );
            }
        })
        .await;
        let _ = wd
            .call(
                reqwest::Method::DELETE,
                &format!("/session/{session}"),
                None,
            )
            .await;
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    }
}

pub(crate) fn base64_decode(s: &str) -> Vec<u8> {
    let table = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let vals: Vec<u8> = s.bytes().filter_map(table).collect();
    vals.chunks(4)
        .flat_map(|c| {
            let n = c
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, v)| acc | (u32::from(*v) << (18 - 6 * i)));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes
                .into_iter()
                .take(c.len().saturating_sub(1))
                .collect::<Vec<_>>()
        })
        .collect()
}
