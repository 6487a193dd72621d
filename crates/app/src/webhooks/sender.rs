//! Delivers webhook events: claims a due delivery with a lease (a conditional UPDATE, so two
//! instances never send the same attempt at once), POSTs the signed body with a 10 s timeout
//! outside any transaction, then records the attempt under that lease. 2xx is delivered; anything
//! else is retried on `core::webhook::retry_delay`'s schedule until three days after the event,
//! then dead. An endpoint with nothing but failures for three days is disabled and the operators
//! are told by e-mail, each in their language.

use super::sign;
use crate::App;
use crate::error::{AppError, AppResult};
use crate::mail::{self, Mail};
use guichet_core::Lang;
use guichet_core::webhook::{DELIVERY_WINDOW_SECS, DISABLE_AFTER_SECS, retry_delay};
use guichet_store::webhooks::{self, After, Due, Outcome};
use guichet_store::{audit, users};
use std::time::Duration;

/// The longest an endpoint may take to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// A claimed delivery is another sender's to retry after this (well past the timeout).
const LEASE_SECS: i64 = 60;
/// Deliveries taken per pass.
const BATCH: i64 = 50;

/// What a pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub delivered: usize,
    pub failed: usize,
}

/// The HTTP client deliveries go out with (no redirects followed: a redirect is a failure).
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
}

/// Deliveries sent at the same time in a pass (one slow endpoint does not hold up the others).
const PARALLEL: usize = 8;

impl Sender {
    pub fn new() -> AppResult<Sender> {
        Ok(Sender {
            client: crate::http::client(TIMEOUT).map_err(AppError::Internal)?,
        })
    }

    /// Sends every delivery due now (at most a batch), up to [`PARALLEL`] at once.
    pub async fn deliver_due(&self, app: &App) -> AppResult<Pass> {
        let now = app.now();
        let due = webhooks::due(&mut *app.db.conn().await?, now, BATCH).await?;
        let mut pass = Pass::default();
        let mut running = tokio::task::JoinSet::new();
        for d in due {
            while running.len() >= PARALLEL {
                count(&mut pass, running.join_next().await)?;
            }
            let (sender, app) = (self.clone(), app.clone());
            running.spawn(async move { sender.deliver_one(&app, d, now).await });
        }
        while let Some(done) = running.join_next().await {
            count(&mut pass, Some(done))?;
        }
        Ok(pass)
    }

    /// Claims, sends and records one delivery: `Some(delivered?)`, or `None` when another sender
    /// had it (or took it over meanwhile).
    async fn deliver_one(&self, app: &App, d: Due, now: i64) -> AppResult<Option<bool>> {
        let lease_until = now + LEASE_SECS;
        // The writer only for the short claim: never across the HTTP call (see `Db::write_conn`).
        if !webhooks::claim(
            &mut *app.db.write_conn().await?,
            d.delivery.id,
            now,
            lease_until,
        )
        .await?
        {
            return Ok(None);
        }
        let outcome = self.attempt(app, &d).await;
        let ok = outcome
            .response_code
            .is_some_and(|c| (200..300).contains(&c));
        Ok(record(app, &d, lease_until, &outcome, ok)
            .await?
            .then_some(ok))
    }

    /// One POST of the signed body; never an error (what went wrong is the outcome).
    async fn attempt(&self, app: &App, d: &Due) -> Outcome {
        let at = app.now();
        let id = d.delivery.event_id.to_string();
        let started = std::time::Instant::now();
        let result = match sign::signature(&d.secret, &id, at, &d.body) {
            Err(e) => Err(e),
            Ok(signature) => self
                .client
                .post(&d.url)
                .header("content-type", "application/json")
                .header("webhook-id", &id)
                .header("webhook-timestamp", at.to_string())
                .header("webhook-signature", signature)
                .body(d.body.clone())
                .send()
                .await
                .map(|r| i64::from(r.status().as_u16()))
                .map_err(|e| describe(&e)),
        };
        let duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
        match result {
            Ok(code) => Outcome {
                at,
                response_code: Some(code),
                error: None,
                duration_ms,
            },
            Err(e) => Outcome {
                at,
                response_code: None,
                error: Some(e),
                duration_ms,
            },
        }
    }
}

/// Adds one finished delivery to the pass.
fn count(
    pass: &mut Pass,
    done: Option<Result<AppResult<Option<bool>>, tokio::task::JoinError>>,
) -> AppResult<()> {
    match done {
        Some(Ok(Ok(Some(true)))) => pass.delivered += 1,
        Some(Ok(Ok(Some(false)))) => pass.failed += 1,
        Some(Ok(Ok(None))) | None => {}
        Some(Ok(Err(e))) => return Err(e),
        Some(Err(e)) => return Err(AppError::Internal(format!("webhook delivery task: {e}"))),
    }
    Ok(())
}

/// Why a request got no answer, without the URL (the log shows it beside).
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection failed"
    } else if e.is_redirect() {
        "redirect refused"
    } else {
        "request failed"
    };
    let mut detail = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    if detail.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {detail}")
    }
}

/// What becomes of a delivery after attempt `attempts + 1` failed or succeeded at `at`.
fn after(event_at: i64, attempts: i64, at: i64, ok: bool, scale: i64) -> After {
    let end = event_at.saturating_add(DELIVERY_WINDOW_SECS);
    if ok {
        After::Delivered
    } else if at >= end {
        After::Dead
    } else {
        After::RetryAt(at.saturating_add(retry_delay(attempts + 1, scale)).min(end))
    }
}

/// Records the attempt and what follows from it in one transaction; false if the lease was lost.
async fn record(app: &App, d: &Due, lease_until: i64, o: &Outcome, ok: bool) -> AppResult<bool> {
    let now = app.now();
    let next = after(
        d.delivery.event_at,
        d.delivery.attempts,
        o.at,
        ok,
        app.config.webhook_retry_scale,
    );
    let mut tx = app.db.begin().await?;
    if !webhooks::finish(&mut tx, d.delivery.id, lease_until, o, next).await? {
        tracing::warn!(delivery = %d.delivery.id, "webhook lease lost; attempt not recorded");
        return Ok(false);
    }
    let endpoint = d.delivery.endpoint_id;
    let failing_since = webhooks::count_result(&mut tx, endpoint, ok, now).await?;
    if let Some(since) = failing_since
        && now.saturating_sub(since) >= DISABLE_AFTER_SECS
        && webhooks::set_disabled(&mut tx, endpoint, Some((now, "failing"))).await?
    {
        tracing::warn!(endpoint = %endpoint, url = %d.url, "webhook endpoint disabled after three days of failures");
        audit::record(&mut tx, None, None, "webhook.disabled", &d.url, "", now).await?;
        let since = mail::format_time(since);
        for (email, lang) in users::operators(&mut tx).await? {
            let lang = Lang::parse(&lang).unwrap_or_default();
            let m = Mail::WebhookDisabled {
                url: &d.url,
                since: &since,
            };
            mail::enqueue(&mut tx, app, &email, lang, m, now).await?;
        }
    }
    tx.commit().await?;
    if !ok {
        tracing::info!(delivery = %d.delivery.id, code = ?o.response_code, error = ?o.error, "webhook attempt failed");
    }
    Ok(true)
}

/// Runs until the process ends: a pass every two seconds.
pub async fn run(app: App) {
    let sender = match Sender::new() {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "webhook sender not started");
            return;
        }
    };
    loop {
        if let Err(e) = sender.deliver_due(&app).await {
            tracing::warn!(error = %e, "webhook pass failed");
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_back_off_until_three_days_after_the_event_then_die() {
        let t0 = 1_000_000;
        assert_eq!(after(t0, 0, t0, true, 100), After::Delivered);
        assert_eq!(after(t0, 0, t0, false, 100), After::RetryAt(t0 + 5));
        assert_eq!(after(t0, 1, t0 + 5, false, 100), After::RetryAt(t0 + 305));
        assert_eq!(after(t0, 2, t0 + 5, false, 0), After::RetryAt(t0 + 5));
        // The last retry is at the end of the window, not after it.
        let end = t0 + DELIVERY_WINDOW_SECS;
        assert_eq!(after(t0, 9, end - 60, false, 100), After::RetryAt(end));
        assert_eq!(after(t0, 10, end, false, 100), After::Dead);
        assert_eq!(after(t0, 10, end, true, 100), After::Delivered);
    }
}
