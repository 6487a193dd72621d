//! KB-04 in the back office: importing a zip of guide files (what `guichet kb import DIR` does
//! with a folder), with a report of every file.

use crate::ctx::{Ctx, Signed};
use crate::error::WebError;
use crate::layout::admin_page;
use guichet_app::AppError;
use guichet_app::kb::{ImportLine, ImportOutcome, ImportSummary};
use maud::{Markup, html};

fn import_page(
    ctx: &Ctx,
    error: Option<&str>,
    result: Option<(&ImportSummary, &[ImportLine])>,
) -> Markup {
    admin_page(
        ctx,
        ctx.t("admin.kb_import"),
        html! {
            p { a href="/admin/kb" { "← " (ctx.t("admin.kb")) } }
            h1 { (ctx.t("admin.kb_import")) }
            @if let Some((sum, lines)) = result {
                div.notice role="status" {
                    (ctx.tf("admin.kb_import_done", &[
                        ("published", &sum.published.to_string()),
                        ("unchanged", &sum.unchanged.to_string()),
                        ("skipped", &sum.skipped.to_string()),
                        ("broken", &sum.broken.len().to_string()),
                        ("withdrawn", &sum.unpublished.len().to_string()),
                    ]))
                }
                @if !sum.broken.is_empty() {
                    p.error role="alert" { (ctx.t("admin.kb_import_broken")) }
                }
                @if lines.is_empty() {
                    p { (ctx.t("admin.kb_import_empty")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("admin.kb_import_file")) } th { (ctx.t("admin.kb_state")) } th { (ctx.t("admin.kb_import_detail")) } } }
                        tbody {
                            @for l in lines {
                                tr {
                                    td { code { (l.path) } }
                                    td {
                                        @match &l.outcome {
                                            ImportOutcome::Published => span.badge { (ctx.t("admin.kb_published")) },
                                            ImportOutcome::Unchanged => span.badge { (ctx.t("admin.kb_import_unchanged")) },
                                            ImportOutcome::Skipped(_) => span.badge { (ctx.t("admin.kb_import_skipped")) },
                                            ImportOutcome::Broken(_) => span.badge.error { (ctx.t("admin.kb_import_broken_file")) },
                                        }
                                    }
                                    td {
                                        @match &l.outcome {
                                            ImportOutcome::Skipped(why) | ImportOutcome::Broken(why) => { (why) }
                                            _ => { @if let Some(id) = &l.id { a href=(format!("/admin/kb/{}", id.0)) { (id.0) } } }
                                        }
                                        @for w in &l.warnings { br; small { (w) } }
                                    }
                                }
                            }
                        }
                    } }
                }
                @if !sum.unpublished.is_empty() {
                    h2 { (ctx.t("admin.kb_import_withdrawn")) }
                    ul { @for id in &sum.unpublished { li { code { (id) } } } }
                }
            }
            p { (ctx.t("admin.kb_import_help")) }
            @if let Some(e) = error { p.error role="alert" { (e) } }
            form method="post" action="/admin/kb/import" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(ctx.csrf());
                label { (ctx.t("admin.kb_import_archive")) " "
                    input type="file" name="file" accept=".zip,application/zip" required; }
                p { label {
                    input type="checkbox" name="replace" value="1";
                    " " (ctx.t("admin.kb_import_replace"))
                } }
                button type="submit" { (ctx.t("admin.kb_import_submit")) }
            }
        },
    )
}

/// The import form.
pub async fn kb_import_form(s: Signed) -> Result<Markup, WebError> {
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    Ok(import_page(&s.ctx, None, None))
}

/// The upload (multipart; the CSRF token is checked like any form's).
pub async fn kb_import_upload(
    s: Signed,
    mut multipart: axum::extract::Multipart,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let (mut csrf, mut file, mut replace) = (None::<String>, None::<Vec<u8>>, false);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.ok(),
            Some("replace") => replace = field.text().await.is_ok_and(|v| v == "1"),
            Some("file") => {
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::invalid("file", "form.unreadable"))?;
                file = Some(bytes.to_vec());
            }
            _ => {}
        }
    }
    if csrf.as_deref() != Some(s.ctx.csrf()) {
        return Err(AppError::Forbidden("csrf.invalid").into());
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        let page = import_page(&s.ctx, Some(s.ctx.t("admin.kb_import_no_file")), None);
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match s
        .ctx
        .state
        .app
        .kb_import_zip(&s.sess, &bytes, replace)
        .await
    {
        Ok((sum, lines)) => {
            let status = if sum.broken.is_empty() {
                axum::http::StatusCode::OK
            } else {
                axum::http::StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok((status, import_page(&s.ctx, None, Some((&sum, &lines)))).into_response())
        }
        Err(AppError::Unreadable(msg)) => {
            let page = import_page(&s.ctx, Some(&msg), None);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
