//! Issue #14, billing address at renewal (« Au renouvellement d'un produit, choisissez l'adresse de
//! facturation souhaitée »): chosen on the product's page; the renewal invoice is addressed to it,
//! with the recipient line (the person under the company) on the page and in the PDF, and it is
//! e-mailed to the address's invoice e-mail.

use crate::both_backends;
use crate::documents::pdf_text;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(a_renewal_goes_to_the_address_chosen_for_the_product);

async fn a_renewal_goes_to_the_address_chosen_for_the_product(b: Backend) {
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
    let mut api = t.client();
    let offer = api
        .offer_where(a.id, &lr.token, |o| {
            o["prices"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["period_months"] == 1))
        })
        .await;
    let monthly = api.order(a.id, &lr.token, &offer, 1).await;
    let gross = api.invoice(a.id, &lr.token, &monthly.invoice).await["gross_minor"]
        .as_i64()
        .unwrap();
    api.top_up_and_pay(a.id, &lr.token, &monthly.invoice, gross, "renew")
        .await;

    // The product's page offers the Organization itself and its addresses; the choice is kept.
    let mut c = t.client();
    c.login_ok(&lr.email, PASSWORD).await;
    let path = format!("/products/{}", monthly.product);
    let page = c.get(&path).await;
    assert!(
        page.body
            .contains(&format!("action=\"{path}/billing-address\"")),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!(
        "<option value=\"{address}\">Muster AG (Marie Muster)"
    )));
    let r = c
        .post(
            &format!("{path}/billing-address"),
            &[("address", &address.to_string())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = c.get(&path).await;
    assert!(
        page.body
            .contains(&format!("<option value=\"{address}\" selected>")),
        "{}",
        page.body
    );
    // Another Organization's address is not a choice; a collaborator cannot choose.
    let r = c
        .post(
            &format!("{path}/billing-address"),
            &[("address", &w.b.address.to_string())],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let mut collab = t.client();
    collab.login_ok(&a.collaborator().email, PASSWORD).await;
    let r = collab
        .post(&format!("{path}/billing-address"), &[("address", "")])
        .await;
    assert!(matches!(r.status, 403 | 404), "{}", r.status);
    let log = c.get("/activity").await.body;
    assert!(log.contains("Product billing address changed"), "{log}");

    // The renewal invoice, issued by the billing run, is addressed to Muster AG for Marie Muster.
    let run = t
        .app
        .billing_run(Some(t.app.now() + 20 * 86_400))
        .await
        .unwrap();
    assert!(run.renewals >= 1, "{run:?}");
    let list = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices", a.id),
            &lr.token,
            None,
        )
        .await
        .json();
    let renewal = list["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "renewal")
        .unwrap_or_else(|| panic!("no renewal in {list}"))
        .clone();
    assert_eq!(renewal["bill_to"][0], "Muster AG");
    let id = renewal["id"].as_str().unwrap();
    let number = renewal["number"].as_str().unwrap();
    let page = c.get(&format!("/accounting/invoices/{id}")).await;
    assert!(
        page.body.contains(
            "<strong>Muster AG</strong><br>Marie Muster<br>Bahnhofstrasse 1<br>8001 Zürich<br>"
        ),
        "{}",
        page.body
    );
    let link = page
        .body
        .split("href=\"")
        .filter_map(|p| p.split('"').next())
        .find(|h| h.contains("document.pdf?document="))
        .unwrap_or_else(|| panic!("no PDF link: {}", page.body))
        .replace("&amp;", "&");
    let pdf = c.get(&link).await;
    assert_eq!(pdf.status, 200, "{link}");
    let text = pdf_text(&pdf.bytes, "renewal-address");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let company = lines
        .iter()
        .position(|l| l.ends_with("Muster AG"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(lines.get(company + 1), Some(&"Marie Muster"), "{text}");

    // And it is e-mailed to the address's invoice e-mail.
    let mut conn = t.app.db.conn().await.unwrap();
    let sent = guichet_store::outbox::to_address(&mut conn, "factures@muster.example.ch")
        .await
        .unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].subject.contains(number), "{}", sent[0].subject);
    assert!(
        sent[0].body.contains(&format!("/accounting/invoices/{id}")),
        "{}",
        sent[0].body
    );
}
