//! Issue #14, Payments: « Tout afficher » also lists the running products whose next term is not
//! invoiced yet, and « Renouveler » (there, on Products and on the product's page) issues that
//! term's invoice now and opens Payments with it ticked — once, however often or concurrently it
//! is asked, and the billing run does not invoice the term again. An unpaid renewal invoice can be
//! re-addressed from Payments: it is replaced by one to the chosen address, e-mailed there.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(
    a_product_not_invoiced_yet_is_renewed_from_payments,
    concurrent_renewals_issue_one_invoice,
    an_unpaid_invoice_is_readdressed_from_payments,
    renewing_and_readdressing_through_the_api
);

/// A monthly product of Organization A, ordered and paid: running, its next term not invoiced.
async fn running_product(t: &TestApp, org: guichet_core::OrgId, token: &str) -> String {
    let mut api = t.client();
    let offer = api
        .offer_where(org, token, |o| {
            o["prices"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["period_months"] == 1))
        })
        .await;
    let ordered = api.order(org, token, &offer, 1).await;
    let gross = api.invoice(org, token, &ordered.invoice).await["gross_minor"]
        .as_i64()
        .unwrap();
    api.top_up_and_pay(org, token, &ordered.invoice, gross, "early")
        .await;
    ordered.product
}

/// The invoices of `org` billing `product` (by their lines) with their status, oldest first.
async fn invoices_of(
    t: &TestApp,
    org: guichet_core::OrgId,
    product: &str,
) -> Vec<(String, String)> {
    use sqlx::Row;
    let mut c = t.app.db.conn().await.unwrap();
    let rows = sqlx::query(
        "SELECT i.id, i.status FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id \
         WHERE i.org_id = $1 AND l.product_id = $2 ORDER BY i.number",
    )
    .bind(org.to_string())
    .bind(product)
    .fetch_all(&mut *c)
    .await
    .unwrap();
    rows.iter()
        .map(|r| (r.get::<String, _>("id"), r.get::<String, _>("status")))
        .collect()
}

async fn a_product_not_invoiced_yet_is_renewed_from_payments(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let product = running_product(&t, a.id, &lr.token).await;
    let renew = format!("/products/{product}/renew");
    let mut c = t.client();
    c.login_ok(&lr.email, PASSWORD).await;

    // Listed under « Tout afficher » only, with its « Renouveler »; and on Products.
    let page = c.get("/payments").await.body;
    assert!(!page.contains(&format!("action=\"{renew}\"")), "{page}");
    let page = c.get("/payments?all=1").await.body;
    assert!(page.contains("id=\"not-invoiced\""), "{page}");
    assert!(page.contains(&format!("action=\"{renew}\"")), "{page}");
    let list = c.get("/products").await.body;
    assert!(list.contains(&format!("formaction=\"{renew}\"")), "{list}");

    // « Renouveler »: the next term's invoice, ticked on Payments.
    let r = c.post(&renew, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let to = r.location().to_string();
    let invoice = to
        .strip_prefix("/payments?all=1&renew=")
        .unwrap_or_else(|| panic!("renew led to {to}"))
        .to_string();
    let page = c.get(&to).await.body;
    assert!(
        page.contains(&format!("name=\"inv_{invoice}\" value=\"1\" checked")),
        "{page}"
    );
    assert!(!page.contains("id=\"not-invoiced\""), "{page}");
    let billed = invoices_of(&t, a.id, &product).await;
    assert_eq!(billed.len(), 2, "the order and the renewal: {billed:?}");
    assert!(
        billed.contains(&(invoice.clone(), "unpaid".into())),
        "{billed:?}"
    );

    // Asked again (from the product's page): the same invoice, not a second one.
    let page = c.get(&format!("/products/{product}")).await.body;
    assert!(page.contains(&format!("action=\"{renew}\"")), "{page}");
    let r = c.post(&renew, &[]).await;
    assert_eq!(r.location(), to);
    assert_eq!(invoices_of(&t, a.id, &product).await.len(), 2);

    // The billing run finds the term invoiced.
    t.app
        .billing_run(Some(t.app.now() + 25 * 86_400))
        .await
        .unwrap();
    assert_eq!(invoices_of(&t, a.id, &product).await.len(), 2);

    // Paying it extends the product by its month; the next term is then listed again.
    let mut api = t.client();
    let gross = api.invoice(a.id, &lr.token, &invoice).await["gross_minor"]
        .as_i64()
        .unwrap();
    api.top_up_and_pay(a.id, &lr.token, &invoice, gross, "early-pay")
        .await;
    let page = c.get("/payments?all=1").await.body;
    assert!(page.contains(&format!("action=\"{renew}\"")), "{page}");

    // Not for a collaborator, nor for another Organization.
    let mut collab = t.client();
    collab.login_ok(&a.collaborator().email, PASSWORD).await;
    let r = collab.post(&renew, &[]).await;
    assert!(matches!(r.status, 403 | 404), "{}", r.status);
    let mut other = t.client();
    other.login_ok(&w.b.lr().email, PASSWORD).await;
    let r = other.post(&renew, &[]).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(invoices_of(&t, a.id, &product).await.len(), 2);
    // A pending product (ordered, not paid) has nothing to renew yet.
    let r = c.post(&format!("/products/{}/renew", a.product), &[]).await;
    assert_eq!(r.status, 303, "its unpaid order invoice is the answer");
    assert_eq!(r.location(), format!("/payments?all=1&renew={}", a.invoice));
}

async fn concurrent_renewals_issue_one_invoice(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let product = running_product(&t, a.id, &lr.token).await;
    let id: guichet_core::ProductId = product.parse().unwrap();
    let actor = t
        .app
        .actor(lr.id, a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let app = t.app.clone();
        let actor = actor.clone();
        tasks.push(tokio::spawn(async move { app.renew_now(&actor, id).await }));
    }
    let mut answers = std::collections::BTreeSet::new();
    for task in tasks {
        answers.insert(task.await.unwrap().expect("renewed").to_string());
    }
    assert_eq!(answers.len(), 1, "{answers:?}");
    let billed = invoices_of(&t, a.id, &product).await;
    assert_eq!(billed.len(), 2, "{billed:?}");
}

async fn an_unpaid_invoice_is_readdressed_from_payments(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let actor = t
        .app
        .actor(lr.id, a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let address = crate::world::muster_address(&t, &actor).await;
    let product = running_product(&t, a.id, &lr.token).await;
    let id: guichet_core::ProductId = product.parse().unwrap();
    let first = t.app.renew_now(&actor, id).await.unwrap().to_string();
    let mut c = t.client();
    c.login_ok(&lr.email, PASSWORD).await;
    let page = c.get("/payments?all=1").await.body;
    assert!(
        page.contains(&format!("name=\"address_{first}\"")),
        "{page}"
    );
    assert!(page.contains(&format!("Billed to {}", a.name)), "{page}");

    // « Changer d'adresse » with the invoice ticked: replaced, still ticked, addressed to Muster AG.
    let address_field = format!("address_{first}");
    let tick = format!("inv_{first}");
    let r = c
        .post(
            "/payments/address",
            &[
                ("readdress", &first),
                (&address_field, &address.to_string()),
                (&tick, "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("replaced by one to the new address"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Billed to Muster AG"), "{}", r.body);
    let billed = invoices_of(&t, a.id, &product).await;
    assert!(
        billed.contains(&(first.clone(), "cancelled".into())),
        "{billed:?}"
    );
    let (second, _) = billed
        .iter()
        .find(|(_, s)| s == "unpaid")
        .unwrap_or_else(|| panic!("no replacement: {billed:?}"))
        .clone();
    assert!(
        r.body
            .contains(&format!("name=\"inv_{second}\" value=\"1\" checked")),
        "{}",
        r.body
    );
    let mut api = t.client();
    let old = api.invoice(a.id, &lr.token, &first).await;
    let new = api.invoice(a.id, &lr.token, &second).await;
    assert_eq!(new["bill_to"][0], "Muster AG", "{new}");
    assert_eq!(
        new["gross_minor"], old["gross_minor"],
        "same period, same price"
    );
    let sent = t.mails_to("factures@muster.example.ch").await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].subject.contains(new["number"].as_str().unwrap()));
    // The product's next renewals go there too.
    let page = c.get(&format!("/products/{product}")).await.body;
    assert!(
        page.contains(&format!("<option value=\"{address}\" selected>")),
        "{page}"
    );

    // Another Organization's address is refused; a cancelled invoice cannot be re-addressed.
    let field2 = format!("address_{second}");
    let r = c
        .post(
            "/payments/address",
            &[("readdress", &second), (&field2, &w.b.address.to_string())],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = c
        .post(
            "/payments/address",
            &[("readdress", &first), (&address_field, "")],
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(invoices_of(&t, a.id, &product).await.len(), 3);
}

async fn renewing_and_readdressing_through_the_api(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let product = running_product(&t, a.id, &lr.token).await;
    let renew = format!("/api/v1/orgs/{}/products/{product}/renew", a.id);
    let mut api = t.client();

    // Twice: the same invoice, the next term's, unpaid, answered as the invoice route answers it.
    let first = api.api("POST", &renew, &lr.token, None).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let invoice = first.json()["id"].as_str().unwrap().to_string();
    assert_eq!(first.json()["status"], "unpaid", "{}", first.body);
    assert_eq!(first.json()["kind"], "renewal", "{}", first.body);
    assert_eq!(first.json()["lines"][0]["product_id"], product.as_str());
    let again = api.api("POST", &renew, &lr.token, None).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["id"], invoice.as_str());
    assert_eq!(
        again.json(),
        api.invoice(a.id, &lr.token, &invoice).await,
        "the invoice GET route's answer"
    );
    let billed = invoices_of(&t, a.id, &product).await;
    assert_eq!(billed.len(), 2, "the order and one renewal: {billed:?}");

    // Re-addressed to Organization B's address: refused; to A's own address
    // (where it already goes): the same invoice; to a new address: its replacement.
    let readdress = format!("/api/v1/orgs/{}/invoices/{invoice}/billing-address", a.id);
    let body = |address: &str| Some(serde_json::json!({ "address": address }));
    let r = api
        .api(
            "POST",
            &readdress,
            &lr.token,
            body(&w.b.address.to_string()),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = api.api("POST", &readdress, &lr.token, body("")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["id"], invoice.as_str());
    let r = api
        .api("POST", &readdress, &lr.token, body(&a.address.to_string()))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let second = r.json()["id"].as_str().unwrap().to_string();
    assert_ne!(second, invoice, "{}", r.body);
    assert_eq!(r.json()["status"], "unpaid");
    let old = api.invoice(a.id, &lr.token, &invoice).await;
    assert_eq!(old["status"], "cancelled", "{old}");
    assert_eq!(r.json()["gross_minor"], old["gross_minor"]);
    // Renewing now answers the replacement.
    let r = api.api("POST", &renew, &lr.token, None).await;
    assert_eq!(r.json()["id"], second.as_str(), "{}", r.body);

    // Not for a collaborator without billing rights, nor with another Organization's token.
    let r = api.api("POST", &renew, &a.collaborator().token, None).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let other = format!("/api/v1/orgs/{}/products/{product}/renew", w.b.id);
    let r = api.api("POST", &other, &w.b.lr().token, None).await;
    assert_eq!(r.status, 404, "{}", r.body);
    let other = format!("/api/v1/orgs/{}/invoices/{second}/billing-address", w.b.id);
    let r = api.api("POST", &other, &w.b.lr().token, body("")).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(invoices_of(&t, a.id, &product).await.len(), 3);
}
