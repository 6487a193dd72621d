//! Invoice documents as PDF (INV-05, INV-07, INV-08): the final invoice only once paid, the
//! payment request with a QR code a scanner reads back, the pro forma without number or value;
//! other Organizations' ids are 404s and people without accounting get 403s.

use crate::both_backends;
use crate::client::Resp;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use serde_json::json;
use std::process::Command;

both_backends!(invoice_documents_follow_payment_and_read_back);

fn tool(name: &str, arg: &str) -> bool {
    Command::new(name).arg(arg).output().is_ok()
}

/// The PDF's text as `pdftotext -layout` extracts it.
pub fn pdf_text(pdf: &[u8], tag: &str) -> String {
    let dir = std::env::temp_dir().join(format!("guichet-it-pdf-{}-{tag}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    assert!(out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).unwrap()
}

/// The QR code of the PDF's first page, rendered at 300 dpi and read by zbarimg.
pub(crate) fn pdf_qr(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("guichet-it-qr-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let ok = Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile"])
        .arg(&file)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed by .ci/run")
        .success();
    assert!(ok);
    let out = Command::new("zbarimg")
        .args(["--raw", "-q", "-Sbinary"])
        .arg(dir.join("page.png"))
        .output()
        .expect("zbarimg (zbar-tools) is installed by .ci/run");
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end_matches('\n')
        .to_owned()
}

fn assert_pdf(r: &Resp, filename: &str) {
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/pdf");
    let disposition = r.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains(&format!("filename=\"{filename}\"")),
        "{disposition}"
    );
    assert!(r.bytes.starts_with(b"%PDF-"));
}

async fn invoice_documents_follow_payment_and_read_back(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let tok = &a.accountant().token;
    assert!(tool("pdftotext", "-v") && tool("zbarimg", "--version"));
    // INV-08: a billing reference set now is printed on the next invoice.
    let r = api
        .api(
            "PUT",
            &format!("/api/v1/orgs/{}/billing/reference", a.id),
            &a.lr().token,
            Some(json!({"billing_reference": "PO 2026-118"})),
        )
        .await;
    assert!(r.status < 300, "{}", r.body);
    let offers = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/catalogue", a.id),
            tok,
            None,
        )
        .await;
    let offer = offers.json()["offers"][0]["id"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| offers.json()[0]["id"].as_str().map(str::to_owned));
    let invoice_id = match offer {
        Some(offer) => api.order(a.id, &a.lr().token, &offer, 12).await.invoice,
        None => panic!("no catalogue: {}", offers.body),
    };
    let inv = api.invoice(a.id, tok, &invoice_id.clone()).await;
    let number = inv["number"].as_str().unwrap().to_owned();
    let gross = inv["gross_minor"].as_i64().unwrap();
    let total = guichet_bank::amount::format_minor_grouped(gross);
    assert_eq!(inv["billing_reference"], "PO 2026-118");
    let pdf_url = format!("/api/v1/orgs/{}/invoices/{invoice_id}/pdf", a.id);

    // Unpaid: the final invoice is refused with a message that points to the payment request.
    let r = api
        .api("GET", &format!("{pdf_url}?document=final"), tok, None)
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("only once the invoice is paid") && r.body.contains("payment request"),
        "{}",
        r.body
    );
    let r = api
        .api("GET", &format!("{pdf_url}?document=receipt"), tok, None)
        .await;
    assert_eq!(r.status, 422, "{}", r.body);

    // The payment request: its QR code, scanned, is exactly the invoice's QR-bill payload.
    let r = api
        .api("GET", &format!("{pdf_url}?document=request"), tok, None)
        .await;
    assert_pdf(&r, &format!("payment-request-{number}.pdf"));
    let accountant = t
        .app
        .actor(a.accountant().id, a.id, Default::default())
        .await
        .unwrap();
    let bill = t
        .app
        .invoice_qr_bill(
            &accountant,
            invoice_id.parse::<guichet_core::InvoiceId>().unwrap(),
        )
        .await
        .unwrap();
    let payload = bill.to_payload().unwrap();
    assert_eq!(pdf_qr(&r.bytes), payload);
    // … and that payload carries this invoice's own reference and amount.
    let parsed = guichet_bank::qr::parse(&payload).unwrap();
    assert_eq!(parsed.amount, Some(gross));
    assert_eq!(
        parsed.reference.value(),
        inv["payment_reference"].as_str().unwrap()
    );
    let text = pdf_text(&r.bytes, "request");
    assert!(
        text.contains(&number) && text.contains("PO 2026-118"),
        "{text}"
    );
    // Without a choice, an unpaid invoice gives its payment request.
    let r = api.api("GET", &pdf_url, tok, None).await;
    assert_pdf(&r, &format!("payment-request-{number}.pdf"));

    // Paid from the prepaid balance: the final invoice has the number, total and billing address.
    api.top_up_and_pay(a.id, tok, &invoice_id, gross, "doc")
        .await;
    let r = api
        .api("GET", &format!("{pdf_url}?document=final"), tok, None)
        .await;
    assert_pdf(&r, &format!("invoice-{number}.pdf"));
    let text = pdf_text(&r.bytes, "final");
    for expected in [
        format!("Invoice {number}"),
        format!("CHF {total}"),
        "Alpha Hébergement SA".to_owned(),
        "Rue du Test 1".to_owned(),
        "1000".to_owned(),
        "Lausanne".to_owned(),
        "PO 2026-118".to_owned(),
        "PAID".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("Payment part"), "no payment part once paid");
    let r = api
        .api("GET", &format!("{pdf_url}?document=request"), tok, None)
        .await;
    assert_eq!(r.status, 409, "nothing left to pay: {}", r.body);

    // Pro forma of the fixture's due invoice: no number, no payment reference, no legal value.
    let (fixture_inv, ()) = {
        let r = api.invoice(a.id, tok, &a.invoice.to_string()).await;
        (r, ())
    };
    let pro_forma = format!("/api/v1/orgs/{}/payments/pro-forma", a.id);
    let r = api
        .api(
            "POST",
            &pro_forma,
            tok,
            Some(json!({"invoices": [a.invoice]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/pdf");
    let text = pdf_text(&r.bytes, "proforma");
    assert!(text.contains("No legal, tax or accounting value"), "{text}");
    assert!(
        !text.contains(fixture_inv["number"].as_str().unwrap()),
        "{text}"
    );
    assert!(!text.contains(fixture_inv["payment_reference"].as_str().unwrap()));
    let fixture_total =
        guichet_bank::amount::format_minor_grouped(fixture_inv["gross_minor"].as_i64().unwrap());
    assert!(
        text.contains(&format!("CHF {fixture_total}")),
        "the checkout's total {fixture_total}:\n{text}"
    );
    assert!(text.contains("PO 2026-118"), "INV-08 on the pro forma");
    // Nothing selected: a clear 422.
    let r = api
        .api("POST", &pro_forma, tok, Some(json!({"invoices": []})))
        .await;
    assert_eq!(r.status, 422, "{}", r.body);

    // Another Organization's invoice id: 404, in the path and in a pro forma selection.
    let b_tok = &w.b.accountant().token;
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices/{}/pdf", w.b.id, a.invoice),
            b_tok,
            None,
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/payments/pro-forma", w.b.id),
            b_tok,
            Some(json!({"invoices": [a.invoice]})),
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
    // A collaborator without the accounting permission: 403 for every document.
    let collab = &a.collaborator().token;
    for (m, path, body) in [
        ("GET", format!("{pdf_url}?document=final"), None),
        ("GET", format!("{pdf_url}?document=request"), None),
        (
            "POST",
            pro_forma.clone(),
            Some(json!({"invoices": [a.invoice]})),
        ),
    ] {
        let r = api.api(m, &path, collab, body).await;
        assert_eq!(r.status, 403, "{m} {path}: {}", r.body);
    }

    // Manager: the links and the Pro forma button are there, and the link downloads the PDF.
    let mut web = t.client();
    web.login_ok(&a.accountant().email, crate::world::PASSWORD)
        .await;
    let page = web.get(&format!("/accounting/invoices/{invoice_id}")).await;
    let link = format!("/accounting/invoices/{invoice_id}/document.pdf?document=final");
    assert!(page.body.contains(&link), "{}", page.body);
    let r = web.get(&link).await;
    assert_pdf(&r, &format!("invoice-{number}.pdf"));
    let list = web.get("/accounting/invoices").await;
    assert!(list.body.contains("document.pdf?document=request"));
    let payments = web.get("/payments?all=1").await;
    assert!(payments.body.contains("formaction=\"/payments/pro-forma\""));
    let inv_field = format!("inv_{}", a.invoice);
    let r = web
        .post("/payments/pro-forma", &[(inv_field.as_str(), "1")])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(pdf_text(&r.bytes, "web-proforma").contains("No legal, tax or accounting value"));
}
