//! The back office for operators: customers and look-up by support code. Not an operator: 404.
//! One area a file: customers (here), withdrawals, payouts, bank, invoices, catalogue, kb, support.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{date, public_page};
use axum::extract::Query;
use guichet_app::AppError;
use maud::{Markup, html};
use serde::Deserialize;

mod bank;
mod catalogue;
mod invoices;
mod kb;
mod kb_import;
mod payouts;
mod support;
mod withdrawals;

pub use bank::*;
pub use catalogue::*;
pub use invoices::*;
pub use kb::*;
pub use kb_import::*;
pub use payouts::*;
pub use support::*;
pub use withdrawals::*;

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
