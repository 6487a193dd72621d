//! German compounds split into the words of a dictionary (`Rechnungsadresse` → `Rechnung`,
//! `Adresse`), and the token filter that follows each compound with its parts.

use std::collections::HashSet;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Linking elements German puts between the parts of a compound (`Rechnung·s·adresse`), also
/// the endings allowed after its last part (`Rechnungsadresse·n`).
const LINKS: &[&str] = &["", "s", "es", "n", "en", "e"];
/// Shortest part of a compound (the last part may be one letter shorter: `Jahres·abo`).
const MIN_PART: usize = 4;

/// The dictionary German compounds are split with: the words of the German guides (and of the
/// synonym groups), folded as the German analysis folds them, stop words left out. Built with
/// the index, so a compound splits into words the guides use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compounds {
    words: HashSet<String>,
}

impl Compounds {
    /// A dictionary of `words` (already analysed the German way: lowercased, folded), those of
    /// three letters or more and ASCII only.
    pub fn from_words(words: impl IntoIterator<Item = String>) -> Compounds {
        let words = words
            .into_iter()
            .filter(|w| w.is_ascii() && w.len() >= MIN_PART - 1)
            .collect();
        Compounds { words }
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
        let n = word.len();
        if !word.is_ascii() || n < 2 * MIN_PART - 1 || self.words.is_empty() {
            return Vec::new();
        }
        // best[i]: the fewest known parts covering word[i..] (links between them allowed).
        let mut best: Vec<Option<Vec<&str>>> = vec![None; n + 1];
        best[n] = Some(Vec::new());
        for i in (0..n).rev() {
            let mut found: Option<Vec<&str>> = None;
            for j in (i + MIN_PART - 1)..=n {
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
                    if let Some(rest) = &best[k] {
                        let better = found.as_ref().is_none_or(|f| rest.len() + 1 < f.len());
                        if better {
                            let mut parts = vec![part];
                            parts.extend(rest.iter().copied());
                            found = Some(parts);
                        }
                    }
                }
            }
            best[i] = found;
        }
        // A split of the whole word into two or more known parts.
        let mut whole: Option<Vec<&str>> = None;
        for j in MIN_PART..n {
            let head = &word[..j];
            if !self.words.contains(head) {
                continue;
            }
            for link in LINKS {
                let k = j + link.len();
                if k >= n || &word[j..k] != *link {
                    continue;
                }
                if let Some(rest) = &best[k] {
                    let better = whole.as_ref().is_none_or(|w| rest.len() + 1 < w.len());
                    if better {
                        let mut parts = vec![head];
                        parts.extend(rest.iter().copied());
                        whole = Some(parts);
                    }
                }
            }
        }
        if let Some(parts) = whole {
            return parts.into_iter().map(str::to_string).collect();
        }
        // Otherwise an unknown first part before the longest known tail.
        for j in MIN_PART..=(n - MIN_PART) {
            if let Some(rest) = &best[j] {
                let mut head = &word[..j];
                if head.len() > MIN_PART && head.ends_with('s') && !head.ends_with("ss") {
                    head = &head[..head.len() - 1];
                }
                let mut parts = vec![head.to_string()];
                parts.extend(rest.iter().map(|p| p.to_string()));
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
            let mut parts = c.split(&self.tail.token().text);
            parts.reverse();
            self.pending = parts;
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
