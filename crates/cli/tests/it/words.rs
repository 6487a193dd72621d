//! Issue #14, acceptance 2: every word in the reader's language. On the demo data (`guichet demo`:
//! a paid hosting, an unpaid domain, prepaid movements, an activity log), each demo person — every
//! role, and the operator in the back office — reads every page they can reach and every page of
//! the router (`MANAGER_PAGES`, the back office), in French and in German. A page fails on English
//! catalogue text, a raw catalogue key, Rust debug output (`Some(`, `Rights { … }`) or, for a
//! customer, a UUID.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use guichet_core::Lang;
use guichet_core::i18n::{KEYS, t};
use std::collections::{BTreeMap, BTreeSet};

both_backends!(every_page_speaks_the_readers_language);

pub(crate) const BACK_OFFICE: &[&str] = &[
    "/admin",
    "/admin/withdrawals",
    "/admin/invoices",
    "/admin/catalogue",
    "/admin/bank",
    "/admin/kb",
    "/admin/kb/new",
    "/admin/kb/report",
    "/admin/kb/{id}",
    "/admin/support",
    "/admin/tickets",
    "/admin/tickets/canned",
    "/admin/tickets/figures",
    "/admin/tickets/{ticket}",
];

async fn every_page_speaks_the_readers_language(b: Backend) {
    let t = TestApp::spawn(b).await;
    assert!(t.app.seed_demo().await.unwrap());
    let english = English::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    ids.insert("{category}", "billing".into());
    ids.insert("{id}", "compte-prepaye".into());
    for login in guichet_app::demo::LOGINS {
        let operator = login.email.starts_with("operator");
        for lang in [Lang::Fr, Lang::De] {
            let mut c = t.client();
            let r = c.login(login.email, guichet_app::demo::PASSWORD).await;
            assert_eq!(r.status, 303, "{}: {}", login.email, r.body);
            let start = if operator { "/admin" } else { "/" };
            let first = c.get(start).await;
            if operator {
                // The back office speaks the operator's language (French) before any choice.
                assert!(first.body.contains("<html lang=\"fr\""), "{}", first.body);
            }
            let r = c.post("/lang", &[("lang", lang.code())]).await;
            assert_eq!(r.status, 303, "/lang");
            let seen = crawl(&mut c, start, 120).await;
            learn_ids(&seen, &mut ids);
            let mut pages: Vec<String> = seen.keys().cloned().collect();
            let patterns = if operator {
                BACK_OFFICE
            } else {
                guichet_web::MANAGER_PAGES
            };
            for pattern in patterns {
                if let Some(path) = fill(pattern, &ids)
                    && !pages.contains(&path)
                {
                    let r = c.get(&path).await;
                    assert!(r.status < 500, "{path}: {}", r.status);
                    pages.push(path.clone());
                    check(&english, lang, !operator, &path, &r.body, &mut problems);
                    checked += 1;
                }
            }
            for (path, body) in &seen {
                check(&english, lang, !operator, path, body, &mut problems);
            }
            checked += seen.len();
        }
    }
    // Seven people, two languages, each reading the pages of the router and what they link to.
    assert!(checked > 500, "only {checked} pages read");
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Follows the links of the pages from `start` (GET only, same site, no files, no sign-out).
pub(crate) async fn crawl(c: &mut Client, start: &str, limit: usize) -> BTreeMap<String, String> {
    let mut seen = BTreeMap::new();
    let mut queue = vec![start.to_string()];
    while let Some(path) = queue.pop() {
        if seen.len() >= limit || seen.contains_key(&path) {
            continue;
        }
        let r = c.get(&path).await;
        assert!(r.status < 500, "{path}: {}", r.status);
        if r.status != 200 {
            seen.insert(path, r.body);
            continue;
        }
        for href in links(&r.body) {
            if !seen.contains_key(&href) && !queue.contains(&href) {
                queue.insert(0, href);
            }
        }
        seen.insert(path, r.body);
    }
    seen
}

fn links(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in body.split("href=\"").skip(1) {
        let Some(href) = part.split('"').next() else {
            continue;
        };
        let href = href.replace("&amp;", "&");
        let path = href.split('#').next().unwrap_or("");
        let file = [
            ".pdf", ".csv", ".xlsx", ".xml", ".css", ".js", ".svg", ".png", ".ico",
        ]
        .iter()
        .any(|e| path.split('?').next().unwrap_or("").ends_with(e));
        if path.starts_with('/')
            && !path.starts_with("//")
            && !file
            && !path.starts_with("/api")
            && !path.starts_with("/static")
            && !path.starts_with("/docs")
            && !path.contains("/file")
            // A guide in another language, chosen on purpose ("read it in English").
            && !path.contains("stay=1")
        {
            out.push(path.to_string());
        }
    }
    out
}

/// The ids the router's patterns need, from the pages seen (`/products/<uuid>` …).
pub(crate) fn learn_ids(seen: &BTreeMap<String, String>, ids: &mut BTreeMap<&str, String>) {
    let pairs = [
        ("/accounting/invoices/", "{invoice}"),
        ("/accounting/prepaid/transfers/", "{request}"),
        ("/accounting/addresses/", "{address}"),
        ("/teams/", "{team}"),
        ("/products/", "{product}"),
        ("/support/requests/", "{ticket}"),
        ("/admin/tickets/", "{ticket}"),
    ];
    for path in seen.keys() {
        for (prefix, name) in pairs {
            if let Some(rest) = path.strip_prefix(prefix) {
                let id = rest.split(['/', '?']).next().unwrap_or("");
                if uuid::Uuid::parse_str(id).is_ok() {
                    ids.entry(name).or_insert_with(|| id.to_string());
                }
            }
        }
        if let Some(rest) = path.strip_prefix("/admin/kb/") {
            let id = rest.split(['/', '?']).next().unwrap_or("");
            if !id.is_empty() && !["new", "report", "import"].contains(&id) {
                ids.entry("{id}").or_insert_with(|| id.to_string());
            }
        }
    }
}

pub(crate) fn fill(pattern: &str, ids: &BTreeMap<&str, String>) -> Option<String> {
    let mut path = pattern.to_string();
    for (name, id) in ids {
        path = path.replace(name, id);
    }
    // A product's sites exist for a hosting only; a pattern without a known id is skipped.
    (!path.contains('{')).then_some(path)
}

/// The English texts of the catalogue that French and German never use.
pub(crate) struct English {
    /// Whole texts (a text node that is exactly one of them is English).
    whole: BTreeSet<String>,
    /// Long fragments (between parameters) that give English away inside a longer text.
    fragments: BTreeSet<String>,
    areas: BTreeSet<String>,
}

impl English {
    pub(crate) fn new() -> English {
        let mut other = BTreeSet::new();
        for k in KEYS.iter() {
            other.insert(t(Lang::Fr, k).to_string());
            other.insert(t(Lang::De, k).to_string());
        }
        let mut whole = BTreeSet::new();
        let mut fragments = BTreeSet::new();
        for k in KEYS.iter() {
            let en = t(Lang::En, k).trim();
            if other.contains(en) || en.len() < 3 {
                continue;
            }
            if !en.contains("{$") {
                whole.insert(en.to_string());
            }
            for part in en.split("{$") {
                let part = part.split_once('}').map_or(part, |(_, rest)| rest).trim();
                if part.len() >= 18 && part.contains(' ') && !other.iter().any(|o| o.contains(part))
                {
                    fragments.insert(part.to_string());
                }
            }
        }
        let areas = KEYS
            .iter()
            .filter_map(|k| k.split('.').next())
            .map(str::to_string)
            .collect();
        English {
            whole,
            fragments,
            areas,
        }
    }
}

/// The text a person reads: text between tags (no scripts, no styles) and the labels of controls.
fn texts(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        push_text(&rest[..i], &mut out);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..tag_end];
        for attr in ["title=\"", "placeholder=\"", "aria-label=\"", "alt=\""] {
            if let Some(v) = tag.split(attr).nth(1).and_then(|v| v.split('"').next()) {
                push_text(v, &mut out);
            }
        }
        rest = &rest[tag_end..];
        // Scripts, styles, what the person typed or edits (a guide's Markdown in the back office,
        // in every language), and technical identifiers set as code (a webhook's event types, a URL).
        for skip in ["<script", "<style", "<textarea", "<pre", "<code"] {
            if tag.starts_with(skip) {
                let close = format!("</{}", &skip[1..]);
                rest = rest.find(&close).map_or("", |j| &rest[j..]);
            }
        }
    }
    push_text(rest, &mut out);
    out
}

fn push_text(raw: &str, out: &mut Vec<String>) {
    let text = raw
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        out.push(text);
    }
}

pub(crate) fn check(
    english: &English,
    lang: Lang,
    customer: bool,
    path: &str,
    body: &str,
    problems: &mut Vec<String>,
) {
    if !body.contains("<html") {
        return;
    }
    let at = format!("{lang:?} {path}");
    for text in texts(body) {
        if english.whole.contains(&text) {
            problems.push(format!("{at}: English {text:?}"));
        }
        for f in &english.fragments {
            if text.contains(f.as_str()) && !english.whole.contains(&text) {
                problems.push(format!("{at}: English {f:?} in {text:?}"));
            }
        }
        for word in text.split(|c: char| c.is_whitespace() || "()[],;:«»\"'".contains(c)) {
            let word = word.trim_end_matches('.');
            if let Some((area, rest)) = word.split_once('.')
                && english.areas.contains(area)
                && !rest.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
            {
                problems.push(format!("{at}: raw key {word:?} in {text:?}"));
            }
        }
        for debug in ["Some(", "None)", "Ok(", "Err("] {
            if text.contains(debug) {
                problems.push(format!("{at}: debug output in {text:?}"));
            }
        }
        if struct_dump(&text) {
            problems.push(format!("{at}: debug output in {text:?}"));
        }
        if customer && has_uuid(&text) {
            problems.push(format!("{at}: UUID in {text:?}"));
        }
    }
}

/// `Rights { technical: true, … }`.
fn struct_dump(text: &str) -> bool {
    text.match_indices(" { ").any(|(i, _)| {
        let before = text[..i].rsplit(' ').next().unwrap_or("");
        let after = &text[i + 3..];
        before.starts_with(|c: char| c.is_ascii_uppercase())
            && before.chars().all(|c| c.is_ascii_alphanumeric())
            && after
                .split_once(": ")
                .is_some_and(|(field, _)| field.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    })
}

fn has_uuid(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(35)).any(|i| {
        text.is_char_boundary(i)
            && text.is_char_boundary(i + 36)
            && uuid::Uuid::parse_str(&text[i..i + 36]).is_ok()
    })
}

#[test]
fn the_checks_see_what_they_look_for() {
    let english = English::new();
    let mut p = Vec::new();
    let page = "<html><body><p>Products</p><p>Rights { technical: true, billing: false }</p>\
        <p>invoices.exported_by_mail: 1</p><p>0190a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b</p>\
        <p>Some(\"x\")</p><p>Produits</p><script>var a = \"Products\";</script></body></html>";
    check(&english, Lang::Fr, true, "/x", page, &mut p);
    let all = p.join("\n");
    for want in [
        "English \"Products\"",
        "Rights {",
        "raw key \"invoices.exported_by_mail\"",
        "UUID",
        "Some(",
    ] {
        assert!(all.contains(want), "{want} not found in:\n{all}");
    }
    assert_eq!(p.len(), 5, "{all}");
}
