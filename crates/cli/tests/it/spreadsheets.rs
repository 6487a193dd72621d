//! Issue #15 acceptance 7: the Manager's invoice export opens as columns in a French spreadsheet
//! (BOM, `;`, decimal comma, French headers and statuses, "Sàrl" intact), stays `,` in English,
//! and the `.xlsx` download opens with `openpyxl` (PyPI) with the amounts as numbers equal to the
//! invoices' totals. The API's CSV keeps its stable English RFC 4180 form.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, World, world};
use guichet_core::Currency;
use std::collections::BTreeMap;
use std::process::Command;

both_backends!(
    the_manager_s_csv_opens_as_columns_in_a_french_or_english_spreadsheet,
    the_xlsx_export_opens_in_openpyxl_with_amounts_as_numbers
);

const BOM: &[u8] = b"\xEF\xBB\xBF";
const NAME: &str = "Atelier Favre Sàrl; Genève";

/// The world plus three paid invoices billed to [`NAME`] (a `;` inside, to be quoted) and one
/// billed to a formula; returns the API's CSV: number → (status code, total as written).
async fn invoices(t: &TestApp, w: &World) -> BTreeMap<String, (String, String)> {
    let a = &w.a;
    {
        let mut c = t.app.db.write_conn().await.unwrap();
        guichet_store::bench::seed_invoices(
            &mut c,
            a.id,
            Currency::Chf,
            "S",
            3,
            1_735_689_600,
            NAME,
        )
        .await
        .unwrap();
        guichet_store::bench::seed_invoices(
            &mut c,
            a.id,
            Currency::Chf,
            "F",
            1,
            1_735_776_000,
            "=1+2",
        )
        .await
        .unwrap();
    }
    let mut api = t.client();
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices/export.csv", a.id),
            &a.accountant().token,
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .starts_with("number,issued,status,bill_to,net,vat,total,currency,"),
        "the API keeps its stable keys, without BOM: {}",
        r.body
    );
    let mut rows = BTreeMap::new();
    for rec in csv::Reader::from_reader(r.body.as_bytes()).records() {
        let rec = rec.unwrap();
        rows.insert(rec[0].to_string(), (rec[2].to_string(), rec[6].to_string()));
    }
    assert!(
        rows.len() >= 5,
        "the fixture's invoice and the seeded ones: {rows:?}"
    );
    assert!(
        rows.values().any(|(_, total)| total != "108.10"),
        "an amount other than the seeded"
    );
    rows
}

async fn manager(t: &TestApp, w: &World, lang: &str) -> Client {
    let mut web = t.client();
    web.login_ok(&w.a.accountant().email, PASSWORD).await;
    let r = web
        .post("/profile", &[("name", "Claire Compta"), ("lang", lang)])
        .await;
    assert!(r.status < 400, "{}", r.status);
    web
}

async fn the_manager_s_csv_opens_as_columns_in_a_french_or_english_spreadsheet(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let api_rows = invoices(&t, &w).await;
    let mut web = manager(&t, &w, "fr").await;
    let r = web.get("/accounting/invoices/export.csv").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "text/csv; charset=utf-8");
    // A French Excel: the BOM says UTF-8, `;` splits the columns, `,` is the decimal mark.
    assert!(r.bytes.starts_with(BOM), "{:?}", &r.bytes[..8]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&r.bytes[BOM.len()..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "Numéro",
            "Date d'émission",
            "Statut",
            "Facturé à",
            "Montant HT",
            "TVA",
            "Total TTC",
            "Devise",
            "Référence de paiement",
            "Votre référence"
        ]
    );
    assert_eq!(
        rows.len() - 1,
        api_rows.len(),
        "every invoice, one row each"
    );
    for row in &rows[1..] {
        assert_eq!(row.len(), 10, "ten columns: {row:?}");
        let (status, total) = &api_rows[&row[0]];
        // "18,49" read the French way: digits, one decimal comma, no point.
        assert!(!row[6].contains('.'), "{row:?}");
        let french: f64 = row[6]
            .replace(',', ".")
            .parse()
            .expect("a number, French way");
        assert_eq!(french, total.parse::<f64>().unwrap(), "{row:?}");
        assert_eq!(row[1].len(), 10, "ISO date: {row:?}");
        assert_eq!(&row[1][4..5], "-");
        assert_eq!(&row[7], "CHF");
        assert_eq!(
            &row[2],
            match status.as_str() {
                "paid" => "payée",
                "unpaid" => "à payer",
                other => other,
            },
            "the status in French"
        );
    }
    let seeded: Vec<_> = rows.iter().filter(|r| r[0].starts_with("XS-")).collect();
    assert_eq!(seeded.len(), 3);
    for r in seeded {
        assert_eq!(&r[3], NAME, "the accents and the `;` survive");
        assert_eq!(&r[6], "108,10");
        assert_eq!(&r[2], "payée");
    }
    let formula = rows.iter().find(|r| r[0].starts_with("XF-")).unwrap();
    assert_eq!(&formula[3], "'=1+2", "a formula stays text");
    // The raw text, as Excel sees it before any parsing: the name quoted (it holds a `;`).
    let text = std::str::from_utf8(&r.bytes[BOM.len()..]).unwrap();
    assert!(
        text.contains(&format!(";payée;\"{NAME}\";100,00;8,10;108,10;CHF;")),
        "{text}"
    );

    // The copy the Manager e-mails is the same French file.
    web.get("/accounting/invoices").await;
    let r = web
        .post("/accounting/invoices/export/mail", &[("status", "paid")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mail = t
        .mails_to(&w.a.accountant().email)
        .await
        .into_iter()
        .find(|m| m.kind == "invoices_export")
        .expect("the export mail");
    let mut c = t.app.db.write_conn().await.unwrap();
    let file = guichet_store::outbox::attachment(&mut c, mail.id)
        .await
        .unwrap()
        .expect("the attached CSV");
    drop(c);
    assert!(file.content.starts_with('\u{feff}'), "with its BOM");
    assert!(
        file.content
            .contains(&format!(";payée;\"{NAME}\";100,00;8,10;108,10;CHF;")),
        "{}",
        file.content
    );

    // English: the same export with `,` (the name's `;` needs no quotes), a decimal point and
    // English words (and the BOM).
    let mut web = manager(&t, &w, "en").await;
    let r = web.get("/accounting/invoices/export.csv?status=paid").await;
    assert!(r.bytes.starts_with(BOM));
    let text = std::str::from_utf8(&r.bytes[BOM.len()..]).unwrap();
    assert!(
        text.starts_with("Number,Issued,Status,Billed to,Net,VAT,Total,Currency,"),
        "{text}"
    );
    assert!(
        text.contains(&format!(",paid,{NAME},100.00,8.10,108.10,CHF,")),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1 + 4,
        "the filter holds: only the paid"
    );

    // The activity log's Manager download has the same form: German here.
    let mut admin = t.client();
    admin.login_ok(&w.a.admin().email, PASSWORD).await;
    admin
        .post("/profile", &[("name", "Anna Admin"), ("lang", "de")])
        .await;
    let r = admin.get("/activity/export.csv").await;
    assert_eq!(r.status, 200);
    assert!(r.bytes.starts_with(BOM));
    let text = std::str::from_utf8(&r.bytes[BOM.len()..]).unwrap();
    assert!(
        text.starts_with("Zeitpunkt (UTC);Person;E-Mail;Aktionscode;Beschreibung;IP-Adresse"),
        "{text}"
    );
}

/// Whether Python's `openpyxl` is importable; under CI a missing one fails the test (.ci/run
/// installs it), elsewhere the check is reported as skipped.
fn openpyxl() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but openpyxl is missing (pip install openpyxl): .ci/run installs it"
        );
        eprintln!("skipped: openpyxl is not installed (pip install openpyxl)");
    }
    ok
}

const READ_XLSX: &str = r#"
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = []
for row in ws.iter_rows():
    rows.append([[type(c.value).__name__,
                  c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value,
                  c.number_format] for c in row])
print(json.dumps({"sheet": ws.title, "rows": rows}))
"#;

async fn the_xlsx_export_opens_in_openpyxl_with_amounts_as_numbers(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let api_rows = invoices(&t, &w).await;
    let mut web = manager(&t, &w, "fr").await;
    let r = web.get("/accounting/invoices/export.xlsx").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        r.headers["content-disposition"],
        "attachment; filename=\"invoices.xlsx\""
    );
    assert!(r.bytes.starts_with(b"PK"), "a zip container");
    // The page offers it next to the CSV, with the same filters.
    let page = web.get("/accounting/invoices?status=paid").await;
    assert!(
        page.body.contains("/accounting/invoices/export.xlsx?")
            && page.body.contains("Exporter en Excel (.xlsx)"),
        "{}",
        page.body
    );
    // A collaborator without accounting gets none; a bad filter is a 4xx.
    let mut collab = t.client();
    collab.login_ok(&w.a.collaborator().email, PASSWORD).await;
    assert_eq!(
        collab.get("/accounting/invoices/export.xlsx").await.status,
        403
    );
    assert_eq!(
        web.get("/accounting/invoices/export.xlsx?from=2026-13-40")
            .await
            .status,
        422
    );
    if !openpyxl() {
        return;
    }
    let path = t._dir.0.join("invoices.xlsx");
    std::fs::write(&path, &r.bytes).unwrap();
    let out = Command::new("python3")
        .args(["-c", READ_XLSX, path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(book["sheet"], "Factures");
    let rows = book["rows"].as_array().unwrap();
    let header: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[1].as_str().unwrap())
        .collect();
    assert_eq!(header[0], "Numéro");
    assert_eq!(header[6], "Total TTC");
    assert_eq!(rows.len() - 1, api_rows.len());
    for row in &rows[1..] {
        let number = row[0][1].as_str().unwrap();
        let (status, total) = &api_rows[number];
        for c in 4..=6 {
            assert!(
                matches!(row[c][0].as_str(), Some("float" | "int")),
                "an amount is a number cell: {row}"
            );
            assert!(
                row[c][2].as_str().unwrap().ends_with("0.00"),
                "two decimals: {row}"
            );
        }
        assert_eq!(
            row[6][1].as_f64().unwrap(),
            total.parse::<f64>().unwrap(),
            "the invoice's total: {row}"
        );
        assert_eq!(
            row[1][0], "datetime",
            "the issue date is a date cell: {row}"
        );
        if status == "paid" {
            assert_eq!(row[2][1], "payée");
        }
        if number.starts_with("XS-") {
            assert_eq!(row[3][1], NAME);
            assert_eq!(row[1][1], "2025-01-01T00:00:00");
        }
        if number.starts_with("XF-") {
            assert_eq!(row[3][1], "=1+2", "a text cell, never a formula");
            assert_eq!(row[3][0], "str");
        }
    }
}
