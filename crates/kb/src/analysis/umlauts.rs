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

/// German words that, typed without their umlaut, are stop words: `andern` ("other", the rare
/// form of `anderen`) for `ändern` ("to change"), which customers type far more often.
const UMLAUT_DROPPED: &[(&str, &str)] = &[("andern", "ändern")];

/// Token filter giving back its umlaut to a word of [`UMLAUT_DROPPED`] typed without it, ahead
/// of the stop words, when its flag is set (the German analyzers).
#[derive(Clone, Copy, Debug)]
pub struct UmlautRestore(pub bool);

impl TokenFilter for UmlautRestore {
    type Tokenizer<T: Tokenizer> = RestoreWrapper<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> RestoreWrapper<T> {
        RestoreWrapper { on: self.0, inner }
    }
}

/// [`UmlautRestore`] applied to a tokenizer.
#[derive(Clone)]
pub struct RestoreWrapper<T> {
    on: bool,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for RestoreWrapper<T> {
    type TokenStream<'a> = RestoreStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RestoreStream {
            on: self.on,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`UmlautRestore`].
pub struct RestoreStream<T> {
    on: bool,
    tail: T,
}

impl<T: TokenStream> TokenStream for RestoreStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if self.on {
            let token = self.tail.token_mut();
            if let Some((_, with)) = UMLAUT_DROPPED
                .iter()
                .find(|(without, _)| token.text == *without)
            {
                token.text = (*with).to_string();
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
