//! The back office for operators: customers and look-up by support code. Not an operator: 404.
//! One area a file: customers (here), withdrawals, payouts, bank, invoices, catalogue, kb, support,
//! webhooks.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{admin_page, date};
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
mod tickets;
mod webhooks;
mod withdrawals;

pub use bank::*;
pub use catalogue::*;
pub use invoices::*;
pub use kb::*;
pub use kb_import::*;
pub use payouts::*;
pub use support::*;
pub use tickets::tickets_routes;
pub use webhooks::*;
pub use withdrawals::*;

#[derive(Deserialize, Default)]
pub struct AdminQuery {
    q: Option<String>,
    /// `last` for the oldest customers.
    page: Option<String>,
    /// A cursor: the customers created before it.
    after: Option<String>,
    /// A cursor: the customers created after it.
    before: Option<String>,
    code: Option<String>,
}

pub async fn customers(s: Signed, Query(q): Query<AdminQuery>) -> Result<Markup, WebError> {
    if !s.sess.user.is_operator {
        return Err(AppError::NotFound.into());
    }
    let app = &s.ctx.state.app;
    let ctx = &s.ctx;
    let at = guichet_app::pager::At::from_query(
        q.after.as_deref(),
        q.before.as_deref(),
        q.page.as_deref(),
    );
    let list = app.admin_customers(&s.sess, q.q.as_deref(), &at).await?;
    let found = match q.code.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(code) => Some(app.admin_find_by_support_code(&s.sess, code).await?),
        None => None,
    };
    let search = q.q.clone().unwrap_or_default();
    let links = list.pager.links(&crate::pager::base(
        "/admin",
        &[("q", Some(search.as_str()))],
    ));
    Ok(admin_page(
        ctx,
        ctx.t("admin.title"),
        html! {
            h1 { (ctx.t("admin.title")) }
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
                h2 { (ctx.t("admin.customers")) }
                form.inline method="get" action="/admin" {
                    div.field { label for="f-q" { (ctx.t("admin.search")) } input id="f-q" name="q" value=(search); }
                    button type="submit" { (ctx.t("admin.find")) }
                }
                @if list.orgs.is_empty() {
                    p.empty { (ctx.t("admin.no_customers")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("org.name_label")) } th { (ctx.t("org.address")) } th { (ctx.t("org.currency")) } th { (ctx.t("members.title")) } th { (ctx.t("org.created")) } } }
                        tbody {
                            @for (o, members) in &list.orgs {
                                tr { td { (o.name) br; code.muted { (o.id) } } td { (o.postcode) " " (o.city) " " (o.country) } td { (o.currency) } td { (members) } td { (date(ctx, o.created_at)) } }
                            }
                        }
                    } }
                    (crate::pager::pager(ctx, &links))
                }
            }
        },
    ))
}
