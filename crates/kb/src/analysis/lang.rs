//! The languages the knowledge base analyses, and the words each drops as saying nothing.

use std::fmt;
use tantivy::tokenizer::Language;

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

    pub(crate) fn stemmer_language(self) -> Language {
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
    // Also question words and auxiliaries, folded (`möchte` → `mochte`), as customers type them
    // around the topic ("ich glaube, mein Konto wurde …", "wer …", "es geht nicht").
    "wer", "welche", "welcher", "welches", "wieso", "weshalb", "habe", "hat", "haben", "bin", "ist",
    "sind", "wurde", "wurden", "werden", "wird", "geht", "glaube", "mochte", "will", "muss",
    "soll", "konnen", "gibt", "hallo", "danke", "moglich", "machen", "mache",
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
