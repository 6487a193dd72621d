//! The knowledge base as customers and operators meet it (issue 6): search from the CLI, deep links
//! that resolve, back-office edits found at once with their history, feedback and empty searches,
//! contextual help, the cookies notice leading to the guide.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use crate::world::{PASSWORD, world};
use std::process::Command;

both_backends!(
    an_edit_in_the_back_office_is_found_at_once_and_history_is_kept,
    help_pages_feedback_and_empty_searches
);

fn kb_search_cli(db: &str, query: &str) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["kb", "search", query, "--json", "--lang", "fr"])
        .env("GUICHET_DATABASE_URL", db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .expect("run guichet kb search");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn the_cli_finds_the_right_guide_first_with_accents_typos_and_hyphens() {
    let dir = TempDir::new();
    let db = format!("sqlite://{}", dir.0.join("kb.db").display());
    for (query, expected) in [
        ("facture pro-forma", "factures-et-pro-forma"),
        ("compte prepaye", "compte-prepaye"),
        ("factur", "factures-et-pro-forma"),
    ] {
        let hits = kb_search_cli(&db, query);
        assert_eq!(hits[0]["id"], expected, "{query}: {hits:?}");
        for key in ["id", "title", "score", "snippet"] {
            assert!(hits[0].get(key).is_some(), "{key} in the JSON");
        }
    }
}

#[test]
fn every_manager_link_in_every_guide_resolves_to_a_page_of_the_manager() {
    let lib = guichet_kb::Library::builtin().unwrap();
    let links = lib.manager_links();
    assert!(
        links.len() >= 20,
        "the guides link into the Manager: {}",
        links.len()
    );
    let mut broken = Vec::new();
    for (guide, link) in links {
        match guichet_kb::resolve_manager_link(&link) {
            Some(path) if guichet_web::is_manager_page(path) => {}
            _ => broken.push(format!("{guide}: {link}")),
        }
    }
    for g in lib.guides() {
        for p in &g.pages {
            if !guichet_web::is_manager_page(p) {
                broken.push(format!("{}: pages = {p}", g.id));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to pages that do not exist: {broken:#?}"
    );
    assert!(lib.check().is_empty(), "{:?}", lib.check());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_listed_manager_page_is_routed() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    // The shared world has no web hosting: the hosting pages get one of their own.
    let hosting = crate::sites::order_hosting(&t, &w.a).await;
    let lr = t
        .app
        .actor(w.a.lr().id, w.a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let site = t
        .app
        .create_site(
            &lr,
            hosting.parse::<guichet_core::ProductId>().unwrap(),
            &guichet_app::sites::SiteInput {
                domain: "kb.example.ch".into(),
            },
        )
        .await
        .unwrap();
    for page in guichet_web::MANAGER_PAGES {
        let page = if page.starts_with("/products/{product}/sites") {
            page.replace("{product}", &hosting)
                .replace("{site}", &site.to_string())
        } else {
            page.to_string()
        };
        let path = page
            .replace("{address}", &w.a.address.to_string())
            .replace("{request}", &w.a.request.to_string())
            .replace("{invoice}", &w.a.invoice.to_string())
            .replace("{team}", &w.a.team.to_string())
            .replace("{ticket}", &w.a.ticket.to_string())
            .replace("{product}", &w.a.product.to_string())
            .replace("{category}", "billing")
            .replace("{id}", "compte-prepaye");
        let r = c.get(&path).await;
        assert_ne!(r.status, 404, "{path} is listed but not routed");
        assert!(r.status < 500, "{path}: {}", r.status);
    }
}

async fn an_edit_in_the_back_office_is_found_at_once_and_history_is_kept(b: Backend) {
    let one = TestApp::spawn(b).await;
    let two = TestApp::spawn_on(&one.config.database_url, TempDir::new(), |_| {}).await;
    one.app
        .create_operator(
            "kb@provider.example",
            "KB editor",
            "operator-passphrase-2026",
        )
        .await
        .unwrap();
    let mut ops = one.client();
    assert_eq!(
        ops.login("kb@provider.example", "operator-passphrase-2026")
            .await
            .status,
        303
    );
    let page = ops.get("/admin/kb/compte-prepaye").await;
    assert_eq!(page.status, 200);
    let original = page
        .body
        .split("<textarea")
        .nth(1)
        .and_then(|s| s.split_once('>'))
        .map(|(_, rest)| rest.split("</textarea>").next().unwrap_or(""))
        .unwrap()
        .to_string();
    let original = original
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&#39;", "'");
    assert!(original.starts_with("+++"), "{original}");
    // Search on the second instance before, then edit on the first.
    assert!(
        two.client()
            .get("/help/search.json?q=ornithorynque")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let edited = format!("{original}\n\nLe compte prépayé accepte même les ornithorynques.\n");
    let broken = edited.replacen("title =", "titel =", 1);
    let r = ops
        .post(
            "/admin/kb/compte-prepaye",
            &[("content", &broken), ("publish", "1")],
        )
        .await;
    assert_eq!(
        r.status, 422,
        "a front-matter error is shown with its field"
    );
    assert!(r.body.contains("titel"), "{}", r.body);
    assert_eq!(
        ops.post(
            "/admin/kb/compte-prepaye",
            &[("content", &edited), ("publish", "0")]
        )
        .await
        .status,
        303
    );
    assert!(
        two.client()
            .get("/help/search.json?q=ornithorynque")
            .await
            .json()
            .as_array()
            .unwrap()
            .is_empty(),
        "a draft is not published"
    );
    assert_eq!(
        ops.post(
            "/admin/kb/compte-prepaye",
            &[("content", &edited), ("publish", "1")]
        )
        .await
        .status,
        303
    );
    let hits = two
        .client()
        .get("/help/search.json?q=ornithorynque&lang=fr")
        .await
        .json();
    assert_eq!(
        hits[0]["id"], "compte-prepaye",
        "found at once, on the other instance too: {hits}"
    );
    let history = ops.get("/admin/kb/compte-prepaye").await.body;
    assert!(
        history.contains("v1") && history.contains("v2") && history.contains("v3"),
        "every version is kept"
    );
    // Customers cannot reach the editor.
    let mut customer = one.client();
    let w = world(&one).await;
    customer.login_ok(&w.a.lr().email, PASSWORD).await;
    assert_eq!(customer.get("/admin/kb/compte-prepaye").await.status, 404);
    assert_eq!(
        customer
            .post(
                "/admin/kb/compte-prepaye",
                &[("content", &original), ("publish", "1")]
            )
            .await
            .status,
        404
    );
}

async fn help_pages_feedback_and_empty_searches(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let home = c.get("/help").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/help/c/billing") && home.body.contains("name=\"q\""));
    // A guide page: rendered body, deep links as Manager paths, the other language, feedback.
    let page = c.get("/help/compte-prepaye").await;
    assert!(
        page.body.contains("href=\"/accounting/prepaid\""),
        "manager: links resolve to the Manager's page"
    );
    assert!(
        page.body.contains("/help/prepaid-account?stay=1"),
        "the English version is offered"
    );
    assert_eq!(
        c.post(
            "/help/compte-prepaye/feedback",
            &[("helpful", "no"), ("comment", "Il manque les limites")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        c.post("/help/nope/feedback", &[("helpful", "yes")])
            .await
            .status,
        404
    );
    // A search that finds nothing is recorded for operators.
    let r = c.get("/help/search?q=xylophone+quantique").await;
    assert!(r.body.contains("Aucun guide ne correspond"), "{}", r.body);
    t.app
        .create_operator("ops@provider.example", "Ops", "operator-passphrase-2026")
        .await
        .unwrap();
    let mut ops = t.client();
    ops.login("ops@provider.example", "operator-passphrase-2026")
        .await;
    let report = ops.get("/admin/kb/report").await.body;
    assert!(
        report.contains("xylophone quantique") && report.contains("compte-prepaye"),
        "{report}"
    );
    // Contextual help: the prepaid page links to its guides.
    let mut web = t.client();
    web.login_ok(&w.a.lr().email, PASSWORD).await;
    let prepaid = web.get("/accounting/prepaid").await;
    assert!(
        prepaid
            .body
            .contains("href=\"/help?page=%2Faccounting%2Fprepaid\"")
    );
    let help = web.get("/help?page=%2Faccounting%2Fprepaid").await;
    assert!(help.body.contains("/help/prepaid-account"), "{}", help.body);
    // The cookies notice's link leads to the guide, in the visitor's language.
    let r = c.get("/help/cookies-and-javascript").await;
    assert_eq!(r.location(), "/help/cookies-et-javascript");
    assert_eq!(c.get("/help/cookies-et-javascript").await.status, 200);
}

#[test]
fn guides_export_and_import_round_trip_through_the_cli() {
    let dir = TempDir::new();
    let db = format!("sqlite://{}", dir.0.join("kb.db").display());
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
            .args(args)
            .env("GUICHET_DATABASE_URL", &db)
            .env_remove("GUICHET_CONFIG")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    // The guides shipped in the repository: every language folder's Markdown files.
    let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../guides"))
        .unwrap()
        .flatten()
        .flat_map(|lang| std::fs::read_dir(lang.path()).unwrap().flatten())
        .filter(|f| f.path().extension().is_some_and(|e| e == "md"))
        .count();
    let export = dir.0.join("export");
    let said = run(&["kb", "export", export.to_str().unwrap()]);
    assert!(said.starts_with(&format!("{shipped} guide(s)")), "{said}");
    let file = export.join("fr").join("compte-prepaye.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("+++"));
    // Unchanged files publish nothing; an edited one becomes a new published version.
    assert!(
        run(&["kb", "import", export.to_str().unwrap()])
            .contains(&format!("0 guide(s) published, {shipped} unchanged"))
    );
    std::fs::write(&file, format!("{text}\nLes tamanoirs sont bienvenus.\n")).unwrap();
    assert!(
        run(&["kb", "import", export.to_str().unwrap()])
            .contains(&format!("1 guide(s) published, {} unchanged", shipped - 1))
    );
    assert_eq!(kb_search_cli(&db, "tamanoirs")[0]["id"], "compte-prepaye");
    // A broken file is refused with its name and field.
    std::fs::write(export.join("fr").join("casse.md"), "+++\ntitle = 3\n+++\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["kb", "import", export.to_str().unwrap()])
        .env("GUICHET_DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("casse.md"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_searches_like_the_cli_and_operators_can_add_synonyms() {
    let dir = TempDir::new();
    let synonyms = dir.0.join("synonyms.toml");
    std::fs::write(
        &synonyms,
        "groups = [[\"tirelire\", \"prepaye\", \"prepaid\"]]\n",
    )
    .unwrap();
    let db = crate::harness::fresh_database(Backend::Sqlite, &dir.0).await;
    let t = TestApp::spawn_on(&db, dir, |c| c.kb_synonyms = Some(synonyms.clone())).await;
    let mut c = t.client();
    let hits = c.get("/api/v1/kb/search?q=compte%20prepaye&lang=fr").await;
    assert_eq!(hits.status, 200, "public: no token needed");
    assert_eq!(hits.json()[0]["id"], "compte-prepaye");
    let hits = c.get("/api/v1/kb/search?q=tirelire&lang=fr").await.json();
    assert_eq!(
        hits[0]["id"], "compte-prepaye",
        "the operator's synonym works: {hits}"
    );
    assert_eq!(
        c.get("/api/v1/kb/search?q=x&lang=klingon").await.status,
        422
    );
    let doc = c.get("/api/openapi.json").await.json();
    assert_eq!(
        doc["paths"]["/api/v1/kb/search"]["get"]["security"],
        serde_json::json!([])
    );
}
