//! PP-04 in the back office: withdrawals to decide, set-aside payouts to reject.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{admin_page, date};
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

/// PP-04: the withdrawals waiting for an operator, and those approved and awaiting the payout file.
pub async fn withdrawals(
    s: Signed,
    Query(q): Query<crate::pages::done::Done>,
) -> Result<Markup, WebError> {
    let (pending, approved) = s.ctx.state.app.admin_withdrawals(&s.sess).await?;
    let files = s.ctx.state.app.admin_payout_files(&s.sess).await?;
    let set_aside = s.ctx.state.app.admin_set_aside_payouts(&s.sess).await?;
    let ctx = &s.ctx;
    let is_set_aside =
        |id: guichet_core::WithdrawalId| set_aside.iter().any(|a| a.withdrawal.id == id);
    let row = |w: &guichet_app::views::Withdrawal| {
        html! {
            td { (date(ctx, w.created_at)) }
            td { (w.org_name) }
            td { (w.holder) br; span.muted { (w.method) " " (w.destination) } }
            td.num { (guichet_core::Money::new(w.amount.minor, w.currency)) }
        }
    };
    Ok(admin_page(
        ctx,
        ctx.t("admin.withdrawals"),
        html! {
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            h1 { (ctx.t("admin.withdrawals")) }
            (crate::pages::done::done_notice(ctx, &q))
            div.card {
                @if pending.is_empty() {
                    p.empty { (ctx.t("admin.none_pending")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
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
                    } }
                }
            }
            div.card {
                h2 { (ctx.t("admin.withdrawals_approved")) }
                @if approved.is_empty() {
                    p.empty { (ctx.t("admin.none_pending")) }
                } @else {
                    div.table-wrap tabindex="0" { table { tbody { @for w in &approved { tr {
                        (row(w))
                        td { @if is_set_aside(w.id) { span.badge { (ctx.t("payout_aside.badge")) } } }
                    } } } } }
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
                        li { a href=(format!("/admin/payouts/{id}/file")) { (msg) ".xml" } " — " (n) " · " (date(ctx, *at)) }
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
            div.table-wrap tabindex="0" { table {
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
                            "account" => "payout_aside.field.account",
                            _ => "payout_aside.field.other",
                        };
                        tr {
                            td { (date(ctx, w.created_at)) br; (w.holder) br; span.muted { (ctx.t(&format!("withdrawal.method.{}", w.method))) " " (w.destination) } br; code.muted { (w.id) } }
                            td { (w.org_name) }
                            td.num { (guichet_core::Money::new(w.amount.minor, w.currency)) }
                            td {
                                strong { (ctx.t(field)) } ": "
                                @match &a.problem.refused_char {
                                    _ if a.problem.field == "account" => {
                                        @let currency = w.currency.code();
                                        (tf(ctx.lang, "payout_aside.no_account", &[("currency", currency), ("setting", &format!("GUICHET_PAYOUT_IBAN_{currency}"))]))
                                    }
                                    Some(c) => {
                                        @let shown = c.chars().next().map(guichet_core::sps_text::describe).unwrap_or_default();
                                        (tf(ctx.lang, "payout_aside.char", &[("char", &shown)]))
                                    }
                                    None => { (ctx.t("payout_aside.unwritable")) " " code { (a.problem.reason) } }
                                }
                                br;
                                span.muted { (tf(ctx.lang, "payout_aside.since", &[("date", &date(ctx, a.problem.first_seen_at))])) }
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
            } }
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
    let id: guichet_core::WithdrawalId = guichet_app::error::parse_id(&id)?;
    use axum::response::IntoResponse;
    s.ctx
        .state
        .app
        .admin_reject_set_aside(&s.sess, id, f.reason.as_deref().unwrap_or(""))
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
    let id: guichet_core::WithdrawalId = guichet_app::error::parse_id(&id)?;
    use axum::response::IntoResponse;
    let approve = match f.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::invalid("decision", "field.choice").into()),
    };
    s.ctx
        .state
        .app
        .admin_decide_withdrawal(&s.sess, id, approve, f.reason.as_deref().unwrap_or(""))
        .await?;
    Ok(axum::response::Redirect::to("/admin/withdrawals?done=admin.decided").into_response())
}
