//! Guichet's use cases. Each public function checks the caller's permission first (through
//! [`Actor::require`], which calls core's one permission function), does its work in one
//! transaction (rows, audit records and outbox messages together) and returns plain data.

pub mod activity;
pub mod actor;
pub mod addresses;
pub mod admin;
pub mod auth;
pub mod bank_import;
pub mod billing;
pub mod billing_run;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod documents;
pub mod error;
pub mod kb;
pub mod mail;
pub mod members;
pub mod orgs;
pub mod payment_requests;
pub mod payments;
pub mod payouts;
pub mod prepaid;
pub mod reminders;
pub mod renewals;
pub mod support;
pub mod teams;
pub mod tokens;
pub mod totp;
pub mod withdrawals;

pub use actor::Actor;
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{AppConfig, Creditor};
pub use error::{AppError, FieldError};
pub use guichet_store::Db;

use std::sync::Arc;

/// Everything a use case needs: the database, the clock and the settings. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<AppConfig>,
    /// The card processor (the built-in test provider unless configured otherwise).
    pub payments: Arc<dyn payments::PaymentProvider>,
    /// The knowledge base's search index, rebuilt when a guide is published anywhere.
    kb: Arc<kb::KbCache>,
    hashing: Arc<tokio::sync::Semaphore>,
}

impl App {
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: AppConfig) -> App {
        // Password hashing is CPU-bound (about 25 ms each): at most two at a time, so a burst of
        // logins cannot starve the rest of the server.
        App {
            db,
            clock,
            config: Arc::new(config),
            payments: Arc::new(payments::TestProvider),
            kb: Arc::new(kb::KbCache::default()),
            hashing: Arc::new(tokio::sync::Semaphore::new(2)),
        }
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}

/// The request context a use case records in the audit log.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}
