//! Guide files: TOML front matter between `+++` lines, then the Markdown body.
//!
//! ```text
//! +++
//! title = "Le compte prépayé"
//! summary = "Créditer, payer avec et récupérer le solde."
//! category = "billing"
//! language = "fr"
//! translations = ["prepaid-account"]
//! pages = ["/accounting/prepaid"]
//! +++
//!
//! ## Préambule
//! …
//! ```
//!
//! TOML because it is typed (a list is a list, `no` is not `false`), has one maintained parser that
//! reports where an error is (the `toml` crate, already used by the workspace), and writes back
//! exactly. Every error names the file and the field.
//!
//! Split by concern: [`guide_file`] (the format Guichet writes and reads), [`import`] (files from
//! other tools), the typed reading of fields and the errors.

mod error;
mod fields;
pub mod guide_file;
pub mod import;

pub use error::FrontMatterError;
pub use guide_file::{parse, write};
pub use import::{
    DEFAULT_CATEGORY, Imported, MAX_FILE_BYTES, MAX_FRONT_BYTES, MAX_SUMMARY_CHARS, parse_import,
    summary_of,
};
