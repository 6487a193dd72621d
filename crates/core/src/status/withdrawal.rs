//! The status of a withdrawal.
