//! Factur-X checks by tools nobody here wrote: the PyPI `factur-x` package, pypdf and qpdf.

use crate::tests::{document, extract, tmp};
use crate::{Kind, Lang, render};
use std::path::PathBuf;
use std::process::Command;

/// The Factur-X check by the PyPI `factur-x` package (`crates/pdf/tests/facturx_check.py`):
/// `key=value` lines, or None when Python or the package is missing (a failure under CI).
fn facturx_read(pdf: &[u8], name: &str) -> Option<std::collections::BTreeMap<String, Vec<String>>> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/facturx_check.py");
    let probe = Command::new("python3")
        .args(["-c", "import facturx"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but the PyPI factur-x package is missing (.ci/run installs it)"
        );
        eprintln!("PyPI factur-x missing: e-invoice not checked");
        return None;
    }
    let file = tmp(name).join("doc.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new("python3")
        .arg(&script)
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "factur-x refused {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut map: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        if let Some((k, v)) = line.split_once('=') {
            map.entry(k.to_owned()).or_default().push(v.to_owned());
        }
    }
    Some(map)
}

/// Every invoice, payment request and credit note is a Factur-X EN 16931 invoice that the
/// `factur-x` package extracts and validates against its schema, with the page's numbers.
#[test]
fn invoices_and_credit_notes_are_factur_x_en16931_with_the_pages_figures() {
    for kind in [Kind::Invoice, Kind::PaymentRequest, Kind::CreditNote] {
        let mut doc = document(kind, Lang::Fr);
        if kind == Kind::CreditNote {
            doc.corrects = Some("2026-0000006".into());
        }
        let pdf = render(&doc).expect("renders");
        let Some(x) = facturx_read(&pdf, &format!("facturx-{kind:?}")) else {
            return;
        };
        let get = |k: &str| {
            x.get(k)
                .and_then(|v| v.first())
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(get("filename"), "factur-x.xml", "{kind:?}");
        assert_eq!(get("level"), "en16931", "{kind:?}");
        assert_eq!(get("number"), "2026-0000007");
        assert_eq!(
            get("type"),
            if kind == Kind::CreditNote {
                "381"
            } else {
                "380"
            }
        );
        assert_eq!(get("seller"), "Guichet Hébergement SA");
        assert_eq!(get("seller_vat"), "CHE-123.456.789 MWST");
        assert_eq!(get("buyer"), "Fiduciaire Office SA");
        assert_eq!(get("net"), "149.91");
        assert_eq!(get("vat"), "12.14");
        assert_eq!(get("gross"), "162.05");
        let due = if kind == Kind::Invoice {
            "0.00"
        } else {
            "162.05"
        };
        assert_eq!(get("due"), due, "{kind:?}: what is left to pay");
        assert_eq!(get("reference"), "000000000000000000000000121");
        assert_eq!(get("iban"), "CH4431999123000889012");
        // The XMP declares it (with its PDF/A extension schema) and the file is PDF/A-3b.
        assert_eq!(get("xmp_DocumentType"), "INVOICE");
        assert_eq!(get("xmp_DocumentFileName"), "factur-x.xml");
        assert_eq!(get("xmp_ConformanceLevel"), "EN 16931");
        assert_eq!(get("xmp_fx_schema_declared"), "True");
        assert_eq!(get("xmp_pdfa"), "3B");
        qpdf_check(&pdf, &format!("qpdf-{kind:?}"));
        assert_eq!(
            x["tax"],
            vec!["Z 0 0.01 0.00".to_owned(), "S 8.1 149.90 12.14".to_owned()],
            "{kind:?}: the VAT breakdown"
        );
        // The page says the same.
        if let Some(text) = extract(&pdf, &format!("facturx-text-{kind:?}")) {
            assert!(
                text.contains("2026-0000007") && text.contains("162.05"),
                "{text}"
            );
        }
    }
}

/// A pro forma has no legal value: no e-invoice in it.
#[test]
fn a_pro_forma_carries_no_e_invoice() {
    let pdf = render(&document(Kind::ProForma, Lang::Fr)).expect("renders");
    assert!(!pdf.windows(12).any(|w| w == b"factur-x.xml"));
}

/// `qpdf --check` (Debian qpdf): the file's structure and cross-reference table are sound (the
/// Factur-X metadata is spliced into krilla's output, so offsets must have moved with it).
fn qpdf_check(pdf: &[u8], name: &str) {
    if Command::new("qpdf").arg("--version").output().is_err() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but qpdf is missing (.ci/run installs it)"
        );
        eprintln!("qpdf missing: structure not checked");
        return;
    }
    let file = tmp(name).join("doc.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .expect("qpdf runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "qpdf --check: {text}");
    assert!(!text.contains("WARNING"), "qpdf --check: {text}");
}
