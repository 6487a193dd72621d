//! Integration tests: the real server on a random port, spoken to over HTTP, on SQLite and on
//! PostgreSQL. One binary with modules (one link instead of many).

// A test binary: a failed unwrap is a failed test, and it may read the real time for its seeds
// (the lints are for production code).
// Tests compare exact figures and build expected texts plainly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_methods,
    clippy::float_cmp,
    clippy::format_collect,
    clippy::used_underscore_binding,
    clippy::case_sensitive_file_extension_comparisons
)]

mod client;
mod harness;
mod story;
mod stripe;
mod world;

mod amounts;
mod api;
mod auth;
mod axe;
mod bank;
mod bank_details;
mod bank_once;
mod bank_race;
mod bench_smoke;
mod billing;
mod billing_race;
mod brand;
mod browser;
mod cancellation;
mod catalogue;
mod crash;
mod csrf;
mod currencies;
mod design;
mod documents;
mod double_pay;
mod durations;
mod early_renewal;
mod einvoice;
mod export;
mod forms;
mod history;
mod home;
mod instances;
mod invitations;
mod invoice_words;
mod isolation;
mod journeys;
mod kb;
mod kb_import;
mod kb_zip;
mod labels;
mod ledger;
mod mail_formats;
mod model;
mod openapi_tools;
mod orgs;
mod payout_aside;
mod prepaid;
mod refunds;
mod reliability;
mod reminders;
mod renewal_address;
mod renewals;
mod roles;
mod security;
mod shards;
mod sites;
mod spreadsheets;
mod sps_text;
mod support;
mod teams;
mod tickets;
mod tickets_browser;
mod tickets_mail;
mod transitions;
mod webhook_receiver;
mod webhooks_events;
mod webhooks_out;
mod words;
mod writer;
