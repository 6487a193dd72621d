//! Operators manage webhook endpoints: in the back office (a signed-in operator) and with the
//! `guichet webhook` command (whoever runs the binary on the server). Each change is audited.

use super::sign;
use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult, FieldError};
use guichet_core::webhook::EventType;
use guichet_core::{WebhookDeliveryId, WebhookEndpointId};
use guichet_store::audit;
use guichet_store::webhooks::{self, Attempt, Delivery, Endpoint, NewEndpoint};

/// How many deliveries an endpoint's log shows.
pub const LOG_SIZE: i64 = 50;

/// A new endpoint: its id and its signing secret (shown once).
#[derive(Clone, Debug)]
pub struct Added {
    pub id: WebhookEndpointId,
    pub secret: String,
}

/// An endpoint and its latest deliveries, each with its attempts.
pub struct EndpointLog {
    pub endpoint: Endpoint,
    pub deliveries: Vec<(Delivery, Vec<Attempt>)>,
}

/// An `http://` or `https://` URL with a host, at most 2000 characters.
pub fn check_url(url: &str) -> AppResult<String> {
    let url = url.trim();
    let bad = || AppError::invalid("url", "webhooks.url_invalid");
    if url.len() > 2000 {
        return Err(bad());
    }
    let parsed = reqwest::Url::parse(url).map_err(|_| bad())?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    Ok(parsed.to_string())
}

/// The event types of a list; an unknown name is a 422 naming it.
pub fn check_events(list: &str) -> AppResult<Vec<EventType>> {
    match EventType::parse_list(list) {
        Ok(types) if types.is_empty() => Err(AppError::invalid("events", "webhooks.events_none")),
        Ok(types) => Ok(types),
        Err(name) => Err(AppError::Invalid(vec![FieldError {
            field: "events",
            key: "webhooks.events_unknown",
            param: Some(name),
        }])),
    }
}

impl App {
    /// Registers an endpoint for `events` (a list of types, `*` for all); the answer carries the
    /// signing secret, which is shown once.
    pub async fn webhook_add(
        &self,
        url: &str,
        description: &str,
        events: &str,
        by: Option<guichet_core::UserId>,
    ) -> AppResult<Added> {
        let url = check_url(url)?;
        let types = check_events(events)?;
        let description = if description.trim().is_empty() {
            String::new()
        } else {
            guichet_core::validate::line(description, 200)
                .ok_or(AppError::invalid("description", "field.too_long"))?
        };
        let secret = sign::new_secret();
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = webhooks::insert_endpoint(
            &mut tx,
            &NewEndpoint {
                url: &url,
                description: &description,
                event_types: &types,
                secret: &secret,
                now,
            },
        )
        .await?;
        audit::record(&mut tx, None, by, "webhook.added", &url, "", now).await?;
        tx.commit().await?;
        Ok(Added { id, secret })
    }

    /// Every endpoint, oldest first.
    pub async fn webhook_list(&self) -> AppResult<Vec<Endpoint>> {
        Ok(webhooks::endpoints(&mut *self.db.conn().await?).await?)
    }

    /// Removes an endpoint and its delivery log (404 if unknown).
    pub async fn webhook_remove(
        &self,
        id: WebhookEndpointId,
        by: Option<guichet_core::UserId>,
    ) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let e = webhooks::endpoint_by_id(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !webhooks::delete_endpoint(&mut tx, id).await? {
            return Err(AppError::NotFound);
        }
        audit::record(&mut tx, None, by, "webhook.removed", &e.url, "", now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Back office: the endpoints.
    pub async fn admin_webhooks(&self, ctx: &SessionCtx) -> AppResult<Vec<Endpoint>> {
        Self::require_operator(ctx)?;
        self.webhook_list().await
    }

    pub async fn admin_webhook_add(
        &self,
        ctx: &SessionCtx,
        url: &str,
        description: &str,
        events: &str,
    ) -> AppResult<Added> {
        Self::require_operator(ctx)?;
        self.webhook_add(url, description, events, Some(ctx.user.id))
            .await
    }

    /// Enables or disables an endpoint (a disabled one is sent nothing; its deliveries wait).
    /// 409 when it already is so.
    pub async fn admin_webhook_set_enabled(
        &self,
        ctx: &SessionCtx,
        id: WebhookEndpointId,
        enabled: bool,
    ) -> AppResult<()> {
        Self::require_operator(ctx)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let e = webhooks::endpoint_by_id(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let change = if enabled {
            None
        } else {
            Some((now, "operator"))
        };
        if !webhooks::set_disabled(&mut tx, id, change).await? {
            return Err(AppError::Conflict("webhooks.already"));
        }
        let action = if enabled {
            "webhook.enabled"
        } else {
            "webhook.disabled"
        };
        audit::record(&mut tx, None, Some(ctx.user.id), action, &e.url, "", now).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn admin_webhook_remove(
        &self,
        ctx: &SessionCtx,
        id: WebhookEndpointId,
    ) -> AppResult<()> {
        Self::require_operator(ctx)?;
        self.webhook_remove(id, Some(ctx.user.id)).await
    }

    /// An endpoint with its latest deliveries and their attempts (response codes, errors).
    pub async fn admin_webhook_log(
        &self,
        ctx: &SessionCtx,
        id: WebhookEndpointId,
    ) -> AppResult<EndpointLog> {
        Self::require_operator(ctx)?;
        let mut c = self.db.conn().await?;
        let endpoint = webhooks::endpoint_by_id(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut deliveries = Vec::new();
        for d in webhooks::deliveries_of(&mut c, id, LOG_SIZE).await? {
            let attempts = webhooks::attempts_of(&mut c, d.id).await?;
            deliveries.push((d, attempts));
        }
        Ok(EndpointLog {
            endpoint,
            deliveries,
        })
    }

    /// Manual replay: the delivery is due again now (the same event, the same `webhook-id`);
    /// returns its endpoint. 409 while a sender is sending it.
    pub async fn admin_webhook_replay(
        &self,
        ctx: &SessionCtx,
        id: WebhookDeliveryId,
    ) -> AppResult<WebhookEndpointId> {
        Self::require_operator(ctx)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let d = webhooks::delivery_by_id(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !webhooks::replay(&mut tx, id, now).await? {
            return Err(AppError::Conflict("webhooks.replay_busy"));
        }
        let detail = format!("{} {}", d.event_type, d.event_id);
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "webhook.replayed",
            &detail,
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(d.endpoint_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_with_a_host() {
        assert_eq!(
            check_url(" https://hooks.example.ch/guichet ").unwrap(),
            "https://hooks.example.ch/guichet"
        );
        assert!(check_url("http://127.0.0.1:9000/x").is_ok());
        for bad in [
            "ftp://example.ch/",
            "example.ch/hook",
            "https://",
            "javascript:alert(1)",
            "",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn event_lists_name_the_unknown_type() {
        assert_eq!(
            check_events("invoice.paid").unwrap(),
            vec![EventType::InvoicePaid]
        );
        match check_events("invoice.paid, bogus.event") {
            Err(AppError::Invalid(f)) => assert_eq!(f[0].param.as_deref(), Some("bogus.event")),
            other => panic!("{other:?}"),
        }
        assert!(check_events(" , ").is_err());
    }
}
