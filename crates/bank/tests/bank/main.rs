//! Integration tests of guichet-bank, in one test binary (one link instead of many).

mod camt_hostile;
mod camt_samples;
mod common;
mod no_panic;
mod oracle_qrbill;
mod pain001;
mod qr_parse;
mod qr_payload;
mod qr_render;
mod references;
