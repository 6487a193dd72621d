//! The status of a bank transaction.
