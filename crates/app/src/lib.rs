//! Guichet's use cases. Each public function checks the caller's permission first (through
//! [`Actor::require`], which calls core's one permission function), does its work in one
//! transaction (rows, audit records and outbox messages together) and returns plain data.

pub mod activity;
pub mod actor;
pub mod addresses;
pub mod admin;
pub mod answers;
pub mod auth;
pub mod bank_details;
pub mod bank_import;
pub mod billing;
pub mod billing_run;
pub mod cancellation;
pub mod catalogue;
pub mod charges;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod documents;
pub mod early_renewal;
pub mod error;
pub mod export;
pub mod health;
pub mod home;
pub mod http;
pub mod kb;
pub mod kb_zip;
pub mod labels;
pub mod mail;
pub mod members;
pub mod orgs;
pub mod pager;
pub mod payment_requests;
pub mod payments;
pub mod payouts;
pub mod prepaid;
pub mod product_address;
pub mod refunds;
pub mod reminders;
pub mod renewal_charges;
pub mod renewals;
pub mod sites;
pub mod stripe;
pub mod stripe_events;
pub mod support;
pub mod teams;
pub mod tickets;
pub mod tokens;
pub mod totp;
pub mod views;
pub mod webhooks;
pub mod withdrawals;

pub use actor::Actor;
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{AppConfig, Creditor};
pub use error::{AppError, FieldError, amount_in};
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
    /// DB-05: where databases and users are provisioned (none: provisioning is off).
    pub mysql: Option<guichet_store::provision::MysqlServer>,
    hashing: Arc<tokio::sync::Semaphore>,
}

impl App {
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: AppConfig) -> App {
        // Password hashing is CPU-bound (about 25 ms each): at most two at a time, so a burst of
        // logins cannot starve the rest of the server.
        let mysql = config
            .mysql_url
            .as_deref()
            .and_then(|u| guichet_store::provision::MysqlServer::new(u).ok());
        let payments = payment_provider(&config);
        App {
            db,
            clock,
            mysql,
            config: Arc::new(config),
            payments,
            kb: Arc::new(kb::KbCache::default()),
            hashing: Arc::new(tokio::sync::Semaphore::new(2)),
        }
    }

    /// `02.12.2026 15:46`: the moment `unix` as a person reads it, in the provider's time zone.
    pub fn when(&self, unix: i64) -> String {
        guichet_core::human::date_time(self.config.time_zone, unix)
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}

/// Stripe when it is configured (and its client builds), else the built-in test processor.
fn payment_provider(config: &AppConfig) -> Arc<dyn payments::PaymentProvider> {
    if let Some(stripe) = &config.stripe {
        match stripe::StripeProvider::new(stripe.clone()) {
            Ok(p) => return Arc::new(p),
            Err(e) => {
                tracing::error!(error = %e, "Stripe is configured but its client cannot start");
            }
        }
    }
    Arc::new(payments::TestProvider::with_delay(
        std::time::Duration::from_millis(config.test_card_delay_ms),
    ))
}

/// The request context a use case records in the audit log.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}
