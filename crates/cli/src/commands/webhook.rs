//! `guichet webhook …`: register, list and remove the endpoints outgoing webhooks go to.

use clap::Subcommand;
use guichet::Config;
use guichet_app::{AppError, SystemClock};
use guichet_core::Lang;
use guichet_core::i18n::{t, tf};
use std::sync::Arc;

#[derive(Subcommand)]
pub enum WebhookCommand {
    /// Register an endpoint; prints its id and its signing secret (shown only here).
    Add {
        /// Where events are POSTed (http:// or https://).
        #[arg(long)]
        url: String,
        /// The event types it gets, comma-separated (e.g. invoice.paid,member.joined), or `*`.
        #[arg(long)]
        events: String,
        /// A note for operators.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List the endpoints: id, state, URL, event types.
    List,
    /// Remove an endpoint and its delivery log.
    Remove { id: String },
}

/// An error as the operator reads it (the catalogue's English text for bad input).
fn explain(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(fields) => {
            let lines: Vec<String> = fields
                .iter()
                .map(|f| {
                    let text = match &f.param {
                        Some(p) => tf(Lang::En, f.key, &[("name", p)]),
                        None => t(Lang::En, f.key).to_owned(),
                    };
                    format!("--{}: {text}", f.field)
                })
                .collect();
            anyhow::anyhow!(lines.join("\n"))
        }
        AppError::NotFound => anyhow::anyhow!("no such endpoint"),
        other => anyhow::anyhow!(other.to_string()),
    }
}

pub async fn run(config: &Config, action: WebhookCommand) -> anyhow::Result<()> {
    let app = guichet::open(config, Arc::new(SystemClock)).await?;
    match action {
        WebhookCommand::Add {
            url,
            events,
            description,
        } => {
            let added = app
                .webhook_add(&url, &description, &events, None)
                .await
                .map_err(explain)?;
            println!("id: {}", added.id);
            println!("secret: {}", added.secret);
            eprintln!(
                "Keep the secret: the receiver verifies each delivery's webhook-signature with it."
            );
        }
        WebhookCommand::List => {
            let list = app.webhook_list().await.map_err(explain)?;
            if list.is_empty() {
                println!("No webhook endpoint.");
            }
            for e in list {
                let state = if e.disabled_at.is_some() {
                    "disabled"
                } else {
                    "enabled"
                };
                println!(
                    "{}  {state}  {}  {}",
                    e.id,
                    e.url,
                    guichet_core::webhook::EventType::join(&e.event_types)
                );
            }
        }
        WebhookCommand::Remove { id } => {
            let id = guichet_app::error::parse_id(&id).map_err(explain)?;
            app.webhook_remove(id, None).await.map_err(explain)?;
            println!("Removed.");
        }
    }
    Ok(())
}
