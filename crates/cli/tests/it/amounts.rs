//! Amounts at the edge (issue #11 item 3, RELIABILITY #14/#27): every API route and Manager form that
//! takes an amount refuses 0, negatives, one minor unit past the maximum, `i64::MAX`, 1e30, too many
//! decimals and non-numbers with a 422 naming the field, and writes nothing; a ledger account whose
//! running sum is at the ceiling refuses the next credit cleanly and the prepaid page still answers.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_core::money::{MAX_AMOUNT_MINOR, MAX_RUNNING_SUM_MINOR};
use serde_json::{Value, json};

both_backends!(
    api_amounts_out_of_range_are_422_and_write_nothing,
    form_amounts_out_of_range_are_422_and_write_nothing,
    a_running_sum_at_the_ceiling_refuses_the_next_credit,
    a_bank_amount_is_an_integer_in_range_whatever_writes_it,
);

const OK_CARD: &str = "4242424242424242";

/// Rows that an accepted amount would write, table by table.
async fn counts(t: &TestApp) -> Vec<(&'static str, i64)> {
    let mut c = t.app.db.conn().await.unwrap();
    let mut out = Vec::new();
    for table in [
        "ledger_entries",
        "ledger_transfers",
        "withdrawals",
        "payment_requests",
        "card_payments",
        "offer_prices",
        "credit_notes",
    ] {
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&mut *c)
                .await
                .unwrap();
        out.push((table, n));
    }
    out
}

/// The bad values of `amount_minor` in a JSON body (raw JSON text, so 1e30 and u64 stay as sent).
fn bad_json_amounts() -> Vec<&'static str> {
    vec![
        "0",
        "-1",
        "100000000001",        // MAX + 1 minor unit
        "9223372036854775807", // i64::MAX
        "9223372036854775808", // past i64
        "1e30",
        "12.5",
        "\"100\"",
        "null",
    ]
}

/// The API routes that take an amount, with a body around the amount (`AMOUNT` is replaced).
fn api_cases(org: &str) -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "/api/v1/orgs/{org}/prepaid/top-ups",
            format!("/api/v1/orgs/{org}/prepaid/top-ups"),
            r#"{"amount_minor": AMOUNT, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}"#,
        ),
        (
            "/api/v1/orgs/{org}/withdrawals",
            format!("/api/v1/orgs/{org}/withdrawals"),
            r#"{"amount_minor": AMOUNT, "method": "iban", "destination": "CH93 0076 2011 6238 5295 7", "holder": "x"}"#,
        ),
        (
            "/api/v1/orgs/{org}/prepaid/transfer-requests",
            format!("/api/v1/orgs/{org}/prepaid/transfer-requests"),
            r#"{"amount_minor": AMOUNT}"#,
        ),
        (
            "/api/v1/orgs/{org}/invoices/verify",
            format!("/api/v1/orgs/{org}/invoices/verify"),
            r#"{"reference": "210000000003139471430009017", "amount_minor": AMOUNT}"#,
        ),
    ]
}

async fn api_amounts_out_of_range_are_422_and_write_nothing(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let org = w.a.id.to_string();
    let cases = api_cases(&org);
    // Derived from the route table: a route whose example body carries an amount must be covered.
    for r in guichet_web::api::routes() {
        let carries_amount = r
            .example
            .is_some_and(|e| e().to_string().contains("amount_minor"));
        if carries_amount {
            assert!(
                cases.iter().any(|(p, _, _)| *p == r.path),
                "{} {} takes an amount but is not in the amounts table",
                r.method,
                r.path
            );
        }
    }
    let http = crate::harness::http();
    let token = &w.a.lr().token;
    let before = counts(&t).await;
    for (_, path, body) in &cases {
        for (i, bad) in bad_json_amounts().iter().enumerate() {
            // `null` on the optional amount of the reminder check means "no amount": skip it there.
            if path.ends_with("/verify") && *bad == "null" {
                continue;
            }
            let r = http
                .post(format!("{}{path}", t.url))
                .bearer_auth(token)
                .header("idempotency-key", format!("amounts-{i}-{path}"))
                .header("content-type", "application/json")
                .body(body.replace("AMOUNT", bad))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let v: Value = r.json().await.unwrap_or(Value::Null);
            assert_eq!(status, 422, "{path} with {bad}: {v}");
            assert_eq!(v["error"]["code"], "invalid", "{path} with {bad}: {v}");
            let fields = v["error"]["fields"].as_array().cloned().unwrap_or_default();
            assert!(
                fields.iter().any(|f| f["field"] == "amount_minor"),
                "{path} with {bad}: the error must name amount_minor: {v}"
            );
        }
    }
    assert_eq!(counts(&t).await, before, "a refused amount wrote rows");
    // The maximum itself is accepted (a transfer request writes a payment request, not money).
    let mut c = t.client();
    let r = c
        .api(
            "POST",
            &format!("/api/v1/orgs/{org}/invoices/verify"),
            token,
            Some(json!({"reference": "210000000003139471430009017", "amount_minor": MAX_AMOUNT_MINOR})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn form_amounts_out_of_range_are_422_and_write_nothing(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let page = c.get("/accounting/prepaid").await;
    assert_eq!(page.status, 200);
    let before = counts(&t).await;
    let bad = [
        ("0", "amount.not_positive"),
        ("-5", "amount.not_positive"),
        ("1000000000.01", "amount.too_large"),
        ("9223372036854775807", "amount.too_large"),
        ("1e30", "amount.not_a_number"),
        ("1.234", "amount.too_many_decimals"),
        ("abc", "amount.not_a_number"),
    ];
    let en = |k: &str| guichet_core::i18n::t(guichet_core::Lang::En, k).to_string();
    for (i, (amount, key)) in bad.iter().enumerate() {
        let idem = format!("form-{i}");
        let forms: [(&str, Vec<(&str, &str)>); 2] = [
            (
                "/accounting/prepaid/top-up",
                vec![
                    ("amount", amount),
                    ("card_number", OK_CARD),
                    ("card_expiry", "12/30"),
                    ("card_cvc", "123"),
                    ("idempotency_key", &idem),
                ],
            ),
            (
                "/accounting/prepaid/withdraw",
                vec![
                    ("amount", amount),
                    ("method", "iban"),
                    ("destination", "CH93 0076 2011 6238 5295 7"),
                    ("holder", "x"),
                    ("idempotency_key", &idem),
                ],
            ),
        ];
        for (path, fields) in forms {
            let r = c.post(path, &fields).await;
            assert_eq!(r.status, 422, "{path} with {amount:?}: {}", r.location());
            let msg = en(key);
            // The page is in the person's language; the message is there in one of the three.
            let shown = [
                guichet_core::Lang::Fr,
                guichet_core::Lang::En,
                guichet_core::Lang::De,
            ]
            .iter()
            .any(|l| {
                r.body
                    .contains(&html_escape(guichet_core::i18n::t(*l, key)))
            });
            assert!(
                shown,
                "{path} with {amount:?}: no message {msg:?} under the field"
            );
        }
    }
    assert_eq!(counts(&t).await, before, "a refused form amount wrote rows");
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn a_running_sum_at_the_ceiling_refuses_the_next_credit(b: Backend) {
    use guichet_core::Currency;
    use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
    use guichet_store::ledger::{NewEntry, PostError, post};
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, w.a.id, Currency::Chf);
    let clearing = AccountRef::provider(AccountKind::BankClearing, Currency::Chf);
    let credit = |amount| Transfer {
        debit: clearing,
        credit: prepaid,
        amount,
    };
    let entry = |key: &'static str| NewEntry {
        org: Some(w.a.id),
        kind: "test",
        description: "ceiling",
        idempotency_key: Some(key),
        now: 1_795_000_000,
    };
    let mut c = t.app.db.write_conn().await.unwrap();
    post(&mut c, entry("first"), &[credit(100)]).await.unwrap();
    // Bring both accounts' sums to the ceiling (as decades of credits would), keeping the books
    // balanced: clearing debits and prepaid credits move together.
    sqlx::query("UPDATE ledger_accounts SET credits = $1 WHERE account_key = $2")
        .bind(MAX_RUNNING_SUM_MINOR)
        .bind(prepaid.key())
        .execute(&mut *c)
        .await
        .unwrap();
    sqlx::query("UPDATE ledger_accounts SET debits = $1 WHERE account_key = $2")
        .bind(MAX_RUNNING_SUM_MINOR)
        .bind(clearing.key())
        .execute(&mut *c)
        .await
        .unwrap();
    drop(c);
    let n = entry_count(&t).await;
    let mut tx = t.app.db.begin().await.unwrap();
    let r = post(&mut tx, entry("next"), &[credit(MAX_AMOUNT_MINOR)]).await;
    assert!(matches!(r, Err(PostError::SumLimit)), "{r:?}");
    drop(tx);
    assert_eq!(entry_count(&t).await, n, "the refused entry left a row");
    let mut c = t.app.db.write_conn().await.unwrap();
    // The database refuses a sum past the ceiling by itself too (a writer that bypassed post).
    let direct =
        sqlx::query("UPDATE ledger_accounts SET credits = credits + 1 WHERE account_key = $1")
            .bind(prepaid.key())
            .execute(&mut *c)
            .await;
    assert!(
        direct
            .as_ref()
            .is_err_and(guichet_store::ledger::is_range_violation),
        "{direct:?}"
    );
    // And i64 overflow in SQL cannot turn a sum into a REAL: still an integer at the ceiling.
    let credits: i64 =
        sqlx::query_scalar("SELECT credits FROM ledger_accounts WHERE account_key = $1")
            .bind(prepaid.key())
            .fetch_one(&mut *c)
            .await
            .unwrap();
    assert_eq!(credits, MAX_RUNNING_SUM_MINOR);
    drop(c);
    // The prepaid page and API still answer.
    let mut m = t.client();
    m.login_ok(&w.a.lr().email, PASSWORD).await;
    assert_eq!(m.get("/accounting/prepaid").await.status, 200);
    let api = m
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await;
    assert_eq!(api.status, 200, "{}", api.body);
    // A top-up that would pass the ceiling is a clean refusal, not a 500, and moves nothing.
    let before = counts(&t).await;
    let r = m
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", w.a.id),
            &w.a.lr().token,
            Some(json!({"amount_minor": 5000, "card_number": OK_CARD, "card_expiry": "12/30", "card_cvc": "123"})),
            &[("idempotency-key", "ceiling-top-up")],
        )
        .await;
    assert!(r.status < 500, "{} {}", r.status, r.body);
    assert_ne!(r.status / 100, 2, "{}", r.body);
    let after = counts(&t).await;
    assert_eq!(
        after.iter().find(|(t, _)| *t == "ledger_entries"),
        before.iter().find(|(t, _)| *t == "ledger_entries")
    );
}

async fn entry_count(t: &TestApp) -> i64 {
    let mut c = t.app.db.conn().await.unwrap();
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM ledger_entries")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// The database's own guard on bank amounts (0019, restored by 0024 on SQLite after 0020 rebuilt
/// the table): a value out of range — or, on SQLite, a REAL — is refused even by raw SQL.
async fn a_bank_amount_is_an_integer_in_range_whatever_writes_it(b: Backend) {
    use guichet_core::status::BankTransactionStatus;
    use guichet_store::bank_transactions::{NewTransaction, insert};
    let t = TestApp::spawn(b).await;
    let mut c = t.app.db.write_conn().await.unwrap();
    insert(
        &mut c,
        &NewTransaction {
            bank_key: "RANGE-1",
            file_name: "range.xml",
            direction: "credit",
            amount: &guichet_core::money::BankAmount {
                minor: 6000,
                currency: "CHF".into(),
            },
            booking_date: None,
            reference: None,
            debtor_name: None,
            debtor_iban: None,
            message: None,
            status: BankTransactionStatus::Exception,
            org: None,
            request: None,
            note: None,
            details_ref: None,
            credited_entry: None,
            additional_remittance: None,
            ultimate_debtor: None,
            charges: None,
            fee_entry: None,
            now: 1,
        },
    )
    .await
    .unwrap();
    // An amount in range is accepted by the same statement (so the refusals below are the range's).
    let sql = "UPDATE bank_transactions SET amount = 6000 WHERE bank_key = 'RANGE-1'";
    assert_eq!(
        guichet_store::testing_execute(&mut c, sql).await.unwrap(),
        1
    );
    let sql =
        "UPDATE bank_transactions SET amount = 1000000000000000000 WHERE bank_key = 'RANGE-1'";
    assert!(
        guichet_store::testing_execute(&mut c, sql).await.is_err(),
        "10^18 must be refused"
    );
    if b == Backend::Sqlite {
        let sql = "UPDATE bank_transactions SET amount = 60.5 WHERE bank_key = 'RANGE-1'";
        assert!(
            guichet_store::testing_execute(&mut c, sql).await.is_err(),
            "a REAL must be refused"
        );
    }
    let sql = "SELECT amount FROM bank_transactions WHERE bank_key = 'RANGE-1'";
    let (amount,): (i64,) = sqlx::query_as(sql).fetch_one(&mut *c).await.unwrap();
    assert_eq!(amount, 6000);
}
