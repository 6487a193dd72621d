//! Plural endings removed for the light analysis (`factures` → `facture`, `facturation` stays).

use super::lang::Lang;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

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
