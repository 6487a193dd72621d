//! Synonyms ⚙: groups of words or phrases that mean the same thing to a customer
//! (`facture` ↔ `invoice`, `prépayé` ↔ `solde`). Matched after lowercasing and accent folding;
//! a phrase matches consecutive query words.
//!
//! File format (TOML): `groups = [["facture", "invoice"], ["mot de passe", "password"]]`.

use crate::analysis;
use serde::Deserialize;
use std::path::Path;
use thiserror::Error;

/// The synonym list shipped with the crate (`crates/kb/synonyms.toml`).
pub const DEFAULT_SYNONYMS: &str = include_str!("../synonyms.toml");

/// Why a synonym list could not be loaded.
#[derive(Debug, Error)]
pub enum SynonymError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The system error.
        source: std::io::Error,
    },
    /// The TOML is invalid or not `groups = [[…], …]`.
    #[error("{source_name}: {message}")]
    Format {
        /// The file (or `built-in`).
        source_name: String,
        /// What is wrong.
        message: String,
    },
}

/// Groups of equivalent words or phrases, folded (lowercase, no accents).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymFile {
    groups: Vec<Vec<String>>,
}

impl Synonyms {
    /// No synonyms.
    pub fn none() -> Synonyms {
        Synonyms::default()
    }

    /// The list shipped with the crate.
    pub fn builtin() -> Synonyms {
        // The shipped file is checked by a test; an error here would leave search without synonyms.
        Synonyms::from_toml(DEFAULT_SYNONYMS, "built-in").unwrap_or_default()
    }

    /// Groups given in code (each entry a word or a phrase).
    pub fn from_groups<S: AsRef<str>>(groups: &[Vec<S>]) -> Synonyms {
        let groups = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|e| analysis::words(e.as_ref()))
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|g: &Vec<Vec<String>>| g.len() > 1)
            .collect();
        Synonyms { groups }
    }

    /// Parses `groups = [[…], …]`; `source_name` names the file in errors.
    pub fn from_toml(text: &str, source_name: &str) -> Result<Synonyms, SynonymError> {
        let file: SynonymFile = toml::from_str(text).map_err(|e| SynonymError::Format {
            source_name: source_name.to_string(),
            message: e.message().to_string(),
        })?;
        Ok(Synonyms::from_groups(&file.groups))
    }

    /// Reads a synonym file.
    pub fn load(path: &Path) -> Result<Synonyms, SynonymError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SynonymError::Io {
            path: name.clone(),
            source,
        })?;
        Synonyms::from_toml(&text, &name)
    }

    /// Every entry of every group, its words joined by spaces.
    pub fn entries(&self) -> impl Iterator<Item = String> + '_ {
        self.groups.iter().flatten().map(|e| e.join(" "))
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The phrases to search in addition to the folded query `words`: every other entry of each
    /// group that one of the query's words or phrases belongs to.
    pub fn expand(&self, words: &[String]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for entry in self.expand_groups(words).into_iter().flatten() {
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
        out
    }

    /// Like [`Synonyms::expand`], one list per group the query touches (its other entries).
    pub fn expand_groups(&self, words: &[String]) -> Vec<Vec<Vec<String>>> {
        self.expand_groups_by(words, &|w| singular(w).to_string())
    }

    /// Like [`Synonyms::expand_groups`], a query word matching an entry's word when both have
    /// the same `key` (the German search ignores umlaut spellings and plural endings this way).
    pub fn expand_groups_by(
        &self,
        words: &[String],
        key: &dyn Fn(&str) -> String,
    ) -> Vec<Vec<Vec<String>>> {
        let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
        let mut out = Vec::new();
        for group in &self.groups {
            let matched: Vec<&Vec<String>> = group
                .iter()
                .filter(|entry| contains_phrase(&keys, entry, key))
                .collect();
            if matched.is_empty() {
                continue;
            }
            let others: Vec<Vec<String>> = group
                .iter()
                .filter(|entry| !matched.contains(entry))
                .cloned()
                .collect();
            if !others.is_empty() {
                out.push(others);
            }
        }
        out
    }
}

fn contains_phrase(keys: &[String], phrase: &[String], key: &dyn Fn(&str) -> String) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let phrase: Vec<String> = phrase.iter().map(|w| key(w)).collect();
    keys.windows(phrase.len())
        .any(|w| w.iter().zip(&phrase).all(|(a, b)| a == b))
}

/// A word without its plural `s`/`x` (any language), so `euros` matches the entry `euro`.
fn singular(word: &str) -> &str {
    if word.len() > 3 && !word.ends_with("ss") {
        word.strip_suffix(['s', 'x']).unwrap_or(word)
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_parses_and_links_invoice_words() {
        let s = Synonyms::from_toml(DEFAULT_SYNONYMS, "built-in").expect("valid synonyms.toml");
        assert!(s.len() >= 20);
        let out = s.expand(&analysis::words("ma facture"));
        assert!(out.contains(&vec!["invoice".to_string()]));
        let out = s.expand(&analysis::words("mon solde"));
        assert!(out.contains(&vec!["prepaye".to_string()]));
        let out = s.expand(&analysis::words("en euros"));
        assert!(
            out.contains(&vec!["devise".to_string()]),
            "plurals match too"
        );
    }

    #[test]
    fn phrases_match_consecutive_words_accents_ignored() {
        let s = Synonyms::from_groups(&[vec!["mot de passe", "password"]]);
        assert_eq!(
            s.expand(&analysis::words("Mot de passe oublié")),
            vec![vec!["password".to_string()]]
        );
        assert!(s.expand(&analysis::words("mot passe")).is_empty());
    }

    #[test]
    fn a_bad_file_is_reported() {
        let err = Synonyms::from_toml("groups = 3", "syn.toml").expect_err("not a list");
        assert!(err.to_string().starts_with("syn.toml: "));
    }
}
