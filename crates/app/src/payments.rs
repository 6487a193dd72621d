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

/// What is charged: a card typed in now, or the token of a card saved earlier (AR-01).
#[derive(Clone, Copy)]
pub enum Source<'a> {
    Card(&'a Card),
    Saved(&'a str),
}

pub struct ChargeRequest<'a> {
    pub amount: Money,
    pub source: Source<'a>,
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
    /// Saves a card for later charges: the provider's token, or why it refused the card.
    fn save_card<'a>(&'a self, card: &'a Card) -> BoxFuture<'a, Result<String, String>>;
    /// Every charge this provider was asked for, in order (the test provider keeps them so that
    /// tests can count what a customer's card was charged; a real provider's log is its own).
    fn charges_seen(&self) -> Vec<SeenCharge> {
        Vec::new()
    }
}

/// One charge as the provider saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenCharge {
    pub amount: Money,
    pub idempotency_key: String,
    pub description: String,
    /// `succeeded`, `declined` or `failed`.
    pub outcome: &'static str,
}

/// The test provider's outcome for a card number (see the table above).
fn test_outcome(number: &str) -> &'static str {
    match number {
        "4242424242424242" => "succeeds",
        "4000000000000002" => "card_declined",
        "4000000000009995" => "insufficient_funds",
        "4000000000000119" => "processing_error",
        _ => "unknown_test_card",
    }
}

/// The built-in test processor (see the table above). It remembers every charge it was asked for.
#[derive(Default)]
pub struct TestProvider {
    seen: std::sync::Mutex<Vec<SeenCharge>>,
}

impl PaymentProvider for TestProvider {
    fn name(&self) -> &'static str {
        "test"
    }

    fn charge<'a>(&'a self, req: &'a ChargeRequest<'a>) -> BoxFuture<'a, ChargeOutcome> {
        // A saved test card's token carries the outcome of the number it was saved from (never the
        // number itself).
        let behaviour = match req.source {
            Source::Card(card) => test_outcome(&card.number),
            Source::Saved(token) => match token.strip_prefix("tok_test_") {
                Some("succeeds") => "succeeds",
                Some("card_declined") => "card_declined",
                Some("insufficient_funds") => "insufficient_funds",
                Some("processing_error") => "processing_error",
                _ => "unknown_token",
            },
        };
        let outcome = match behaviour {
            "succeeds" => ChargeOutcome::Succeeded {
                provider_ref: format!(
                    "test_{}",
                    &crate::crypto::sha256_hex(req.idempotency_key)[..16]
                ),
            },
            "processing_error" => ChargeOutcome::Failed {
                reason: "processing_error".into(),
            },
            other => ChargeOutcome::Declined {
                reason: other.into(),
            },
        };
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(SeenCharge {
                amount: req.amount,
                idempotency_key: req.idempotency_key.to_string(),
                description: req.description.to_string(),
                outcome: outcome.code(),
            });
        }
        Box::pin(async move { outcome })
    }

    fn charges_seen(&self) -> Vec<SeenCharge> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn save_card<'a>(&'a self, card: &'a Card) -> BoxFuture<'a, Result<String, String>> {
        let outcome = test_outcome(&card.number);
        Box::pin(async move {
            if outcome == "unknown_test_card" {
                Err(outcome.to_string())
            } else {
                Ok(format!("tok_test_{outcome}"))
            }
        })
    }
}
