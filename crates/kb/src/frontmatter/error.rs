//! Why a guide file could not be read: every error names the file and the field.

use thiserror::Error;

/// Why a guide file could not be read. Every variant names the file and, where there is one, the
/// field.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The file does not start with a `+++` line, or the closing `+++` line is missing.
    #[error("{file}: front matter must start with a `+++` line and end with another")]
    Fences {
        /// The file.
        file: String,
    },
    /// The TOML between the fences does not parse.
    #[error("{file}: line {line}{}: {message}", field.as_ref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line in the file.
        line: usize,
        /// The key on that line, if one can be seen.
        field: Option<String>,
        /// The parser's message.
        message: String,
    },
    /// A required field is absent.
    #[error("{file}: field `{field}` is missing")]
    Missing {
        /// The file.
        file: String,
        /// The field.
        field: String,
    },
    /// A field has the wrong type or an invalid value.
    #[error("{file}: field `{field}`: {reason}")]
    Invalid {
        /// The file.
        file: String,
        /// The field.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// A field that guides do not have (often a typo).
    #[error("{file}: unknown field `{field}`")]
    Unknown {
        /// The file.
        file: String,
        /// The field.
        field: String,
    },
}
