//! Issue #16, acceptance 1, in headless Chromium: a customer opens the contact window from the
//! assistance button, sees a suggested guide for what they typed, sends the request with an
//! attachment; an operator answers it in the back office; the customer's e-mail reply, piped to
//! `guichet mail-in` (the real binary, on the same database), appears in the thread; the customer
//! closes it. On SQLite and PostgreSQL.

use crate::both_backends;
use crate::browser::{WebDriver, start_driver, tools};
use crate::harness::{Backend, TestApp};
use crate::tickets::{PNG, last_notification, reply_mail};
use crate::world::{PASSWORD, world};
use guichet_core::Lang;
use guichet_core::i18n::t;
use guichet_core::status::SupportRequestStatus;
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

both_backends!(a_request_from_the_contact_window_to_closed_in_chromium);

async fn browser(wd: &WebDriver, chromium: &str, profile: &std::path::Path) -> String {
    let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": chromium,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
    }}}});
    wd.call(reqwest::Method::POST, "/session", Some(caps)).await["sessionId"]
        .as_str()
        .expect("session")
        .to_string()
}

async fn go(wd: &WebDriver, session: &str, url: &str) {
    wd.call(
        reqwest::Method::POST,
        &format!("/session/{session}/url"),
        Some(json!({"url": url})),
    )
    .await;
}

async fn login(
    wd: &WebDriver,
    session: &str,
    base: &str,
    (email, password): (&str, &str),
    landed: &str,
) {
    go(wd, session, &format!("{base}/login")).await;
    wd.wait_for(session, "action=\"/login\"").await;
    wd.type_into(session, "#f-email", email).await;
    wd.type_into(session, "#f-current", password).await;
    wd.click(session, "form[action='/login'] button[type='submit']")
        .await;
    wd.wait_for(session, landed).await;
}

async fn a_request_from_the_contact_window_to_closed_in_chromium(b: Backend) {
    let Some((driver_bin, chromium)) = tools() else {
        return;
    };
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lang = Lang::En;
    // What the help centre answers for what the customer will type.
    let (topic, message) = (
        "Top up the prepaid account",
        "How do I top up my prepaid balance by card?",
    );
    let expected = t
        .app
        .support_suggestions(&format!("{topic} {message}"), lang)
        .await
        .unwrap();
    let guide = expected
        .first()
        .expect("the help centre has a guide for this")
        .id
        .clone();
    let dir = crate::harness::TempDir::new();
    let file = dir.0.join("screenshot.png");
    std::fs::write(&file, PNG).unwrap();
    let (_driver, wd) = start_driver(&driver_bin).await;
    let customer = browser(&wd, &chromium, &dir.0.join("customer")).await;
    let ops_session = browser(&wd, &chromium, &dir.0.join("operator")).await;
    let (wd2, c, o, base) = (
        wd.clone(),
        customer.clone(),
        ops_session.clone(),
        t.url.clone(),
    );
    let db = t.config.database_url.clone();
    let (email, app) = (a.lr().email.clone(), t.app.clone());
    let tref = std::sync::Arc::new(t);
    let t2 = tref.clone();
    let run = async move {
        let (wd, t) = (wd2, t2);
        login(&wd, &c, &base, (&email, PASSWORD), "action=\"/logout\"").await;
        go(&wd, &c, &format!("{base}/products")).await;
        wd.wait_for(&c, "id=\"assist\"").await;
        wd.click(&c, "#assist").await;
        wd.wait_for(&c, "id=\"contact\"").await;
        wd.type_into(&c, "#f-topic", topic).await;
        wd.type_into(&c, "#f-message", message).await;
        // Suggested while typing (tickets.js), before anything is sent.
        wd.wait_for(&c, &format!("href=\"/help/{guide}\"")).await;
        wd.type_into(&c, "#f-files", file.to_str().unwrap()).await;
        wd.click(&c, "button[value='send']").await;
        let thread = wd.wait_for(&c, "id=\"thread\"").await;
        assert!(
            thread.contains("screenshot.png") && thread.contains(message),
            "{thread}"
        );
        let id = {
            let sess = t.operator_session().await;
            let (rows, _) = app
                .admin_support_inbox(&sess, &Default::default())
                .await
                .unwrap();
            let r = rows
                .iter()
                .find(|r| r.request.topic == topic)
                .expect("in the inbox");
            assert!(
                r.request.suggested.contains(&guide),
                "the suggestion is recorded"
            );
            r.request.id
        };
        // The operator answers in the back office.
        login(
            &wd,
            &o,
            &base,
            ("ops@provider.example", "operator-passphrase-2026"),
            "href=\"/admin/withdrawals\"",
        )
        .await;
        go(&wd, &o, &format!("{base}/admin/tickets")).await;
        wd.wait_for(&o, topic).await;
        wd.click(&o, &format!("a[href='/admin/tickets/{id}']"))
            .await;
        wd.wait_for(&o, "id=\"answer\"").await;
        wd.type_into(
            &o,
            "#answer #f-message",
            "Use the Prepaid page, then Top up.",
        )
        .await;
        wd.click(&o, "button[value='answer']").await;
        wd.wait_for(&o, "Use the Prepaid page").await;
        // The customer answers the notification by e-mail, piped to the real binary.
        let (reply_to, in_reply_to) = last_notification(&t, &email).await;
        let mail = reply_mail(
            &email,
            &reply_to,
            &in_reply_to,
            "Found it, thanks!\r\n\r\n> Use the Prepaid page",
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("mail-in")
            .env("GUICHET_DATABASE_URL", &db)
            .env("GUICHET_LOG", "warn")
            .env_remove("GUICHET_CONFIG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&mail).unwrap();
        let out = child.wait_with_output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() && said.contains("appended to request"),
            "{said}"
        );
        go(&wd, &c, &format!("{base}/support/requests/{id}")).await;
        wd.wait_for(&c, "Found it, thanks!").await;
        wd.click(&c, "#close button").await;
        wd.wait_for(&c, t_closed(lang)).await;
        let sess = t.operator_session().await;
        let th = app.admin_support_request(&sess, id).await.unwrap();
        assert_eq!(th.request.status, SupportRequestStatus::Closed);
    };
    let outcome = tokio::spawn(run).await;
    for s in [&customer, &ops_session] {
        let _ = wd
            .call(reqwest::Method::DELETE, &format!("/session/{s}"), None)
            .await;
    }
    drop(tref);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

fn t_closed(lang: Lang) -> &'static str {
    t(lang, "ticket.closed")
}
