//! REM-01/04 in the back office: statement upload and the payments that need an operator.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::admin_page;
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
    Ok(bank_page(&s, &queue, q.done.as_deref(), None, None))
}

/// What the bank file said about a payment, for the operator: the payer and on whose behalf, the
/// reference and the payer's messages, the charges (issue #15: instead of "—").
fn transaction_cells(ctx: &crate::ctx::Ctx, t: &guichet_app::views::BankTransaction) -> Markup {
    use guichet_core::i18n::tf;
    let money = |minor: i64| {
        format!(
            "{} {}",
            guichet_core::money::format_minor(minor),
            t.amount.currency
        )
    };
    let said = t.reference.is_some() || t.message.is_some() || t.additional_remittance.is_some();
    html! {
        td { (t.booking_date.map(|d| d.iso()).unwrap_or_else(|| "—".to_owned())) }
        td.num { (money(t.amount.minor)) }
        td {
            (t.debtor_name.as_deref().unwrap_or("—"))
            @if let Some(u) = &t.ultimate_debtor { br; span.ultimate-debtor { (tf(ctx.lang, "bank.ultimate_debtor", &[("name", u)])) } }
            br; span.muted { (t.debtor_iban.as_deref().unwrap_or("")) }
        }
        td {
            @if !said { "—" }
            @if let Some(r) = &t.reference { code { (r) } br; }
            @if let Some(m) = &t.message { span.message { (m) } br; }
            @if let Some(a) = &t.additional_remittance { span.message { (tf(ctx.lang, "bank.additional_remittance", &[("text", a)])) } }
            @if let Some(c) = &t.charges {
                @if c.included.minor > 0 { br; span.charges { (tf(ctx.lang, "bank.charges_included", &[("amount", &money(c.included.minor))])) } }
                @if c.debited.minor > 0 { br; span.charges { (tf(ctx.lang, "bank.charges_debited", &[("amount", &money(c.debited.minor))])) } }
            }
        }
        td.muted { (t.note.as_deref().unwrap_or("")) }
    }
}

/// The column headings of a bank transaction table (the last column is the table's own).
fn transaction_head(ctx: &crate::ctx::Ctx, extra: bool) -> Markup {
    html! {
        thead { tr {
            th { (ctx.t("bank.col_date")) }
            th.num { (ctx.t("bank.col_amount")) }
            th { (ctx.t("bank.col_payer")) }
            th { (ctx.t("bank.col_reference")) }
            th { (ctx.t("bank.col_note")) }
            @if extra { th {} }
        } }
    }
}

/// What an import did, said on the page right after it: the counts, and which payouts the
/// bank's debits completed.
fn import_summary(
    ctx: &crate::ctx::Ctx,
    file: &str,
    r: &guichet_app::bank_import::ImportReport,
) -> Markup {
    use guichet_core::i18n::tf;
    let n = |v: usize| v.to_string();
    html! {
        section.card #import-summary role="status" {
            h2 { (ctx.t("bank.import_summary_title")) }
            p { (tf(ctx.lang, "bank.import_summary", &[
                ("file", file),
                ("payments", &n(r.payments)),
                ("credited", &n(r.credited)),
                ("duplicates", &n(r.duplicates)),
                ("exceptions", &n(r.exceptions)),
                ("ignored", &n(r.ignored)),
                ("payouts", &n(r.payouts)),
            ])) }
            @if !r.completed_payouts.is_empty() {
                h3 { (ctx.t("bank.payouts_completed")) }
                ul #payouts-completed {
                    @for p in &r.completed_payouts {
                        li { (tf(ctx.lang, "bank.payout_completed", &[
                            ("amount", &p.amount.to_string()),
                            ("holder", &p.holder),
                            ("org", &p.org_name),
                            ("id", &p.withdrawal_id.to_string()),
                        ])) }
                    }
                }
            }
        }
    }
}

fn bank_page(
    s: &Signed,
    queue: &guichet_app::bank_import::BankQueue,
    done: Option<&str>,
    error: Option<&str>,
    imported: Option<Markup>,
) -> Markup {
    let ctx = &s.ctx;
    let (exceptions, credited) = (&queue.exceptions, &queue.credited);
    let row = |t: &guichet_app::views::BankTransaction| transaction_cells(ctx, t);
    admin_page(
        ctx,
        ctx.t("admin.bank"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.bank")) }
            (crate::pages::done::done_notice(ctx, &crate::pages::done::Done { done: done.map(str::to_string) }))
            @if let Some(e) = error { p.error role="alert" { (e) } }
            @if let Some(summary) = imported { (summary) }
            section.card {
                h2 { (ctx.t("admin.bank_upload")) }
                form method="post" action="/admin/bank/import" enctype="multipart/form-data" {
                    (crate::layout::csrf_field(ctx))
                    div.field {
                        label for="f-camt" { (ctx.t("admin.bank_file")) }
                        input #f-camt type="file" name="file" accept=".xml,application/xml,text/xml" required;
                    }
                    button type="submit" { (ctx.t("admin.bank_import")) }
                }
            }
            section.card {
                h2 { (ctx.t("admin.bank_exceptions")) " " span.badge { (exceptions.len()) } }
                @if exceptions.is_empty() { p.empty { (ctx.t("admin.bank_no_exceptions")) } }
                @else {
                    div.table-wrap tabindex="0" { table {
                        (transaction_head(ctx, true))
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
                    } }
                }
            }
            section.card {
                h2 { (ctx.t("admin.bank_credited")) }
                @if credited.is_empty() { p.empty { (ctx.t("admin.bank_none_credited")) } }
                @else { div.table-wrap tabindex="0" { table { (transaction_head(ctx, false)) tbody { @for t in credited { tr { (row(t)) } } } } } }
            }
            section.card #set-aside {
                h2 { (ctx.t("admin.bank_set_aside")) " " span.badge { (queue.set_aside.len()) } }
                p.muted { (ctx.t("admin.bank_set_aside_help")) }
                @if !queue.set_aside.is_empty() {
                    div.table-wrap tabindex="0" { table { (transaction_head(ctx, false)) tbody { @for t in &queue.set_aside { tr { (row(t)) } } } } }
                }
            }
            section.card #awaiting-details {
                h2 { (ctx.t("admin.bank_awaiting_details")) " " span.badge { (queue.awaiting_details.len()) } }
                p.muted { (ctx.t("admin.bank_awaiting_details_help")) }
                @if !queue.awaiting_details.is_empty() {
                    div.table-wrap tabindex="0" { table { (transaction_head(ctx, true)) tbody { @for t in &queue.awaiting_details { tr {
                        (row(t))
                        td { code { (t.details_ref.as_deref().unwrap_or("")) } }
                    } } } } }
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
            // The page itself, with what the import did (which payouts were completed, too).
            let done = if r.exceptions > 0 {
                "admin.bank_imported_with_exceptions"
            } else {
                "admin.bank_imported"
            };
            let queue = s.ctx.state.app.bank_queue(&s.sess).await?;
            let summary = import_summary(&s.ctx, &name, &r);
            Ok(bank_page(&s, &queue, Some(done), None, Some(summary)).into_response())
        }
        Err(AppError::Unreadable(msg)) => {
            let queue = s.ctx.state.app.bank_queue(&s.sess).await?;
            let page = bank_page(&s, &queue, None, Some(&msg), None);
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
