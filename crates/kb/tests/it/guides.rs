//! The shipped guides: complete, consistent, importable and exportable, with working deep links.

use crate::library;
use guichet_kb::categories;
use guichet_kb::{Library, manager_links, render, resolve_manager_link};
use std::collections::BTreeSet;
use std::path::Path;

/// The Manager's routes today (crates/web/src/pages/mod.rs). The web crate checks links against
/// its own route table too; this copy keeps the guides honest on their own.
const MANAGER_ROUTES: &[&str] = &[
    "/",
    "/login",
    "/signup",
    "/password/forgot",
    "/orgs/new",
    "/org",
    "/org/delete",
    "/products",
    "/payments",
    "/accounting/invoices",
    "/accounting/prepaid",
    "/accounting/addresses",
    "/accounting/settings",
    "/accounting/verify",
    "/accounting/renewals",
    "/teams",
    "/users",
    "/profile",
    "/profile/security",
    "/help",
    "/help/cookies-and-javascript",
    "/support",
    "/support/new",
    "/support/requests",
    "/activity",
];

#[test]
fn every_manager_link_of_every_guide_goes_to_an_existing_page() {
    let mut bad = Vec::new();
    for g in library().guides() {
        for link in manager_links(g) {
            match resolve_manager_link(&link) {
                Some(path) if MANAGER_ROUTES.contains(&path) => {}
                _ => bad.push(format!("{}: {link}", g.id)),
            }
        }
        for page in &g.pages {
            if !MANAGER_ROUTES.contains(&page.as_str()) {
                bad.push(format!("{}: pages = {page}", g.id));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "links to pages that do not exist:\n{}",
        bad.join("\n")
    );
    assert!(
        library().manager_links().len() >= 40,
        "guides should link into the Manager"
    );
}

#[test]
fn guides_are_consistent_and_every_french_guide_has_an_english_one() {
    let lib = library();
    let problems: Vec<String> = lib.check().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for g in lib.in_language("fr") {
        assert!(
            lib.in_lang(&g.id, "en").is_some(),
            "{} has no English translation",
            g.id
        );
    }
    assert_eq!(lib.in_language("fr").count(), lib.in_language("en").count());
}

#[test]
fn every_spec_section_has_a_guide_in_french_and_english() {
    // SPEC sections 1–9 plus WEB-01: the guide that documents each.
    let sections = [
        (
            "1 account and Organizations",
            "creer-un-compte-et-une-organisation",
        ),
        (
            "1 roles, users and invitations",
            "utilisateurs-roles-et-invitations",
        ),
        ("1 security (SEC-01/02)", "securite-du-compte"),
        ("2 work teams", "equipes-de-travail"),
        ("3 products and renewals", "produits-et-renouvellement"),
        ("3 billing frequency", "changer-la-frequence-de-facturation"),
        ("4 prepaid account", "compte-prepaye"),
        ("5 invoices and pro forma", "factures-et-pro-forma"),
        ("6 billing addresses", "adresses-de-facturation"),
        ("7 reminders and payments", "rappel-de-paiement"),
        ("7 QR-bills", "payer-par-virement-qr-facture"),
        ("8 support codes", "code-assistance-et-code-vip"),
        ("8 temporary support access", "acces-temporaire-du-support"),
        ("9 MySQL prefix", "prefixe-mysql"),
        ("9 environment variables", "variables-d-environnement"),
        ("WEB-01 cookies and JavaScript", "cookies-et-javascript"),
    ];
    for (section, id) in sections {
        let fr = library()
            .get(id)
            .unwrap_or_else(|| panic!("§{section}: no guide {id}"));
        assert_eq!(fr.language, "fr");
        assert!(
            library().in_lang(id, "en").is_some(),
            "§{section}: no English guide"
        );
    }
    let cookies = library()
        .in_lang("cookies-et-javascript", "de")
        .expect("German cookies guide");
    assert_eq!(cookies.id, "cookies-und-javascript");
    let en = library()
        .get("cookies-and-javascript")
        .expect("the web layer links this id");
    assert!(en.explains("/help/cookies-and-javascript"));
}

#[test]
fn every_guide_has_a_known_category_sections_and_a_page() {
    for g in library().guides() {
        assert!(categories::category(&g.category).is_some(), "{}", g.id);
        assert!(g.body.contains("## "), "{} has no sections", g.id);
        assert!(!g.pages.is_empty(), "{} explains no Manager page", g.id);
        assert!(
            g.summary.len() <= 200,
            "{}: summary should be one line",
            g.id
        );
    }
}

#[test]
fn each_manager_page_with_help_finds_its_guides() {
    let lib = library();
    let ids = |path: &str, lang: &str| -> BTreeSet<String> {
        lib.for_page(path, lang)
            .iter()
            .map(|g| g.id.clone())
            .collect()
    };
    assert!(ids("/accounting/prepaid", "fr").contains("compte-prepaye"));
    assert!(ids("/accounting/prepaid?org=4", "en").contains("prepaid-account"));
    assert!(ids("/teams", "fr").contains("equipes-de-travail"));
    for path in [
        "/products",
        "/payments",
        "/accounting/invoices",
        "/accounting/addresses",
        "/accounting/settings",
        "/users",
        "/org",
        "/profile",
    ] {
        assert!(!ids(path, "fr").is_empty(), "no French guide for {path}");
        assert!(!ids(path, "en").is_empty(), "no English guide for {path}");
    }
}

#[test]
fn export_then_import_gives_back_the_same_guides() {
    let dir = std::env::temp_dir().join(format!("guichet-kb-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    library().export(&dir).expect("export");
    assert!(dir.join("fr/compte-prepaye.md").is_file());
    assert!(dir.join("de/cookies-und-javascript.md").is_file());
    let again = Library::import(&dir).expect("import");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(&again, library());
}

#[test]
fn importing_the_repository_folder_gives_the_builtin_guides() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guides");
    let lib = Library::import(&dir).expect("guides/ imports");
    assert_eq!(&lib, library());
}

#[test]
fn an_invalid_guide_file_is_reported_with_its_file_and_field() {
    let dir = std::env::temp_dir().join(format!("guichet-kb-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("fr")).expect("mkdir");
    std::fs::write(
        dir.join("fr/sans-titre.md"),
        "+++\nsummary = \"x\"\ncategory = \"billing\"\n+++\n\nTexte\n",
    )
    .expect("write");
    let err = Library::import(&dir).expect_err("no title");
    let _ = std::fs::remove_dir_all(&dir);
    let msg = err.to_string();
    assert!(
        msg.contains("sans-titre.md") && msg.contains("`title`"),
        "{msg}"
    );
}

#[test]
fn a_guide_page_renders_with_org_links_and_no_raw_markdown() {
    let g = library().get("compte-prepaye").expect("guide");
    let html = render::render_guide(g, &|path| format!("/o/7{path}"));
    assert!(html.contains("href=\"/o/7/accounting/prepaid\""));
    assert!(html.contains("<h2>Préambule</h2>"));
    assert!(!html.contains("manager:"));
    assert!(!html.contains("**"));
}
