//! Work teams (issue 5, acceptance 1–3; TEAM-01…06).

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use serde_json::json;

both_backends!(
    team_membership_gives_and_takes_only_what_the_team_gave,
    teams_are_for_lr_and_admins_and_stay_in_their_organization
);

async fn products_seen(t: &TestApp, org: guichet_core::OrgId, token: &str) -> usize {
    t.client()
        .api("GET", &format!("/api/v1/orgs/{org}/products"), token, None)
        .await
        .json()["products"]
        .as_array()
        .unwrap()
        .len()
}

async fn team_membership_gives_and_takes_only_what_the_team_gave(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let base = format!("/api/v1/orgs/{}/teams/{}", a.id, a.team);
    // The fixture's team has technical + statistics on the product, and nobody in it.
    assert_eq!(products_seen(&t, a.id, &a.collaborator().token).await, 0);
    let r = api
        .api(
            "POST",
            &format!("{base}/members"),
            &a.admin().token,
            Some(json!({"user_ids": [a.collaborator().id, a.external().id]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        products_seen(&t, a.id, &a.collaborator().token).await,
        1,
        "on the very next request"
    );
    // The external sees exactly the team's products, and neither billing nor the member list.
    assert_eq!(products_seen(&t, a.id, &a.external().token).await, 1);
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices", a.id),
            &a.external().token,
            None
        )
        .await
        .status,
        403
    );
    assert_eq!(
        api.api(
            "GET",
            &format!("/api/v1/orgs/{}/members", a.id),
            &a.external().token,
            None
        )
        .await
        .status,
        403
    );
    // An individual grant on the same product survives leaving the team, and rights add up.
    let grant = format!(
        "/api/v1/orgs/{}/members/{}/grants/{}",
        a.id,
        a.collaborator().id,
        a.product
    );
    assert_eq!(
        api.api("PUT", &grant, &a.lr().token, Some(json!({"tickets": true})))
            .await
            .status,
        204
    );
    let rights = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products/{}", a.id, a.product),
            &a.collaborator().token,
            None,
        )
        .await
        .json()["rights"]
        .clone();
    assert_eq!(
        rights,
        json!({"technical": true, "statistics": true, "tickets": true, "sales": false})
    );
    let access = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products/{}/access", a.id, a.product),
            &a.admin().token,
            None,
        )
        .await
        .json();
    let line = access["access"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["email"] == a.collaborator().email.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        line["reasons"],
        json!(["individual", "team:Webmasters"]),
        "who can access it, and why"
    );
    assert_eq!(
        api.api(
            "DELETE",
            &format!("{base}/members/{}", a.collaborator().id),
            &a.admin().token,
            None
        )
        .await
        .status,
        204
    );
    let rights = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/products/{}", a.id, a.product),
            &a.collaborator().token,
            None,
        )
        .await
        .json()["rights"]
        .clone();
    assert_eq!(
        rights,
        json!({"technical": false, "statistics": false, "tickets": true, "sales": false})
    );
    assert_eq!(products_seen(&t, a.id, &a.external().token).await, 1);
    // The leader must be a member; deleting the team removes only its grants.
    let r = api
        .api(
            "PUT",
            &base,
            &a.admin().token,
            Some(json!({"name": "Webmasters", "leader": a.collaborator().id})),
        )
        .await;
    assert_eq!(r.status, 422);
    let r = api
        .api(
            "PUT",
            &base,
            &a.admin().token,
            Some(json!({"name": "Web team", "colour": "#AA3300", "leader": a.external().id})),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["colour"], "#aa3300");
    assert_eq!(
        api.api("DELETE", &base, &a.lr().token, None).await.status,
        204
    );
    assert_eq!(products_seen(&t, a.id, &a.external().token).await, 0);
    assert_eq!(
        products_seen(&t, a.id, &a.collaborator().token).await,
        1,
        "the individual grant is still there"
    );
}

async fn teams_are_for_lr_and_admins_and_stay_in_their_organization(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    for p in [w.a.collaborator(), w.a.accountant(), w.a.external()] {
        assert_eq!(
            api.api(
                "GET",
                &format!("/api/v1/orgs/{}/teams", w.a.id),
                &p.token,
                None
            )
            .await
            .status,
            403
        );
    }
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/teams/{}", w.b.id, w.a.team),
            &w.b.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 404, "another Organization's team id");
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/teams/{}/members", w.a.id, w.a.team),
            &w.a.lr().token,
            Some(json!({"user_ids": [w.b.lr().id]})),
        )
        .await;
    assert_eq!(
        r.status, 404,
        "only members of the Organization can join its teams"
    );
    // The Manager: collaborators get 403 on the teams page; the LR creates a team there.
    let mut collab = t.client();
    collab.login_ok(&w.a.collaborator().email, PASSWORD).await;
    assert_eq!(collab.get("/teams").await.status, 403);
    let mut lr = t.client();
    lr.login_ok(&w.a.lr().email, PASSWORD).await;
    let page = lr.get("/teams").await;
    assert!(page.body.contains("Webmasters"), "{}", page.body);
    // Its colour is a class of the palette (the Content-Security-Policy blocks inline styles).
    assert!(
        page.body.contains(r#"<span class="badge team team-c"#),
        "{}",
        page.body
    );
    assert!(!page.body.contains("style="), "{}", page.body);
    let r = lr
        .post("/teams", &[("name", "Support N1"), ("colour", "#123456")])
        .await;
    assert_eq!(r.status, 303);
    let team_page = lr.get(r.location()).await;
    assert!(
        team_page.body.contains("Support N1") && team_page.body.contains(&w.a.collaborator().email)
    );
    // #123456 (a dark greyish blue) is shown as the palette's slate, beside the team's name.
    let page = lr.get("/teams").await.body;
    let support = page.find(">Support N1<").expect("the new team is listed");
    let before = &page[..support];
    let badge = before
        .rfind("<span class=\"badge team ")
        .expect("its badge");
    assert!(
        before[badge..].starts_with(r#"<span class="badge team team-c7" aria-hidden="true">"#),
        "{}",
        &before[badge..]
    );
}
