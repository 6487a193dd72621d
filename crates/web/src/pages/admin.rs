//! The back office for operators: customers and look-up by support code. Not an operator: 404.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{date, public_page};
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct AdminQuery {
    q: Option<String>,
    page: Option<i64>,
    code: Option<String>,
}

pub async fn customers(s: Signed, Query(q): Query<AdminQuery>) -> Result<Markup, WebError> {
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let app = &s.ctx.state.app;
    let ctx = &s.ctx;
    let list = app
        .admin_customers(&s.sess, q.q.as_deref(), q.page.unwrap_or(1))
        .await?;
    let found = match q.code.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(code) => Some(app.admin_find_by_support_code(&s.sess, code).await?),
        None => None,
    };
    let search = q.q.clone().unwrap_or_default();
    let link = |page: i64| {
        format!(
            "/admin?q={}&page={page}",
            serde_urlencoded::to_string([("", &search)])
                .unwrap_or_default()
                .trim_start_matches('=')
        )
    };
    Ok(public_page(
        ctx,
        ctx.t("admin.title"),
        html! {
            h1 { (ctx.t("admin.title")) }
            p { a href="/admin/withdrawals" { (ctx.t("admin.withdrawals")) } " · " a href="/admin/invoices" { (ctx.t("admin.invoices")) } " · " a href="/admin/catalogue" { (ctx.t("admin.catalogue")) } " · " a href="/admin/bank" { (ctx.t("admin.bank")) } " · " a href="/admin/kb" { (ctx.t("admin.kb")) } " · " a href="/admin/support" { (ctx.t("admin.support")) } }
            div.card {
                h2 { (ctx.t("admin.support_lookup")) }
                form.inline method="get" action="/admin" {
                    div.field { label for="f-code" { (ctx.t("profile.support_code")) } input id="f-code" name="code" inputmode="numeric" value=(q.code.clone().unwrap_or_default()); }
                    button type="submit" { (ctx.t("admin.find")) }
                }
                @if let Some(result) = &found {
                    @match result {
                        Some((name, email)) => p.notice { (name) " — " (email) },
                        None => p.error { (ctx.t("admin.code_unknown")) },
                    }
                }
            }
            div.card {
                h2 { (ctx.t("admin.customers")) " " span.badge { (list.total) } }
                form.inline method="get" action="/admin" {
                    div.field { label for="f-q" { (ctx.t("admin.search")) } input id="f-q" name="q" value=(search); }
                    button type="submit" { (ctx.t("admin.find")) }
                }
                @if list.orgs.is_empty() {
                    p.empty { (ctx.t("admin.no_customers")) }
                } @else {
                    table {
                        thead { tr { th { (ctx.t("org.name_label")) } th { (ctx.t("org.address")) } th { (ctx.t("org.currency")) } th { (ctx.t("members.title")) } th { (ctx.t("org.created")) } } }
                        tbody {
                            @for (o, members) in &list.orgs {
                                tr { td { (o.name) br; code.muted { (o.id) } } td { (o.postcode) " " (o.city) " " (o.country) } td { (o.currency) } td { (members) } td { (date(o.created_at)) } }
                            }
                        }
                    }
                    div.pager {
                        @if list.page > 1 { a href=(link(list.page - 1)) { "← " (ctx.t("pager.previous")) } }
                        span { (guichet_core::i18n::tf(ctx.lang, "pager.page_of", &[("page", &list.page.to_string()), ("pages", &list.pages.to_string())])) }
                        @if list.page < list.pages { a href=(link(list.page + 1)) { (ctx.t("pager.next")) " →" } }
                    }
                }
            }
        },
    ))
}

/// PP-04: the withdrawals waiting for an operator, and those approved and awaiting the payout file.
pub async fn withdrawals(
    s: Signed,
    Query(q): Query<crate::pages::org::Done>,
) -> Result<Markup, WebError> {
    let (pending, approved) = s.ctx.state.app.admin_withdrawals(&s.sess).await?;
    let files = s.ctx.state.app.admin_payout_files(&s.sess).await?;
    let set_aside = s.ctx.state.app.admin_set_aside_payouts(&s.sess).await?;
    let ctx = &s.ctx;
    let is_set_aside = |id: &str| set_aside.iter().any(|a| a.withdrawal.id == id);
    let row = |w: &guichet_store::withdrawals::Withdrawal| {
        html! {
            td { (date(w.created_at)) }
            td { (w.org_name) }
            td { (w.holder) br; span.muted { (w.method) " " (w.destination) } }
            td.num { (guichet_core::Money::new(w.amount, w.currency)) }
        }
    };
    Ok(public_page(
        ctx,
        ctx.t("admin.withdrawals"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.withdrawals")) }
            (crate::pages::org::done_notice(ctx, &q))
            div.card {
                @if pending.is_empty() {
                    p.empty { (ctx.t("admin.none_pending")) }
                } @else {
                    table {
                        tbody {
                            @for w in &pending {
                                tr {
                                    (row(w))
                                    td {
                                        form method="post" action=(format!("/admin/withdrawals/{}/decide", w.id)) {
                                            (crate::layout::csrf_field(ctx))
                                            button type="submit" name="decision" value="approve" { (ctx.t("admin.approve")) }
                                            label for=(format!("r-{}", w.id)) { (ctx.t("admin.reason_label")) }
                                            input id=(format!("r-{}", w.id)) name="reason" type="text";
                                            button.danger type="submit" name="decision" value="reject" { (ctx.t("admin.reject")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("admin.withdrawals_approved")) }
                @if approved.is_empty() {
                    p.empty { (ctx.t("admin.none_pending")) }
                } @else {
                    table { tbody { @for w in &approved { tr {
                        (row(w))
                        td { @if is_set_aside(&w.id) { span.badge { (ctx.t("payout_aside.badge")) } } }
                    } } } }
                    form method="post" action="/admin/payouts" {
                        (crate::layout::csrf_field(ctx))
                        button type="submit" { (ctx.t("admin.payouts_write")) }
                    }
                }
            }
            @if !set_aside.is_empty() {
                (set_aside_card(ctx, &set_aside))
            }
            div.card {
                h2 { (ctx.t("admin.payout_files")) }
                @if files.is_empty() { p.empty { (ctx.t("admin.bank_none_credited")) } }
                @else {
                    ul { @for (id, msg, n, at) in &files {
                        li { a href=(format!("/admin/payouts/{id}/file")) { (msg) ".xml" } " — " (n) " · " (date(*at)) }
                    } }
                }
            }
        },
    ))
}

/// Issue #11, item 6: the approved withdrawals the payout run could not write, with why and what
/// the operator can do (reject: the amount goes back to the prepaid balance).
fn set_aside_card(ctx: &crate::ctx::Ctx, list: &[guichet_app::payouts::SetAside]) -> Markup {
    use guichet_core::i18n::tf;
    html! {
        div.card id="set-aside" {
            h2 { (ctx.t("payout_aside.title")) " " span.badge { (list.len()) } }
            p { (ctx.t("payout_aside.help")) }
            table {
                thead { tr {
                    th { (ctx.t("payout_aside.withdrawal")) }
                    th { (ctx.t("payout_aside.org")) }
                    th.num { (ctx.t("payout_aside.amount")) }
                    th { (ctx.t("payout_aside.reason")) }
                    th { (ctx.t("payout_aside.action")) }
                } }
                tbody {
                    @for a in list {
                        @let w = &a.withdrawal;
                        @let field = match a.problem.field.as_str() {
                            "holder" => "payout_aside.field.holder",
                            "address" => "payout_aside.field.address",
                            "iban" => "payout_aside.field.iban",
                            _ => "payout_aside.field.other",
                        };
                        tr {
                            td { (date(w.created_at)) br; (w.holder) br; span.muted { (ctx.t(&format!("withdrawal.method.{}", w.method))) " " (w.destination) } br; code.muted { (w.id) } }
                            td { (w.org_name) }
                            td.num { (guichet_core::Money::new(w.amount, w.currency)) }
                            td {
                                strong { (ctx.t(field)) } ": "
                                @match &a.problem.refused_char {
                                    Some(c) => {
                                        @let shown = c.chars().next().map(guichet_core::sps_text::describe).unwrap_or_default();
                                        (tf(ctx.lang, "payout_aside.char", &[("char", &shown)]))
                                    }
                                    None => { (ctx.t("payout_aside.unwritable")) " " code { (a.problem.reason) } }
                                }
                                br;
                                span.muted { (tf(ctx.lang, "payout_aside.since", &[("date", &date(a.problem.first_seen_at))])) }
                            }
                            td {
                                form method="post" action=(format!("/admin/payouts/set-aside/{}/reject", w.id)) {
                                    (crate::layout::csrf_field(ctx))
                                    label for=(format!("sa-{}", w.id)) { (ctx.t("admin.reason_label")) }
                                    input id=(format!("sa-{}", w.id)) name="reason" type="text" required;
                                    button.danger type="submit" { (ctx.t("payout_aside.reject")) }
                                }
                                @if a.problem.field == "address" {
                                    p.muted { (ctx.t("payout_aside.fix_address")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct RejectSetAsideForm {
    reason: Option<String>,
}

/// Rejects a set-aside withdrawal: its amount goes back to the Organization's prepaid balance.
pub async fn reject_set_aside(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<RejectSetAsideForm>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    s.ctx
        .state
        .app
        .admin_reject_set_aside(&s.sess, &id, f.reason.as_deref().unwrap_or(""))
        .await?;
    Ok(
        axum::response::Redirect::to("/admin/withdrawals?done=payout_aside.rejected")
            .into_response(),
    )
}

#[derive(Deserialize)]
pub struct DecisionForm {
    decision: String,
    reason: Option<String>,
}

pub async fn decide_withdrawal(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<DecisionForm>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let approve = match f.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::invalid("decision", "field.choice").into()),
    };
    s.ctx
        .state
        .app
        .admin_decide_withdrawal(&s.sess, &id, approve, f.reason.as_deref().unwrap_or(""))
        .await?;
    Ok(axum::response::Redirect::to("/admin/withdrawals?done=admin.decided").into_response())
}

/// KB-04: the guides as operators edit them.
pub async fn kb_list(
    s: Signed,
    Query(q): Query<crate::pages::org::Done>,
) -> Result<Markup, WebError> {
    let guides = s.ctx.state.app.kb_admin_list(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(public_page(
        ctx,
        ctx.t("admin.kb"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.kb")) }
            (crate::pages::org::done_notice(ctx, &q))
            p { a.button href="/admin/kb/new" { (ctx.t("admin.kb_new")) } " " a href="/admin/kb/report" { (ctx.t("admin.kb_report")) } }
            table {
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
                            td { (date(g.updated_at)) }
                        }
                    }
                }
            }
        },
    ))
}

fn kb_editor(
    s: &Signed,
    id: Option<&str>,
    content: &str,
    error: Option<&str>,
    versions: &[guichet_store::kb::Version],
) -> Markup {
    let ctx = &s.ctx;
    let action = id.map_or("/admin/kb/new".to_string(), |id| format!("/admin/kb/{id}"));
    public_page(
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
                    table {
                        tbody {
                            @for v in versions {
                                tr {
                                    td { "v" (v.version) }
                                    td { (date(v.saved_at)) }
                                    td { @if v.published { (ctx.t("admin.kb_published")) } @else { (ctx.t("admin.kb_draft")) } }
                                    td { details { summary { (ctx.t("admin.kb_show")) } pre { (v.content) } } }
                                }
                            }
                        }
                    }
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
    Ok(public_page(
        ctx,
        ctx.t("admin.kb_report"),
        html! {
            p { a href="/admin/kb" { "← " (ctx.t("admin.kb")) } }
            h1 { (ctx.t("admin.kb_report")) }
            section.card {
                h2 { (ctx.t("admin.kb_empty_searches")) }
                @if empty.is_empty() { p.empty { (ctx.t("admin.kb_no_empty")) } }
                @else {
                    table {
                        thead { tr { th { (ctx.t("admin.kb_query")) } th { (ctx.t("lang.label")) } th.num { (ctx.t("admin.kb_count")) } th { (ctx.t("admin.kb_last")) } } }
                        tbody { @for (q, l, n, at) in &empty { tr { td { (q) } td { (l) } td.num { (n) } td { (date(*at)) } } } }
                    }
                }
            }
            section.card {
                h2 { (ctx.t("admin.kb_feedback")) }
                @if feedback.is_empty() { p.empty { (ctx.t("admin.kb_no_feedback")) } }
                @else {
                    table {
                        thead { tr { th { "guide" } th.num { (ctx.t("help.yes")) } th.num { (ctx.t("help.no")) } } }
                        tbody { @for (g, yes, no) in &feedback { tr { td { a href=(format!("/help/{g}?stay=1")) { (g) } } td.num { (yes) } td.num { (no) } } } }
                    }
                }
            }
        },
    ))
}

/// REM-01/04: statement upload, the payments that need an operator, the latest credited ones.
pub async fn bank(s: Signed, Query(q): Query<crate::pages::org::Done>) -> Result<Markup, WebError> {
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
    let row = |t: &guichet_store::bank_transactions::BankTransaction| {
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
            (crate::pages::org::done_notice(ctx, &crate::pages::org::Done { done: done.map(str::to_string) }))
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

/// PP-04: writes the payout file of the approved withdrawals.
pub async fn write_payouts(
    s: Signed,
    crate::csrf::CsrfForm(_): crate::csrf::CsrfForm<crate::pages::auth::Empty>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let run = s.ctx.state.app.admin_export_payouts(&s.sess).await?;
    let done = match (&run.file, run.set_aside.is_empty()) {
        (Some(_), true) => "admin.payouts_written",
        (Some(_), false) => "payout_aside.written_some",
        (None, true) => "admin.payouts_none",
        (None, false) => "payout_aside.none_written",
    };
    Ok(axum::response::Redirect::to(&format!("/admin/withdrawals?done={done}")).into_response())
}

/// Downloads a payout file, to upload to the bank.
pub async fn payout_file(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let (message_id, xml) = s.ctx.state.app.admin_payout_file(&s.sess, &id).await?;
    let disposition = format!("attachment; filename=\"{message_id}.xml\"");
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_string(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        xml,
    )
        .into_response())
}

/// SUP-03: the Organizations that let support in right now; an operator opens one (read-only for
/// money, everything logged in its activity log). Without a live grant there is nothing to open.
pub async fn support_grants(s: Signed) -> Result<Markup, WebError> {
    let app = &s.ctx.state.app;
    let grants = app.admin_support_grants(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(public_page(
        ctx,
        ctx.t("admin.support"),
        html! {
            h1 { (ctx.t("admin.support")) }
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            p.muted { (ctx.t("admin.support_help")) }
            @if grants.is_empty() {
                p.empty { (ctx.t("admin.support_none")) }
            } @else {
                table {
                    thead { tr { th { (ctx.t("field.name_label")) } th { (ctx.t("support.scope")) } th { (ctx.t("support.expires_at")) } th {} } }
                    tbody {
                        @for (g, name) in &grants {
                            tr {
                                td { (name) }
                                td { @if g.whole_org { (ctx.t("support.scope_all")) } @else { (g.products.len()) " " (ctx.t("nav.products")) } }
                                td { (date(g.expires_at)) }
                                td {
                                    form method="post" action=(format!("/admin/support/{}/enter", g.org_id)) {
                                        (crate::layout::csrf_field(ctx))
                                        button type="submit" { (ctx.t("admin.support_open")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    ))
}

pub async fn support_enter(
    s: Signed,
    axum::extract::Path(org): axum::extract::Path<String>,
    crate::csrf::CsrfForm(_): crate::csrf::CsrfForm<crate::pages::auth::Empty>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let org: guichet_core::OrgId = org.parse().map_err(|_| AppError::NotFound)?;
    s.ctx
        .state
        .app
        .admin_enter_org(&s.sess, org, &s.ctx.origin)
        .await?;
    Ok(axum::response::Redirect::to("/").into_response())
}

#[derive(Deserialize, Default)]
pub struct InvoiceLookup {
    number: Option<String>,
    done: Option<String>,
    error: Option<String>,
}

/// The back office's invoice look-up by number, with its credit notes and the refund form (INV-02).
pub async fn invoices(s: Signed, Query(q): Query<InvoiceLookup>) -> Result<Markup, WebError> {
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let ctx = &s.ctx;
    let number = q.number.clone().unwrap_or_default();
    let found = s.ctx.state.app.admin_invoice(&s.sess, &number).await?;
    let known = |k: &Option<String>| {
        k.as_deref()
            .filter(|k| guichet_core::i18n::is_known(k))
            .map(str::to_owned)
    };
    let (done, error) = (known(&q.done), known(&q.error));
    let key = guichet_app::crypto::random_token();
    Ok(public_page(
        ctx,
        ctx.t("admin.invoices"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.invoices")) }
            @if let Some(k) = &done { (crate::layout::notice(ctx.t(k))) }
            @if let Some(k) = &error { p.error role="alert" { (ctx.t(k)) } }
            form.inline method="get" action="/admin/invoices" {
                label for="number" { (ctx.t("admin.invoice_number")) }
                input id="number" name="number" type="text" value=(number) placeholder="2026-0000042";
                button type="submit" { (ctx.t("admin.find")) }
            }
            @if !number.trim().is_empty() && found.is_none() {
                p.empty { (ctx.t("admin.invoice_not_found")) }
            }
            @if let Some(f) = &found {
                @let inv = &f.invoice;
                @let left = inv.gross - inv.refunded;
                div.card {
                    h2 { (inv.number) " — " (f.org_name) }
                    p { span.badge { (ctx.t(&format!("invoice.status.{}", inv.status))) } " · " (date(inv.issued_at)) }
                    table {
                        tbody {
                            @for l in &f.lines { tr { td { (l.description) } td.num { (guichet_core::Money::new(l.gross, inv.currency)) } } }
                            tr { th { (ctx.t("invoice.total")) } th.num { (guichet_core::Money::new(inv.gross, inv.currency)) } }
                            tr { td { (ctx.t("admin.refunded_so_far")) } td.num { (guichet_core::Money::new(inv.refunded, inv.currency)) } }
                        }
                    }
                    @if !f.credit_notes.is_empty() {
                        h3 { (ctx.t("credit_note.title")) }
                        ul { @for n in &f.credit_notes {
                            li { (n.number) " · " (date(n.issued_at)) " · " (guichet_core::Money::new(n.gross, n.currency)) " · " (n.reason) }
                        } }
                    }
                }
                @if inv.status.is_refundable() && left > 0 {
                    div.card {
                        h2 { (ctx.t("admin.refund_title")) }
                        p.muted { (ctx.t("admin.refund_help")) }
                        form method="post" action="/admin/invoices/refund" {
                            (crate::layout::csrf_field(ctx))
                            input type="hidden" name="number" value=(inv.number);
                            input type="hidden" name="idempotency_key" value=(key);
                            label for="amount" { (ctx.t("admin.refund_amount")) " (" (inv.currency) ")" }
                            input id="amount" name="amount" type="text" inputmode="decimal" required
                                value=(guichet_core::money::format_minor(left));
                            label for="reason" { (ctx.t("credit_note.reason")) }
                            input id="reason" name="reason" type="text" maxlength="200" required;
                            label { input type="checkbox" name="confirm" value="yes" required; " " (ctx.t("admin.refund_confirm")) }
                            button.danger type="submit" { (ctx.t("admin.refund_button")) }
                        }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct RefundForm {
    number: String,
    amount: String,
    reason: String,
    confirm: Option<String>,
    idempotency_key: String,
}

/// Refunds part or all of a paid invoice with a credit note; errors come back on the page.
pub async fn refund(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<RefundForm>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::{IntoResponse, Redirect};
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let back = |k: &str, what: &str| {
        let q = serde_urlencoded::to_string([("number", f.number.as_str()), (what, k)])
            .unwrap_or_default();
        Redirect::to(&format!("/admin/invoices?{q}")).into_response()
    };
    if f.confirm.as_deref() != Some("yes") {
        return Ok(back("admin.refund_unconfirmed", "error"));
    }
    let amount =
        match guichet_core::money::parse_amount_text(&f.amount, guichet_core::money::Zero::Refused)
        {
            Ok(a) => a,
            Err(e) => return Ok(back(e.key(), "error")),
        };
    match s
        .ctx
        .state
        .app
        .admin_refund(&s.sess, &f.number, amount, &f.reason, &f.idempotency_key)
        .await
    {
        Ok(_) => Ok(back("admin.refunded", "done")),
        Err(AppError::Invalid(fields)) => Ok(back(
            fields.first().map(|e| e.key).unwrap_or("error.invalid"),
            "error",
        )),
        Err(AppError::Conflict(k)) => Ok(back(k, "error")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct CatalogueQuery {
    done: Option<String>,
    error: Option<String>,
}

/// The catalogue in the back office: offers, their prices in force and scheduled, and the forms
/// to add an offer, schedule a price and show or withdraw an offer.
pub async fn catalogue(s: Signed, Query(q): Query<CatalogueQuery>) -> Result<Markup, WebError> {
    use guichet_core::money::format_minor;
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let ctx = &s.ctx;
    let app = &s.ctx.state.app;
    let offers = app.admin_offers(&s.sess).await?;
    let now = app.now();
    let today = guichet_app::billing::today(now).iso();
    let known = |k: &Option<String>| {
        k.as_deref()
            .filter(|k| guichet_core::i18n::is_known(k))
            .map(str::to_owned)
    };
    let (done, error) = (known(&q.done), known(&q.error));
    Ok(public_page(
        ctx,
        ctx.t("admin.catalogue"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.catalogue")) }
            p.muted { (ctx.t("admin.catalogue_help")) }
            @if let Some(k) = &done { (crate::layout::notice(ctx.t(k))) }
            @if let Some(k) = &error { p.error role="alert" { (ctx.t(k)) } }
            @if offers.is_empty() { p.empty { (ctx.t("admin.catalogue_empty")) } }
            @for o in &offers {
                div.card id=(format!("offer-{}", o.id)) {
                    h2 { (o.name) " " span.muted { "(" (o.product_type.code()) ")" }
                        @if !o.active { " " span.badge { (ctx.t("admin.offer_withdrawn")) } } }
                    @if o.prices.is_empty() {
                        p.empty { (ctx.t("admin.no_price")) }
                    } @else {
                        table {
                            thead { tr { th { (ctx.t("product.period")) } th { (ctx.t("admin.currency")) } th.num { (ctx.t("admin.price_net")) } th { (ctx.t("admin.valid_from")) } th {} } }
                            tbody {
                                @for (i, p) in o.prices.iter().enumerate() {
                                    @let newer_in_force = o.prices[..i].iter().any(|r| r.months == p.months && r.currency == p.currency && r.valid_from <= now);
                                    @let state = if p.valid_from > now { "admin.price_scheduled" } else if newer_in_force { "admin.price_past" } else { "admin.price_current" };
                                    tr {
                                        td { (p.months) " " (ctx.t("product.months")) }
                                        td { (p.currency) }
                                        td.num { (format_minor(p.amount)) }
                                        td { (guichet_app::billing::today(p.valid_from).iso()) }
                                        td { span.badge { (ctx.t(state)) } }
                                    }
                                }
                            }
                        }
                    }
                    form.inline method="post" action=(format!("/admin/catalogue/{}/prices", o.id)) {
                        (crate::layout::csrf_field(ctx))
                        label { (ctx.t("product.period")) " "
                            select name="months" { @for m in guichet_core::period::PERIODS { option value=(m) { (m) } } } }
                        label { (ctx.t("admin.currency")) " "
                            select name="currency" { option value="CHF" { "CHF" } option value="EUR" { "EUR" } } }
                        label { (ctx.t("admin.price_net")) " " input name="amount" type="text" inputmode="decimal" required size="8"; }
                        label { (ctx.t("admin.valid_from")) " " input name="valid_from" type="date" required value=(today) min=(today); }
                        button type="submit" { (ctx.t("admin.set_price")) }
                    }
                    form.inline method="post" action=(format!("/admin/catalogue/{}/active", o.id)) {
                        (crate::layout::csrf_field(ctx))
                        @if o.active {
                            input type="hidden" name="active" value="no";
                            button.danger type="submit" { (ctx.t("admin.withdraw_offer")) }
                        } @else {
                            input type="hidden" name="active" value="yes";
                            button type="submit" { (ctx.t("admin.show_offer")) }
                        }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("admin.new_offer")) }
                form method="post" action="/admin/catalogue/offers" {
                    (crate::layout::csrf_field(ctx))
                    label for="product_type" { (ctx.t("admin.product_type")) }
                    select id="product_type" name="product_type" {
                        @for t in guichet_core::product::ProductType::ALL { option value=(t.code()) { (t.code()) } }
                    }
                    label for="offer_name" { (ctx.t("admin.offer_name")) }
                    input id="offer_name" name="name" type="text" maxlength="100" required;
                    button type="submit" { (ctx.t("admin.create_offer")) }
                }
            }
        },
    ))
}

fn catalogue_back(
    result: Result<&'static str, AppError>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::{IntoResponse, Redirect};
    let (what, key) = match result {
        Ok(k) => ("done", k),
        Err(AppError::Invalid(fields)) => (
            "error",
            fields.first().map(|e| e.key).unwrap_or("error.invalid"),
        ),
        Err(AppError::Conflict(k)) => ("error", k),
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/admin/catalogue?{what}={key}")).into_response())
}

#[derive(Deserialize)]
pub struct NewOfferForm {
    product_type: String,
    name: String,
}

pub async fn create_offer(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<NewOfferForm>,
) -> Result<axum::response::Response, WebError> {
    let r = s
        .ctx
        .state
        .app
        .admin_create_offer(&s.sess, &f.product_type, &f.name)
        .await;
    catalogue_back(r.map(|_| "admin.offer_created"))
}

#[derive(Deserialize)]
pub struct PriceForm {
    months: i64,
    currency: String,
    amount: String,
    valid_from: String,
}

pub async fn set_price(
    s: Signed,
    axum::extract::Path(offer): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<PriceForm>,
) -> Result<axum::response::Response, WebError> {
    let amount =
        match guichet_core::money::parse_amount_text(&f.amount, guichet_core::money::Zero::Allowed)
        {
            Ok(a) => a,
            Err(e) => return catalogue_back(Err(AppError::invalid("amount", e.key()))),
        };
    let input = guichet_app::catalogue::PriceInput {
        months: f.months,
        currency: f.currency,
        amount_minor: amount,
        valid_from: f.valid_from,
    };
    let r = s
        .ctx
        .state
        .app
        .admin_set_price(&s.sess, &offer, &input)
        .await;
    catalogue_back(r.map(|_| "admin.price_saved"))
}

#[derive(Deserialize)]
pub struct ActiveForm {
    active: String,
}

pub async fn set_offer_active(
    s: Signed,
    axum::extract::Path(offer): axum::extract::Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<ActiveForm>,
) -> Result<axum::response::Response, WebError> {
    let active = match f.active.as_str() {
        "yes" => true,
        "no" => false,
        _ => return catalogue_back(Err(AppError::invalid("active", "field.choice"))),
    };
    let r = s
        .ctx
        .state
        .app
        .admin_set_offer_active(&s.sess, &offer, active)
        .await;
    catalogue_back(r.map(|_| "admin.offer_saved"))
}
