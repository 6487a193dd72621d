//! Issue #14, forms that keep work: each form of the prepaid page keeps its own values and
//! errors; a team's rights for all its products in one form; the team's pending invitations;
//! « My Organizations » on the profile with the way to create one; countries as a list.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_core::Lang;
use guichet_core::i18n::t as words;

both_backends!(
    each_prepaid_form_keeps_its_own_values_and_errors,
    a_team_s_rights_on_every_product_are_saved_in_one_form,
    a_team_lists_the_invitations_it_waits_for,
    the_profile_lists_my_organizations_and_creates_one_in_the_menu,
);

/// The `<form …>…</form>` whose opening tag holds `marker`.
fn form<'a>(body: &'a str, marker: &str) -> &'a str {
    let at = body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker}: {body}"));
    let start = body[..at].rfind("<form").unwrap();
    let end = at + body[at..].find("</form>").unwrap();
    &body[start..end]
}

/// The value of the input named `name` in `html`, if there is one.
fn value_of<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..at + html[at..].find('>')?];
    let v = tag.find("value=\"")? + 7;
    Some(&tag[v..v + tag[v..].find('"')?])
}

async fn each_prepaid_form_keeps_its_own_values_and_errors(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let page = c.get("/accounting/prepaid").await;
    let key = value_of(
        form(&page.body, "/accounting/prepaid/top-up"),
        "idempotency_key",
    )
    .unwrap()
    .to_owned();
    // Ids are unique on the page: each form has its own amount field.
    for id in ["f-top_up-amount", "f-transfer-amount", "f-withdraw-amount"] {
        assert_eq!(
            page.body.matches(&format!("id=\"{id}\"")).count(),
            1,
            "{id}"
        );
    }
    assert!(!page.body.contains("id=\"f-amount\""));

    // A top-up with an amount that is not one: the error and the amount typed stay in the
    // top-up form; the other two forms are as new.
    let r = c
        .post(
            "/accounting/prepaid/top-up",
            &[
                ("amount", "12,3x"),
                ("card_number", "4242424242424242"),
                ("card_expiry", "12/35"),
                ("card_cvc", "123"),
                ("idempotency_key", &key),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let top_up = form(&r.body, "/accounting/prepaid/top-up");
    assert!(top_up.contains("class=\"field-error\""), "{top_up}");
    assert_eq!(value_of(top_up, "amount"), Some("12,3x"));
    assert_ne!(
        value_of(top_up, "card_number"),
        Some("4242424242424242"),
        "a card number is never sent back"
    );
    for other in [
        "/accounting/prepaid/transfer",
        "/accounting/prepaid/withdraw",
    ] {
        let f = form(&r.body, other);
        assert!(!f.contains("field-error"), "{other}: {f}");
        assert_eq!(value_of(f, "amount"), Some(""), "{other}");
    }

    // A withdrawal refused for its destination: what was typed stays in the withdrawal form,
    // the error under its field, nothing in the top-up form.
    let r = c
        .post(
            "/accounting/prepaid/withdraw",
            &[
                ("amount", "5.00"),
                ("method", "paypal"),
                ("destination", "not an address"),
                ("holder", "Alpha Trésorerie"),
                ("idempotency_key", &key),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let withdraw = form(&r.body, "/accounting/prepaid/withdraw");
    assert!(withdraw.contains("field-error"), "{withdraw}");
    assert_eq!(value_of(withdraw, "amount"), Some("5.00"));
    assert_eq!(value_of(withdraw, "destination"), Some("not an address"));
    assert_eq!(value_of(withdraw, "holder"), Some("Alpha Trésorerie"));
    assert!(
        withdraw.contains("value=\"paypal\" selected"),
        "the method chosen: {withdraw}"
    );
    let top_up = form(&r.body, "/accounting/prepaid/top-up");
    assert!(!top_up.contains("field-error"), "{top_up}");
    assert_eq!(value_of(top_up, "amount"), Some(""));
}

async fn a_team_s_rights_on_every_product_are_saved_in_one_form(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let offer = api.offer_where(a.id, &a.lr().token, |_| true).await;
    let second = api.order(a.id, &a.lr().token, &offer, 12).await.product;
    let mut c = t.client();
    c.login_ok(&a.lr().email, PASSWORD).await;
    let path = format!("/teams/{}", a.team);
    let page = c.get(&path).await;
    let rights = form(&page.body, &format!("action=\"{path}/products\""));
    assert_eq!(
        rights.matches("type=\"submit\"").count(),
        1,
        "one « Save » for every product: {rights}"
    );
    for p in [a.product.to_string(), second.clone()] {
        assert!(
            rights.contains(&format!("name=\"technical_{p}\"")),
            "{rights}"
        );
    }
    let first = a.product.to_string();
    // The fixture's product loses its rights but statistics; the new one gets tickets and sales.
    let sent = [
        ("product".to_string(), first.clone()),
        ("product".to_string(), second.clone()),
        (format!("statistics_{first}"), "1".to_string()),
        (format!("tickets_{second}"), "1".to_string()),
        (format!("sales_{second}"), "1".to_string()),
    ];
    let fields: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = c.post(&format!("{path}/products"), &fields).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = c.get(&path).await;
    let rights = form(&page.body, &format!("action=\"{path}/products\""));
    let checked = |name: &str| {
        let at = rights.find(&format!("name=\"{name}\"")).unwrap();
        let end = at + rights[at..].find('>').unwrap();
        rights[at..end].contains("checked")
    };
    assert!(!checked(&format!("technical_{first}")));
    assert!(checked(&format!("statistics_{first}")));
    assert!(checked(&format!("tickets_{second}")) && checked(&format!("sales_{second}")));
    assert!(!checked(&format!("technical_{second}")));
    // Both changes are in the log, each naming its product.
    let log = c.get("/activity").await.body;
    assert_eq!(
        log.matches(words(Lang::En, "activity.team.rights")).count(),
        3,
        "the fixture's grant and the two changes"
    );

    // Another Organization's product in the form: not found, and nothing changed.
    let foreign = w.b.product.to_string();
    let sent = [
        ("product".to_string(), first.clone()),
        ("product".to_string(), foreign.clone()),
        (format!("technical_{first}"), "1".to_string()),
    ];
    let fields: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = c.post(&format!("{path}/products"), &fields).await;
    assert_eq!(r.status, 404, "{}", r.body);
    let page = c.get(&path).await;
    let rights = form(&page.body, &format!("action=\"{path}/products\""));
    let at = rights.find(&format!("name=\"technical_{first}\"")).unwrap();
    let end = at + rights[at..].find('>').unwrap();
    assert!(!rights[at..end].contains("checked"), "nothing changed");

    // A collaborator cannot.
    let mut collab = t.client();
    collab.login_ok(&a.collaborator().email, PASSWORD).await;
    let r = collab
        .post(
            &format!("{path}/products"),
            &[("product", &first), (&format!("technical_{first}"), "1")],
        )
        .await;
    assert!(matches!(r.status, 403 | 404), "{}", r.status);
}

async fn a_team_lists_the_invitations_it_waits_for(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut c = t.client();
    c.login_ok(&a.lr().email, PASSWORD).await;
    let path = format!("/teams/{}", a.team);
    let page = c.get(&path).await;
    assert!(!page.body.contains("id=\"team-invited\""));
    let r = c
        .post(
            &format!("{path}/members"),
            &[("emails", "graphiste@dehors.example.ch")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = c.get(&path).await;
    let at = page
        .body
        .find("id=\"team-invited\"")
        .unwrap_or_else(|| panic!("{}", page.body));
    let list = &page.body[at..at + page.body[at..].find("</ul>").unwrap()];
    assert!(list.contains("graphiste@dehors.example.ch"), "{list}");
    // The Organization's other open invitation (the fixture's, to no team) is not the team's.
    assert!(!list.contains("invited@a.example.ch"), "{list}");
    // Another Organization's team page is not found.
    let mut other = t.client();
    other.login_ok(&w.b.lr().email, PASSWORD).await;
    assert_eq!(other.get(&path).await.status, 404);
}

async fn the_profile_lists_my_organizations_and_creates_one_in_the_menu(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    // The profile is a Manager page (its menu), with « My Organizations » and the way to create one.
    let profile = c.get("/profile").await;
    assert!(profile.body.contains("class=\"side\""), "{}", profile.body);
    let at = profile.body.find("id=\"my-orgs\"").unwrap();
    let mine = &profile.body[at..];
    assert!(mine.contains(&w.a.name) && mine.contains(words(Lang::En, "role.legal_rep")));
    assert!(mine.contains(words(Lang::En, "profile.current_org")));
    assert!(mine.contains("href=\"/orgs/new\""));
    assert!(
        !profile.body.contains(&w.b.name),
        "not an Organization of mine"
    );

    // The create page keeps the menu; the country is a list, named in the reader's language.
    let page = c.get("/orgs/new").await;
    assert!(page.body.contains("class=\"side\""), "{}", page.body);
    assert!(
        page.body
            .contains("<select id=\"f-country\" name=\"country\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<option value=\"CH\" selected>Switzerland</option>")
    );
    assert!(
        page.body
            .contains("<option value=\"LI\">Liechtenstein</option>")
    );
    assert_eq!(c.post("/lang", &[("lang", "fr")]).await.status, 303);
    let page = c.get("/orgs/new").await;
    assert!(
        page.body
            .contains("<option value=\"CH\" selected>Suisse</option>")
    );
    assert!(
        page.body
            .contains("<option value=\"DE\">Allemagne</option>")
    );

    // A code that is no country is refused under the field, what was typed kept.
    let fields = |country: &'static str| {
        [
            ("name", "Delta Studio Sàrl"),
            ("kind", "company"),
            ("street", "Rue Neuve 3"),
            ("postcode", "1003"),
            ("city", "Lausanne"),
            ("country", country),
            ("vat_number", ""),
        ]
    };
    let r = c.post("/orgs/new", &fields("XX")).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"f-country-error\""), "{}", r.body);
    assert!(r.body.contains("value=\"Delta Studio Sàrl\""));
    let r = c.post("/orgs/new", &fields("CH")).await;
    assert_eq!(r.status, 303, "{}", r.body);
    // Both are mine now: the new one is current, the other one a switch away.
    let profile = c.get("/profile").await;
    let at = profile.body.find("id=\"my-orgs\"").unwrap();
    let mine = &profile.body[at..];
    assert!(
        mine.contains("Delta Studio") && mine.contains(&w.a.name),
        "{mine}"
    );
    assert!(
        mine.contains(&format!("name=\"org\" value=\"{}\"", w.a.id)),
        "{mine}"
    );
}
