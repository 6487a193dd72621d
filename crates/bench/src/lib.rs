//! Guichet's benchmarks, behind `guichet bench …`, kept out of the library crates:
//!
//! - [`kb`]: knowledge-base search quality (MRR@10, Recall@1/5 per language) on the question set
//!   next to an SQLite FTS5 baseline, and latency with the catalogue grown to 1 000 guides;
//! - [`http`]: latency of the Manager's pages and the API through the real router;
//! - [`load`]: the real server under 1, 16, 64… concurrent HTTP clients (API top-ups and
//!   checkouts, the main pages, `/healthz`) next to the raw insert rate of the same database;
//! - [`history`]: the invoice list and the CSV export of an Organization with a long history,
//!   next to one with 10 invoices;
//! - [`billing_run`]: invoices per second of the billing run;
//! - [`camt`]: the camt.054 generator (also behind `guichet gen-camt054`), the seeding of the
//!   invoices it pays, and the import rate of such a file;
//! - [`memory`]: the peak memory of a measured part (`VmHWM`, reset at its start).

pub mod billing_run;
pub mod camt;
pub mod customers;
pub mod history;
pub mod http;
pub mod kb;
pub mod latency;
pub mod load;
pub mod load_client;
pub mod machine;
pub mod memory;
