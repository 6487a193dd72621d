//! Issue #15, points 2 and 3, as an operator and the bank see them:
//! - a payout file with CHF and EUR payouts debits each currency's own account, carries Zurich's
//!   time with its offset and the next banking day, and each payout its own reference (read back by
//!   an independent ISO 20022 reader); a currency without an account is set aside, never debited
//!   from the other account; the import of the bank's debits says which payouts it completed;
//! - camt details (the payer's messages, the ultimate debtor, the charges) are kept and shown in
//!   the back office, debited charges are booked as bank fees once, and an invoice named in the
//!   message pays it only when that is exact and unambiguous.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use crate::world::{OrgFixture, world};
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef};
use serde_json::json;
use std::process::Command;

both_backends!(
    a_file_of_chf_and_eur_payouts_debits_each_currencys_account,
    a_currency_without_a_payout_account_is_set_aside,
    camt_details_are_kept_shown_and_charges_booked_once,
    an_invoice_named_in_the_message_is_paid_only_when_exact
);

const SAMPLE_08: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/testdata/camt/camt054.001.08_postfinance_ustrd.xml"
);
const XSD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../bank/tests/data/pain.001.001.09.xsd"
);
const READER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../bank/tests/oracle/read_pain001.py"
);

/// Whether an external tool answers; under CI a missing tool fails the test.
fn tool(cmd: &str, args: &[&str], install: &str) -> bool {
    let ok = Command::new(cmd)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but {cmd} is missing ({install}): .ci/run installs it"
        );
        eprintln!("skipped: {cmd} is not installed ({install})");
    }
    ok
}

async fn top_up(api: &mut Client, org: &OrgFixture, minor: i64) {
    let top = json!({"amount_minor": minor, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", org.id),
            &org.lr().token,
            Some(top),
            &[("idempotency-key", &format!("top-{}-{minor}", org.id))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
}

/// A withdrawal to an IBAN, approved by an operator; its id.
async fn approved_withdrawal(
    api: &mut Client,
    ops: &mut Client,
    org: &OrgFixture,
    minor: i64,
) -> String {
    let wd = json!({"amount_minor": minor, "method": "iban", "destination": "CH56 0483 5012 3456 7800 9", "holder": org.name});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/withdrawals", org.id),
            &org.lr().token,
            Some(wd),
            &[("idempotency-key", &format!("wd-{}-{minor}", org.id))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_string();
    let r = ops
        .post(
            &format!("/admin/withdrawals/{id}/decide"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    id
}

/// The newest payout file the withdrawals page links to.
async fn latest_file(ops: &mut Client) -> Option<String> {
    let page = ops.get("/admin/withdrawals").await;
    let id = page
        .body
        .split("href=\"/admin/payouts/")
        .nth(1)?
        .split_once("/file\"")?
        .0
        .to_string();
    let xml = ops.get(&format!("/admin/payouts/{id}/file")).await;
    assert_eq!(xml.status, 200);
    Some(xml.body)
}

/// The text of every `<tag>` in `xml`, in order.
fn all(xml: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    xml.split(&open)
        .skip(1)
        .filter_map(|s| s.split_once(&format!("</{tag}>")))
        .map(|(v, _)| v.to_string())
        .collect()
}

/// The `PmtInf` block that holds the payout with this end-to-end id.
fn group_of<'a>(xml: &'a str, end_to_end: &str) -> &'a str {
    xml.split("<PmtInf>")
        .skip(1)
        .find(|g| g.contains(&format!("<EndToEndId>{end_to_end}</EndToEndId>")))
        .unwrap_or_else(|| panic!("{end_to_end} in {xml}"))
}

/// A camt.054.001.08 debit notification of our payouts: (end-to-end id, amount, currency).
fn debits(id: &str, payouts: &[(&str, &str, &str)]) -> String {
    let entries: String = payouts
        .iter()
        .enumerate()
        .map(|(i, (e2e, amount, ccy))| {
            format!(
                "<Ntry><Amt Ccy=\"{ccy}\">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                 <BookgDt><Dt>2026-11-19</Dt></BookgDt><AcctSvcrRef>D-{id}-{i}</AcctSvcrRef>\
                 <NtryDtls><TxDtls><Refs><AcctSvcrRef>DT-{id}-{i}</AcctSvcrRef><EndToEndId>{e2e}</EndToEndId></Refs>\
                 <Amt Ccy=\"{ccy}\">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">\
         <BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>2026-11-19T10:00:00</CreDtTm></GrpHdr>\
         <Ntfctn><Id>N-{id}</Id><Acct><Id><IBAN>CH4708390012345678901</IBAN></Id></Acct>{entries}</Ntfctn>\
         </BkToCstmrDbtCdtNtfctn></Document>"
    )
}

/// A camt.054.001.08 notification of one booked credit whose `TxDtls` ends with `extra` (remittance
/// information, related parties, charges).
fn credit(id: &str, amount: &str, currency: &str, extra: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
 <BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>2026-11-17T10:00:00</CreDtTm></GrpHdr>
  <Ntfctn>
   <Id>N-{id}</Id>
   <Acct><Id><IBAN>CH4431999123000889012</IBAN></Id></Acct>
   <Ntry>
    <Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>E-{id}</AcctSvcrRef>
    <NtryDtls><TxDtls>
     <Refs><AcctSvcrRef>T-{id}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
     {extra}
    </TxDtls></NtryDtls>
   </Ntry>
  </Ntfctn>
 </BkToCstmrDbtCdtNtfctn>
</Document>"#
    )
}

/// Uploads a camt file in the back office, as an operator does; the page that answers.
async fn upload(t: &TestApp, ops: &Client, name: &str, xml: &str) -> (u16, String) {
    let form = reqwest::multipart::Form::new()
        .text("csrf", ops.csrf.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(xml.as_bytes().to_vec()).file_name(name.to_string()),
        );
    let cookie = ops
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let res = crate::harness::http()
        .post(format!("{}/admin/bank/import", t.url))
        .header("cookie", &cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    // An amount's no-break space reads as a space (as in client.rs).
    (status, res.text().await.unwrap().replace('\u{a0}', " "))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

async fn fees(t: &TestApp, currency: Currency) -> i64 {
    let mut c = t.app.db.conn().await.unwrap();
    let account = AccountRef::provider(AccountKind::BankFees, currency);
    guichet_store::ledger::balance(&mut c, &account)
        .await
        .unwrap()
}

async fn books_balance(t: &TestApp) {
    let mut c = t.app.db.conn().await.unwrap();
    let problems = guichet_store::ledger::audit(&mut c).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

/// Acceptance 2: CHF and EUR payouts in one file, each debited from its own account, the bank's
/// local time and next banking day, every payout its own remittance text; read back by the ISO
/// schema; the bank's debits complete them and the import says which.
async fn a_file_of_chf_and_eur_payouts_debits_each_currencys_account(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    let mut ops = t.operator("/admin/withdrawals").await;
    top_up(&mut api, &w.a, 100_000).await;
    top_up(&mut api, &w.b, 100_000).await;
    let chf_1 = approved_withdrawal(&mut api, &mut ops, &w.a, 40_000).await;
    let chf_2 = approved_withdrawal(&mut api, &mut ops, &w.a, 15_000).await;
    let eur = approved_withdrawal(&mut api, &mut ops, &w.b, 25_000).await;
    assert_eq!(
        ops.post("/admin/payouts", &[]).await.location(),
        "/admin/withdrawals?done=admin.payouts_written"
    );
    let xml = latest_file(&mut ops).await.expect("a payout file");
    let e2e =
        |id: &String| guichet_app::payouts::end_to_end_id(id.parse().expect("a withdrawal id"));
    // The test clock is 2026-11-18 11:06:40 UTC, a Wednesday: 12:06:40 in Zurich (winter time),
    // executed the next banking day.
    assert_eq!(all(&xml, "CreDtTm"), ["2026-11-18T12:06:40+01:00"]);
    assert_eq!(all(&xml, "ReqdExctnDt"), ["<Dt>2026-11-19</Dt>"; 2]);
    // One PmtInf per currency, each with its own account (the defaults of the test configuration).
    assert_eq!(xml.matches("<PmtInf>").count(), 2, "{xml}");
    let chf_group = group_of(&xml, &e2e(&chf_1));
    assert_eq!(
        chf_group,
        group_of(&xml, &e2e(&chf_2)),
        "both CHF payouts in one group"
    );
    assert!(
        chf_group.contains("<IBAN>CH4708390012345678901</IBAN></Id></DbtrAcct>"),
        "{chf_group}"
    );
    assert!(!chf_group.contains("Ccy=\"EUR\""));
    let eur_group = group_of(&xml, &e2e(&eur));
    assert!(
        eur_group.contains("<IBAN>CH9300762011623852957</IBAN></Id></DbtrAcct>"),
        "{eur_group}"
    );
    assert!(!eur_group.contains("Ccy=\"CHF\""));
    // Every payout its own remittance text, carrying its reference.
    let texts = all(&xml, "Ustrd");
    assert_eq!(texts.len(), 3);
    for id in [&chf_1, &chf_2, &eur] {
        assert_eq!(
            texts.iter().filter(|t| t.contains(&e2e(id))).count(),
            1,
            "{id}: {texts:?}"
        );
    }
    // The ISO schema accepts the file, and an independent reader reads each payout back with
    // its own reference and the account of its currency.
    let dir = TempDir::new();
    let file = dir.0.join("pain.xml");
    std::fs::write(&file, &xml).unwrap();
    if tool("xmllint", &["--version"], "apt install libxml2-utils") {
        let out = Command::new("xmllint")
            .args(["--noout", "--schema", XSD])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if tool(
        "python3",
        &["-c", "import xmlschema"],
        "pip install xmlschema",
    ) {
        let out = Command::new("python3")
            .args([READER, XSD])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let payments = read["payments"].as_array().unwrap();
        assert_eq!(payments.len(), 3);
        for (id, account, ccy) in [
            (&chf_1, "CH4708390012345678901", "CHF"),
            (&chf_2, "CH4708390012345678901", "CHF"),
            (&eur, "CH9300762011623852957", "EUR"),
        ] {
            let p = payments
                .iter()
                .find(|p| p["end_to_end_id"] == e2e(id).as_str())
                .unwrap_or_else(|| panic!("{id} in {read}"));
            assert_eq!(p["debtor_iban"], account, "{p}");
            assert_eq!(p["currency"], ccy, "{p}");
            assert!(p["remittance"].as_str().unwrap().contains(&e2e(id)), "{p}");
        }
    }
    // The bank debits them: the back office's import says which payouts that completed.
    let file = debits(
        "payouts",
        &[
            (&e2e(&chf_1), "400.00", "CHF"),
            (&e2e(&eur), "250.00", "EUR"),
        ],
    );
    let (status, page) = upload(&t, &ops, "debits.xml", &file).await;
    assert_eq!(status, 200, "{page}");
    let summary = &page[page.find("id=\"import-summary\"").expect("summary")..];
    let summary = unescape(&summary[..summary.find("</section>").unwrap()]);
    assert!(
        summary.contains(&chf_1) && summary.contains(&eur),
        "{summary}"
    );
    assert!(!summary.contains(&chf_2), "not debited yet: {summary}");
    assert!(
        summary.contains("CHF 400.00") && summary.contains("EUR 250.00"),
        "{summary}"
    );
    assert!(
        summary.contains(&w.a.name) && summary.contains(&w.b.name),
        "{summary}"
    );
    // The CLI's summary says it too (run on the same SQLite file as the server).
    if b == Backend::Sqlite {
        let dir = TempDir::new();
        let path = dir.0.join("debit-2.xml");
        std::fs::write(&path, debits("cli", &[(&e2e(&chf_2), "150.00", "CHF")])).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("import-camt")
            .arg(&path)
            .env("GUICHET_DATABASE_URL", &t.config.database_url)
            .env_remove("GUICHET_CONFIG")
            .output()
            .unwrap();
        // An amount's no-break space reads as a space (as in client.rs).
        let err = String::from_utf8_lossy(&out.stderr).replace('\u{a0}', " ");
        assert!(out.status.success(), "{err}");
        assert!(err.contains("1 payout(s) completed"), "{err}");
        assert!(
            err.contains(&format!("payout completed: CHF 150.00 to {}", w.a.name))
                && err.contains(&chf_2),
            "{err}"
        );
    }
    books_balance(&t).await;
}

/// A currency without a payout account: its payouts are set aside with the setting named and stay
/// approved; the other currency's are written, from their own account only.
async fn a_currency_without_a_payout_account_is_set_aside(b: Backend) {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| c.creditor.payout_iban_eur = None).await;
    let w = world(&t).await;
    let mut api = t.client();
    let mut ops = t.operator("/admin/withdrawals").await;
    top_up(&mut api, &w.a, 100_000).await;
    top_up(&mut api, &w.b, 100_000).await;
    let chf = approved_withdrawal(&mut api, &mut ops, &w.a, 40_000).await;
    let eur = approved_withdrawal(&mut api, &mut ops, &w.b, 25_000).await;
    let run = t.app.export_payouts(None).await.unwrap();
    let file = run.file.expect("the CHF payout is written");
    assert_eq!(file.payouts, 1);
    assert!(
        file.xml
            .contains(&guichet_app::payouts::end_to_end_id(chf.parse().unwrap()))
    );
    assert!(
        !file
            .xml
            .contains(&guichet_app::payouts::end_to_end_id(eur.parse().unwrap()))
    );
    assert!(!file.xml.contains("Ccy=\"EUR\""));
    assert_eq!(run.set_aside.len(), 1);
    assert_eq!(run.set_aside[0].withdrawal.id.to_string(), eur);
    assert_eq!(run.set_aside[0].problem.field, "account");
    assert!(
        run.set_aside[0]
            .problem
            .reason
            .contains("GUICHET_PAYOUT_IBAN_EUR")
    );
    // The operator sees it, with the setting to fix, and the withdrawal is still approved.
    let page = ops.get("/admin/withdrawals").await;
    let card = &page.body[page.body.find("id=\"set-aside\"").expect("set-aside card")..];
    assert!(
        card.contains(&eur) && card.contains("GUICHET_PAYOUT_IBAN_EUR"),
        "{card}"
    );
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/withdrawals", w.b.id),
            &w.b.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(r["withdrawals"][0]["status"], "approved", "{r}");
    books_balance(&t).await;
}

/// Acceptance 3: the PostFinance sample and a generated notification keep and show the payer's
/// messages, the ultimate debtor and the charges; debited charges are bank fees, booked once.
async fn camt_details_are_kept_shown_and_charges_booked_once(b: Backend) {
    let t = TestApp::spawn(b).await;
    let _w = world(&t).await;
    let ops = t.operator("/admin/bank").await;
    let sample = std::fs::read_to_string(SAMPLE_08).unwrap();
    let (status, page) = upload(&t, &ops, "postfinance.xml", &sample).await;
    assert_eq!(status, 200, "{page}");
    let page = unescape(&page);
    assert!(page.contains("Bernasconi Maria"), "{page}");
    assert!(
        page.contains("Muster Musterfile"),
        "the payer's message, not a dash"
    );
    assert!(
        !page.contains("?REJECT?"),
        "PostFinance's ESR leftovers are not a message"
    );
    // The same payment in the .04 version: recognised, never booked twice.
    let sample_04 = std::fs::read(SAMPLE_08.replace(".001.08_", ".001.04_")).unwrap();
    let r = t
        .app
        .import_camt("postfinance-04.xml", &sample_04, None)
        .await
        .unwrap();
    assert_eq!((r.payments, r.duplicates), (1, 1));

    let extra = "<RltdPties><Dbtr><Pty><Nm>Treuhand Meier GmbH</Nm></Pty></Dbtr>\
        <DbtrAcct><Id><IBAN>CH2308307000289537320</IBAN></Id></DbtrAcct>\
        <UltmtDbtr><Pty><Nm>Müller Holding AG</Nm></Pty></UltmtDbtr></RltdPties>\
        <RmtInf><Ustrd>Spende Herbst</Ustrd><Strd><AddtlRmtInf>Auftrag 42 vom 17.11.</AddtlRmtInf></Strd></RmtInf>\
        <Chrgs><Rcrd><Amt Ccy=\"CHF\">2.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd></Rcrd>\
        <Rcrd><Amt Ccy=\"CHF\">1.25</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>false</ChrgInclInd></Rcrd></Chrgs>";
    let file = credit("details", "98.00", "CHF", extra);
    let r = t
        .app
        .import_camt("details.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(
        (r.payments, r.exceptions),
        (1, 1),
        "unknown payer: for an operator"
    );
    let page = t.operator("/admin/bank").await.get("/admin/bank").await;
    let page = unescape(&page.body);
    let queue = &page[page.find("Treuhand Meier GmbH").expect("listed")..];
    let row = &queue[..queue.find("</tr>").unwrap()];
    for shown in [
        "Müller Holding AG",
        "Spende Herbst",
        "Auftrag 42 vom 17.11.",
        "2.00 CHF",
        "1.25 CHF",
    ] {
        assert!(row.contains(shown), "{shown} in {row}");
    }
    assert_eq!(row.matches("class=\"charges\"").count(), 2, "{row}");
    // The 1.25 the bank debited besides the payment is a bank fee; the 2.00 already deducted is not
    // booked again. Imported again, nothing more.
    assert_eq!(fees(&t, Currency::Chf).await, 125);
    let again = t
        .app
        .import_camt("details.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(again.duplicates, 1);
    assert_eq!(fees(&t, Currency::Chf).await, 125);
    books_balance(&t).await;
}

/// Without a structured reference, the invoice a payer names in the message (its number, or its
/// QR or creditor reference typed in) is paid when the amount and currency are exact and nothing
/// else is named; otherwise the payment waits for an operator, told what was found.
async fn an_invoice_named_in_the_message_is_paid_only_when_exact(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    let invoice = |org: &OrgFixture| format!("/api/v1/orgs/{}/invoices/{}", org.id, org.invoice);
    let inv_a = api
        .api("GET", &invoice(&w.a), &w.a.lr().token, None)
        .await
        .json();
    let inv_b = api
        .api("GET", &invoice(&w.b), &w.b.lr().token, None)
        .await
        .json();
    let (number_a, number_b) = (
        inv_a["number"].as_str().unwrap(),
        inv_b["number"].as_str().unwrap(),
    );
    let gross_a = inv_a["gross_minor"].as_i64().unwrap();
    let amount = |minor: i64| format!("{}.{:02}", minor / 100, minor % 100);
    let payer = "<RltdPties><Dbtr><Pty><Nm>Someone</Nm></Pty></Dbtr></RltdPties>";
    // Both invoices named: for an operator, whatever the amount.
    let both = credit(
        "both",
        &amount(gross_a),
        "CHF",
        &format!("{payer}<RmtInf><Ustrd>Rechnungen {number_a} und {number_b}</Ustrd></RmtInf>"),
    );
    let r = t
        .app
        .import_camt("both.xml", both.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (0, 1));
    // Invoice A named with another amount: for an operator, the invoice stays open.
    let short = credit(
        "short",
        &amount(gross_a - 100),
        "CHF",
        &format!("{payer}<RmtInf><Ustrd>Rechnung {number_a}</Ustrd></RmtInf>"),
    );
    let r = t
        .app
        .import_camt("short.xml", short.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (0, 1));
    let status = |v: serde_json::Value| v["status"].as_str().unwrap().to_string();
    assert_eq!(
        status(
            api.api("GET", &invoice(&w.a), &w.a.lr().token, None)
                .await
                .json()
        ),
        "unpaid"
    );
    let ops = t.operator("/admin/bank").await.get("/admin/bank").await;
    assert!(
        ops.body
            .contains(&format!("the message names invoice {number_a}")),
        "the operator is told what was found"
    );
    assert!(
        ops.body.contains(&format!("({number_a}, {number_b})"))
            || ops.body.contains(&format!("({number_b}, {number_a})"))
    );
    // Named with the exact amount, in the structured message: paid.
    let exact = credit(
        "exact",
        &amount(gross_a),
        "CHF",
        &format!(
            "{payer}<RmtInf><Strd><AddtlRmtInf>Facture {number_a}, merci</AddtlRmtInf></Strd></RmtInf>"
        ),
    );
    let r = t
        .app
        .import_camt("exact.xml", exact.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (1, 0));
    assert_eq!(
        status(
            api.api("GET", &invoice(&w.a), &w.a.lr().token, None)
                .await
                .json()
        ),
        "paid"
    );
    // A top-up whose QR reference the payer typed (in groups) into the message: its Organization.
    let req = api
        .api(
            "GET",
            &format!(
                "/api/v1/orgs/{}/prepaid/transfer-requests/{}",
                w.a.id, w.a.request
            ),
            &w.a.lr().token,
            None,
        )
        .await
        .json();
    let qrr = req["reference"].as_str().unwrap();
    let groups: Vec<&str> = std::iter::once(&qrr[..2])
        .chain(
            qrr.as_bytes()[2..]
                .chunks(5)
                .map(|c| std::str::from_utf8(c).unwrap()),
        )
        .collect();
    let grouped = groups.join(" ");
    let top_up = credit(
        "top-up",
        "30.00",
        "CHF",
        &format!("{payer}<RmtInf><Ustrd>Aufladung {grouped}</Ustrd></RmtInf>"),
    );
    let prepaid = format!("/api/v1/orgs/{}/prepaid", w.a.id);
    let before = api.api("GET", &prepaid, &w.a.lr().token, None).await.json()["balance"]["minor"]
        .as_i64()
        .unwrap();
    let r = t
        .app
        .import_camt("top-up.xml", top_up.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (1, 0), "{grouped}");
    let after = api.api("GET", &prepaid, &w.a.lr().token, None).await.json()["balance"]["minor"]
        .as_i64()
        .unwrap();
    assert_eq!(after - before, 3000);
    books_balance(&t).await;
}
