//! Why a camt file is refused.

use crate::amount::AmountError;

/// Why a camt file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CamtError {
    /// The input is larger than the caller's limit.
    #[error("file is larger than the limit of {max_bytes} bytes")]
    TooLarge {
        /// The limit.
        max_bytes: u64,
    },
    /// Elements are nested deeper than the limit.
    #[error("elements nested deeper than {max_depth} levels (at byte {position})")]
    TooDeep {
        /// The limit.
        max_depth: usize,
        /// Byte offset where the limit was crossed.
        position: u64,
    },
    /// More entries (or transaction details) than the limit.
    #[error("more than {max_entries} entries or transaction details")]
    TooManyEntries {
        /// The limit.
        max_entries: usize,
    },
    /// A document type declaration: refused, since it is how entities are declared (XXE,
    /// entity expansion); bank files never have one.
    #[error("DOCTYPE declarations are not allowed (entity declarations, XXE) (at byte {position})")]
    Doctype {
        /// Byte offset of the declaration.
        position: u64,
    },
    /// A reference to an entity other than the five predefined ones.
    #[error("reference to undeclared entity &{name}; (at byte {position})")]
    Entity {
        /// The entity name.
        name: String,
        /// Byte offset of the reference.
        position: u64,
    },
    /// The XML declaration names an encoding other than UTF-8.
    #[error("encoding {0:?} is not supported, only UTF-8")]
    Encoding(String),
    /// The input is not well-formed XML (or not UTF-8).
    #[error("malformed XML at byte {position}: {message}")]
    Xml {
        /// Byte offset of the problem.
        position: u64,
        /// What the XML parser said.
        message: String,
    },
    /// The file is not a camt.053 or camt.054 document.
    #[error("not a camt.053 or camt.054 document: {0}")]
    NotCamt(String),
    /// The document's namespace is not camt.053/camt.054 of a version we read (camt.052, another
    /// standard, a look-alike, none at all), or does not match the message element.
    #[error(
        "document namespace {found:?} is not {expected} of a supported version (urn:iso:std:iso:20022:tech:xsd:{expected}.001.04 or .001.08)"
    )]
    Namespace {
        /// The namespace as written (empty when there is none).
        found: String,
        /// The message the root element announces (`camt.053` or `camt.054`).
        expected: &'static str,
    },
    /// A mandatory element of an entry is missing.
    #[error("entry {entry}: missing {field}")]
    MissingField {
        /// 1-based entry number in the file.
        entry: usize,
        /// The element path, e.g. `Amt/@Ccy`.
        field: &'static str,
    },
    /// An amount is not an exact decimal with at most 2 significant decimals.
    #[error("entry {entry}: {field}: {source}")]
    InvalidAmount {
        /// 1-based entry number in the file.
        entry: usize,
        /// The element path.
        field: &'static str,
        /// What is wrong with it.
        source: AmountError,
    },
    /// A value is not one of the allowed codes or not a valid date.
    #[error("entry {entry}: {field}: invalid value {value:?}")]
    InvalidValue {
        /// 1-based entry number in the file.
        entry: usize,
        /// The element path.
        field: &'static str,
        /// The value found.
        value: String,
    },
}
