//! Issue #15, acceptance 6: every e-mail Guichet sends parses with Python's `email` package
//! (`email.policy.default`) without a defect in any part, and has `MIME-Version: 1.0`, a
//! `multipart/alternative` with a text and an HTML part, and `Content-Language` in the
//! recipient's language. The messages are the ones the demo world and an e-mailed CSV export
//! queue through the app, plus one of every `Mail` kind queued by the app's own `mail::enqueue`;
//! all are written by the real sender as `.eml` files and read back by python3.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_app::mail::Mail;
use guichet_core::Lang;
use std::collections::BTreeMap;
use std::process::Command;

both_backends!(every_e_mail_is_mime_multipart_alternative_with_its_language);

/// One message of every kind. The `match` has no wildcard arm: a new kind of e-mail does not
/// compile here until it is added to this list (and so checked below).
fn every_kind(link: &str) -> Vec<Mail<'_>> {
    let all = vec![
        Mail::Welcome {
            name: "Zoë Müller"
        },
        Mail::NewDevice {
            ip: "192.0.2.1",
            agent: "Firefox <script>",
            when: "2026-11-24 14:05 UTC",
        },
        Mail::PasswordChanged,
        Mail::PasswordReset { link },
        Mail::TotpEnabled,
        Mail::TotpDisabled,
        Mail::OrgDetailsChanged {
            org: "Atelier Höhe & Söhne Sàrl",
            by: "Alice",
            summary: "name, IDE",
        },
        Mail::Invitation {
            org: "Atelier",
            by: "Alice",
            role: "Admin",
            link,
            days: "14",
        },
        Mail::RoleChanged {
            org: "Atelier",
            role: "Admin",
            by: "Alice",
        },
        Mail::WithdrawalApproved {
            amount: "CHF 1'100.00",
        },
        Mail::WithdrawalRejected {
            amount: "€ 100.00",
            reason: "IBAN fermé — « clôturé »",
        },
        Mail::InvoicesExport {
            rows: "3",
            filters: "status=paid",
            support_code: "123456",
        },
        Mail::RenewalFailed {
            product: "Hébergement Pro",
            invoice: "2026-0000042",
            reason: "card declined",
            next: "2026-11-25",
            support_code: "123456",
        },
        Mail::ProductExpired {
            product: "Hébergement Pro",
            blocked_on: "2026-12-01",
            support_code: "123456",
        },
        Mail::PaymentMismatch {
            invoice: "2026-0000042",
            expected: "CHF 100.00",
            received: "CHF 90.00",
            balance: "CHF",
            support_code: "123456",
        },
        Mail::PaymentOtherCurrency {
            invoice: "2026-0000042",
            expected: "CHF 60.00",
            received: "EUR 60.00",
            balance: "EUR",
            support_code: "123456",
        },
        Mail::CreditedOtherCurrency {
            received: "EUR 60.00",
            balance: "EUR",
            org_currency: "CHF",
            support_code: "123456",
        },
        Mail::CreditNoteIssued {
            invoice: "2026-0000042",
            number: "CN-2026-0000001",
            amount: "CHF 20.00",
            reason: "Panne de service",
            support_code: "123456",
        },
        Mail::InvoiceIssued {
            invoice: "2026-0000043",
            product: "Boutique",
            amount: "CHF 100.00",
            due_on: "01.12.2026",
            reference: "210000000003139471430009017",
            link,
        },
        Mail::InvoiceReminder {
            level: 2,
            invoice: "2026-0000042",
            amount: "CHF 100.00",
            due_on: "2026-12-01",
            reference: "210000000003139471430009017",
            link,
            verify: link,
            support_code: "123456",
            short_paid: Some(("CHF 99.51", Some("CHF 0.49"))),
        },
        Mail::SupportAccessGranted {
            org: "Atelier",
            by: "Alice",
            scope: "all",
            until: "2026-11-24 15:05 UTC",
        },
        Mail::SupportAccessExpired { org: "Atelier" },
        Mail::SignUpConfirm {
            name: "Zoé",
            link: "http://x/signup/confirm/t",
        },
        Mail::SignUpExisting {
            login: "http://x/login",
            reset: "http://x/password/forgot",
        },
        Mail::WebhookDisabled {
            url: "https://erp.example.ch/hooks?k=ä&x=<y>",
            since: "2026-11-24 14:05 UTC",
        },
    ];
    for m in &all {
        match m {
            Mail::Welcome { .. }
            | Mail::NewDevice { .. }
            | Mail::PasswordChanged
            | Mail::PasswordReset { .. }
            | Mail::TotpEnabled
            | Mail::TotpDisabled
            | Mail::OrgDetailsChanged { .. }
            | Mail::Invitation { .. }
            | Mail::RoleChanged { .. }
            | Mail::WithdrawalApproved { .. }
            | Mail::WithdrawalRejected { .. }
            | Mail::InvoicesExport { .. }
            | Mail::RenewalFailed { .. }
            | Mail::ProductExpired { .. }
            | Mail::PaymentMismatch { .. }
            | Mail::PaymentOtherCurrency { .. }
            | Mail::SignUpConfirm { .. }
            | Mail::SignUpExisting { .. }
            | Mail::CreditedOtherCurrency { .. }
            | Mail::CreditNoteIssued { .. }
            | Mail::InvoiceReminder { .. }
            | Mail::InvoiceIssued { .. }
            | Mail::SupportAccessGranted { .. }
            | Mail::SupportAccessExpired { .. }
            | Mail::WebhookDisabled { .. } => {}
        }
    }
    all
}

/// Reads every `.eml` in the folder with Python's e-mail parser and prints one JSON object a file.
const CHECK: &str = r#"
import email, email.policy, json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), 'rb') as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    defects = []
    types = []
    for part in msg.walk():
        defects += [f"{part.get_content_type()}: {type(x).__name__}" for x in part.defects]
        types.append(part.get_content_type())
        if not part.is_multipart():
            part.get_content()
    alt = next((p for p in msg.walk() if p.get_content_type() == 'multipart/alternative'), None)
    kids = [p.get_content_type() for p in alt.iter_parts()] if alt else []
    text = next((p.get_content() for p in msg.walk() if p.get_content_type() == 'text/plain'), '')
    html = next((p.get_content() for p in msg.walk() if p.get_content_type() == 'text/html'), '')
    print(json.dumps({
        'file': name, 'to': str(msg['To']), 'mime': msg['MIME-Version'],
        'lang': msg['Content-Language'], 'defects': defects, 'types': types,
        'alternative': kids, 'text': text, 'html': html,
        'attachments': [p.get_filename() for p in msg.iter_attachments()],
    }))
"#;

async fn every_e_mail_is_mime_multipart_alternative_with_its_language(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    // An e-mailed CSV export: the one message with an attachment.
    let r = t
        .client()
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/invoices/export/mail", a.id),
            &a.accountant().token,
            Some(serde_json::json!({})),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    // One of every kind, in each language in turn, through the app's own queueing.
    let link = format!("{}/password/reset/abc", t.app.config.public_url);
    let kinds = every_kind(&link);
    let mut expected = BTreeMap::new();
    {
        let mut tx = t.app.db.begin().await.unwrap();
        for (i, mail) in kinds.into_iter().enumerate() {
            let lang = Lang::ALL[i % Lang::ALL.len()];
            let to = format!("kind-{i}@example.ch");
            expected.insert(to.clone(), lang);
            guichet_app::mail::enqueue(&mut tx, &t.app, &to, lang, mail, 1_795_000_000)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let queued = t.outbox_count().await;
    let dir = t._dir.0.join("eml");
    let transport = guichet_app::mail::sender::Transport::Dir(dir.clone());
    let mut delivered = 0;
    loop {
        let n = guichet_app::mail::sender::deliver_due(&t.app, &transport)
            .await
            .unwrap();
        if n == 0 {
            break;
        }
        delivered += n;
    }
    assert_eq!(
        delivered as i64, queued,
        "every queued message is delivered"
    );
    let out = Command::new("python3")
        .args(["-c", CHECK])
        .arg(&dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len() as i64, queued);
    let mut seen_kinds = 0;
    let mut seen_attachment = false;
    for r in &reports {
        let file = &r["file"];
        assert_eq!(r["defects"], serde_json::json!([]), "{file}: {r}");
        assert_eq!(r["mime"], "1.0", "{file}");
        assert_eq!(
            r["alternative"],
            serde_json::json!(["text/plain", "text/html"]),
            "{file}: {}",
            r["types"]
        );
        let lang = r["lang"].as_str().unwrap_or_default();
        assert!(["fr", "en", "de"].contains(&lang), "{file}: {lang:?}");
        let to = r["to"].as_str().unwrap();
        if let Some(want) = expected.get(to) {
            seen_kinds += 1;
            assert_eq!(lang, want.code(), "{file}: {to}");
        }
        // The HTML says what the text says: its first line, escaped, and the Manager's links as
        // anchors; nothing a customer typed comes through as markup.
        let text = r["text"].as_str().unwrap();
        let html = r["html"].as_str().unwrap();
        let first = text.lines().next().unwrap();
        assert!(
            html.contains(&first.replace('&', "&amp;").replace('\'', "&#39;")),
            "{file}: {first:?} not in {html}"
        );
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{file}");
        assert!(!html.contains("<script>"), "{file}: {html}");
        if text.contains(&link) {
            assert!(
                html.contains(&format!("<a href=\"{link}\"")),
                "{file}: {html}"
            );
        }
        if r["attachments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap_or_default().ends_with(".csv"))
        {
            seen_attachment = true;
            assert_eq!(r["types"][0], "multipart/mixed", "{file}");
        }
    }
    assert_eq!(seen_kinds, expected.len(), "one message of every kind");
    assert!(seen_attachment, "the CSV export keeps its attachment");
    assert!(
        reports.len() > expected.len() + 1,
        "the demo world's own messages are checked too"
    );
}
