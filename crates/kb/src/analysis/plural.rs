//! Plural endings removed for the light analysis (`factures` → `facture`, `facturation` stays).

use super::lang::Lang;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// German plural and case endings, longest first (`Rechnungen`, `Produkte`, `Kontos`).
const GERMAN_ENDINGS: &[&str] = &["en", "es", "e", "n", "s"];

/// Removes a plural ending from folded words: `s` or `x` in French (`factures`, `reseaux`), `s`
/// but not `ss` in English; in German the plural and case endings of [`GERMAN_ENDINGS`] (not the
/// `s` of `ss`), leaving at least four letters (`rechnungen`, `rechnung` → `rechnung`). Words of 3
/// letters or fewer are kept.
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
            Lang::De => GERMAN_ENDINGS
                .iter()
                .find(|e| len >= e.len() + 4 && word.ends_with(**e) && !word.ends_with("ss"))
                .map_or(len, |e| len - e.len()),
            Lang::Fr | Lang::En => len,
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
