//! Web hosting (SPEC §9, issue 5 acceptance 5–7): databases and users really created on MariaDB
//! with the hosting's prefix and least privilege, names that would inject SQL refused, the MySQL
//! prefix option's before → after list, environment variables, the activity log, provisioning off
//! without a MySQL server, tenancy and the technical right.
//!
//! The MariaDB test reads the server from `GUICHET_TEST_MYSQL` (e.g. `mysql://root@127.0.0.1:3306`)
//! and is skipped with a notice when it is unset.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp, fresh_database};
use crate::world::{OrgFixture, world};
use guichet_app::Origin;
use guichet_core::product::ProductType;
use serde_json::json;
use sqlx::Connection;

both_backends!(
    databases_and_users_exist_on_mariadb_with_least_privilege,
    the_prefix_list_matches_the_real_names_and_every_change_is_logged,
    provisioning_is_off_without_a_mysql_server,
    other_organizations_and_collaborators_without_the_technical_right_are_refused
);

pub fn mysql_url() -> Option<String> {
    match std::env::var("GUICHET_TEST_MYSQL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            eprintln!("skipped: GUICHET_TEST_MYSQL is not set, MariaDB provisioning test not run");
            None
        }
    }
}

async fn spawn(b: Backend, mysql: Option<String>) -> TestApp {
    let dir = TempDir::new();
    let db = fresh_database(b, &dir.0).await;
    TestApp::spawn_on(&db, dir, move |c| c.mysql_url = mysql).await
}

/// A web hosting product ordered by the Organization's LR.
pub async fn order_hosting(t: &TestApp, org: &OrgFixture) -> String {
    let lr = t
        .app
        .actor(org.lr().id, org.id, Origin::default())
        .await
        .unwrap();
    let offer = t
        .app
        .catalogue(&lr)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.product_type == ProductType::WebHosting)
        .expect("a web hosting offer")
        .id;
    t.app
        .order_product(&lr, offer, 12, None)
        .await
        .unwrap()
        .0
        .to_string()
}

/// Drops what a test created on the MariaDB server, even when the test fails half-way.
struct Cleanup {
    root: String,
    prefix: String,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        let (root, prefix) = (self.root.clone(), self.prefix.clone());
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                let server = guichet_store::provision::MysqlServer::new(&root).unwrap();
                for d in ["mabase", "other"] {
                    let _ = server.drop_database(&format!("{prefix}_{d}")).await;
                }
                let _ = server.drop_user(&format!("{prefix}_monuser")).await;
            });
        })
        .join()
        .ok();
    }
}

fn with_db(url: &str, user: &str, password: &str, db: &str) -> String {
    let hostport = url.rsplit('@').next().unwrap().trim_end_matches('/');
    format!("mysql://{user}:{password}@{hostport}/{db}")
}

async fn databases_and_users_exist_on_mariadb_with_least_privilege(b: Backend) {
    let Some(root) = mysql_url() else { return };
    let t = spawn(b, Some(root.clone())).await;
    let w = world(&t).await;
    let hosting = order_hosting(&t, &w.a).await;
    let lr = &w.a.lr().token;
    let base = format!("/api/v1/orgs/{}/hostings/{hosting}", w.a.id);
    let mut c = t.client();

    let r = c
        .api(
            "POST",
            &format!("{base}/databases"),
            lr,
            Some(json!({"name": "mabase"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mabase = r.json();
    let h = c.api("GET", &base, lr, None).await.json();
    let prefix = h["prefix"].as_str().unwrap().to_string();
    let _cleanup = Cleanup {
        root: root.clone(),
        prefix: prefix.clone(),
    };
    assert_eq!(mabase["name"], format!("{prefix}_mabase"));
    let other = c
        .api(
            "POST",
            &format!("{base}/databases"),
            lr,
            Some(json!({"name": "other"})),
        )
        .await;
    assert_eq!(other.status, 201, "{}", other.body);

    // Injection through a name: refused with a clear message, before anything reaches MySQL.
    for bad in [
        "a`; DROP DATABASE x; --",
        "x'; DROP USER root; --",
        "ma base",
        "Mabase",
    ] {
        let r = c
            .api(
                "POST",
                &format!("{base}/databases"),
                lr,
                Some(json!({"name": bad})),
            )
            .await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
        let msg = r.json()["error"]["message"].as_str().unwrap().to_string();
        assert!(msg.contains("a-z"), "{msg}");
        let r = c
            .api(
                "POST",
                &format!("{base}/db-users"),
                lr,
                Some(json!({"name": bad, "databases": [mabase["id"]]})),
            )
            .await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
    }
    let long = c
        .api(
            "POST",
            &format!("{base}/db-users"),
            lr,
            Some(json!({"name": "u".repeat(28), "databases": [mabase["id"]]})),
        )
        .await;
    assert_eq!(long.status, 422, "32 characters with the prefix at most");
    let weak = c
        .api(
            "POST",
            &format!("{base}/db-users"),
            lr,
            Some(json!({"name": "monuser", "password": "short", "databases": [mabase["id"]]})),
        )
        .await;
    assert_eq!(weak.status, 422);
    assert_eq!(weak.json()["error"]["fields"][0]["field"], "password");

    let r = c
        .api(
            "POST",
            &format!("{base}/db-users"),
            lr,
            Some(json!({"name": "monuser", "databases": [mabase["id"]]})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let created = r.json();
    assert_eq!(created["user"]["name"], format!("{prefix}_monuser"));
    let password = created["generated_password"].as_str().unwrap().to_string();
    assert!(password.len() >= 16);
    // The password is shown once: not in the hosting's view.
    let h = c.api("GET", &base, lr, None).await;
    assert!(!h.body.contains(&password));
    assert_eq!(
        h.json()["users"][0]["databases"][0],
        format!("{prefix}_mabase")
    );

    // The user reaches its database…
    let user = format!("{prefix}_monuser");
    let mut conn = sqlx::mysql::MySqlConnection::connect(&with_db(
        &root,
        &user,
        &password,
        &format!("{prefix}_mabase"),
    ))
    .await
    .expect("wxyz_monuser connects to wxyz_mabase");
    sqlx::raw_sql("CREATE TABLE t (x INT); INSERT INTO t VALUES (1)")
        .execute(&mut conn)
        .await
        .expect("all privileges on its own database");
    conn.close().await.unwrap();
    // …and no other, not even its sibling of the same hosting.
    for db in [format!("{prefix}_other"), "mysql".to_string()] {
        let r = sqlx::mysql::MySqlConnection::connect(&with_db(&root, &user, &password, &db)).await;
        assert!(r.is_err(), "{user} must not reach {db}");
    }

    // Deleting removes them from the server.
    let server = guichet_store::provision::MysqlServer::new(&root).unwrap();
    assert!(server.user_exists(&user).await.unwrap());
    let uid = created["user"]["id"].as_str().unwrap();
    let r = c
        .api("DELETE", &format!("{base}/db-users/{uid}"), lr, None)
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert!(!server.user_exists(&user).await.unwrap());
    for d in [&mabase, &other.json()] {
        let id = d["id"].as_str().unwrap();
        let r = c
            .api("DELETE", &format!("{base}/databases/{id}"), lr, None)
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert!(
            !server
                .database_exists(d["name"].as_str().unwrap())
                .await
                .unwrap()
        );
    }
    let log = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/activity?kind=site", w.a.id),
            lr,
            None,
        )
        .await
        .json();
    let actions: Vec<&str> = log["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["action"].as_str().unwrap())
        .collect();
    for a in [
        "site.db_created",
        "site.db_user_created",
        "site.db_user_deleted",
        "site.db_deleted",
    ] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    assert!(
        !log.to_string().contains(&password),
        "no password in the log"
    );
}

/// Records databases and users as the provisioning would (the MariaDB test checks the real thing).
async fn record_names(t: &TestApp, hosting: &str, dbs: &[&str], users: &[&str]) {
    let hosting: guichet_core::ProductId = hosting.parse().unwrap();
    let mut c = t.app.db.write_conn().await.unwrap();
    for d in dbs {
        guichet_store::sites::insert_database(&mut c, hosting, d, 0)
            .await
            .unwrap();
    }
    for u in users {
        guichet_store::sites::insert_user(&mut c, hosting, u, 0)
            .await
            .unwrap();
    }
}

async fn the_prefix_list_matches_the_real_names_and_every_change_is_logged(b: Backend) {
    let t = spawn(b, None).await;
    let w = world(&t).await;
    let hosting = order_hosting(&t, &w.a).await;
    let lr_actor = t
        .app
        .actor(w.a.lr().id, w.a.id, Origin::default())
        .await
        .unwrap();
    let lr = &w.a.lr().token;
    let base = format!("/api/v1/orgs/{}/hostings/{hosting}", w.a.id);
    let mut c = t.client();
    // A site migrated from the old platform has the option on (DB-03)…
    let migrated = t
        .app
        .add_site(
            &lr_actor,
            hosting.parse::<guichet_core::ProductId>().unwrap(),
            &guichet_app::sites::SiteInput {
                domain: "old.example.ch".into(),
            },
            true,
        )
        .await
        .unwrap();
    // …a new one has it off.
    let r = c
        .api(
            "POST",
            &format!("{base}/sites"),
            lr,
            Some(json!({"domain": "www.example.ch"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["site"]["mysql_prefix"], false);
    let bad = c
        .api(
            "POST",
            &format!("{base}/sites"),
            lr,
            Some(json!({"domain": "not a domain"})),
        )
        .await;
    assert_eq!(bad.status, 422);

    let h = c.api("GET", &base, lr, None).await.json();
    let prefix = h["prefix"].as_str().unwrap().to_string();
    assert!(guichet_core::sites::valid_prefix(&prefix), "{prefix}");
    let (d1, d2, u1) = (
        format!("{prefix}_mabase"),
        format!("{prefix}_blog"),
        format!("{prefix}_monuser"),
    );
    record_names(&t, &hosting, &[&d1, &d2], &[&u1]).await;
    let site = format!("{base}/sites/{migrated}");
    let v = c.api("GET", &site, lr, None).await.json();
    assert_eq!(v["site"]["mysql_prefix"], true);
    let got: Vec<(String, String, String)> = v["changes_if_off"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().into(),
                c["before"].as_str().unwrap().into(),
                c["after"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("database".into(), "blog".into(), d2.clone()),
            ("database".into(), "mabase".into(), d1.clone()),
            ("user".into(), "monuser".into(), u1.clone()),
        ]
    );
    // Turning it off without confirming changes nothing.
    let r = c
        .api(
            "PUT",
            &format!("{site}/mysql-prefix"),
            lr,
            Some(json!({"on": false})),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(
        c.api("GET", &site, lr, None).await.json()["site"]["mysql_prefix"],
        true
    );
    // The Manager's toggle shows the same list and a warning before it applies.
    let mut web = t.client();
    web.login_ok(&w.a.lr().email, crate::world::PASSWORD).await;
    let page = web
        .post(
            &format!("/products/{hosting}/sites/{migrated}/prefix"),
            &[("on", "0")],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    for (before, after) in [("mabase", &d1), ("blog", &d2), ("monuser", &u1)] {
        assert!(page.body.contains(before) && page.body.contains(after.as_str()));
    }
    let r = web
        .post(
            &format!("/products/{hosting}/sites/{migrated}/prefix"),
            &[("on", "0"), ("confirm", "1")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        c.api("GET", &site, lr, None).await.json()["site"]["mysql_prefix"],
        false
    );

    // Environment variables (DB-04).
    let env = format!("{site}/env");
    let r = c
        .api(
            "PUT",
            &env,
            lr,
            Some(json!({"name": "API_KEY", "value": "k\"e\\y$1", "secret": true})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        !r.body.contains("k\\\"e"),
        "a secret is masked after saving"
    );
    let r = c
        .api(
            "PUT",
            &env,
            lr,
            Some(json!({"name": "APP_ENV", "value": "production"})),
        )
        .await;
    assert_eq!(r.json()["env"][1]["value"], "production");
    for (name, value, field) in [
        ("lower", "x", "name"),
        ("1ABC", "x", "name"),
        ("PATH", "x", "name"),
        ("HTTP_HOST", "x", "name"),
        ("OK_NAME", "a\nb", "value"),
    ] {
        let r = c
            .api("PUT", &env, lr, Some(json!({"name": name, "value": value})))
            .await;
        assert_eq!(r.status, 422, "{name}: {}", r.body);
        assert_eq!(r.json()["error"]["fields"][0]["field"], field);
    }
    let big = "x".repeat(4097);
    let r = c
        .api("PUT", &env, lr, Some(json!({"name": "BIG", "value": big})))
        .await;
    assert_eq!(r.status, 422);
    for i in 0..98 {
        let r = c
            .api(
                "PUT",
                &env,
                lr,
                Some(json!({"name": format!("V{i}"), "value": "1"})),
            )
            .await;
        assert_eq!(r.status, 200, "{i}: {}", r.body);
    }
    let r = c
        .api(
            "PUT",
            &env,
            lr,
            Some(json!({"name": "ONE_TOO_MANY", "value": "1"})),
        )
        .await;
    assert_eq!(r.status, 422, "101st variable");
    let r = c
        .api(
            "PUT",
            &env,
            lr,
            Some(json!({"name": "V0", "value": "replaced"})),
        )
        .await;
    assert_eq!(r.status, 200, "replacing is not adding");
    let r = c.api("DELETE", &format!("{env}/V1"), lr, None).await;
    assert_eq!(r.status, 204);
    // The platform configuration: the Manager's download masks secrets, the operator's has them.
    let conf = c.api("GET", &format!("{site}/config"), lr, None).await;
    assert_eq!(conf.status, 200);
    assert!(
        conf.body.contains("SetEnv APP_ENV \"production\""),
        "{}",
        conf.body
    );
    assert!(conf.body.contains("env[APP_ENV] = \"production\""));
    assert!(!conf.body.contains("k\\\"e"));
    let full = t
        .app
        .site_config_for_platform(&migrated.to_string())
        .await
        .unwrap();
    assert!(full.contains(r#"SetEnv API_KEY "k\"e\\y$1""#), "{full}");
    assert!(full.contains(r#"env[API_KEY] = "k\"e\\y\$1""#), "{full}");
    let r = c.api("DELETE", &site, lr, None).await;
    assert_eq!(r.status, 204);

    // Acceptance 7: every action in the log with its actor, time and object (every page of it).
    let mut lines: Vec<serde_json::Value> = Vec::new();
    let mut after = String::new();
    loop {
        let log = c
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/activity?kind=site&after={after}", w.a.id),
                lr,
                None,
            )
            .await
            .json();
        lines.extend(log["activity"].as_array().unwrap().iter().cloned());
        match log["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => break,
        }
    }
    let log = serde_json::Value::Array(lines.clone());
    let find = |action: &str, object: &str| {
        lines
            .iter()
            .find(|l| l["action"] == action && l["detail"].as_str().unwrap().contains(object))
            .unwrap_or_else(|| panic!("{action} {object} not in the log"))
    };
    for (action, object) in [
        ("site.created", "old.example.ch"),
        ("site.created", "www.example.ch"),
        ("site.mysql_prefix", "old.example.ch: off"),
        ("site.env_set", "API_KEY (secret)"),
        ("site.env_set", "APP_ENV"),
        ("site.env_deleted", "V1"),
        ("site.deleted", "old.example.ch"),
    ] {
        let l = find(action, object);
        assert_eq!(l["actor_id"], w.a.lr().id.to_string());
        assert_eq!(l["at"], t.app.now());
    }
    assert!(
        !log.to_string().contains("k\\\"e"),
        "no secret value in the log"
    );
}

async fn provisioning_is_off_without_a_mysql_server(b: Backend) {
    let t = spawn(b, None).await;
    let w = world(&t).await;
    let hosting = order_hosting(&t, &w.a).await;
    let mut c = t.client();
    let base = format!("/api/v1/orgs/{}/hostings/{hosting}", w.a.id);
    let h = c.api("GET", &base, &w.a.lr().token, None).await.json();
    assert_eq!(h["provisioning"], false);
    let r = c
        .api(
            "POST",
            &format!("{base}/databases"),
            &w.a.lr().token,
            Some(json!({"name": "mabase"})),
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("provisioning is off"),
        "{}",
        r.body
    );
    let mut web = t.client();
    web.login_ok(&w.a.lr().email, crate::world::PASSWORD).await;
    let page = web.get(&format!("/products/{hosting}/sites")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("provisioning is off"), "{}", page.body);
    let r = web
        .post(
            &format!("/products/{hosting}/databases"),
            &[("name", "mabase")],
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(r.body.contains("provisioning is off"));
    let mut conn = t.app.db.conn().await.unwrap();
    assert!(
        guichet_store::sites::databases(
            &mut conn,
            hosting.parse::<guichet_core::ProductId>().unwrap()
        )
        .await
        .unwrap()
        .is_empty(),
        "nothing pretends to exist"
    );
}

async fn other_organizations_and_collaborators_without_the_technical_right_are_refused(b: Backend) {
    let t = spawn(b, None).await;
    let w = world(&t).await;
    let hosting = order_hosting(&t, &w.a).await;
    let mut c = t.client();
    let base = format!("/api/v1/orgs/{}/hostings/{hosting}", w.a.id);
    let site = c
        .api(
            "POST",
            &format!("{base}/sites"),
            &w.a.lr().token,
            Some(json!({"domain": "a.example.ch"})),
        )
        .await
        .json()["site"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Another Organization: its own path with A's hosting, or A's path with its token → 404.
    let foreign = format!("/api/v1/orgs/{}/hostings/{hosting}", w.b.id);
    for (path, token) in [(&foreign, &w.b.lr().token), (&base, &w.b.lr().token)] {
        let r = c.api("GET", path, token, None).await;
        assert_eq!(r.status, 404, "{path}");
        let r = c
            .api(
                "PUT",
                &format!("{path}/sites/{site}/env"),
                token,
                Some(json!({"name": "X", "value": "1"})),
            )
            .await;
        assert_eq!(r.status, 404);
    }
    // A's collaborator without a grant: not found; with statistics only: refused; technical: allowed.
    let collab = w.a.collaborator();
    let r = c.api("GET", &base, &collab.token, None).await;
    assert_eq!(r.status, 404);
    let lr = t
        .app
        .actor(w.a.lr().id, w.a.id, Origin::default())
        .await
        .unwrap();
    let stats = guichet_core::grants::Rights {
        statistics: true,
        ..Default::default()
    };
    t.app
        .set_product_grant(
            &lr,
            collab.id,
            hosting.parse::<guichet_core::ProductId>().unwrap(),
            stats,
        )
        .await
        .unwrap();
    let r = c.api("GET", &base, &collab.token, None).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let r = c
        .api(
            "PUT",
            &format!("{base}/sites/{site}/mysql-prefix"),
            &collab.token,
            Some(json!({"on": true})),
        )
        .await;
    assert_eq!(r.status, 403);
    let mut web = t.client();
    web.login_ok(&collab.email, crate::world::PASSWORD).await;
    assert_eq!(
        web.get(&format!("/products/{hosting}/sites")).await.status,
        403
    );
    let tech = guichet_core::grants::Rights {
        technical: true,
        ..Default::default()
    };
    t.app
        .set_product_grant(
            &lr,
            collab.id,
            hosting.parse::<guichet_core::ProductId>().unwrap(),
            tech,
        )
        .await
        .unwrap();
    let r = c
        .api(
            "PUT",
            &format!("{base}/sites/{site}/mysql-prefix"),
            &collab.token,
            Some(json!({"on": true})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let page = web.get(&format!("/products/{hosting}/sites/{site}")).await;
    assert_eq!(page.status, 200);
    // A product that is not a web hosting has no sites.
    let r = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/hostings/{}", w.a.id, w.a.product),
            &w.a.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 404);
}
