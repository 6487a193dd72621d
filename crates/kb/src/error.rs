//! Why the search index could not be built, updated or searched.

use thiserror::Error;

/// Why the index could not be built, updated or searched.
#[derive(Debug, Error)]
pub enum IndexError {
    /// A guide is in a language the index does not analyse.
    #[error("guide `{id}`: language `{language}` is not one of fr, en, de")]
    UnsupportedLanguage {
        /// The guide.
        id: String,
        /// Its language.
        language: String,
    },
    /// A search asked for a language the index does not analyse.
    #[error("cannot search in language `{0}` (fr, en or de)")]
    UnknownSearchLanguage(String),
    /// A previous update panicked while holding the writer.
    #[error("the index writer is unusable after an earlier failure")]
    Poisoned,
    /// tantivy failed.
    #[error("search engine: {0}")]
    Engine(#[from] tantivy::TantivyError),
}
