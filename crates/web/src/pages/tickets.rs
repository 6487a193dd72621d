//! Support requests, the customer's side (issue #16): the contact window reached from the
//! assistance button of every Manager page (topic, product, message, attachments; the support
//! code; temporary access for support in the same step; the help centre's guides suggested for
//! what is typed — by `tickets.js` while typing, or by the "suggest" button without JavaScript),
//! the list of requests, a request's thread with reply, close and reopen, and attachment downloads.

use crate::csrf::CsrfForm;
use crate::ctx::{Ctx, InOrg};
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, manager};
use crate::pages::done::{Done, done_notice};
use crate::pages::ticket_form::{self, MAX_FORM_BYTES};
use crate::state::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use guichet_app::error::parse_id;
use guichet_app::tickets::OpenInput;
use guichet_core::Action;
use guichet_core::status::SupportRequestStatus as S;
use maud::{Markup, html};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/support/new",
            get(contact)
                .post(send)
                .layer(DefaultBodyLimit::max(MAX_FORM_BYTES)),
        )
        .route("/support/suggest.json", get(suggest_json))
        .route("/support/requests", get(list))
        .route("/support/requests/{id}", get(thread))
        .route(
            "/support/requests/{id}/reply",
            post(reply).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)),
        )
        .route("/support/requests/{id}/close", post(close))
        .route("/support/requests/{id}/reopen", post(reopen))
        .route("/support/attachments/{id}", get(attachment))
        .route("/assets/tickets.js", get(script))
}

/// The catalogue key of a status.
pub fn status_label(ctx: &Ctx, s: S) -> &str {
    ctx.t(s.key())
}

#[derive(serde::Deserialize, Default)]
pub struct Prefill {
    topic: Option<String>,
    product: Option<String>,
}

struct Typed<'a> {
    topic: &'a str,
    product: &'a str,
    message: &'a str,
}

async fn contact_page(
    o: &InOrg,
    typed: &Typed<'_>,
    suggestions: Option<Vec<guichet_kb::Hit>>,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let ctx = &o.ctx;
    let products = app.products(&o.actor).await?;
    let may_grant = o.actor.can(Action::GrantSupportAccess);
    let limits = &app.config.tickets.attachments;
    Ok(manager(
        o,
        Nav::Support,
        ctx.t("ticket.contact_title"),
        html! {
            p { (ctx.t("ticket.contact_intro")) }
            p #support-code { (ctx.t("profile.support_code")) " " strong.code { (o.sess.user.support_code) } }
            form #contact method="post" action="/support/new" enctype="multipart/form-data" {
                (csrf_field(ctx))
                div.field {
                    label for="f-topic" { (ctx.t("ticket.topic")) }
                    input id="f-topic" name="topic" required maxlength="200" value=(typed.topic);
                }
                div.field {
                    label for="f-product" { (ctx.t("ticket.product")) }
                    select id="f-product" name="product" {
                        option value="" { (ctx.t("ticket.no_product")) }
                        @for p in &products {
                            option value=(p.id) selected[typed.product == p.id.to_string()] { (p.name) }
                        }
                    }
                }
                div.field {
                    label for="f-message" { (ctx.t("ticket.message")) }
                    textarea id="f-message" name="message" rows="8" required { (typed.message) }
                }
                section #suggestions aria-live="polite" data-title=(ctx.t("ticket.suggested")) data-still=(ctx.t("ticket.still_send")) {
                    @if let Some(hits) = &suggestions {
                        @if hits.is_empty() {
                            p.muted { (ctx.t("ticket.no_suggestion")) }
                        } @else {
                            h2 { (ctx.t("ticket.suggested")) }
                            ul { @for h in hits { li { a href=(format!("/help/{}", h.id)) target="_blank" { (h.title) } } } }
                            p.muted { (ctx.t("ticket.still_send")) }
                        }
                    }
                }
                div.field {
                    label for="f-files" { (ctx.t("ticket.attachments")) }
                    input id="f-files" name="attachments" type="file" multiple;
                    p.muted { (guichet_core::i18n::tf(ctx.lang, "ticket.attachment_limits", &[("kb", &(limits.max_bytes / 1024).to_string()), ("files", &limits.max_files.to_string())])) }
                }
                @if may_grant {
                    div.field {
                        label for="f-grant" { (ctx.t("ticket.grant")) }
                        select id="f-grant" name="grant_hours" {
                            option value="" { (ctx.t("ticket.grant_none")) }
                            @for h in &app.config.support_grant_hours {
                                option value=(h) { (guichet_core::i18n::tf(ctx.lang, "ticket.grant_hours", &[("hours", &h.to_string())])) }
                            }
                        }
                        p.muted { (ctx.t("ticket.grant_help")) }
                    }
                }
                button.secondary type="submit" name="action" value="suggest" { (ctx.t("ticket.suggest")) }
                " "
                button type="submit" name="action" value="send" { (ctx.t("ticket.send")) }
            }
            p { a href="/support/requests" { (ctx.t("ticket.my_requests")) } }
            script src="/assets/tickets.js" {}
        },
    ))
}

pub async fn contact(o: InOrg, Query(p): Query<Prefill>) -> Result<Markup, WebError> {
    let typed = Typed {
        topic: p.topic.as_deref().unwrap_or(""),
        product: p.product.as_deref().unwrap_or(""),
        message: "",
    };
    contact_page(&o, &typed, None).await
}

pub async fn send(o: InOrg, multipart: Multipart) -> Result<Response, WebError> {
    let form = ticket_form::read(&o.ctx, multipart).await?;
    let app = &o.ctx.state.app;
    if form.get("action") == "suggest" {
        let hits = app
            .support_suggestions(
                &format!("{} {}", form.get("topic"), form.get("message")),
                o.ctx.lang,
            )
            .await?;
        let typed = Typed {
            topic: form.get("topic"),
            product: form.get("product"),
            message: form.get("message"),
        };
        return Ok(contact_page(&o, &typed, Some(hits)).await?.into_response());
    }
    let grant_hours = match form.get("grant_hours").trim() {
        "" => None,
        h => Some(
            h.parse()
                .map_err(|_| guichet_app::AppError::invalid("grant_hours", "field.choice"))?,
        ),
    };
    let input = OpenInput {
        topic: form.get("topic").to_string(),
        product: form.get("product").to_string(),
        message: form.get("message").to_string(),
        attachments: form.uploads,
        grant_hours,
    };
    let r = app.open_support_request(&o.actor, &input, "web").await?;
    Ok(Redirect::to(&format!("/support/requests/{}?done=ticket.sent", r.id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct SuggestQuery {
    q: Option<String>,
}

/// The contact window's suggestions while typing: `[{"id", "title"}]`, the same search the form
/// records when it is sent.
pub async fn suggest_json(
    o: InOrg,
    Query(q): Query<SuggestQuery>,
) -> Result<axum::Json<Vec<serde_json::Value>>, WebError> {
    let hits = o
        .ctx
        .state
        .app
        .support_suggestions(q.q.as_deref().unwrap_or(""), o.ctx.lang)
        .await?;
    Ok(axum::Json(
        hits.into_iter()
            .map(|h| serde_json::json!({"id": h.id, "title": h.title}))
            .collect(),
    ))
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    after: Option<String>,
    before: Option<String>,
    page: Option<String>,
    done: Option<String>,
}

pub async fn list(o: InOrg, Query(q): Query<ListQuery>) -> Result<Markup, WebError> {
    let at = guichet_app::pager::At::from_query(
        q.after.as_deref(),
        q.before.as_deref(),
        q.page.as_deref(),
    );
    let page = o.ctx.state.app.support_requests(&o.actor, &at).await?;
    let ctx = &o.ctx;
    let links = page.pager.links("/support/requests");
    let done = Done { done: q.done };
    Ok(manager(
        &o,
        Nav::Support,
        ctx.t("ticket.list_title"),
        html! {
            (done_notice(ctx, &done))
            p { a.button href="/support/new" { (ctx.t("ticket.new")) } }
            @if page.rows.is_empty() {
                p.empty #no-requests { (ctx.t("ticket.none")) }
            } @else {
                div.table-wrap tabindex="0" { table #requests {
                    thead { tr { th { (ctx.t("ticket.topic")) } th { (ctx.t("ticket.product")) } th { (ctx.t("ticket.state")) } th { (ctx.t("ticket.opened_on")) } } }
                    tbody {
                        @for row in &page.rows {
                            tr {
                                td { a href=(format!("/support/requests/{}", row.request.id)) { (row.request.topic) } }
                                td { (row.product.clone().unwrap_or_default()) }
                                td { span.badge { (status_label(ctx, row.request.status)) } }
                                td { (date(ctx, row.request.created_at)) }
                            }
                        }
                    }
                } }
                (crate::pager::pager(ctx, &links))
            }
        },
    ))
}

pub async fn thread(
    o: InOrg,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    let id = parse_id(&id)?;
    let app = &o.ctx.state.app;
    let t = app.support_request(&o.actor, id).await?;
    let ctx = &o.ctx;
    let r = &t.request;
    let limits = &app.config.tickets.attachments;
    Ok(manager(
        &o,
        Nav::Support,
        &r.topic,
        html! {
            (done_notice(ctx, &d))
            p {
                span.badge #request-state { (status_label(ctx, r.status)) }
                @if let Some(p) = &t.product { " · " (p) }
                " · " (ctx.t("ticket.opened_on")) " " (date(ctx, r.created_at))
            }
            ol.thread #thread {
                @for m in &t.messages {
                    li class=(format!("message {}", m.kind.as_str())) {
                        p.meta {
                            strong { @if m.kind == guichet_core::support_request::MessageKind::Operator { (ctx.t("ticket.support_team")) } @else { (m.author) } }
                            " · " (app.when(m.created_at))
                            @if m.via == "mail" { " · " (ctx.t("ticket.by_mail")) }
                        }
                        div.body { @for line in m.body.lines() { (line) br; } }
                        @let files: Vec<_> = t.attachments.iter().filter(|a| a.message_id == m.id).collect();
                        @if !files.is_empty() {
                            ul.files { @for a in files { li { a href=(format!("/support/attachments/{}", a.id)) { (a.filename) } " (" (a.size / 1024 + 1) " KiB)" } } }
                        }
                    }
                }
            }
            form #reply method="post" action=(format!("/support/requests/{}/reply", r.id)) enctype="multipart/form-data" {
                (csrf_field(ctx))
                div.field {
                    label for="f-message" { (ctx.t("ticket.your_reply")) }
                    textarea id="f-message" name="message" rows="6" required {}
                }
                div.field {
                    label for="f-files" { (ctx.t("ticket.attachments")) }
                    input id="f-files" name="attachments" type="file" multiple;
                    p.muted { (guichet_core::i18n::tf(ctx.lang, "ticket.attachment_limits", &[("kb", &(limits.max_bytes / 1024).to_string()), ("files", &limits.max_files.to_string())])) }
                }
                button type="submit" { @if r.status.is_closed() { (ctx.t("ticket.reply_reopen")) } @else { (ctx.t("ticket.reply")) } }
            }
            @if r.status.is_closed() {
                form method="post" action=(format!("/support/requests/{}/reopen", r.id)) {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (ctx.t("ticket.reopen")) }
                }
            } @else {
                form #close method="post" action=(format!("/support/requests/{}/close", r.id)) {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (ctx.t("ticket.close")) }
                }
            }
            p { a href="/support/requests" { (ctx.t("ticket.my_requests")) } }
        },
    ))
}

pub async fn reply(
    o: InOrg,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let form = ticket_form::read(&o.ctx, multipart).await?;
    o.ctx
        .state
        .app
        .reply_support_request(&o.actor, id, form.get("message"), &form.uploads, "web")
        .await?;
    Ok(Redirect::to(&format!("/support/requests/{id}?done=ticket.replied")).into_response())
}

pub async fn close(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    o.ctx.state.app.close_support_request(&o.actor, id).await?;
    Ok(Redirect::to(&format!("/support/requests/{id}?done=ticket.closed")).into_response())
}

pub async fn reopen(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    o.ctx.state.app.reopen_support_request(&o.actor, id).await?;
    Ok(Redirect::to(&format!("/support/requests/{id}?done=ticket.reopened")).into_response())
}

/// An attached file, always as a download: never rendered by the browser.
pub fn file_response(meta: &guichet_app::tickets::AttachmentMeta, bytes: Vec<u8>) -> Response {
    let name = guichet_core::support_request::safe_filename(&meta.filename);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn attachment(o: InOrg, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let (meta, bytes) = o.ctx.state.app.support_attachment(&o.actor, id).await?;
    Ok(file_response(&meta, bytes))
}

/// Suggests guides while the contact window is typed into (progressive: the form works without).
pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/tickets.js"),
    )
}
