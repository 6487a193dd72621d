//! Delivers the outbox: through SMTP when `smtp_url` is set, otherwise as one `.eml` file per message
//! in `mail_dir`. Each message is claimed with a lease first, so several instances can run senders
//! and a message whose sender died is retried once its lease runs out.

use crate::App;
use crate::error::{AppError, AppResult};
use guichet_core::Lang;
use guichet_store::outbox::{self, Message};
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

const LEASE_SECS: i64 = 120;

pub enum Transport {
    Dir(std::path::PathBuf),
    Smtp(Box<AsyncSmtpTransport<Tokio1Executor>>),
}

impl Transport {
    pub fn from_config(app: &App) -> AppResult<Transport> {
        match &app.config.smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Transport::Smtp(Box::new(b.build())))
                .map_err(|e| AppError::Internal(format!("GUICHET_SMTP_URL: {e}"))),
            None => Ok(Transport::Dir(app.config.mail_dir.clone())),
        }
    }
}

/// `Content-Language: <code>` (RFC 3282), which lettre has no type for.
#[derive(Clone)]
struct ContentLanguage(String);

impl lettre::message::header::Header for ContentLanguage {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.trim().to_owned()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// The language a message is written in: the one kept with it, else French (messages queued
/// before the outbox kept it).
pub fn language(m: &Message) -> Lang {
    m.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Fr)
}

/// The MIME message for an outbox row: `MIME-Version: 1.0`, `Content-Language`, and a
/// `multipart/alternative` of the text and an HTML rendering of the same text (inside a
/// `multipart/mixed` with the attachment when there is one). The `.eml` writer and SMTP send
/// exactly this.
pub fn build(
    app: &App,
    m: &Message,
    attachment: Option<outbox::Attachment>,
) -> AppResult<lettre::Message> {
    use lettre::message::{Attachment, MultiPart, SinglePart};
    let bad = |e: &dyn std::fmt::Display| AppError::Internal(format!("message {}: {e}", m.id));
    let lang = language(m);
    let mut builder = lettre::Message::builder()
        .from(app.config.mail_from.parse().map_err(|e| bad(&e))?)
        .to(m.to_addr.parse().map_err(|e| bad(&e))?)
        .subject(&m.subject)
        .message_id(Some(format!("<{}@guichet>", m.id)))
        .header(ContentLanguage(lang.code().to_owned()));
    if let Some(reply_to) = &m.reply_to {
        builder = builder.reply_to(reply_to.parse().map_err(|e| bad(&e))?);
    }
    let html = super::html::render(&m.subject, &m.body, lang, &app.config.public_url);
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(m.body.clone()))
        .singlepart(SinglePart::html(html));
    let body = match attachment {
        None => alternative,
        Some(a) => {
            let kind = ContentType::parse(&a.content_type).map_err(|e| bad(&e))?;
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(Attachment::new(a.filename).body(a.content, kind))
        }
    };
    // `multipart` sets `MIME-Version: 1.0`.
    builder.multipart(body).map_err(|e| bad(&e))
}

/// Delivers what is due now; returns how many messages went out.
pub async fn deliver_due(app: &App, transport: &Transport) -> AppResult<usize> {
    let now = app.now();
    let due = {
        let mut c = app.db.conn().await?;
        outbox::due(&mut c, now, 50).await?
    };
    let mut sent = 0;
    for m in due {
        // The writer only for the short writes: never across the delivery (an SMTP server may take
        // seconds), and never while holding a reader (see `Db::write_conn`).
        if !outbox::claim(&mut *app.db.write_conn().await?, m.id, now, LEASE_SECS).await? {
            continue;
        }
        let attachment = outbox::attachment(&mut *app.db.conn().await?, m.id).await?;
        let result = match build(app, &m, attachment) {
            Ok(msg) => deliver(transport, &m, msg).await,
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(()) => {
                outbox::mark_sent(&mut *app.db.write_conn().await?, m.id, app.now()).await?;
                sent += 1;
            }
            Err(e) => {
                // Back off: 1, 2, 4 … minutes, at most an hour.
                let delay = 60i64.saturating_mul(1 << m.attempts.clamp(0, 6)).min(3600);
                tracing::warn!(message = %m.id, error = %e, "e-mail delivery failed; will retry");
                outbox::mark_failed(
                    &mut *app.db.write_conn().await?,
                    m.id,
                    &e,
                    app.now() + delay,
                )
                .await?;
            }
        }
    }
    Ok(sent)
}

async fn deliver(transport: &Transport, m: &Message, msg: lettre::Message) -> Result<(), String> {
    match transport {
        Transport::Smtp(smtp) => smtp.send(msg).await.map(|_| ()).map_err(|e| e.to_string()),
        Transport::Dir(dir) => {
            tokio::fs::create_dir_all(dir)
                .await
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let path = dir.join(format!("{}-{}.eml", m.created_at, m.id));
            tokio::fs::write(&path, msg.formatted())
                .await
                .map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

/// Runs until the process ends: delivers every few seconds.
pub async fn run(app: App) {
    let transport = match Transport::from_config(&app) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "e-mail sender not started");
            return;
        }
    };
    loop {
        if let Err(e) = deliver_due(&app, &transport).await {
            tracing::warn!(error = %e, "outbox pass failed");
        }
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    }
}
