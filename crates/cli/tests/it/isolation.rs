//! Tenant isolation (acceptance 4, RELIABILITY 15) and the role matrix (16), generated from the API's
//! route table: a route added to the table is covered without touching this file.

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{OrgFixture, World, world};
use guichet_core::{Access, authorize};
use guichet_web::api::{ApiRoute, routes};

both_backends!(
    another_organizations_ids_give_404_and_change_nothing,
    each_role_gets_exactly_what_the_table_allows
);

/// A's web hosting with one of each of its objects (the shared world has no web hosting).
pub(crate) struct Hosting {
    pub(crate) product: String,
    pub(crate) site: String,
    pub(crate) database: String,
    pub(crate) dbuser: String,
}

pub(crate) async fn hosting_of(t: &TestApp, a: &OrgFixture) -> Hosting {
    let product = crate::sites::order_hosting(t, a).await;
    let lr = t
        .app
        .actor(a.lr().id, a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let site = t
        .app
        .create_site(
            &lr,
            product.parse::<guichet_core::ProductId>().unwrap(),
            &guichet_app::sites::SiteInput {
                domain: "isolation.example.ch".into(),
            },
        )
        .await
        .unwrap();
    t.app
        .set_env(
            &lr,
            product.parse::<guichet_core::ProductId>().unwrap(),
            site,
            &guichet_app::sites::EnvInput {
                name: "API_KEY".into(),
                value: "x".into(),
                secret: true,
            },
        )
        .await
        .unwrap();
    let prefix = t
        .app
        .hosting(&lr, product.parse::<guichet_core::ProductId>().unwrap())
        .await
        .unwrap()
        .prefix
        .unwrap();
    let mut c = t.app.db.write_conn().await.unwrap();
    let database = guichet_store::sites::insert_database(
        &mut c,
        product.parse::<guichet_core::ProductId>().unwrap(),
        &format!("{prefix}_db"),
        0,
    )
    .await
    .unwrap();
    let dbuser = guichet_store::sites::insert_user(
        &mut c,
        product.parse::<guichet_core::ProductId>().unwrap(),
        &format!("{prefix}_u"),
        0,
    )
    .await
    .unwrap();
    Hosting {
        product,
        site: site.to_string(),
        database: database.to_string(),
        dbuser: dbuser.to_string(),
    }
}

/// Fills `{org}`, `{user}` and `{id}`; a route with another placeholder fails the test until this
/// function learns it.
pub(crate) fn fill(
    route: &ApiRoute,
    org: &OrgFixture,
    objects_of: &OrgFixture,
    h: &Hosting,
) -> String {
    let mut path = route.path.replace("{org}", &org.id.to_string());
    path = path.replace("{hosting}", &h.product);
    path = path.replace("{site}", &h.site);
    path = path.replace("{database}", &h.database);
    path = path.replace("{dbuser}", &h.dbuser);
    path = path.replace("{var}", "API_KEY");
    path = path.replace("{user}", &objects_of.collaborator().id.to_string());
    path = path.replace("{id}", &objects_of.invitation.to_string());
    path = path.replace("{address}", &objects_of.address.to_string());
    path = path.replace("{request}", &objects_of.request.to_string());
    path = path.replace("{invoice}", &objects_of.invoice.to_string());
    path = path.replace("{product}", &objects_of.product.to_string());
    path = path.replace("{team}", &objects_of.team.to_string());
    path = path.replace("{grant}", &objects_of.grant.to_string());
    path = path.replace("{ticket}", &objects_of.ticket.to_string());
    // The fixture issues no credit note: any id of A's is another Organization's for B (the
    // refunds test reads a real credit note of A's with B's token).
    path = path.replace("{note}", &objects_of.invoice.to_string());
    assert!(
        !path.contains('{'),
        "route {} has a placeholder the isolation test does not know",
        route.path
    );
    // A route with a placeholder this test does not know is a route nobody checked: say which.
    assert!(
        !path.contains('{'),
        "{path}: teach `fill` an id of the other Organization for this placeholder"
    );
    path
}

/// Everything of A an outsider could change, as seen by A's LR.
async fn snapshot(c: &mut Client, a: &OrgFixture) -> String {
    let mut s = String::new();
    for p in [
        "",
        "/members",
        "/invitations",
        "/billing/reference",
        "/billing-addresses?archived=true",
        "/prepaid",
        "/withdrawals",
        "/products",
        "/invoices",
        "/activity",
        "/support-requests",
    ] {
        let r = c
            .api(
                "GET",
                &format!("/api/v1/orgs/{}{p}", a.id),
                &a.lr().token,
                None,
            )
            .await;
        assert_eq!(r.status, 200);
        s.push_str(&r.body);
    }
    s
}

async fn another_organizations_ids_give_404_and_change_nothing(b: Backend) {
    let t = TestApp::spawn(b).await;
    let World { a, b: other } = world(&t).await;
    let h = hosting_of(&t, &a).await;
    let mut c = t.client();
    let before = snapshot(&mut c, &a).await;
    let outbox = t.outbox_count().await;
    let org_routes: Vec<ApiRoute> = routes()
        .into_iter()
        .filter(|r| r.path.contains("{org}"))
        .collect();
    assert!(
        org_routes.len() >= 10,
        "the table lists the Organization routes"
    );
    for route in &org_routes {
        assert!(
            route.action.is_some(),
            "{} {} declares no permission",
            route.method,
            route.path
        );
        for person in &other.people {
            // A's id in the path, with B's member's token (every role).
            let path = fill(route, &a, &a, &h);
            let r = c
                .api(
                    route.method,
                    &path,
                    &person.token,
                    route.example.map(|e| e()),
                )
                .await;
            assert_eq!(
                r.status, 404,
                "{} {} as B's {:?}: {}",
                route.method, path, person.role, r.body
            );
            assert_eq!(r.json()["error"]["code"], "not_found");
            // B's own id in the path but A's objects nested in it.
            if route.path.contains("{user}")
                || route.path.contains("{id}")
                || route.path.contains("{address}")
                || route.path.contains("{request}")
                || route.path.contains("{invoice}")
                || route.path.contains("{product}")
                || route.path.contains("{team}")
                || route.path.contains("{grant}")
                || route.path.contains("{ticket}")
                || route.path.contains("{hosting}")
            {
                let path = fill(route, &other, &a, &h);
                let r = c
                    .api(
                        route.method,
                        &path,
                        &person.token,
                        route.example.map(|e| e()),
                    )
                    .await;
                assert!(
                    r.status == 404 || r.status == 403,
                    "{} {} as B's {:?} got {}: {}",
                    route.method,
                    path,
                    person.role,
                    r.status,
                    r.body
                );
            }
        }
    }
    assert_eq!(snapshot(&mut c, &a).await, before, "A is unchanged");
    assert_eq!(t.outbox_count().await, outbox, "no e-mail went out");
    // Without a token, or with a made-up one: 401.
    let r = c
        .api("GET", &format!("/api/v1/orgs/{}", a.id), "gch_nope", None)
        .await;
    assert_eq!(r.status, 401);
    // HTML: switching to another Organization's id is a 404 too.
    let mut web = t.client();
    web.login_ok(&other.lr().email, crate::world::PASSWORD)
        .await;
    assert_eq!(
        web.post("/orgs/switch", &[("org", &a.id.to_string())])
            .await
            .status,
        404
    );
    let page = web
        .post(
            &format!("/users/{}/role", a.collaborator().id),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(snapshot(&mut c, &a).await, before);
}

async fn each_role_gets_exactly_what_the_table_allows(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    for route in routes().into_iter().filter(|r| r.action.is_some()) {
        let action = route.action.unwrap();
        for person in &w.b.people {
            // Ids that do not exist: an allowed caller gets past the check (404, 2xx or 4xx for the
            // input), a refused one gets 403 before anything is looked up.
            let path = route
                .path
                .replace("{org}", &w.b.id.to_string())
                .replace("{user}", &uuid::Uuid::now_v7().to_string())
                .replace("{id}", &uuid::Uuid::now_v7().to_string())
                .replace("{address}", &uuid::Uuid::now_v7().to_string())
                .replace("{request}", &uuid::Uuid::now_v7().to_string())
                .replace("{invoice}", &uuid::Uuid::now_v7().to_string())
                .replace("{product}", &uuid::Uuid::now_v7().to_string())
                .replace("{team}", &uuid::Uuid::now_v7().to_string())
                .replace("{grant}", &uuid::Uuid::now_v7().to_string())
                .replace("{ticket}", &uuid::Uuid::now_v7().to_string())
                .replace("{hosting}", &uuid::Uuid::now_v7().to_string())
                .replace("{site}", &uuid::Uuid::now_v7().to_string())
                .replace("{database}", &uuid::Uuid::now_v7().to_string())
                .replace("{dbuser}", &uuid::Uuid::now_v7().to_string())
                .replace("{note}", &uuid::Uuid::now_v7().to_string())
                .replace("{var}", "API_KEY");
            assert!(
                !path.contains('{'),
                "{path}: give the role test an id for this placeholder"
            );
            let mut body = route.example.map(|e| e());
            if let Some(serde_json::Value::Object(m)) = body.as_mut()
                && m.contains_key("email")
            {
                let fresh = format!("{}@invitee.example.ch", uuid::Uuid::new_v4().simple());
                m.insert("email".into(), fresh.into());
            }
            let r = c.api(route.method, &path, &person.token, body).await;
            let allowed = authorize(&Access::new(person.role, person.accounting), action).is_ok();
            if allowed {
                assert_ne!(
                    r.status, 403,
                    "{} {} should be allowed for {:?}/{}: {}",
                    route.method, route.path, person.role, person.accounting, r.body
                );
                assert!(
                    r.status < 500,
                    "{} {}: {}",
                    route.method,
                    route.path,
                    r.body
                );
            } else {
                assert_eq!(
                    r.status, 403,
                    "{} {} should be refused for {:?}/{}: {}",
                    route.method, route.path, person.role, person.accounting, r.body
                );
                assert_eq!(r.json()["error"]["code"], "forbidden");
            }
        }
    }
}
