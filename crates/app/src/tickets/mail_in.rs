//! `guichet mail-in` (issue #16): one RFC 5322 message, as a Postfix or Exim pipe transport hands
//! it over, appended to the request it answers — or refused, with a log line saying why, and no
//! request touched. The message's size is bounded before anything reads it (the CLI reads at most
//! one byte more than the limit), its parts and their nesting before and after parsing; the
//! request is named by the signed token of the reply address and by `In-Reply-To`/`References`
//! (our notifications' Message-IDs); the sender must be a person who may see the request (or an
//! operator); the quoted history is cut; an HTML-only message is reduced to text by `ammonia`;
//! attachments outside the limits are dropped.

use super::notify::{self, TokenError};
use super::write::{Upload, customer_reply};
use crate::error::AppResult;
use crate::{App, Origin};
use guichet_core::support_request::{check_attachment, strip_quoted};
use guichet_core::{OutboxId, SupportRequestId};
use guichet_store::support_requests::{self as store, files};
use guichet_store::users;
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders, PartType};

/// Why a message was refused (its code is what the log line says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    TooBig,
    TooManyParts,
    TooDeep,
    Unparsable,
    NoSender,
    UnknownSender,
    ForgedToken,
    ExpiredToken,
    NoRequest,
    NotAllowed,
    Duplicate,
    Empty,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::TooBig => "too_big",
            Refusal::TooManyParts => "too_many_parts",
            Refusal::TooDeep => "too_deep",
            Refusal::Unparsable => "unparsable",
            Refusal::NoSender => "no_sender",
            Refusal::UnknownSender => "unknown_sender",
            Refusal::ForgedToken => "forged_token",
            Refusal::ExpiredToken => "expired_token",
            Refusal::NoRequest => "no_request",
            Refusal::NotAllowed => "not_allowed",
            Refusal::Duplicate => "duplicate",
            Refusal::Empty => "empty",
        }
    }
}

/// What became of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailOutcome {
    /// Appended to the request; attachments dropped for being outside the limits are counted.
    Appended {
        request: SupportRequestId,
        dropped_attachments: usize,
    },
    Refused(Refusal),
}

/// How many times `needle` (lower case ASCII) occurs in `hay`, ignoring case.
fn count_ci(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() || hay.len() < needle.len() {
        return 0;
    }
    hay.windows(needle.len())
        .filter(|w| w.eq_ignore_ascii_case(needle))
        .count()
}

/// The deepest nesting of multiparts and attached messages, and the number of parts in all.
fn shape(m: &mail_parser::Message<'_>, depth: usize, parts: &mut usize) -> usize {
    *parts += m.parts.len();
    let mut deepest = depth;
    for p in &m.parts {
        match &p.body {
            PartType::Multipart(children) => {
                // A multipart's depth is the length of its chain of multipart parents.
                let mut d = 1;
                let mut cur = children.first().copied();
                let mut guard = 0;
                while let Some(i) = cur {
                    guard += 1;
                    if guard > m.parts.len() {
                        break;
                    }
                    match m.parts.get(i as usize).map(|x| &x.body) {
                        Some(PartType::Multipart(c)) => {
                            d += 1;
                            cur = c.first().copied();
                        }
                        _ => cur = None,
                    }
                }
                deepest = deepest.max(depth + d);
            }
            PartType::Message(inner) => {
                deepest = deepest.max(shape(inner, depth + 1, parts));
            }
            _ => {}
        }
    }
    deepest
}

fn first_address(a: Option<&Address<'_>>) -> Option<String> {
    a?.first()?.address().map(|s| s.trim().to_lowercase())
}

fn addresses(a: Option<&Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

fn header_texts(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(l) => l.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// HTML reduced to its text: `ammonia` keeps no tag (scripts and styles go with their content),
/// then the entities it wrote are read back.
pub fn html_to_text(html: &str) -> String {
    let with_breaks = html
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("</p>", "</p>\n")
        .replace("</div>", "</div>\n");
    let clean = ammonia::Builder::empty().clean(&with_breaks).to_string();
    clean
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

impl App {
    /// Reads one message and appends it to its request, or refuses it (logged, nothing written).
    pub async fn mail_in(&self, raw: &[u8]) -> AppResult<MailOutcome> {
        let outcome = self.mail_in_inner(raw).await?;
        match &outcome {
            MailOutcome::Appended {
                request,
                dropped_attachments,
            } => tracing::info!(%request, dropped_attachments, "mail-in: reply appended"),
            MailOutcome::Refused(r) => {
                tracing::warn!(
                    reason = r.code(),
                    bytes = raw.len(),
                    "mail-in: message refused"
                );
            }
        }
        Ok(outcome)
    }

    async fn mail_in_inner(&self, raw: &[u8]) -> AppResult<MailOutcome> {
        use MailOutcome::Refused;
        let cfg = &self.config.tickets;
        if raw.len() > cfg.mail_max_bytes {
            return Ok(Refused(Refusal::TooBig));
        }
        // Before parsing: every part declares its type, every multipart its boundary.
        if count_ci(raw, b"content-type:") > cfg.mail_max_parts * 2
            || count_ci(raw, b"boundary=") > cfg.mail_max_parts
        {
            return Ok(Refused(Refusal::TooManyParts));
        }
        let Some(m) = MessageParser::default().parse(raw) else {
            return Ok(Refused(Refusal::Unparsable));
        };
        let mut parts = 0;
        let depth = shape(&m, 0, &mut parts);
        if parts > cfg.mail_max_parts {
            return Ok(Refused(Refusal::TooManyParts));
        }
        if depth > cfg.mail_max_depth {
            return Ok(Refused(Refusal::TooDeep));
        }
        let Some(sender) = first_address(m.from()) else {
            return Ok(Refused(Refusal::NoSender));
        };
        let now = self.now();
        let mut c = self.db.write_conn().await?;
        // The request: the token of the address it was sent to, and the notification it answers.
        let mut recipients = addresses(m.to());
        recipients.extend(addresses(m.cc()));
        for h in ["Delivered-To", "X-Original-To"] {
            if let Some(v) = m.header_raw(h) {
                recipients.push(v.trim().to_string());
            }
        }
        let key = notify::secret(&mut c, self).await?;
        let mut by_token = None;
        for r in &recipients {
            if let Some(tok) = notify::token_in(self, r) {
                match notify::verify(&key, &tok, now) {
                    Ok(id) => by_token = Some(id),
                    Err(TokenError::Forged) => return Ok(Refused(Refusal::ForgedToken)),
                    Err(TokenError::Expired) => return Ok(Refused(Refusal::ExpiredToken)),
                }
            }
        }
        let mut by_thread = None;
        let mut referenced = header_texts(m.in_reply_to());
        referenced.extend(header_texts(m.references()));
        for r in referenced {
            let id = r.trim().trim_matches(['<', '>']);
            if let Some(local) = id.strip_suffix("@guichet")
                && let Ok(outbox) = local.parse::<OutboxId>()
                && let Some(req) = files::request_of_notification(&mut c, outbox).await?
            {
                by_thread = Some(req);
                break;
            }
        }
        let request = match (by_token, by_thread) {
            (Some(a), Some(b)) if a != b => return Ok(Refused(Refusal::ForgedToken)),
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) => return Ok(Refused(Refusal::NoRequest)),
        };
        let Some(r) = store::get_any(&mut c, request).await? else {
            return Ok(Refused(Refusal::NoRequest));
        };
        let Some(user) = users::by_email(&mut c, &sender)
            .await?
            .filter(|u| !u.disabled)
        else {
            return Ok(Refused(Refusal::UnknownSender));
        };
        let message_id = m
            .message_id()
            .map(|s| s.chars().take(300).collect::<String>());
        if let Some(mid) = &message_id
            && store::mail_seen(&mut c, mid).await?
        {
            return Ok(Refused(Refusal::Duplicate));
        }
        drop(c);
        // The text: the first text part, else the first HTML part reduced to text.
        let part = |i: &u32| m.parts.get(*i as usize).map(|p| &p.body);
        let text = m.text_body.iter().find_map(|i| match part(i) {
            Some(PartType::Text(t)) => Some(t.to_string()),
            _ => None,
        });
        let html = m.html_body.iter().find_map(|i| match part(i) {
            Some(PartType::Html(h)) => Some(h.to_string()),
            _ => None,
        });
        let body = text
            .or_else(|| html.map(|h| html_to_text(&h)))
            .unwrap_or_default();
        let body: String = strip_quoted(&body, &notify::markers())
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .take(super::MAX_MESSAGE_CHARS)
            .collect();
        if body.trim().is_empty() {
            return Ok(Refused(Refusal::Empty));
        }
        let limits = &cfg.attachments;
        let mut uploads = Vec::new();
        let mut dropped = 0;
        for a in m.attachments() {
            let kind = a
                .content_type()
                .map(|t| match t.subtype() {
                    Some(s) => format!("{}/{s}", t.ctype()),
                    None => t.ctype().to_string(),
                })
                .unwrap_or_else(|| "application/octet-stream".into());
            let bytes = a.contents();
            if uploads.len() >= limits.max_files
                || check_attachment(limits, &kind, bytes.len()).is_err()
            {
                dropped += 1;
                continue;
            }
            uploads.push(Upload {
                filename: a.attachment_name().unwrap_or("attachment").to_string(),
                content_type: kind,
                bytes: bytes.to_vec(),
            });
        }
        // The person as a member of the request's Organization, resolved before the write begins.
        let actor = if user.is_operator {
            None
        } else {
            let origin = Origin {
                ip: String::new(),
                user_agent: "mail-in".into(),
            };
            let Ok(actor) = self.actor(user.id, r.org_id, origin).await else {
                return Ok(Refused(Refusal::NotAllowed));
            };
            Some(actor)
        };
        let mut tx = self.db.begin().await?;
        if let Some(actor) = actor {
            if super::visible(&mut tx, &actor, r.id).await.is_err() {
                return Ok(Refused(Refusal::NotAllowed));
            }
            customer_reply(
                &mut tx,
                self,
                &r,
                user.id,
                &user.name,
                &body,
                &uploads,
                "mail",
                message_id.as_deref(),
                now,
            )
            .await?;
            let detail =
                guichet_core::said::encode("ticket.said_replied", &[("topic", r.topic.as_str())]);
            actor.audit(&mut tx, "ticket.replied", &detail, now).await?;
        } else {
            self.operator_reply(
                &mut tx,
                &user,
                r.id,
                &body,
                false,
                false,
                &uploads,
                "mail",
                message_id.as_deref(),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(MailOutcome::Appended {
            request: r.id,
            dropped_attachments: dropped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_its_scripts_and_tags() {
        let t = html_to_text(
            "<p>Hello <b>there</b></p><script>alert(1)</script><img src=x onerror=alert(2)>&amp; bye",
        );
        assert!(!t.contains("alert"), "{t}");
        assert!(!t.contains('<'), "{t}");
        assert!(t.contains("Hello there"), "{t}");
        assert!(t.contains("& bye"), "{t}");
    }

    #[test]
    fn counting_ignores_case() {
        assert_eq!(
            count_ci(b"Content-Type: a\ncontent-type: b", b"content-type:"),
            2
        );
        assert_eq!(count_ci(b"x", b"content-type:"), 0);
    }
}
