//! Support requests (issue #16): a person of an Organization asks the provider's support from the
//! contact window (topic, product, message, attachments), follows the thread, replies, closes and
//! reopens; operators answer from the back office ([`operator`]); both sides are told by e-mail
//! ([`notify`]) and answer by e-mail ([`mail_in`]); the provider reads the figures ([`figures`]).
//!
//! Visibility (`core::support_request::may_see`): LR and Administrators see every request of their
//! Organization; collaborators and externals those about a product they hold the ticket right on,
//! and those they opened. Another Organization's request is not found. Every change is written to
//! the Organization's activity log as a `said` text; status changes are compare-and-set.

mod demo;
pub mod figures;
pub mod mail_in;
pub mod notify;
pub mod operator;
mod write;

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::status::SupportRequestStatus as S;
use guichet_core::support_request::may_see;
use guichet_core::{Action, ProductId, SupportAttachmentId, SupportRequestId};
use guichet_store::Conn;
use guichet_store::support_requests::files;
pub use guichet_store::support_requests::files::{AttachmentMeta, Canned};
use guichet_store::support_requests::{self as store, Seen};
pub use guichet_store::support_requests::{Message, Request};

pub use write::{MAX_MESSAGE_CHARS, MAX_TOPIC_CHARS, Upload};

pub const PAGE_SIZE: i64 = 20;

/// What the contact window sends.
#[derive(Clone, Debug, Default)]
pub struct OpenInput {
    pub topic: String,
    /// A product's id, or empty for none.
    pub product: String,
    pub message: String,
    pub attachments: Vec<Upload>,
    /// SUP-03 in the same step: let support in for this many hours (LR/Admin), on the product
    /// chosen (or the whole Organization without one).
    pub grant_hours: Option<i64>,
}

/// A request as a list shows it.
#[derive(Clone, Debug)]
pub struct RequestRow {
    pub request: Request,
    pub product: Option<String>,
}

/// One page of the requests the person may see, newest first.
pub struct RequestPage {
    pub rows: Vec<RequestRow>,
    pub pager: crate::pager::Pager,
}

/// A request's thread as the customer reads it (no internal notes).
pub struct Thread {
    pub request: Request,
    pub product: Option<String>,
    pub messages: Vec<Message>,
    pub attachments: Vec<AttachmentMeta>,
}

/// Which requests of the Organization `actor` may see (`Seen::All` for LR/Admin).
pub(crate) async fn seen_by(c: &mut Conn, actor: &Actor) -> AppResult<(bool, Vec<ProductId>)> {
    if actor.access.role.is_manager() && actor.support.is_none() {
        return Ok((true, Vec::new()));
    }
    let mut products: Vec<ProductId> = crate::teams::effective(c, actor)
        .await?
        .into_iter()
        .filter(|(_, r)| r.tickets)
        .map(|(p, _)| p)
        .collect();
    products.sort();
    Ok((false, products))
}

/// The request `id` of the actor's Organization, if the actor may see it (else not found).
pub(crate) async fn visible(
    c: &mut Conn,
    actor: &Actor,
    id: SupportRequestId,
) -> AppResult<Request> {
    let r = store::get(c, actor.org, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (all, products) = seen_by(c, actor).await?;
    let on_product = r.product_id.is_some_and(|p| products.contains(&p));
    let role = if all {
        actor.access.role
    } else {
        guichet_core::Role::External
    };
    if may_see(role, r.opened_by == actor.user, on_product) {
        Ok(r)
    } else {
        Err(AppError::NotFound)
    }
}

async fn product_name(c: &mut Conn, r: &Request) -> AppResult<Option<String>> {
    Ok(match r.product_id {
        Some(p) => guichet_store::billing::get_product(c, r.org_id, p)
            .await?
            .map(|p| p.name),
        None => None,
    })
}

impl App {
    /// The requests the actor may see, a page at a time.
    pub async fn support_requests(
        &self,
        actor: &Actor,
        at: &crate::pager::At,
    ) -> AppResult<RequestPage> {
        actor.require(Action::ViewOrg)?;
        let page = at.page()?;
        let mut c = self.db.conn().await?;
        let (all, products) = seen_by(&mut c, actor).await?;
        let seen = if all {
            Seen::All
        } else {
            Seen::Of {
                user: actor.user,
                products: &products,
            }
        };
        let found = store::page(&mut c, actor.org, &seen, &page, PAGE_SIZE).await?;
        let pager = crate::pager::Pager::of(&found, |r: &Request| {
            guichet_store::keyset::Cursor::new(r.created_at, r.id.to_string())
        });
        let mut rows = Vec::new();
        for r in found.rows {
            let product = product_name(&mut c, &r).await?;
            rows.push(RequestRow {
                request: r,
                product,
            });
        }
        Ok(RequestPage { rows, pager })
    }

    /// One request's thread (not found when the actor may not see it).
    pub async fn support_request(&self, actor: &Actor, id: SupportRequestId) -> AppResult<Thread> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        let request = visible(&mut c, actor, id).await?;
        let messages = store::messages(&mut c, id, false).await?;
        let public: Vec<_> = messages.iter().map(|m| m.id).collect();
        let attachments = files::attachments(&mut c, id)
            .await?
            .into_iter()
            .filter(|a| public.contains(&a.message_id))
            .collect();
        let product = product_name(&mut c, &request).await?;
        Ok(Thread {
            request,
            product,
            messages,
            attachments,
        })
    }

    /// An attachment's name, type and bytes — within the Organization and the visibility rule only.
    pub async fn support_attachment(
        &self,
        actor: &Actor,
        id: SupportAttachmentId,
    ) -> AppResult<(AttachmentMeta, Vec<u8>)> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        let (meta, request, bytes) = files::attachment(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        visible(&mut c, actor, request).await?;
        let public = store::messages(&mut c, request, false).await?;
        if !public.iter().any(|m| m.id == meta.message_id) {
            return Err(AppError::NotFound);
        }
        Ok((meta, bytes))
    }

    /// The guides the help centre suggests for what a person typed (the contact window's list).
    pub async fn support_suggestions(
        &self,
        text: &str,
        lang: guichet_core::Lang,
    ) -> AppResult<Vec<guichet_kb::Hit>> {
        let text: String = text.chars().take(400).collect();
        if text.trim().chars().count() < 3 {
            return Ok(Vec::new());
        }
        self.kb_search(&text, Some(lang), 3).await
    }

    /// The customer closes a request (any state but closed).
    pub async fn close_support_request(
        &self,
        actor: &Actor,
        id: SupportRequestId,
    ) -> AppResult<()> {
        self.customer_status(actor, id, S::Closed, "ticket.said_closed")
            .await
    }

    /// The customer reopens a closed request.
    pub async fn reopen_support_request(
        &self,
        actor: &Actor,
        id: SupportRequestId,
    ) -> AppResult<()> {
        self.customer_status(actor, id, S::Open, "ticket.said_reopened")
            .await
    }

    async fn customer_status(
        &self,
        actor: &Actor,
        id: SupportRequestId,
        to: S,
        said: &str,
    ) -> AppResult<()> {
        actor.require(Action::ViewOrg)?;
        if actor.support.is_some() {
            return Err(AppError::Forbidden("perm.support_read_only"));
        }
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let r = visible(&mut tx, actor, id).await?;
        if !r.status.can_become(to) || !store::transition(&mut tx, id, r.status, to, now).await? {
            return Err(AppError::Conflict("ticket.state_changed"));
        }
        let detail = guichet_core::said::encode(said, &[("topic", r.topic.as_str())]);
        actor
            .audit_and_commit(tx, "ticket.state", &detail, now)
            .await
    }
}
