//! Invitations (acceptance 6; USR-01): the e-mail and the change commit together.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};
use guichet_store::outbox;

both_backends!(
    invitation_mail_is_written_with_the_invitation_or_not_at_all,
    accepting_as_a_new_person_creates_login_and_membership,
    resend_revoke_and_existing_logins
);

fn link_path(body: &str) -> String {
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/invitations/"))
        .expect("link in the mail");
    link[link.find("/invitations/").unwrap()..].to_string()
}

async fn invitation_mail_is_written_with_the_invitation_or_not_at_all(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.admin().email, PASSWORD).await;
    c.get("/users").await;
    let r = c
        .post(
            "/users/invite",
            &[
                ("email", "Newcomer@Example.ch"),
                ("role", "collaborator"),
                ("accounting", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mails = t.mails_to("newcomer@example.ch").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains(&w.a.name), "{}", mails[0].body);
    // Failing invitations write no mail: an existing member, a duplicate, a bad address.
    let count = t.outbox_count().await;
    c.get("/users").await;
    let r = c
        .post(
            "/users/invite",
            &[("email", &w.a.collaborator().email), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("already a member") && r.body.contains("aria-invalid=\"true\""),
        "inline error: {}",
        r.body
    );
    let r = c
        .post(
            "/users/invite",
            &[("email", "newcomer@example.ch"), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, 422);
    let r = c
        .post(
            "/users/invite",
            &[("email", "not-an-address"), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(t.outbox_count().await, count);
    // A transaction that is rolled back takes its outbox message with it.
    let mut tx = t.app.db.begin().await.unwrap();
    outbox::enqueue(&mut tx, "rollback@example.ch", "s", "b", "test", 0)
        .await
        .unwrap();
    drop(tx);
    assert!(t.mails_to("rollback@example.ch").await.is_empty());
    assert_eq!(t.outbox_count().await, count);
}

async fn accepting_as_a_new_person_creates_login_and_membership(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    // The fixture invited invited@a.example.ch as a collaborator.
    let path = link_path(&t.mails_to("invited@a.example.ch").await[0].body);
    let mut c = t.client();
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&w.a.name));
    let weak = c
        .post(&path, &[("name", "Ines"), ("password", "123456789")])
        .await;
    assert_eq!(weak.status, 422);
    let r = c
        .post(
            &path,
            &[
                ("name", "Inès Moret"),
                ("password", "un-mot-de-passe-sûr-2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let home = c.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains(&w.a.name),
        "joined the inviting Organization, signed in"
    );
    let members = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/members", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await
        .json();
    let m = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == "invited@a.example.ch")
        .cloned()
        .expect("member");
    assert_eq!(m["role"], "collaborator");
    assert_eq!(
        t.app
            .my_orgs(m["user_id"].as_str().unwrap().parse().unwrap())
            .await
            .unwrap()
            .len(),
        1,
        "no Organization of their own"
    );
    // The link is spent.
    let mut again = t.client();
    again.get(&path).await;
    assert_eq!(
        again
            .post(
                &path,
                &[("name", "X"), ("password", "another-long-passphrase")]
            )
            .await
            .status,
        409
    );
}

async fn resend_revoke_and_existing_logins(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let base = format!("/api/v1/orgs/{}/invitations", w.a.id);
    // Invite B's collaborator (an existing login) into A.
    let r = c
        .api(
            "POST",
            &base,
            &w.a.lr().token,
            Some(serde_json::json!({"email": w.b.collaborator().email, "role": "external"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_string();
    let first = link_path(&t.mails_to(&w.b.collaborator().email).await[0].body);
    assert_eq!(
        c.api(
            "POST",
            &format!("{base}/{id}/resend"),
            &w.a.lr().token,
            None
        )
        .await
        .status,
        200
    );
    let second = link_path(&t.mails_to(&w.b.collaborator().email).await[0].body);
    assert_ne!(first, second);
    let mut web = t.client();
    assert_eq!(
        web.get(&first).await.status,
        404,
        "the old link died with the resend"
    );
    // Signed in as somebody else: refused; as the invited person: joined.
    web.login_ok(&w.b.lr().email, PASSWORD).await;
    web.get(&second).await;
    assert_eq!(web.post(&second, &[]).await.status, 403);
    let mut invited = t.client();
    invited.login_ok(&w.b.collaborator().email, PASSWORD).await;
    invited.get(&second).await;
    assert_eq!(invited.post(&second, &[]).await.status, 303);
    let orgs = t.app.my_orgs(w.b.collaborator().id).await.unwrap();
    assert_eq!(orgs.len(), 2);
    // Revoking the fixture's open invitation kills its link.
    let inv = w.a.invitation.to_string();
    assert_eq!(
        c.api("DELETE", &format!("{base}/{inv}"), &w.a.lr().token, None)
            .await
            .status,
        204
    );
    let revoked = link_path(&t.mails_to("invited@a.example.ch").await[0].body);
    let page = t.client().get(&revoked).await;
    assert!(page.body.contains("plus valable"), "{}", page.body);
    // Expiry after 14 days.
    let r = c
        .api(
            "POST",
            &base,
            &w.a.lr().token,
            Some(serde_json::json!({"email": "late@example.ch", "role": "collaborator"})),
        )
        .await;
    assert_eq!(r.status, 201);
    t.clock.advance(14 * 86400 + 1);
    let late = link_path(&t.mails_to("late@example.ch").await[0].body);
    let mut l = t.client();
    l.get(&late).await;
    assert_eq!(
        l.post(
            &late,
            &[("name", "Late"), ("password", "a-long-enough-passphrase")]
        )
        .await
        .status,
        409
    );
}
