//! Issue #14: the operator's brand. `guichet demo` (the real binary) started with
//! `GUICHET_BRAND_NAME`, `GUICHET_BRAND_LOGO` and `GUICHET_BRAND_COLOR` shows the name and the
//! logo in the header of the login page, a customer's page and the back office, the name in the
//! page titles, and its colour on the buttons (in Chromium, when it is installed); a colour that
//! is not a CSS hex colour stops the start with a message naming the variable.

use crate::client::Client;
use crate::design::with_browser;
use crate::harness::{Killed, TempDir, free_port};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// A 1×1 PNG.
const LOGO: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xe0\xaa\x8d\x02\x00\x01\x76\x00\xe2\x82\x51\x6d\xa0\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

fn demo(dir: &TempDir, brand: &[(&str, String)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guichet"));
    cmd.arg("demo")
        .env("GUICHET_ADDR", format!("127.0.0.1:{}", free_port()))
        .env(
            "GUICHET_DATABASE_URL",
            format!("sqlite://{}", dir.0.join("demo.db").display()),
        )
        .env("GUICHET_MAIL_DIR", dir.0.join("mail"))
        .env_remove("GUICHET_CONFIG")
        .env_remove("GUICHET_PUBLIC_URL");
    for (k, v) in brand {
        cmd.env(k, v);
    }
    cmd
}

/// Starts the demo and answers it with its URL (what it prints).
fn start(dir: &TempDir, brand: &[(&str, String)]) -> (Killed, String) {
    let mut child = demo(dir, brand)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start guichet demo");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut url = None;
    for line in lines.by_ref().map_while(Result::ok) {
        if let Some(rest) = line.strip_prefix("Guichet is running: ") {
            url = rest.split_whitespace().next().map(str::to_string);
            break;
        }
    }
    std::thread::spawn(move || lines.for_each(drop));
    (Killed(child), url.expect("guichet demo printed its URL"))
}

/// The `<header class="top">…</header>` of a page.
fn header(body: &str) -> &str {
    let start = body.find("<header class=\"top\"").expect("a header");
    let end = body[start..].find("</header>").expect("header closed");
    &body[start..start + end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operators_name_logo_and_colour_are_on_every_page() {
    let dir = TempDir::new();
    let logo = dir.0.join("logo.png");
    std::fs::write(&logo, LOGO).unwrap();
    let (_server, url) = start(
        &dir,
        &[
            ("GUICHET_BRAND_NAME", "Hébergeur Léman".into()),
            ("GUICHET_BRAND_LOGO", logo.display().to_string()),
            ("GUICHET_BRAND_COLOR", "#0A7D5A".into()),
        ],
    );
    let mut c = Client::new(&url);
    let login = c.get("/login").await;
    assert_eq!(login.status, 200);
    let mut pages = vec![("/login", login.body)];
    c.login_ok("alice@demo.guichet.test", guichet_app::demo::PASSWORD)
        .await;
    pages.push(("/", c.get("/").await.body));
    pages.push(("/products", c.get("/products").await.body));
    let mut ops = Client::new(&url);
    let r = ops
        .login("operator@demo.guichet.test", guichet_app::demo::PASSWORD)
        .await;
    assert_eq!(r.status, 303);
    pages.push(("/admin", ops.get("/admin").await.body));
    let mut logo_src = String::new();
    let mut css_href = String::new();
    for (path, body) in &pages {
        let h = header(body);
        assert!(
            h.contains("Hébergeur Léman"),
            "{path}: the name in the header: {h}"
        );
        assert!(
            !h.contains(">Guichet<"),
            "{path}: not the default name: {h}"
        );
        let src = h
            .split("src=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{path}: a logo in the header: {h}"));
        logo_src = src.replace("&amp;", "&");
        let title = body
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("");
        assert!(
            title.ends_with(" · Hébergeur Léman"),
            "{path}: the name in the title: {title}"
        );
        css_href = body
            .split("href=\"/assets/brand.css")
            .nth(1)
            .map(|s| format!("/assets/brand.css{}", s.split('"').next().unwrap_or("")))
            .unwrap_or_else(|| panic!("{path}: the brand's stylesheet is linked"));
    }
    // The logo is on the invoices too: the demo's first invoice PDF holds one image (the QR-bill is
    // drawn, not an image), as poppler's `pdfimages` lists it.
    let list = c.get("/accounting/invoices").await.body;
    let invoice = list
        .split("href=\"/accounting/invoices/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|id| !id.contains(['.', '?', '/']))
        .unwrap_or_else(|| panic!("an invoice in the list: {list}"))
        .to_string();
    let page = c.get(&format!("/accounting/invoices/{invoice}")).await.body;
    let link = page
        .split("href=\"")
        .filter_map(|p| p.split('"').next())
        .find(|h| h.contains("document.pdf?document="))
        .unwrap_or_else(|| panic!("no PDF link: {page}"))
        .replace("&amp;", "&");
    let pdf = c.get(&link).await;
    assert_eq!(pdf.status, 200, "{link}");
    let file = dir.0.join("logo-invoice.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&file)
        .output()
        .expect("pdfimages (poppler-utils) is installed by .ci/run");
    let listed = String::from_utf8_lossy(&out.stdout);
    let images = listed
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert!(images >= 1, "no logo in the invoice PDF:\n{listed}");
    let img = c.get(&logo_src).await;
    assert_eq!(img.status, 200, "{logo_src}");
    assert_eq!(img.bytes, LOGO, "the logo served is the file");
    assert_eq!(img.headers["content-type"], "image/png");
    let css = c.get(&css_href).await;
    assert_eq!(css.status, 200);
    assert!(css.body.contains("--brand: #0a7d5a;"), "{}", css.body);

    // In a browser the colour reaches the buttons and the links.
    let base = url.clone();
    let cookies = c;
    with_browser(&dir, &url, 1280, |b| async move {
        b.take_cookies(&cookies).await;
        b.go("/products").await;
        let seen = b
            .script(
                "return [getComputedStyle(document.querySelector('main button[type=submit]:not(.secondary):not(.link), main .button:not(.secondary)')).backgroundColor,
                         document.querySelector('header .brand img').naturalWidth]",
            )
            .await;
        assert_eq!(seen, json!(["rgb(10, 125, 90)", 1]), "{base}: button colour, logo loaded");
    })
    .await;
}

#[test]
fn a_bad_colour_or_logo_stops_the_start_naming_the_variable() {
    let dir = TempDir::new();
    for (var, value, says) in [
        ("GUICHET_BRAND_COLOR", "green", "GUICHET_BRAND_COLOR"),
        ("GUICHET_BRAND_COLOR", "#0a7d5", "GUICHET_BRAND_COLOR"),
        (
            "GUICHET_BRAND_LOGO",
            "https://example.com/logo.png",
            "GUICHET_BRAND_LOGO",
        ),
        (
            "GUICHET_BRAND_LOGO",
            "/nonexistent/logo.png",
            "GUICHET_BRAND_LOGO",
        ),
    ] {
        let out = demo(&dir, &[(var, value.into())])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("run guichet demo");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{var}={value} must not start");
        assert!(stderr.contains(says), "{var}={value}: {stderr}");
    }
}
