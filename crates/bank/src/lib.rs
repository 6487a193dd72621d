//! Swiss payments: QR-bill, ISO 20022 camt reader and pain.001 writer. Pure functions only.
//!
//! Nothing in this crate touches a database, the clock, files or the network: every input is
//! passed in by the caller and every output is returned as a value. Money is always an integer
//! number of minor units (centimes, cents) plus a currency, never a float. Currencies, languages
//! and dates are core's (`guichet_core::{Currency, Lang}`, `guichet_core::period::Date`).

#![warn(missing_docs)]

pub mod amount;
pub mod camt;
pub mod charset;
pub mod pain001;
pub mod qr;
pub mod references;

pub use amount::AmountError;
