//! Search behaviour customers and operators notice (issue 6, acceptance 1, 2 and 5).

use crate::{index, library};
use guichet_kb::{Guide, Index, SearchConfig, Synonyms};

fn first(query: &str, lang: Option<&str>) -> String {
    let hits = index().search(query, lang, 10).expect("search runs");
    hits.first()
        .map_or_else(|| format!("nothing for {query:?}"), |h| h.id.clone())
}

#[test]
fn acceptance_1_pro_forma_unaccented_prepaid_and_a_truncated_word_find_the_right_guide_first() {
    for lang in [None, Some("fr")] {
        assert_eq!(first("facture pro-forma", lang), "factures-et-pro-forma");
        assert_eq!(first("compte prepaye", lang), "compte-prepaye");
        assert_eq!(first("factur", lang), "factures-et-pro-forma");
    }
}

#[test]
fn typos_accents_plurals_and_elision_do_not_matter() {
    assert_eq!(
        first("fatcure proforma", Some("fr")),
        "factures-et-pro-forma"
    );
    assert_eq!(first("compte prépayé", Some("fr")), "compte-prepaye");
    assert_eq!(first("COMPTES PREPAYES", Some("fr")), "compte-prepaye");
    assert_eq!(
        first("l'adresse de facturation", Some("fr")),
        "adresses-de-facturation"
    );
    assert_eq!(
        first("renouvelement automatiqe", Some("fr")),
        "produits-et-renouvellement"
    );
}

#[test]
fn the_last_word_is_completed_while_typing() {
    assert_eq!(first("compte prep", Some("fr")), "compte-prepaye");
    assert_eq!(
        first("variables d'envi", Some("fr")),
        "variables-d-environnement"
    );
    assert_eq!(first("prepaid acc", Some("en")), "prepaid-account");
}

#[test]
fn synonyms_link_everyday_words_to_the_guides_words() {
    // "solde" is in the prepaid guide; "porte-monnaie" and "wallet" are not, synonyms bring them.
    assert_eq!(first("porte-monnaie", Some("fr")), "compte-prepaye");
    assert_eq!(first("wallet", Some("fr")), "compte-prepaye");
    assert_eq!(first("invoice", Some("fr")), "factures-et-pro-forma");
}

#[test]
fn the_language_filter_keeps_other_languages_out() {
    let hits = index().search("cookies", Some("de"), 10).expect("search");
    assert!(!hits.is_empty());
    assert_eq!(hits[0].id, "cookies-und-javascript");
    assert!(hits.iter().all(|h| h.language == "de"), "{hits:?}");
    assert!(index().search("cookies", Some("it"), 10).is_err());
}

#[test]
fn titles_count_more_than_bodies() {
    // "Équipes de travail" is the teams guide's title and only a mention in the users guide.
    let hits = index()
        .search("équipes de travail", Some("fr"), 5)
        .expect("search");
    assert_eq!(hits[0].id, "equipes-de-travail");
    assert!(
        hits.iter()
            .any(|h| h.id == "utilisateurs-roles-et-invitations")
    );
}

#[test]
fn snippets_highlight_the_words_and_are_html_safe() {
    let hits = index()
        .search("recuperer le solde", Some("fr"), 3)
        .expect("search");
    let hit = &hits[0];
    assert_eq!(hit.id, "compte-prepaye");
    assert!(hit.snippet.contains("<mark>"), "{}", hit.snippet);
    let hits = index()
        .search("<script>alert(1)</script> facture", None, 3)
        .expect("search");
    assert!(hits.iter().all(|h| !h.snippet.contains("<script")));
}

#[test]
fn a_search_that_finds_nothing_returns_an_empty_list() {
    assert!(
        index()
            .search("xqzjw vbnmk", Some("fr"), 10)
            .expect("search")
            .is_empty()
    );
    assert!(index().search("", None, 10).expect("search").is_empty());
    assert!(
        index()
            .search("   le la les ", Some("fr"), 10)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn acceptance_5_an_edited_guide_is_found_at_once() {
    let index = Index::build(library().guides(), &SearchConfig::default()).expect("index");
    let mut edited: Guide = library().get("compte-prepaye").expect("guide").clone();
    assert!(
        index
            .search("zorglub", Some("fr"), 5)
            .expect("search")
            .is_empty()
    );
    edited.title = "Le compte prépayé (zorglub)".into();
    index.upsert(&edited).expect("upsert");
    let hits = index.search("zorglub", Some("fr"), 5).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "compte-prepaye");
    assert_eq!(hits[0].title, "Le compte prépayé (zorglub)");
    assert_eq!(
        index.len(),
        library().guides().len(),
        "replaced, not duplicated"
    );
    index.remove("compte-prepaye").expect("remove");
    assert!(
        index
            .search("zorglub", Some("fr"), 5)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn synonyms_can_be_replaced_by_the_operator() {
    let config = SearchConfig {
        synonyms: Synonyms::from_groups(&[vec!["tirelire", "prepaye"]]),
        ..SearchConfig::default()
    };
    let index = Index::build(library().guides(), &config).expect("index");
    let hits = index.search("tirelire", Some("fr"), 3).expect("search");
    assert_eq!(hits[0].id, "compte-prepaye");
    let plain = Index::build(
        library().guides(),
        &SearchConfig {
            synonyms: Synonyms::none(),
            ..SearchConfig::default()
        },
    )
    .expect("index");
    assert!(
        plain
            .search("tirelire", Some("fr"), 3)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn the_index_can_be_shared_between_request_handlers_and_hits_serialise_for_the_cli() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<Index>();
    let hits = index()
        .search("compte prepaye", Some("fr"), 1)
        .expect("search");
    let json = serde_json::to_value(&hits).expect("json");
    let keys: Vec<&str> = json[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, vec!["id", "score", "snippet", "title"]);
}
