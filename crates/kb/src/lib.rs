//! Guichet's knowledge base (KB-01…04): guides as Markdown files with TOML front matter, the
//! guides Guichet ships, a tantivy search index tuned for questions typed the way customers type
//! them, safe HTML rendering with `manager:` deep links. Its benchmark (quality and speed against
//! an SQLite FTS5 baseline) lives in `guichet-bench`.
//!
//! ```no_run
//! use guichet_kb::{Index, Library, SearchConfig};
//! let library = Library::builtin()?;
//! let index = Index::build(library.guides(), &SearchConfig::default())?;
//! for hit in index.search("compte prepaye", Some("fr"), 10)? {
//!     println!("{} {} {}", hit.id, hit.title, hit.snippet);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod categories;
pub mod config;
mod error;
pub mod frontmatter;
#[cfg(test)]
mod german_tests;
pub mod guide;
pub mod index;
pub mod library;
mod query;
pub mod render;
mod schema;
pub mod synonyms;

pub use config::SearchConfig;
pub use guide::{Guide, Video, manager_links, resolve_manager_link};
pub use index::{Hit, Index, IndexError};
pub use library::{ImportFile, Library, LibraryError, export, import, import_files};
pub use synonyms::Synonyms;
