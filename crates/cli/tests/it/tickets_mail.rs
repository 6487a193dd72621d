//! Issue #16, acceptance 3: hostile mail to `mail-in` — a forged token, an expired token, an
//! unknown sender, a 50 MB message, a MIME bomb (deep nesting, thousands of parts), HTML with
//! scripts — is refused or sanitised, with a clear log line, in bounded time and memory, and
//! no request is touched by a refused one.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use crate::tickets::{last_notification, open, reply_mail};
use crate::world::{PASSWORD, world};
use guichet_app::tickets::mail_in::{MailOutcome, Refusal};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

both_backends!(hostile_mail_is_refused_or_sanitised_and_touches_nothing);

fn refused(o: &MailOutcome) -> Option<Refusal> {
    match o {
        MailOutcome::Refused(r) => Some(*r),
        MailOutcome::Appended { .. } => None,
    }
}

/// A message nested `depth` multiparts deep.
fn nested(from: &str, to: &str, depth: usize) -> Vec<u8> {
    let mut s = format!("From: {from}\r\nTo: {to}\r\nSubject: bomb\r\nMIME-Version: 1.0\r\n");
    for i in 0..depth {
        s.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    s.push_str("Content-Type: text/plain\r\n\r\nboom\r\n");
    for i in (0..depth).rev() {
        s.push_str(&format!("--b{i}--\r\n"));
    }
    s.into_bytes()
}

/// A message of `n` sibling parts.
fn wide(from: &str, to: &str, n: usize) -> Vec<u8> {
    let mut s = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: wide\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"w\"\r\n\r\n"
    );
    for i in 0..n {
        s.push_str(&format!(
            "--w\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
        ));
    }
    s.push_str("--w--\r\n");
    s.into_bytes()
}

async fn hostile_mail_is_refused_or_sanitised_and_touches_nothing(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let id = open(&mut web, "Mail test", "", "First message.", &[]).await;
    let mut ops = t.operator("/admin/tickets").await;
    let r = ops
        .post_multipart(
            &format!("/admin/tickets/{id}/reply"),
            &[("message", "An answer."), ("kind", "answer")],
            &[],
        )
        .await;
    assert_eq!(r.status, 303);
    let (reply_to, message_id) = last_notification(&t, &a.lr().email).await;
    let sess = t.operator_session().await;
    let request_id = id.parse().unwrap();
    let snapshot = || async {
        let th = t
            .app
            .admin_support_request(&sess, request_id)
            .await
            .unwrap();
        (th.messages.len(), th.request.updated_at, th.request.status)
    };
    let before = snapshot().await;
    let me = a.lr().email.clone();
    // A forged token: one character of the signature changed (and no thread header to fall back on).
    let (local, domain) = reply_to.split_once('@').unwrap();
    let last = local.chars().last().unwrap();
    let forged = format!(
        "{}{}@{domain}",
        &local[..local.len() - 1],
        if last == 'a' { 'b' } else { 'a' }
    );
    let o = t
        .app
        .mail_in(&reply_mail(&me, &forged, "<none@x>", "hello"))
        .await
        .unwrap();
    assert_eq!(refused(&o), Some(Refusal::ForgedToken));
    // A token naming another request than the notification answered: forged too.
    let other = open(&mut web, "Another", "", "Second request.", &[]).await;
    assert_ne!(other, id);
    let (_, other_notice) = last_notification(&t, "ops@provider.example").await;
    let o = t
        .app
        .mail_in(&reply_mail(&me, &reply_to, &other_notice, "which one?"))
        .await
        .unwrap();
    assert_eq!(refused(&o), Some(Refusal::ForgedToken));
    // An unknown sender, with a good token.
    let o = t
        .app
        .mail_in(&reply_mail(
            "intruder@evil.example",
            &reply_to,
            &message_id,
            "let me in",
        ))
        .await
        .unwrap();
    assert_eq!(refused(&o), Some(Refusal::UnknownSender));
    // A member of another Organization, with a good token.
    let o = t
        .app
        .mail_in(&reply_mail(
            &w.b.lr().email,
            &reply_to,
            &message_id,
            "not mine",
        ))
        .await
        .unwrap();
    assert_eq!(refused(&o), Some(Refusal::NotAllowed));
    // A MIME bomb: deep nesting, and thousands of parts — refused quickly.
    let started = Instant::now();
    let o = t.app.mail_in(&nested(&me, &reply_to, 200)).await.unwrap();
    assert!(
        matches!(refused(&o), Some(Refusal::TooDeep | Refusal::TooManyParts)),
        "{o:?}"
    );
    let o = t.app.mail_in(&nested(&me, &reply_to, 20)).await.unwrap();
    assert_eq!(
        refused(&o),
        Some(Refusal::TooDeep),
        "20 levels, few parts: too deep"
    );
    let o = t.app.mail_in(&wide(&me, &reply_to, 5000)).await.unwrap();
    assert_eq!(refused(&o), Some(Refusal::TooManyParts));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "bounded time: {:?}",
        started.elapsed()
    );
    // Over the size limit: refused before parsing.
    let big = vec![b'a'; t.app.config.tickets.mail_max_bytes + 1];
    assert_eq!(
        refused(&t.app.mail_in(&big).await.unwrap()),
        Some(Refusal::TooBig)
    );
    assert_eq!(
        snapshot().await,
        before,
        "no refused message touched the request"
    );
    // HTML with scripts: appended as text, the scripts gone.
    let html = format!(
        "From: {me}\r\nTo: {reply_to}\r\nSubject: Re\r\nMessage-ID: <html-1@mail.example>\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n<p>Thanks <b>a lot</b></p><script>alert('x')</script><img src=x onerror=\"alert(1)\">\r\n"
    );
    let o = t.app.mail_in(html.as_bytes()).await.unwrap();
    assert_eq!(refused(&o), None, "{o:?}");
    let th = t
        .app
        .admin_support_request(&sess, request_id)
        .await
        .unwrap();
    let last = th.messages.last().unwrap();
    assert!(last.body.contains("Thanks a lot"), "{}", last.body);
    assert!(
        !last.body.contains("alert") && !last.body.contains('<'),
        "{}",
        last.body
    );
    let page = web.get(&format!("/support/requests/{id}")).await;
    assert!(
        !page.body.contains("<script>alert"),
        "nothing executable reaches the page"
    );
    // An expired token: 31 days later (the default validity is 30).
    t.clock.advance(31 * 86_400);
    let before = snapshot().await;
    let o = t
        .app
        .mail_in(&reply_mail(&me, &reply_to, &message_id, "late"))
        .await
        .unwrap();
    assert_eq!(refused(&o), Some(Refusal::ExpiredToken));
    assert_eq!(snapshot().await, before);
}

/// The real binary reading a 50 MB message on standard input: refused before parsing, with a log
/// line, in little memory (it never holds more than the limit plus one byte of it).
#[test]
fn fifty_megabytes_on_standard_input_are_refused_in_little_memory() {
    let dir = TempDir::new();
    let db = format!("sqlite://{}", dir.0.join("mail-in.db").display());
    let migrate = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("migrate")
        .env("GUICHET_DATABASE_URL", &db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("mail-in")
        .env("GUICHET_DATABASE_URL", &db)
        .env("GUICHET_LOG", "warn")
        .env("GUICHET_REPORT_PEAK_RSS", "1")
        .env("GUICHET_MAIL_IN_MAX_KB", "1024")
        .env_remove("GUICHET_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1024 * 1024];
        stdin
            .write_all(b"From: a@b.example\r\nTo: support@guichet.localhost\r\n\r\n")
            .ok();
        for _ in 0..50 {
            if stdin.write_all(&chunk).is_err() {
                break; // The reader stopped at its limit.
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("refused (too_big)"), "{err}");
    assert!(
        err.contains("mail-in: message refused") && err.matches("too_big").count() >= 2,
        "a log line: {err}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    let rss = err
        .lines()
        .find_map(|l| l.strip_prefix("guichet: peak RSS "))
        .and_then(|v| v.trim_end_matches(" kB").trim().parse::<i64>().ok())
        .unwrap_or_else(|| panic!("no peak RSS: {err}"));
    assert!(rss < 40 * 1024, "peak RSS {rss} kB for a 50 MB message");
}
