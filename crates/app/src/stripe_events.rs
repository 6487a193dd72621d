//! Stripe's webhooks in (`POST /webhooks/stripe`, RELIABILITY.md #25): the `Stripe-Signature` is
//! checked first (HMAC-SHA256 with the endpoint's secret, within five minutes of its timestamp);
//! each event id is applied once; an event is only a hint — the charge it names is settled by
//! asking Stripe for the payment's state now, through the same compare-and-set from `pending` as
//! every settlement, so events out of order never move a payment backwards; an event whose
//! metadata names another Organization than the charge's is refused; unknown events and objects
//! are acknowledged and ignored.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::stripe::{SignatureError, verify_signature};
use guichet_store::charges;
use serde::Deserialize;

/// How far a webhook's timestamp may be from now (Stripe's libraries' default).
pub const TOLERANCE_SECS: i64 = 300;

/// What became of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventOutcome {
    /// Its charge was settled (or found settled) by asking Stripe.
    Applied,
    /// Seen before: nothing done again.
    Replay,
    /// Not an event Guichet acts on (acknowledged, so Stripe stops sending it).
    Ignored,
}

impl EventOutcome {
    pub fn code(self) -> &'static str {
        match self {
            EventOutcome::Applied => "applied",
            EventOutcome::Replay => "replay",
            EventOutcome::Ignored => "ignored",
        }
    }
}

/// Why an event was refused (400: Stripe shows it in the endpoint's log and retries).
#[derive(Debug, PartialEq, Eq)]
pub enum EventRefused {
    Signature(SignatureError),
    Unreadable,
    /// Its metadata names another Organization (or charge) than the one the object belongs to.
    OtherOrganization,
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: EventObject,
}

#[derive(Deserialize)]
struct EventObject {
    id: String,
    #[serde(default)]
    object: String,
    #[serde(default)]
    metadata: std::collections::HashMap<String, serde_json::Value>,
}

impl App {
    /// Applies one Stripe webhook. `Ok(Err(_))` is a refusal to answer with 400.
    pub async fn stripe_webhook(
        &self,
        signature: Option<&str>,
        payload: &[u8],
    ) -> AppResult<Result<EventOutcome, EventRefused>> {
        let Some(secret) = self
            .config
            .stripe
            .as_ref()
            .and_then(|s| s.webhook_secret.as_deref())
        else {
            // Without a configured secret nothing is accepted: the endpoint does not exist.
            return Err(AppError::NotFound);
        };
        let now = self.now();
        if let Err(e) = verify_signature(
            payload,
            signature.unwrap_or_default(),
            secret,
            now,
            TOLERANCE_SECS,
        ) {
            tracing::warn!(reason = ?e, "Stripe webhook refused: signature");
            return Ok(Err(EventRefused::Signature(e)));
        }
        let Ok(event) = serde_json::from_slice::<Event>(payload) else {
            tracing::warn!("Stripe webhook refused: unreadable event");
            return Ok(Err(EventRefused::Unreadable));
        };
        {
            let mut c = self.db.conn().await?;
            if charges::event_seen(&mut c, &event.id).await?.is_some() {
                return Ok(Ok(EventOutcome::Replay));
            }
        }
        let object = &event.data.object;
        let acts_on = matches!(object.object.as_str(), "payment_intent" | "refund")
            && (event.kind.starts_with("payment_intent.") || event.kind.starts_with("refund."));
        let charge = if acts_on {
            let mut c = self.db.conn().await?;
            charges::by_provider_ref(&mut c, "stripe", &object.id).await?
        } else {
            None
        };
        let outcome = match charge {
            None => EventOutcome::Ignored,
            Some(charge) => {
                let meta = |k: &str| object.metadata.get(k).and_then(|v| v.as_str());
                let org_differs = meta("guichet_org").is_some_and(|o| o != charge.org.to_string());
                let charge_differs =
                    meta("guichet_charge").is_some_and(|c| c != charge.id.to_string());
                if org_differs || charge_differs {
                    tracing::warn!(event = %event.id, charge = %charge.id, "Stripe webhook refused: it names another Organization than its payment's");
                    return Ok(Err(EventRefused::OtherOrganization));
                }
                self.reconcile_charge(&charge, false).await?;
                EventOutcome::Applied
            }
        };
        let mut c = self.db.write_conn().await?;
        // A replay racing this one may have recorded it first: the same outcome either way.
        charges::event_once(
            &mut c,
            &event.id,
            &event.kind,
            &object.id,
            outcome.code(),
            now,
        )
        .await?;
        Ok(Ok(outcome))
    }
}
