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
    let mut ops = t.operator("/admin/bank").await;
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
    let ops = t.operator("/admin/bank").await;
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
    let res = crate::harness::http()
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
    let res = crate::harness::http()
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

mod payouts {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::world;
    use serde_json::json;

    both_backends!(approved_withdrawals_leave_as_a_pain001_file_and_the_bank_debit_completes_them);

    fn camt054_debit(id: &str, amount: &str, end_to_end: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
 <GrpHdr><MsgId>MSG-D{id}</MsgId><CreDtTm>2026-11-18T10:00:00</CreDtTm></GrpHdr>
 <Ntfctn><Id>N-D{id}</Id><CreDtTm>2026-11-18T10:00:00</CreDtTm><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
  <Ntry><Amt Ccy="CHF">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
   <BookgDt><Dt>2026-11-18</Dt></BookgDt><ValDt><Dt>2026-11-18</Dt></ValDt><AcctSvcrRef>D-{id}</AcctSvcrRef>
   <NtryDtls><TxDtls><Refs><AcctSvcrRef>DT-{id}</AcctSvcrRef><EndToEndId>{end_to_end}</EndToEndId></Refs>
    <Amt Ccy="CHF">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>
 </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"#
        )
    }

    async fn approved_withdrawals_leave_as_a_pain001_file_and_the_bank_debit_completes_them(
        b: Backend,
    ) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut api = t.client();
        let top = json!({"amount_minor": 100_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
        let r = api
            .api_with_headers(
                "POST",
                &format!("/api/v1/orgs/{}/prepaid/top-ups", w.a.id),
                &w.a.lr().token,
                Some(top),
                &[("idempotency-key", "t1")],
            )
            .await;
        assert_eq!(r.status, 201);
        let wd = json!({"amount_minor": 40_000, "method": "iban", "destination": "CH56 0483 5012 3456 7800 9", "holder": w.a.name});
        let r = api
            .api_with_headers(
                "POST",
                &format!("/api/v1/orgs/{}/withdrawals", w.a.id),
                &w.a.lr().token,
                Some(wd),
                &[("idempotency-key", "w1")],
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let id = r.json()["id"].as_str().unwrap().to_string();
        let mut ops = t.operator("/admin/withdrawals").await;
        assert_eq!(
            ops.post("/admin/payouts", &[]).await.location(),
            "/admin/withdrawals?done=admin.payouts_none",
            "nothing approved yet"
        );
        assert_eq!(
            ops.post(
                &format!("/admin/withdrawals/{id}/decide"),
                &[("decision", "approve")]
            )
            .await
            .status,
            303
        );
        assert_eq!(
            ops.post("/admin/payouts", &[]).await.location(),
            "/admin/withdrawals?done=admin.payouts_written"
        );
        let page = ops.get("/admin/withdrawals").await;
        let file = page
            .body
            .split("/admin/payouts/")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap()
            .to_string();
        let xml = ops.get(&format!("/admin/payouts/{file}/file")).await;
        assert!(
            xml.headers["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        let e2e =
            guichet_app::payouts::end_to_end_id(id.parse::<guichet_core::WithdrawalId>().unwrap());
        for needle in [
            "pain.001.001.09",
            "CH5604835012345678009",
            ">400.00<",
            &e2e,
            // Debited from the CHF payout account (GUICHET_PAYOUT_IBAN_CHF), never from the
            // EUR account (issue #15).
            "<DbtrAcct><Id><IBAN>CH4708390012345678901</IBAN></Id></DbtrAcct>",
        ] {
            assert!(xml.body.contains(needle), "{needle} in {}", xml.body);
        }
        assert!(!xml.body.contains("CH9300762011623852957"), "{}", xml.body);
        async fn status(t: &TestApp, org: guichet_core::OrgId, token: &str) -> String {
            let r = t
                .client()
                .api(
                    "GET",
                    &format!("/api/v1/orgs/{org}/withdrawals"),
                    token,
                    None,
                )
                .await;
            r.json()["withdrawals"][0]["status"]
                .as_str()
                .unwrap()
                .to_string()
        }
        assert_eq!(status(&t, w.a.id, &w.a.lr().token).await, "in_transit");
        // A second file carries nothing new.
        assert_eq!(
            t.app
                .export_payouts(None)
                .await
                .unwrap()
                .file
                .map(|f| f.payouts),
            None
        );
        // The bank reports the debit: the payout is complete; reported twice, booked once.
        let debit = camt054_debit("1", "400.00", &e2e);
        let r = t
            .app
            .import_camt("out-1.xml", debit.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!((r.payouts, r.exceptions), (1, 0));
        assert_eq!(status(&t, w.a.id, &w.a.lr().token).await, "paid");
        assert_eq!(
            t.app
                .import_camt("out-1.xml", debit.as_bytes(), None)
                .await
                .unwrap()
                .duplicates,
            1
        );
        let mut db = t.app.db.conn().await.unwrap();
        assert!(
            guichet_store::ledger::audit(&mut db)
                .await
                .unwrap()
                .is_empty()
        );
        let transit = guichet_core::ledger::AccountRef::provider(
            guichet_core::ledger::AccountKind::PayoutsInTransit,
            guichet_core::Currency::Chf,
        );
        assert_eq!(
            guichet_store::ledger::balance(&mut db, &transit)
                .await
                .unwrap(),
            0,
            "nothing left in transit"
        );
        assert_eq!(
            guichet_store::ledger::prepaid_balance(&mut db, w.a.id, guichet_core::Currency::Chf)
                .await
                .unwrap(),
            60_000
        );
    }
}

mod invoices {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::world;

    both_backends!(
        a_transfer_with_an_invoice_reference_pays_it_or_is_credited_with_an_explanation,
        too_much_or_another_currency_goes_to_the_prepaid_account_and_the_invoice_stays_open
    );

    /// REM-03, the two cases not covered above: more than due, and the invoice's reference with the
    /// right figure in another currency. Both credit the prepaid account (in the currency received),
    /// leave the invoice open and tell the customer why; the customer then pays from the balance.
    async fn too_much_or_another_currency_goes_to_the_prepaid_account_and_the_invoice_stays_open(
        b: Backend,
    ) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut api = t.client();
        let lr = t
            .app
            .actor(w.a.lr().id, w.a.id, guichet_app::Origin::default())
            .await
            .unwrap();
        let offer = t.app.catalogue(&lr).await.unwrap()[0].id;
        let second = t.app.order_product(&lr, offer, 12, None).await.unwrap().1;
        let get = |id: &str| format!("/api/v1/orgs/{}/invoices/{id}", w.a.id);
        let inv1 = api
            .api("GET", &get(&w.a.invoice.to_string()), &w.a.lr().token, None)
            .await
            .json();
        let inv2 = api
            .api("GET", &get(&second.to_string()), &w.a.lr().token, None)
            .await
            .json();
        let amount = |minor: i64| format!("{}.{:02}", minor / 100, minor % 100);
        let gross = inv1["gross_minor"].as_i64().unwrap();
        // Ten francs too much.
        let file = super::camt054(
            "over",
            &amount(gross + 1_000),
            "CHF",
            Some(("QRR", inv1["payment_reference"].as_str().unwrap())),
            "Alpha SA",
            "CH5604835012345678009",
        );
        let r = t
            .app
            .import_camt("over.xml", file.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!((r.credited, r.exceptions), (1, 0));
        // The right figure for the second invoice, in euros.
        let file = super::camt054(
            "ccy",
            &amount(inv2["gross_minor"].as_i64().unwrap()),
            "EUR",
            Some(("QRR", inv2["payment_reference"].as_str().unwrap())),
            "Alpha SA",
            "CH5604835012345678009",
        );
        let r = t
            .app
            .import_camt("ccy.xml", file.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!((r.credited, r.exceptions), (1, 0));
        for id in [&w.a.invoice, &second] {
            let inv = api
                .api("GET", &get(&id.to_string()), &w.a.lr().token, None)
                .await
                .json();
            assert_eq!(inv["status"], "unpaid", "{inv}");
        }
        let mut db = t.app.db.conn().await.unwrap();
        use guichet_core::Currency::{Chf, Eur};
        assert_eq!(
            guichet_store::ledger::prepaid_balance(&mut db, w.a.id, Chf)
                .await
                .unwrap(),
            gross + 1_000
        );
        assert_eq!(
            guichet_store::ledger::prepaid_balance(&mut db, w.a.id, Eur)
                .await
                .unwrap(),
            inv2["gross_minor"].as_i64().unwrap()
        );
        let mails = t.mails_to(&w.a.lr().email).await;
        let of_kind = |kind: &str| mails.iter().filter(|m| m.kind == kind).collect::<Vec<_>>();
        let (mismatch, other) = (
            of_kind("payment_mismatch"),
            of_kind("payment_other_currency"),
        );
        assert_eq!((mismatch.len(), other.len()), (1, 1));
        assert!(
            mismatch[0]
                .subject
                .contains(inv1["number"].as_str().unwrap())
                && mismatch[0].body.contains("CHF prepaid balance"),
            "{}",
            mismatch[0].body
        );
        // Euros never pay a franc invoice: the e-mail says it is still due and where the euros are.
        assert!(
            other[0].subject.contains(inv2["number"].as_str().unwrap())
                && other[0].body.contains("EUR prepaid balance")
                && other[0].body.contains("still due"),
            "{}",
            other[0].body
        );
        // Paid from the balance in one click: the ten francs stay on the account.
        let r = api
            .api_with_headers(
                "POST",
                &format!("{}/pay", get(&w.a.invoice.to_string())),
                &w.a.lr().token,
                None,
                &[("idempotency-key", "over-1")],
            )
            .await;
        assert!(r.status < 300, "{}", r.body);
        assert_eq!(
            api.api("GET", &get(&w.a.invoice.to_string()), &w.a.lr().token, None)
                .await
                .json()["status"],
            "paid"
        );
        assert_eq!(
            guichet_store::ledger::prepaid_balance(&mut db, w.a.id, Chf)
                .await
                .unwrap(),
            1_000
        );
        assert!(
            guichet_store::ledger::audit(&mut db)
                .await
                .unwrap()
                .is_empty()
        );
    }

    async fn a_transfer_with_an_invoice_reference_pays_it_or_is_credited_with_an_explanation(
        b: Backend,
    ) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut api = t.client();
        let get =
            |org: guichet_core::OrgId, id: String| format!("/api/v1/orgs/{org}/invoices/{id}");
        let inv_a = api
            .api(
                "GET",
                &get(w.a.id, w.a.invoice.clone().to_string()),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        let amount = |minor: i64| format!("{}.{:02}", minor / 100, minor % 100);
        // Exact amount and currency (CHF): the invoice is paid and its product activated (REM-02).
        let gross_a = inv_a["gross_minor"].as_i64().unwrap();
        let file = super::camt054(
            "inv-a",
            &amount(gross_a),
            "CHF",
            Some(("QRR", inv_a["payment_reference"].as_str().unwrap())),
            "Alpha SA",
            "CH5604835012345678009",
        );
        let r = t
            .app
            .import_camt("a.xml", file.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!(r.credited, 1);
        let inv_a = api
            .api(
                "GET",
                &get(w.a.id, w.a.invoice.clone().to_string()),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(inv_a["status"], "paid");
        let products = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/products", w.a.id),
                &w.a.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(products["products"][0]["state"], "active");
        assert_eq!(
            api.api(
                "GET",
                &format!("/api/v1/orgs/{}/prepaid", w.a.id),
                &w.a.lr().token,
                None
            )
            .await
            .json()["balance"]["minor"],
            0
        );
        // Ten euros short (EUR, RF reference): credited to the prepaid account, invoice open, e-mail (REM-03).
        let inv_b = api
            .api(
                "GET",
                &get(w.b.id, w.b.invoice.clone().to_string()),
                &w.b.lr().token,
                None,
            )
            .await
            .json();
        let gross_b = inv_b["gross_minor"].as_i64().unwrap();
        let file = super::camt054(
            "inv-b",
            &amount(gross_b - 1_000),
            "EUR",
            Some(("SCOR", inv_b["payment_reference"].as_str().unwrap())),
            "Beta",
            "FR7630006000011234567890189",
        );
        t.app
            .import_camt("b.xml", file.as_bytes(), None)
            .await
            .unwrap();
        let inv_b = api
            .api(
                "GET",
                &get(w.b.id, w.b.invoice.clone().to_string()),
                &w.b.lr().token,
                None,
            )
            .await
            .json();
        assert_eq!(inv_b["status"], "unpaid");
        assert_eq!(
            api.api(
                "GET",
                &format!("/api/v1/orgs/{}/prepaid", w.b.id),
                &w.b.lr().token,
                None
            )
            .await
            .json()["balance"]["minor"],
            gross_b - 1_000
        );
        let mail = &t.mails_to(&w.b.lr().email).await[0];
        assert!(
            mail.subject.contains(inv_b["number"].as_str().unwrap()),
            "{}",
            mail.subject
        );
        let mut db = t.app.db.conn().await.unwrap();
        let code = guichet_store::users::by_id(&mut db, w.b.lr().id)
            .await
            .unwrap()
            .unwrap()
            .support_code;
        assert!(
            mail.body.contains(&code),
            "the recipient's support code is in the e-mail (REM-06)"
        );
        assert!(
            !mail.body.contains("http"),
            "no payment link in a billing e-mail"
        );
        assert!(
            guichet_store::ledger::audit(&mut db)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

/// Issue #4, acceptance 3: a generated camt.054 of many entries paying open invoices is imported
/// whole; the same file again books nothing. (Its speed is measured by `guichet bench import-camt`,
/// never by a test.)
mod volume {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::world;
    use std::process::Command;

    both_backends!(a_generated_notification_of_two_thousand_entries_pays_each_invoice_once);

    async fn a_generated_notification_of_two_thousand_entries_pays_each_invoice_once(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        const N: usize = 2_000;
        let payments = guichet_bench::camt::seed_open_invoices(&t.app, N, 7)
            .await
            .unwrap();
        let xml = guichet_bench::camt::camt054("VOL-1", &payments);
        let open_before = {
            let mut c = t.app.db.conn().await.unwrap();
            guichet_store::billing::open_due_by(
                &mut c,
                "9999-12-31".parse().unwrap(),
                10 * N as i64,
            )
            .await
            .unwrap()
            .len()
        };
        assert_eq!(
            open_before,
            N + 2,
            "the bench invoices and the fixture's two"
        );
        let r = t
            .app
            .import_camt("volume.xml", xml.as_bytes(), None)
            .await
            .unwrap();
        assert_eq!((r.payments, r.credited, r.exceptions), (N, N, 0), "{r:?}");
        let mut c = t.app.db.conn().await.unwrap();
        let open = guichet_store::billing::open_due_by(
            &mut c,
            "9999-12-31".parse().unwrap(),
            10 * N as i64,
        )
        .await
        .unwrap();
        assert_eq!(open.len(), 2, "every bench invoice is paid");
        let balances = guichet_store::ledger::audit(&mut c).await.unwrap();
        assert!(balances.is_empty(), "{balances:?}");
        let clearing = guichet_core::ledger::AccountRef::provider(
            guichet_core::ledger::AccountKind::BankClearing,
            guichet_core::Currency::Chf,
        );
        let cleared = guichet_store::ledger::balance(&mut c, &clearing)
            .await
            .unwrap();
        // The same file again, through `guichet import-camt`: its progress line counts the
        // payments, every one a duplicate, nothing booked.
        let dir = crate::harness::TempDir::new();
        let again = dir.0.join("volume-again.xml");
        std::fs::write(&again, xml.as_bytes()).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("import-camt")
            .arg(&again)
            .env("GUICHET_DATABASE_URL", &t.config.database_url)
            .env("GUICHET_MAIL_DIR", dir.0.join("mail"))
            .env("GUICHET_LOG", "warn")
            .env_remove("GUICHET_CONFIG")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(
            err.contains("importing… 1000/2000 payments (50 %)")
                && err.contains("2000/2000 payments (100 %)")
                && err.contains("0 credited, 2000 already imported"),
            "{err}"
        );
        assert_eq!(
            guichet_store::ledger::balance(&mut c, &clearing)
                .await
                .unwrap(),
            cleared
        );
        // The generator of the command line pays the database's open invoices (the fixture's two).
        let file = dir.0.join("gen.xml");
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .args(["gen-camt054", "--entries", "10", "--out"])
            .arg(&file)
            .env("GUICHET_DATABASE_URL", &t.config.database_url)
            .env("GUICHET_MAIL_DIR", dir.0.join("mail"))
            .env_remove("GUICHET_CONFIG")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r = t
            .app
            .import_camt("gen.xml", &std::fs::read(&file).unwrap(), None)
            .await
            .unwrap();
        assert_eq!((r.payments, r.credited), (2, 2), "{r:?}");
        for (org, id) in [(&w.a, &w.a.invoice), (&w.b, &w.b.invoice)] {
            let inv = guichet_store::billing::get_invoice(&mut c, org.id, *id)
                .await
                .unwrap()
                .unwrap()
                .0;
            assert_eq!(inv.status.as_str(), "paid");
        }
    }
}

/// Issue #4, acceptance 5: hostile statements given to the real `guichet import-camt` are refused with
/// a clear error, and the process never grows past 50 MB (its peak RSS, VmHWM); nothing is
/// fetched from the network. Timings are not asserted here (docs/PERFORMANCE.md has them).
mod hostile_cli {
    use crate::harness::TempDir;
    use std::process::{Command, Stdio};

    const HEAD: &str = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>";
    const TAIL: &str = "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>";
    const MAX_RSS_KIB: i64 = 50 * 1024;

    /// Runs `guichet import-camt FILE`; returns (success, stderr, peak RSS in KiB). The peak is the
    /// child's own `VmHWM` at exit (`GUICHET_REPORT_PEAK_RSS`): wait4's figure would include the test
    /// process's memory, which the child shares until exec.
    fn import(db: &str, file: &std::path::Path) -> (bool, String, i64) {
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("import-camt")
            .arg(file)
            .env("GUICHET_DATABASE_URL", db)
            .env("GUICHET_LOG", "warn")
            .env("GUICHET_REPORT_PEAK_RSS", "1")
            .env_remove("GUICHET_CONFIG")
            .stdout(Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let rss = err
            .lines()
            .find_map(|l| l.strip_prefix("guichet: peak RSS "))
            .and_then(|v| v.trim_end_matches(" kB").trim().parse::<i64>().ok())
            .unwrap_or_else(|| panic!("no peak RSS reported: {err}"));
        (out.status.success(), err, rss)
    }

    /// A fresh SQLite database `name` in `dir`, migrated by the real binary; its URL.
    fn migrated(dir: &TempDir, name: &str) -> String {
        let db = format!("sqlite://{}", dir.0.join(name).display());
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .arg("migrate")
            .env("GUICHET_DATABASE_URL", &db)
            .env_remove("GUICHET_CONFIG")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        db
    }

    #[test]
    fn the_real_binary_refuses_each_hostile_file_in_under_50_mb() {
        let dir = TempDir::new();
        let db = migrated(&dir, "hostile.db");
        // A listener the external entities point at: it must never see a connection.
        let trap = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        trap.set_nonblocking(true).unwrap();
        let port = trap.local_addr().unwrap().port();
        let mut laughs =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [\n<!ENTITY lol \"lol\">\n");
        for i in 1..=9 {
            let prev = if i == 1 {
                "lol".to_string()
            } else {
                format!("lol{}", i - 1)
            };
            laughs.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        laughs.push_str(&format!(
            "]>\n{HEAD}<Ntry><AddtlNtryInf>&lol9;</AddtlNtryInf></Ntry>{TAIL}"
        ));
        let nested = format!(
            "{HEAD}{}{}{TAIL}",
            "<Ntry>".repeat(100_000),
            "</Ntry>".repeat(100_000)
        );
        let cases: Vec<(&str, String, &str)> = vec![
            (
                "xxe-file.xml",
                format!(
                    "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{HEAD}<Ntry><AddtlNtryInf>&x;</AddtlNtryInf></Ntry>{TAIL}"
                ),
                "DOCTYPE declarations are not allowed",
            ),
            (
                "xxe-http.xml",
                format!(
                    "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"http://127.0.0.1:{port}/x\">]>{HEAD}<Ntry><AddtlNtryInf>&x;</AddtlNtryInf></Ntry>{TAIL}"
                ),
                "DOCTYPE declarations are not allowed",
            ),
            (
                "xxe-parameter.xml",
                format!(
                    "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY % p SYSTEM \"http://127.0.0.1:{port}/p.dtd\"> %p;]>{HEAD}{TAIL}"
                ),
                "DOCTYPE declarations are not allowed",
            ),
            (
                "billion-laughs.xml",
                laughs,
                "DOCTYPE declarations are not allowed",
            ),
            ("nested.xml", nested, "nested deeper than 64 levels"),
        ];
        let mut files: Vec<(std::path::PathBuf, &str)> = Vec::new();
        for (name, body, expected) in &cases {
            let path = dir.0.join(name);
            std::fs::write(&path, body).unwrap();
            files.push((path, expected));
        }
        // 200 MB: a real statement's beginning, then 200 MB of file (sparse: no disk is used).
        let big = dir.0.join("big.xml");
        std::fs::write(&big, format!("<?xml version=\"1.0\"?>{HEAD}")).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&big)
            .unwrap()
            .set_len(200 * 1024 * 1024)
            .unwrap();
        files.push((big, "larger than the limit"));
        for (path, expected) in &files {
            let (ok, err, rss) = import(&db, path);
            let name = path.file_name().unwrap().to_string_lossy();
            assert!(!ok, "{name} was accepted: {err}");
            assert!(
                err.contains("refused") && err.contains(expected),
                "{name}: {err}"
            );
            assert!(err.contains("1 of 1 file(s) not imported"), "{name}: {err}");
            assert!(
                rss < MAX_RSS_KIB,
                "{name}: peak RSS {rss} KiB is over 50 MB"
            );
            eprintln!("{name}: refused, peak RSS {rss} KiB");
        }
        assert!(
            matches!(trap.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
            "an external entity was fetched"
        );
    }

    /// A valid statement of 40 MB (2 000 payments, the rest of the file whitespace between
    /// entries, as some banks' exports have) is imported by the real binary in under 50 MB: the
    /// CLI streams the file from disk instead of reading it into memory first.
    #[test]
    fn the_real_binary_imports_a_40_mb_statement_in_under_50_mb() {
        let dir = TempDir::new();
        let db = migrated(&dir, "big.db");
        let one = super::camt054("X", "12.50", "CHF", None, "Payer", "CH9300762011623852957");
        let (head, rest) = one.split_at(one.find("<Ntry>").unwrap());
        let end = rest.find("</Ntry>").unwrap() + "</Ntry>".len();
        let (entry, tail) = rest.split_at(end);
        let padding = " ".repeat(20 * 1024) + "\n";
        let mut body = String::from(head);
        for i in 0..2_000 {
            body.push_str(
                &entry
                    .replace("E-X", &format!("E-{i}"))
                    .replace("T-X", &format!("T-{i}")),
            );
            body.push_str(&padding);
        }
        body.push_str(tail);
        assert!(body.len() > 40 * 1024 * 1024, "{} bytes", body.len());
        let path = dir.0.join("big-valid.xml");
        std::fs::write(&path, &body).unwrap();
        drop(body);
        let (ok, err, rss) = import(&db, &path);
        assert!(ok, "{err}");
        assert!(err.contains("2000 payments"), "{err}");
        assert!(
            rss < MAX_RSS_KIB,
            "a 40 MB statement took a peak RSS of {rss} KiB (limit 50 MB)"
        );
        eprintln!("40 MB statement: imported, peak RSS {rss} KiB");
    }
}
