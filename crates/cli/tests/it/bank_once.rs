//! Bank statements book each franc once (issue #11, acceptance 4 and the camt part of 3): a
//! collective camt.053 credit and its camt.054 details, in either order, are credited once; a
//! payment already credited or replaced cannot be placed by hand; two operators placing one entry
//! at once place it once; only camt.053/054 namespaces of a version we read are accepted; entries
//! of 0.00 or over the maximum are set aside and the rest of the file imports.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::Currency;
use guichet_core::status::bank_transaction::BankTransactionStatus as Status;
use std::process::Command;

both_backends!(
    a_collective_credit_and_its_details_are_credited_once_in_either_order,
    two_operators_placing_one_entry_place_it_once,
    zero_and_over_bound_entries_are_set_aside_and_the_rest_imports,
    wrong_namespaces_are_refused_with_what_was_found,
);

const NS053: &str = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
const NS054: &str = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

/// A credit entry; `details` are `(bank ref, amount, reference)` transaction details.
fn entry(
    bank_ref: &str,
    amount: &str,
    details_msg: Option<&str>,
    details: &[(&str, &str, Option<&str>)],
) -> String {
    let indicator = details_msg
        .map(|m| {
            format!("<AddtlInfInd><MsgNmId>camt.054</MsgNmId><MsgId>{m}</MsgId></AddtlInfInd>")
        })
        .unwrap_or_default();
    let txs: String = details
        .iter()
        .map(|(r, a, qrr)| {
            let rmt = qrr.map_or_else(|| "<RmtInf><Ustrd>Sans reference</Ustrd></RmtInf>".into(), |q| format!("<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>{q}</Ref></CdtrRefInf></Strd></RmtInf>"));
            format!(
                "<TxDtls><Refs><AcctSvcrRef>{r}</AcctSvcrRef></Refs><Amt Ccy=\"CHF\">{a}</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
                 <RltdPties><Dbtr><Pty><Nm>Payeur Inconnu</Nm></Pty></Dbtr></RltdPties>{rmt}</TxDtls>"
            )
        })
        .collect();
    let dtls = if txs.is_empty() {
        String::new()
    } else {
        format!("<NtryDtls>{txs}</NtryDtls>")
    };
    format!(
        "<Ntry><Amt Ccy=\"CHF\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
         <BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>{bank_ref}</AcctSvcrRef>\
         <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>\
         {dtls}{indicator}</Ntry>"
    )
}

/// A whole file: a camt.053 statement or a camt.054 notification of `entries`.
fn file(ns: &str, msg_id: &str, report_id: &str, entries: &[String]) -> String {
    let (root, report) = if ns.contains("camt.053") {
        ("BkToCstmrStmt", "Stmt")
    } else {
        ("BkToCstmrDbtCdtNtfctn", "Ntfctn")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"{ns}\"><{root}>\
         <GrpHdr><MsgId>{msg_id}</MsgId><CreDtTm>2026-11-17T10:00:00</CreDtTm></GrpHdr>\
         <{report}><Id>{report_id}</Id><Acct><Id><IBAN>CH4431999123000889012</IBAN></Id></Acct>{}</{report}>\
         </{root}></Document>",
        entries.concat()
    )
}

async fn chf(t: &TestApp, org: guichet_core::OrgId) -> i64 {
    let mut db = t.app.db.conn().await.unwrap();
    guichet_store::ledger::prepaid_balance(&mut db, org, Currency::Chf)
        .await
        .unwrap()
}

async fn books_balance(t: &TestApp) {
    let mut db = t.app.db.conn().await.unwrap();
    let problems = guichet_store::ledger::audit(&mut db).await.unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

async fn with_status(
    t: &TestApp,
    s: Status,
) -> Vec<guichet_store::bank_transactions::BankTransaction> {
    let mut db = t.app.db.conn().await.unwrap();
    guichet_store::bank_transactions::with_status(&mut db, s, 100)
        .await
        .unwrap()
}

/// The QR reference of Organization A's top-up request.
async fn reference_of_a(t: &TestApp, w: &crate::world::World) -> String {
    t.client()
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
        .json()["reference"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn a_collective_credit_and_its_details_are_credited_once_in_either_order(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let qrr = reference_of_a(&t, &w).await;
    let mut ops = t.operator("/admin/bank").await;
    // Order 1: the statement with the collective credit first, its camt.054 later.
    let statement = file(
        NS053,
        "S-1",
        "ST-1",
        &[entry("COLL-1", "60.00", Some("N-1"), &[])],
    );
    let details = file(
        NS054,
        "N-1_1",
        "N-1",
        &[entry(
            "COLL-1",
            "60.00",
            None,
            &[("TX-1", "60.00", Some(&qrr))],
        )],
    );
    let r = t
        .app
        .import_camt("s1.xml", statement.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(
        (r.payments, r.credited, r.exceptions, r.collective),
        (1, 0, 0, 1),
        "{r:?}"
    );
    assert_eq!(chf(&t, w.a.id).await, 0);
    // The operator sees it waiting for its details, with no way to place it.
    let page = ops.get("/admin/bank").await;
    assert!(
        page.body.contains("N-1") && page.body.contains("60.00 CHF"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("/assign"),
        "a collective credit is never placeable"
    );
    let r = t
        .app
        .import_camt("n1.xml", details.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.collective), (1, 1), "{r:?}");
    assert_eq!(chf(&t, w.a.id).await, 6_000);
    let replaced = with_status(&t, Status::ReplacedByDetails).await;
    assert_eq!(replaced.len(), 1);
    assert!(with_status(&t, Status::AwaitingDetails).await.is_empty());
    // Placing the replaced collective entry by hand: 409, nothing moves.
    let res = ops
        .post(
            &format!("/admin/bank/{}/assign", replaced[0].id),
            &[("org", &w.a.id.to_string()), ("note", "looks unplaced")],
        )
        .await;
    assert_eq!(res.status, 409);
    assert_eq!(chf(&t, w.a.id).await, 6_000);
    // Neither file again books anything.
    for (name, f) in [("s1b.xml", &statement), ("n1b.xml", &details)] {
        let r = t.app.import_camt(name, f.as_bytes(), None).await.unwrap();
        assert_eq!(r.credited, 0, "{r:?}");
    }
    assert_eq!(chf(&t, w.a.id).await, 6_000);

    // Order 2: the camt.054 first (details of a payment from an unknown payer), the statement later.
    let details = file(
        NS054,
        "N-2_1",
        "N-2",
        &[entry("COLL-2", "50.00", None, &[("TX-2", "50.00", None)])],
    );
    let statement = file(
        NS053,
        "S-2",
        "ST-2",
        &[entry("COLL-2", "50.00", Some("N-2"), &[])],
    );
    let r = t
        .app
        .import_camt("n2.xml", details.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions), (0, 1), "{r:?}");
    let r = t
        .app
        .import_camt("s2.xml", statement.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.credited, r.exceptions, r.collective), (0, 0, 1), "{r:?}");
    // One entry to place (the detail), the collective one recognised and not queued.
    let queue = with_status(&t, Status::Exception).await;
    assert_eq!(queue.len(), 1, "{queue:?}");
    assert_eq!(queue[0].bank_key, "TX-2");
    assert_eq!(with_status(&t, Status::ReplacedByDetails).await.len(), 2);
    let res = ops
        .post(
            &format!("/admin/bank/{}/assign", queue[0].id),
            &[
                ("org", &w.b.id.to_string()),
                ("note", "Beta confirmed by phone"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    // The detail placed once; the collective and the detail again: 409, nothing moves.
    let collective = with_status(&t, Status::ReplacedByDetails)
        .await
        .into_iter()
        .find(|x| x.bank_key.starts_with("COLL-2"))
        .unwrap();
    for id in [&queue[0].id, &collective.id] {
        let res = ops
            .post(
                &format!("/admin/bank/{id}/assign"),
                &[("org", &w.b.id.to_string()), ("note", "again")],
            )
            .await;
        assert_eq!(res.status, 409);
    }
    assert_eq!(chf(&t, w.b.id).await, 5_000);
    assert_eq!(chf(&t, w.a.id).await, 6_000);
    books_balance(&t).await;
}

async fn two_operators_placing_one_entry_place_it_once(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let f = file(
        NS054,
        "N-3_1",
        "N-3",
        &[entry("E-3", "75.00", None, &[("TX-3", "75.00", None)])],
    );
    let r = t
        .app
        .import_camt("n3.xml", f.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(r.exceptions, 1);
    let id = with_status(&t, Status::Exception).await[0].id;
    for round in 0..3 {
        let mut one = t.operator("/admin/bank").await;
        let mut two = t.operator("/admin/bank").await;
        let path = format!("/admin/bank/{id}/assign");
        // Different Organizations, so not even the ledger's idempotency key would save us.
        let (a_id, b_id) = (w.a.id.to_string(), w.b.id.to_string());
        let f1 = [("org", a_id.as_str()), ("note", "first operator")];
        let f2 = [("org", b_id.as_str()), ("note", "second operator")];
        let (r1, r2) = tokio::join!(one.post(&path, &f1), two.post(&path, &f2));
        let mut statuses = [r1.status, r2.status];
        statuses.sort_unstable();
        if round == 0 {
            assert_eq!(statuses, [303, 409], "exactly one placement applies");
        } else {
            assert_eq!(statuses, [409, 409], "placed already");
        }
    }
    let total = chf(&t, w.a.id).await + chf(&t, w.b.id).await;
    assert_eq!(total, 7_500, "credited once, to one Organization");
    let assigned = with_status(&t, Status::Assigned).await;
    assert_eq!(assigned.len(), 1);
    assert!(assigned[0].credited_entry.is_some());
    books_balance(&t).await;
}

async fn zero_and_over_bound_entries_are_set_aside_and_the_rest_imports(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let qrr = reference_of_a(&t, &w).await;
    let f = file(
        NS054,
        "N-4_1",
        "N-4",
        &[
            entry("E-4a", "0.00", None, &[("TX-4a", "0.00", Some(&qrr))]),
            entry(
                "E-4b",
                "2000000000.00",
                None,
                &[("TX-4b", "2000000000.00", Some(&qrr))],
            ),
            entry("E-4c", "40.00", None, &[("TX-4c", "40.00", Some(&qrr))]),
        ],
    );
    let r = t
        .app
        .import_camt("n4.xml", f.as_bytes(), None)
        .await
        .unwrap();
    assert_eq!((r.payments, r.credited, r.set_aside), (3, 1, 2), "{r:?}");
    assert_eq!(chf(&t, w.a.id).await, 4_000);
    let aside = with_status(&t, Status::SetAside).await;
    assert_eq!(aside.len(), 2);
    let mut ops = t.operator("/admin/bank").await;
    let page = ops.get("/admin/bank").await;
    assert!(
        page.body.contains("set aside: amount 0.00")
            && page.body.contains("set aside: amount over the maximum")
            && page.body.contains("2 000 000 000.00 CHF") | page.body.contains("2000000000.00 CHF"),
        "{}",
        page.body
    );
    // A set-aside entry is never placed by hand.
    for t_ in &aside {
        let res = ops
            .post(
                &format!("/admin/bank/{}/assign", t_.id),
                &[("org", &w.a.id.to_string()), ("note", "try")],
            )
            .await;
        assert_eq!(res.status, 409);
    }
    assert_eq!(chf(&t, w.a.id).await, 4_000);
    books_balance(&t).await;
}

async fn wrong_namespaces_are_refused_with_what_was_found(b: Backend) {
    let t = TestApp::spawn(b).await;
    let _w = world(&t).await;
    let body = |ns: &str| {
        file(
            NS054,
            "N-5_1",
            "N-5",
            &[entry("E-5", "10.00", None, &[("TX-5", "10.00", None)])],
        )
        .replace(NS054, ns)
    };
    for ns in [
        "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08",
        "urn:evil:camt.054",
    ] {
        let err = t
            .app
            .import_camt("odd.xml", body(ns).as_bytes(), None)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, guichet_app::AppError::Unreadable(m) if m.contains("namespace") && m.contains(ns)),
            "{err:?}"
        );
        // The back-office upload shows the message, records nothing.
        let ops = t.operator("/admin/bank").await;
        let form = reqwest::multipart::Form::new()
            .text("csrf", ops.csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(body(ns).into_bytes()).file_name("odd.xml"),
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
        let text = res.text().await.unwrap();
        assert!(text.contains("namespace") && text.contains(ns), "{text}");
    }
    assert!(with_status(&t, Status::Exception).await.is_empty());
    // No namespace at all.
    let bare = body("").replace(" xmlns=\"\"", "");
    let err = t
        .app
        .import_camt("bare.xml", bare.as_bytes(), None)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, guichet_app::AppError::Unreadable(m) if m.contains("namespace \"\"")),
        "{err:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_refuses_a_camt052_and_names_the_namespace() {
    let dir = crate::harness::TempDir::new();
    let good = dir.0.join("good.xml");
    let odd = dir.0.join("camt052.xml");
    std::fs::write(
        &good,
        file(
            NS054,
            "N-6_1",
            "N-6",
            &[entry("E-6", "10.00", None, &[("TX-6", "10.00", None)])],
        ),
    )
    .unwrap();
    let ns052 = "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08";
    std::fs::write(
        &odd,
        file(NS054, "N-7_1", "N-7", &[entry("E-7", "10.00", None, &[])]).replace(NS054, ns052),
    )
    .unwrap();
    let db = format!("sqlite://{}", dir.0.join("cli.db").display());
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["import-camt", good.to_str().unwrap(), odd.to_str().unwrap()])
        .env("GUICHET_DATABASE_URL", &db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("camt052.xml") && err.contains(ns052) && err.contains("namespace"),
        "{err}"
    );
    assert!(
        err.contains("1 payments"),
        "the good file is imported: {err}"
    );
}
