//! Stripe behind [`PaymentProvider`], over its REST API (form-encoded requests, JSON answers): a
//! small typed client for the endpoints Guichet uses — PaymentIntents (create unconfirmed, confirm,
//! retrieve, cancel), PaymentMethods (retrieve, attach), Customers (create) and Refunds. Card
//! details never reach Guichet: the browser turns them into a PaymentMethod with Stripe.js and
//! Guichet receives its id. Every POST carries an `Idempotency-Key` derived from the request's own.
//! Incoming webhooks are checked by [`verify_signature`].

use crate::payments::{
    Begun, BoxFuture, ChargeRequest, PaymentProvider, ProviderState, RefundState, SavedMethod,
    Source, Unanswered,
};
use guichet_core::{Money, OrgId};
use serde::Deserialize;
use std::time::Duration;

/// Stripe's own API.
pub const DEFAULT_API_BASE: &str = "https://api.stripe.com";
/// Stripe.js.
pub const DEFAULT_JS_URL: &str = "https://js.stripe.com/v3/";

/// The settings of the Stripe provider.
#[derive(Clone, Debug)]
pub struct StripeConfig {
    pub secret_key: String,
    pub publishable_key: Option<String>,
    pub webhook_secret: Option<String>,
    /// `https://api.stripe.com`, or a local fake in tests.
    pub api_base: String,
    /// Where the browser loads Stripe.js from: `https://js.stripe.com/v3/`.
    pub js_url: String,
}

pub struct StripeProvider {
    config: StripeConfig,
    http: reqwest::Client,
}

/// An error answer of Stripe's (`{"error": {…}}`).
#[derive(Deserialize, Default)]
struct ApiError {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ApiError,
}

#[derive(Deserialize)]
struct Intent {
    id: String,
    status: String,
    #[serde(default)]
    client_secret: Option<String>,
    #[serde(default)]
    last_payment_error: Option<ApiError>,
}

#[derive(Deserialize)]
struct CardDetails {
    #[serde(default)]
    last4: String,
    #[serde(default)]
    exp_month: u32,
    #[serde(default)]
    exp_year: u32,
}

#[derive(Deserialize)]
struct Method {
    id: String,
    #[serde(default)]
    card: Option<CardDetails>,
}

#[derive(Deserialize)]
struct Customer {
    id: String,
}

#[derive(Deserialize)]
struct Refund {
    id: String,
    status: String,
    #[serde(default)]
    failure_reason: Option<String>,
}

/// What a call came back with: the object, a refusal Stripe explained, or no answer at all.
enum Call<T> {
    Ok(T),
    Refused { status: u16, error: ApiError },
    Unanswered(String),
}

impl StripeProvider {
    pub fn new(config: StripeConfig) -> Result<StripeProvider, String> {
        let http = crate::http::client(Duration::from_secs(30))?;
        Ok(StripeProvider { config, http })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.api_base.trim_end_matches('/'))
    }

    async fn call<T: for<'de> Deserialize<'de>>(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<&str>,
    ) -> Call<T> {
        let mut req = self
            .http
            .request(method.clone(), self.url(path))
            .bearer_auth(&self.config.secret_key);
        if method == reqwest::Method::POST {
            req = req.form(form);
        }
        if let Some(key) = idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return Call::Unanswered(format!("Stripe {path}: {e}")),
        };
        let status = resp.status().as_u16();
        let body = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => return Call::Unanswered(format!("Stripe {path}: {e}")),
        };
        if (200..300).contains(&status) {
            return match serde_json::from_slice(&body) {
                Ok(v) => Call::Ok(v),
                Err(e) => Call::Unanswered(format!("Stripe {path}: unreadable answer: {e}")),
            };
        }
        // 5xx and 429 leave the outcome unknown; 4xx is Stripe saying no.
        if status >= 500 || status == 429 {
            return Call::Unanswered(format!("Stripe {path}: HTTP {status}"));
        }
        let error = serde_json::from_slice::<ErrorBody>(&body)
            .map(|b| b.error)
            .unwrap_or_default();
        Call::Refused { status, error }
    }

    async fn method(&self, id: &str) -> Call<Method> {
        self.call(
            reqwest::Method::GET,
            &format!("/v1/payment_methods/{}", path_part(id)),
            &[],
            None,
        )
        .await
    }
}

/// An id put into a URL path: Stripe's ids are `[A-Za-z0-9_]`; anything else is refused rather
/// than sent.
/// Stripe keeps a metadata value of at most 500 characters (any Unicode) and refuses a longer one:
/// a longer description (a checkout of many invoices) is cut, and says so with « … ».
fn metadata_value(text: &str) -> String {
    const MAX: usize = 500;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

fn path_part(id: &str) -> String {
    if !id.is_empty()
        && id.len() <= 255
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        id.to_string()
    } else {
        "invalid".to_string()
    }
}

/// A refusal as a state: a card error is a decline (with Stripe's decline code), others failures.
fn refused(status: u16, e: &ApiError) -> ProviderState {
    let reason = e
        .decline_code
        .clone()
        .or_else(|| e.code.clone())
        .or_else(|| e.message.clone())
        .unwrap_or_else(|| format!("http_{status}"));
    if status == 402 || e.kind.as_deref() == Some("card_error") {
        ProviderState::Declined { reason }
    } else {
        ProviderState::Failed { reason }
    }
}

fn intent_state(i: &Intent) -> ProviderState {
    match i.status.as_str() {
        "succeeded" => ProviderState::Succeeded,
        "requires_confirmation" => ProviderState::Unconfirmed,
        "requires_action" => ProviderState::RequiresAction {
            client_secret: i.client_secret.clone(),
        },
        "processing" | "requires_capture" => ProviderState::Processing,
        "canceled" => ProviderState::Canceled,
        // `requires_payment_method` after a confirmation: the card was refused.
        _ => match &i.last_payment_error {
            Some(e) => refused(402, e),
            None => ProviderState::Unconfirmed,
        },
    }
}

/// A saved card's token: the Stripe customer and its payment method.
fn split_token(token: &str) -> Option<(&str, &str)> {
    let (customer, method) = token.split_once(' ')?;
    (customer.starts_with("cus_") && method.starts_with("pm_")).then_some((customer, method))
}

impl PaymentProvider for StripeProvider {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn takes_card_numbers(&self) -> bool {
        false
    }

    fn publishable_key(&self) -> Option<&str> {
        self.config.publishable_key.as_deref()
    }

    fn begin<'a>(
        &'a self,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<Begun, Result<ProviderState, Unanswered>>> {
        Box::pin(async move {
            let (customer, method) = match req.source {
                Source::Method(pm) => (None, pm),
                Source::Saved(token) => match split_token(token) {
                    Some((c, m)) => (Some(c), m),
                    None => {
                        return Err(Ok(ProviderState::Declined {
                            reason: "saved_card_unusable".into(),
                        }));
                    }
                },
                // A card number never goes to Stripe from Guichet's server.
                Source::Card(_) => {
                    return Err(Ok(ProviderState::Declined {
                        reason: "card_form_not_accepted".into(),
                    }));
                }
            };
            let last4 = match self.method(method).await {
                Call::Ok(m) => m.card.map(|c| c.last4).unwrap_or_default(),
                Call::Refused { status, error } => return Err(Ok(refused(status, &error))),
                Call::Unanswered(e) => return Err(Err(Unanswered(e))),
            };
            let mut form = vec![
                ("amount", req.amount.minor.to_string()),
                ("currency", req.amount.currency.code().to_ascii_lowercase()),
                ("payment_method", method.to_string()),
                ("payment_method_types[]", "card".to_string()),
                // In the metadata: localstripe refuses a PaymentIntent `description`.
                ("metadata[description]", metadata_value(req.description)),
                ("metadata[guichet_charge]", req.charge.to_string()),
                ("metadata[guichet_org]", req.org.to_string()),
            ];
            if let Some(c) = customer {
                form.push(("customer", c.to_string()));
            }
            let key = format!("{}:create", req.idempotency_key);
            match self
                .call::<Intent>(
                    reqwest::Method::POST,
                    "/v1/payment_intents",
                    &form,
                    Some(&key),
                )
                .await
            {
                Call::Ok(i) => Ok(Begun {
                    provider_ref: i.id,
                    last4,
                }),
                Call::Refused { status, error } => Err(Ok(refused(status, &error))),
                Call::Unanswered(e) => Err(Err(Unanswered(e))),
            }
        })
    }

    fn confirm<'a>(
        &'a self,
        provider_ref: &'a str,
        req: &'a ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            let key = format!("{}:confirm", req.idempotency_key);
            let path = format!("/v1/payment_intents/{}/confirm", path_part(provider_ref));
            match self
                .call::<Intent>(reqwest::Method::POST, &path, &[], Some(&key))
                .await
            {
                Call::Ok(i) => Ok(intent_state(&i)),
                Call::Refused { status, error } => Ok(refused(status, &error)),
                Call::Unanswered(e) => Err(Unanswered(e)),
            }
        })
    }

    fn state<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            let path = format!("/v1/payment_intents/{}", path_part(provider_ref));
            match self
                .call::<Intent>(reqwest::Method::GET, &path, &[], None)
                .await
            {
                Call::Ok(i) => Ok(intent_state(&i)),
                // Stripe does not know it: it was never created, so no money moved.
                Call::Refused { status: 404, .. } => Ok(ProviderState::Canceled),
                Call::Refused { status, error } => Err(Unanswered(format!(
                    "Stripe refused to tell the state of {provider_ref}: {:?}",
                    refused(status, &error)
                ))),
                Call::Unanswered(e) => Err(Unanswered(e)),
            }
        })
    }

    fn cancel<'a>(
        &'a self,
        provider_ref: &'a str,
    ) -> BoxFuture<'a, Result<ProviderState, Unanswered>> {
        Box::pin(async move {
            let path = format!("/v1/payment_intents/{}/cancel", path_part(provider_ref));
            let key = format!("cancel:{provider_ref}");
            match self
                .call::<Intent>(reqwest::Method::POST, &path, &[], Some(&key))
                .await
            {
                Call::Ok(i) => Ok(intent_state(&i)),
                // Not cancellable any more (confirmed meanwhile): its state says what happened.
                Call::Refused { .. } => self.state(provider_ref).await,
                Call::Unanswered(e) => Err(Unanswered(e)),
            }
        })
    }

    fn refund<'a>(
        &'a self,
        payment_ref: &'a str,
        amount: Money,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<RefundState, Unanswered>> {
        Box::pin(async move {
            let form = [
                ("payment_intent", payment_ref.to_string()),
                ("amount", amount.minor.to_string()),
            ];
            match self
                .call::<Refund>(
                    reqwest::Method::POST,
                    "/v1/refunds",
                    &form,
                    Some(idempotency_key),
                )
                .await
            {
                Call::Ok(r) => Ok(match r.status.as_str() {
                    "succeeded" => RefundState::Succeeded { provider_ref: r.id },
                    "failed" | "canceled" => RefundState::Failed {
                        reason: r.failure_reason.unwrap_or_else(|| r.status.clone()),
                    },
                    _ => RefundState::Pending { provider_ref: r.id },
                }),
                Call::Refused { status, error } => Ok(RefundState::Failed {
                    reason: match refused(status, &error) {
                        ProviderState::Declined { reason } | ProviderState::Failed { reason } => {
                            reason
                        }
                        _ => format!("http_{status}"),
                    },
                }),
                Call::Unanswered(e) => Err(Unanswered(e)),
            }
        })
    }

    fn save_card<'a>(
        &'a self,
        org: OrgId,
        source: Source<'a>,
    ) -> BoxFuture<'a, Result<SavedMethod, String>> {
        Box::pin(async move {
            let Source::Method(pm) = source else {
                return Err("card_form_not_accepted".into());
            };
            let customer = match self
                .call::<Customer>(
                    reqwest::Method::POST,
                    "/v1/customers",
                    &[("metadata[guichet_org]", org.to_string())],
                    Some(&format!("customer:{org}:{pm}")),
                )
                .await
            {
                Call::Ok(c) => c.id,
                Call::Refused { status, error } => {
                    return Err(reason_of(&refused(status, &error)));
                }
                Call::Unanswered(e) => return Err(e),
            };
            let path = format!("/v1/payment_methods/{}/attach", path_part(pm));
            let method = match self
                .call::<Method>(
                    reqwest::Method::POST,
                    &path,
                    &[("customer", customer.clone())],
                    Some(&format!("attach:{customer}:{pm}")),
                )
                .await
            {
                Call::Ok(m) => m,
                Call::Refused { status, error } => {
                    return Err(reason_of(&refused(status, &error)));
                }
                Call::Unanswered(e) => return Err(e),
            };
            let card = method.card.unwrap_or(CardDetails {
                last4: String::new(),
                exp_month: 0,
                exp_year: 0,
            });
            Ok(SavedMethod {
                token: format!("{customer} {}", method.id),
                last4: card.last4,
                expiry: format!("{:02}/{:02}", card.exp_month, card.exp_year % 100),
            })
        })
    }
}

fn reason_of(s: &ProviderState) -> String {
    match s {
        ProviderState::Declined { reason } | ProviderState::Failed { reason } => reason.clone(),
        other => format!("{other:?}"),
    }
}

/// Why a webhook's signature is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum SignatureError {
    /// No `Stripe-Signature` header, or one without `t=` and `v1=`.
    Malformed,
    /// The timestamp is further from now than the tolerance (a replay of an old event).
    Stale,
    /// No `v1` signature matches the payload.
    Mismatch,
}

/// Checks a `Stripe-Signature` header (`t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">`, several `v1`
/// while a secret is rolled) against the endpoint's secret, within `tolerance_secs` of `now`.
pub fn verify_signature(
    payload: &[u8],
    header: &str,
    secret: &str,
    now: i64,
    tolerance_secs: i64,
) -> Result<i64, SignatureError> {
    use hmac::{Hmac, Mac};
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => timestamp = v.parse::<i64>().ok(),
            Some(("v1", v)) => {
                if let Ok(bytes) = hex::decode(v) {
                    signatures.push(bytes);
                }
            }
            _ => {}
        }
    }
    let (Some(t), false) = (timestamp, signatures.is_empty()) else {
        return Err(SignatureError::Malformed);
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes())
        .map_err(|_| SignatureError::Malformed)?;
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    // Each candidate compared in constant time (`verify_slice`).
    let matches = signatures
        .iter()
        .any(|s| mac.clone().verify_slice(s).is_ok());
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    if (now - t).abs() > tolerance_secs {
        return Err(SignatureError::Stale);
    }
    Ok(t)
}

#[cfg(test)]
mod tests;
