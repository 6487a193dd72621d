//! Issue #14: a home that shows what matters, by role — the prepaid balance, what is due and
//! when, the products expiring in the next 60 days, the unpaid invoices, the recent activity and
//! the support code, each with its action, and the empty states of a new Organization.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_core::Lang;
use guichet_core::i18n::t as words;

both_backends!(
    the_home_shows_what_is_due_expiring_and_done,
    the_home_shows_each_role_only_its_parts,
    a_new_organization_s_home_says_there_is_nothing_yet,
);

/// The part of the page inside the element `id` (to its closing `</div>` at the same depth).
fn part<'a>(body: &'a str, id: &str) -> Option<&'a str> {
    let start = body.find(&format!("id=\"{id}\""))?;
    let rest = &body[start..];
    let mut depth = 0usize;
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with("<div") {
            depth += 1;
        } else if rest[i..].starts_with("</div>") {
            if depth == 0 {
                return Some(&rest[..i]);
            }
            depth -= 1;
        }
        i += rest[i..].chars().next().map_or(1, char::len_utf8);
    }
    Some(rest)
}

/// An amount as the test client reads it (its no-break space read as a space).
fn shown(m: guichet_core::Money) -> String {
    m.to_string().replace('\u{a0}', " ")
}

async fn the_home_shows_what_is_due_expiring_and_done(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let lr = a.lr();
    let mut api = t.client();
    // A product for one month, paid: active, it expires within 60 days.
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
    api.top_up_and_pay(a.id, &lr.token, &monthly.invoice, gross + 5_000, "home")
        .await;
    let mut c = t.client();
    c.login_ok(&lr.email, PASSWORD).await;
    let r = c
        .post(
            &format!("/products/{}/label", monthly.product),
            &[("label", "Boutique mensuelle")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // The fixture's own order is still unpaid (due in 30 days).
    let unpaid = api.invoice(a.id, &lr.token, &a.invoice.to_string()).await;
    let number = unpaid["number"].as_str().unwrap().to_owned();
    let unpaid_gross = unpaid["gross_minor"].as_i64().unwrap();
    let other = api
        .invoice(w.b.id, &w.b.lr().token, &w.b.invoice.to_string())
        .await;
    let other_number = other["number"].as_str().unwrap().to_owned();

    let home = c.get("/").await;
    assert_eq!(home.status, 200);
    let body = &home.body;

    let balance = part(body, "home-balance").expect("the balance card");
    let left = guichet_core::Money::new(
        (gross + 5_000).max(1_000) - gross,
        guichet_core::Currency::Chf,
    );
    assert!(balance.contains(&shown(left)), "{balance}");
    assert!(
        balance.contains("href=\"/accounting/prepaid\""),
        "{balance}"
    );

    let due = part(body, "home-due").expect("the due card");
    let due_total = guichet_core::Money::new(unpaid_gross, guichet_core::Currency::Chf);
    assert!(due.contains(&shown(due_total)), "{due}");
    let due_on = guichet_core::human::date_text(unpaid["due_on"].as_str().unwrap());
    assert!(due.contains(&due_on), "the first due date {due_on}: {due}");
    assert!(due.contains("href=\"/payments\""), "{due}");

    let expiring = part(body, "home-expiring").expect("the expiring card");
    assert!(
        expiring.contains("Boutique mensuelle")
            && expiring.contains(&format!("href=\"/products/{}\"", monthly.product)),
        "{expiring}"
    );
    assert!(
        !expiring.contains(&format!("/products/{}\"", a.product)),
        "the fixture's product is not active yet: {expiring}"
    );

    let unpaid_card = part(body, "home-unpaid").expect("the unpaid card");
    assert!(
        unpaid_card.contains(&number)
            && unpaid_card.contains(&format!("href=\"/accounting/invoices/{}\"", a.invoice)),
        "{unpaid_card}"
    );
    assert!(
        !unpaid_card.contains(&monthly.invoice),
        "a paid invoice is not unpaid: {unpaid_card}"
    );
    assert!(
        !body.contains(&other_number),
        "another Organization's invoice: {body}"
    );

    let activity = part(body, "home-activity").expect("the activity card");
    assert!(
        activity.contains(words(Lang::En, "activity.invoice.paid")),
        "{activity}"
    );
    assert!(activity.contains("href=\"/activity\""), "{activity}");

    let support = part(body, "home-support").expect("the support card");
    let mut conn = t.app.db.conn().await.unwrap();
    let code = guichet_store::users::by_id(&mut conn, lr.id)
        .await
        .unwrap()
        .unwrap()
        .support_code;
    assert!(support.contains(&code), "{code}: {support}");
    assert!(support.contains("href=\"/support\""), "{support}");
}

async fn the_home_shows_each_role_only_its_parts(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    // (person, sees billing, sees activity)
    for (who, billing, activity) in [
        (a.admin(), true, true),
        (a.accountant(), true, false),
        (a.collaborator(), false, false),
        (a.external(), false, false),
    ] {
        let mut c = t.client();
        c.login_ok(&who.email, PASSWORD).await;
        let home = c.get("/").await;
        assert_eq!(home.status, 200, "{}", who.email);
        let body = &home.body;
        for id in ["home-balance", "home-due", "home-unpaid"] {
            assert_eq!(
                part(body, id).is_some(),
                billing,
                "{}: {id} shown: {body}",
                who.email
            );
        }
        assert_eq!(
            part(body, "home-activity").is_some(),
            activity,
            "{}: activity shown",
            who.email
        );
        assert!(part(body, "home-support").is_some(), "{}", who.email);
        let expiring = part(body, "home-expiring").expect("the products card");
        assert!(
            expiring.contains(words(Lang::En, "home.expiring_none")),
            "{}: {expiring}",
            who.email
        );
    }
}

async fn a_new_organization_s_home_says_there_is_nothing_yet(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let r = c
        .post(
            "/orgs/new",
            &[
                ("name", "Gamma Conseil Sàrl"),
                ("kind", "company"),
                ("street", "Rue Neuve 3"),
                ("postcode", "1003"),
                ("city", "Lausanne"),
                ("country", "CH"),
                ("vat_number", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let home = c.get("/").await;
    assert!(home.body.contains("Gamma Conseil"), "{}", home.body);
    for (id, key) in [
        ("home-due", "home.due_none"),
        ("home-unpaid", "home.unpaid_none"),
        ("home-expiring", "home.expiring_none"),
    ] {
        let card = part(&home.body, id).unwrap_or_else(|| panic!("{id}: {}", home.body));
        assert!(card.contains(words(Lang::En, key)), "{id}: {card}");
    }
    let balance = part(&home.body, "home-balance").unwrap();
    assert!(balance.contains("CHF 0.00"), "{balance}");
    let activity = part(&home.body, "home-activity").unwrap();
    assert!(
        activity.contains(words(Lang::En, "activity.org.created")),
        "{activity}"
    );
}
