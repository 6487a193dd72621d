//! Issue #14, acceptance 4: at 375 px wide no customer page scrolls horizontally outside a
//! table's own card. Headless Chromium (through chromedriver) opens every page a demo person
//! reaches — the pages of the router (`MANAGER_PAGES`) and what they link to, found by the crawl
//! of `words.rs` — signed out, as Alice (every right, French and German) and as Emma (German),
//! and measures `document.documentElement.scrollWidth` against the window's width, naming the
//! page and the widest element that sticks out.
//!
//! Also the browser helpers the accessibility test (`axe.rs`) uses.

use crate::browser::{WebDriver, start_driver, tools};
use crate::client::Client;
use crate::harness::{Backend, Killed, TempDir, TestApp};
use crate::words::{crawl, fill, learn_ids};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Who reads the pages: a demo login (none: signed out), the language, where the crawl starts
/// and the router's pages they should read.
pub(crate) struct Reader {
    pub email: Option<&'static str>,
    pub lang: &'static str,
    pub start: &'static str,
    pub patterns: &'static [&'static str],
}

/// The pages `r` reads, one of each kind: a page of the router and every page linked from those,
/// with ids and query values set aside (`/products/{}`, `/payments?all`), so a list of a hundred
/// guides is read once. Returns the client (signed in, language chosen) with them.
pub(crate) async fn pages_of(t: &TestApp, r: &Reader) -> (Client, Vec<String>) {
    let mut c = t.client();
    if let Some(email) = r.email {
        let res = c.login(email, guichet_app::demo::PASSWORD).await;
        assert_eq!(res.status, 303, "{email}: {}", res.body);
    }
    c.get(r.start).await;
    let res = c.post("/lang", &[("lang", r.lang)]).await;
    assert_eq!(res.status, 303, "/lang");
    let seen = crawl(&mut c, r.start, 150).await;
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    ids.insert("{category}", "billing".into());
    ids.insert("{id}", "compte-prepaye".into());
    learn_ids(&seen, &mut ids);
    let mut all: Vec<String> = r.patterns.iter().filter_map(|p| fill(p, &ids)).collect();
    all.extend(
        seen.into_iter()
            .filter(|(_, body)| body.contains("<html") && !body.contains("http-equiv"))
            .map(|(p, _)| p),
    );
    let mut kinds = BTreeSet::new();
    let mut pages = Vec::new();
    for p in all {
        if kinds.insert(kind(&p)) {
            pages.push(p);
        }
    }
    (c, pages)
}

/// `/products/0190…/sites?x=1` → `/products/{}/sites?x`; a guide or a category is `{}` too.
fn kind(path: &str) -> String {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let segs: Vec<&str> = path.split('/').collect();
    let mut out = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let id = uuid::Uuid::parse_str(s).is_ok()
            || (i == 2 && segs[1] == "help" && !["search", "c"].contains(s))
            || (i == 3 && segs[1..3] == ["help", "c"])
            || (i == 3
                && segs[1..3] == ["admin", "kb"]
                && !["new", "report", "import"].contains(s));
        out.push(if id { "{}" } else { s });
    }
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|kv| kv.split('=').next())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    format!("{}?{}", out.join("/"), keys.join("&"))
}

/// A headless Chromium session of a given window width, holding the cookies of a client.
pub(crate) struct Browser {
    pub wd: WebDriver,
    pub session: String,
    pub base: String,
    _driver: Killed,
}

impl Browser {
    pub(crate) async fn start(dir: &TempDir, base: &str, width: u32) -> Option<Browser> {
        let (driver_bin, chromium) = tools()?;
        let (driver, wd) = start_driver(&driver_bin).await;
        let profile = dir.0.join(format!("chromium-{width}"));
        // Chromium's windows are at least 500 px wide: a narrower screen is emulated.
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium,
            "mobileEmulation": {"deviceMetrics": {"width": width, "height": 800, "pixelRatio": 1.0}},
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1024,900",
                format!("--user-data-dir={}", profile.display())]}}}});
        let session = wd.call(reqwest::Method::POST, "/session", Some(caps)).await["sessionId"]
            .as_str()
            .expect("session")
            .to_string();
        let b = Browser {
            wd,
            session,
            base: base.to_string(),
            _driver: driver,
        };
        b.post("/timeouts", json!({"script": 60_000, "pageLoad": 30_000}))
            .await;
        Some(b)
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.wd
            .call(
                reqwest::Method::POST,
                &format!("/session/{}{path}", self.session),
                Some(body),
            )
            .await
    }

    /// Opens `path` (WebDriver waits until it has loaded).
    pub(crate) async fn go(&self, path: &str) {
        self.post("/url", json!({"url": format!("{}{path}", self.base)}))
            .await;
    }

    /// The browser takes the client's cookies: its session (a real login), its language.
    pub(crate) async fn take_cookies(&self, c: &Client) {
        self.go("/help").await;
        self.wd
            .call(
                reqwest::Method::DELETE,
                &format!("/session/{}/cookie", self.session),
                None,
            )
            .await;
        for (name, value) in &c.cookies {
            self.post(
                "/cookie",
                json!({"cookie": {"name": name, "value": value, "path": "/"}}),
            )
            .await;
        }
    }

    pub(crate) async fn script(&self, js: &str) -> Value {
        self.post("/execute/sync", json!({"script": js, "args": []}))
            .await
    }

    pub(crate) async fn script_async(&self, js: &str) -> Value {
        self.post("/execute/async", json!({"script": js, "args": []}))
            .await
    }

    /// With `GUICHET_DESIGN_SHOTS=DIR`, a PNG of the page as it is now, for a person to look at.
    pub(crate) async fn shot(&self, name: &str) {
        let Ok(dir) = std::env::var("GUICHET_DESIGN_SHOTS") else {
            return;
        };
        let png = self
            .wd
            .call(
                reqwest::Method::GET,
                &format!("/session/{}/screenshot", self.session),
                None,
            )
            .await;
        let file: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let bytes = crate::browser::base64_decode(png.as_str().unwrap_or(""));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/{file}.png"), bytes).unwrap();
    }

    pub(crate) async fn close(self) {
        let _ = self
            .wd
            .call(
                reqwest::Method::DELETE,
                &format!("/session/{}", self.session),
                None,
            )
            .await;
    }
}

/// Runs `body` with a browser and closes the browser whatever happened, then reports.
pub(crate) async fn with_browser<F, Fut>(dir: &TempDir, base: &str, width: u32, body: F)
where
    F: FnOnce(std::sync::Arc<Browser>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let Some(b) = Browser::start(dir, base, width).await else {
        return;
    };
    let b = std::sync::Arc::new(b);
    let outcome = tokio::spawn(body(b.clone())).await;
    if let Ok(b) = std::sync::Arc::try_unwrap(b) {
        b.close().await;
    }
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// What sticks out of the screen: the page's scroll width and, if it is wider than the layout
/// viewport (`clientWidth`: the 375 px of `width=device-width`; an emulated phone's
/// `innerWidth` grows with a page too wide, so it cannot be the measure), the widest element
/// outside any box that scrolls or clips on its own (the innermost of those that reach furthest).
const OVERFLOW: &str = r"
const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
if (sw <= w) return null;
let worst = null, right = 0;
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.right <= w + 0.5 || r.width === 0) continue;
  let a = el.parentElement, own = false;
  while (a && a !== document.body) {
    if (getComputedStyle(a).overflowX !== 'visible') { own = true; break; }
    a = a.parentElement;
  }
  if (!own && r.right >= right) { right = r.right; worst = el; }
}
const name = worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') +
  (worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\s+/).join('.') : '') +
  ' ' + JSON.stringify(worst.outerHTML.slice(0, 160)) : 'none';
return {scrollWidth: sw, innerWidth: w, widest: name, right: Math.round(right)};
";

const READERS: &[Reader] = &[
    Reader {
        email: None,
        lang: "de",
        start: "/login",
        patterns: guichet_web::MANAGER_PAGES,
    },
    Reader {
        email: Some("alice@demo.guichet.test"),
        lang: "fr",
        start: "/",
        patterns: guichet_web::MANAGER_PAGES,
    },
    Reader {
        email: Some("alice@demo.guichet.test"),
        lang: "de",
        start: "/",
        patterns: guichet_web::MANAGER_PAGES,
    },
    Reader {
        email: Some("emma@demo.guichet.test"),
        lang: "de",
        start: "/",
        patterns: guichet_web::MANAGER_PAGES,
    },
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_customer_page_scrolls_sideways_at_375_px() {
    crate::harness::init_log();
    if tools().is_none() {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    assert!(t.app.seed_demo().await.unwrap());
    let mut visits = Vec::new();
    for r in READERS {
        let (c, pages) = pages_of(&t, r).await;
        visits.push((r.email.unwrap_or("signed out"), r.lang, c, pages));
    }
    let dir = TempDir::new();
    with_browser(&dir, &t.url.clone(), 375, |b| async move {
        let mut problems = Vec::new();
        let mut checked = 0;
        for (who, lang, c, pages) in &visits {
            b.take_cookies(c).await;
            for page in pages {
                b.go(page).await;
                let at = b.script("return location.pathname + location.search").await;
                let width = b.script("return document.documentElement.clientWidth").await;
                assert_eq!(width, json!(375), "the window is 375 px wide");
                let found = b.script(OVERFLOW).await;
                b.shot(&format!("375-{who}-{lang}-{page}")).await;
                if !found.is_null() {
                    problems.push(format!(
                        "{who} ({lang}) {page} (at {at}): {} px wide in {} px; widest: {} (to {} px)",
                        found["scrollWidth"], found["innerWidth"], found["widest"], found["right"]
                    ));
                }
                checked += 1;
            }
        }
        assert!(checked > 60, "only {checked} pages read");
        assert!(
            problems.is_empty(),
            "{} pages scroll sideways at 375 px:\n{}",
            problems.len(),
            problems.join("\n")
        );
    })
    .await;
}

#[test]
fn pages_of_a_kind_are_read_once() {
    assert_eq!(
        kind("/products/0190a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b/sites?x=1&a=2"),
        "/products/{}/sites?a&x"
    );
    assert_eq!(kind("/help/compte-prepaye"), kind("/help/factures"));
    assert_ne!(kind("/help/search?q=a"), kind("/help/compte-prepaye"));
    assert_eq!(kind("/help/c/billing"), "/help/c/{}?");
}

/// Where the navigation is, as a person sees it: the summary's text and whether it shows, whether
/// the Payments link shows, and how far down the page's title starts.
const NAV: &str = r"
const shown = el => !!el && el.getClientRects().length > 0 && el.checkVisibility();
const summary = document.querySelector('nav.side summary');
return {
  summary: shown(summary) ? summary.innerText : null,
  link: [...document.querySelectorAll('nav.side a[href=\'/payments\']')].some(shown),
  open: document.querySelector('nav.side details').open,
  h1: Math.round(document.querySelector('main h1').getBoundingClientRect().top),
};
";

/// Issue #14: on a phone the navigation is one line « Menu · <this page> » that opens on a tap
/// (without JavaScript: a `details`), so the page starts on the first screen; on a wide screen
/// the whole list shows, with no summary.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_menu_is_one_line_on_a_phone_and_the_whole_list_on_a_wide_screen() {
    crate::harness::init_log();
    if tools().is_none() {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    assert!(t.app.seed_demo().await.unwrap());
    let mut c = t.client();
    let res = c
        .login("alice@demo.guichet.test", guichet_app::demo::PASSWORD)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let c = std::sync::Arc::new(c);
    let dir = TempDir::new();
    let phone = c.clone();
    with_browser(&dir, &t.url.clone(), 375, |b| async move {
        b.take_cookies(&phone).await;
        b.go("/products").await;
        let nav = b.script(NAV).await;
        assert_eq!(nav["summary"], json!("Menu Produits"), "{nav}");
        assert_eq!(nav["link"], json!(false), "closed: {nav}");
        let h1 = nav["h1"].as_i64().unwrap();
        assert!(
            h1 < 300,
            "the title starts {h1} px down an 800 px screen: {nav}"
        );
        b.shot("menu-375-closed").await;
        b.script("document.querySelector('nav.side summary').click(); return null")
            .await;
        let nav = b.script(NAV).await;
        assert_eq!(nav["link"], json!(true), "opened: {nav}");
        b.shot("menu-375-open").await;
    })
    .await;
    let dir = TempDir::new();
    with_browser(&dir, &t.url.clone(), 1024, |b| async move {
        b.take_cookies(&c).await;
        b.go("/products").await;
        let nav = b.script(NAV).await;
        assert_eq!(nav["open"], json!(false), "{nav}");
        assert_eq!(
            nav["summary"],
            json!(null),
            "no summary on a wide screen: {nav}"
        );
        assert_eq!(nav["link"], json!(true), "the whole list: {nav}");
        // The list shown takes the keyboard focus.
        let focused = b
            .script(
                "const a = [...document.querySelectorAll('nav.side a[href=\\'/payments\\']')] \
                 .find(el => el.checkVisibility()); a.focus(); return document.activeElement === a",
            )
            .await;
        assert_eq!(focused, json!(true), "the Payments link takes the focus");
        b.shot("menu-1024").await;
    })
    .await;
}
