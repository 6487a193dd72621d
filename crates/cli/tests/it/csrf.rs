//! CSRF (RELIABILITY 18) and cookie attributes (17), cookies refused (WEB-01).

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use crate::world::{PASSWORD, world};

both_backends!(state_changing_posts_need_the_token_and_a_same_origin);

async fn state_changing_posts_need_the_token_and_a_same_origin(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let token = c.csrf.clone();
    let ref_path = "/accounting/settings";
    let before = c.get(ref_path).await.body;
    // No token.
    let r = c
        .post_raw(ref_path, &[("billing_reference", "PO-1")], &[])
        .await;
    assert_eq!(r.status, 403);
    // A wrong token.
    let r = c
        .post_raw(
            ref_path,
            &[("csrf", &"0".repeat(64)), ("billing_reference", "PO-2")],
            &[],
        )
        .await;
    assert_eq!(r.status, 403);
    // The right token but from a foreign Origin, or marked cross-site by the browser.
    let r = c
        .post_raw(
            ref_path,
            &[("csrf", &token), ("billing_reference", "PO-3")],
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(r.status, 403);
    let r = c
        .post_raw(
            ref_path,
            &[("csrf", &token), ("billing_reference", "PO-4")],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.status, 403);
    // A form with no other field than the token checks it too (taking a cancellation back, renewing).
    for action in ["resume", "renew"] {
        let r = c
            .post_raw(&format!("/products/{}/{action}", w.a.product), &[], &[])
            .await;
        assert_eq!(r.status, 403, "/products/…/{action} without the token");
    }
    // Nothing changed.
    let after = c.get(ref_path).await.body;
    assert_eq!(
        before.replace(&token, ""),
        after.replace(&c.csrf.clone(), "")
    );
    for po in ["PO-1", "PO-2", "PO-3", "PO-4"] {
        assert!(!after.contains(po));
    }
    // The same request done right works, from the same origin.
    let origin = t.url.clone();
    let r = c
        .post_raw(
            ref_path,
            &[("csrf", &token), ("billing_reference", "PO-5")],
            &[("origin", &origin)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(c.get(ref_path).await.body.contains("PO-5"));
    // A JSON endpoint refuses a text/plain form post (no CSRF through content types).
    let mut api = t.client();
    let r = api
        .post_raw(
            &format!("/api/v1/orgs/{}/invitations", w.a.id),
            &[("email", "x@example.ch")],
            &[("authorization", &format!("Bearer {}", w.a.lr().token))],
        )
        .await;
    assert_eq!(r.status, 415);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_are_host_prefixed_secure_httponly_lax_over_tls() {
    let dir = TempDir::new();
    let db = fresh_database(Backend::Sqlite, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| {
        c.public_url = "https://manager.example.ch".into();
    })
    .await;
    let w = world(&t).await;
    let mut c = t.client();
    let page = c.get("/login").await;
    let csrf_cookie = page
        .set_cookies()
        .into_iter()
        .find(|s| s.starts_with("__Host-guichet_csrf="))
        .expect("csrf cookie");
    for attr in ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"] {
        assert!(csrf_cookie.contains(attr), "{csrf_cookie} lacks {attr}");
    }
    assert!(
        !csrf_cookie.contains("Domain"),
        "__Host- cookies have no Domain"
    );
    let r = c
        .post(
            "/login",
            &[("email", &w.a.lr().email), ("current", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    let session = r
        .set_cookies()
        .into_iter()
        .find(|s| s.starts_with("__Host-guichet_session="))
        .expect("session cookie");
    for attr in ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"] {
        assert!(session.contains(attr), "{session} lacks {attr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_cookies_refused_the_manager_says_so_and_links_the_guide() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    let w = world(&t).await;
    let mut c = t.client();
    let page = c.get("/login").await;
    let token = crate::client::find_csrf(&page.body).unwrap();
    c.cookies.clear(); // the browser refused to keep them
    let r = c
        .post_raw(
            "/login",
            &[
                ("csrf", &token),
                ("email", &w.a.lr().email),
                ("current", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("refuse les cookies"), "{}", r.body);
    assert!(r.body.contains("href=\"/help/cookies-and-javascript\""));
    assert!(
        r.set_cookies()
            .iter()
            .all(|s| !s.contains("guichet_session")),
        "no session was created"
    );
    let guide = c.get("/help/cookies-and-javascript").await;
    assert_eq!(
        guide.location(),
        "/help/cookies-et-javascript",
        "the guide in the visitor's language"
    );
    let guide = c.get(guide.location()).await;
    assert_eq!(guide.status, 200);
    assert!(guide.body.contains("JavaScript"));
}
