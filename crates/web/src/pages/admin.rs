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
            p { a href="/admin/withdrawals" { (ctx.t("admin.withdrawals")) } }
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
                                tr { td { (o.name) } td { (o.postcode) " " (o.city) " " (o.country) } td { (o.currency) } td { (members) } td { (date(o.created_at)) } }
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
    let ctx = &s.ctx;
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
                    table { tbody { @for w in &approved { tr { (row(w)) } } } }
                }
            }
        },
    ))
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
