//! The status of a invoice.
