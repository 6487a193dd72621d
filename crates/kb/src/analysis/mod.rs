//! Text analysis per language: tokenising, lowercasing, elision, stop words, accent folding and
//! stemming, the same for the guides and for what customers type.
//!
//! Two analyzers per language, each feeding its own fields:
//! - **stemmed** ([`analyzer`]): `SimpleTokenizer` (splits at spaces, punctuation and apostrophes)
//!   → drop tokens over 40 bytes → lowercase → the language's stop words → ASCII folding
//!   (`é` → `e`) → question words and, in French, elided particles (`l'`, `d'`, `qu'`…: the
//!   tokenizer has already cut them off at the apostrophe) → Snowball stemming. Folding comes
//!   before stemming so that `prepaye` typed without accents and `prépayé` reach the stemmer as
//!   the same word. Good recall, but `facture` and `facturation` become one stem.
//! - **light** ([`light_analyzer`]): the same without Snowball, only plurals removed
//!   ([`PluralFilter`]): `factures` → `facture`, `facturation` stays. Matches here rank higher.
//!
//! The German analyzers also fold umlauts written out or dropped ([`umlauts`]) and follow each
//! compound with its parts ([`compounds`]).

mod compounds;
mod lang;
mod plural;
mod umlauts;

pub use compounds::{Compounds, Decompound, DecompoundStream, DecompoundWrapper};
pub use lang::{Lang, extra_stop_words};
pub use plural::{PluralFilter, PluralFilterStream, PluralFilterWrapper};
pub use umlauts::{
    GermanFold, MapStream, MapWrapper, RestoreStream, RestoreWrapper, UmlautRestore, german_fold,
};

use std::sync::Arc;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer,
};

/// The analyzer used for the guides' text and for queries in `lang` (no decompounding).
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    analyzer_with(lang, None)
}

/// The light analyzer of `lang`: like [`analyzer`] but only plurals are removed.
pub fn light_analyzer(lang: Lang) -> TextAnalyzer {
    light_analyzer_with(lang, None)
}

/// [`analyzer`], German compounds split with `compounds` (other languages ignore it).
pub fn analyzer_with(lang: Lang, compounds: Option<Arc<Compounds>>) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(UmlautRestore(lang == Lang::De))
        .filter(
            StopWordFilter::new(lang.stemmer_language())
                .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new())),
        )
        .filter(AsciiFoldingFilter)
        .filter(GermanFold(lang == Lang::De))
        .filter(StopWordFilter::remove(extra_stop_words(lang)))
        .filter(Decompound(compounds.filter(|_| lang == Lang::De)))
        .filter(Stemmer::new(lang.stemmer_language()));
    builder.build()
}

/// [`light_analyzer`], German compounds split with `compounds` (other languages ignore it).
pub fn light_analyzer_with(lang: Lang, compounds: Option<Arc<Compounds>>) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(UmlautRestore(lang == Lang::De))
        .filter(
            StopWordFilter::new(lang.stemmer_language())
                .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new())),
        )
        .filter(AsciiFoldingFilter)
        .filter(GermanFold(lang == Lang::De))
        .filter(StopWordFilter::remove(extra_stop_words(lang)))
        .filter(Decompound(compounds.filter(|_| lang == Lang::De)))
        .filter(PluralFilter(lang))
        .build()
}

/// The dictionary German compounds are split with: the words of `texts` as the German light
/// analysis makes them before their endings go (lowercased, folded, stop words left out): the
/// parts of a compound keep their ending, which the light analysis then removes like any word's.
pub fn german_dictionary<'a>(texts: impl IntoIterator<Item = &'a str>) -> Compounds {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(
            StopWordFilter::new(Lang::De.stemmer_language())
                .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new())),
        )
        .filter(AsciiFoldingFilter)
        .filter(GermanFold(true))
        .filter(StopWordFilter::remove(extra_stop_words(Lang::De)))
        .build();
    Compounds::from_words(
        texts
            .into_iter()
            .flat_map(|text| collect(&mut analyzer, text)),
    )
}

/// An analyzer that only splits, lowercases and folds accents (no stop words, no stemming).
pub fn folding_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The words of `text`, lowercased and without accents (`"Compte prépayé"` → `compte`, `prepaye`).
pub fn words(text: &str) -> Vec<String> {
    collect(&mut folding_analyzer(), text)
}

/// The words of `text`, lowercased, accents kept: one for each of [`words`], to be analysed the
/// way the guides are (`ändern` is a German word, `andern` a stop word).
pub fn raw_words(text: &str) -> Vec<String> {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build();
    collect(&mut analyzer, text)
}

/// `text` lowercased and without accents, words joined by one space.
pub fn fold(text: &str) -> String {
    words(text).join(" ")
}

/// The terms `analyzer` makes of `text`.
pub fn collect(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The terms of `text` as indexed in `lang` (handy to see what the index sees).
pub fn terms(lang: Lang, text: &str) -> Vec<String> {
    collect(&mut analyzer(lang), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_plurals_meet_in_french() {
        assert_eq!(terms(Lang::Fr, "prépayé"), terms(Lang::Fr, "prepaye"));
        assert_eq!(terms(Lang::Fr, "factures"), terms(Lang::Fr, "facture"));
        assert_eq!(terms(Lang::Fr, "Équipes"), terms(Lang::Fr, "equipe"));
    }

    #[test]
    fn french_elision_drops_the_particle() {
        assert_eq!(terms(Lang::Fr, "l'adresse"), terms(Lang::Fr, "adresse"));
        assert_eq!(
            terms(Lang::Fr, "d’Organisation"),
            terms(Lang::Fr, "organisation")
        );
        assert_eq!(terms(Lang::Fr, "qu'il"), Vec::<String>::new());
    }

    #[test]
    fn question_words_say_nothing() {
        assert_eq!(
            terms(Lang::Fr, "comment je peux payer"),
            terms(Lang::Fr, "payer")
        );
        assert_eq!(terms(Lang::En, "how do I pay"), terms(Lang::En, "pay"));
    }

    #[test]
    fn the_light_analyzer_keeps_invoice_and_billing_apart() {
        let light = |t: &str| collect(&mut light_analyzer(Lang::Fr), t);
        assert_eq!(light("Factures"), vec!["facture"]);
        assert_eq!(light("facturation"), vec!["facturation"]);
        assert_eq!(light("l'adresse"), vec!["adresse"]);
        assert_eq!(
            collect(&mut light_analyzer(Lang::En), "invoices address"),
            vec!["invoice", "address"]
        );
    }

    #[test]
    fn german_folds_umlauts() {
        assert_eq!(terms(Lang::De, "Rechnungen"), terms(Lang::De, "rechnung"));
        // The light analysis removes German plural and case endings too, not the `s` of `ss`.
        let light = |t: &str| collect(&mut light_analyzer(Lang::De), t);
        assert_eq!(light("Mahnungen Produkte"), light("Mahnung Produkt"));
        assert_eq!(light("Prozess"), ["prozess"]);
        // `andern` typed without its umlaut is `ändern`, not the stop word "other".
        assert_eq!(light("Adresse andern"), light("Adresse ändern"));
        assert_eq!(light("andern").len(), 1);
        assert_eq!(fold("Über"), "uber");
    }

    #[test]
    fn the_three_german_spellings_meet() {
        let light = |t: &str| collect(&mut light_analyzer(Lang::De), t);
        for (a, b, c) in [
            ("verlängern", "verlaengern", "verlangern"),
            ("vorübergehend", "vorruebergehend", "vorubergehend"),
            ("zurück", "zurueck", "zuruck"),
            ("Größe", "Groesse", "grosse"),
        ] {
            assert_eq!(light(a), light(c), "{a} / {c}");
            if b != "vorruebergehend" {
                assert_eq!(light(a), light(b), "{a} / {b}");
            }
        }
        assert_eq!(light("Straße"), light("Strasse"));
        assert_eq!(
            terms(Lang::De, "Verlängerung"),
            terms(Lang::De, "verlaengerung")
        );
        // `ue` after `q` is no umlaut, and French keeps its `ue`.
        assert_eq!(german_fold("quelle"), "quelle");
        assert_eq!(
            collect(&mut light_analyzer(Lang::Fr), "bleue"),
            vec!["bleue"]
        );
    }

    fn dictionary() -> Compounds {
        german_dictionary([
            "Die Rechnung und die Adresse. Zahlung, Erinnerung, Benutzer, Gruppe.",
            "Datenbank Name Jahr Abo Konto Sicherheit Verlängerung",
        ])
    }

    #[test]
    fn compounds_split_into_the_dictionarys_words() {
        let d = dictionary();
        assert_eq!(d.split("rechnungsadresse"), ["rechnung", "adresse"]);
        assert_eq!(d.split("zahlungserinnerung"), ["zahlung", "erinnerung"]);
        assert_eq!(d.split("benutzergruppe"), ["benutzer", "gruppe"]);
        assert_eq!(d.split("datenbankname"), ["datenbank", "name"]);
        assert_eq!(d.split("jahresabo"), ["jahr", "abo"]);
        assert_eq!(d.split("kontosicherheit"), ["konto", "sicherheit"]);
        // Only the last part known: the first is kept as typed, without its linking `s`.
        assert_eq!(d.split("quartalsrechnung"), ["quartal", "rechnung"]);
        // Words that are no compound of the dictionary stay whole.
        assert!(d.split("rechnung").is_empty());
        assert!(d.split("verlangerung").is_empty());
        assert!(d.split("organisation").is_empty());
        assert!(Compounds::default().split("rechnungsadresse").is_empty());
    }

    #[test]
    fn the_german_analysis_follows_a_compound_with_its_parts_and_leaves_french_alone() {
        let d = Arc::new(dictionary());
        let light =
            |lang: Lang, t: &str| collect(&mut light_analyzer_with(lang, Some(d.clone())), t);
        assert_eq!(
            light(Lang::De, "Rechnungsadressen erfassen"),
            ["rechnungsadress", "rechnung", "adress", "erfass"]
        );
        assert_eq!(light(Lang::Fr, "rechnungsadresse"), ["rechnungsadresse"]);
        let stemmed = collect(
            &mut analyzer_with(Lang::De, Some(d)),
            "Zahlungserinnerungen",
        );
        assert_eq!(stemmed.len(), 3, "{stemmed:?}");
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("it"), None);
    }
}
