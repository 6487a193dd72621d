//! Bank statements in (REM-01…04, PP-05): payments with our reference credit the right prepaid
//! account once, however often the file is imported; unknown payers wait for an operator, who places
//! them (audited); a payer placed once is recognised next time; hostile files are refused.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use std::process::Command;

both_backends!(a_statement_credits_by_reference_once_and_operators_place_the_rest);

const SAMPLE_04: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/testdata/camt/camt054.001.04_postfinance_ustrd.xml"
);
const SAMPLE_08: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/testdata/camt/camt054.001.08_postfinance_ustrd.xml"
);

/// A camt.054.001.08 notification of one booked credit.
pub fn camt054(
    id: &str,
    amount: &str,
    currency: &str,
    reference: Option<(&str, &str)>,
    payer: &str,
    iban: &str,
) -> String {
    let rmt = match reference {
        Some(("QRR", r)) => format!(
            "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>{r}</Ref></CdtrRefInf></Strd></RmtInf>"
        ),
        Some((_, r)) => format!(
            "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{r}</Ref></CdtrRefInf></Strd></RmtInf>"
        ),
        None => "<RmtInf><Ustrd>Abonnement</Ustrd></RmtInf>".into(),
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
 <BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>2026-11-17T10:00:00</CreDtTm></GrpHdr>
  <Ntfctn>
   <Id>N-{id}</Id>
   <CreDtTm>2026-11-17T10:00:00</CreDtTm>
   <Acct><Id><IBAN>CH4431999123000889012</IBAN></Id></Acct>
   <Ntry>
    <Amt Ccy="{currency}">{amount}</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd>
    <Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-11-17</Dt></BookgDt>
    <ValDt><Dt>2026-11-17</Dt></ValDt>
    <AcctSvcrRef>E-{id}</AcctSvcrRef>
    <NtryDtls><TxDtls>
     <Refs><AcctSvcrRef>T-{id}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <Amt Ccy="{currency}">{amount}</Amt>
     <CdtDbtInd>CRDT</CdtDbtInd>
     <RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties>
     {rmt}
    </TxDtls></NtryDtls>
   </Ntry>
  </Ntfctn>
 </BkToCstmrDbtCdtNtfctn>
</Document>"#
    )
}

async fn balance(t: &TestApp, w: &crate::world::OrgFixture) -> serde_json::Value {
    t.client()
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", w.id),
            &w.lr().token,
            None,
        )
        .await
        .json()
}

async fn a_statement_credits_by_reference_once_and_operators_place_the_rest(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
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
    let reference = req["reference"].as_str().unwrap().to_string();
    let file = camt054(
        "1",
        "50.00",
        "CHF",
        Some(("QRR", &reference)),
        "Alpha SA",
        "CH5604835012345678009",
    );
    let r = t
        .app
        .import_camt("in-1.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.payments, r.credited, r.exceptions), (1, 1, 0));
    let b1 = balance(&t, &w.a).await;
    assert_eq!(b1["balance"]["minor"], 5_000);
    assert!(
        b1["movements"][0]["description"]
            .as_str()
            .unwrap()
            .contains(&reference)
    );
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
    assert_eq!(req["status"], "paid");
    // The same file again books nothing.
    let r = t
        .app
        .import_camt("in-1-again.xml", file.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.duplicates), (0, 1));
    assert_eq!(balance(&t, &w.a).await["balance"]["minor"], 5_000);
    // The same payer again, this time without a reference (a standing order): recognised by IBAN.
    let standing = camt054(
        "2",
        "30.00",
        "CHF",
        None,
        "Alpha SA",
        "CH5604835012345678009",
    );
    let r = t
        .app
        .import_camt("in-2.xml", standing.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(r.credited, 1);
    assert_eq!(balance(&t, &w.a).await["balance"]["minor"], 8_000);
    // The real PostFinance sample: no reference, unknown payer → the exceptions queue.
    let real = std::fs::read(SAMPLE_08).unwrap();
    let r = t
        .app
        .import_camt("postfinance.xml", &real, None)
        .await
        .unwrap();
    assert_eq!((r.payments, r.exceptions), (1, 1));
    // An operator places it on B's account (in CHF: prepaid accounts are per currency), with a reason.
    t.app
        .create_operator("ops@provider.example", "Ops", "operator-passphrase-2026")
        .await
        .unwrap();
    let mut ops = t.client();
    assert_eq!(
        ops.login("ops@provider.example", "operator-passphrase-2026")
            .await
            .status,
        303
    );
    let page = ops.get("/admin/bank").await;
    assert!(
        page.body.contains("Bernasconi Maria") && page.body.contains("501.05 CHF"),
        "{}",
        page.body
    );
    let id = page
        .body
        .split("/admin/bank/")
        .find_map(|s| s.split_once("/assign").map(|(id, _)| id.to_string()))
        .unwrap();
    assert_eq!(
        ops.post(
            &format!("/admin/bank/{id}/assign"),
            &[("org", &w.b.id.to_string()), ("note", "")]
        )
        .await
        .status,
        422
    );
    assert_eq!(
        ops.post(
            &format!("/admin/bank/{id}/assign"),
            &[("org", "not-an-id"), ("note", "x")]
        )
        .await
        .status,
        422
    );
    let r = ops
        .post(
            &format!("/admin/bank/{id}/assign"),
            &[
                ("org", &w.b.id.to_string()),
                ("note", "Called the customer: Mrs Bernasconi pays for Beta"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        ops.post(
            &format!("/admin/bank/{id}/assign"),
            &[("org", &w.b.id.to_string()), ("note", "twice")]
        )
        .await
        .status,
        409
    );
    let mut db = t.app.db.conn().await.unwrap();
    let chf_b =
        guichet_store::ledger::prepaid_balance(&mut db, w.b.id, guichet_core::Currency::Chf)
            .await
            .unwrap();
    assert_eq!(chf_b, 50_105);
    let log = guichet_store::audit::for_org(&mut db, w.b.id, 10)
        .await
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "bank.assigned" && e.detail.contains("Bernasconi")),
        "the placement is audited"
    );
    // The .04 version of the same payment is the same bank reference: not booked twice.
    let r = t
        .app
        .import_camt(
            "postfinance-04.xml",
            &std::fs::read(SAMPLE_04).unwrap(),
            None,
        )
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions, r.duplicates), (0, 0, 1), "{r:?}");
    assert!(
        guichet_store::ledger::audit(&mut db)
            .await
            .unwrap()
            .is_empty()
    );
    // Customers cannot reach the queue.
    let mut customer = t.client();
    customer.login_ok(&w.a.lr().email, PASSWORD).await;
    assert_eq!(customer.get("/admin/bank").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_statements_are_refused_whole_and_the_cli_reports_each_file() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>"#;
    let err = t
        .app
        .import_camt("evil.xml", xxe.as_bytes(), None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, guichet_app::AppError::Unreadable(ref m) if m.starts_with("evil.xml")),
        "{err:?}"
    );
    // Upload through the back office: refused with the reader's message, nothing recorded.
    t.app
        .create_operator("ops@provider.example", "Ops", "operator-passphrase-2026")
        .await
        .unwrap();
    let mut ops = t.client();
    ops.login("ops@provider.example", "operator-passphrase-2026")
        .await;
    ops.get("/admin/bank").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", ops.csrf.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(xxe.as_bytes().to_vec()).file_name("evil.xml"),
        );
    let cookie = ops
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let res = reqwest::Client::new()
        .post(format!("{}/admin/bank/import", t.url))
        .header("cookie", &cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("evil.xml"));
    // Without the token: 403.
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"<x/>".to_vec()).file_name("a.xml"),
    );
    let res = reqwest::Client::new()
        .post(format!("{}/admin/bank/import", t.url))
        .header("cookie", &cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    // The CLI: one good file, one hostile file → the good one is imported, the exit code says one failed.
    let dir = crate::harness::TempDir::new();
    let evil = dir.0.join("evil.xml");
    std::fs::write(&evil, xxe).unwrap();
    let db = format!("sqlite://{}", dir.0.join("cli.db").display());
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["import-camt", SAMPLE_08, evil.to_str().unwrap()])
        .env("GUICHET_DATABASE_URL", &db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("[1/2]")
            && err.contains("1 payments: 0 credited, 0 already imported, 1 to place by hand"),
        "{err}"
    );
    assert!(
        err.contains("[2/2]")
            && err.contains("refused")
            && err.contains("1 of 2 file(s) not imported"),
        "{err}"
    );
}
