// Exact figures on purpose: the page is 210 mm wide, the slip 105 mm high.
#![allow(clippy::float_cmp)]

use super::*;
use guichet_bank::qr::{Address, Reference};
use std::path::PathBuf;
use std::process::Command;

fn bill() -> QrBill {
    QrBill {
        account: "CH4431999123000889012".into(),
        creditor: Address {
            name: "Guichet Hébergement SA".into(),
            street: "Rue du Grand-Pont".into(),
            building_number: "2".into(),
            postal_code: "1003".into(),
            town: "Lausanne".into(),
            country: "CH".into(),
        },
        amount: Some(16_205),
        currency: guichet_core::Currency::Chf,
        debtor: Some(Address {
            name: "Fiduciaire Office SA".into(),
            street: "Avenue de la Gare".into(),
            building_number: "10".into(),
            postal_code: "1950".into(),
            town: "Sion".into(),
            country: "CH".into(),
        }),
        reference: Reference::Qrr("000000000000000000000000121".into()),
        message: "Facture 2026-0000007".into(),
        billing_information: String::new(),
        alternative_procedures: Vec::new(),
    }
}

pub(super) fn document(kind: Kind, lang: Lang) -> Document {
    let lines = vec![
        Line {
            description: "Hébergement Web Pro – office, fichiers et difficultés".into(),
            period: Some(("2026-03-01".into(), "2027-03-01".into())),
            quantity: 1,
            unit_net: 14_990,
            net: 14_990,
            vat_rate_bp: 810,
            vat: 1_214,
            gross: 16_204,
        },
        Line {
            description: "Nom de domaine .ch".into(),
            period: None,
            quantity: 1,
            unit_net: 1,
            net: 1,
            vat_rate_bp: 0,
            vat: 0,
            gross: 1,
        },
    ];
    let numbered = kind != Kind::ProForma;
    Document {
        kind,
        lang,
        issuer: vec![
            "Guichet Hébergement SA".into(),
            "Rue du Grand-Pont 2".into(),
            "1003 Lausanne".into(),
        ],
        customer: vec![
            "Fiduciaire Office SA".into(),
            "Avenue de la Gare 10".into(),
            "1950 Sion".into(),
            "CH".into(),
        ],
        number: numbered.then(|| "2026-0000007".into()),
        issued_on: "2026-03-01".into(),
        due_on: Some("2026-03-31".into()),
        paid_on: (kind == Kind::Invoice).then(|| "2026-03-05".into()),
        currency: Currency::Chf,
        lines,
        vat_mention: None,
        net: 14_991,
        vat: 1_214,
        gross: 16_205,
        billing_reference: Some("PO-4711 Ops".into()),
        payment_reference: numbered.then(|| "000000000000000000000000121".into()),
        qr_bill: (kind == Kind::PaymentRequest).then(bill),
        corrects: None,
        einvoice: numbered.then(einvoice),
        logo: None,
    }
}

pub(super) fn einvoice() -> crate::facturx::EInvoice {
    use crate::facturx::{EInvoice, Party};
    EInvoice {
        seller: Party {
            name: "Guichet Hébergement SA".into(),
            street: "Rue du Grand-Pont 2".into(),
            postcode: "1003".into(),
            city: "Lausanne".into(),
            country: "CH".into(),
            vat_id: Some("CHE-123.456.789 MWST".into()),
            email: Some("facturation@guichet.example".into()),
        },
        buyer: Party {
            name: "Fiduciaire Office SA".into(),
            street: "Avenue de la Gare 10".into(),
            postcode: "1950".into(),
            city: "Sion".into(),
            country: "CH".into(),
            vat_id: None,
            email: None,
        },
        payee_iban: Some("CH4431999123000889012".into()),
    }
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

pub(super) fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("guichet-pdf-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// The text `pdftotext -layout` extracts (None when poppler-utils is not installed).
pub(super) fn extract(pdf: &[u8], name: &str) -> Option<String> {
    if !have("pdftotext") {
        eprintln!("pdftotext (Debian poppler-utils) missing: text not checked");
        return None;
    }
    let dir = tmp(name);
    let file = dir.join("doc.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

#[test]
fn the_pages_are_a4() {
    let pdf = render(&document(Kind::PaymentRequest, Lang::En)).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    if !have("pdfinfo") {
        eprintln!("pdfinfo (Debian poppler-utils) missing: page size not checked");
        return;
    }
    let file = tmp("a4").join("doc.pdf");
    std::fs::write(&file, &pdf).expect("write pdf");
    let out = Command::new("pdfinfo")
        .arg(&file)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout);
    // 210 × 297 mm = 595.28 × 841.89 pt.
    assert!(
        info.lines().any(|l| l.starts_with("Page size:")
            && l.contains("595.")
            && l.contains("841.")
            && l.contains("(A4)")),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{info}"
    );
}

#[test]
fn final_invoice_text_has_number_total_address_and_no_ligatures() {
    let pdf = render(&document(Kind::Invoice, Lang::Fr)).expect("renders");
    let Some(text) = extract(&pdf, "final") else {
        return;
    };
    for expected in [
        "Facture 2026-0000007",
        "CHF 162.05",
        "Fiduciaire Office SA",
        "Avenue de la Gare 10",
        "1950 Sion",
        "PO-4711 Ops",
        "PAYÉE",
        "05.03.2026",
        // Plain "fi"/"ffi": no ligature glyphs.
        "office, fichiers et difficultés",
        "Période du 01.03.2026 au 01.03.2027",
        "TVA 8.1 % sur 149.90",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(
        !text.contains(['\u{fb01}', '\u{fb02}', '\u{fb03}', '\u{2068}', '\u{2069}']),
        "odd characters in:\n{text}"
    );
    assert!(
        !text.contains("Section paiement"),
        "a paid invoice has no payment part"
    );
}

#[test]
fn pro_forma_has_no_number_no_reference_and_says_it_has_no_value() {
    for lang in Lang::ALL {
        let doc = document(Kind::ProForma, lang);
        let pages = layout(&doc, &canvas::Fonts::load().expect("fonts")).expect("lays out");
        let texts: Vec<&str> = pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { content, .. } => Some(content.as_str()),
                _ => None,
            })
            .collect();
        let no_value = guichet_core::i18n::t(lang, "pdf.no_value");
        assert!(texts.contains(&no_value), "{lang:?}");
        assert!(!texts.iter().any(|t| t.contains("2026-0000007")));
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("000000000000000000000000121"))
        );
        assert!(
            !pages
                .iter()
                .flatten()
                .any(|op| matches!(op, Op::QrCode { .. }))
        );
    }
    let pdf = render(&document(Kind::ProForma, Lang::En)).expect("renders");
    if let Some(text) = extract(&pdf, "proforma") {
        assert!(text.contains("No legal, tax or accounting value"), "{text}");
        assert!(text.contains("Pro forma invoice"));
        assert!(!text.contains("2026-0000007"));
        assert!(text.contains("CHF 162.05"));
    }
}

#[test]
fn payment_part_sits_at_the_bottom_with_its_geometry() {
    let doc = document(Kind::PaymentRequest, Lang::De);
    let pages = layout(&doc, &canvas::Fonts::load().expect("fonts")).expect("lays out");
    let last = pages.last().expect("a page");
    // The QR code: 46 mm at (67, 192 + 17): 5 mm margin + 62 mm receipt, 17 mm below the slip top.
    let qr = last
        .iter()
        .find_map(|op| match op {
            Op::QrCode { x, y, .. } => Some((*x, *y)),
            _ => None,
        })
        .expect("QR code");
    assert_eq!(qr, (67.0, 297.0 - 105.0 + 17.0));
    // Separation lines: along the top of the slip and between receipt (62 mm) and payment part.
    let lines: Vec<&Vec<(f32, f32)>> = last
        .iter()
        .filter_map(|op| match op {
            Op::Lines { polylines, .. } => Some(polylines),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(lines.iter().any(|l| {
        l.first()
            .is_some_and(|p| p.0 == 0.0 && (p.1 - 192.0).abs() < 0.2)
            && l.last().is_some_and(|p| p.0 == 210.0)
    }));
    assert!(
        lines
            .iter()
            .any(|l| **l == vec![(62.0, 192.0), (62.0, 297.0)])
    );
    assert_eq!(
        last.iter()
            .filter(|op| matches!(op, Op::Scissors { .. }))
            .count(),
        2
    );
    // Titles 11 pt bold, in German; everything above the slip ends above it.
    let text_at = |s: &str| {
        last.iter().find_map(|op| match op {
            Op::Text {
                content,
                x,
                y,
                size_pt,
                bold,
                ..
            } if content == s => Some((*x, *y, *size_pt, *bold)),
            _ => None,
        })
    };
    let (x, y, size, bold) = text_at("Zahlteil").expect("payment part title");
    assert_eq!((x, size, bold), (67.0, 11.0, true));
    assert!(y > 192.0 && y < 202.0);
    let (x, _, size, bold) = text_at("Empfangsschein").expect("receipt title");
    assert_eq!((x, size, bold), (5.0, 11.0, true));
    assert!(text_at("Konto / Zahlbar an").is_some());
    let slip_texts = last
        .iter()
        .filter(|op| matches!(op, Op::Text { y, .. } if *y > 192.0))
        .count();
    assert!(slip_texts > 10);
    for op in last {
        if let Op::Text { y, content, x, .. } = op
            && *y < 192.0
            && *x > 0.0
        {
            assert!(*y < 192.0 - 2.0, "{content:?} runs into the payment part");
        }
    }
}

#[test]
fn payment_request_qr_code_decodes_to_the_payload() {
    if !have("pdftoppm") || Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("pdftoppm/zbarimg missing (poppler-utils, zbar-tools): QR not decoded");
        return;
    }
    let doc = document(Kind::PaymentRequest, Lang::Fr);
    let pdf = render(&doc).expect("renders");
    let dir = tmp("zbar");
    let file = dir.join("request.pdf");
    std::fs::write(&file, &pdf).expect("write");
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile"])
        .arg(&file)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let out = Command::new("zbarimg")
        .args(["--raw", "-q", "-Sbinary"])
        .arg(dir.join("page.png"))
        .output()
        .expect("zbarimg runs");
    let decoded = String::from_utf8(out.stdout).expect("utf-8");
    let payload = bill().to_payload().expect("payload");
    assert_eq!(decoded.trim_end_matches('\n'), payload);
    if let Some(text) = extract(&pdf, "request") {
        assert!(text.contains("Section paiement"));
        assert!(text.contains("Demande de paiement – facture 2026-0000007"));
        assert!(text.contains("00 00000 00000 00000 00000 00121"), "{text}");
    }
}

#[test]
fn long_invoices_go_on_to_further_pages() {
    let mut doc = document(Kind::PaymentRequest, Lang::En);
    let line = doc.lines[0].clone();
    doc.lines = vec![line; 60];
    let pages = layout(&doc, &canvas::Fonts::load().expect("fonts")).expect("lays out");
    assert!(pages.len() >= 3, "{} pages", pages.len());
    // Only the last page carries the payment part; every page says which one it is.
    let with_qr: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.iter().any(|op| matches!(op, Op::QrCode { .. })))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(with_qr, vec![pages.len() - 1]);
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        let label = format!("Page {}/{n}", i + 1);
        assert!(
            p.iter()
                .any(|op| matches!(op, Op::Text { content, .. } if *content == label))
        );
        for op in p {
            if let Op::Text { y, .. } = op {
                assert!(*y <= 297.0 - 5.0);
            }
        }
    }
    render(&doc).expect("renders");
}

/// The font names `pdffonts` lists, each with whether it is embedded (None without poppler-utils).
fn fonts_of(pdf: &[u8], name: &str) -> Option<Vec<(String, bool)>> {
    if !have("pdffonts") {
        eprintln!("pdffonts (Debian poppler-utils) missing: fonts not checked");
        return None;
    }
    let file = tmp(name).join("doc.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new("pdffonts")
        .arg(&file)
        .output()
        .expect("pdffonts runs");
    assert!(out.status.success(), "pdffonts failed");
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    // name type encoding emb sub uni object ID; the first two lines are the header.
    Some(
        listing
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                let emb = cols.len() >= 5 && cols[cols.len() - 5] == "yes";
                (cols[0].to_owned(), emb)
            })
            .collect(),
    )
}

/// Acceptance 1 of issue #15: every kind of document, in every language, is set in Liberation
/// Sans only (the QR-bill guidelines, IG 2.3 §3.4), embedded.
#[test]
fn every_kind_of_document_uses_only_embedded_liberation_sans() {
    for kind in [
        Kind::Invoice,
        Kind::PaymentRequest,
        Kind::ProForma,
        Kind::CreditNote,
    ] {
        for lang in Lang::ALL {
            let pdf = render(&document(kind, lang)).expect("renders");
            let Some(fonts) = fonts_of(&pdf, &format!("fonts-{kind:?}-{lang:?}")) else {
                return;
            };
            assert!(!fonts.is_empty(), "{kind:?} {lang:?}: no font listed");
            for (name, embedded) in &fonts {
                // Subsets are named ABCDEF+LiberationSans[-Bold].
                let base = name.split_once('+').map_or(name.as_str(), |(_, b)| b);
                assert!(
                    base == "LiberationSans" || base == "LiberationSans-Bold",
                    "{kind:?} {lang:?}: font {name}"
                );
                assert!(embedded, "{kind:?} {lang:?}: {name} not embedded");
            }
        }
    }
}

/// The faces have a glyph for every character the fr/de/en catalogue and usual customer data
/// need: nothing falls back to `.notdef` (an empty box on paper).
#[test]
fn the_faces_cover_french_and_german_text() {
    let fonts = canvas::Fonts::load().expect("fonts");
    let sample = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆß€’‘“”«»–—…·×°§µ CHF 1'234.50 № ";
    for bold in [false, true] {
        let face = fonts.face(bold);
        let missing: Vec<char> = sample
            .chars()
            .filter(|c| !c.is_whitespace() && !face.has_glyph(*c))
            .collect();
        assert!(missing.is_empty(), "bold={bold}: no glyph for {missing:?}");
    }
    let keys = guichet_core::i18n::KEYS
        .iter()
        .filter(|k| k.starts_with("pdf."));
    for key in keys {
        for lang in Lang::ALL {
            let text = guichet_core::i18n::t(lang, key);
            assert!(
                text.chars()
                    .all(|c| c.is_whitespace() || fonts.regular.has_glyph(c)),
                "{lang:?} {key}: {text}"
            );
        }
    }
}

/// Text the faces cannot print (an emoji stored before the input checks) still renders, as `?`,
/// and the e-invoice keeps the text as it is.
#[test]
fn a_character_without_a_glyph_prints_as_a_question_mark() {
    let mut doc = document(Kind::PaymentRequest, Lang::Fr);
    doc.customer[0] = "Atelier Favre 😀".into();
    let pdf = render(&doc).expect("renders despite the emoji");
    if let Some(text) = extract(&pdf, "emoji") {
        assert!(text.contains("Atelier Favre ?"), "{text}");
    }
}

/// The provider's logo (issue #14) is printed at the top right of the first page, in the PDF/A-3b
/// of a Factur-X invoice too; a logo whose bytes do not decode leaves the document without it.
#[test]
fn a_logo_is_printed_on_the_first_page() {
    const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xe0\xaa\x8d\x02\x00\x01\x76\x00\xe2\x82\x51\x6d\xa0\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    let mut doc = document(Kind::Invoice, Lang::Fr);
    doc.logo = Some(crate::Logo {
        bytes: PNG.into(),
        format: crate::LogoFormat::Png,
    });
    let ops = layout(&doc, &canvas::Fonts::load().expect("fonts")).expect("lays out");
    assert!(
        ops[0].iter().any(|op| matches!(op, crate::layout::Op::Logo { w, h, .. } if (*h - 18.0).abs() < 0.01 && (*w - 18.0).abs() < 0.01)),
        "a square logo 18 mm high at the top"
    );
    let pdf = render(&doc).unwrap_or_else(|e| panic!("{e}"));
    assert!(pdf.starts_with(b"%PDF"));
    doc.logo = Some(crate::Logo {
        bytes: b"not an image".as_slice().into(),
        format: crate::LogoFormat::Png,
    });
    assert!(render(&doc).is_ok());
}
