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
mod crash;
mod csrf;
mod documents;
mod export;
mod instances;
mod invitations;
mod isolation;
mod kb;
mod ledger;
mod orgs;
mod prepaid;
mod reminders;
mod renewals;
mod roles;
mod support;
mod teams;
