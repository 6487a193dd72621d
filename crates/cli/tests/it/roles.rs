//! Role rules (acceptance 5; USR-02, USR-03, INV-01).

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(
    only_an_lr_grants_lr_and_the_last_lr_stays,
    accounting_routes_need_the_accounting_permission,
    a_role_change_applies_on_the_very_next_request
);

async fn only_an_lr_grants_lr_and_the_last_lr_stays(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut c = t.client();
    let member = |u: &guichet_core::UserId| format!("/api/v1/orgs/{}/members/{u}", a.id);
    // An Administrator cannot make someone LR, nor touch the LR.
    let r = c
        .api(
            "PATCH",
            &member(&a.collaborator().id),
            &a.admin().token,
            Some(json!({"role": "legal_rep"})),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = c
        .api(
            "PATCH",
            &member(&a.lr().id),
            &a.admin().token,
            Some(json!({"role": "collaborator"})),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = c
        .api("DELETE", &member(&a.lr().id), &a.admin().token, None)
        .await;
    assert_eq!(r.status, 403);
    // The only LR can neither demote nor remove themselves, nor leave.
    let r = c
        .api(
            "PATCH",
            &member(&a.lr().id),
            &a.lr().token,
            Some(json!({"role": "admin"})),
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Legal Representative")
    );
    let r = c
        .api("DELETE", &member(&a.lr().id), &a.lr().token, None)
        .await;
    assert_eq!(r.status, 409);
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    web.get("/org").await;
    assert_eq!(
        web.post("/org/leave", &[("confirm", "1")]).await.status,
        409
    );
    // The LR appoints a second LR; then the first may step down, and the mail tells the person.
    let r = c
        .api(
            "PATCH",
            &member(&a.admin().id),
            &a.lr().token,
            Some(json!({"role": "legal_rep"})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mail = &t.mails_to(&a.admin().email).await[0];
    assert!(mail.subject.contains("role"), "{}", mail.subject);
    let r = c
        .api(
            "PATCH",
            &member(&a.lr().id),
            &a.lr().token,
            Some(json!({"role": "admin"})),
        )
        .await;
    assert_eq!(r.status, 200);
    let members = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/members", a.id),
            &a.admin().token,
            None,
        )
        .await
        .json();
    let lrs: Vec<_> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "legal_rep")
        .collect();
    assert_eq!(lrs.len(), 1);
    assert_eq!(lrs[0]["email"], a.admin().email.as_str());
}

async fn accounting_routes_need_the_accounting_permission(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut c = t.client();
    let path = format!("/api/v1/orgs/{}/billing/reference", a.id);
    assert_eq!(
        c.api("GET", &path, &a.collaborator().token, None)
            .await
            .status,
        403
    );
    assert_eq!(
        c.api(
            "PUT",
            &path,
            &a.collaborator().token,
            Some(json!({"billing_reference": "x"}))
        )
        .await
        .status,
        403
    );
    assert_eq!(
        c.api("GET", &path, &a.external().token, None).await.status,
        403
    );
    let r = c
        .api(
            "PUT",
            &path,
            &a.accountant().token,
            Some(json!({"billing_reference": "Centre de coûts 42"})),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        c.api("GET", &path, &a.lr().token, None).await.json()["billing_reference"],
        "Centre de coûts 42"
    );
    let too_long = "x".repeat(129);
    let r = c
        .api(
            "PUT",
            &path,
            &a.accountant().token,
            Some(json!({"billing_reference": too_long})),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "billing_reference");
    // The Manager hides and refuses the accounting pages alike.
    let mut web = t.client();
    web.login_ok(&a.collaborator().email, PASSWORD).await;
    let home = web.get("/").await;
    assert!(!home.body.contains("/accounting/invoices"));
    assert_eq!(web.get("/accounting/invoices").await.status, 403);
    assert_eq!(web.get("/accounting/settings").await.status, 403);
    assert_eq!(web.get("/users").await.status, 403);
}

async fn a_role_change_applies_on_the_very_next_request(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut admin_web = t.client();
    admin_web.login_ok(&a.admin().email, PASSWORD).await;
    assert_eq!(admin_web.get("/users").await.status, 200);
    let mut c = t.client();
    let path = format!("/api/v1/orgs/{}/members/{}", a.id, a.admin().id);
    assert_eq!(
        c.api(
            "PATCH",
            &path,
            &a.lr().token,
            Some(json!({"role": "collaborator"}))
        )
        .await
        .status,
        200
    );
    assert_eq!(
        admin_web.get("/users").await.status,
        403,
        "the open session loses the rights at once"
    );
    assert_eq!(
        c.api(
            "GET",
            &format!("/api/v1/orgs/{}/members", a.id),
            &a.admin().token,
            None
        )
        .await
        .status,
        403
    );
    // Removal: the next request no longer finds the Organization.
    assert_eq!(
        c.api("DELETE", &path, &a.lr().token, None).await.status,
        204
    );
    assert_eq!(
        c.api(
            "GET",
            &format!("/api/v1/orgs/{}", a.id),
            &a.admin().token,
            None
        )
        .await
        .status,
        404
    );
    assert_eq!(admin_web.get("/users").await.location(), "/orgs/new");
}
