//! Issue #14, acceptance 1: the ten guides of the seed (`../shared/seed/`), each done in headless
//! Chromium by a French-speaking customer on the demo data (`guichet demo`'s Atelier Favre Sàrl),
//! through the real Manager. Every step asserts what the customer reads (French words, amounts,
//! statuses, labels), that no English or raw key is on the page, and the state the step left; a
//! screenshot of each main step is taken at 1280×900 and checked to be a PNG.
//!
//! The screenshots go to a temporary folder, or — with `GUICHET_SCREENSHOTS=1` — to
//! `docs/screenshots/<guide>/NN-<step>.png` (the README's command refreshes them). The journeys run
//! one at a time (one Chromium on a 2-core machine), each on its own server and demo data.

mod accounts;
mod billing;
mod invoices;
mod page;
mod prepaid;
mod sites;
mod support;
mod teams;

use crate::browser::{WebDriver, start_driver, tools};
use crate::harness::{Backend, TempDir, TestApp};
use reqwest::Method;
use serde_json::json;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

/// One Chromium at a time, whatever the test runner's threads.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The window every screenshot is taken at.
pub(crate) const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;

/// What the browser allows (the cookies-and-JavaScript guide turns them off).
#[derive(Clone, Copy)]
pub(crate) struct Browser {
    pub javascript: bool,
    pub cookies: bool,
}

pub(crate) const NORMAL: Browser = Browser {
    javascript: true,
    cookies: true,
};

/// A customer in a browser, on one guide.
pub(crate) struct Journey {
    pub wd: WebDriver,
    pub session: String,
    pub base: String,
    pub t: Arc<TestApp>,
    chromium: String,
    profiles: PathBuf,
    shots: PathBuf,
    step: usize,
    browsers: usize,
}

/// Where the screenshots of `guide` go: the checkout's `docs/screenshots/<guide>` with
/// `GUICHET_SCREENSHOTS=1` (old ones removed first), else a folder of the test.
fn shots_dir(guide: &str, tmp: &std::path::Path) -> PathBuf {
    if std::env::var("GUICHET_SCREENSHOTS").is_ok_and(|v| v == "1") {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/screenshots")
            .join(guide);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    } else {
        let dir = tmp.join("screenshots").join(guide);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

async fn open_browser(
    wd: &WebDriver,
    chromium: &str,
    profile: &std::path::Path,
    b: Browser,
) -> String {
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--hide-scrollbars".into(),
        "--lang=fr-CH".into(),
        format!("--window-size={WIDTH},{HEIGHT}"),
        format!("--user-data-dir={}", profile.display()),
    ];
    if !b.javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
    }
    let mut prefs = json!({"intl.accept_languages": "fr-CH,fr"});
    if !b.cookies {
        prefs["profile.default_content_setting_values.cookies"] = json!(2);
    }
    let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome",
        "goog:chromeOptions": {"binary": chromium, "args": args, "prefs": prefs}}}});
    wd.call(Method::POST, "/session", Some(caps)).await["sessionId"]
        .as_str()
        .expect("session")
        .to_string()
}

/// Runs one guide: a fresh server with the demo data, a browser, the journey; the browser is
/// closed whatever happened, then a failure is reported.
pub(crate) async fn run<F, Fut>(guide: &'static str, browser: Browser, journey: F)
where
    F: FnOnce(Journey) -> Fut,
    Fut: Future<Output = Journey> + Send + 'static,
{
    let Some((driver_bin, chromium)) = tools() else {
        return;
    };
    let _one = ONE_AT_A_TIME.lock().await;
    crate::harness::init_log();
    let t = TestApp::spawn(Backend::Sqlite).await;
    assert!(t.app.seed_demo().await.unwrap());
    let tmp = TempDir::new();
    let (_driver, wd) = start_driver(&driver_bin).await;
    let profiles = tmp.0.join("profiles");
    let session = open_browser(&wd, &chromium, &profiles.join("0"), browser).await;
    let j = Journey {
        wd: wd.clone(),
        session: session.clone(),
        base: t.url.clone(),
        t: Arc::new(t),
        chromium,
        profiles,
        shots: shots_dir(guide, &tmp.0),
        step: 0,
        browsers: 0,
    };
    let outcome = tokio::spawn(journey(j)).await;
    let session = match &outcome {
        Ok(j) => j.session.clone(),
        Err(_) => session,
    };
    let _ = wd
        .call(Method::DELETE, &format!("/session/{session}"), None)
        .await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// What a person reads of a text: one space for any run of spaces (no-break ones included).
pub(crate) fn plain(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text as compared: plain spaces, lower case (a stylesheet may set headings in capitals, and
/// WebDriver reads text as rendered).
pub(crate) fn fold(s: &str) -> String {
    plain(s).to_lowercase()
}

/// Minor units of the first amount after `after` in `text` (`CHF 1'234.50` → 123450).
pub(crate) fn amount_after(text: &str, after: &str) -> i64 {
    let text = fold(text);
    let rest = text
        .split_once(&fold(after))
        .unwrap_or_else(|| panic!("{after:?} not in {text:?}"))
        .1;
    let start = rest
        .find(|c: char| c.is_ascii_digit() || c == '-')
        .unwrap_or_else(|| panic!("no amount after {after:?} in {rest:?}"));
    let num: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || "'.-".contains(*c))
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    num.parse()
        .unwrap_or_else(|_| panic!("amount {num:?} after {after:?}"))
}

/// The text of a PDF, as `pdftotext` reads it (None when the tool is missing outside CI).
pub(crate) fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = TempDir::new();
    let file = dir.0.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    match std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => Some(plain(&String::from_utf8_lossy(&out.stdout))),
        Err(_) => {
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true"),
                "CI=true but pdftotext is missing (apt-get install poppler-utils)"
            );
            None
        }
    }
}
