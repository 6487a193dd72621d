//! Guide imports from other tools (issue 15, acceptance 8): a flat folder of Jekyll/Hugo-style
//! files (YAML front matter, `lang`, no summary) is published file by file with a report;
//! `--replace` leaves exactly those guides published; broken files make the import fail naming each.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use guichet_core::Lang;
use std::process::{Command, Output};

both_backends!(a_flat_yaml_folder_replaces_the_shipped_help_centre);

fn import(db: &str, args: &[&str]) -> (Output, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("kb")
        .arg("import")
        .args(args)
        .env("GUICHET_DATABASE_URL", db)
        .env_remove("GUICHET_CONFIG")
        .output()
        .expect("run guichet kb import");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, said)
}

const GUIDES: &[(&str, &str)] = &[
    (
        "wombats-fr.md",
        "---\ntitle: Adopter un wombat\nlang: fr\ncategory: Billing\nlayout: post\ndate: 2024-03-01\n---\n\n# Adopter un wombat\n\nLe wombat se nourrit de racines et dort le jour.\n",
    ),
    (
        "wombats-en.md",
        "---\ntitle: Adopting a wombat\nlanguage: en\ncategory: Tutorials\n---\n\nThe wombat eats roots and sleeps during the day.\n",
    ),
    (
        "wombats-de.md",
        "---\ntitle: Einen Wombat adoptieren\nlang: de\ncategory: support\ntags: tiere, wombat\n---\n\nDer Wombat frisst Wurzeln und schläft tagsüber.\n",
    ),
];

async fn a_flat_yaml_folder_replaces_the_shipped_help_centre(b: Backend) {
    let t = TestApp::spawn(b).await;
    let db = t.config.database_url.clone();
    let dir = TempDir::new();
    let flat = dir.0.join("export");
    std::fs::create_dir_all(&flat).unwrap();
    for (name, text) in GUIDES {
        std::fs::write(flat.join(name), text).unwrap();
    }
    std::fs::write(flat.join("logo.png"), b"\x89PNG").unwrap();
    let mut c = t.client();
    assert_eq!(
        c.get("/help/compte-prepaye").await.status,
        200,
        "shipped guide"
    );

    // Every guide is published and reported by file, with what was ignored or replaced.
    let (out, said) = import(&db, &[flat.to_str().unwrap()]);
    assert!(out.status.success(), "{said}");
    for (name, _) in GUIDES {
        assert!(
            said.lines()
                .any(|l| l.starts_with("published") && l.contains(name)),
            "{name} reported: {said}"
        );
    }
    assert!(
        said.contains("skipped") && said.contains("logo.png: not a .md file"),
        "{said}"
    );
    assert!(
        said.contains("warning: unknown field `layout` ignored"),
        "{said}"
    );
    assert!(
        said.contains("category `Tutorials` is not one of ours"),
        "{said}"
    );
    assert!(
        said.contains("3 guide(s) published, 0 unchanged, 1 skipped, 0 broken."),
        "{said}"
    );
    for (query, lang, id) in [
        ("racines", Lang::Fr, "wombats-fr"),
        ("roots", Lang::En, "wombats-en"),
        ("Wurzeln", Lang::De, "wombats-de"),
    ] {
        let hits = t.app.kb_search(query, Some(lang), 5).await.unwrap();
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some(id), "{query}");
    }
    let page = c.get("/help/wombats-fr").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Le wombat se nourrit de racines"),
        "summary/body shown"
    );
    // Importing again changes nothing.
    let (out, said) = import(&db, &[flat.to_str().unwrap()]);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("0 guide(s) published, 3 unchanged"), "{said}");

    // --replace: only the imported guides stay published; the shipped ones are withdrawn.
    let (out, said) = import(&db, &["--replace", flat.to_str().unwrap()]);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("unpublished compte-prepaye"), "{said}");
    let mut conn = t.app.db.conn().await.unwrap();
    let published: Vec<String> = guichet_store::kb::published(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(published, vec!["wombats-de", "wombats-en", "wombats-fr"]);
    // The operators' history is kept.
    assert!(
        !guichet_store::kb::versions(&mut conn, "compte-prepaye")
            .await
            .unwrap()
            .is_empty()
    );
    drop(conn);
    assert_ne!(c.get("/help/compte-prepaye").await.status, 200, "withdrawn");
    let hits = t
        .app
        .kb_search("compte prépayé", Some(Lang::Fr), 5)
        .await
        .unwrap();
    assert!(hits.iter().all(|h| h.id.starts_with("wombats")), "{hits:?}");
    assert_eq!(c.get("/help/wombats-de").await.status, 200);

    // A folder of broken files fails, naming each, and unpublishes nothing.
    let broken = dir.0.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(
        broken.join("casse-un.md"),
        "---\ntitle: [oops\nlang: fr\n---\nTexte.\n",
    )
    .unwrap();
    std::fs::write(
        broken.join("casse-deux.md"),
        "---\ntitle: Sans langue\n---\nTexte.\n",
    )
    .unwrap();
    let (out, said) = import(&db, &["--replace", broken.to_str().unwrap()]);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("casse-un.md") && said.contains("casse-deux.md"),
        "{said}"
    );
    assert!(said.contains("field `language` is missing"), "{said}");
    assert!(
        said.contains("2 broken file(s), nothing unpublished"),
        "{said}"
    );
    assert_eq!(
        c.get("/help/wombats-en").await.status,
        200,
        "still published"
    );
}
