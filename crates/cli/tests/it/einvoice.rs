//! E-invoices (issue #15): every invoice and credit note PDF served is a Factur-X EN 16931
//! invoice, read and validated by the PyPI `factur-x` package (crates/pdf/tests/facturx_check.py),
//! with the same number, amounts and payment reference as the invoice, and the provider's VAT
//! number printed on the page.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use std::collections::BTreeMap;

both_backends!(an_invoice_pdf_is_a_factur_x_invoice_with_the_invoices_figures);

/// What `factur-x` reads from the PDF (`key` → values); the check fails the test when the
/// package refuses the file.
pub fn facturx(pdf: &[u8]) -> BTreeMap<String, Vec<String>> {
    let script =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../pdf/tests/facturx_check.py");
    let dir = crate::harness::TempDir::new();
    let file = dir.0.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&file)
        .output()
        .expect("python3 with the PyPI factur-x package (.ci/run installs it)");
    assert!(
        out.status.success(),
        "factur-x refused the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        if let Some((k, v)) = line.split_once('=') {
            map.entry(k.to_owned()).or_default().push(v.to_owned());
        }
    }
    map
}

pub fn one(x: &BTreeMap<String, Vec<String>>, key: &str) -> String {
    x.get(key)
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default()
}

/// Minor units as the e-invoice writes them.
pub fn decimal(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

async fn an_invoice_pdf_is_a_factur_x_invoice_with_the_invoices_figures(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let tok = &a.accountant().token;
    let offer = api.offer_where(a.id, tok, |_| true).await;
    let invoice_id = api.order(a.id, &a.lr().token, &offer, 12).await.invoice;
    let inv = api.invoice(a.id, tok, &invoice_id).await;
    let pdf_url = format!("/api/v1/orgs/{}/invoices/{invoice_id}/pdf", a.id);
    let r = api.api("GET", &pdf_url, tok, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let x = facturx(&r.bytes);
    assert_eq!(one(&x, "level"), "en16931");
    assert_eq!(one(&x, "type"), "380");
    assert_eq!(one(&x, "number"), inv["number"].as_str().unwrap());
    assert_eq!(
        one(&x, "gross"),
        decimal(inv["gross_minor"].as_i64().unwrap())
    );
    assert_eq!(one(&x, "net"), decimal(inv["net_minor"].as_i64().unwrap()));
    assert_eq!(one(&x, "vat"), decimal(inv["vat_minor"].as_i64().unwrap()));
    assert_eq!(one(&x, "due"), one(&x, "gross"), "unpaid: all of it is due");
    assert_eq!(
        one(&x, "reference"),
        inv["payment_reference"].as_str().unwrap().replace(' ', "")
    );
    assert_eq!(one(&x, "buyer"), a.name);
    assert_eq!(one(&x, "seller"), t.config.creditor.name);
    assert_eq!(one(&x, "seller_vat"), "CHE-123.456.789 MWST");
    assert_eq!(one(&x, "iban"), t.config.creditor.qr_iban);
    assert_eq!(one(&x, "xmp_ConformanceLevel"), "EN 16931");
    assert_eq!(one(&x, "xmp_pdfa"), "3B");
    // The page prints the provider's VAT number and billing contact.
    let text = crate::documents::pdf_text(&r.bytes, "einvoice");
    assert!(text.contains("CHE-123.456.789 MWST"), "{text}");
    assert!(text.contains("facturation@guichet.example"), "{text}");
}
