//! KB-04 in the back office: the guides as operators edit them, and the search report.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{admin_page, date};
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

/// KB-04: the guides as operators edit them.
pub async fn kb_list(
    s: Signed,
    Query(q): Query<crate::pages::done::Done>,
) -> Result<Markup, WebError> {
    let guides = s.ctx.state.app.kb_admin_list(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(admin_page(
        ctx,
        ctx.t("admin.kb"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.kb")) }
            (crate::pages::done::done_notice(ctx, &q))
            p { a.button href="/admin/kb/new" { (ctx.t("admin.kb_new")) } " " a href="/admin/kb/report" { (ctx.t("admin.kb_report")) } " " a href="/admin/kb/import" { (ctx.t("admin.kb_import")) } }
            div.table-wrap tabindex="0" { table {
                thead { tr { th { "id" } th { (ctx.t("lang.label")) } th { (ctx.t("admin.kb_state")) } th { (ctx.t("admin.kb_updated")) } } }
                tbody {
                    @for g in &guides {
                        tr {
                            td { a href=(format!("/admin/kb/{}", g.id)) { (g.id) } }
                            td { (g.language) }
                            td {
                                @if g.published.is_some() { span.badge { (ctx.t("admin.kb_published")) } }
                                @if g.draft.is_some() { " " span.badge { (ctx.t("admin.kb_draft")) } }
                            }
                            td { (date(ctx, g.updated_at)) }
                        }
                    }
                }
            } }
        },
    ))
}

fn kb_editor(
    s: &Signed,
    id: Option<&str>,
    content: &str,
    error: Option<&str>,
    versions: &[guichet_app::views::GuideVersion],
) -> Markup {
    let ctx = &s.ctx;
    let action = id.map_or("/admin/kb/new".to_string(), |id| format!("/admin/kb/{id}"));
    admin_page(
        ctx,
        ctx.t("admin.kb"),
        html! {
            p { a href="/admin/kb" { "← " (ctx.t("admin.kb")) } }
            h1 { (id.unwrap_or(ctx.t("admin.kb_new"))) }
            @if let Some(e) = error { p.error role="alert" { (e) } }
            p.muted { (ctx.t("admin.kb_help")) }
            form method="post" action=(action) {
                (crate::layout::csrf_field(ctx))
                label for="kb-content" { (ctx.t("admin.kb_content")) }
                textarea id="kb-content" name="content" rows="28" cols="100" { (content) }
                p {
                    button type="submit" name="publish" value="1" { (ctx.t("admin.kb_publish")) }
                    " "
                    button.secondary type="submit" name="publish" value="0" { (ctx.t("admin.kb_save_draft")) }
                    @if let Some(id) = id { " " a href=(format!("/help/{id}?stay=1")) { (ctx.t("admin.kb_view")) } }
                }
            }
            @if !versions.is_empty() {
                section.card {
                    h2 { (ctx.t("admin.kb_history")) }
                    div.table-wrap tabindex="0" { table {
                        tbody {
                            @for v in versions {
                                tr {
                                    td { "v" (v.version) }
                                    td { (date(ctx, v.saved_at)) }
                                    td { @if v.published { (ctx.t("admin.kb_published")) } @else { (ctx.t("admin.kb_draft")) } }
                                    td { details { summary { (ctx.t("admin.kb_show")) } pre { (v.content) } } }
                                }
                            }
                        }
                    } }
                }
            }
        },
    )
}

pub async fn kb_new(s: Signed) -> Result<Markup, WebError> {
    s.ctx.state.app.kb_admin_list(&s.sess).await?;
    let template = "+++\nid = \"my-new-guide\"\ntitle = \"\"\nsummary = \"\"\ncategory = \"account\"\nlanguage = \"fr\"\n+++\n\n## Préambule\n";
    Ok(kb_editor(&s, None, template, None, &[]))
}

pub async fn kb_edit(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Markup, WebError> {
    let (g, versions) = s.ctx.state.app.kb_admin_guide(&s.sess, &id).await?;
    let content = g.draft.or(g.published).unwrap_or_default();
    Ok(kb_editor(&s, Some(&id), &content, None, &versions))
}

#[derive(Deserialize)]
pub struct KbForm {
    content: String,
    publish: String,
}

async fn kb_save_any(
    s: Signed,
    id: Option<String>,
    f: KbForm,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let publish = f.publish == "1";
    match s
        .ctx
        .state
        .app
        .kb_admin_save(&s.sess, id.as_deref(), &f.content, publish)
        .await
    {
        Ok(saved) => {
            let done = if publish {
                "admin.kb_published_done"
            } else {
                "admin.kb_draft_done"
            };
            Ok(
                axum::response::Redirect::to(&format!("/admin/kb?done={done}&guide={saved}"))
                    .into_response(),
            )
        }
        Err(AppError::Unreadable(msg)) => {
            let versions = match &id {
                Some(id) => s.ctx.state.app.kb_admin_guide(&s.sess, id).await?.1,
                None => Vec::new(),
            };
            let page = kb_editor(&s, id.as_deref(), &f.content, Some(&msg), &versions);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn kb_create(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<KbForm>,
) -> Result<axum::response::Response, WebError> {
    kb_save_any(s, None, f).await
}

pub async fn kb_save(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<KbForm>,
) -> Result<axum::response::Response, WebError> {
    kb_save_any(s, Some(id), f).await
}

/// KB-03: searches that found nothing, and what readers said.
pub async fn kb_report(s: Signed) -> Result<Markup, WebError> {
    let (empty, feedback) = s.ctx.state.app.kb_admin_report(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(admin_page(
        ctx,
        ctx.t("admin.kb_report"),
        html! {
            p { a href="/admin/kb" { "← " (ctx.t("admin.kb")) } }
            h1 { (ctx.t("admin.kb_report")) }
            section.card {
                h2 { (ctx.t("admin.kb_empty_searches")) }
                @if empty.is_empty() { p.empty { (ctx.t("admin.kb_no_empty")) } }
                @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("admin.kb_query")) } th { (ctx.t("lang.label")) } th.num { (ctx.t("admin.kb_count")) } th { (ctx.t("admin.kb_last")) } } }
                        tbody { @for (q, l, n, at) in &empty { tr { td { (q) } td { (l) } td.num { (n) } td { (date(ctx, *at)) } } } }
                    } }
                }
            }
            section.card {
                h2 { (ctx.t("admin.kb_feedback")) }
                @if feedback.is_empty() { p.empty { (ctx.t("admin.kb_no_feedback")) } }
                @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { "guide" } th.num { (ctx.t("help.yes")) } th.num { (ctx.t("help.no")) } } }
                        tbody { @for (g, yes, no) in &feedback { tr { td { a href=(format!("/help/{g}?stay=1")) { (g) } } td.num { (yes) } td.num { (no) } } } }
                    } }
                }
            }
        },
    ))
}
