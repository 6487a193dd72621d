//! Sign-up, login, throttling, sessions (fixation, logout, expiry), password reset, TOTP.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(
    signup_creates_an_organization_with_the_person_as_lr,
    signup_answers_the_same_for_an_existing_address,
    signup_is_throttled_per_ip,
    a_login_typed_as_another_counter_uses_up_nothing,
    one_sign_up_link_followed_twice_at_once_on_two_instances_creates_one_account,
    an_expired_sign_up_is_purged_by_the_hourly_clean_up,
    wrong_password_and_unknown_email_answer_the_same,
    eleventh_failed_attempt_in_a_minute_is_refused,
    session_fixation_logout_and_expiry,
    password_reset_by_email,
    totp_login_with_replay_refused_and_recovery_codes,
    forced_two_factor_blocks_everything_else,
);

/// The confirmation link of the last sign-up mail sent to `to`.
async fn signup_link(t: &TestApp, to: &str) -> String {
    let mails = t.mails_to(to).await;
    let m = mails
        .iter()
        .rev()
        .find(|m| m.kind == "signup_confirm")
        .unwrap_or_else(|| panic!("a sign-up link was mailed to {to}"));
    let at = m.body.find("/signup/confirm/").expect("the link");
    m.body[at..].split_whitespace().next().unwrap().to_string()
}

/// The text of the sign-up answer, with the address taken out.
fn answer_text(body: &str, email: &str) -> String {
    body.split("role=\"status\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or("")
        .replace(email, "<address>")
}

async fn signup_creates_an_organization_with_the_person_as_lr(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut c = t.client();
    c.get("/signup").await;
    let weak = c
        .post(
            "/signup",
            &[
                ("name", "Zoé Blanc"),
                ("email", "zoe@example.ch"),
                ("password", "password123"),
                ("country", "CH"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(
        weak.body.contains("trop courant"),
        "common password refused with a message: {}",
        weak.body
    );
    let r = c
        .post(
            "/signup",
            &[
                ("name", "Zoé Blanc"),
                ("email", "Zoe@Example.ch"),
                ("password", "lac-Léman-2026-vélo"),
                ("country", "ch"),
            ],
        )
        .await;
    // Nothing is created yet: the answer sends the person to their mailbox.
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("zoe@example.ch"), "{}", r.body);
    assert!(
        !c.cookies.contains_key("guichet_session"),
        "not signed in yet"
    );
    assert_eq!(
        c.get("/org").await.status,
        303,
        "no session before the link"
    );
    let link = signup_link(&t, "zoe@example.ch").await;
    // Opening the link (what a mail scanner does) shows a button and creates nothing.
    let page = c.get(&link).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Zoé Blanc"), "{}", page.body);
    assert!(
        !t.mails_to("zoe@example.ch")
            .await
            .iter()
            .any(|m| m.kind == "welcome"),
        "nothing created by a GET"
    );
    let done = c.post(&link, &[]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    let org = c.get("/org").await;
    assert_eq!(org.status, 200);
    assert!(
        org.body.contains("Zoé Blanc"),
        "the Organization is in the person's name"
    );
    assert!(
        org.body.contains("CHF"),
        "a Swiss address invoices in CHF (ORG-05)"
    );
    let users = c.get("/users").await;
    assert!(
        users.body.contains("zoe@example.ch") && users.body.contains("Représentant légal"),
        "{}",
        users.body
    );
    assert!(
        t.mails_to("zoe@example.ch")
            .await
            .iter()
            .any(|m| m.kind == "welcome")
    );
    // The link works once.
    let mut other = t.client();
    other.get(&link).await;
    let twice = other.post(&link, &[]).await;
    assert_eq!(twice.status, 409, "{}", twice.body);
    assert!(twice.body.contains("plus valable"), "{}", twice.body);
}

/// Issue #11 item 7: sign-up does not tell who has a login. A new address and an existing one get
/// the same status and the same words; the existing login's owner is told by e-mail, in their own
/// language, and nothing is created.
async fn signup_answers_the_same_for_an_existing_address(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let existing = w.a.admin().email.clone();
    let mut c = t.client();
    c.get("/signup").await;
    fn form(email: &str) -> [(&'static str, &str); 4] {
        [
            ("name", "Max Muster"),
            ("email", email),
            ("password", "lac-Léman-2026-vélo"),
            ("country", "CH"),
        ]
    }
    let fresh = c.post("/signup", &form("max@example.ch")).await;
    let before = t.outbox_count().await;
    let taken = c.post("/signup", &form(&existing)).await;
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    assert_eq!(taken.status, fresh.status);
    let (a, b2) = (
        answer_text(&fresh.body, "max@example.ch"),
        answer_text(&taken.body, &existing),
    );
    assert!(!a.is_empty(), "{}", fresh.body);
    assert_eq!(a, b2, "the same words for both");
    // One mail to the owner, and it is not a sign-up link.
    assert_eq!(t.outbox_count().await, before + 1);
    let mails = t.mails_to(&existing).await;
    let told = mails
        .iter()
        .find(|m| m.kind == "signup_existing")
        .expect("the owner is told");
    assert!(told.body.contains("/password/forgot"), "{}", told.body);
    assert!(!told.body.contains("/signup/confirm/"));
    let mut db = t.app.db.conn().await.unwrap();
    assert_eq!(
        guichet_store::signups::count_for(&mut db, &existing)
            .await
            .unwrap(),
        0,
        "nothing pending for an existing address"
    );
}

/// Sign-up is throttled per IP: the eleventh in an hour is 429 and writes and sends nothing.
async fn signup_is_throttled_per_ip(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut c = t.client();
    c.get("/signup").await;
    for i in 0..10 {
        let email = format!("p{i}@example.ch");
        let r = c
            .post(
                "/signup",
                &[
                    ("name", "Person"),
                    ("email", &email),
                    ("password", "lac-Léman-2026-vélo"),
                    ("country", "CH"),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "sign-up {i}: {}", r.body);
    }
    let mut db = t.app.db.write_conn().await.unwrap();
    let pending = guichet_store::signups::count_all(&mut db).await.unwrap();
    let mails = t.outbox_count().await;
    let r = c
        .post(
            "/signup",
            &[
                ("name", "Person"),
                ("email", "p10@example.ch"),
                ("password", "lac-Léman-2026-vélo"),
                ("country", "CH"),
            ],
        )
        .await;
    assert_eq!(r.status, 429, "{}", r.body);
    assert!(r.body.contains("Trop de tentatives"), "{}", r.body);
    assert!(r.headers.contains_key("retry-after"));
    assert_eq!(
        guichet_store::signups::count_all(&mut db).await.unwrap(),
        pending
    );
    assert_eq!(t.outbox_count().await, mails);
}

async fn wrong_password_and_unknown_email_answer_the_same(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let wrong = c.login(&w.a.lr().email, "not-the-password-at-all").await;
    let unknown = c
        .login("nobody@example.ch", "not-the-password-at-all")
        .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, 401);
    let msg = |body: &str| {
        body.split("role=\"alert\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap_or("")
            .to_string()
    };
    assert!(!msg(&wrong.body).is_empty());
    assert_eq!(msg(&wrong.body), msg(&unknown.body));
    assert!(!c.cookies.contains_key("guichet_session"));
    c.login_ok(&w.a.lr().email, PASSWORD).await;
}

async fn eleventh_failed_attempt_in_a_minute_is_refused(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let email = w.a.admin().email.clone();
    let mut c = t.client();
    for i in 0..10 {
        let r = c.login(&email, "wrong-password-again").await;
        assert_eq!(r.status, 401, "attempt {}", i + 1);
    }
    let r = c.login(&email, PASSWORD).await;
    assert_eq!(
        r.status, 429,
        "the 11th attempt is refused, even with the right password"
    );
    assert!(
        r.body.contains("Trop de tentatives") || r.body.contains("Too many"),
        "{}",
        r.body
    );
    assert!(r.headers.get("retry-after").is_some());
    // Another account from the same address is not locked, and a minute later the owner gets in.
    let other = c.login(&w.a.collaborator().email, PASSWORD).await;
    assert_eq!(other.status, 303);
    t.clock.advance(61);
    let mut owner = t.client();
    owner.login_ok(&email, PASSWORD).await;
}

async fn session_fixation_logout_and_expiry(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    // An attacker plants a session cookie before login: it is never accepted.
    c.cookies.insert("guichet_session".into(), "a".repeat(64));
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let real = c.cookies["guichet_session"].clone();
    assert_ne!(real, "a".repeat(64));
    assert_eq!(real.len(), 64, "256-bit token, hex");
    let mut attacker = t.client();
    attacker
        .cookies
        .insert("guichet_session".into(), "a".repeat(64));
    assert_eq!(attacker.get("/").await.status, 303);
    // Logging in again replaces the session: the old token is dead server-side.
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    let second = c.cookies["guichet_session"].clone();
    assert_ne!(second, real);
    let mut replay = t.client();
    replay
        .cookies
        .insert("guichet_session".into(), real.clone());
    assert_eq!(
        replay.get("/").await.status,
        303,
        "the pre-login session is gone"
    );
    // Logout kills it server-side: replaying the cookie does not work.
    let out = c.post("/logout", &[]).await;
    assert_eq!(out.status, 303);
    let mut replay = t.client();
    replay.cookies.insert("guichet_session".into(), second);
    assert!(replay.get("/").await.location().starts_with("/login"));
    // Idle expiry (2 h by default) and absolute expiry (24 h).
    let mut idle = t.client();
    idle.login_ok(&w.a.lr().email, PASSWORD).await;
    t.clock.advance(2 * 3600 + 1);
    assert_eq!(idle.get("/").await.status, 303, "idle session expired");
    let mut busy = t.client();
    busy.login_ok(&w.a.lr().email, PASSWORD).await;
    for _ in 0..25 {
        t.clock.advance(3600);
        busy.get("/").await;
    }
    assert_eq!(
        busy.get("/").await.status,
        303,
        "absolute expiry after 24 h even when active"
    );
}

async fn password_reset_by_email(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let email = w.a.collaborator().email.clone();
    let mut c = t.client();
    c.get("/password/forgot").await;
    let known = c.post("/password/forgot", &[("email", &email)]).await;
    let unknown = c
        .post("/password/forgot", &[("email", "ghost@example.ch")])
        .await;
    assert_eq!(known.status, 200);
    assert_eq!(
        known.body.replace(&known_csrf(&known.body), ""),
        unknown.body.replace(&known_csrf(&unknown.body), ""),
        "same answer"
    );
    assert!(t.mails_to("ghost@example.ch").await.is_empty());
    let mail = t.mails_to(&email).await;
    let body = &mail[0].body;
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/password/reset/"))
        .expect("link in mail");
    let path = &link[link.find("/password/reset/").unwrap()..];
    // A logged-in session of that person ends when the password is reset.
    let mut other = t.client();
    other.login_ok(&email, PASSWORD).await;
    c.get(path).await;
    let short = c.post(path, &[("password", "short")]).await;
    assert_eq!(short.status, 422);
    let ok = c
        .post(path, &[("password", "a-brand-new-passphrase-42")])
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(
        other.get("/").await.status,
        303,
        "sessions ended by the reset"
    );
    assert_eq!(
        c.post(path, &[("password", "yet-another-passphrase-43")])
            .await
            .status,
        409,
        "a link works once"
    );
    let mut again = t.client();
    again.login_ok(&email, "a-brand-new-passphrase-42").await;
}

fn known_csrf(body: &str) -> String {
    crate::client::find_csrf(body).unwrap_or_default()
}

fn code_for(secret_b32: &str, at: i64) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret_b32).unwrap();
    totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .unwrap()
        .generate(at as u64)
        .to_string()
}

async fn enable_totp(t: &TestApp, c: &mut crate::client::Client) -> (String, Vec<String>) {
    c.get("/profile/security").await;
    assert_eq!(c.post("/profile/2fa/begin", &[]).await.status, 303);
    let page = c.get("/profile/security").await;
    let secret = page
        .body
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("secret shown")
        .to_string();
    let wrong = c.post("/profile/2fa/confirm", &[("code", "000000")]).await;
    assert_eq!(wrong.status, 422);
    let ok = c
        .post(
            "/profile/2fa/confirm",
            &[("code", &code_for(&secret, t.app.now()))],
        )
        .await;
    assert_eq!(ok.status, 200);
    let codes: Vec<String> = ok
        .body
        .split("<li>")
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .filter(|s| s.len() == 14)
        .map(str::to_string)
        .collect();
    assert_eq!(codes.len(), 10, "ten recovery codes shown once");
    (secret, codes)
}

async fn totp_login_with_replay_refused_and_recovery_codes(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let email = w.a.admin().email.clone();
    let mut c = t.client();
    c.login_ok(&email, PASSWORD).await;
    let (secret, codes) = enable_totp(&t, &mut c).await;
    t.clock.advance(90);
    let mut d = t.client();
    let r = d.login(&email, PASSWORD).await;
    assert_eq!(r.location(), "/login/2fa");
    assert_eq!(
        d.get("/").await.location(),
        "/login/2fa",
        "half-signed-in sessions reach nothing"
    );
    d.get("/login/2fa").await;
    let code = code_for(&secret, t.app.now());
    assert_eq!(d.post("/login/2fa", &[("code", &code)]).await.status, 303);
    assert_eq!(d.get("/").await.status, 200);
    // The same code again (replay) is refused.
    let mut e = t.client();
    e.login(&email, PASSWORD).await;
    e.get("/login/2fa").await;
    assert_eq!(e.post("/login/2fa", &[("code", &code)]).await.status, 401);
    // A recovery code works once.
    assert_eq!(
        e.post("/login/2fa", &[("code", &codes[0])]).await.status,
        303
    );
    let mut f = t.client();
    f.login(&email, PASSWORD).await;
    f.get("/login/2fa").await;
    assert_eq!(
        f.post("/login/2fa", &[("code", &codes[0])]).await.status,
        401
    );
}

async fn forced_two_factor_blocks_everything_else(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut lr = t.client();
    lr.login_ok(&w.a.lr().email, PASSWORD).await;
    lr.get("/org").await;
    assert_eq!(
        lr.post(
            "/org/settings",
            &[
                ("phone", ""),
                ("force_2fa", "1"),
                ("force_2fa_present", "1")
            ]
        )
        .await
        .status,
        303
    );
    // The LR has no 2FA either: every Manager page now sends to the setup, and so does the API.
    assert_eq!(
        lr.get("/users").await.location(),
        "/profile/security?forced=1"
    );
    let mut api = t.client();
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/members", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["code"], "two_factor_required");
    enable_totp(&t, &mut lr).await;
    assert_eq!(lr.get("/users").await.status, 200);
    // A member of another Organization is not affected.
    let mut other = t.client();
    other.login_ok(&w.b.collaborator().email, PASSWORD).await;
}

/// Throttle counters are namespaced: failed logins typed as `reset:<address>` (the key of the
/// password-reset mail limit) or `2fa:<id>` count as login failures of that text only, so they
/// cannot stop someone's reset mails.
async fn a_login_typed_as_another_counter_uses_up_nothing(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let victim = w.a.admin().email.clone();
    let mut attacker = t.client();
    for _ in 0..6 {
        let r = attacker
            .login(&format!("reset:{victim}"), "not-the-password-at-all")
            .await;
        assert_eq!(r.status, 401, "{}", r.body);
    }
    let before = t.mails_to(&victim).await.len();
    let mut c = t.client();
    c.get("/password/forgot").await;
    let r = c.post("/password/forgot", &[("email", &victim)]).await;
    assert!(r.status < 400, "{}", r.body);
    let mails = t.mails_to(&victim).await;
    assert_eq!(mails.len(), before + 1, "the reset mail went out");
    assert!(mails.iter().any(|m| m.body.contains("/password/reset/")));
}

/// RELIABILITY (concurrency, two instances): the same sign-up link confirmed at the same moment on
/// two `guichet serve` instances creates one login and one Organization; the other answer is 409.
async fn one_sign_up_link_followed_twice_at_once_on_two_instances_creates_one_account(b: Backend) {
    let one = TestApp::spawn(b).await;
    let two = TestApp::spawn_on(
        &one.config.database_url,
        crate::harness::TempDir::new(),
        |_| {},
    )
    .await;
    let mut c = one.client();
    c.get("/signup").await;
    let r = c
        .post(
            "/signup",
            &[
                ("name", "Léa Rochat"),
                ("email", "lea@example.ch"),
                ("password", "lac-Léman-2026-vélo"),
                ("country", "CH"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let link = signup_link(&one, "lea@example.ch").await;
    let (mut a, mut b2) = (one.client(), two.client());
    a.get(&link).await;
    b2.get(&link).await;
    let (ra, rb) = tokio::join!(a.post(&link, &[]), b2.post(&link, &[]));
    let mut statuses = [ra.status, rb.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409], "{} / {}", ra.body, rb.body);
    let mut db = one.app.db.conn().await.unwrap();
    let (users,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'lea@example.ch'")
            .fetch_one(&mut *db)
            .await
            .unwrap();
    let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs WHERE name = 'Léa Rochat'")
        .fetch_one(&mut *db)
        .await
        .unwrap();
    assert_eq!((users, orgs), (1, 1));
}

/// The hourly clean-up forgets a sign-up a day after its link expired (it holds a password hash),
/// keeps a recent one, and the expired link says so instead of creating an account.
async fn an_expired_sign_up_is_purged_by_the_hourly_clean_up(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut c = t.client();
    c.get("/signup").await;
    let form = |email: &'static str| {
        [
            ("name", "Noé Favre"),
            ("email", email),
            ("password", "lac-Léman-2026-vélo"),
            ("country", "CH"),
        ]
    };
    assert_eq!(c.post("/signup", &form("old@example.ch")).await.status, 200);
    let link = signup_link(&t, "old@example.ch").await;
    t.clock.advance(49 * 3600);
    assert_eq!(c.post("/signup", &form("new@example.ch")).await.status, 200);
    t.app.purge_expired_records().await.unwrap();
    let mut db = t.app.db.conn().await.unwrap();
    use guichet_store::signups::count_for;
    assert_eq!(count_for(&mut db, "old@example.ch").await.unwrap(), 0);
    assert_eq!(count_for(&mut db, "new@example.ch").await.unwrap(), 1);
    let page = c.get(&link).await;
    assert_eq!(page.status, 409, "{}", page.body);
}
