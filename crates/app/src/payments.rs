//! Card payments go through a [`PaymentProvider`]: Stripe ([`crate::stripe`]) when a secret key is
//! configured, otherwise the built-in test processor, which behaves like a card processor in test
//! mode so the whole flow works offline:
//!
//! | card number | outcome |
//! |---|---|
//! | 4242 4242 4242 4242 | succeeds |
//! | 4000 0000 0000 0002 | declined (`card_declined`) |
//! | 4000 0000 0000 9995 | declined (`insufficient_funds`) |
//! | 4000 0000 0000 0119 | fails (`processing_error`) |
//! | any other valid number | declined (`unknown_test_card`) |
//!
//! Every provider is driven the same way, in two steps around the charge's two transactions
//! ([`crate::charges`]): `begin` creates the payment at the provider without moving money and
//! returns its reference, which is recorded; `confirm` then charges. A crash anywhere leaves a
//! pending charge whose reference (if any) the reconciler asks the provider about with `state`.

use guichet_core::card::Card;
use guichet_core::{CardPaymentId, Money, OrgId};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

/// The language of what Guichet tells the card processor: the provider's (its dashboard, its
/// exports), French like the invoices e-mailed to billing addresses.
pub(crate) const PROVIDER_LANG: guichet_core::Lang = guichet_core::Lang::Fr;

/// A charge's [`ChargeRequest::description`]: the message `key` (`charge.…`) in the provider's
/// language.
pub(crate) fn charge_description(key: &str, args: &[(&str, &str)]) -> String {
    guichet_core::i18n::tf(PROVIDER_LANG, key, args)
}

/// What is charged: a card typed in now (the test processor only), a payment method created in the
/// customer's browser by the provider's own script (Stripe.js: the card never reaches Guichet), or
/// a card saved earlier (AR-01).
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    Card(&'a Card),
    Method(&'a str),
    Saved(&'a str),
}

pub struct ChargeRequest<'a> {
    /// Guichet's charge, named in the provider's metadata (webhooks and the reconciler find it).
    pub charge: CardPaymentId,
    pub org: OrgId,
    pub amount: Money,
    pub source: Source<'a>,
    /// Passed to the provider (Stripe's `Idempotency-Key`) so that a retried call is not made twice.
    pub idempotency_key: &'a str,
    /// What the charge is for, in the provider's language ([`charge_description`]); Stripe keeps
    /// it in the payment's metadata (at most 500 characters there).
    pub description: &'a str,
}

/// What the provider says of a payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProviderState {
    /// Created, not confirmed: no money moved; it can still be cancelled.
    Unconfirmed,
    /// The customer must act (3-D Secure); Stripe.js completes it with the client secret.
    RequiresAction {
        client_secret: Option<String>,
    },
    /// Being processed; the outcome comes later (webhook, reconciler).
    Processing,
    Succeeded,
    Declined {
        reason: String,
    },
    Failed {
        reason: String,
    },
    /// Cancelled at the provider before any money moved.
    Canceled,
}

impl ProviderState {
    /// Is the outcome known (money moved, or never will)?
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            ProviderState::Succeeded
                | ProviderState::Declined { .. }
                | ProviderState::Failed { .. }
                | ProviderState::Canceled
        )
    }
}

/// A provider's answer to a refund request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefundState {
    Succeeded { provider_ref: String },
    Pending { provider_ref: String },
    Failed { reason: String },
}

/// A card saved at the provider for later charges: the opaque token Guichet keeps, and what the
/// customer is shown of it.
#[derive(Clone, Debug)]
pub struct SavedMethod {
    pub token: String,
    pub last4: String,
    /// `MM/YY`.
    pub expiry: String,
}

/// A provider call that did not get an answer (network, timeout, 5xx): the outcome is unknown and
/// the charge stays pending for the reconciler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unanswered(pub String);

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The provider's payment created by `begin`, not yet charged.
#[derive(Clone, Debug)]
pub struct Begun {
    pub provider_ref: String,
    pub last4: String,
}

pub trait PaymentProvider: Send + Sync {
    fn name(&self) -> &'static str;
    /// Does it take card numbers typed into Guichet's own form? Only the test processor: a live
    /// provider's card form is its own script's.
    fn takes_card_numbers(&self) -> bool;
    /// The key the provider's browser script needs (Stripe's publishable key).
    fn publishable_key(&self) -> Option<&str> {
        None
    }
    /// Creates the payment at the provider without charging it. `Err(Ok(state))`: refused at once
    /// (an unusable card); `Err(Err(_))`: no answer.
    fn begin<'a>(
        &'a self,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<Begun, Result<ProviderState, Unanswered>>>;
    /// Charges the payment `begin` created.
    fn confirm<'a>(
        &'a self,
        provider_ref: &'a str,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>>;
    /// Where a payment stands now (the reconciler's and the webhooks' question).
    fn state<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>>;
    /// Cancels a payment that was never confirmed; its state afterwards.
    fn cancel<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>>;
    /// Gives `amount` of a succeeded payment back to its card.
    fn refund<'a>(
        &'a self,
        payment_ref: &'a str,
        amount: Money,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<RefundState, Unanswered>>;
    /// Saves a card for later charges (AR-01), or says why it was refused.
    fn save_card<'a>(
        &'a self,
        org: OrgId,
        source: Source<'a>,
    ) -> BoxFuture<'a, Result<SavedMethod, String>>;
    /// Every charge this provider confirmed, in order (the test processor keeps them so that tests
    /// can count what a customer's card was charged; a real provider's log is its own).
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

/// One payment the test processor created.
struct TestPayment {
    behaviour: &'static str,
    state: ProviderState,
    amount: Money,
    refunded: i64,
}

/// The built-in test processor (see the table above). It remembers every payment in memory, so a
/// restarted server's reconciler finds none: it then releases the pending charge, which is the
/// truth for a processor that moves no real money. `delay` makes each call take that long (a slow
/// provider, for the test that nothing waits on it).
#[derive(Default)]
pub struct TestProvider {
    payments: Mutex<HashMap<String, TestPayment>>,
    seen: Mutex<Vec<SeenCharge>>,
    delay: Duration,
}

impl TestProvider {
    pub fn with_delay(delay: Duration) -> TestProvider {
        TestProvider {
            delay,
            ..TestProvider::default()
        }
    }

    async fn wait(&self) {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
    }
}

impl PaymentProvider for TestProvider {
    fn name(&self) -> &'static str {
        "test"
    }

    fn takes_card_numbers(&self) -> bool {
        true
    }

    fn begin<'a>(
        &'a self,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<Begun, Result<ProviderState, Unanswered>>> {
        Box::pin(async move {
            self.wait().await;
            // A saved test card's token carries the outcome of the number it was saved from
            // (never the number itself).
            let (behaviour, last4) = match req.source {
                Source::Card(card) => (test_outcome(&card.number), card.last4().to_string()),
                Source::Saved(token) => (
                    match token.strip_prefix("tok_test_") {
                        Some("succeeds") => "succeeds",
                        Some("card_declined") => "card_declined",
                        Some("insufficient_funds") => "insufficient_funds",
                        Some("processing_error") => "processing_error",
                        _ => "unknown_token",
                    },
                    String::new(),
                ),
                Source::Method(_) => ("unknown_token", String::new()),
            };
            let provider_ref = format!(
                "test_{}",
                &crate::crypto::sha256_hex(&format!("{}|{}", req.org, req.idempotency_key))[..16]
            );
            if let Ok(mut p) = self.payments.lock() {
                p.entry(provider_ref.clone()).or_insert(TestPayment {
                    behaviour,
                    state: ProviderState::Unconfirmed,
                    amount: req.amount,
                    refunded: 0,
                });
            }
            Ok(Begun {
                provider_ref,
                last4,
            })
        })
    }

    fn confirm<'a>(
        &'a self,
        provider_ref: &'a str,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            self.wait().await;
            let state = {
                let Ok(mut payments) = self.payments.lock() else {
                    return Err(Unanswered("test processor poisoned".into()));
                };
                let Some(p) = payments.get_mut(provider_ref) else {
                    return Ok(ProviderState::Failed {
                        reason: "no_such_payment".into(),
                    });
                };
                if p.state == ProviderState::Unconfirmed {
                    p.state = match p.behaviour {
                        "succeeds" => ProviderState::Succeeded,
                        "processing_error" => ProviderState::Failed {
                            reason: "processing_error".into(),
                        },
                        other => ProviderState::Declined {
                            reason: other.into(),
                        },
                    };
                    if let Ok(mut seen) = self.seen.lock() {
                        seen.push(SeenCharge {
                            amount: req.amount,
                            idempotency_key: req.idempotency_key.to_string(),
                            description: req.description.to_string(),
                            outcome: match p.state {
                                ProviderState::Succeeded => "succeeded",
                                ProviderState::Failed { .. } => "failed",
                                _ => "declined",
                            },
                        });
                    }
                }
                p.state.clone()
            };
            Ok(state)
        })
    }

    fn state<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            let payments = self
                .payments
                .lock()
                .map_err(|_| Unanswered("test processor poisoned".into()))?;
            Ok(payments
                .get(provider_ref)
                .map_or(ProviderState::Canceled, |p| p.state.clone()))
        })
    }

    fn cancel<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            let mut payments = self
                .payments
                .lock()
                .map_err(|_| Unanswered("test processor poisoned".into()))?;
            Ok(match payments.get_mut(provider_ref) {
                Some(p) if p.state == ProviderState::Unconfirmed => {
                    p.state = ProviderState::Canceled;
                    ProviderState::Canceled
                }
                Some(p) => p.state.clone(),
                None => ProviderState::Canceled,
            })
        })
    }

    fn refund<'a>(
        &'a self,
        payment_ref: &'a str,
        amount: Money,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<RefundState, Unanswered>> {
        Box::pin(async move {
            self.wait().await;
            let mut payments = self
                .payments
                .lock()
                .map_err(|_| Unanswered("test processor poisoned".into()))?;
            Ok(match payments.get_mut(payment_ref) {
                Some(p)
                    if p.state == ProviderState::Succeeded
                        && p.amount.currency == amount.currency
                        && p.refunded + amount.minor <= p.amount.minor =>
                {
                    p.refunded += amount.minor;
                    RefundState::Succeeded {
                        provider_ref: format!(
                            "test_re_{}",
                            &crate::crypto::sha256_hex(idempotency_key)[..16]
                        ),
                    }
                }
                // A payment from before a restart (the processor forgot it) is refunded too: it
                // moved no real money.
                None => RefundState::Succeeded {
                    provider_ref: format!(
                        "test_re_{}",
                        &crate::crypto::sha256_hex(idempotency_key)[..16]
                    ),
                },
                Some(_) => RefundState::Failed {
                    reason: "charge_not_refundable".into(),
                },
            })
        })
    }

    fn save_card<'a>(
        &'a self,
        _org: OrgId,
        source: Source<'a>,
    ) -> BoxFuture<'a, Result<SavedMethod, String>> {
        Box::pin(async move {
            let Source::Card(card) = source else {
                return Err("unknown_test_card".into());
            };
            let outcome = test_outcome(&card.number);
            if outcome == "unknown_test_card" {
                Err(outcome.to_string())
            } else {
                Ok(SavedMethod {
                    token: format!("tok_test_{outcome}"),
                    last4: card.last4().to_string(),
                    expiry: format!("{:02}/{:02}", card.exp_month, card.exp_year % 100),
                })
            }
        })
    }

    fn charges_seen(&self) -> Vec<SeenCharge> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}
