//! Integration tests of guichet-bank, in one test binary (one link instead of many).

// A test binary: a failed unwrap is a failed test, and it may read the real time for its seeds
// (the lints are for production code).
// Exact float comparisons on purpose: slip geometry is given in whole millimetres by the standard.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_methods,
    clippy::float_cmp
)]

mod camt_hostile;
mod camt_samples;
mod camt_stream;
mod common;
mod no_panic;
mod oracle_qrbill;
mod pain001;
mod qr_parse;
mod qr_payload;
mod qr_render;
mod references;
