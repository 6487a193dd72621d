//! Search settings ⚙: field weights, typo tolerance, prefix search, synonyms, snippet length.

use crate::synonyms::Synonyms;

/// How the search ranks and matches. `SearchConfig::default()` is what Guichet ships.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchConfig {
    /// Weight of each field and of each kind of approximate match.
    pub weights: Weights,
    /// Typo tolerance.
    pub fuzzy: Fuzzy,
    /// Prefix search on the last word while the customer is typing.
    pub prefix: Prefix,
    /// Synonym groups.
    pub synonyms: Synonyms,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            weights: Weights::default(),
            fuzzy: Fuzzy::default(),
            prefix: Prefix::default(),
            synonyms: Synonyms::builtin(),
            snippet_chars: 180,
        }
    }
}

/// Multipliers applied to BM25 scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// The title.
    pub title: f32,
    /// The one-line summary.
    pub summary: f32,
    /// The tags (words customers use for the topic).
    pub tags: f32,
    /// The body.
    pub body: f32,
    /// A match of the word itself (plurals aside) in the light fields.
    pub exact: f32,
    /// A match of the word's stem only (`facturation` for `facture`).
    pub stem: f32,
    /// A word found with one typo.
    pub one_typo: f32,
    /// A word found with two typos.
    pub two_typos: f32,
    /// A word found by completing the last, unfinished word.
    pub prefix: f32,
    /// A word found through a synonym.
    pub synonym: f32,
    /// Each part of a German compound the query word is split into (`Rechnungs·anschrift`).
    pub compound_part: f32,
    /// Two consecutive words of the question found side by side (a word or two between them
    /// allowed) in a field of a guide, on top of each word's own score.
    pub phrase: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            title: 3.0,
            summary: 2.0,
            tags: 2.0,
            body: 1.0,
            exact: 1.0,
            stem: 0.5,
            one_typo: 0.6,
            two_typos: 0.35,
            prefix: 0.5,
            synonym: 0.5,
            compound_part: 0.5,
            phrase: 1.5,
        }
    }
}

/// Typo tolerance: how many edits a word may be from a word of the guides, by its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fuzzy {
    /// Words of at least this many characters may have one typo (0 turns typos off).
    pub one_typo_from: usize,
    /// Words of at least this many characters may have two typos.
    pub two_typos_from: usize,
    /// At most this many different words are tried for one misspelt word.
    pub max_expansions: usize,
}

impl Default for Fuzzy {
    fn default() -> Self {
        Fuzzy {
            one_typo_from: 5,
            two_typos_from: 9,
            max_expansions: 6,
        }
    }
}

/// Prefix search: the last word of a query still being typed is completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// Only words of at least this many characters are completed (0 turns it off).
    pub min_chars: usize,
    /// At most this many completions (the most frequent) are tried.
    pub max_expansions: usize,
}

impl Default for Prefix {
    fn default() -> Self {
        Prefix {
            min_chars: 3,
            max_expansions: 12,
        }
    }
}

impl Fuzzy {
    /// How many typos a word of `chars` characters may have.
    pub fn distance_for(&self, chars: usize) -> u8 {
        if self.one_typo_from == 0 || chars < self.one_typo_from {
            0
        } else if chars >= self.two_typos_from {
            2
        } else {
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_tolerate_more_typos() {
        let f = Fuzzy::default();
        assert_eq!(f.distance_for(4), 0);
        assert_eq!(f.distance_for(5), 1);
        assert_eq!(f.distance_for(8), 1);
        assert_eq!(f.distance_for(9), 2);
    }
}
