//! The pager under a list paged by key (invoices, the activity log, customers): first, previous,
//! next and last as real links, in the reader's language; and the list's address with the filters
//! that are set, which the links extend with their cursor.

use crate::ctx::Ctx;
use guichet_app::prepaid::PageLinks;
use maud::{Markup, html};

/// `path` with the filters that are set as its query (`?status=paid&from=…`; none: `path`).
pub fn base(path: &str, filters: &[(&str, Option<&str>)]) -> String {
    let set: Vec<(&str, &str)> = filters
        .iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (*k, v)))
        .collect();
    if set.is_empty() {
        return path.to_string();
    }
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(set).unwrap_or_default()
    )
}

/// The links that exist, each with its `rel` (nothing when the list fits on one page).
pub fn pager(ctx: &Ctx, links: &PageLinks) -> Markup {
    html! {
        @if links.prev.is_some() || links.next.is_some() {
            div.pager {
                @if let Some(href) = &links.first { a rel="first" href=(href) { "« " (ctx.t("pager.first")) } }
                @if let Some(href) = &links.prev { a rel="prev" href=(href) { "← " (ctx.t("pager.previous")) } }
                @if let Some(href) = &links.next { a rel="next" href=(href) { (ctx.t("pager.next")) " →" } }
                @if let Some(href) = &links.last { a rel="last" href=(href) { (ctx.t("pager.last")) " »" } }
            }
        }
    }
}

/// The keyset paging of an API list answer: the cursors (`next`, `prev`: opaque strings, `null`
/// when there is no such page; pass one back as `after` or `before`) and the `links` around the
/// page, under the list's path with its filters.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct PagingJson {
    /// The cursor of the next (older) page, for `?after=`.
    pub next: Option<String>,
    /// The cursor of the previous (newer) page, for `?before=`.
    pub prev: Option<String>,
    pub links: LinksJson,
}

/// Relative URLs of the pages around this one; null when there is no such page.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct LinksJson {
    pub first: Option<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub last: Option<String>,
}

impl From<PageLinks> for LinksJson {
    fn from(l: PageLinks) -> Self {
        LinksJson {
            first: l.first,
            prev: l.prev,
            next: l.next,
            last: l.last,
        }
    }
}

/// [`PagingJson`] of a page under `base` (the list's path with its filters).
pub fn paging_json(p: &guichet_app::pager::Pager, base: &str) -> PagingJson {
    PagingJson {
        next: p.next.clone(),
        prev: p.prev.clone(),
        links: p.links(base).into(),
    }
}
