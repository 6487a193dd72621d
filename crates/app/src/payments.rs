//! Card payments go through a [`PaymentProvider`]. Guichet ships a test provider that behaves like a
//! card processor in test mode, so the whole flow works offline:
//!
//! | card number | outcome |
//! |---|---|
//! | 4242 4242 4242 4242 | succeeds |
//! | 4000 0000 0000 0002 | declined (`card_declined`) |
//! | 4000 0000 0000 9995 | declined (`insufficient_funds`) |
//! | 4000 0000 0000 0119 | fails (`processing_error`) |
//! | any other valid number | declined (`unknown_test_card`) |

use guichet_core::Money;
use guichet_core::card::Card;
use std::future::Future;
use std::pin::Pin;

pub struct ChargeRequest<'a> {
    pub amount: Money,
    pub card: &'a Card,
    /// Passed to the provider so that a retried charge is not made twice.
    pub idempotency_key: &'a str,
    pub description: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChargeOutcome {
    Succeeded { provider_ref: String },
    Declined { reason: String },
    Failed { reason: String },
}

impl ChargeOutcome {
    pub fn code(&self) -> &'static str {
        match self {
            ChargeOutcome::Succeeded { .. } => "succeeded",
            ChargeOutcome::Declined { .. } => "declined",
            ChargeOutcome::Failed { .. } => "failed",
        }
    }
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

pub trait PaymentProvider: Send + Sync {
    fn name(&self) -> &'static str;
    fn charge<'a>(&'a self, req: &'a ChargeRequest<'a>) -> BoxFuture<'a, ChargeOutcome>;
}

/// The built-in test processor (see the table above).
pub struct TestProvider;

impl PaymentProvider for TestProvider {
    fn name(&self) -> &'static str {
        "test"
    }

    fn charge<'a>(&'a self, req: &'a ChargeRequest<'a>) -> BoxFuture<'a, ChargeOutcome> {
        let outcome = match req.card.number.as_str() {
            "4242424242424242" => ChargeOutcome::Succeeded {
                provider_ref: format!(
                    "test_{}",
                    &crate::crypto::sha256_hex(req.idempotency_key)[..16]
                ),
            },
            "4000000000000002" => ChargeOutcome::Declined {
                reason: "card_declined".into(),
            },
            "4000000000009995" => ChargeOutcome::Declined {
                reason: "insufficient_funds".into(),
            },
            "4000000000000119" => ChargeOutcome::Failed {
                reason: "processing_error".into(),
            },
            _ => ChargeOutcome::Declined {
                reason: "unknown_test_card".into(),
            },
        };
        Box::pin(async move { outcome })
    }
}
