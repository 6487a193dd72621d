//! Telling the other side (issue #16): each public reply is mailed, in the recipient's language,
//! with a reply address that names the request with a signed token — `local+TOKEN@domain`, the
//! token being the request's id, an expiry and an HMAC-SHA256 of both under the application's
//! secret (configured, or kept in the database), written in lower-case base32 so that an address
//! folded to lower case still reads.

use crate::App;
use crate::error::AppResult;
use guichet_core::i18n::{t, tf};
use guichet_core::support_request::{base32, unbase32};
use guichet_core::{Lang, SupportRequestId};
use guichet_store::support_requests::Request;
use guichet_store::support_requests::files;
use guichet_store::{Conn, outbox, users};
use hmac::{Hmac, Mac};

const SIG_BYTES: usize = 10;

/// Why a reply address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not one of ours: malformed, or the signature does not match.
    Forged,
    /// Ours, but too old.
    Expired,
}

/// The key reply tokens are signed with.
pub(crate) async fn secret(c: &mut Conn, app: &App) -> AppResult<Vec<u8>> {
    if let Some(s) = &app.config.tickets.secret {
        return Ok(s.as_bytes().to_vec());
    }
    let fresh = crate::crypto::random_token();
    let kept = files::secret(c, "ticket_reply", &fresh, app.now()).await?;
    Ok(kept.into_bytes())
}

fn signature(key: &[u8], payload: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length.
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(payload);
    mac.finalize().into_bytes()[..SIG_BYTES].to_vec()
}

/// The token naming `request` until `expires` (Unix seconds).
pub fn token(key: &[u8], request: SupportRequestId, expires: i64) -> String {
    let mut payload = request.0.as_bytes().to_vec();
    payload.extend_from_slice(
        &u32::try_from(expires.max(0))
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    let sig = signature(key, &payload);
    payload.extend_from_slice(&sig);
    base32(&payload)
}

/// The request a token names, if it is ours and not expired at `now`.
pub fn verify(key: &[u8], token: &str, now: i64) -> Result<SupportRequestId, TokenError> {
    let bytes = unbase32(token).ok_or(TokenError::Forged)?;
    if bytes.len() != 16 + 4 + SIG_BYTES {
        return Err(TokenError::Forged);
    }
    let (payload, sig) = bytes.split_at(20);
    let expected = signature(key, payload);
    // Constant time: every byte is compared.
    let diff = expected
        .iter()
        .zip(sig)
        .fold(u8::from(expected.len() != sig.len()), |acc, (a, b)| {
            acc | (a ^ b)
        });
    if diff != 0 {
        return Err(TokenError::Forged);
    }
    let id = uuid::Uuid::from_slice(&payload[..16]).map_err(|_| TokenError::Forged)?;
    let mut exp = [0u8; 4];
    exp.copy_from_slice(&payload[16..20]);
    if i64::from(u32::from_be_bytes(exp)) < now {
        return Err(TokenError::Expired);
    }
    Ok(SupportRequestId(id))
}

/// The token in a recipient address `local+TOKEN@domain` of the configured reply address.
pub fn token_in(app: &App, address: &str) -> Option<String> {
    let reply = app.config.tickets.reply_address.as_deref()?;
    let (local, domain) = reply.split_once('@')?;
    let addr = address.trim().trim_matches(['<', '>']);
    let (their_local, their_domain) = addr.rsplit_once('@')?;
    if !their_domain.eq_ignore_ascii_case(domain) {
        return None;
    }
    let (base, token) = their_local.split_once('+')?;
    base.eq_ignore_ascii_case(local).then(|| token.to_string())
}

/// The reply address for `request` (none when no reply address is configured).
async fn reply_address(
    c: &mut Conn,
    app: &App,
    request: SupportRequestId,
    now: i64,
) -> AppResult<Option<String>> {
    let Some(reply) = app.config.tickets.reply_address.as_deref() else {
        return Ok(None);
    };
    let Some((local, domain)) = reply.split_once('@') else {
        return Ok(None);
    };
    let key = secret(c, app).await?;
    let tok = token(&key, request, now + app.config.tickets.token_days * 86_400);
    Ok(Some(format!("{local}+{tok}@{domain}")))
}

/// The line notifications put above the quoted message: mail-in cuts a reply there.
pub fn markers() -> Vec<&'static str> {
    Lang::ALL
        .iter()
        .map(|l| t(*l, "ticket.mail_marker"))
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn send(
    c: &mut Conn,
    app: &App,
    r: &Request,
    to: &str,
    lang: Lang,
    who: &str,
    text: &str,
    link: &str,
    now: i64,
) -> AppResult<()> {
    let subject = tf(lang, "ticket.mail_subject", &[("topic", &r.topic)]);
    let body = tf(
        lang,
        "ticket.mail_body",
        &[
            ("marker", t(lang, "ticket.mail_marker")),
            ("who", who),
            ("message", text),
            ("link", link),
        ],
    );
    let id = outbox::enqueue_in(c, to, lang.code(), (&subject, &body), "ticket_reply", now).await?;
    if let Some(reply) = reply_address(c, app, r.id, now).await? {
        files::notified(c, id, r.id, &reply).await?;
    }
    Ok(())
}

/// A customer wrote: the assigned operator is told, or every operator when none is assigned.
pub(crate) async fn to_operators(
    c: &mut Conn,
    app: &App,
    r: &Request,
    who: &str,
    text: &str,
    now: i64,
) -> AppResult<()> {
    let link = format!("{}/admin/tickets/{}", app.config.public_url, r.id);
    let assignee = match r.assignee {
        Some(u) => users::by_id(c, u).await?.filter(|u| !u.disabled),
        None => None,
    };
    let to: Vec<(String, Lang)> = match assignee {
        Some(u) => vec![(u.email, u.lang)],
        None => users::operators(c)
            .await?
            .into_iter()
            .map(|(e, l)| (e, Lang::parse(&l).unwrap_or_default()))
            .collect(),
    };
    for (email, lang) in to {
        send(c, app, r, &email, lang, who, text, &link, now).await?;
    }
    Ok(())
}

/// An operator answered: the person who opened the request is told, in their language.
pub(crate) async fn to_customer(
    c: &mut Conn,
    app: &App,
    r: &Request,
    who: &str,
    text: &str,
    now: i64,
) -> AppResult<()> {
    let Some(u) = users::by_id(c, r.opened_by).await?.filter(|u| !u.disabled) else {
        return Ok(());
    };
    let link = format!("{}/support/requests/{}", app.config.public_url, r.id);
    send(c, app, r, &u.email, u.lang, who, text, &link, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_request_until_it_expires_and_cannot_be_forged() {
        let id = SupportRequestId::new();
        let tok = token(b"key", id, 1000);
        assert!(tok.len() <= 56, "{tok}: fits an address's local part");
        assert_eq!(verify(b"key", &tok, 999), Ok(id));
        assert_eq!(verify(b"key", &tok.to_uppercase(), 1000), Ok(id));
        assert_eq!(verify(b"key", &tok, 1001), Err(TokenError::Expired));
        assert_eq!(verify(b"other", &tok, 999), Err(TokenError::Forged));
        let other = token(b"key", SupportRequestId::new(), 1000);
        let spliced = format!("{}{}", &other[..32], &tok[32..]);
        assert_eq!(verify(b"key", &spliced, 999), Err(TokenError::Forged));
        assert_eq!(verify(b"key", "abc", 0), Err(TokenError::Forged));
    }
}
