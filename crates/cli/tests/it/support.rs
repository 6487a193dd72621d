//! Issue 5: the activity log (acceptance 7), outsiders in a team (TEAM-02, acceptance 2), Premium
//! Support and the VIP code (SUP-02), temporary support access for operators (SUP-03, acceptance 4).

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{OrgFixture, PASSWORD, world};
use serde_json::{Value, json};

both_backends!(
    the_activity_log_says_who_did_what_when_and_from_where,
    an_outsider_invited_into_a_team_sees_exactly_the_team_s_products,
    premium_support_is_six_months_upgrade_only_with_one_vip_code,
    an_operator_sees_only_what_a_live_grant_covers_and_never_moves_money
);

const OPS: &str = "ops@provider.example";
const OPS_PASSWORD: &str = "operator-passphrase-2026";

async fn activity(c: &mut Client, a: &OrgFixture, token: &str, query: &str) -> Value {
    let r = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/activity{query}", a.id),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

fn actions(v: &Value) -> Vec<String> {
    v["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["action"].as_str().unwrap().to_string())
        .collect()
}

async fn the_activity_log_says_who_did_what_when_and_from_where(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    // A few changes by different people: a team (LR), a role (Admin), the billing reference (LR).
    t.clock.advance(60);
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/teams", a.id),
            &a.lr().token,
            Some(json!({"name": "Support N2"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    t.clock.advance(60);
    let r = api
        .api(
            "PATCH",
            &format!("/api/v1/orgs/{}/members/{}", a.id, a.collaborator().id),
            &a.admin().token,
            Some(json!({"role": "collaborator", "accounting": true})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    t.clock.advance(60);
    let r = api
        .api(
            "PUT",
            &format!("/api/v1/orgs/{}/billing/reference", a.id),
            &a.lr().token,
            Some(json!({"billing_reference": "PO 77"})),
        )
        .await;
    assert!(r.status < 300, "{}", r.body);
    // Newest first, with who, when and from where, described in words.
    let log = activity(&mut api, a, &a.admin().token, "").await;
    let lines = log["activity"].as_array().unwrap();
    assert_eq!(lines[0]["action"], "billing.reference");
    assert_eq!(lines[0]["actor_email"], a.lr().email.as_str());
    assert_eq!(lines[0]["ip"], "127.0.0.1");
    assert_eq!(lines[0]["description"], "Billing reference changed: PO 77");
    assert_eq!(lines[1]["action"], "member.role_changed");
    assert_eq!(lines[1]["actor_email"], a.admin().email.as_str());
    assert_eq!(
        lines[1]["description"],
        format!(
            "Role changed: {}: collaborator -> collaborator +accounting",
            a.collaborator().email
        ),
        "the object is named"
    );
    assert_eq!(lines[2]["action"], "team.created");
    assert_eq!(lines[2]["description"], "Team created: Support N2");
    let times: Vec<i64> = lines.iter().map(|l| l["at"].as_i64().unwrap()).collect();
    assert!(times.windows(2).all(|p| p[0] >= p[1]), "newest first");
    // Filters: a person, a kind of action, a date range.
    let by_admin = activity(
        &mut api,
        a,
        &a.lr().token,
        &format!("?actor={}", a.admin().id),
    )
    .await;
    assert_eq!(actions(&by_admin), ["member.role_changed"]);
    let teams = actions(&activity(&mut api, a, &a.lr().token, "?kind=team").await);
    assert!(teams.contains(&"team.created".to_string()));
    assert!(teams.contains(&"team.rights".to_string()));
    assert!(teams.iter().all(|k| k.starts_with("team.")), "{teams:?}");
    let mut support = actions(&activity(&mut api, a, &a.lr().token, "?kind=support").await);
    support.sort();
    assert_eq!(
        support,
        ["support.granted", "support.revoked"],
        "grants are logged"
    );
    let none = activity(&mut api, a, &a.lr().token, "?from=2030-01-01").await;
    let count = |v: &serde_json::Value| v["activity"].as_array().unwrap().len();
    assert_eq!(count(&none), 0);
    let today = activity(&mut api, a, &a.lr().token, "?from=2026-11-18&to=2026-11-18").await;
    assert!(log["next"].is_null(), "the log fits on one page so far");
    assert_eq!(count(&today), count(&log));
    let before = activity(&mut api, a, &a.lr().token, "?to=2026-11-17").await;
    assert_eq!(count(&before), 0, "the day before: nothing");
    let bad = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/activity?from=yesterday", a.id),
            &a.lr().token,
            None,
        )
        .await;
    assert_eq!(bad.status, 422);
    // Pages of 50: add enough lines for a second page.
    for i in 0..50 {
        let r = api
            .api(
                "PUT",
                &format!(
                    "/api/v1/orgs/{}/teams/{}/products/{}",
                    a.id, a.team, a.product
                ),
                &a.admin().token,
                Some(json!({"technical": i % 2 == 0, "statistics": true})),
            )
            .await;
        assert!(r.status < 300, "{}", r.body);
    }
    let first = activity(&mut api, a, &a.lr().token, "").await;
    assert_eq!(count(&first), 50);
    assert!(
        first["prev"].is_null(),
        "the first page has no previous one"
    );
    let next = first["next"].as_str().expect("a next page").to_string();
    let second = activity(&mut api, a, &a.lr().token, &format!("?after={next}")).await;
    assert_eq!(
        count(&second),
        count(&log),
        "the lines of before and the 50 new ones, 50 a page"
    );
    assert!(second["next"].is_null(), "two pages in all: {second}");
    let back = second["prev"].as_str().expect("a previous page");
    let again = activity(&mut api, a, &a.lr().token, &format!("?before={back}")).await;
    assert_eq!(
        again["activity"], first["activity"],
        "back to the first page"
    );
    let bad = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/activity?after=nonsense", a.id),
            &a.lr().token,
            None,
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(
        bad.body.contains("after"),
        "the parameter is named: {}",
        bad.body
    );
    // LR and Administrators only.
    for p in [a.accountant(), a.collaborator(), a.external()] {
        let r = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/activity", a.id),
                &p.token,
                None,
            )
            .await;
        assert_eq!(r.status, 403, "{:?}", p.role);
    }
    // CSV: formulas neutralised (a person named like a formula), in the page's language.
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    let r = web
        .post("/profile", &[("name", "=HYPERLINK(\"x\")"), ("lang", "fr")])
        .await;
    assert!(r.status < 400, "{}", r.status);
    t.clock.advance(60);
    api.api(
        "POST",
        &format!("/api/v1/orgs/{}/teams", a.id),
        &a.lr().token,
        Some(json!({"name": "Comptables"})),
    )
    .await;
    let page = web.get("/activity?kind=team").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Équipe créée : Comptables"), "in French");
    assert!(page.body.contains("127.0.0.1"));
    let csv = web.get("/activity/export.csv?kind=team").await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.starts_with(
            "\u{feff}Date et heure (UTC);Personne;E-mail;Code de l'action;Description;Adresse IP"
        ),
        "the Manager's download is in the reader's language, `;` and BOM: {}",
        csv.body
    );
    assert!(
        csv.body.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "{}",
        csv.body
    );
    assert!(!csv.body.contains(";=HYPERLINK"));
    let api_csv = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/activity/export.csv?kind=team", a.id),
            &a.admin().token,
            None,
        )
        .await;
    assert_eq!(api_csv.status, 200);
    assert!(api_csv.body.contains("Team created: Comptables"));
    assert!(
        api_csv
            .body
            .starts_with("time_utc,actor,actor_email,action,description,ip"),
        "the API keeps its stable keys, without BOM"
    );
    // A collaborator has neither the page nor the link to it.
    let mut collab = t.client();
    collab.login_ok(&a.collaborator().email, PASSWORD).await;
    assert!(!collab.get("/").await.body.contains("href=\"/activity\""));
    assert_eq!(collab.get("/activity").await.status, 403);
}

fn link_path(body: &str) -> String {
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/invitations/"))
        .expect("link in the mail");
    link[link.find("/invitations/").unwrap()..].to_string()
}

async fn an_outsider_invited_into_a_team_sees_exactly_the_team_s_products(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    // A second product that the team does not cover.
    let offer = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/catalogue", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json()["offers"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = api.try_order(a.id, &a.lr().token, &offer, 12).await;
    assert_eq!(r.status, 201, "{}", r.body);
    // One request: a member by address, an outsider by address (invited), a bad address refused.
    let members = format!("/api/v1/orgs/{}/teams/{}/members", a.id, a.team);
    let bad = api
        .api(
            "POST",
            &members,
            &a.admin().token,
            Some(json!({"emails": ["not-an-address"]})),
        )
        .await;
    assert_eq!(bad.status, 422);
    let r = api
        .api(
            "POST",
            &members,
            &a.admin().token,
            Some(json!({"emails": [a.collaborator().email, "Outsider@Elsewhere.example"]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["invited"], json!(["outsider@elsewhere.example"]));
    assert!(
        t.mails_to(&a.collaborator().email).await.is_empty(),
        "members are just added"
    );
    let in_team: Vec<String> = r.json()["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    assert!(in_team.iter().any(|m| m.contains(&a.collaborator().email)));
    assert!(
        !in_team.iter().any(|m| m.contains("outsider@")),
        "not before accepting"
    );
    // The invitation is the usual one, as External; the outsider signs up through it.
    let inv = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invitations", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    let open = inv["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["email"] == "outsider@elsewhere.example")
        .cloned()
        .expect("an open invitation");
    assert_eq!(open["role"], "external");
    let path = link_path(&t.mails_to("outsider@elsewhere.example").await[0].body);
    let mut out = t.client();
    assert_eq!(out.get(&path).await.status, 200);
    let r = out
        .post(
            &path,
            &[
                ("name", "Olga Outsider"),
                ("password", "an-outsider-passphrase-2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // In the team from now on: exactly the team's product, no billing, no member list.
    let team = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/teams/{}", a.id, a.team),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert!(
        team["members"]
            .to_string()
            .contains("outsider@elsewhere.example")
    );
    let products = out.get("/products").await;
    assert_eq!(products.status, 200);
    let seen = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    let all = seen["products"].as_array().unwrap();
    assert_eq!(all.len(), 2);
    for p in all {
        let name = p["name"].as_str().unwrap();
        let shown = products.body.contains(name);
        assert_eq!(
            shown,
            p["id"] == a.product.to_string().as_str(),
            "{name}: only the team's product"
        );
    }
    let team_product = all
        .iter()
        .find(|p| p["id"] == a.product.to_string().as_str())
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(out.get("/accounting/invoices").await.status, 403);
    assert_eq!(out.get("/payments").await.status, 403);
    assert_eq!(out.get("/users").await.status, 403);
    assert_eq!(out.get("/activity").await.status, 403);
    // Removed from the team: the product goes with it.
    let outsider_id = team["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m.to_string().contains("outsider@"))
        .and_then(|m| m["user_id"].as_str())
        .unwrap()
        .to_string();
    let r = api
        .api(
            "DELETE",
            &format!("{members}/{outsider_id}"),
            &a.admin().token,
            None,
        )
        .await;
    assert_eq!(r.status, 204);
    let products = out.get("/products").await;
    assert!(!products.body.contains(&team_product));
}

async fn offers(api: &mut Client, a: &OrgFixture) -> Vec<Value> {
    api.api(
        "GET",
        &format!("/api/v1/orgs/{}/catalogue", a.id),
        &a.lr().token,
        None,
    )
    .await
    .json()["offers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["type"] == "premium_support")
        .cloned()
        .collect()
}

async fn order(api: &mut Client, a: &OrgFixture, offer: &str, months: i64) -> crate::client::Resp {
    api.api(
        "POST",
        &format!("/api/v1/orgs/{}/products", a.id),
        &a.lr().token,
        Some(json!({"offer_id": offer, "period_months": months})),
    )
    .await
}

async fn pay(api: &mut Client, a: &OrgFixture, invoice: &str, key: &str) {
    let top = json!({"amount_minor": 1_000_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", a.id),
            &a.lr().token,
            Some(top),
            &[("idempotency-key", &format!("t-{key}"))],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/invoices/{invoice}/pay", a.id),
            &a.lr().token,
            None,
            &[("idempotency-key", &format!("p-{key}"))],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn support(api: &mut Client, a: &OrgFixture) -> crate::client::Resp {
    let path = format!("/api/v1/orgs/{}/support", a.id);
    api.api("GET", &path, &a.collaborator().token, None).await
}

async fn premium_support_is_six_months_upgrade_only_with_one_vip_code(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let tiers = offers(&mut api, a).await;
    assert_eq!(tiers.len(), 2, "two tiers in the catalogue");
    for o in &tiers {
        let months: Vec<i64> = o["prices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["period_months"].as_i64().unwrap())
            .collect();
        assert_eq!(months, [12, 24, 36], "no 1- or 3-month price");
    }
    let r = support(&mut api, a).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["premium"], Value::Null);
    let mut web = t.client();
    web.login_ok(&a.collaborator().email, PASSWORD).await;
    let page = web.get("/support").await;
    assert!(
        page.body.contains("id=\"no-premium\""),
        "says how to get it"
    );
    assert!(page.body.contains("href=\"/products\""));
    // Business tier: 3 months is refused with a message; 12 months is ordered.
    let (business, enterprise) = (
        tiers[0]["id"].as_str().unwrap(),
        tiers[1]["id"].as_str().unwrap(),
    );
    let r = order(&mut api, a, business, 3).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("at least 6 months"), "{}", r.body);
    let r = order(&mut api, a, business, 12).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let invoice = r.json()["invoice_id"].as_str().unwrap().to_string();
    let r = order(&mut api, a, business, 24).await;
    assert_eq!(r.status, 409, "the same tier again");
    assert!(r.body.contains("only move up"), "{}", r.body);
    // Not active yet: no VIP code.
    let r = support(&mut api, a).await;
    assert_eq!(r.json()["premium"], Value::Null);
    pay(&mut api, a, &invoice, "1").await;
    let r = support(&mut api, a).await;
    let premium = r.json()["premium"].clone();
    let vip = premium["vip_code"].as_str().unwrap().to_string();
    assert!(
        vip.starts_with("VIP-") && vip.len() == 12 && vip[4..].chars().all(|c| c.is_ascii_digit()),
        "{vip}"
    );
    assert_eq!(premium["tier"], 1);
    assert!(
        premium["channels"]
            .to_string()
            .contains("premium@guichet.localhost")
    );
    let page = web.get("/support").await;
    assert!(page.body.contains(&vip), "the page shows the VIP code");
    assert!(
        page.body.contains("+41 21 000 00 00"),
        "and the tier's channels"
    );
    // Upgrade to Enterprise: allowed; the VIP code stays the same; a lower tier is then refused.
    let r = order(&mut api, a, enterprise, 12).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let invoice = r.json()["invoice_id"].as_str().unwrap().to_string();
    pay(&mut api, a, &invoice, "2").await;
    let r = support(&mut api, a).await;
    assert_eq!(r.json()["premium"]["tier"], 2);
    assert_eq!(
        r.json()["premium"]["vip_code"],
        vip.as_str(),
        "generated once"
    );
    let states: Vec<(String, String)> = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json()["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        states.contains(&("Support Premium Business".into(), "cancelled".into())),
        "the lower tier stops on upgrade (no refund, no renewal): {states:?}"
    );
    assert!(states.contains(&("Support Premium Enterprise".into(), "active".into())));
    let r = order(&mut api, a, business, 12).await;
    assert_eq!(r.status, 409);
    // Another Organization gets its own, different code.
    let bb = &w.b;
    let b_business = offers(&mut api, bb).await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = order(&mut api, bb, &b_business, 12).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let inv = r.json()["invoice_id"].as_str().unwrap().to_string();
    pay(&mut api, bb, &inv, "3").await;
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/support", bb.id),
            &bb.lr().token,
            None,
        )
        .await;
    let other = r.json()["premium"]["vip_code"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(other, vip);
}

async fn grant(api: &mut Client, a: &OrgFixture, body: Value) -> String {
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/support/grants", a.id),
            &a.admin().token,
            Some(body),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()["id"].as_str().unwrap().to_string()
}

async fn an_operator_sees_only_what_a_live_grant_covers_and_never_moves_money(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    t.app
        .create_operator(OPS, "Ops", OPS_PASSWORD)
        .await
        .unwrap();
    // A second product of A, outside the grant.
    let offer = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/catalogue", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json()["offers"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    order(&mut api, a, &offer, 12).await;
    let list = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    let name_of = |granted: bool| {
        list["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| (p["id"] == a.product.to_string().as_str()) == granted)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (mine, other) = (name_of(true), name_of(false));
    let mut ops = t.client();
    ops.login(OPS, OPS_PASSWORD).await;
    ops.get("/admin").await;
    // Without a live grant an operator sees nothing of the Organization.
    assert_eq!(
        ops.post(&format!("/admin/support/{}/enter", a.id), &[])
            .await
            .status,
        404
    );
    assert!(!ops.get("/admin/support").await.body.contains(&a.name));
    // Bad input is refused cleanly: a duration not offered, a product of another Organization.
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/support/grants", a.id),
            &a.admin().token,
            Some(json!({"hours": 5, "whole_org": true})),
        )
        .await;
    assert_eq!(r.status, 422);
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/support/grants", a.id),
            &a.admin().token,
            Some(json!({"hours": 1, "products": [w.b.product]})),
        )
        .await;
    assert_eq!(r.status, 404);
    // The Admin grants one product for an hour; the LR is told by e-mail.
    let only = grant(&mut api, a, json!({"hours": 1, "products": [a.product]})).await;
    let mail = &t.mails_to(&a.lr().email).await[0];
    assert!(
        mail.subject.contains("temporary access granted to support"),
        "{}",
        mail.subject
    );
    assert!(ops.get("/admin/support").await.body.contains(&a.name));
    assert_eq!(
        ops.post(&format!("/admin/support/{}/enter", a.id), &[])
            .await
            .status,
        303
    );
    let products = ops.get("/products").await;
    assert_eq!(products.status, 200, "{}", products.body);
    assert!(products.body.contains(&mine), "the granted product");
    assert!(!products.body.contains(&other), "and nothing else");
    assert_eq!(ops.get("/accounting/invoices").await.status, 403);
    assert_eq!(ops.get("/users").await.status, 403);
    // The whole Organization for 24 h: billing becomes readable, money never moves.
    let whole = grant(&mut api, a, json!({"hours": 24, "whole_org": true})).await;
    let products = ops.get("/products").await;
    assert!(products.body.contains(&other));
    let invoices = ops.get("/accounting/invoices").await;
    assert_eq!(invoices.status, 200);
    let page = ops
        .get(&format!("/accounting/invoices/{}", a.invoice))
        .await;
    assert_eq!(page.status, 200);
    let balance_before = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", a.id),
            &a.lr().token,
            None,
        )
        .await
        .body;
    let paid = ops
        .post(
            &format!("/accounting/invoices/{}/pay", a.invoice),
            &[("idempotency_key", "k1")],
        )
        .await;
    assert_eq!(paid.status, 403, "no payment under a grant");
    let role = ops
        .post(
            &format!("/users/{}/role", a.collaborator().id),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(role.status, 403, "no role change under a grant");
    let withdraw = ops
        .post(
            "/accounting/prepaid/withdraw",
            &[
                ("amount", "10.00"),
                ("method", "iban"),
                ("destination", "CH9300762011623852957"),
                ("holder", "Alpha"),
                ("idempotency_key", "w1"),
            ],
        )
        .await;
    assert_eq!(withdraw.status, 403, "no withdrawal");
    // Nor billing settings: the reference, a billing address, a product's auto-renewal.
    let reference = ops
        .post(
            "/accounting/settings",
            &[("billing_reference", "PO by support")],
        )
        .await;
    assert_eq!(reference.status, 403, "no billing reference change");
    let address = ops
        .post(
            "/accounting/addresses",
            &[
                ("name", "Support"),
                ("street", "Rue 1"),
                ("postcode", "1000"),
                ("city", "Lausanne"),
                ("country", "CH"),
            ],
        )
        .await;
    assert_eq!(address.status, 403, "no billing address added");
    let renew = ops
        .post(
            &format!("/products/{}/auto-renew", a.product),
            &[("on", "1")],
        )
        .await;
    assert_eq!(renew.status, 403, "no auto-renewal switched");
    let leave = ops.post("/org/leave", &[("confirm", "1")]).await;
    assert_eq!(leave.status, 403, "an operator is no member");
    let members = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/members", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert!(members.to_string().contains("\"collaborator\""));
    let invoice = api
        .invoice(a.id, &a.lr().token, &a.invoice.to_string())
        .await;
    assert_eq!(invoice["status"], "unpaid");
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", a.id),
            &a.lr().token,
            None
        )
        .await
        .body,
        balance_before
    );
    // Everything the operator did is in A's activity log, refusals included.
    let log = activity(&mut api, a, &a.lr().token, "?kind=support").await;
    let text = log.to_string();
    assert!(text.contains("support.entered"));
    assert!(text.contains("GET /products → 200"));
    assert!(text.contains(&format!(
        "POST /accounting/invoices/{}/pay → 403",
        a.invoice
    )));
    assert!(text.contains(&format!("POST /users/{}/role → 403", a.collaborator().id)));
    let refused = log["activity"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["action"] == "support.refused")
        .count();
    assert!(refused >= 3, "{text}");
    assert!(
        log["activity"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["action"] == "support.request" || l["action"] == "support.refused")
            .all(|l| l["actor_email"] == OPS && l["by_operator"] == true)
    );
    // Revoked: the very next request is refused (and logged); listed as revoked.
    for id in [&only, &whole] {
        let r = api
            .api(
                "DELETE",
                &format!("/api/v1/orgs/{}/support/grants/{id}", a.id),
                &a.lr().token,
                None,
            )
            .await;
        assert_eq!(r.status, 204);
    }
    assert_eq!(ops.get("/products").await.status, 403);
    let listed = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/support/grants", a.id),
            &a.lr().token,
            None,
        )
        .await
        .json();
    assert!(
        listed["grants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["live"] == false)
    );
    // Expiry on the clock: a 1-hour grant works, and an hour later it does not.
    grant(&mut api, a, json!({"hours": 1, "whole_org": true})).await;
    assert_eq!(
        ops.post(&format!("/admin/support/{}/enter", a.id), &[])
            .await
            .status,
        303
    );
    assert_eq!(ops.get("/products").await.status, 200);
    t.clock.advance(3600);
    assert_eq!(ops.get("/products").await.status, 403);
    assert_eq!(
        ops.get(&format!("/accounting/invoices/{}", a.invoice))
            .await
            .status,
        403
    );
    // The expiry e-mail goes once (the hourly job; the Support page sends it lazily too).
    let before = t.mails_to(&a.lr().email).await.len();
    assert_eq!(t.app.mail_expired_support_grants(None).await.unwrap(), 1);
    assert_eq!(t.app.mail_expired_support_grants(None).await.unwrap(), 0);
    let mails = t.mails_to(&a.lr().email).await;
    assert_eq!(mails.len(), before + 1);
    assert!(
        mails[0].subject.contains("has expired"),
        "{}",
        mails[0].subject
    );
    // Collaborators cannot grant access; another Organization's grant is not found.
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/support/grants", a.id),
            &a.accountant().token,
            Some(json!({"hours": 1, "whole_org": true})),
        )
        .await;
    assert_eq!(r.status, 403);
    // The Support page lists the grants for the LR with their state.
    let mut lr = t.client();
    lr.login_ok(&a.lr().email, PASSWORD).await;
    let page = lr.get("/support").await;
    assert!(
        page.body.contains("Revoked") && page.body.contains("Expired"),
        "{}",
        page.body
    );
}
