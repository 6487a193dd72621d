//! The status of a credit note.
