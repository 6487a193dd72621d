//! The API's own contract: health, the OpenAPI document, error shapes, tokens from the Manager.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_web::api::routes;

both_backends!(
    openapi_lists_every_route_and_errors_are_json,
    tokens_created_in_the_manager_work_and_can_be_revoked
);

/// CONTRIBUTING's "Adding a route": a route inside an Organization declares the permission its
/// use case checks, so the role matrix sends it to every role; a path is declared once.
#[test]
fn every_route_in_an_organization_names_its_permission() {
    let mut seen = std::collections::BTreeSet::new();
    for r in routes() {
        if r.path.contains("{org}") {
            assert!(
                r.action.is_some(),
                "{} {}: set `action` in its routes/<resource>.rs entry (the permission the use case checks)",
                r.method,
                r.path
            );
        }
        assert!(
            seen.insert((r.method, r.path)),
            "{} {} is declared twice",
            r.method,
            r.path
        );
        assert!(
            !r.summary.trim().is_empty(),
            "{} {}: a summary for the OpenAPI document",
            r.method,
            r.path
        );
    }
}

async fn openapi_lists_every_route_and_errors_are_json(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let doc = c.get("/api/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for r in routes() {
        let op = &doc["paths"][r.path][r.method.to_lowercase()];
        assert!(
            op.is_object(),
            "{} {} missing from the OpenAPI document",
            r.method,
            r.path
        );
    }
    let health = c.get("/healthz").await;
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["database"], "ok");
    let r = c.get("/api/v1/no-such-thing").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
    let r = c.get(&format!("/api/v1/orgs/{}", w.a.id)).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"]["code"], "unauthenticated");
    let r = c
        .api(
            "PATCH",
            &format!("/api/v1/orgs/{}", w.a.id),
            &w.a.lr().token,
            Some(serde_json::json!({"legal": {"name": ""}})),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = c
        .api(
            "PATCH",
            &format!("/api/v1/orgs/{}/members/{}", w.a.id, w.a.admin().id),
            &w.a.lr().token,
            Some(serde_json::json!({"role": "boss"})),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "role");
    let me = c
        .api("GET", "/api/v1/me", &w.a.accountant().token, None)
        .await
        .json();
    assert_eq!(me["org"]["id"], w.a.id.to_string());
    assert_eq!(me["org"]["role"], "collaborator");
    assert_eq!(me["org"]["accounting"], true);
}

async fn tokens_created_in_the_manager_work_and_can_be_revoked(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut web = t.client();
    web.login_ok(&w.a.admin().email, PASSWORD).await;
    web.get("/profile/security").await;
    let r = web
        .post(
            "/profile/tokens",
            &[("name", "backup script"), ("org", &w.a.id.to_string())],
        )
        .await;
    assert_eq!(r.status, 200);
    let secret = r
        .body
        .split("<code>")
        .find_map(|s| {
            s.strip_prefix("gch_")
                .map(|rest| format!("gch_{}", &rest[..64]))
        })
        .expect("token shown once");
    let mut api = t.client();
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/members", w.a.id),
            &secret,
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["members"].as_array().unwrap().len(), 5);
    assert_eq!(
        api.api("GET", &format!("/api/v1/orgs/{}", w.b.id), &secret, None)
            .await
            .status,
        404,
        "scoped to one Organization"
    );
    // A token for an Organization one is not in cannot be made.
    let r = web
        .post(
            "/profile/tokens",
            &[("name", "x"), ("org", &w.b.id.to_string())],
        )
        .await;
    assert_eq!(r.status, 404);
    let page = web.get("/profile/security").await;
    let row = page
        .body
        .split("<tr>")
        .find(|r| r.contains("backup script"))
        .expect("the new token is listed");
    let id = row
        .split("/profile/tokens/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .to_string();
    assert_eq!(
        web.post(&format!("/profile/tokens/{id}/revoke"), &[])
            .await
            .status,
        303
    );
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/orgs/{}/members", w.a.id),
            &secret,
            None
        )
        .await
        .status,
        401
    );
}
