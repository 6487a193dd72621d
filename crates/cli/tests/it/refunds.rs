//! Refunds as credit notes (INV-02): an operator refunds a paid invoice in part then in full from
//! the back office; each refund is a numbered credit note, VAT reversed in the invoice's proportion,
//! the money on the prepaid account, the billing contact told; a replayed form moves nothing, a
//! refund beyond the invoice is refused even when sent many times at once; the customer reads the
//! credit note (PDF) and nobody else does.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef};

both_backends!(refunds_are_credit_notes_to_the_prepaid_account);

async fn prepaid(t: &TestApp, org: guichet_core::OrgId) -> i64 {
    let mut c = t.app.db.conn().await.unwrap();
    guichet_store::ledger::prepaid_balance(&mut c, org, Currency::Chf)
        .await
        .unwrap()
}

async fn refunds_are_credit_notes_to_the_prepaid_account(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let tok = &a.accountant().token;
    let mut api = t.client();
    let inv_url = format!("/api/v1/orgs/{}/invoices/{}", a.id, a.invoice);
    let inv = api.api("GET", &inv_url, tok, None).await.json();
    let (number, gross, vat) = (
        inv["number"].as_str().unwrap().to_owned(),
        inv["gross_minor"].as_i64().unwrap(),
        inv["vat_minor"].as_i64().unwrap(),
    );
    assert!(vat > 0, "the fixture's invoice carries Swiss VAT: {inv}");

    // Paid from the prepaid balance, which is then empty.
    api.top_up_and_pay(a.id, tok, &a.invoice.to_string(), gross, "ref")
        .await;
    let before = prepaid(&t, a.id).await;

    // Customers do not reach the back office.
    let mut lr = t.client();
    lr.login_ok(&a.lr().email, crate::world::PASSWORD).await;
    assert_eq!(
        lr.get(&format!("/admin/invoices?number={number}"))
            .await
            .status,
        404
    );

    let mut ops = t.operator("/admin").await;
    let page = ops.get("/admin/invoices?number=NOPE-1").await;
    assert!(
        page.body.contains("No invoice has this number"),
        "{}",
        page.body
    );
    let page = ops.get(&format!("/admin/invoices?number={number}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&a.name) && page.body.contains("Refund and issue the credit note"),
        "{}",
        page.body
    );
    let refund = |amount: &'static str, key: &'static str, confirm: bool| {
        let mut f = vec![
            ("number", number.clone()),
            ("amount", amount.to_owned()),
            ("reason", "Service outage".to_owned()),
            ("idempotency_key", key.to_owned()),
        ];
        if confirm {
            f.push(("confirm", "yes".to_owned()));
        }
        f
    };
    let send = async |ops: &mut crate::client::Client, f: Vec<(&str, String)>| {
        let fields: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = ops.post("/admin/invoices/refund", &fields).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let back = ops.get(r.location()).await;
        back.body
    };

    // Refused: without the confirmation, nothing, more than the invoice.
    let body = send(&mut ops, refund("10.00", "k0", false)).await;
    assert!(body.contains("Tick the confirmation"), "{body}");
    let body = send(&mut ops, refund("0", "k0", true)).await;
    assert!(body.contains("must be more than zero"), "{body}");
    let body = send(&mut ops, refund("99999.00", "k0", true)).await;
    assert!(body.contains("more than what is left"), "{body}");
    assert_eq!(prepaid(&t, a.id).await, before);

    // A partial refund: a credit note, the amount on the prepaid account, VAT in proportion.
    let body = send(&mut ops, refund("10.00", "k1", true)).await;
    assert!(body.contains("the credit note is issued"), "{body}");
    assert!(body.contains("CN-"), "{body}");
    assert_eq!(prepaid(&t, a.id).await, before + 1_000);
    // The same form sent again (same key) moves nothing.
    send(&mut ops, refund("10.00", "k1", true)).await;
    assert_eq!(prepaid(&t, a.id).await, before + 1_000);
    let inv = api.api("GET", &inv_url, tok, None).await.json();
    assert_eq!(inv["status"], "partially_refunded");
    assert_eq!(inv["refunded_minor"], 1_000);
    let notes = inv["credit_notes"].as_array().unwrap().clone();
    assert_eq!(notes.len(), 1, "{inv}");
    let first_vat = notes[0]["vat_minor"].as_i64().unwrap();
    assert_eq!(notes[0]["net_minor"].as_i64().unwrap() + first_vat, 1_000);
    assert_eq!(first_vat, (1_000 * vat * 2 + gross) / (gross * 2));

    // The rest, sent 8 times at once with 8 keys: exactly one goes through.
    let rest = guichet_core::money::format_minor(gross - 1_000);
    let mut clients = Vec::new();
    for _ in 0..8 {
        let mut c = t.client();
        c.login("ops@provider.example", "operator-passphrase-2026")
            .await;
        c.get("/admin").await;
        clients.push(c);
    }
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            let f = [
                ("number".to_owned(), number.clone()),
                ("amount".to_owned(), rest.clone()),
                ("reason".to_owned(), "Contract ended".to_owned()),
                ("idempotency_key".to_owned(), format!("rest-{i}")),
                ("confirm".to_owned(), "yes".to_owned()),
            ];
            tokio::spawn(async move {
                let fields: Vec<(&str, &str)> =
                    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let r = c.post("/admin/invoices/refund", &fields).await;
                assert_eq!(r.status, 303, "{}", r.body);
                r.location().to_owned()
            })
        })
        .collect();
    let mut done = 0;
    for task in tasks {
        if task.await.unwrap().contains("done=admin.refunded") {
            done += 1;
        }
    }
    assert_eq!(
        done, 1,
        "one full refund of the rest, however many are sent"
    );
    assert_eq!(prepaid(&t, a.id).await, before + gross);
    let inv = api.api("GET", &inv_url, tok, None).await.json();
    assert_eq!(inv["status"], "refunded");
    let notes = inv["credit_notes"].as_array().unwrap().clone();
    assert_eq!(notes.len(), 2);
    let sum = |k: &str| notes.iter().map(|n| n[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!((sum("gross_minor"), sum("vat_minor")), (gross, vat));
    // Nothing is left to refund.
    let body = send(&mut ops, refund("1.00", "k9", true)).await;
    assert!(
        body.contains("Only a paid invoice can be refunded"),
        "{body}"
    );

    // The books: balanced, revenue and VAT back to what they were before the invoice.
    let mut c = t.app.db.conn().await.unwrap();
    let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    for kind in [AccountKind::Revenue, AccountKind::VatPayable] {
        let acc = AccountRef::provider(kind, Currency::Chf);
        let n = guichet_store::ledger::balance(&mut c, &acc).await.unwrap();
        assert!(n >= 0, "{kind:?}: {n}");
    }
    drop(c);

    // The billing contact was told, with the support code.
    let mails = t.mails_to(&a.lr().email).await;
    let told: Vec<_> = mails
        .iter()
        .filter(|m| m.kind == "credit_note_issued")
        .collect();
    assert_eq!(told.len(), 2, "{mails:?}");
    for n in &notes {
        let number = n["number"].as_str().unwrap();
        assert!(
            told.iter().any(|m| m.body.contains(number)
                && m.body.contains("prepaid account")
                && m.body.contains("Your support code")),
            "{told:?}"
        );
    }

    // The customer's credit note PDF; another Organization gets a 404, no accounting a 403.
    let note = notes[0]["id"].as_str().unwrap();
    let pdf_url = format!("/api/v1/orgs/{}/credit-notes/{note}/pdf", a.id);
    let r = api.api("GET", &pdf_url, tok, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.bytes.starts_with(b"%PDF-"));
    // A Factur-X credit note (type 381) that names the invoice it corrects.
    {
        use crate::einvoice::{decimal, facturx, one};
        let x = facturx(&r.bytes);
        assert_eq!(one(&x, "level"), "en16931");
        assert_eq!(one(&x, "type"), "381");
        assert_eq!(one(&x, "number"), notes[0]["number"].as_str().unwrap());
        assert_eq!(
            one(&x, "gross"),
            decimal(notes[0]["gross_minor"].as_i64().unwrap())
        );
    }
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
    {
        let dir = crate::harness::TempDir::new();
        let file = dir.0.join("cn.pdf");
        std::fs::write(&file, &r.bytes).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&file)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for expected in [
            format!("Credit note {}", notes[0]["number"].as_str().unwrap()),
            number.clone(),
            "Service outage".to_owned(),
            "CHF 10.00".to_owned(),
        ] {
            assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
        }
    }
    let other = format!("/api/v1/orgs/{}/credit-notes/{note}/pdf", w.b.id);
    let r = api.api("GET", &other, &w.b.lr().token, None).await;
    assert_eq!(r.status, 404, "{}", r.body);
    let r = api
        .api("GET", &pdf_url, &a.collaborator().token, None)
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    // The Manager's invoice page lists the credit notes.
    let page = lr.get(&format!("/accounting/invoices/{}", a.invoice)).await;
    assert!(
        page.body.contains("Credit notes") && page.body.contains("Service outage"),
        "{}",
        page.body
    );
    let r = lr
        .get(&format!("/accounting/credit-notes/{note}/pdf"))
        .await;
    assert_eq!(r.status, 200);
}
