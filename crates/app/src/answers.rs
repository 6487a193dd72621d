//! The bodies of money-moving answers (top-up, withdrawal, checkout, paying an invoice): typed, so
//! the API document describes exactly what is sent, and kept as JSON with the idempotency key so a
//! replay returns the very same body. Amounts are `Money` here and go out as the API has always
//! written them: `amount_minor` (an integer of minor units) beside one `currency`.

use guichet_core::status::WithdrawalStatus;
use guichet_core::{CardPaymentId, Currency, LedgerEntryId, Money, WithdrawalId};
use serde::Serialize;
use utoipa::ToSchema;

/// How a card charge ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChargeStatus {
    Succeeded,
    /// Refused by the card's bank.
    Declined,
    /// The payment provider could not charge it.
    Failed,
}

impl ChargeStatus {
    /// A settled charge's status as the answer says it (released: it failed before any money moved).
    pub fn of(status: guichet_core::status::ChargeStatus) -> ChargeStatus {
        use guichet_core::status::ChargeStatus as S;
        match status {
            S::Succeeded => ChargeStatus::Succeeded,
            S::Declined => ChargeStatus::Declined,
            S::Failed | S::Released | S::Pending => ChargeStatus::Failed,
        }
    }
}

/// Why a card payment's outcome is not known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PendingStatus {
    /// The provider is processing it (or did not answer yet): ask again with the same key.
    Processing,
    /// The cardholder must authenticate (3-D Secure): complete it with Stripe.js and the
    /// `client_secret`, then ask again with the same key.
    RequiresAction,
}

/// A card payment whose outcome is not known yet (202); the same request with the same
/// Idempotency-Key later answers with its outcome.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChargePending {
    pub status: PendingStatus,
    pub payment_id: CardPaymentId,
    #[serde(rename = "amount_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub amount: Money,
    pub currency: Currency,
    /// For Stripe.js `handleNextAction`, when the status is `requires_action`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}

/// A top-up by card that was paid (201).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TopUpPaid {
    /// `succeeded`.
    pub status: ChargeStatus,
    pub payment_id: CardPaymentId,
    pub entry_id: LedgerEntryId,
    #[serde(rename = "amount_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub amount: Money,
    pub currency: Currency,
    /// The balance after the top-up.
    #[serde(rename = "balance_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub balance: Money,
}

/// A top-up by card the card refused (402): nothing was credited.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TopUpDeclined {
    /// `declined` or `failed`.
    pub status: ChargeStatus,
    pub payment_id: CardPaymentId,
    /// The provider's reason.
    pub reason: String,
    #[serde(rename = "amount_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub amount: Money,
    pub currency: Currency,
    /// The balance, unchanged.
    #[serde(rename = "balance_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub balance: Money,
}

/// A withdrawal request recorded (201): the amount is held until an operator decides.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WithdrawalRequested {
    pub id: WithdrawalId,
    pub status: WithdrawalStatus,
    #[serde(rename = "amount_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub amount: Money,
    pub currency: Currency,
    /// Masked: only its last characters.
    pub destination: String,
}

/// `paid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaidStatus {
    Paid,
}

/// A checkout that paid its invoices (200).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CheckoutPaid {
    pub status: PaidStatus,
    /// The numbers of the invoices paid.
    pub invoices: Vec<String>,
    #[serde(rename = "total_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub total: Money,
    #[serde(rename = "from_prepaid_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub from_prepaid: Money,
    #[serde(rename = "by_card_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub by_card: Money,
    pub currency: Currency,
}

/// A checkout whose card part was refused (402): nothing was paid, the balance is untouched.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CheckoutDeclined {
    /// `declined` or `failed`.
    pub status: ChargeStatus,
    pub reason: String,
    /// Always true: the prepaid part was not taken.
    pub balance_untouched: bool,
}

/// An invoice paid from the prepaid balance (200).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct InvoicePaid {
    /// The invoice's number.
    pub invoice: String,
    pub status: PaidStatus,
    #[serde(rename = "amount_minor", serialize_with = "minor")]
    #[schema(value_type = i64)]
    pub amount: Money,
    pub currency: Currency,
}

/// An amount as its minor units alone (the body's `currency` says which).
fn minor<S: serde::Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64(m.minor)
}

/// The JSON kept and sent for a money-moving answer.
pub(crate) fn body<T: Serialize>(v: &T) -> crate::error::AppResult<serde_json::Value> {
    serde_json::to_value(v).map_err(|e| crate::AppError::Internal(e.to_string()))
}

/// How a money-moving request ended. `web` chooses the HTTP status for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done (a payment made, a refund issued).
    Done,
    /// Something new exists (a withdrawal requested, a top-up booked).
    Created,
    /// The card was declined or failed: nothing moved.
    Declined,
    /// The card payment's outcome is not known yet (the provider processes it, or the cardholder
    /// must authenticate): never stored for the key, whose retry then answers with the outcome.
    Pending,
}

impl Outcome {
    /// How the idempotency record keeps it (the numbers it was stored under from the start).
    pub(crate) fn stored(self) -> i64 {
        match self {
            Outcome::Done => 200,
            Outcome::Created => 201,
            Outcome::Declined => 402,
            Outcome::Pending => 202,
        }
    }

    pub(crate) fn from_stored(n: i64) -> crate::error::AppResult<Outcome> {
        match n {
            200 => Ok(Outcome::Done),
            201 => Ok(Outcome::Created),
            402 => Ok(Outcome::Declined),
            _ => Err(crate::AppError::Internal(format!(
                "idempotency record with outcome {n}"
            ))),
        }
    }
}

/// The answer to a money-moving request: what the first request with its idempotency key got.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub outcome: Outcome,
    pub body: serde_json::Value,
}

impl Answer {
    /// The answer kept for an idempotency key (its stored status and JSON body).
    pub(crate) fn stored(status: i64, response: &str) -> crate::error::AppResult<Answer> {
        Ok(Answer {
            outcome: Outcome::from_stored(status)?,
            body: serde_json::from_str(response)
                .map_err(|e| crate::AppError::Internal(e.to_string()))?,
        })
    }

    /// The answer kept for `key`, if its request has finished (status 0: a card charge between
    /// its two transactions).
    pub(crate) async fn kept(
        c: &mut guichet_store::Conn,
        org: guichet_core::OrgId,
        key: &str,
    ) -> crate::error::AppResult<Option<Answer>> {
        match guichet_store::idempotency::answer(c, org, key).await? {
            Some((status, response)) if status != 0 => Answer::stored(status, &response).map(Some),
            _ => Ok(None),
        }
    }
}
