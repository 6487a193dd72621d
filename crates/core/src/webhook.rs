//! Outgoing webhooks, the pure part: the event types an endpoint subscribes to, the retry schedule
//! of a failed delivery, and where a delivery stands (read from its timestamps, like the e-mail
//! outbox: it has no status column to move).

use std::fmt;

/// What happened, as the `type` of the event sent (Standard Webhooks' dotted names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    InvoiceIssued,
    InvoicePaid,
    PaymentReceived,
    PrepaidCredited,
    WithdrawalRequested,
    WithdrawalApproved,
    WithdrawalPaid,
    ProductActivated,
    ProductExpired,
    ProductTerminated,
    ProductCancelled,
    MemberInvited,
    MemberJoined,
    MemberRemoved,
}

use EventType as E;

impl EventType {
    pub const ALL: [EventType; 14] = [
        E::InvoiceIssued,
        E::InvoicePaid,
        E::PaymentReceived,
        E::PrepaidCredited,
        E::WithdrawalRequested,
        E::WithdrawalApproved,
        E::WithdrawalPaid,
        E::ProductActivated,
        E::ProductExpired,
        E::ProductTerminated,
        E::ProductCancelled,
        E::MemberInvited,
        E::MemberJoined,
        E::MemberRemoved,
    ];

    /// The name sent as the event's `type` and stored in an endpoint's subscription.
    pub fn as_str(self) -> &'static str {
        match self {
            E::InvoiceIssued => "invoice.issued",
            E::InvoicePaid => "invoice.paid",
            E::PaymentReceived => "payment.received",
            E::PrepaidCredited => "prepaid.credited",
            E::WithdrawalRequested => "withdrawal.requested",
            E::WithdrawalApproved => "withdrawal.approved",
            E::WithdrawalPaid => "withdrawal.paid",
            E::ProductActivated => "product.activated",
            E::ProductExpired => "product.expired",
            E::ProductTerminated => "product.terminated",
            E::ProductCancelled => "product.cancelled",
            E::MemberInvited => "member.invited",
            E::MemberJoined => "member.joined",
            E::MemberRemoved => "member.removed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// A comma- or space-separated list (`invoice.paid, member.joined`; `*` for every type),
    /// sorted and without duplicates; the first unknown name is the error.
    pub fn parse_list(s: &str) -> Result<Vec<EventType>, String> {
        let mut out = Vec::new();
        for name in s
            .split([',', ' ', '\n', '\r', '\t'])
            .filter(|n| !n.is_empty())
        {
            if name == "*" {
                return Ok(Self::ALL.to_vec());
            }
            out.push(Self::parse(name).ok_or_else(|| name.to_owned())?);
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The list as stored: names separated by commas.
    pub fn join(types: &[EventType]) -> String {
        types
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl std::str::FromStr for EventType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| s.to_owned())
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How long Guichet keeps trying an event: three days after it happened, then the delivery is dead.
pub const DELIVERY_WINDOW_SECS: i64 = 3 * 24 * 3600;

/// An endpoint whose every attempt failed for this long (no 2xx since its first failure) is
/// disabled and the operators are told: three days, the time an event is retried. Counting time
/// rather than failures keeps a short outage that fails many events at once from disabling it.
pub const DISABLE_AFTER_SECS: i64 = DELIVERY_WINDOW_SECS;

/// An event's id, sent as `webhook-id`: `msg_` and a time-ordered UUID (32 hex digits). The
/// receiver de-duplicates by it: every attempt of one event carries the same id.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct WebhookEventId(pub uuid::Uuid);

impl WebhookEventId {
    pub fn new() -> Self {
        Self(uuid::Uuid::now_v7())
    }
}

impl Default for WebhookEventId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for WebhookEventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "msg_{}", self.0.simple())
    }
}

impl std::str::FromStr for WebhookEventId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.strip_prefix("msg_")
            .and_then(|hex| uuid::Uuid::try_parse(hex).ok())
            .map(Self)
            .ok_or_else(|| format!("not an event id: {s}"))
    }
}

impl serde::Serialize for WebhookEventId {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        s.collect_str(self)
    }
}

/// The wait before attempt `n + 1` after `n` failed attempts (1-based): 5 s, 5 min, 30 min, 2 h,
/// 5 h, 10 h, then every 10 h — scaled by `scale_percent` (100 in production; a test may use 0).
pub fn retry_delay(failed_attempts: i64, scale_percent: i64) -> i64 {
    const SCHEDULE: [i64; 6] = [5, 300, 1800, 7200, 18000, 36000];
    let i = usize::try_from(failed_attempts.saturating_sub(1)).unwrap_or(0);
    let base = SCHEDULE.get(i).copied().unwrap_or(36000);
    base.saturating_mul(scale_percent.max(0)) / 100
}

/// Where a delivery (one event to one endpoint) stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeliveryState {
    /// Not tried yet.
    Pending,
    /// Tried and failed; tried again at its next attempt time.
    Failed,
    /// The endpoint answered 2xx.
    Delivered,
    /// Three days of failures (or its endpoint was disabled or removed): no more attempts.
    Dead,
}

impl DeliveryState {
    /// From the delivery's timestamps and attempt count.
    pub fn of(delivered_at: Option<i64>, dead_at: Option<i64>, attempts: i64) -> DeliveryState {
        match (delivered_at, dead_at) {
            (Some(_), _) => DeliveryState::Delivered,
            (None, Some(_)) => DeliveryState::Dead,
            (None, None) if attempts > 0 => DeliveryState::Failed,
            (None, None) => DeliveryState::Pending,
        }
    }

    /// Its catalogue key suffix and API text.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Failed => "failed",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Dead => "dead",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_and_lists_parse() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        assert_eq!(
            EventType::parse_list("member.joined, invoice.paid,invoice.paid").unwrap(),
            vec![EventType::InvoicePaid, EventType::MemberJoined]
        );
        assert_eq!(EventType::parse_list("*").unwrap().len(), 14);
        assert_eq!(
            EventType::parse_list("invoice.paid,bogus.event"),
            Err("bogus.event".to_owned())
        );
        assert_eq!(
            EventType::join(&[EventType::InvoicePaid, EventType::MemberJoined]),
            "invoice.paid,member.joined"
        );
    }

    #[test]
    fn the_retry_schedule_backs_off_then_stays_at_ten_hours() {
        let s: Vec<i64> = (1..=8).map(|n| retry_delay(n, 100)).collect();
        assert_eq!(s, [5, 300, 1800, 7200, 18000, 36000, 36000, 36000]);
        assert_eq!(retry_delay(3, 0), 0);
        assert_eq!(retry_delay(2, 10), 30);
    }

    #[test]
    fn an_event_id_is_msg_and_hex_and_parses_back() {
        let id = WebhookEventId::new();
        let text = id.to_string();
        assert!(text.starts_with("msg_") && text.len() == 36, "{text}");
        assert_eq!(text.parse::<WebhookEventId>().unwrap(), id);
        assert!("evt_0190".parse::<WebhookEventId>().is_err());
    }

    #[test]
    fn a_delivery_state_is_read_from_its_timestamps() {
        assert_eq!(DeliveryState::of(None, None, 0), DeliveryState::Pending);
        assert_eq!(DeliveryState::of(None, None, 2), DeliveryState::Failed);
        assert_eq!(
            DeliveryState::of(Some(1), None, 4),
            DeliveryState::Delivered
        );
        assert_eq!(DeliveryState::of(None, Some(1), 9), DeliveryState::Dead);
    }
}
