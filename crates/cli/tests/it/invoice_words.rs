//! Issue #14, acceptance 6: an invoice PDF, as pdftotext reads it, names the provider's VAT number
//! and contact, the product and its period in the reader's language (« 12 mois », Swiss dates),
//! with the customer's postcode and town on one line — and no English on a French invoice; the
//! Payments page names each due invoice's service the same way.

use crate::both_backends;
use crate::documents::pdf_text;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use guichet_core::Lang;
use guichet_core::i18n::{KEYS, t};

both_backends!(a_french_invoice_pdf_reads_in_french_and_meets_the_law);

const VAT: &str = "CHE-123.456.789 TVA";

async fn a_french_invoice_pdf_reads_in_french_and_meets_the_law(b: Backend) {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    let app = TestApp::spawn_on(&db, dir, |c| {
        c.creditor.vat_number = Some(VAT.into());
        c.creditor.phone = Some("+41 21 555 12 34".into());
    })
    .await;
    assert!(app.app.seed_demo().await.unwrap());
    let mut c = app.client();
    c.login_ok("alice@demo.guichet.test", guichet_app::demo::PASSWORD)
        .await;
    // The demo's paid hosting invoice, as Alice (French) finds it in her invoices.
    let list = c.get("/accounting/invoices").await;
    let link = list
        .body
        .split("href=\"")
        .filter_map(|p| p.split('"').next())
        .find(|h| h.contains("document.pdf?document=final"))
        .unwrap_or_else(|| panic!("no final invoice PDF: {}", list.body))
        .replace("&amp;", "&");
    let r = c.get(&link).await;
    assert_eq!(r.status, 200, "{link}");
    let text = pdf_text(&r.bytes, "invoice-words");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        VAT,
        "+41 21 555 12 34",
        "facturation@guichet.example",
        "Hébergement Web Pro — 12 mois (",
        "1003 Lausanne",
    ] {
        assert!(flat.contains(want), "{want:?} not in the PDF:\n{text}");
    }
    // Countries by their French name (the provider's « Suisse »), never a bare code; a Swiss
    // customer's address has no country line (as the Swiss post writes a domestic address).
    assert!(flat.contains("Suisse"), "no « Suisse » in:\n{text}");
    assert!(
        !text.lines().any(|l| l.trim() == "CH"),
        "a bare country code in:\n{text}"
    );
    // Dates the Swiss way, never ISO.
    assert!(
        !flat
            .split(' ')
            .any(|w| guichet_core::period::Date::parse_iso_prefix(w).is_some()),
        "an ISO date in:\n{text}"
    );
    // No English: no English text of the catalogue's invoice words, no « months », no raw key.
    for key in KEYS
        .iter()
        .filter(|k| k.starts_with("pdf.") || k.starts_with("said."))
    {
        let en = t(Lang::En, key);
        let fr = t(Lang::Fr, key);
        for part in en
            .split("{$")
            .map(|p| p.split_once('}').map_or(p, |(_, r)| r).trim())
        {
            if part.len() >= 4 && !fr.contains(part) {
                assert!(!flat.contains(part), "English {part:?} ({key}) in:\n{text}");
            }
        }
    }
    for english in ["months", "month", "Invoice", "said."] {
        assert!(!flat.contains(english), "{english:?} in:\n{text}");
    }
    // The Payments page names the service of the unpaid domain invoice: the product and its period,
    // not « Commande ».
    let pay = c.get("/payments").await;
    assert!(
        pay.body.contains("Nom de domaine .ch — 12 mois ("),
        "{}",
        pay.body
    );
}
