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

use std::fmt;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// A language the knowledge base analyses (French first, then English and German).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
    /// German.
    De,
}

impl Lang {
    /// Every supported language, French first.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::De];

    /// The ISO 639-1 code (`fr`, `en`, `de`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language for an ISO 639-1 code, if supported.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The name of the stemming tokenizer registered for this language.
    pub(crate) fn tokenizer_name(self) -> &'static str {
        match self {
            Lang::Fr => "guichet_fr",
            Lang::En => "guichet_en",
            Lang::De => "guichet_de",
        }
    }

    /// The name of the light (plurals only) tokenizer registered for this language.
    pub(crate) fn light_tokenizer_name(self) -> &'static str {
        match self {
            Lang::Fr => "guichet_fr_light",
            Lang::En => "guichet_en_light",
            Lang::De => "guichet_de_light",
        }
    }

    fn stemmer_language(self) -> Language {
        match self {
            Lang::Fr => Language::French,
            Lang::En => Language::English,
            Lang::De => Language::German,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// French particles that lose their vowel before another word (`l'adresse`, `qu'il`).
const FRENCH_ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Question words customers type that say nothing about the topic ("comment je peux…").
const FRENCH_QUESTION_WORDS: &[&str] = &[
    "comment", "faire", "fait", "peux", "peut", "veux", "voudrais", "souhaite", "dois", "doit",
    "est", "ou", "quoi", "quel", "quelle", "quels", "quelles", "pourquoi", "quand", "puis",
    "possible", "svp", "merci", "bonjour", "ca", "cela", "ceci", "mettre", "avoir", "jai", "ai",
    "suis", "sont", "faut",
];

const ENGLISH_QUESTION_WORDS: &[&str] = &[
    "how", "do", "does", "can", "i", "my", "what", "where", "why", "when", "which", "want", "need",
    "please", "get", "is", "are", "me",
];

const GERMAN_QUESTION_WORDS: &[&str] = &[
    "wie", "kann", "ich", "mein", "meine", "was", "wo", "warum", "wann", "bitte",
];

/// Words dropped after folding in `lang`, on top of tantivy's stop-word list: question words
/// and (in French) the elided particles.
pub fn extra_stop_words(lang: Lang) -> Vec<String> {
    let extra: &[&str] = match lang {
        Lang::Fr => FRENCH_QUESTION_WORDS,
        Lang::En => ENGLISH_QUESTION_WORDS,
        Lang::De => GERMAN_QUESTION_WORDS,
    };
    let mut words: Vec<String> = extra.iter().map(|w| w.to_string()).collect();
    if lang == Lang::Fr {
        words.extend(FRENCH_ELISIONS.iter().map(|w| w.to_string()));
    }
    words
}

/// The analyzer used for the guides' text and for queries in `lang`.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(
            StopWordFilter::new(lang.stemmer_language())
                .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new())),
        )
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(extra_stop_words(lang)))
        .filter(Stemmer::new(lang.stemmer_language()))
        .build()
}

/// The light analyzer of `lang`: like [`analyzer`] but only plurals are removed.
pub fn light_analyzer(lang: Lang) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(
            StopWordFilter::new(lang.stemmer_language())
                .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new())),
        )
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(extra_stop_words(lang)))
        .filter(PluralFilter(lang))
        .build()
}

/// Removes a plural ending from folded words: `s` or `x` in French (`factures`, `reseaux`), `s`
/// but not `ss` in English; nothing in German. Words of 3 letters or fewer are kept.
#[derive(Clone, Copy, Debug)]
pub struct PluralFilter(pub Lang);

impl PluralFilter {
    /// How many bytes of the folded `word` its singular keeps.
    pub fn singular_len(self, word: &str) -> usize {
        let len = word.len();
        if len <= 3 {
            return len;
        }
        let ends = |c: char| word.ends_with(c);
        match self.0 {
            Lang::Fr if ends('s') || ends('x') => len - 1,
            Lang::En if ends('s') && !word.ends_with("ss") => len - 1,
            _ => len,
        }
    }
}

impl TokenFilter for PluralFilter {
    type Tokenizer<T: Tokenizer> = PluralFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> PluralFilterWrapper<T> {
        PluralFilterWrapper {
            filter: self,
            inner,
        }
    }
}

/// [`PluralFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct PluralFilterWrapper<T> {
    filter: PluralFilter,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PluralFilterWrapper<T> {
    type TokenStream<'a> = PluralFilterStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PluralFilterStream {
            filter: self.filter,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`PluralFilter`].
pub struct PluralFilterStream<T> {
    filter: PluralFilter,
    tail: T,
}

impl<T: TokenStream> TokenStream for PluralFilterStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let keep = self.filter.singular_len(&token.text);
        token.text.truncate(keep);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
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
        assert_eq!(fold("Über"), "uber");
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("it"), None);
    }
}
