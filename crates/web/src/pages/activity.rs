//! The Organization's activity log (LR/Admin): who did what, when, from where; filtered by person,
//! kind of action and dates; newest first, a page at a time; exportable as CSV.

use crate::ctx::InOrg;
use crate::download::csv_bytes_response;
use crate::error::WebError;
use crate::layout::{Nav, date, manager};
use axum::extract::Query;
use axum::response::Response;
use guichet_app::activity::{ActivityFilter, describe, kind_key};
use maud::{Markup, html};

pub async fn page(o: InOrg, Query(f): Query<ActivityFilter>) -> Result<Markup, WebError> {
    let page = o.ctx.state.app.activity(&o.actor, &f).await?;
    let ctx = &o.ctx;
    let filters = [
        ("actor", f.actor.as_deref()),
        ("kind", f.kind.as_deref()),
        ("from", f.from.as_deref()),
        ("to", f.to.as_deref()),
    ];
    let links = page.pager.links(&crate::pager::base("/activity", &filters));
    let kind_label = |k: &str| {
        kind_key(k)
            .map(|key| ctx.t(key).to_string())
            .unwrap_or_else(|| k.to_string())
    };
    let mut kinds: Vec<(String, String)> = page
        .kinds
        .iter()
        .map(|k| (k.clone(), kind_label(k)))
        .collect();
    kinds.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(manager(
        &o,
        Nav::Activity,
        ctx.t("nav.activity"),
        html! {
            form.inline method="get" action="/activity" {
                div.field {
                    label for="f-actor" { (ctx.t("activity.who")) }
                    select id="f-actor" name="actor" {
                        option value="" { (ctx.t("activity.everyone")) }
                        @for (id, name, email) in &page.people {
                            option value=(id) selected[f.actor.as_deref() == Some(id.to_string().as_str())] { (name) " (" (email) ")" }
                        }
                    }
                }
                div.field {
                    label for="f-kind" { (ctx.t("activity.kind")) }
                    select id="f-kind" name="kind" {
                        option value="" { (ctx.t("activity.all_kinds")) }
                        @for (k, label) in &kinds {
                            option value=(k) selected[f.kind.as_deref() == Some(k.as_str())] { (label) }
                        }
                    }
                }
                div.field { label for="f-from" { (ctx.t("invoice.from")) } input id="f-from" name="from" type="date" value=(f.from.clone().unwrap_or_default()); }
                div.field { label for="f-to" { (ctx.t("invoice.to")) } input id="f-to" name="to" type="date" value=(f.to.clone().unwrap_or_default()); }
                button type="submit" { (ctx.t("invoice.filter")) }
                " "
                a href=(crate::pager::base("/activity/export.csv", &filters)) { (ctx.t("invoice.export_csv")) }
            }
            @if page.lines.is_empty() {
                p.empty { (ctx.t("activity.empty")) }
            } @else {
                div.table-wrap tabindex="0" { table #activity {
                    thead { tr { th { (ctx.t("activity.when")) } th { (ctx.t("activity.who")) } th { (ctx.t("activity.what")) } th { (ctx.t("activity.where")) } } }
                    tbody {
                        @for l in &page.lines {
                            tr {
                                td { (date(ctx, l.entry.at)) }
                                td {
                                    @match (&l.actor_name, l.by_operator) {
                                        (Some(n), true) => { span.badge { (ctx.t("activity.support_badge")) } " " (n) },
                                        (Some(n), false) => { (n) br; span.muted { (l.actor_email.clone().unwrap_or_default()) } },
                                        (None, _) => { span.muted { (ctx.t("activity.system")) } },
                                    }
                                }
                                td { (describe(ctx.lang, &l.entry.action, &l.entry.detail)) }
                                td { (l.entry.ip) }
                            }
                        }
                    }
                } }
                (crate::pager::pager(ctx, &links))
            }
        },
    ))
}

/// The filtered activity log as a CSV download, in the page's language.
pub async fn csv(o: InOrg, Query(f): Query<ActivityFilter>) -> Result<Response, WebError> {
    let bytes = o
        .ctx
        .state
        .app
        .activity_csv(
            &o.actor,
            &f,
            guichet_app::export::CsvForm::Reader(o.ctx.lang),
        )
        .await?;
    Ok(csv_bytes_response(bytes, "activity"))
}
