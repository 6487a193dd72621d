//! Integration tests of the knowledge base, in one binary (one link).

// A test binary: a failed unwrap is a failed test, and it may read the real time for its seeds
// (the lints are for production code).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

mod guides;
mod search;

use guichet_kb::{Index, Library, SearchConfig};
use std::sync::OnceLock;

/// The guides shipped with Guichet.
pub fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| match Library::builtin() {
        Ok(lib) => lib,
        Err(e) => panic!("the shipped guides must import:\n{e}"),
    })
}

/// The index of the shipped guides with the shipped settings.
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        Index::build(library().guides(), &SearchConfig::default()).expect("index builds")
    })
}
