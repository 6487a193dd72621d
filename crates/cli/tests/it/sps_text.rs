//! Issue #11, item 6 / acceptance 5 (RELIABILITY #28): text that goes into Swiss payment formats
//! is plain when typed, refused with the character named when it has no plain form, and stored
//! text never makes a payment request fail.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(
    typographic_characters_are_transliterated_when_typed,
    an_emoji_is_refused_under_the_field_and_by_the_api,
    a_stored_dash_still_gives_a_payment_request
);

/// (b) ’ — « typed in a billing address are saved plainly (Manager form, read back by the API).
async fn typographic_characters_are_transliterated_when_typed(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut web = t.client();
    web.login_ok(&w.a.accountant().email, PASSWORD).await;
    web.get("/accounting/addresses").await;
    let form = [
        ("name", "Atelier Favre Sàrl’"),
        ("company", "«Le Lac» SA"),
        ("street", "Rue du Lac 12 — bis"),
        ("postcode", "1007"),
        ("city", "Lausanne"),
        ("country", "CH"),
        ("email", ""),
    ];
    let r = web.post("/accounting/addresses", &form).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let tok = &w.a.accountant().token;
    let list = web
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/billing-addresses", w.a.id),
            tok,
            None,
        )
        .await
        .json();
    let saved = list["billing_addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Atelier Favre Sàrl'")
        .unwrap_or_else(|| panic!("saved with a plain apostrophe: {list}"))
        .clone();
    assert_eq!(saved["company"], "\"Le Lac\" SA");
    assert_eq!(saved["street"], "Rue du Lac 12 - bis");
}

/// (c) An emoji in a billing address: the form says which character, under the field; the API
/// answers 422 naming the field; nothing is saved.
async fn an_emoji_is_refused_under_the_field_and_by_the_api(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut web = t.client();
    web.login_ok(&w.a.accountant().email, PASSWORD).await;
    web.get("/accounting/addresses").await;
    let form = [
        ("name", "Bistro du Port"),
        ("company", ""),
        ("street", "Quai 3 😀"),
        ("postcode", "1007"),
        ("city", "Lausanne"),
        ("country", "CH"),
        ("email", ""),
    ];
    let r = web.post("/accounting/addresses", &form).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("This character cannot be used in a Swiss payment: 😀")
            || r.body
                .contains("Ce caractère ne peut pas être utilisé dans un paiement suisse : 😀")
            || r.body.contains(
                "Dieses Zeichen kann in einer Schweizer Zahlung nicht verwendet werden: 😀"
            ),
        "{}",
        r.body
    );
    let error_at = r
        .body
        .find("id=\"f-street-error\"")
        .expect("error under the street field");
    assert!(
        r.body[error_at..]
            .split("</p>")
            .next()
            .unwrap()
            .contains('😀')
    );

    let tok = &w.a.accountant().token;
    let path = format!("/api/v1/orgs/{}/billing-addresses", w.a.id);
    let r = web
        .api(
            "POST",
            &path,
            tok,
            Some(
                json!({"name": "Bistro du Port", "street": "Quai 3", "postcode": "1007",
                        "city": "Lausanne 🚢", "country": "CH"}),
            ),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let body = r.json();
    let fields = body["error"]["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 1, "{body}");
    assert_eq!(fields[0]["field"], "city");
    assert!(
        fields[0]["message"]
            .as_str()
            .unwrap()
            .contains("cannot be used in a Swiss payment: 🚢"),
        "the character is named: {body}"
    );
    let list = web.api("GET", &path, tok, None).await.json();
    assert!(
        !list.to_string().contains("Bistro du Port"),
        "nothing saved: {list}"
    );
}

/// (e) An invoice whose stored billing address has "—" and an emoji (data from before the input
/// check) still gives its payment-request PDF, and its QR-bill carries the plain text.
async fn a_stored_dash_still_gives_a_payment_request(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    {
        let mut db = t.app.db.write_conn().await.unwrap();
        let done =
            sqlx::query("UPDATE invoices SET bill_to_name = $1, bill_to_street = $2 WHERE id = $3")
                .bind("Atelier — Favre 😀")
                .bind("Rue “du Lac” 5")
                .bind(w.a.invoice.to_string())
                .execute(&mut *db)
                .await
                .unwrap();
        assert_eq!(done.rows_affected(), 1);
    }
    let mut api = t.client();
    let tok = &w.a.accountant().token;
    let r = api
        .api(
            "GET",
            &format!(
                "/api/v1/orgs/{}/invoices/{}/pdf?document=request",
                w.a.id, w.a.invoice
            ),
            tok,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/pdf");
    let actor = t
        .app
        .actor(w.a.accountant().id, w.a.id, Default::default())
        .await
        .unwrap();
    let bill = t.app.invoice_qr_bill(&actor, w.a.invoice).await.unwrap();
    let debtor = bill.debtor.expect("payer address kept");
    assert_eq!(debtor.name, "Atelier - Favre ?");
    assert_eq!(debtor.street, "Rue \"du Lac\" 5");
    let parsed =
        guichet_bank::qr::parse(&bill_payload(&t, &actor, &w.a.invoice.to_string()).await).unwrap();
    assert_eq!(parsed.debtor.unwrap().name, "Atelier - Favre ?");
}

async fn bill_payload(t: &TestApp, actor: &guichet_app::Actor, invoice: &str) -> String {
    let invoice: guichet_core::InvoiceId = invoice.parse().unwrap();
    let bill = t.app.invoice_qr_bill(actor, invoice).await.unwrap();
    bill.to_payload().expect("valid payload")
}
