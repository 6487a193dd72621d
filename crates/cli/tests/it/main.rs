//! Integration tests: the real server on a random port, spoken to over HTTP, on SQLite and on
//! PostgreSQL. One binary with modules (one link instead of many).

mod client;
mod harness;
mod world;

mod api;
mod auth;
mod bank;
mod billing;
mod browser;
mod cancellation;
mod catalogue;
mod crash;
mod csrf;
mod documents;
mod durations;
mod export;
mod instances;
mod invitations;
mod isolation;
mod kb;
mod ledger;
mod mail_formats;
mod model;
mod orgs;
mod prepaid;
mod refunds;
mod reminders;
mod renewals;
mod roles;
mod sites;
mod support;
mod teams;
