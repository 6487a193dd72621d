//! How many SQL statements the hot paths send (issue #12): a top-up in at most 8, and pages whose
//! statement count does not grow with the catalogue or the number of due items. Counted from sqlx's
//! own statement log (target `sqlx::query`, one event per statement executed), on SQLite and on
//! PostgreSQL. Transaction control (`BEGIN`, `COMMIT`, `ROLLBACK`, savepoints) is not counted: it
//! is the same fixed pair around every use case.
//!
//! Its own test binary, because the counter is process-wide: the tests here run one at a time
//! (`SERIAL`), so no other test's statements are counted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_methods,
    clippy::float_cmp,
    clippy::format_collect,
    clippy::used_underscore_binding,
    clippy::case_sensitive_file_extension_comparisons,
    dead_code
)]

#[path = "it/client.rs"]
mod client;
#[path = "it/harness.rs"]
mod harness;
#[path = "it/story.rs"]
mod story;
#[path = "it/world.rs"]
mod world;

#[path = "statements/camt.rs"]
mod camt;
#[path = "statements/checkout.rs"]
mod checkout;
#[path = "statements/count.rs"]
mod count;
#[path = "statements/home.rs"]
mod home;
#[path = "statements/pages.rs"]
mod pages;
#[path = "statements/top_up.rs"]
mod top_up;
