//! Reminders of unpaid invoices (REM-05) and the anti-phishing check (REM-06): R1/R2/R3 go to the
//! members who opted in, in their language, with their support code and only the Manager's own
//! links; never for a paid invoice, nor within the grace window after a declared bank transfer; a
//! short payment leaves the rest due, and the reminders say so and that the prepaid balance can pay; each (invoice, level) once, however often and however concurrently the
//! job runs.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_app::Origin;
use guichet_core::Lang;
use serde_json::json;
use std::process::Command;

both_backends!(
    reminders_go_once_per_level_to_opted_in_members_and_never_cross_a_payment,
    a_pasted_reference_is_genuine_only_for_an_open_invoice_of_ones_own_organization
);

/// The `n`-th day after the harness's start (2026-11-18, 11:06 UTC); invoices ordered then are
/// due on day 30 (2026-12-18, a Friday).
fn day(n: i64) -> i64 {
    1_795_000_000 + n * 86_400
}

fn amount(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

async fn invoice_json(t: &TestApp, w: &crate::world::OrgFixture, id: &str) -> serde_json::Value {
    t.client()
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices/{id}", w.id),
            &w.lr().token,
            None,
        )
        .await
        .json()
}

/// Reminder e-mails queued to `to` (newest first).
async fn reminders_to(t: &TestApp, to: &str) -> Vec<guichet_store::outbox::Message> {
    t.mails_to(to)
        .await
        .into_iter()
        .filter(|m| m.kind == "invoice_reminder")
        .collect()
}

async fn reminders_go_once_per_level_to_opted_in_members_and_never_cross_a_payment(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    // Opt-in: the LR by the API, the accountant (who reads French) on the profile page. A
    // collaborator without the accounting permission sees no invoices: refused.
    let path = format!("/api/v1/orgs/{}/reminders", a.id);
    assert_eq!(
        api.api("GET", &path, &a.lr().token, None).await.json()["reminders"],
        false,
        "members start opted out unless they are billing contacts"
    );
    let r = api
        .api(
            "PUT",
            &path,
            &a.lr().token,
            Some(json!({"reminders": true})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = api
        .api(
            "PUT",
            &path,
            &a.collaborator().token,
            Some(json!({"reminders": true})),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = api
        .api(
            "PUT",
            &path,
            &a.lr().token,
            Some(json!({"reminders": "yes"})),
        )
        .await;
    assert!(
        r.status == 400 || r.status == 422,
        "{} {}",
        r.status,
        r.body
    );
    {
        let mut c = t.app.db.write_conn().await.unwrap();
        guichet_store::users::set_profile(&mut c, a.accountant().id, "Comptable", Lang::Fr)
            .await
            .unwrap();
    }
    let mut acct = t.client();
    acct.login_ok(&a.accountant().email, PASSWORD).await;
    let page = acct.get("/profile").await;
    assert!(page.body.contains("/profile/reminders"), "{}", page.body);
    let r = acct
        .post(
            "/profile/reminders",
            &[("org", &a.id.to_string()), ("reminders", "1")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        api.api("GET", &path, &a.accountant().token, None)
            .await
            .json()["reminders"],
        true
    );
    // Another Organization's id in the form: 404, nothing changes.
    let r = acct
        .post(
            "/profile/reminders",
            &[("org", &w.b.id.to_string()), ("reminders", "1")],
        )
        .await;
    assert_eq!(r.status, 404);

    // Four more invoices in A, all due on day 30 with the fixture's one.
    let lr = t
        .app
        .actor(a.lr().id, a.id, Origin::default())
        .await
        .unwrap();
    let offer = t.app.catalogue(&lr).await.unwrap()[0].id;
    let mut ids = vec![a.invoice];
    for _ in 0..3 {
        ids.push(t.app.order_product(&lr, offer, 12, None).await.unwrap().1);
    }
    let [unpaid, paid, under, declared] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    let inv: Vec<serde_json::Value> = {
        let mut v = Vec::new();
        for id in &ids {
            v.push(invoice_json(&t, a, &id.to_string()).await);
        }
        v
    };
    assert!(
        inv.iter().all(|i| i["due_on"] == "2026-12-18"),
        "{}",
        inv[0]["due_on"]
    );

    // Day 30 (due date): one invoice paid exactly, one paid 0.49 short (credited to the prepaid
    // account, the invoice stays open), both imported from the bank; one declared paid by transfer.
    t.clock.set(day(30));
    for (n, (i, minor)) in [
        (&inv[1], inv[1]["gross_minor"].as_i64().unwrap()),
        (&inv[2], inv[2]["gross_minor"].as_i64().unwrap() - 49),
    ]
    .into_iter()
    .enumerate()
    {
        let file = crate::bank::camt054(
            &format!("rem-{n}"),
            &amount(minor),
            "CHF",
            Some(("QRR", i["payment_reference"].as_str().unwrap())),
            "Alpha SA",
            "CH5604835012345678009",
        );
        let r = t
            .app
            .import_camt("rem.xml", file.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!(r.credited, 1);
    }
    assert_eq!(
        invoice_json(&t, a, &paid.to_string()).await["status"],
        "paid"
    );
    assert_eq!(
        invoice_json(&t, a, &under.to_string()).await["status"],
        "unpaid"
    );
    // The declaration, from the invoice page (the button is there while the invoice is open).
    let mut acct = t.client(); // a month later: a new session
    acct.login_ok(&a.accountant().email, PASSWORD).await;
    let page = acct.get(&format!("/accounting/invoices/{declared}")).await;
    assert!(page.body.contains("transfer-declared"), "{}", page.body);
    let r = acct
        .post(
            &format!("/accounting/invoices/{declared}/transfer-declared"),
            &[],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = acct.get(&format!("/accounting/invoices/{declared}")).await;
    assert!(page.body.contains("18.12.2026"), "{}", page.body);
    // Declaring on a paid invoice: a clear conflict, not a 500.
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/invoices/{paid}/transfer-declared", a.id),
            &a.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    // Nothing is due on the due date itself.
    let r = t.app.send_reminders(None).await.unwrap();
    assert_eq!(r.sent, 0, "{r:?}");

    // Day 31 (D+1): R1 for the unpaid and the short-paid invoices (not the paid one, not the
    // declared one), to both opted-in members, each in their language.
    t.clock.set(day(31));
    let r = t.app.send_reminders(None).await.unwrap();
    assert_eq!((r.sent, r.transfer_declared), (3, 1), "{r:?}");
    let number = inv[0]["number"].as_str().unwrap();
    let under_number = inv[2]["number"].as_str().unwrap();
    let received = format!(
        "CHF {}",
        amount(inv[2]["gross_minor"].as_i64().unwrap() - 49)
    );
    let codes = {
        let mut c = t.app.db.conn().await.unwrap();
        let mut v = Vec::new();
        for p in [a.lr(), a.accountant()] {
            v.push(
                guichet_store::users::by_id(&mut c, p.id)
                    .await
                    .unwrap()
                    .unwrap()
                    .support_code,
            );
        }
        v
    };
    let en_all = reminders_to(&t, &a.lr().email).await;
    let fr_all = reminders_to(&t, &a.accountant().email).await;
    assert_eq!((en_all.len(), fr_all.len()), (2, 2));
    // The short-paid invoice's reminder names the rest due and the prepaid balance, in each
    // recipient's language; the other one does not mention a short payment.
    let short = |v: &[guichet_store::outbox::Message]| {
        v.iter()
            .find(|m| m.subject.contains(under_number))
            .cloned()
            .expect("a reminder for the short-paid invoice")
    };
    let (en_short, fr_short) = (short(&en_all), short(&fr_all));
    assert!(
        en_short.body.contains("Remaining amount due: CHF 0.49")
            && en_short.body.contains(&received)
            && en_short
                .body
                .contains("prepaid balance can pay the invoice in one click"),
        "{}",
        en_short.body
    );
    assert!(
        fr_short.body.contains("Reste dû : CHF 0.49")
            && fr_short.body.contains(&received)
            && fr_short
                .body
                .contains("solde prépayé peut payer la facture en un clic"),
        "{}",
        fr_short.body
    );
    let en: Vec<_> = en_all
        .into_iter()
        .filter(|m| m.subject.contains(number))
        .collect();
    let fr: Vec<_> = fr_all
        .into_iter()
        .filter(|m| m.subject.contains(number))
        .collect();
    assert_eq!((en.len(), fr.len()), (1, 1));
    assert!(
        !en[0].body.contains("Remaining amount due"),
        "{}",
        en[0].body
    );
    assert!(
        en[0].subject.starts_with("Reminder: invoice") && en[0].subject.contains(number),
        "{}",
        en[0].subject
    );
    assert!(
        fr[0].subject.starts_with("Rappel : la facture") && fr[0].subject.contains(number),
        "{}",
        fr[0].subject
    );
    for (m, code) in [(&en[0], &codes[0]), (&fr[0], &codes[1])] {
        assert!(m.body.contains(code), "support code in {}", m.body);
        assert!(
            m.body
                .contains(inv[0]["payment_reference"].as_str().unwrap())
        );
        // Only the Manager's own links (REM-06).
        for (i, _) in m.body.match_indices("http") {
            assert!(
                m.body[i..].starts_with(&t.config.public_url),
                "foreign link in {}",
                m.body
            );
        }
        assert!(
            m.body
                .contains(&format!("{}/accounting/verify", t.config.public_url))
        );
    }
    // Nobody else got anything: the collaborator, the members of B (not opted in).
    assert!(reminders_to(&t, &a.collaborator().email).await.is_empty());
    assert!(reminders_to(&t, &w.b.lr().email).await.is_empty());
    // The same day again: nothing twice.
    let before = t.outbox_count().await;
    let r = t.app.send_reminders(None).await.unwrap();
    assert_eq!(r.sent, 0, "{r:?}");
    assert_eq!(t.outbox_count().await, before);

    // Day 33 (D+3, Monday): the declared invoice is still within its 3 banking days (until Wednesday).
    t.clock.set(day(33));
    assert_eq!(
        t.app.send_reminders(None).await.unwrap().transfer_declared,
        1
    );
    assert_eq!(reminders_to(&t, &a.lr().email).await.len(), 2);

    // Day 40 (D+10): R2 for the unpaid and the short-paid invoices; the declared one is past its
    // grace and gets R2 too (the level due, not R1 then R2). Two runs at once, as two instances would: each reminder once.
    t.clock.set(day(40));
    let (r1, r2) = tokio::join!(t.app.send_reminders(None), t.app.send_reminders(None));
    let (r1, r2) = (r1.unwrap(), r2.unwrap());
    let declared_number = inv[3]["number"].as_str().unwrap();
    let en = reminders_to(&t, &a.lr().email).await;
    assert_eq!(
        en.len(),
        5,
        "{:?}",
        en.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(reminders_to(&t, &a.accountant().email).await.len(), 5);
    let second: Vec<_> = en
        .iter()
        .filter(|m| m.subject.starts_with("Second reminder"))
        .collect();
    assert_eq!(second.len(), 3);
    assert!(second.iter().any(|m| m.subject.contains(declared_number)));
    assert!(second.iter().any(|m| m.subject.contains(under_number)
        && m.body.contains("Remaining amount due: CHF 0.49")
        && m.body.contains("prepaid balance")));
    assert_eq!(
        r1.sent + r2.sent,
        4,
        "three R2 in A and B's R2 (recorded, nobody opted in): {r1:?} {r2:?}"
    );
    assert!(
        en.iter()
            .all(|m| !m.subject.contains(inv[1]["number"].as_str().unwrap())),
        "never for a paid invoice"
    );

    // Day 50 (D+20): R3, the last one; then nothing more, ever.
    t.clock.set(day(50));
    t.app.send_reminders(None).await.unwrap();
    let en = reminders_to(&t, &a.lr().email).await;
    assert_eq!(en.len(), 8);
    assert!(
        en[0].subject.starts_with("Final reminder"),
        "{}",
        en[0].subject
    );
    let r3_short = en
        .iter()
        .find(|m| m.subject.starts_with("Final reminder") && m.subject.contains(under_number))
        .expect("R3 for the short-paid invoice");
    assert!(
        r3_short.body.contains("Remaining amount due: CHF 0.49")
            && r3_short.body.contains("prepaid balance"),
        "{}",
        r3_short.body
    );
    let mut acct = t.client();
    acct.login_ok(&a.accountant().email, PASSWORD).await;
    let page = acct.get(&format!("/accounting/invoices/{unpaid}")).await;
    assert!(
        page.body.contains("1er rappel le 19.12.2026")
            && page.body.contains("3e rappel le 07.01.2027"),
        "{}",
        page.body
    );
    t.clock.set(day(80));
    let before = t.outbox_count().await;
    // The daily job (billing run) includes the reminders: nothing is due any more.
    let run = t.app.billing_run(None).await.unwrap();
    assert_eq!(run.reminders.sent, 0, "{run:?}");
    assert_eq!(t.outbox_count().await, before);
    // The command line does the same against the same database.
    let dir = crate::harness::TempDir::new();
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["send-reminders", "--at", "2027-02-05"])
        .env("GUICHET_DATABASE_URL", &t.config.database_url)
        .env("GUICHET_MAIL_DIR", dir.0.join("mail"))
        .env_remove("GUICHET_CONFIG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("0 reminder(s) sent"),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["send-reminders", "--at", "tomorrow"])
        .env("GUICHET_DATABASE_URL", &t.config.database_url)
        .env_remove("GUICHET_CONFIG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--at must be a date"));
    assert_eq!(t.outbox_count().await, before);
    // The activity log tells the Organization what went out.
    let mut c = t.app.db.conn().await.unwrap();
    let log = guichet_store::audit::for_org(&mut c, a.id, 100)
        .await
        .unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| e.action == "invoice.reminder")
            .count(),
        8
    );
    assert!(log.iter().any(|e| e.action == "invoice.transfer_declared"));
}

async fn a_pasted_reference_is_genuine_only_for_an_open_invoice_of_ones_own_organization(
    b: Backend,
) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    let verify = format!("/api/v1/orgs/{}/invoices/verify", w.a.id);
    let inv_a = invoice_json(&t, &w.a, &w.a.invoice.to_string()).await;
    let inv_b = invoice_json(&t, &w.b, &w.b.invoice.to_string()).await;
    let ref_a = inv_a["payment_reference"].as_str().unwrap().to_string();
    let gross_a = inv_a["gross_minor"].as_i64().unwrap();
    let check = |v: serde_json::Value| v["verdict"].as_str().unwrap_or("?").to_string();
    // A's own open invoice, pasted with spaces as printed on a QR-bill: genuine.
    let spaced: String = ref_a
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i > 0 && i % 5 == 2).then_some(' ').into_iter().chain([c]))
        .collect();
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.accountant().token,
            Some(json!({"reference": spaced, "amount_minor": gross_a})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(check(r.json()), "genuine", "{}", r.body);
    assert_eq!(r.json()["number"], inv_a["number"]);
    // By invoice number, without an amount: genuine too.
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.lr().token,
            Some(json!({"reference": inv_a["number"]})),
        )
        .await;
    assert_eq!(check(r.json()), "genuine");
    // The right reference with another amount: flagged, with the real amount.
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.lr().token,
            Some(json!({"reference": ref_a, "amount_minor": gross_a + 10_000})),
        )
        .await;
    assert_eq!(check(r.json()), "amount_differs");
    // B's genuine invoice asked from A: the same answer as a reference that does not exist, and
    // nothing of B's invoice in it.
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.lr().token,
            Some(json!({"reference": inv_b["payment_reference"], "amount_minor": inv_b["gross_minor"]})),
        )
        .await;
    assert_eq!(r.json(), json!({"verdict": "unknown"}), "{}", r.body);
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.lr().token,
            Some(json!({"reference": "RF18539007547034"})),
        )
        .await;
    assert_eq!(r.json(), json!({"verdict": "unknown"}));
    // Bad input: a clear 422; a collaborator without accounting: 403.
    for bad in [
        json!({"reference": "<script>"}),
        json!({"reference": ""}),
        json!({"reference": ref_a, "amount_minor": -5}),
    ] {
        let r = api
            .api("POST", &verify, &w.a.lr().token, Some(bad.clone()))
            .await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
    }
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.collaborator().token,
            Some(json!({"reference": ref_a})),
        )
        .await;
    assert_eq!(r.status, 403);
    // Paid from the prepaid account: no longer open, "do not pay".
    let top = json!({"amount_minor": gross_a, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", w.a.id),
            &w.a.lr().token,
            Some(top),
            &[("idempotency-key", "v1")],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/invoices/{}/pay", w.a.id, w.a.invoice),
            &w.a.lr().token,
            None,
            &[("idempotency-key", "v2")],
        )
        .await;
    assert!(r.status < 300, "{}", r.body);
    let r = api
        .api(
            "POST",
            &verify,
            &w.a.lr().token,
            Some(json!({"reference": ref_a})),
        )
        .await;
    assert_eq!(check(r.json()), "not_open");
    // The Manager page, in the member's language; B's invoice is unknown there too.
    let mut web = t.client();
    web.login_ok(&w.a.lr().email, PASSWORD).await;
    let page = web.get("/accounting/verify").await;
    assert_eq!(page.status, 200);
    let r_b = inv_b["payment_reference"].as_str().unwrap();
    let page = web
        .get(&format!("/accounting/verify?reference={r_b}&amount=10"))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("data-verdict=\"unknown\""),
        "{}",
        page.body
    );
    assert!(!page.body.contains(inv_b["number"].as_str().unwrap()));
    let page = web
        .get(&format!("/accounting/verify?reference={ref_a}"))
        .await;
    assert!(
        page.body.contains("data-verdict=\"not_open\""),
        "{}",
        page.body
    );
    let page = web
        .get("/accounting/verify?reference=%3Cx%3E&amount=abc")
        .await;
    assert_eq!(page.status, 422);
    let mut collab = t.client();
    collab.login_ok(&w.a.collaborator().email, PASSWORD).await;
    assert_eq!(collab.get("/accounting/verify").await.status, 403);
}
