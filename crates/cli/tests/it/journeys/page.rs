//! What the customer does on a page and what they read there: WebDriver calls of a journey.

use super::{Browser, Journey, WIDTH, fold, open_browser, plain};
use crate::words::{English, check};
use guichet_core::Lang;
use reqwest::Method;
use serde_json::{Value, json};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn english() -> &'static English {
    static E: OnceLock<English> = OnceLock::new();
    E.get_or_init(English::new)
}

impl Journey {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        self.wd
            .call(method, &format!("/session/{}{path}", self.session), body)
            .await
    }

    /// Closes the browser and opens another one with other settings (a new profile).
    pub(crate) async fn reopen(&mut self, browser: Browser) {
        self.call(Method::DELETE, "", None).await;
        self.browsers += 1;
        let profile = self.profiles.join(self.browsers.to_string());
        self.session = open_browser(&self.wd, &self.chromium, &profile, browser).await;
    }

    /// Opens a Manager page by its address (as a link in the guide does).
    pub(crate) async fn go(&self, path: &str) {
        self.call(
            Method::POST,
            "/url",
            Some(json!({"url": format!("{}{path}", self.base)})),
        )
        .await;
    }

    /// The path of the page shown now.
    pub(crate) async fn path(&self) -> String {
        let url = self.call(Method::GET, "/url", None).await;
        let url = url.as_str().unwrap_or("");
        url.strip_prefix(&self.base).unwrap_or(url).to_string()
    }

    async fn find(&self, using: &str, value: &str) -> Option<String> {
        let res = self
            .wd
            .raw(
                Method::POST,
                &format!("/session/{}/element", self.session),
                json!({"using": using, "value": value}),
            )
            .await;
        res.as_object()
            .and_then(|o| o.values().next())
            .and_then(|x| x.as_str())
            .map(str::to_string)
    }

    /// The element `xpath` designates, waiting for it a little (the page may be loading).
    async fn element(&self, xpath: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(el) = self.find("xpath", xpath).await {
                return el;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no {xpath} on {}: {}",
                self.path().await,
                self.text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether the page has an element `xpath` designates (no waiting).
    pub(crate) async fn has(&self, xpath: &str) -> bool {
        self.find("xpath", xpath).await.is_some()
    }

    /// Clicks `el`, which leads to another page, and waits until that page is there: the old
    /// document gone (its root element stale) and the new one loaded.
    async fn click_el(&self, el: &str) {
        let before = self
            .find("css selector", "html")
            .await
            .expect("a page is shown");
        self.call(
            Method::POST,
            &format!("/element/{el}/click"),
            Some(json!({})),
        )
        .await;
        let start = Instant::now();
        loop {
            let old = self
                .wd
                .raw(
                    Method::GET,
                    &format!("/session/{}/element/{before}/name", self.session),
                    Value::Null,
                )
                .await;
            let now = self.find("css selector", "body").await;
            if old.is_null() && now.is_some() {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the click on {el} led nowhere from {}",
                self.path().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the link whose text is `text` (the first one, in reading order).
    pub(crate) async fn click_link(&self, text: &str) {
        let el = self
            .element(&format!("//a[normalize-space()={}]", quote(text)))
            .await;
        self.click_el(&el).await;
    }

    /// Clicks the button `text` of the form sent to `action`.
    pub(crate) async fn press(&self, action: &str, text: &str) {
        let el = self
            .element(&format!(
                "//form[@action={}]//button[normalize-space()={}]",
                quote(action),
                quote(text)
            ))
            .await;
        self.click_el(&el).await;
    }

    /// Clicks the button `text`, in whichever form it is.
    pub(crate) async fn press_any(&self, text: &str) {
        let el = self
            .element(&format!("//button[normalize-space()={}]", quote(text)))
            .await;
        self.click_el(&el).await;
    }

    /// Types `value` into the field `name` of the form sent to `action` (emptied first).
    pub(crate) async fn fill(&self, action: &str, name: &str, value: &str) {
        let el = self
            .element(&format!(
                "//form[@action={}]//*[@name={}]",
                quote(action),
                quote(name)
            ))
            .await;
        self.call(
            Method::POST,
            &format!("/element/{el}/clear"),
            Some(json!({})),
        )
        .await;
        self.call(
            Method::POST,
            &format!("/element/{el}/value"),
            Some(json!({"text": value})),
        )
        .await;
    }

    /// Chooses the option whose text starts with `option` in the list `name` of the form `action`.
    pub(crate) async fn choose(&self, action: &str, name: &str, option: &str) {
        let el = self
            .element(&format!(
                "//form[@action={}]//select[@name={}]//option[starts-with(normalize-space(),{})]",
                quote(action),
                quote(name),
                quote(option)
            ))
            .await;
        self.call(
            Method::POST,
            &format!("/element/{el}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Ticks (or unticks) the box `name` of the form `action`, if it is not already so.
    pub(crate) async fn tick(&self, action: &str, name: &str, on: bool) {
        let xpath = format!(
            "//form[@action={}]//input[@name={}]",
            quote(action),
            quote(name)
        );
        let el = self.element(&xpath).await;
        let now = self
            .call(Method::GET, &format!("/element/{el}/selected"), None)
            .await
            .as_bool()
            .unwrap_or(false);
        if now != on {
            self.call(
                Method::POST,
                &format!("/element/{el}/click"),
                Some(json!({})),
            )
            .await;
        }
    }

    /// The text the customer reads on the page now, spaces made plain.
    pub(crate) async fn text(&self) -> String {
        let Some(body) = self.find("css selector", "body").await else {
            return String::new();
        };
        let v = self
            .wd
            .raw(
                Method::GET,
                &format!("/session/{}/element/{body}/text", self.session),
                Value::Null,
            )
            .await;
        plain(v.as_str().unwrap_or(""))
    }

    /// The text of the element `xpath` designates.
    pub(crate) async fn text_of(&self, xpath: &str) -> String {
        let el = self.element(xpath).await;
        let v = self
            .call(Method::GET, &format!("/element/{el}/text"), None)
            .await;
        plain(v.as_str().unwrap_or(""))
    }

    /// The value of attribute `name` of the element `xpath` designates.
    pub(crate) async fn attr(&self, xpath: &str, name: &str) -> String {
        let el = self.element(xpath).await;
        self.call(
            Method::GET,
            &format!("/element/{el}/attribute/{name}"),
            None,
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// Waits until the page reads every one of `texts`, checks it is all French (no English text
    /// of the catalogue, no raw key, no debug output, no UUID) and returns what it reads.
    pub(crate) async fn sees(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let now = self.text().await;
            let folded = fold(&now);
            let missing: Vec<&&str> = texts
                .iter()
                .filter(|t| !folded.contains(&fold(t)))
                .collect();
            if missing.is_empty() {
                self.french().await;
                return now;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{} never showed {missing:?}; it reads:\n{now}",
                self.path().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Asserts the page does not read `text`.
    pub(crate) async fn does_not_see(&self, text: &str) {
        let now = self.text().await;
        assert!(
            !fold(&now).contains(&fold(text)),
            "{text:?} is shown:\n{now}"
        );
    }

    /// The page's HTML has nothing English, no raw key, no debug output and no UUID as text.
    pub(crate) async fn french(&self) {
        let html = self
            .call(Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(html.contains("lang=\"fr\""), "not a French page: {html}");
        let mut problems = Vec::new();
        check(
            english(),
            Lang::Fr,
            true,
            &self.path().await,
            &html,
            &mut problems,
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// A screenshot as [`Journey::shot`], with the element `xpath` designates scrolled to the
    /// middle of the window (what the step is about is further down the page).
    pub(crate) async fn shot_of(&mut self, xpath: &str, name: &str) {
        let el = self.element(xpath).await;
        self.call(
            Method::POST,
            "/execute/sync",
            Some(json!({
                "script": "arguments[0].scrollIntoView({block: 'center'});",
                "args": [{"element-6066-11e4-a52e-4f735466cecf": el}]
            })),
        )
        .await;
        self.shot(name).await;
    }

    /// A screenshot of the page as it is, as step `name` of the guide: a PNG of the window.
    pub(crate) async fn shot(&mut self, name: &str) {
        self.step += 1;
        let b64 = self.call(Method::GET, "/screenshot", None).await;
        let png = base64_decode(b64.as_str().unwrap_or(""));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(width, WIDTH, "the screenshot is the window's width");
        let file = self.shots.join(format!("{:02}-{name}.png", self.step));
        std::fs::write(&file, &png).unwrap();
    }

    /// Signs in on the login page as a demo person, and lands on the home page.
    pub(crate) async fn login(&self, email: &str) {
        self.go("/login").await;
        self.sees(&["Connexion"]).await;
        self.fill("/login", "email", email).await;
        self.fill("/login", "current", guichet_app::demo::PASSWORD)
            .await;
        self.press("/login", "Se connecter").await;
        self.sees(&["Se déconnecter"]).await;
    }

    /// What a link or form leads to, fetched with the browser's own cookies (a file the
    /// customer downloads): status, content type and bytes.
    pub(crate) async fn download(&self, href: &str) -> (u16, String, Vec<u8>) {
        let cookies = self.call(Method::GET, "/cookie", None).await;
        let header = cookies
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                format!(
                    "{}={}",
                    c["name"].as_str().unwrap_or(""),
                    c["value"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let url = if href.starts_with("http") {
            href.to_string()
        } else {
            format!("{}{href}", self.base)
        };
        let res = crate::harness::http()
            .get(url)
            .header("cookie", header)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let kind = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        (status, kind, res.bytes().await.unwrap().to_vec())
    }

    /// What pressing the button `button` of the form `action` answers when it is a file the
    /// browser opens elsewhere (a PDF in a new tab): the same form, fields and cookies, sent by the
    /// page itself. Status, content type and bytes.
    pub(crate) async fn submit_for_file(
        &self,
        action: &str,
        button: &str,
    ) -> (u16, String, Vec<u8>) {
        let script = r"
            const [action, text, done] = arguments;
            const form = [...document.forms].find(f => f.getAttribute('action') === action);
            const button = [...form.querySelectorAll('button')].find(b => b.textContent.trim() === text);
            const url = button.getAttribute('formaction') || form.getAttribute('action');
            fetch(url, {method: 'POST', body: new URLSearchParams(new FormData(form, button)), credentials: 'same-origin'})
              .then(async r => {
                const bytes = new Uint8Array(await r.arrayBuffer());
                let s = '';
                for (const b of bytes) s += String.fromCharCode(b);
                done({status: r.status, type: r.headers.get('content-type') || '', b64: btoa(s)});
              })
              .catch(e => done({status: 0, type: String(e), b64: ''}));
        ";
        let v = self
            .call(
                Method::POST,
                "/execute/async",
                Some(json!({"script": script, "args": [action, button]})),
            )
            .await;
        let status = u16::try_from(v["status"].as_u64().unwrap_or(0)).unwrap_or(0);
        let kind = v["type"].as_str().unwrap_or("").to_string();
        (status, kind, base64_decode(v["b64"].as_str().unwrap_or("")))
    }

    /// The id of the Organization the demo calls `name`, and its LR's actor (for the state checks).
    pub(crate) async fn demo_actor(&self, email: &str, org: &str) -> guichet_app::Actor {
        let app = &self.t.app;
        let mut c = app.db.conn().await.unwrap();
        let user = guichet_store::users::by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        let orgs = guichet_store::memberships::orgs_of(&mut c, user.id)
            .await
            .unwrap();
        let o = orgs
            .iter()
            .find(|o| o.name == org)
            .unwrap_or_else(|| panic!("{email} is not in {org}"));
        app.actor(user.id, o.org_id, guichet_app::Origin::default())
            .await
            .unwrap()
    }
}

/// An XPath string literal of `s` (concat() when it holds both kinds of quotes).
fn quote(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    crate::browser::base64_decode(s)
}
