//! A guide: one help article in one language, and the `manager:` deep links it contains.

use pulldown_cmark::{Event, Parser, Tag};

/// The URL scheme of deep links into the Manager (`[open it](manager:/accounting/prepaid)`).
pub const MANAGER_SCHEME: &str = "manager:";

/// One help article in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    /// Unique across all languages; defaults to the file name without `.md`.
    pub id: String,
    /// The title shown in lists and on the page.
    pub title: String,
    /// One line saying what the guide is for.
    pub summary: String,
    /// The slug of its category (see [`crate::categories`]).
    pub category: String,
    /// ISO 639-1 code of the language it is written in (`fr`, `en`, `de`).
    pub language: String,
    /// Ids of the same guide in other languages.
    pub translations: Vec<String>,
    /// Ids of guides to read next, in the same language.
    pub related: Vec<String>,
    /// Extra words customers use for this topic (searched, weighted like the summary).
    pub tags: Vec<String>,
    /// Video links shown with the guide.
    pub videos: Vec<Video>,
    /// The Manager pages the guide explains (`/accounting/prepaid`), for contextual help links.
    pub pages: Vec<String>,
    /// The Markdown body (preamble, prerequisites, steps).
    pub body: String,
}

/// A video that goes with a guide, rendered as a plain link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Video {
    /// The link text.
    pub title: String,
    /// An `https://` (or `http://`) address.
    pub url: String,
}

impl Guide {
    /// Whether the guide explains the Manager page at `path` (query and fragment ignored).
    pub fn explains(&self, path: &str) -> bool {
        let path = strip_query(path);
        self.pages.iter().any(|p| p == path)
    }
}

/// Every `manager:` link in the guide's body, as written (`manager:/accounting/prepaid`), in order.
pub fn manager_links(guide: &Guide) -> Vec<String> {
    Parser::new(&guide.body)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.starts_with(MANAGER_SCHEME) =>
            {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The Manager path a `manager:` link points to, without query or fragment
/// (`manager:/accounting/prepaid#top` → `/accounting/prepaid`); `None` if it is not such a link
/// or its path is not absolute.
pub fn resolve_manager_link(link: &str) -> Option<&str> {
    let path = strip_query(link.strip_prefix(MANAGER_SCHEME)?);
    (path.starts_with('/') && !path.starts_with("//")).then_some(path)
}

fn strip_query(path: &str) -> &str {
    path.split(['?', '#']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide(body: &str) -> Guide {
        Guide {
            id: "g".into(),
            title: "T".into(),
            summary: "S".into(),
            category: "billing".into(),
            language: "fr".into(),
            translations: vec![],
            related: vec![],
            tags: vec![],
            videos: vec![],
            pages: vec!["/accounting/prepaid".into()],
            body: body.into(),
        }
    }

    #[test]
    fn finds_deep_links_in_order_and_ignores_others() {
        let g = guide(
            "- [ouvrez votre compte prépayé](manager:/accounting/prepaid)\n\
             - [le site](https://example.com)\n\
             - [payez](manager:/payments?show=all)\n",
        );
        assert_eq!(
            manager_links(&g),
            vec!["manager:/accounting/prepaid", "manager:/payments?show=all"]
        );
    }

    #[test]
    fn resolves_to_a_plain_path() {
        assert_eq!(
            resolve_manager_link("manager:/payments?show=all#x"),
            Some("/payments")
        );
        assert_eq!(resolve_manager_link("manager:payments"), None);
        assert_eq!(resolve_manager_link("manager://evil.example"), None);
        assert_eq!(resolve_manager_link("https://example.com/"), None);
    }

    #[test]
    fn knows_which_page_it_explains() {
        let g = guide("");
        assert!(g.explains("/accounting/prepaid?org=3"));
        assert!(!g.explains("/payments"));
    }
}
