//! The help pages that the Manager links to (KB-03) and the cookies/JavaScript guide (WEB-01).
//! Public: no login needed.

use crate::ctx::Ctx;
use crate::layout::public_page;
use axum::extract::Query;
use maud::{Markup, html};
use serde::Deserialize;

pub const TOPICS: &[&str] = &[
    "start",
    "account",
    "organization",
    "users",
    "teams",
    "products",
    "payments",
    "invoices",
    "prepaid",
    "addresses",
];

#[derive(Deserialize, Default)]
pub struct HelpQuery {
    topic: Option<String>,
}

pub async fn home(ctx: Ctx, Query(q): Query<HelpQuery>) -> Markup {
    let selected = q.topic.as_deref().filter(|t| TOPICS.contains(t));
    public_page(
        &ctx,
        ctx.t("help.title"),
        html! {
            h1 { (ctx.t("help.title")) }
            p.muted { (ctx.t("help.intro")) }
            @for topic in TOPICS.iter().filter(|t| selected.is_none_or(|s| s == **t)) {
                section.card id=(topic) {
                    h2 { (ctx.t(&format!("help.topic.{topic}"))) }
                    p { (ctx.t(&format!("help.text.{topic}"))) }
                }
            }
            @if selected.is_some() { p { a href="/help" { (ctx.t("help.all_topics")) } } }
            p { a href="/help/cookies-and-javascript" { (ctx.t("cookies.guide_title")) } }
        },
    )
}

pub async fn cookies_guide(ctx: Ctx) -> Markup {
    public_page(
        &ctx,
        ctx.t("cookies.guide_title"),
        html! {
            h1 { (ctx.t("cookies.guide_title")) }
            p { (ctx.t("cookies.guide_intro")) }
            h2 { (ctx.t("cookies.guide_which")) }
            ul {
                li { (ctx.t("cookies.guide_session")) }
                li { (ctx.t("cookies.guide_csrf")) }
                li { (ctx.t("cookies.guide_lang")) }
            }
            h2 { (ctx.t("cookies.guide_how")) }
            ul {
                li { strong { "Firefox" } " — " (ctx.t("cookies.guide_firefox")) }
                li { strong { "Chrome / Edge" } " — " (ctx.t("cookies.guide_chrome")) }
                li { strong { "Safari" } " — " (ctx.t("cookies.guide_safari")) }
            }
            p { (ctx.t("cookies.guide_js")) }
        },
    )
}
