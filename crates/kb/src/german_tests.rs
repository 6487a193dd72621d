//! Search-level tests of the German analysis (#18): a query written one way finds a guide written
//! the other way, through decompounding, umlaut/ß folding and the German synonym groups.
//!
//! Each test searches a small library: one guide that uses the word, beside German guides on other
//! topics. It searches with typo tolerance and prefix completion off, so that only the analysis can
//! make the two spellings meet, and then again with the shipped settings.

use crate::config::{Fuzzy, Prefix, SearchConfig};
use crate::guide::Guide;
use crate::index::Index;
use crate::synonyms::Synonyms;

fn guide(id: &str, title: &str, body: &str) -> Guide {
    Guide {
        id: id.into(),
        title: title.into(),
        summary: String::new(),
        category: "account".into(),
        language: "de".into(),
        translations: Vec::new(),
        related: Vec::new(),
        tags: Vec::new(),
        videos: Vec::new(),
        pages: Vec::new(),
        body: body.into(),
    }
}

/// German guides on other topics, so a search that matches loosely ranks something else first.
fn others() -> Vec<Guide> {
    vec![
        guide(
            "passwort-andern",
            "Passwort ändern",
            "Öffnen Sie Ihr Profil und geben Sie das alte und das neue Passwort ein.",
        ),
        guide(
            "team-einladen",
            "Teammitglieder einladen",
            "Laden Sie Kolleginnen und Kollegen per E-Mail in Ihr Team ein.",
        ),
        guide(
            "prepaid-auffullen",
            "Prepaid-Konto auffüllen",
            "Zahlen Sie mit Karte einen Betrag auf Ihr Prepaid-Konto ein.",
        ),
        guide(
            "domain-transfer",
            "Domain übertragen",
            "Für den Transfer einer Domain brauchen Sie den Auth-Code des bisherigen Anbieters.",
        ),
    ]
}

/// Typos and prefix completion off: only the analysis (and synonyms) can match.
fn strict() -> SearchConfig {
    SearchConfig {
        fuzzy: Fuzzy {
            one_typo_from: 0,
            ..Fuzzy::default()
        },
        prefix: Prefix {
            min_chars: 0,
            ..Prefix::default()
        },
        ..SearchConfig::default()
    }
}

fn first(config: &SearchConfig, target: &Guide, query: &str) -> Option<String> {
    let mut guides = others();
    guides.push(target.clone());
    let index = Index::build(&guides, config).expect("index builds");
    index
        .search(query, Some("de"), 10)
        .expect("search runs")
        .into_iter()
        .next()
        .map(|h| h.id)
}

/// A guide whose title and body use `written` is found first by a query that uses `typed`.
fn assert_meets(written: &str, typed: &str) {
    let target = guide(
        "target",
        &format!("{written} im Manager"),
        &format!("Hier erfahren Sie alles zu {written}: wo Sie es finden und was gilt."),
    );
    for (name, config) in [("strict", strict()), ("shipped", SearchConfig::default())] {
        assert_eq!(
            first(&config, &target, typed).as_deref(),
            Some("target"),
            "{typed:?} should find the guide on {written:?} ({name} settings)"
        );
    }
}

fn assert_both_ways(a: &str, b: &str) {
    assert_meets(a, b);
    assert_meets(b, a);
}

#[test]
fn rechnungsanschrift_and_rechnungsadresse_find_each_other() {
    assert_both_ways("Rechnungsadresse", "Rechnungsanschrift");
}

#[test]
fn mahnung_and_zahlungserinnerung_find_each_other() {
    assert_both_ways("Zahlungserinnerung", "Mahnung");
}

#[test]
fn mahnung_finds_zahlungserinnerung_only_through_the_synonym_groups() {
    let target = guide(
        "target",
        "Zahlungserinnerung im Manager",
        "Hier erfahren Sie alles zur Zahlungserinnerung.",
    );
    let config = SearchConfig {
        synonyms: Synonyms::none(),
        ..strict()
    };
    assert_eq!(first(&config, &target, "Mahnung"), None);
}

#[test]
fn verlangern_without_umlaut_and_verlangern_find_each_other() {
    assert_both_ways("verlängern", "verlangern");
    assert_both_ways("verlängern", "verlaengern");
}

#[test]
fn strasse_and_strasse_with_eszett_find_each_other() {
    assert_both_ways("Straße", "Strasse");
}

#[test]
fn zurueck_and_zuruck_with_umlaut_find_each_other() {
    assert_both_ways("zurück", "zurueck");
    assert_both_ways("zurück", "zuruck");
}

#[test]
fn andern_typed_with_its_umlaut_is_searched_not_dropped_as_a_stop_word() {
    // Folded, `ändern` ("to change") is `andern` ("other"), a German stop word: the query must be
    // analysed as typed, the way the guides are, or the word is lost.
    let target = guide("target", "Das Logo ändern", "So ändern Sie das Logo.");
    let mut guides = others();
    guides.push(guide(
        "logo-anzeigen",
        "Das Logo anzeigen",
        "Das Logo erscheint oben. Das Logo erscheint auch auf Rechnungen: ein Logo im Format PNG.",
    ));
    guides.push(target);
    let index = Index::build(&guides, &strict()).expect("index builds");
    let hits = index
        .search("Logo ändern", Some("de"), 10)
        .expect("search runs");
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
}
