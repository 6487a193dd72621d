//! Outgoing webhooks: endpoints, the events written in the transaction of their change, one
//! delivery per (event, subscribed endpoint), and the attempt log. A sender claims a due delivery
//! with a lease (a conditional UPDATE whose count is checked) and finishes it under that lease.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::webhook::{DeliveryState, EventType, WebhookEventId};
use guichet_core::{OrgId, WebhookDeliveryId, WebhookEndpointId};
use sqlx::any::AnyRow;

#[derive(Clone, Debug)]
pub struct Endpoint {
    pub id: WebhookEndpointId,
    pub url: String,
    pub description: String,
    pub event_types: Vec<EventType>,
    /// `whsec_…`: what signs every attempt.
    pub secret: String,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
    pub disabled_reason: Option<String>,
    pub consecutive_failures: i64,
    pub failing_since: Option<i64>,
}

const ET: &str = "webhook_endpoints";
const ENDPOINT_COLS: &str = "id, url, description, event_types, secret, created_at, disabled_at, \
                             disabled_reason, consecutive_failures, failing_since";

fn endpoint(r: &AnyRow) -> Result<Endpoint> {
    let types = text(r, ET, "event_types")?;
    Ok(Endpoint {
        id: parsed(r, ET, "id")?,
        url: text(r, ET, "url")?,
        description: text(r, ET, "description")?,
        event_types: EventType::parse_list(&types).map_err(|bad| crate::StoreError::Corrupt {
            table: ET,
            detail: format!("event_types = {bad:?}"),
        })?,
        secret: text(r, ET, "secret")?,
        created_at: int(r, ET, "created_at")?,
        disabled_at: opt_int(r, ET, "disabled_at")?,
        disabled_reason: opt_text(r, ET, "disabled_reason")?,
        consecutive_failures: int(r, ET, "consecutive_failures")?,
        failing_since: opt_int(r, ET, "failing_since")?,
    })
}

pub struct NewEndpoint<'a> {
    pub url: &'a str,
    pub description: &'a str,
    pub event_types: &'a [EventType],
    pub secret: &'a str,
    pub now: i64,
}

pub async fn insert_endpoint(c: &mut Conn, e: &NewEndpoint<'_>) -> Result<WebhookEndpointId> {
    let id = WebhookEndpointId::new();
    sqlx::query(
        "INSERT INTO webhook_endpoints (id, url, description, event_types, secret, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(e.url)
    .bind(e.description)
    .bind(EventType::join(e.event_types))
    .bind(e.secret)
    .bind(e.now)
    .execute(c)
    .await?;
    Ok(id)
}

/// Every endpoint, oldest first.
pub async fn endpoints(c: &mut Conn) -> Result<Vec<Endpoint>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ENDPOINT_COLS} FROM webhook_endpoints ORDER BY created_at, id"
    ));
    let rows = sqlx::query(sql).fetch_all(c).await?;
    rows.iter().map(endpoint).collect()
}

pub async fn endpoint_by_id(c: &mut Conn, id: WebhookEndpointId) -> Result<Option<Endpoint>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE id = $1"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(endpoint).transpose()
}

/// The enabled endpoints subscribed to `t` (what an event is delivered to).
pub async fn subscribed(c: &mut Conn, t: EventType) -> Result<Vec<WebhookEndpointId>> {
    use sqlx::Row;
    // The list is short and comma-separated: match the whole name between commas.
    let rows = sqlx::query(
        "SELECT id FROM webhook_endpoints WHERE disabled_at IS NULL \
         AND (',' || event_types || ',') LIKE $1 ORDER BY id",
    )
    .bind(format!("%,{},%", t.as_str()))
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            let s: String = r.try_get(0)?;
            s.parse().map_err(|_| crate::StoreError::Corrupt {
                table: ET,
                detail: format!("id = {s:?}"),
            })
        })
        .collect()
}

/// The live endpoints subscribed to any of `types`, each with the ones of `types` it takes, in one
/// statement (a use case that emits several events reads its subscribers once).
pub async fn subscribed_any(
    c: &mut Conn,
    types: &[EventType],
) -> Result<Vec<(WebhookEndpointId, Vec<EventType>)>> {
    use sqlx::Row;
    if types.is_empty() {
        return Ok(Vec::new());
    }
    let likes: Vec<String> = (1..=types.len())
        .map(|i| format!("(',' || event_types || ',') LIKE ${i}"))
        .collect();
    // Built from this function's own fragments; the names are bound.
    let sql = format!(
        "SELECT id, event_types FROM webhook_endpoints WHERE disabled_at IS NULL AND ({}) ORDER BY id",
        likes.join(" OR ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for t in types {
        q = q.bind(format!("%,{},%", t.as_str()));
    }
    let rows = q.fetch_all(c).await?;
    rows.iter()
        .map(|r| {
            let s: String = r.try_get(0)?;
            let id = s.parse().map_err(|_| crate::StoreError::Corrupt {
                table: ET,
                detail: format!("id = {s:?}"),
            })?;
            let listed: String = r.try_get(1)?;
            let takes = types
                .iter()
                .copied()
                .filter(|t| listed.split(',').any(|n| n == t.as_str()))
                .collect();
            Ok((id, takes))
        })
        .collect()
}

/// Enables (`None`) or disables an endpoint with a reason; false when it already was so.
pub async fn set_disabled(
    c: &mut Conn,
    id: WebhookEndpointId,
    disabled: Option<(i64, &str)>,
) -> Result<bool> {
    let done = match disabled {
        Some((at, reason)) => sqlx::query(
            "UPDATE webhook_endpoints SET disabled_at = $1, disabled_reason = $2 \
             WHERE id = $3 AND disabled_at IS NULL",
        )
        .bind(at)
        .bind(reason)
        .bind(id.to_string())
        .execute(c)
        .await?,
        None => sqlx::query(
            "UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, \
             consecutive_failures = 0, failing_since = NULL WHERE id = $1 AND disabled_at IS NOT NULL",
        )
        .bind(id.to_string())
        .execute(c)
        .await?,
    };
    Ok(done.rows_affected() == 1)
}

/// Removes an endpoint with its deliveries and their attempts (the events stay); false if unknown.
pub async fn delete_endpoint(c: &mut Conn, id: WebhookEndpointId) -> Result<bool> {
    let id = id.to_string();
    sqlx::query(
        "DELETE FROM webhook_attempts WHERE delivery_id IN \
         (SELECT id FROM webhook_deliveries WHERE endpoint_id = $1)",
    )
    .bind(&id)
    .execute(&mut *c)
    .await?;
    sqlx::query("DELETE FROM webhook_deliveries WHERE endpoint_id = $1")
        .bind(&id)
        .execute(&mut *c)
        .await?;
    let done = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1")
        .bind(&id)
        .execute(&mut *c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Writes an event and one delivery, due at once, per endpoint in `to` (the caller's transaction).
pub async fn insert_event(
    c: &mut Conn,
    (id, t, org): (WebhookEventId, EventType, Option<OrgId>),
    body: &str,
    to: &[WebhookEndpointId],
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO webhook_events (id, event_type, org_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(t.as_str())
    .bind(org.map(|o| o.to_string()))
    .bind(body)
    .bind(now)
    .execute(&mut *c)
    .await?;
    for endpoint in to {
        // Due at once (0), whatever time the change is dated (a billing run as of another day).
        sqlx::query(
            "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, next_attempt_at, created_at) \
             VALUES ($1, $2, $3, 0, $4)",
        )
        .bind(WebhookDeliveryId::new().to_string())
        .bind(id.to_string())
        .bind(endpoint.to_string())
        .bind(now)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

/// One delivery, with its event's type and time.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub id: WebhookDeliveryId,
    pub event_id: WebhookEventId,
    pub endpoint_id: WebhookEndpointId,
    pub event_type: EventType,
    pub event_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub locked_until: Option<i64>,
    pub last_response_code: Option<i64>,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
    pub dead_at: Option<i64>,
}

impl Delivery {
    pub fn state(&self) -> DeliveryState {
        DeliveryState::of(self.delivered_at, self.dead_at, self.attempts)
    }
}

const DT: &str = "webhook_deliveries";
const DELIVERY_COLS: &str = "d.id, d.event_id, d.endpoint_id, ev.event_type, ev.created_at AS event_at, \
     d.attempts, d.next_attempt_at, d.locked_until, d.last_response_code, d.last_error, \
     d.delivered_at, d.dead_at";

fn delivery(r: &AnyRow) -> Result<Delivery> {
    Ok(Delivery {
        id: parsed(r, DT, "id")?,
        event_id: parsed(r, DT, "event_id")?,
        endpoint_id: parsed(r, DT, "endpoint_id")?,
        event_type: parsed(r, DT, "event_type")?,
        event_at: int(r, DT, "event_at")?,
        attempts: int(r, DT, "attempts")?,
        next_attempt_at: int(r, DT, "next_attempt_at")?,
        locked_until: opt_int(r, DT, "locked_until")?,
        last_response_code: opt_int(r, DT, "last_response_code")?,
        last_error: opt_text(r, DT, "last_error")?,
        delivered_at: opt_int(r, DT, "delivered_at")?,
        dead_at: opt_int(r, DT, "dead_at")?,
    })
}

/// A due delivery with what sending it needs.
#[derive(Clone, Debug)]
pub struct Due {
    pub delivery: Delivery,
    pub url: String,
    pub secret: String,
    pub body: String,
}

/// Deliveries due at `now` to enabled endpoints whose lease is free, oldest due first (candidates:
/// [`claim`] decides).
pub async fn due(c: &mut Conn, now: i64, limit: i64) -> Result<Vec<Due>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {DELIVERY_COLS}, e.url, e.secret, ev.body FROM webhook_deliveries d \
         JOIN webhook_events ev ON ev.id = d.event_id \
         JOIN webhook_endpoints e ON e.id = d.endpoint_id \
         WHERE d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= $1 \
         AND (d.locked_until IS NULL OR d.locked_until < $1) AND e.disabled_at IS NULL \
         ORDER BY d.next_attempt_at, d.id LIMIT $2"
    ));
    let rows = sqlx::query(sql).bind(now).bind(limit).fetch_all(c).await?;
    rows.iter()
        .map(|r| {
            Ok(Due {
                delivery: delivery(r)?,
                url: text(r, ET, "url")?,
                secret: text(r, ET, "secret")?,
                body: text(r, "webhook_events", "body")?,
            })
        })
        .collect()
}

/// Takes the lease on a due delivery until `lease_until`; false if another sender holds it, it was
/// delivered or it is not due.
pub async fn claim(
    c: &mut Conn,
    id: WebhookDeliveryId,
    now: i64,
    lease_until: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET locked_until = $1 WHERE id = $2 AND delivered_at IS NULL \
         AND dead_at IS NULL AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3)",
    )
    .bind(lease_until)
    .bind(id.to_string())
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What one attempt got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub at: i64,
    pub response_code: Option<i64>,
    pub error: Option<String>,
    pub duration_ms: i64,
}

/// What becomes of the delivery after the attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    Delivered,
    RetryAt(i64),
    Dead,
}

/// Records an attempt made under the lease `lease_until` and its consequence, in the caller's
/// transaction; false (nothing written) if the lease was lost meanwhile (another sender took the
/// delivery after it ran out).
pub async fn finish(
    c: &mut Conn,
    id: WebhookDeliveryId,
    lease_until: i64,
    o: &Outcome,
    after: After,
) -> Result<bool> {
    let (delivered_at, dead_at, next) = match after {
        After::Delivered => (Some(o.at), None, o.at),
        After::RetryAt(t) => (None, None, t),
        After::Dead => (None, Some(o.at), o.at),
    };
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET attempts = attempts + 1, locked_until = NULL, \
         last_response_code = $1, last_error = $2, delivered_at = $3, dead_at = $4, next_attempt_at = $5 \
         WHERE id = $6 AND locked_until = $7 AND delivered_at IS NULL AND dead_at IS NULL",
    )
    .bind(o.response_code)
    .bind(o.error.as_deref())
    .bind(delivered_at)
    .bind(dead_at)
    .bind(next)
    .bind(id.to_string())
    .bind(lease_until)
    .execute(&mut *c)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO webhook_attempts (delivery_id, n, at, response_code, error, duration_ms) \
         SELECT id, attempts, $1, $2, $3, $4 FROM webhook_deliveries WHERE id = $5",
    )
    .bind(o.at)
    .bind(o.response_code)
    .bind(o.error.as_deref())
    .bind(o.duration_ms)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(true)
}

/// Counts a success (clears the failure run) or a failure (starts or extends it) on an endpoint;
/// returns the start of its current run of failures.
pub async fn count_result(
    c: &mut Conn,
    id: WebhookEndpointId,
    ok: bool,
    now: i64,
) -> Result<Option<i64>> {
    if ok {
        sqlx::query(
            "UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL WHERE id = $1",
        )
        .bind(id.to_string())
        .execute(c)
        .await?;
        return Ok(None);
    }
    sqlx::query(
        "UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, \
         failing_since = COALESCE(failing_since, $1) WHERE id = $2",
    )
    .bind(now)
    .bind(id.to_string())
    .execute(&mut *c)
    .await?;
    Ok(endpoint_by_id(c, id).await?.and_then(|e| e.failing_since))
}

/// Makes a delivery due again now (manual replay), delivered or dead alike; false if unknown or a
/// sender holds it at this moment.
pub async fn replay(c: &mut Conn, id: WebhookDeliveryId, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET delivered_at = NULL, dead_at = NULL, next_attempt_at = $1 \
         WHERE id = $2 AND (locked_until IS NULL OR locked_until < $1)",
    )
    .bind(now)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delivery_by_id(c: &mut Conn, id: WebhookDeliveryId) -> Result<Option<Delivery>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {DELIVERY_COLS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id \
         WHERE d.id = $1"
    ));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(delivery).transpose()
}

/// An endpoint's latest deliveries, newest event first.
pub async fn deliveries_of(
    c: &mut Conn,
    endpoint: WebhookEndpointId,
    limit: i64,
) -> Result<Vec<Delivery>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {DELIVERY_COLS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id \
         WHERE d.endpoint_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(endpoint.to_string())
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(delivery).collect()
}

/// One attempt of a delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub n: i64,
    pub outcome: Outcome,
}

/// The attempts of a delivery, first first.
pub async fn attempts_of(c: &mut Conn, delivery: WebhookDeliveryId) -> Result<Vec<Attempt>> {
    const T: &str = "webhook_attempts";
    let rows = sqlx::query(
        "SELECT n, at, response_code, error, duration_ms FROM webhook_attempts WHERE delivery_id = $1 ORDER BY n",
    )
    .bind(delivery.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Attempt {
                n: int(r, T, "n")?,
                outcome: Outcome {
                    at: int(r, T, "at")?,
                    response_code: opt_int(r, T, "response_code")?,
                    error: opt_text(r, T, "error")?,
                    duration_ms: int(r, T, "duration_ms")?,
                },
            })
        })
        .collect()
}

/// How many events were written (tests: a rolled-back change writes none).
pub async fn count_events(c: &mut Conn) -> Result<i64> {
    use sqlx::Row;
    Ok(sqlx::query("SELECT COUNT(*) FROM webhook_events")
        .fetch_one(c)
        .await?
        .try_get::<i64, _>(0)?)
}
