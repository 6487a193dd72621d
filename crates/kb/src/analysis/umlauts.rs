//! German spellings without umlauts or ß: `zurück`, `zurueck` and `zuruck` become one word.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The German spelling without umlauts written out: after ASCII folding (`ä` → `a`, `ß` → `ss`),
/// `ae` → `a`, `oe` → `o` and `ue` → `u` (not after `q`), so `zurück`, `zurueck` and `zuruck`
/// are one word. Applied to the guides and to queries alike.
pub fn german_fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut prev: Option<char> = None;
    for c in word.chars() {
        let digraph = c == 'e'
            && match prev {
                Some('a' | 'o') => true,
                Some('u') => !out.ends_with("qu"),
                _ => false,
            };
        if !digraph {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Token filter applying [`german_fold`] when its flag is set (the German analyzers).
#[derive(Clone, Copy, Debug)]
pub struct GermanFold(pub bool);

impl TokenFilter for GermanFold {
    type Tokenizer<T: Tokenizer> = MapWrapper<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MapWrapper<T> {
        MapWrapper { on: self.0, inner }
    }
}

/// [`GermanFold`] applied to a tokenizer.
#[derive(Clone)]
pub struct MapWrapper<T> {
    on: bool,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MapWrapper<T> {
    type TokenStream<'a> = MapStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapStream {
            on: self.on,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`GermanFold`].
pub struct MapStream<T> {
    on: bool,
    tail: T,
}

impl<T: TokenStream> TokenStream for MapStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if self.on {
            let token = self.tail.token_mut();
            // Most words have no `ae`, `oe` or `ue`: leave them without a new allocation.
            if ["ae", "oe", "ue"].iter().any(|d| token.text.contains(d)) {
                token.text = german_fold(&token.text);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
