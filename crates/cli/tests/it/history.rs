//! Issue #12, the read side: the invoice history and the activity log are paged by key. Walking
//! every page by the `next` links and back by the `prev` links shows every row exactly once, in
//! order, with each filter; a link that is not one is a 422; and every page's statement is an
//! index seek (no scan, no sort) on both databases.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{OrgFixture, PASSWORD, world};
use guichet_core::{Currency, OrgId};
use guichet_store::keyset::{Cursor, Page};
use serde_json::Value;

both_backends!(
    every_invoice_is_seen_once_in_order_by_the_next_and_prev_links,
    every_activity_line_is_seen_once_in_order_by_the_next_and_prev_links,
    each_page_of_the_history_is_an_index_seek,
    the_back_office_walks_every_customer_once_by_its_links,
);

const DAY: i64 = 86_400;

async fn seed_invoices(t: &TestApp, org: OrgId, tag: &str, n: usize, first: i64, last: i64) {
    let mut tx = t.app.db.begin().await.unwrap();
    guichet_store::bench::seed_invoice_history(
        &mut tx,
        org,
        guichet_core::Currency::Chf,
        810,
        tag,
        n,
        first,
        last,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn get(c: &mut Client, token: &str, path: &str) -> Value {
    let r = c.api("GET", path, token, None).await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.body);
    r.json()
}

/// A row as the walks compare it: an invoice's number, an activity line's time and detail.
fn key(row: &Value) -> String {
    match row["number"].as_str() {
        Some(n) => n.to_string(),
        None => format!("{} {}", row["at"], row["detail"]),
    }
}

/// Every row of the list at `first` (an API path), walking `links.next` to the end. Then the
/// first page's `links.last` shows the oldest rows (a whole page, the end of the same list), and
/// walking back from it by `links.prev` meets every row again, once, up to the first page.
async fn walk(c: &mut Client, token: &str, first: &str, list: &str) -> Vec<Value> {
    let mut pages: Vec<Vec<Value>> = Vec::new();
    let mut path = first.to_string();
    let mut head = Value::Null;
    loop {
        let v = get(c, token, &path).await;
        pages.push(v[list].as_array().unwrap().clone());
        assert!(pages.len() < 100, "{first}: the next links never end");
        let next = v["links"]["next"].as_str().map(str::to_string);
        assert_eq!(
            next.is_some(),
            v["next"].is_string(),
            "a next link exactly when there is a next cursor: {path}"
        );
        assert_eq!(v["links"]["prev"].is_string(), pages.len() > 1, "{path}");
        if pages.len() == 1 {
            head = v;
        }
        match next {
            Some(n) => path = n,
            None => break,
        }
    }
    for p in &pages[..pages.len() - 1] {
        assert!(!p.is_empty(), "{first}: an empty page before the end");
    }
    let all = pages.concat();
    let keys: Vec<String> = all.iter().map(key).collect();
    assert!(head["prev"].is_null() && head["links"]["first"].is_null());
    if pages.len() == 1 {
        assert!(head["links"]["last"].is_null(), "one page: no last link");
        return all;
    }
    let last = get(c, token, head["links"]["last"].as_str().unwrap()).await;
    let oldest: Vec<String> = last[list].as_array().unwrap().iter().map(key).collect();
    assert_eq!(
        oldest.len(),
        pages[0].len(),
        "{first}: the last page is a whole page"
    );
    assert_eq!(
        oldest,
        keys[keys.len() - oldest.len()..],
        "{first}: links.last shows the oldest rows"
    );
    assert!(last["next"].is_null() && last["links"]["last"].is_null());
    // Back from the last page to the first by the prev links.
    let mut back: Vec<Vec<String>> = vec![oldest];
    let mut at = last;
    while let Some(prev) = at["links"]["prev"].as_str().map(str::to_string) {
        at = get(c, token, &prev).await;
        back.push(at[list].as_array().unwrap().iter().map(key).collect());
        assert!(
            back.len() <= pages.len() + 1,
            "{first}: too many pages back"
        );
    }
    assert!(
        at["links"]["first"].is_null(),
        "{first}: back at the newest"
    );
    back.reverse();
    assert_eq!(
        back.concat(),
        keys,
        "{first}: every row again on the way back"
    );
    all
}

fn numbers(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect()
}

/// The invoice numbers of a Manager page, in the order shown (seeded `H…-0000001` ones and
/// `2026-0000001` ones).
fn page_numbers(html: &str) -> Vec<String> {
    html.split("</a>")
        .filter_map(|before| before.rsplit('>').next())
        .filter(|w| {
            let b = w.as_bytes();
            b.len() == 10 && b[0] == b'H' && b[2] == b'-' && b[3..].iter().all(u8::is_ascii_digit)
                || b.len() == 12
                    && b[4] == b'-'
                    && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        })
        .map(str::to_string)
        .collect()
}

fn rel(html: &str, rel: &str) -> Option<String> {
    let at = html.find(&format!("rel=\"{rel}\""))?;
    let start = html[..at].rfind("<a")?;
    let end = at + html[at..].find('>')?;
    let href = html[start..end]
        .split_once("href=\"")?
        .1
        .split('"')
        .next()?;
    Some(href.replace("&amp;", "&"))
}

/// The text of the `<a rel="…">` of `html`.
fn rel_text(html: &str, rel: &str) -> Option<String> {
    let at = html.find(&format!("rel=\"{rel}\""))?;
    let open = at + html[at..].find('>')? + 1;
    let close = open + html[open..].find("</a>")?;
    Some(html[open..close].to_string())
}

/// Midnight (UTC) of the day of `t`, and the day as `YYYY-MM-DD`.
fn day(t: i64) -> (i64, String) {
    (
        t - t.rem_euclid(DAY),
        guichet_core::period::Date::from_unix(t).iso(),
    )
}

async fn every_invoice_is_seen_once_in_order_by_the_next_and_prev_links(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let (a, token) = (&w.a, w.a.lr().token.clone());
    let now = t.app.now();
    // 130 invoices over 400 days, 30 issued in the same second (the number breaks the tie), and
    // another Organization's, which never show.
    seed_invoices(&t, a.id, "W", 130, now - 400 * DAY, now - 3_600).await;
    seed_invoices(&t, a.id, "T", 30, now - 200 * DAY + 7, now - 200 * DAY + 7).await;
    seed_invoices(&t, w.b.id, "B", 40, now - 400 * DAY, now - 3_600).await;
    let mut api = t.client();
    let list = format!("/api/v1/orgs/{}/invoices", a.id);

    let all = walk(&mut api, &token, &list, "invoices").await;
    let keys: Vec<(i64, String)> = all
        .iter()
        .map(|r| {
            (
                r["issued_at"].as_i64().unwrap(),
                r["number"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        keys.windows(2).all(|p| p[0] > p[1]),
        "newest first, each once: {keys:?}"
    );
    let seeded = |tag: &str| {
        keys.iter()
            .filter(|(_, n)| n.starts_with(&format!("H{tag}-")))
            .count()
    };
    assert_eq!((seeded("W"), seeded("T"), seeded("B")), (130, 30, 0));

    // A status filter, a date range and both: the rows of the whole list that match, in order.
    let (from, from_day) = day(now - 300 * DAY);
    let (to, to_day) = day(now - 100 * DAY);
    let in_range = |r: &Value| {
        let at = r["issued_at"].as_i64().unwrap();
        at >= from && at < to + DAY
    };
    let cases: Vec<(String, Vec<String>)> = vec![
        (
            "status=paid".into(),
            numbers(
                &all.iter()
                    .filter(|r| r["status"] == "paid")
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            format!("from={from_day}&to={to_day}"),
            numbers(
                &all.iter()
                    .filter(|r| in_range(r))
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            format!("status=paid&from={from_day}&to={to_day}"),
            numbers(
                &all.iter()
                    .filter(|r| r["status"] == "paid" && in_range(r))
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    for (query, expected) in &cases {
        assert!(expected.len() > 25, "{query}: more than a page to walk");
        let got = walk(&mut api, &token, &format!("{list}?{query}"), "invoices").await;
        assert_eq!(&numbers(&got), expected, "{query}");
    }

    // The Manager's page: real links, the same invoices page after page.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let (query, expected) = &cases[0];
    let mut path = format!("/accounting/invoices?{query}");
    let mut shown = Vec::new();
    for _ in 0..50 {
        let page = web.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        shown.extend(page_numbers(&page.body));
        match rel(&page.body, "next") {
            Some(next) => {
                assert!(next.contains("status=paid"), "the filter is kept: {next}");
                path = next;
            }
            None => {
                assert!(
                    rel(&page.body, "prev").is_some(),
                    "the last page links back"
                );
                break;
            }
        }
    }
    assert_eq!(&shown, expected, "the Manager's pages");

    // A link that is not one is refused, naming its parameter.
    for bad in ["after=yesterday", "before=12.a%20b", "after=x.2026-0000001"] {
        let r = api.api("GET", &format!("{list}?{bad}"), &token, None).await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
        let field = bad.split('=').next().unwrap();
        assert!(r.body.contains(field), "{bad}: {}", r.body);
        assert!(
            guichet_core::Lang::ALL.iter().any(|l| r
                .body
                .contains(guichet_core::i18n::t(*l, "pager.cursor_invalid"))),
            "{bad}: the catalogue's message: {}",
            r.body
        );
        let page = web.get(&format!("/accounting/invoices?{bad}")).await;
        assert_eq!(page.status, 422, "{bad} on the page");
    }
}

async fn seed_activity(t: &TestApp, a: &OrgFixture, other: OrgId, base: i64) {
    let mut tx = t.app.db.begin().await.unwrap();
    let actions = ["team.created", "member.role_changed", "site.created"];
    let actors = [Some(a.lr().id), Some(a.admin().id), None];
    for i in 0..130 {
        guichet_store::audit::record(
            &mut tx,
            Some(a.id),
            actors[i % 3],
            actions[(i / 2) % 3],
            &format!("line {i}"),
            "192.0.2.1",
            // Three lines at each time, seven hours apart: the id breaks the tie.
            base + (i as i64 / 3) * 60 * 60 * 7,
        )
        .await
        .unwrap();
        guichet_store::audit::record(
            &mut tx,
            Some(other),
            None,
            "team.created",
            &format!("other {i}"),
            "",
            base + i as i64 * 60,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

async fn every_activity_line_is_seen_once_in_order_by_the_next_and_prev_links(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let (a, token) = (&w.a, w.a.lr().token.clone());
    let base = t.app.now() - 20 * DAY;
    seed_activity(&t, a, w.b.id, base).await;
    let mut api = t.client();
    let list = format!("/api/v1/orgs/{}/activity", a.id);

    let all = walk(&mut api, &token, &list, "activity").await;
    let details: Vec<&str> = all.iter().map(|l| l["detail"].as_str().unwrap()).collect();
    let times: Vec<i64> = all.iter().map(|l| l["at"].as_i64().unwrap()).collect();
    assert!(times.windows(2).all(|p| p[0] >= p[1]), "newest first");
    for i in 0..130 {
        let line = format!("line {i}");
        assert_eq!(
            details.iter().filter(|d| **d == line).count(),
            1,
            "{line} once"
        );
    }
    assert!(
        !details.iter().any(|d| d.starts_with("other ")),
        "never another's"
    );
    // The kinds the filter offers: those of the log's lines, each once.
    let mut kinds: Vec<String> = all
        .iter()
        .map(|l| {
            l["action"]
                .as_str()
                .unwrap()
                .split('.')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        get(&mut api, &token, &list).await["kinds"],
        serde_json::json!(kinds)
    );

    let (from, from_day) = day(base + 3 * DAY);
    let (to, to_day) = day(base + 9 * DAY);
    let pick = |keep: &dyn Fn(&Value) -> bool| -> Vec<Value> {
        all.iter().filter(|l| keep(l)).cloned().collect()
    };
    let admin = a.admin().id.to_string();
    let cases: Vec<(String, Vec<Value>)> = vec![
        (
            "kind=team".into(),
            pick(&|l| l["action"].as_str().unwrap().starts_with("team")),
        ),
        (
            format!("from={from_day}&to={to_day}"),
            pick(&|l| {
                let at = l["at"].as_i64().unwrap();
                at >= from && at < to + DAY
            }),
        ),
        (
            format!("actor={admin}"),
            pick(&|l| l["actor_id"] == admin.as_str()),
        ),
    ];
    for (query, expected) in &cases {
        assert!(expected.len() > 10, "{query}: {}", expected.len());
        let got = walk(&mut api, &token, &format!("{list}?{query}"), "activity").await;
        let (got, expected): (Vec<String>, Vec<String>) = (
            got.iter().map(key).collect(),
            expected.iter().map(key).collect(),
        );
        assert_eq!(got, expected, "{query}");
    }
    assert!(cases[1].1.len() > 50, "the date range spans pages");

    // The Manager's page links the pages with words of the catalogue, in the reader's language.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let page = web.get("/activity").await;
    assert_eq!(page.status, 200);
    for person in [a.lr(), a.admin()] {
        assert!(
            page.body
                .contains(&format!("option value=\"{}\"", person.id)),
            "{} is offered as a filter",
            person.email
        );
    }
    let next = rel(&page.body, "next").expect("a next link");
    let word = rel_text(&page.body, "next").unwrap();
    assert!(
        guichet_core::Lang::ALL
            .iter()
            .any(|l| word.contains(guichet_core::i18n::t(*l, "pager.next")))
            && !word.contains("pager."),
        "the link says so in words: {word}"
    );
    let second = web.get(&next).await;
    assert_eq!(second.status, 200);
    assert!(rel(&second.body, "prev").is_some() && rel(&second.body, "first").is_some());
    let bad = web.get("/activity?before=nonsense").await;
    assert_eq!(bad.status, 422);
}

/// The plan of each page of each filter uses the index made for it, with no sort and nothing
/// filtered after the index (SQLite: a SEARCH using the index, no temporary B-tree; PostgreSQL:
/// an index scan whose conditions hold the whole filter, no Sort, no Filter).
async fn each_page_of_the_history_is_an_index_seek(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let now = t.app.now();
    seed_invoices(&t, w.a.id, "P", 600, now - 400 * DAY, now).await;
    for i in 0..5 {
        seed_activity(&t, &w.a, w.b.id, now - (i + 1) * 30 * DAY).await;
    }
    let backend = t.app.db.backend();
    let mut c = t.app.db.conn().await.unwrap();
    let cursor = Cursor::new(now - 150 * DAY, "HP-0000300");
    let pages = [
        Page::First,
        Page::After(cursor.clone()),
        Page::Before(cursor),
        Page::Last,
    ];
    let check = |plan: &[String], index: &str, what: &str| {
        let text = plan.join("\n");
        match backend {
            guichet_store::Backend::Sqlite => {
                assert!(
                    text.contains(&format!("USING INDEX {index} "))
                        || text.contains(&format!("USING COVERING INDEX {index} ")),
                    "{what}: {text}"
                );
                assert!(text.contains("SEARCH"), "{what}: {text}");
                assert!(!text.contains("TEMP B-TREE"), "{what}: a sort: {text}");
            }
            guichet_store::Backend::Postgres => {
                assert!(
                    text.contains(&format!("Index Scan using {index} "))
                        || text.contains(&format!("Index Scan Backward using {index} ")),
                    "{what}: {text}"
                );
                assert!(!text.contains("Sort"), "{what}: a sort: {text}");
                let on_invoices: Vec<&str> = plan
                    .iter()
                    .map(String::as_str)
                    .filter(|l| l.trim_start().starts_with("Filter:"))
                    .collect();
                assert!(
                    on_invoices.is_empty(),
                    "{what}: filtered after the index: {text}"
                );
            }
        }
        if what.contains("After") || what.contains("Before") {
            let seek = plan.iter().any(|l| {
                l.contains("issued_at, number")
                    || l.contains("(issued_at,number)")
                    || l.contains("ROW(")
            });
            assert!(seek, "{what}: the cursor is a seek of the index: {text}");
        }
    };
    let (from, to) = (Some(now - 300 * DAY), Some(now - 100 * DAY));
    let filters = [
        ("no filter", None, None, None, "invoices_org_keyset"),
        (
            "status",
            Some("paid"),
            None,
            None,
            "invoices_org_status_keyset",
        ),
        ("dates", None, from, to, "invoices_org_keyset"),
        (
            "status and dates",
            Some("overdue"),
            from,
            to,
            "invoices_org_status_keyset",
        ),
    ];
    for (name, status, from, to, index) in filters {
        let f = guichet_store::billing::InvoiceFilter { status, from, to };
        for page in &pages {
            let plan =
                guichet_store::billing::explain_invoices_page(&mut c, backend, w.a.id, f, page)
                    .await
                    .unwrap();
            check(&plan, index, &format!("invoices, {name}, {page:?}"));
        }
    }
    let actor = guichet_store::audit::Filter {
        actor: Some(w.a.lr().id),
        ..Default::default()
    };
    for (name, f, index) in [
        (
            "no filter",
            guichet_store::audit::Filter::default(),
            "audit_log_org_keyset",
        ),
        ("actor", actor, "audit_log_org_actor_keyset"),
    ] {
        for page in [Page::First, Page::Last] {
            let plan = guichet_store::audit::explain_page(&mut c, backend, w.a.id, &f, &page)
                .await
                .unwrap();
            check(&plan, index, &format!("activity, {name}, {page:?}"));
        }
    }
}

async fn the_back_office_walks_every_customer_once_by_its_links(b: Backend) {
    let t = TestApp::spawn(b).await;
    let _w = world(&t).await;
    let now = t.app.now();
    // 60 customers, three created in each second (the id breaks the tie), one of them deleted.
    let mut tx = t.app.db.begin().await.unwrap();
    let mut deleted = None;
    for i in 0..60 {
        let d = guichet_store::orgs::OrgDetails {
            name: format!("Bulk Kunde {i:02}"),
            kind: None,
            street: "Rue 1".into(),
            postcode: "1003".into(),
            city: "Lausanne".into(),
            country: "CH".into(),
            phone: None,
            vat_number: None,
        };
        let id = guichet_store::orgs::insert(
            &mut tx,
            &d,
            guichet_core::OrgKind::Company,
            Currency::Chf,
            now - 1_000 + i / 3,
        )
        .await
        .unwrap();
        if i == 17 {
            guichet_store::orgs::mark_deleted(&mut tx, id, now)
                .await
                .unwrap();
            deleted = Some(d.name);
        }
    }
    tx.commit().await.unwrap();
    let mut ops = t.operator("/admin").await;
    let names = |html: &str| -> Vec<String> {
        html.split("Bulk Kunde ")
            .skip(1)
            .map(|rest| format!("Bulk Kunde {}", &rest[..2]))
            .collect()
    };
    let mut path = "/admin?q=bulk".to_string();
    let mut seen: Vec<String> = Vec::new();
    let mut pages = 0;
    loop {
        let page = ops.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        seen.extend(names(&page.body));
        pages += 1;
        assert!(pages < 10);
        match rel(&page.body, "next") {
            Some(next) => {
                assert!(next.contains("q=bulk"), "the search is kept: {next}");
                path = next;
            }
            None => break,
        }
    }
    let expected: Vec<String> = (0..60)
        .rev()
        .map(|i| format!("Bulk Kunde {i:02}"))
        .filter(|n| Some(n) != deleted.as_ref())
        .collect();
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(
        sorted, expected,
        "every live customer once, the deleted one never"
    );
    assert_eq!(pages, 3, "59 customers, 25 a page");
    // Newest first: each second's three customers come before the previous second's.
    let second = |n: &str| n[11..].parse::<i64>().unwrap() / 3;
    assert!(
        seen.windows(2).all(|p| second(&p[0]) >= second(&p[1])),
        "{seen:?}"
    );
    let last = ops.get(&path).await;
    assert!(rel(&last.body, "prev").is_some() && rel(&last.body, "last").is_none());
}
