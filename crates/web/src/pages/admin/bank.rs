//! REM-01/04 in the back office: statement upload and the payments that need an operator.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::public_page;
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

/// REM-01/04: statement upload, the payments that need an operator, the latest credited ones.
pub async fn bank(
    s: Signed,
    Query(q): Query<crate::pages::done::Done>,
) -> Result<Markup, WebError> {
    let queue = s.ctx.state.app.bank_queue(&s.sess).await?;
    Ok(bank_page(&s, &queue, q.done.as_deref(), None))
}

fn bank_page(
    s: &Signed,
    queue: &guichet_app::bank_import::BankQueue,
    done: Option<&str>,
    error: Option<&str>,
) -> Markup {
    let ctx = &s.ctx;
    let (exceptions, credited) = (&queue.exceptions, &queue.credited);
    let row = |t: &guichet_app::views::BankTransaction| {
        html! {
            td { (t.booking_date.as_deref().unwrap_or("—")) }
            td.num { (guichet_core::money::format_minor(t.amount)) " " (t.currency) }
            td { (t.debtor_name.as_deref().unwrap_or("—")) br; span.muted { (t.debtor_iban.as_deref().unwrap_or("")) } }
            td { code { (t.reference.as_deref().unwrap_or("—")) } br; span.muted { (t.message.as_deref().unwrap_or("")) } }
            td.muted { (t.note.as_deref().unwrap_or("")) }
        }
    };
    public_page(
        ctx,
        ctx.t("admin.bank"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.bank")) }
            (crate::pages::done::done_notice(ctx, &crate::pages::done::Done { done: done.map(str::to_string) }))
            @if let Some(e) = error { p.error role="alert" { (e) } }
            section.card {
                h2 { (ctx.t("admin.bank_upload")) }
                form method="post" action="/admin/bank/import" enctype="multipart/form-data" {
                    (crate::layout::csrf_field(ctx))
                    input type="file" name="file" accept=".xml,application/xml,text/xml" required;
                    " "
                    button type="submit" { (ctx.t("admin.bank_import")) }
                }
            }
            section.card {
                h2 { (ctx.t("admin.bank_exceptions")) " " span.badge { (exceptions.len()) } }
                @if exceptions.is_empty() { p.empty { (ctx.t("admin.bank_no_exceptions")) } }
                @else {
                    table {
                        tbody {
                            @for t in exceptions {
                                tr {
                                    (row(t))
                                    td {
                                        form method="post" action=(format!("/admin/bank/{}/assign", t.id)) {
                                            (crate::layout::csrf_field(ctx))
                                            label for=(format!("org-{}", t.id)) { (ctx.t("admin.bank_org")) }
                                            input id=(format!("org-{}", t.id)) name="org" type="text" required;
                                            label for=(format!("note-{}", t.id)) { (ctx.t("admin.bank_note")) }
                                            input id=(format!("note-{}", t.id)) name="note" type="text" required;
                                            button type="submit" { (ctx.t("admin.bank_assign")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section.card {
                h2 { (ctx.t("admin.bank_credited")) }
                @if credited.is_empty() { p.empty { (ctx.t("admin.bank_none_credited")) } }
                @else { table { tbody { @for t in credited { tr { (row(t)) } } } } }
            }
            section.card #set-aside {
                h2 { (ctx.t("admin.bank_set_aside")) " " span.badge { (queue.set_aside.len()) } }
                p.muted { (ctx.t("admin.bank_set_aside_help")) }
                @if !queue.set_aside.is_empty() {
                    table { tbody { @for t in &queue.set_aside { tr { (row(t)) } } } }
                }
            }
            section.card #awaiting-details {
                h2 { (ctx.t("admin.bank_awaiting_details")) " " span.badge { (queue.awaiting_details.len()) } }
                p.muted { (ctx.t("admin.bank_awaiting_details_help")) }
                @if !queue.awaiting_details.is_empty() {
                    table { tbody { @for t in &queue.awaiting_details { tr {
                        (row(t))
                        td { code { (t.details_ref.as_deref().unwrap_or("")) } }
                    } } } }
                }
            }
        },
    )
}

/// The statement upload (multipart): the form's CSRF token is checked like any other form's.
pub async fn bank_import(
    s: Signed,
    mut multipart: axum::extract::Multipart,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let (mut csrf, mut file): (Option<String>, Option<(String, Vec<u8>)>) = (None, None);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.ok(),
            Some("file") => {
                let name = field.file_name().unwrap_or("statement.xml").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::invalid("file", "form.unreadable"))?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    if csrf.as_deref() != Some(s.ctx.csrf()) {
        return Err(AppError::Forbidden("csrf.invalid").into());
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Err(AppError::invalid("file", "admin.bank_no_file").into());
    };
    match s
        .ctx
        .state
        .app
        .import_camt(&name, &bytes, Some(s.sess.user.id))
        .await
    {
        Ok(r) => {
            let done = if r.exceptions > 0 {
                "admin.bank_imported_with_exceptions"
            } else {
                "admin.bank_imported"
            };
            Ok(axum::response::Redirect::to(&format!("/admin/bank?done={done}")).into_response())
        }
        Err(AppError::Unreadable(msg)) => {
            let queue = s.ctx.state.app.bank_queue(&s.sess).await?;
            let page = bank_page(&s, &queue, None, Some(&msg));
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct AssignForm {
    org: String,
    note: String,
}

pub async fn bank_assign(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<AssignForm>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let org = f
        .org
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("org", "bank.org_unknown"))?;
    s.ctx
        .state
        .app
        .assign_bank_transaction(&s.sess, &id, org, &f.note)
        .await?;
    Ok(axum::response::Redirect::to("/admin/bank?done=admin.bank_assigned").into_response())
}
