//! German compounds split into the words of a dictionary (`Rechnungsadresse` → `Rechnung`,
//! `Adresse`), and the token filter that follows each compound with its parts.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Linking elements German puts between the parts of a compound (`Rechnung·s·adresse`), also
/// the endings allowed after its last part (`Rechnungsadresse·n`).
const LINKS: &[&str] = &["", "s", "es", "n", "en", "e"];
/// Shortest part of a compound (the last part may be one letter shorter: `Jahres·abo`).
const MIN_PART: usize = 4;

/// FNV-1a: the dictionary's keys are short words looked up many times per split, where the
/// standard hasher's DoS resistance buys nothing (the words come from the guides).
#[derive(Clone, Copy, Debug)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// The dictionary German compounds are split with: the words of the German guides (and of the
/// synonym groups), folded as the German analysis folds them, stop words left out. Built with
/// the index, so a compound splits into words the guides use.
///
/// The split of every dictionary word is computed once, when the dictionary is made: the guides'
/// words (every token of every German guide, at index time and again for the snippets of each
/// search) are then one lookup; only words the guides do not have (what customers type) are
/// split on the spot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compounds {
    words: HashSet<String, FnvBuild>,
    /// The longest word, in bytes: no part is longer.
    longest: usize,
    /// The parts of each dictionary word that is a compound of the others.
    splits: HashMap<String, Vec<String>, FnvBuild>,
}

impl Compounds {
    /// A dictionary of `words` (already analysed the German way: lowercased, folded), those of
    /// three letters or more and ASCII only.
    pub fn from_words(words: impl IntoIterator<Item = String>) -> Compounds {
        let words: HashSet<String, FnvBuild> = words
            .into_iter()
            .filter(|w| w.is_ascii() && w.len() >= MIN_PART - 1)
            .collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        let mut dictionary = Compounds {
            words,
            longest,
            splits: HashMap::default(),
        };
        let splits = dictionary
            .words
            .iter()
            .filter_map(|w| {
                let parts = dictionary.compute_split(w);
                (!parts.is_empty()).then(|| (w.clone(), parts))
            })
            .collect();
        dictionary.splits = splits;
        dictionary
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The parts of the folded German `word`, or nothing if it is not a compound of the
    /// dictionary's words: `rechnungsadresse` → `rechnung`, `adresse`. When only the last part
    /// is known, the first is taken as it is (without its linking `s`): `quartalsrechnung` →
    /// `quartal`, `rechnung`.
    pub fn split(&self, word: &str) -> Vec<String> {
        if self.words.contains(word) {
            return self.splits.get(word).cloned().unwrap_or_default();
        }
        self.compute_split(word)
    }

    fn compute_split(&self, word: &str) -> Vec<String> {
        let n = word.len();
        if !word.is_ascii() || n < 2 * MIN_PART - 1 || self.words.is_empty() {
            return Vec::new();
        }
        // best[i]: the fewest known parts covering word[i..] (links between them allowed), as
        // (number of parts, end of the first part, start of the next).
        let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
        best[n] = Some((0, n, n));
        for i in (0..n).rev() {
            let mut found: Option<(usize, usize, usize)> = None;
            let longest = (i + self.longest).min(n);
            for j in (i + MIN_PART - 1)..=longest {
                let part = &word[i..j];
                if (j < n && part.len() < MIN_PART) || !self.words.contains(part) {
                    continue;
                }
                for link in LINKS {
                    let k = j + link.len();
                    // At the end, a "link" is the compound's own ending (`…adresse·n`).
                    if k > n || &word[j..k] != *link {
                        continue;
                    }
                    if let Some((count, _, _)) = best[k]
                        && found.is_none_or(|f| count + 1 < f.0)
                    {
                        found = Some((count + 1, j, k));
                    }
                }
            }
            best[i] = found;
        }
        let parts_from = |mut i: usize| {
            let mut parts = Vec::new();
            while let Some((count, j, k)) = best[i]
                && count > 0
            {
                parts.push(word[i..j].to_string());
                i = k;
            }
            parts
        };
        // A split of the whole word into two or more known parts.
        let mut whole: Option<(usize, usize, usize)> = None;
        for j in MIN_PART..n.min(self.longest + 1) {
            if !self.words.contains(&word[..j]) {
                continue;
            }
            for link in LINKS {
                let k = j + link.len();
                if k >= n || &word[j..k] != *link {
                    continue;
                }
                if let Some((count, _, _)) = best[k]
                    && whole.is_none_or(|w| count + 1 < w.0)
                {
                    whole = Some((count + 1, j, k));
                }
            }
        }
        if let Some((_, j, k)) = whole {
            let mut parts = vec![word[..j].to_string()];
            parts.extend(parts_from(k));
            return parts;
        }
        // Otherwise an unknown first part before the longest known tail.
        for j in MIN_PART..=(n - MIN_PART) {
            if best[j].is_some() {
                let mut head = &word[..j];
                if head.len() > MIN_PART && head.ends_with('s') && !head.ends_with("ss") {
                    head = &head[..head.len() - 1];
                }
                let mut parts = vec![head.to_string()];
                parts.extend(parts_from(j));
                return parts;
            }
        }
        Vec::new()
    }
}

/// Token filter that follows each German compound with its parts, at the same position, so a
/// word matches the compounds it is part of and a compound matches its parts.
#[derive(Clone, Debug)]
pub struct Decompound(pub Option<Arc<Compounds>>);

impl TokenFilter for Decompound {
    type Tokenizer<T: Tokenizer> = DecompoundWrapper<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> DecompoundWrapper<T> {
        DecompoundWrapper {
            compounds: self.0,
            inner,
        }
    }
}

/// [`Decompound`] applied to a tokenizer.
#[derive(Clone)]
pub struct DecompoundWrapper<T> {
    compounds: Option<Arc<Compounds>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DecompoundWrapper<T> {
    type TokenStream<'a> = DecompoundStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DecompoundStream {
            compounds: self.compounds.clone(),
            tail: self.inner.token_stream(text),
            pending: Vec::new(),
            part: Token::default(),
            on_part: false,
        }
    }
}

/// The token stream of [`Decompound`].
pub struct DecompoundStream<T> {
    compounds: Option<Arc<Compounds>>,
    tail: T,
    pending: Vec<String>,
    part: Token,
    on_part: bool,
}

impl<T: TokenStream> TokenStream for DecompoundStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(text) = self.pending.pop() {
            self.part = self.tail.token().clone();
            self.part.text = text;
            self.on_part = true;
            return true;
        }
        self.on_part = false;
        if !self.tail.advance() {
            return false;
        }
        if let Some(c) = &self.compounds {
            let parts = c.split(&self.tail.token().text);
            if !parts.is_empty() {
                self.pending = parts;
                self.pending.reverse();
            }
        }
        true
    }

    fn token(&self) -> &Token {
        if self.on_part {
            &self.part
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.on_part {
            &mut self.part
        } else {
            self.tail.token_mut()
        }
    }
}
