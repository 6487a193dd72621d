//! Writing to a request from the Organization's side: opening one (the contact window, the API)
//! and replying (the thread page, the API, mail-in), with the attachments kept within the limits.

use super::{OpenInput, visible};
use crate::error::{AppError, AppResult, Errors};
use crate::{Actor, App};
use guichet_core::status::SupportRequestStatus as S;
use guichet_core::support_request::{MessageKind, check_attachment, safe_filename};
use guichet_core::{Action, ProductId, SupportRequestId};
use guichet_store::Conn;
use guichet_store::support_requests::files::{self, NewAttachment};
use guichet_store::support_requests::{self as store, NewMessage, NewRequest, Request};

pub const MAX_TOPIC_CHARS: usize = 200;
pub const MAX_MESSAGE_CHARS: usize = 20_000;

/// A file sent with a message.
#[derive(Clone, Debug)]
pub struct Upload {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The message text, checked: not empty, not too long, no control characters but line breaks
/// and tabs.
pub(crate) fn message_text(text: &str, errors: &mut Errors) -> String {
    let clean: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let clean = clean.trim().to_string();
    if clean.is_empty() {
        errors.add("message", "field.required");
    } else if clean.chars().count() > MAX_MESSAGE_CHARS {
        errors.add("message", "ticket.message_too_long");
    }
    clean
}

/// The uploads within the configured limits (a field error on `attachments` otherwise); empty
/// file inputs (a form sent without a file) are dropped.
pub(crate) fn check_uploads(app: &App, uploads: &[Upload], errors: &mut Errors) -> Vec<Upload> {
    let limits = &app.config.tickets.attachments;
    let kept: Vec<Upload> = uploads
        .iter()
        .filter(|u| !(u.bytes.is_empty() && u.filename.is_empty()))
        .cloned()
        .collect();
    if kept.len() > limits.max_files {
        errors.add("attachments", "ticket.attachment_count");
        return Vec::new();
    }
    for u in &kept {
        if let Err(key) = check_attachment(limits, &u.content_type, u.bytes.len()) {
            errors.add("attachments", key);
            return Vec::new();
        }
    }
    kept
}

/// Writes a message and its attachments; the request's time moves on.
pub(crate) async fn append(
    c: &mut Conn,
    r: &Request,
    m: &NewMessage<'_>,
    uploads: &[Upload],
) -> AppResult<guichet_core::SupportMessageId> {
    let id = store::insert_message(c, m).await?;
    for u in uploads {
        let kind = u
            .content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        files::insert_attachment(
            c,
            &NewAttachment {
                message: id,
                request: r.id,
                org: r.org_id,
                filename: &safe_filename(&u.filename),
                content_type: &kind,
                content: &u.bytes,
                now: m.now,
            },
        )
        .await?;
    }
    store::touch(c, r.id, m.now).await?;
    Ok(id)
}

impl App {
    /// The contact window: opens a request about a product the person may see (or none), with
    /// its first message and attachments; records the guides the help centre suggested for what
    /// was typed; optionally lets support in at once (SUP-03). Operators are told by e-mail.
    pub async fn open_support_request(
        &self,
        actor: &Actor,
        input: &OpenInput,
        via: &'static str,
    ) -> AppResult<Request> {
        actor.require(Action::ViewOrg)?;
        if actor.support.is_some() {
            return Err(AppError::Forbidden("perm.support_read_only"));
        }
        if input.grant_hours.is_some() {
            actor.require(Action::GrantSupportAccess)?;
        }
        let mut errors = Errors::default();
        let topic: String = input
            .topic
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_string();
        if topic.is_empty() {
            errors.add("topic", "field.required");
        } else if topic.chars().count() > MAX_TOPIC_CHARS {
            errors.add("topic", "ticket.topic_too_long");
        }
        let product = crate::error::parse_opt_choice::<ProductId>(Some(&input.product), "product");
        let product = match product {
            Ok(p) => p,
            Err(_) => {
                errors.add("product", "field.choice");
                None
            }
        };
        if let Some(p) = product
            && !self.products(actor).await?.iter().any(|x| x.id == p)
        {
            errors.add("product", "field.choice");
        }
        if let Some(h) = input.grant_hours
            && !self.config.support_grant_hours.contains(&h)
        {
            errors.add("grant_hours", "field.choice");
        }
        let message = message_text(&input.message, &mut errors);
        let uploads = check_uploads(self, &input.attachments, &mut errors);
        errors.finish()?;
        let suggested: Vec<String> = self
            .support_suggestions(&format!("{topic} {message}"), actor.lang)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|h| h.id)
            .collect();
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let tier = self
            .premium_of(&mut tx, actor.org)
            .await?
            .map_or(0, |p| p.tier);
        let id = store::insert(
            &mut tx,
            &NewRequest {
                org: actor.org,
                topic: &topic,
                product,
                opened_by: actor.user,
                tier,
                suggested: &suggested,
                now,
            },
        )
        .await?;
        let request = store::get(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        append(
            &mut tx,
            &request,
            &NewMessage {
                request: id,
                kind: MessageKind::Customer,
                author: Some(actor.user),
                body: &message,
                via,
                mail_message_id: None,
                now,
            },
            &uploads,
        )
        .await?;
        super::notify::to_operators(&mut tx, self, &request, &actor.name, &message, now).await?;
        let detail = guichet_core::said::encode("ticket.said_opened", &[("topic", topic.as_str())]);
        actor
            .audit_and_commit(tx, "ticket.opened", &detail, now)
            .await?;
        if let Some(hours) = input.grant_hours {
            let grant = crate::support::GrantInput {
                hours,
                whole_org: product.is_none(),
                products: product.iter().map(ToString::to_string).collect(),
            };
            self.grant_support_access(actor, &grant).await?;
        }
        Ok(request)
    }

    /// A reply from the Organization's side: written to the thread, the request opens again
    /// (a closed one is reopened), the operators are told.
    pub async fn reply_support_request(
        &self,
        actor: &Actor,
        id: SupportRequestId,
        text: &str,
        uploads: &[Upload],
        via: &'static str,
    ) -> AppResult<()> {
        actor.require(Action::ViewOrg)?;
        if actor.support.is_some() {
            return Err(AppError::Forbidden("perm.support_read_only"));
        }
        let mut errors = Errors::default();
        let body = message_text(text, &mut errors);
        let uploads = check_uploads(self, uploads, &mut errors);
        errors.finish()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let r = visible(&mut tx, actor, id).await?;
        customer_reply(
            &mut tx,
            self,
            &r,
            actor.user,
            &actor.name,
            &body,
            &uploads,
            via,
            None,
            now,
        )
        .await?;
        let detail =
            guichet_core::said::encode("ticket.said_replied", &[("topic", r.topic.as_str())]);
        actor
            .audit_and_commit(tx, "ticket.replied", &detail, now)
            .await
    }
}

/// The customer's reply written in the caller's transaction (the thread page, the API and
/// mail-in): message, attachments, the request open again, the operators told.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn customer_reply(
    c: &mut Conn,
    app: &App,
    r: &Request,
    author: guichet_core::UserId,
    author_name: &str,
    body: &str,
    uploads: &[Upload],
    via: &'static str,
    mail_message_id: Option<&str>,
    now: i64,
) -> AppResult<()> {
    append(
        c,
        r,
        &NewMessage {
            request: r.id,
            kind: MessageKind::Customer,
            author: Some(author),
            body,
            via,
            mail_message_id,
            now,
        },
        uploads,
    )
    .await?;
    if let Some(to) = r.status.after_customer_reply()
        && !store::transition(c, r.id, r.status, to, now).await?
    {
        return Err(AppError::Conflict("ticket.state_changed"));
    }
    debug_assert!(S::ALL.contains(&r.status));
    super::notify::to_operators(c, app, r, author_name, body, now).await
}
