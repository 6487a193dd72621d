//! Outgoing webhooks (issue #13): what happened, told to the provider's own systems.
//!
//! A change calls [`emit`] in its own transaction: the event and one delivery per enabled endpoint
//! subscribed to its type are written with the change, so a change that is rolled back sends
//! nothing, and one that commits is delivered at least once (RELIABILITY.md #11). The
//! [`sender`] delivers them, signed per Standard Webhooks ([`sign`]), retried with back-off for
//! three days; [`manage`] is what operators do with endpoints.

pub mod manage;
pub mod sender;
pub mod sign;

use crate::error::{AppError, AppResult};
use guichet_core::webhook::{EventType, WebhookEventId};
use guichet_core::{InvoiceId, Money, OrgId, ProductId, UserId, WithdrawalId};
use guichet_store::{Conn, webhooks};
use serde::Serialize;

/// An invoice (`invoice.issued`, `invoice.paid`).
#[derive(Clone, Debug, Serialize)]
pub struct InvoiceData {
    pub org_id: OrgId,
    pub invoice_id: InvoiceId,
    pub number: String,
    /// VAT included.
    pub amount: Money,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// How money came in (an invoice paid from the prepaid balance is `invoice.paid` alone: no money
/// came in then).
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    BankTransfer,
    Card,
}

/// Money received (`payment.received`): a bank transfer or a card charge, for an invoice or not.
#[derive(Clone, Debug, Serialize)]
pub struct PaymentData {
    pub org_id: OrgId,
    pub amount: Money,
    pub method: PaymentMethod,
    /// The invoice it paid, when it paid one.
    pub invoice_id: Option<InvoiceId>,
}

/// Money put on the prepaid balance (`prepaid.credited`).
#[derive(Clone, Debug, Serialize)]
pub struct PrepaidData {
    pub org_id: OrgId,
    pub amount: Money,
    pub method: PaymentMethod,
}

/// A withdrawal from the prepaid balance (`withdrawal.*`).
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawalData {
    pub org_id: OrgId,
    pub withdrawal_id: WithdrawalId,
    pub amount: Money,
}

/// A product (`product.*`).
#[derive(Clone, Debug, Serialize)]
pub struct ProductData {
    pub org_id: OrgId,
    pub product_id: ProductId,
    pub name: String,
    /// `YYYY-MM-DD`, when it has an end.
    pub expires_on: Option<String>,
}

/// A person and an Organization (`member.*`).
#[derive(Clone, Debug, Serialize)]
pub struct MemberData {
    pub org_id: OrgId,
    /// None for an invitation not accepted yet.
    pub user_id: Option<UserId>,
    pub email: String,
    /// `legal_rep`, `admin`, `collaborator`, `external`.
    pub role: String,
}

/// Every event Guichet sends: its type and its typed payload, never a string built by the caller.
#[derive(Clone, Debug)]
pub enum Event {
    InvoiceIssued(InvoiceData),
    InvoicePaid(InvoiceData),
    PaymentReceived(PaymentData),
    PrepaidCredited(PrepaidData),
    WithdrawalRequested(WithdrawalData),
    WithdrawalApproved(WithdrawalData),
    WithdrawalPaid(WithdrawalData),
    ProductActivated(ProductData),
    ProductExpired(ProductData),
    ProductTerminated(ProductData),
    ProductCancelled(ProductData),
    MemberInvited(MemberData),
    MemberJoined(MemberData),
    MemberRemoved(MemberData),
}

impl Event {
    pub fn event_type(&self) -> EventType {
        use EventType as T;
        match self {
            Event::InvoiceIssued(_) => T::InvoiceIssued,
            Event::InvoicePaid(_) => T::InvoicePaid,
            Event::PaymentReceived(_) => T::PaymentReceived,
            Event::PrepaidCredited(_) => T::PrepaidCredited,
            Event::WithdrawalRequested(_) => T::WithdrawalRequested,
            Event::WithdrawalApproved(_) => T::WithdrawalApproved,
            Event::WithdrawalPaid(_) => T::WithdrawalPaid,
            Event::ProductActivated(_) => T::ProductActivated,
            Event::ProductExpired(_) => T::ProductExpired,
            Event::ProductTerminated(_) => T::ProductTerminated,
            Event::ProductCancelled(_) => T::ProductCancelled,
            Event::MemberInvited(_) => T::MemberInvited,
            Event::MemberJoined(_) => T::MemberJoined,
            Event::MemberRemoved(_) => T::MemberRemoved,
        }
    }

    pub fn org(&self) -> OrgId {
        match self {
            Event::InvoiceIssued(d) | Event::InvoicePaid(d) => d.org_id,
            Event::PaymentReceived(d) => d.org_id,
            Event::PrepaidCredited(d) => d.org_id,
            Event::WithdrawalRequested(d)
            | Event::WithdrawalApproved(d)
            | Event::WithdrawalPaid(d) => d.org_id,
            Event::ProductActivated(d)
            | Event::ProductExpired(d)
            | Event::ProductTerminated(d)
            | Event::ProductCancelled(d) => d.org_id,
            Event::MemberInvited(d) | Event::MemberJoined(d) | Event::MemberRemoved(d) => d.org_id,
        }
    }

    fn data(&self) -> serde_json::Result<serde_json::Value> {
        match self {
            Event::InvoiceIssued(d) | Event::InvoicePaid(d) => serde_json::to_value(d),
            Event::PaymentReceived(d) => serde_json::to_value(d),
            Event::PrepaidCredited(d) => serde_json::to_value(d),
            Event::WithdrawalRequested(d)
            | Event::WithdrawalApproved(d)
            | Event::WithdrawalPaid(d) => serde_json::to_value(d),
            Event::ProductActivated(d)
            | Event::ProductExpired(d)
            | Event::ProductTerminated(d)
            | Event::ProductCancelled(d) => serde_json::to_value(d),
            Event::MemberInvited(d) | Event::MemberJoined(d) | Event::MemberRemoved(d) => {
                serde_json::to_value(d)
            }
        }
    }
}

/// The body sent (and signed): Standard Webhooks' `{"type", "timestamp", "data"}`.
#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    timestamp: String,
    data: serde_json::Value,
}

/// `2026-11-18T11:06:40Z`.
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| unix.to_string())
}

/// Writes `event` for delivery to every enabled endpoint subscribed to its type, in the caller's
/// transaction `c` (nothing is sent unless it commits). Writes nothing when no endpoint listens;
/// returns the event's id (its `webhook-id`) when one does.
pub async fn emit(c: &mut Conn, event: Event, now: i64) -> AppResult<Option<WebhookEventId>> {
    let to = webhooks::subscribed(c, event.event_type()).await?;
    write(c, &event, &to, now).await
}

/// [`emit`] for each of `events` (a batch of the billing run, or a payment's two events): the
/// subscribers of all their types are read in one statement.
pub async fn emit_all(c: &mut Conn, events: Vec<Event>, now: i64) -> AppResult<()> {
    let mut types: Vec<EventType> = events.iter().map(Event::event_type).collect();
    types.sort_by_key(|t| t.as_str());
    types.dedup();
    let subscribers = webhooks::subscribed_any(c, &types).await?;
    for e in events {
        let t = e.event_type();
        let to: Vec<guichet_core::WebhookEndpointId> = subscribers
            .iter()
            .filter(|(_, takes)| takes.contains(&t))
            .map(|(id, _)| *id)
            .collect();
        write(c, &e, &to, now).await?;
    }
    Ok(())
}

async fn write(
    c: &mut Conn,
    event: &Event,
    to: &[guichet_core::WebhookEndpointId],
    now: i64,
) -> AppResult<Option<WebhookEventId>> {
    if to.is_empty() {
        return Ok(None);
    }
    let t = event.event_type();
    let bad = |e: serde_json::Error| AppError::Internal(format!("webhook {t}: {e}"));
    let body = Body {
        kind: t.as_str(),
        timestamp: rfc3339(now),
        data: event.data().map_err(bad)?,
    };
    let body = serde_json::to_string(&body).map_err(bad)?;
    let id = WebhookEventId::new();
    webhooks::insert_event(c, (id, t, Some(event.org())), &body, to, now).await?;
    Ok(Some(id))
}

/// `member.removed` for `user` leaving `org` (removed, or leaving of their own accord).
pub async fn member_removed(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    role: guichet_core::Role,
    now: i64,
) -> AppResult<()> {
    let email = guichet_store::users::by_id(c, user)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    let event = Event::MemberRemoved(MemberData {
        org_id: org,
        user_id: Some(user),
        email,
        role: role.code().to_owned(),
    });
    emit(c, event, now).await?;
    Ok(())
}

/// `invoice.paid` for an invoice the caller just marked paid (read again in its transaction `c`).
pub async fn invoice_paid(c: &mut Conn, org: OrgId, invoice: InvoiceId, now: i64) -> AppResult<()> {
    if let Some((inv, _)) = guichet_store::billing::get_invoice(c, org, invoice).await? {
        emit(c, Event::InvoicePaid(invoice_data(&inv)), now).await?;
    }
    Ok(())
}

/// A card charge booked: `payment.received` (naming the invoice it paid, if one), and
/// `prepaid.credited` when the money went to the prepaid balance.
pub async fn card_payment(
    c: &mut Conn,
    org: OrgId,
    amount: Money,
    invoice: Option<InvoiceId>,
    to_prepaid: bool,
    now: i64,
) -> AppResult<()> {
    let method = PaymentMethod::Card;
    let mut events = vec![Event::PaymentReceived(PaymentData {
        org_id: org,
        amount,
        method,
        invoice_id: invoice,
    })];
    if to_prepaid {
        events.push(Event::PrepaidCredited(PrepaidData {
            org_id: org,
            amount,
            method,
        }));
    }
    emit_all(c, events, now).await
}

/// A product's event of `kind` (`product.*`).
pub fn product_event(
    kind: guichet_core::product::ProductState,
    p: &guichet_store::billing::Product,
) -> Option<Event> {
    use guichet_core::product::ProductState as S;
    let data = ProductData {
        org_id: p.org_id,
        product_id: p.id,
        name: p.name.clone(),
        expires_on: p.expires_on.map(day),
    };
    match kind {
        S::Active => Some(Event::ProductActivated(data)),
        S::Expired => Some(Event::ProductExpired(data)),
        S::Terminated => Some(Event::ProductTerminated(data)),
        S::Cancelled => Some(Event::ProductCancelled(data)),
        S::Pending | S::Blocked => None,
    }
}

/// An invoice's data.
pub fn invoice_data(i: &guichet_store::billing::Invoice) -> InvoiceData {
    InvoiceData {
        org_id: i.org_id,
        invoice_id: i.id,
        number: i.number.clone(),
        amount: i.gross,
        due_on: day(i.due_on),
    }
}

/// The `YYYY-MM-DD` of a date.
pub fn day(d: guichet_core::period::Date) -> String {
    d.iso()
}
