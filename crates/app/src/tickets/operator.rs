//! The operators' side (issue #16): the inbox (Premium Support first, filtered), a request with
//! its internal notes, assignment, public answers and internal notes, canned replies, and the
//! request's Organization context — its products only while the Organization has a live support
//! grant (SUP-03); without one, the request alone. Not an operator: not found.

use super::write::{Upload, append, check_uploads, message_text};
use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult, Errors};
use guichet_core::status::SupportRequestStatus as S;
use guichet_core::support_request::MessageKind;
use guichet_core::{
    CannedReplyId, OrgId, ProductId, SupportAttachmentId, SupportRequestId, UserId,
};
use guichet_store::support_requests::files::{self, AttachmentMeta, Canned};
use guichet_store::support_requests::{self as store, Message, NewMessage, QueueFilter, Request};
use guichet_store::{Conn, audit, billing, users};

/// A line of the inbox.
#[derive(Clone, Debug)]
pub struct QueueRow {
    pub request: Request,
    pub org_name: String,
    /// When the first answer is due (the tier's response time ⚙), and whether that has passed
    /// without one.
    pub due_at: i64,
    pub late: bool,
}

/// The inbox's filters as a link carries them (all optional; a value that is not one is a 422).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct InboxFilter {
    pub status: Option<String>,
    /// `premium` or `standard`.
    pub priority: Option<String>,
    pub org: Option<String>,
    pub product: Option<String>,
    /// An operator's id, or `none`.
    pub assignee: Option<String>,
}

/// What the request page of the back office shows.
pub struct AdminThread {
    pub request: Request,
    pub org_name: String,
    pub product: Option<String>,
    /// Every message, internal notes included.
    pub messages: Vec<Message>,
    pub attachments: Vec<AttachmentMeta>,
    pub due_at: i64,
    /// The Organization's products, only under a live support grant.
    pub context: Option<Vec<billing::Product>>,
    pub operators: Vec<(UserId, String)>,
    pub canned: Vec<Canned>,
}

fn operator(ctx: &SessionCtx) -> AppResult<()> {
    if ctx.user.is_operator {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn set(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

fn queue_filter(f: &InboxFilter) -> AppResult<QueueFilter> {
    let status = set(f.status.as_deref())
        .map(|s| S::parse(s).ok_or(AppError::invalid("status", "field.choice")))
        .transpose()?;
    let premium = match set(f.priority.as_deref()) {
        None => None,
        Some("premium") => Some(true),
        Some("standard") => Some(false),
        Some(_) => return Err(AppError::invalid("priority", "field.choice")),
    };
    let org = set(f.org.as_deref())
        .map(|s| {
            s.parse::<OrgId>()
                .map_err(|_| AppError::invalid("org", "field.choice"))
        })
        .transpose()?;
    let product = set(f.product.as_deref())
        .map(|s| {
            s.parse::<ProductId>()
                .map_err(|_| AppError::invalid("product", "field.choice"))
        })
        .transpose()?;
    let assignee = match set(f.assignee.as_deref()) {
        None => None,
        Some("none") => Some(None),
        Some(s) => {
            Some(Some(s.parse::<UserId>().map_err(|_| {
                AppError::invalid("assignee", "field.choice")
            })?))
        }
    };
    Ok(QueueFilter {
        status,
        premium,
        org,
        product,
        assignee,
    })
}

async fn operators(c: &mut Conn) -> AppResult<Vec<(UserId, String)>> {
    let mut out = Vec::new();
    for (email, _) in users::operators(c).await? {
        if let Some(u) = users::by_email(c, &email).await? {
            out.push((u.id, u.name));
        }
    }
    Ok(out)
}

impl App {
    /// The inbox: Premium Support first (highest tier), then the oldest first.
    pub async fn admin_support_inbox(
        &self,
        ctx: &SessionCtx,
        f: &InboxFilter,
    ) -> AppResult<(Vec<QueueRow>, Vec<(UserId, String)>)> {
        operator(ctx)?;
        let filter = queue_filter(f)?;
        let now = self.now();
        let mut c = self.db.conn().await?;
        let rows = store::queue(&mut c, &filter, 200).await?;
        let rows = rows
            .into_iter()
            .map(|(request, org_name)| {
                let due_at = request.created_at + self.config.tickets.response_secs(request.tier);
                let late = request
                    .first_response_at
                    .map_or(now > due_at, |t| t > due_at);
                QueueRow {
                    request,
                    org_name,
                    due_at,
                    late,
                }
            })
            .collect();
        Ok((rows, operators(&mut c).await?))
    }

    /// A request with its notes, and its Organization's products under a live grant only.
    pub async fn admin_support_request(
        &self,
        ctx: &SessionCtx,
        id: SupportRequestId,
    ) -> AppResult<AdminThread> {
        operator(ctx)?;
        let now = self.now();
        let mut c = self.db.conn().await?;
        let request = store::get_any(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let org_name = guichet_store::orgs::by_id(&mut c, request.org_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let product = super::product_name(&mut c, &request).await?;
        let live = guichet_store::support::live_grants(&mut c, request.org_id, now).await?;
        let context = if live.is_empty() {
            None
        } else {
            let whole = live.iter().any(|g| g.whole_org);
            let granted: Vec<ProductId> = live.iter().flat_map(|g| g.products.clone()).collect();
            Some(
                billing::products_of(&mut c, request.org_id)
                    .await?
                    .into_iter()
                    .filter(|p| whole || granted.contains(&p.id))
                    .collect(),
            )
        };
        Ok(AdminThread {
            due_at: request.created_at + self.config.tickets.response_secs(request.tier),
            messages: store::messages(&mut c, id, true).await?,
            attachments: files::attachments(&mut c, id).await?,
            operators: operators(&mut c).await?,
            canned: files::canned(&mut c).await?,
            request,
            org_name,
            product,
            context,
        })
    }

    /// An operator answers (the customer is told and the first response is measured) or writes
    /// an internal note (nobody outside is told). `waits` asks something of the customer.
    pub async fn admin_support_reply(
        &self,
        ctx: &SessionCtx,
        id: SupportRequestId,
        text: &str,
        note: bool,
        waits: bool,
        uploads: &[Upload],
    ) -> AppResult<()> {
        operator(ctx)?;
        let mut errors = Errors::default();
        let body = message_text(text, &mut errors);
        let uploads = check_uploads(self, uploads, &mut errors);
        errors.finish()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        self.operator_reply(
            &mut tx, &ctx.user, id, &body, note, waits, &uploads, "web", None, now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The operator's reply in the caller's transaction (the back office and mail-in).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn operator_reply(
        &self,
        c: &mut Conn,
        op: &users::User,
        id: SupportRequestId,
        body: &str,
        note: bool,
        waits: bool,
        uploads: &[Upload],
        via: &'static str,
        mail_message_id: Option<&str>,
        now: i64,
    ) -> AppResult<()> {
        let r = store::get_any(c, id).await?.ok_or(AppError::NotFound)?;
        let kind = if note {
            MessageKind::Note
        } else {
            MessageKind::Operator
        };
        append(
            c,
            &r,
            &NewMessage {
                request: id,
                kind,
                author: Some(op.id),
                body,
                via,
                mail_message_id,
                now,
            },
            uploads,
        )
        .await?;
        if note {
            // A note is the provider's own: not in the Organization's activity log.
            let detail =
                guichet_core::said::encode("ticket.said_note", &[("topic", r.topic.as_str())]);
            audit::record(c, None, Some(op.id), "ticket.note", &detail, "", now).await?;
            return Ok(());
        }
        if let Some(to) = r.status.after_operator_reply(waits)
            && !store::transition(c, id, r.status, to, now).await?
        {
            return Err(AppError::Conflict("ticket.state_changed"));
        }
        store::first_response(c, id, op.id, now).await?;
        super::notify::to_customer(c, self, &r, &op.name, body, now).await?;
        let detail =
            guichet_core::said::encode("ticket.said_answered", &[("topic", r.topic.as_str())]);
        audit::record(
            c,
            Some(r.org_id),
            Some(op.id),
            "ticket.answered",
            &detail,
            "",
            now,
        )
        .await?;
        Ok(())
    }

    /// Assigns a request to an operator (or to nobody).
    pub async fn admin_support_assign(
        &self,
        ctx: &SessionCtx,
        id: SupportRequestId,
        to: Option<&str>,
    ) -> AppResult<()> {
        operator(ctx)?;
        let mut tx = self.db.begin().await?;
        let to = match to.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => {
                let u = s
                    .parse::<UserId>()
                    .map_err(|_| AppError::invalid("assignee", "field.choice"))?;
                let op = users::by_id(&mut tx, u)
                    .await?
                    .filter(|u| u.is_operator && !u.disabled);
                Some(op.ok_or(AppError::invalid("assignee", "field.choice"))?)
            }
        };
        let r = store::get_any(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !store::assign(&mut tx, id, to.as_ref().map(|u| u.id)).await? {
            return Err(AppError::NotFound);
        }
        let who = to.as_ref().map_or(String::new(), |u| u.name.clone());
        let detail = guichet_core::said::encode(
            "ticket.said_assigned",
            &[("topic", r.topic.as_str()), ("who", who.as_str())],
        );
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "ticket.assigned",
            &detail,
            "",
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An operator closes a request.
    pub async fn admin_support_close(
        &self,
        ctx: &SessionCtx,
        id: SupportRequestId,
    ) -> AppResult<()> {
        operator(ctx)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let r = store::get_any(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !r.status.can_become(S::Closed)
            || !store::transition(&mut tx, id, r.status, S::Closed, now).await?
        {
            return Err(AppError::Conflict("ticket.state_changed"));
        }
        let detail =
            guichet_core::said::encode("ticket.said_closed", &[("topic", r.topic.as_str())]);
        audit::record(
            &mut tx,
            Some(r.org_id),
            Some(ctx.user.id),
            "ticket.state",
            &detail,
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Any attachment, for an operator.
    pub async fn admin_support_attachment(
        &self,
        ctx: &SessionCtx,
        id: SupportAttachmentId,
    ) -> AppResult<(AttachmentMeta, Vec<u8>)> {
        operator(ctx)?;
        let mut c = self.db.conn().await?;
        let org = files::attachment_org(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (meta, _, bytes) = files::attachment(&mut c, org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((meta, bytes))
    }

    pub async fn admin_canned(&self, ctx: &SessionCtx) -> AppResult<Vec<Canned>> {
        operator(ctx)?;
        let mut c = self.db.conn().await?;
        Ok(files::canned(&mut c).await?)
    }

    /// Creates (no id) or changes a canned reply.
    pub async fn admin_save_canned(
        &self,
        ctx: &SessionCtx,
        id: Option<&str>,
        title: &str,
        body: &str,
    ) -> AppResult<()> {
        operator(ctx)?;
        let id = id
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(crate::error::parse_id::<CannedReplyId>)
            .transpose()?;
        let mut errors = Errors::default();
        let title = title.trim();
        if title.is_empty() || title.chars().count() > 120 {
            errors.add("title", "field.required");
        }
        let body = message_text(body, &mut errors);
        errors.finish()?;
        let mut c = self.db.write_conn().await?;
        if !files::save_canned(&mut c, id, title, &body, self.now()).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    pub async fn admin_delete_canned(&self, ctx: &SessionCtx, id: CannedReplyId) -> AppResult<()> {
        operator(ctx)?;
        let mut c = self.db.write_conn().await?;
        if !files::delete_canned(&mut c, id).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }
}
