//! Several `guichet serve` processes on one database (acceptance 7): nothing another instance needs
//! lives in memory — sessions, throttling and the outbox are in the database.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(a_session_created_through_one_instance_works_on_the_other);

async fn a_session_created_through_one_instance_works_on_the_other(b: Backend) {
    let one = TestApp::spawn(b).await;
    let w = world(&one).await;
    let two = TestApp::spawn_on(&one.config.database_url, TempDir::new(), |_| {}).await;
    let mut c1 = one.client();
    c1.login_ok(&w.a.lr().email, PASSWORD).await;
    let mut c2 = two.client();
    c2.cookies = c1.cookies.clone();
    let home = c2.get("/").await;
    assert_eq!(home.status, 200, "the second instance knows the session");
    assert!(home.body.contains(&w.a.name));
    // Logging out on the second ends it on the first.
    assert_eq!(c2.post("/logout", &[]).await.status, 303);
    assert_eq!(c1.get("/").await.status, 303);
    // Failed attempts count across instances.
    for _ in 0..5 {
        assert_eq!(
            c1.login(&w.a.admin().email, "wrong-password-here")
                .await
                .status,
            401
        );
        assert_eq!(
            c2.login(&w.a.admin().email, "wrong-password-here")
                .await
                .status,
            401
        );
    }
    assert_eq!(c1.login(&w.a.admin().email, PASSWORD).await.status, 429);
    // Both report a healthy database.
    for t in [&one, &two] {
        let r = t.client().get("/healthz").await;
        assert_eq!(r.json()["database"], "ok");
    }
}
