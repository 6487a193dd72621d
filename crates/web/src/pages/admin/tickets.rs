//! Support requests in the back office (issue #16): the inbox (Premium Support first with the
//! tier's response time, filters), a request with its internal notes, assignment, answers and
//! notes, canned replies, the Organization's context only under a live support grant, and the
//! provider's figures. Not an operator: 404 (checked by every use case).

use crate::csrf::CsrfForm;
use crate::ctx::{Ctx, Signed};
use crate::error::WebError;
use crate::layout::{admin_page, csrf_field, date};
use crate::pages::ticket_form::{self, MAX_FORM_BYTES};
use crate::pages::tickets::{file_response, status_label};
use crate::state::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use guichet_app::error::parse_id;
use guichet_app::tickets::operator::InboxFilter;
use guichet_core::status::SupportRequestStatus as S;
use guichet_core::support_request::MessageKind;
use maud::{Markup, html};

pub fn tickets_routes() -> Router<AppState> {
    Router::new()
        .route("/admin/tickets", get(inbox))
        .route("/admin/tickets/canned", get(canned).post(save_canned))
        .route("/admin/tickets/canned/{id}/delete", post(delete_canned))
        .route("/admin/tickets/figures", get(figures))
        .route("/admin/tickets/attachments/{id}", get(attachment))
        .route("/admin/tickets/{id}", get(request))
        .route(
            "/admin/tickets/{id}/reply",
            post(reply).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)),
        )
        .route("/admin/tickets/{id}/assign", post(assign))
        .route("/admin/tickets/{id}/close", post(close))
}

fn hours(ctx: &Ctx, secs: i64) -> String {
    let h = secs / 3600;
    let m = (secs % 3600) / 60;
    guichet_core::i18n::tf(
        ctx.lang,
        "ticket.duration",
        &[("h", &h.to_string()), ("m", &format!("{m:02}"))],
    )
}

fn nav(ctx: &Ctx) -> Markup {
    html! {
        p {
            a href="/admin" { "← " (ctx.t("admin.title")) } " · "
            a href="/admin/tickets" { (ctx.t("ticket.inbox")) } " · "
            a href="/admin/tickets/canned" { (ctx.t("ticket.canned")) } " · "
            a href="/admin/tickets/figures" { (ctx.t("ticket.figures")) }
        }
    }
}

pub async fn inbox(s: Signed, Query(f): Query<InboxFilter>) -> Result<Markup, WebError> {
    let app = &s.ctx.state.app;
    let (rows, operators) = app.admin_support_inbox(&s.sess, &f).await?;
    let ctx = &s.ctx;
    let sel = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
    Ok(admin_page(
        ctx,
        ctx.t("ticket.inbox"),
        html! {
            h1 { (ctx.t("ticket.inbox")) }
            (nav(ctx))
            form.inline method="get" action="/admin/tickets" {
                div.field {
                    label for="f-status" { (ctx.t("ticket.state")) }
                    select id="f-status" name="status" {
                        option value="" { (ctx.t("ticket.any")) }
                        @for st in S::ALL { option value=(st.as_str()) selected[sel(&f.status, st.as_str())] { (status_label(ctx, st)) } }
                    }
                }
                div.field {
                    label for="f-priority" { (ctx.t("ticket.priority")) }
                    select id="f-priority" name="priority" {
                        option value="" { (ctx.t("ticket.any")) }
                        option value="premium" selected[sel(&f.priority, "premium")] { (ctx.t("ticket.premium")) }
                        option value="standard" selected[sel(&f.priority, "standard")] { (ctx.t("ticket.standard")) }
                    }
                }
                div.field {
                    label for="f-assignee" { (ctx.t("ticket.assignee")) }
                    select id="f-assignee" name="assignee" {
                        option value="" { (ctx.t("ticket.any")) }
                        option value="none" selected[sel(&f.assignee, "none")] { (ctx.t("ticket.nobody")) }
                        @for (id, name) in &operators { option value=(id) selected[sel(&f.assignee, &id.to_string())] { (name) } }
                    }
                }
                div.field { label for="f-org" { (ctx.t("ticket.org")) } input id="f-org" name="org" value=(f.org.clone().unwrap_or_default()); }
                div.field { label for="f-product" { (ctx.t("ticket.product")) } input id="f-product" name="product" value=(f.product.clone().unwrap_or_default()); }
                button type="submit" { (ctx.t("invoice.filter")) }
            }
            @if rows.is_empty() {
                p.empty #inbox-empty { (ctx.t("ticket.inbox_empty")) }
            } @else {
                div.table-wrap tabindex="0" { table #inbox {
                    thead { tr { th { (ctx.t("ticket.priority")) } th { (ctx.t("ticket.topic")) } th { (ctx.t("ticket.org")) } th { (ctx.t("ticket.state")) } th { (ctx.t("ticket.opened_on")) } th { (ctx.t("ticket.due")) } th { (ctx.t("ticket.assignee")) } } }
                    tbody {
                        @for row in &rows {
                            @let r = &row.request;
                            tr class=(if r.tier > 0 { "premium" } else { "standard" }) {
                                td { @if r.tier > 0 { span.badge { (guichet_core::i18n::tf(ctx.lang, "ticket.tier", &[("tier", &r.tier.to_string())])) } } @else { (ctx.t("ticket.standard")) } }
                                td { a href=(format!("/admin/tickets/{}", r.id)) { (r.topic) } }
                                td { a href=(format!("/admin/tickets?org={}", r.org_id)) { (row.org_name) } }
                                td { (status_label(ctx, r.status)) }
                                td { (app.when(r.created_at)) }
                                td {
                                    (app.when(row.due_at)) " (" (hours(ctx, app.config.tickets.response_secs(r.tier))) ")"
                                    @if row.late { " " strong.late { (ctx.t("ticket.late")) } }
                                    @if let Some(t) = r.first_response_at { br; (ctx.t("ticket.first_response")) " " (hours(ctx, t - r.created_at)) }
                                }
                                td { (r.assignee.and_then(|a| operators.iter().find(|(id, _)| *id == a)).map(|(_, n)| n.clone()).unwrap_or_default()) }
                            }
                        }
                    }
                } }
            }
        },
    ))
}

pub async fn request(
    s: Signed,
    Path(id): Path<String>,
    Query(d): Query<crate::pages::done::Done>,
) -> Result<Markup, WebError> {
    let id = parse_id(&id)?;
    let app = &s.ctx.state.app;
    let t = app.admin_support_request(&s.sess, id).await?;
    let ctx = &s.ctx;
    let r = &t.request;
    Ok(admin_page(
        ctx,
        &r.topic,
        html! {
            h1 { (r.topic) }
            (nav(ctx))
            (crate::pages::done::done_notice(ctx, &d))
            p {
                span.badge #request-state { (status_label(ctx, r.status)) } " · " (t.org_name)
                @if let Some(p) = &t.product { " · " (p) }
                " · " (ctx.t("ticket.due")) " " (app.when(t.due_at))
                @if r.tier > 0 { " · " span.badge { (guichet_core::i18n::tf(ctx.lang, "ticket.tier", &[("tier", &r.tier.to_string())])) } }
            }
            section #context {
                h2 { (ctx.t("ticket.context")) }
                @match &t.context {
                    Some(products) => {
                        ul { @for p in products { li { (p.name) " — " (ctx.t(&format!("product.state.{}", p.state.code()))) } } }
                    }
                    None => { p.muted #no-grant { (ctx.t("ticket.context_no_grant")) } }
                }
            }
            ol.thread #thread {
                @for m in &t.messages {
                    li class=(format!("message {}", m.kind.as_str())) {
                        p.meta {
                            strong { (m.author) }
                            @if m.kind == MessageKind::Note { " · " span.badge { (ctx.t("ticket.note")) } }
                            " · " (app.when(m.created_at))
                            @if m.via == "mail" { " · " (ctx.t("ticket.by_mail")) }
                        }
                        div.body { @for line in m.body.lines() { (line) br; } }
                        @let files: Vec<_> = t.attachments.iter().filter(|a| a.message_id == m.id).collect();
                        @if !files.is_empty() {
                            ul.files { @for a in files { li { a href=(format!("/admin/tickets/attachments/{}", a.id)) { (a.filename) } } } }
                        }
                    }
                }
            }
            form #answer method="post" action=(format!("/admin/tickets/{}/reply", r.id)) enctype="multipart/form-data" {
                (csrf_field(ctx))
                @if !t.canned.is_empty() {
                    div.field {
                        label for="f-canned" { (ctx.t("ticket.canned")) }
                        select id="f-canned" name="canned" {
                            option value="" { "—" }
                            @for c in &t.canned { option value=(c.id) { (c.title) } }
                        }
                    }
                }
                div.field {
                    label for="f-message" { (ctx.t("ticket.answer")) }
                    textarea id="f-message" name="message" rows="6" {}
                }
                div.field { label for="f-files" { (ctx.t("ticket.attachments")) } input id="f-files" name="attachments" type="file" multiple; }
                label { input type="checkbox" name="waits" value="1"; " " (ctx.t("ticket.waits")) } br;
                button type="submit" name="kind" value="answer" { (ctx.t("ticket.send_answer")) }
                " "
                button.secondary type="submit" name="kind" value="note" { (ctx.t("ticket.add_note")) }
            }
            form #assign.inline method="post" action=(format!("/admin/tickets/{}/assign", r.id)) {
                (csrf_field(ctx))
                label for="f-assignee" { (ctx.t("ticket.assignee")) }
                select id="f-assignee" name="assignee" {
                    option value="" { (ctx.t("ticket.nobody")) }
                    @for (id, name) in &t.operators { option value=(id) selected[r.assignee == Some(*id)] { (name) } }
                }
                button type="submit" { (ctx.t("ticket.assign")) }
            }
            @if !r.status.is_closed() {
                form method="post" action=(format!("/admin/tickets/{}/close", r.id)) {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (ctx.t("ticket.close")) }
                }
            }
        },
    ))
}

pub async fn reply(
    s: Signed,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let form = ticket_form::read(&s.ctx, multipart).await?;
    let app = &s.ctx.state.app;
    let mut text = form.get("message").trim().to_string();
    if !form.get("canned").is_empty() {
        let canned_id: guichet_core::CannedReplyId = parse_id(form.get("canned"))?;
        let list = app.admin_canned(&s.sess).await?;
        let c = list
            .iter()
            .find(|c| c.id == canned_id)
            .ok_or(guichet_app::AppError::NotFound)?;
        text = if text.is_empty() {
            c.body.clone()
        } else {
            format!("{}\n\n{text}", c.body)
        };
    }
    let note = form.get("kind") == "note";
    app.admin_support_reply(
        &s.sess,
        id,
        &text,
        note,
        form.get("waits") == "1",
        &form.uploads,
    )
    .await?;
    let done = if note {
        "ticket.noted"
    } else {
        "ticket.answered"
    };
    Ok(Redirect::to(&format!("/admin/tickets/{id}?done={done}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct AssignForm {
    assignee: Option<String>,
}

pub async fn assign(
    s: Signed,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<AssignForm>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    s.ctx
        .state
        .app
        .admin_support_assign(&s.sess, id, f.assignee.as_deref())
        .await?;
    Ok(Redirect::to(&format!("/admin/tickets/{id}?done=ticket.assigned")).into_response())
}

pub async fn close(
    s: Signed,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    s.ctx.state.app.admin_support_close(&s.sess, id).await?;
    Ok(Redirect::to(&format!("/admin/tickets/{id}?done=ticket.closed")).into_response())
}

pub async fn attachment(s: Signed, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let (meta, bytes) = s
        .ctx
        .state
        .app
        .admin_support_attachment(&s.sess, id)
        .await?;
    Ok(file_response(&meta, bytes))
}

pub async fn canned(s: Signed) -> Result<Markup, WebError> {
    let list = s.ctx.state.app.admin_canned(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(admin_page(
        ctx,
        ctx.t("ticket.canned"),
        html! {
            h1 { (ctx.t("ticket.canned")) }
            (nav(ctx))
            @if list.is_empty() { p.empty { (ctx.t("ticket.canned_none")) } }
            @for c in &list {
                form.card method="post" action="/admin/tickets/canned" {
                    (csrf_field(ctx))
                    input type="hidden" name="id" value=(c.id);
                    div.field { label for=(format!("f-title-{}", c.id)) { (ctx.t("ticket.canned_title")) } input id=(format!("f-title-{}", c.id)) name="title" value=(c.title); }
                    div.field { label for=(format!("f-body-{}", c.id)) { (ctx.t("ticket.message")) } textarea id=(format!("f-body-{}", c.id)) name="body" rows="4" { (c.body) } }
                    button type="submit" { (ctx.t("ticket.save")) }
                }
                form method="post" action=(format!("/admin/tickets/canned/{}/delete", c.id)) {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (ctx.t("ticket.delete")) }
                }
            }
            h2 { (ctx.t("ticket.canned_new")) }
            form.card #new-canned method="post" action="/admin/tickets/canned" {
                (csrf_field(ctx))
                div.field { label for="f-title" { (ctx.t("ticket.canned_title")) } input id="f-title" name="title"; }
                div.field { label for="f-body" { (ctx.t("ticket.message")) } textarea id="f-body" name="body" rows="4" {} }
                button type="submit" { (ctx.t("ticket.save")) }
            }
        },
    ))
}

#[derive(serde::Deserialize)]
pub struct CannedForm {
    id: Option<String>,
    title: String,
    body: String,
}

pub async fn save_canned(
    s: Signed,
    CsrfForm(f): CsrfForm<CannedForm>,
) -> Result<Response, WebError> {
    s.ctx
        .state
        .app
        .admin_save_canned(&s.sess, f.id.as_deref(), &f.title, &f.body)
        .await?;
    Ok(Redirect::to("/admin/tickets/canned").into_response())
}

pub async fn delete_canned(
    s: Signed,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    s.ctx.state.app.admin_delete_canned(&s.sess, id).await?;
    Ok(Redirect::to("/admin/tickets/canned").into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct FiguresQuery {
    days: Option<i64>,
}

pub async fn figures(s: Signed, Query(q): Query<FiguresQuery>) -> Result<Markup, WebError> {
    let app = &s.ctx.state.app;
    let f = app
        .admin_support_figures(&s.sess, q.days.unwrap_or(90))
        .await?;
    let ctx = &s.ctx;
    let median = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |s| hours(ctx, s));
    Ok(admin_page(
        ctx,
        ctx.t("ticket.figures"),
        html! {
            h1 { (ctx.t("ticket.figures")) }
            (nav(ctx))
            p.muted { (ctx.t("ticket.figures_since")) " " (date(ctx, f.since)) }
            h2 { (ctx.t("ticket.per_tier")) }
            div.table-wrap tabindex="0" { table #per-tier {
                thead { tr { th { (ctx.t("ticket.priority")) } th { (ctx.t("ticket.promised")) } th { (ctx.t("ticket.requests")) } th { (ctx.t("ticket.first_response_median")) } th { (ctx.t("ticket.within_promise")) } th { (ctx.t("ticket.resolution_median")) } } }
                tbody {
                    @for (tier, promise, t) in &f.tiers {
                        tr {
                            td { @if *tier > 0 { (guichet_core::i18n::tf(ctx.lang, "ticket.tier", &[("tier", &tier.to_string())])) } @else { (ctx.t("ticket.standard")) } }
                            td { (hours(ctx, *promise)) }
                            td { (t.requests) }
                            td { (median(t.first_response_median)) }
                            td { (t.within_promise) " / " (t.answered) }
                            td { (median(t.resolution_median)) }
                        }
                    }
                }
            } }
            h2 { (ctx.t("ticket.per_operator")) }
            div.table-wrap tabindex="0" { table #per-operator {
                thead { tr { th { (ctx.t("ticket.assignee")) } th { (ctx.t("ticket.requests")) } th { (ctx.t("ticket.first_response_median")) } th { (ctx.t("ticket.resolution_median")) } } }
                tbody {
                    @for (_, name, t) in &f.operators {
                        tr { td { (name) } td { (t.requests) } td { (median(t.first_response_median)) } td { (median(t.resolution_median)) } }
                    }
                }
            } }
            h2 { (ctx.t("ticket.misses")) }
            p.muted { (ctx.t("ticket.misses_help")) }
            @if f.deflection_misses.is_empty() {
                p.empty { (ctx.t("ticket.misses_none")) }
            } @else {
                div.table-wrap tabindex="0" { table #misses {
                    thead { tr { th { (ctx.t("ticket.guide")) } th { (ctx.t("ticket.requests")) } } }
                    tbody { @for (g, n) in &f.deflection_misses { tr { td { a href=(format!("/help/{g}")) { (g) } } td { (n) } } } }
                } }
            }
        },
    ))
}
