//! Markdown → safe HTML for guide pages, and Markdown → plain text for the index.
//!
//! `manager:` links are rewritten by a function the caller supplies (the web layer turns
//! `/accounting/prepaid` into the current Organization's page); the HTML is then sanitised with
//! ammonia, so a guide edited in the back office cannot inject scripts. Videos are plain links.

use crate::guide::{Guide, MANAGER_SCHEME, Video};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders Markdown to sanitised HTML; every `manager:` link's destination is replaced by
/// `manager_href(path)` where `path` is what follows `manager:` (e.g. `/accounting/prepaid`).
pub fn render_markdown(markdown: &str, manager_href: &dyn Fn(&str) -> String) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = match dest_url.strip_prefix(MANAGER_SCHEME) {
                Some(path) => CowStr::from(manager_href(path)),
                None => dest_url,
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    });
    let mut raw = String::new();
    html::push_html(&mut raw, events);
    sanitize(&raw)
}

/// Renders a guide's body followed by its videos (a heading and a list of plain links).
pub fn render_guide(guide: &Guide, manager_href: &dyn Fn(&str) -> String) -> String {
    let mut out = render_markdown(&guide.body, manager_href);
    out.push_str(&render_videos(&guide.videos, &guide.language));
    out
}

/// The videos as `<h2>` + `<ul>` of plain links (empty string when there are none).
pub fn render_videos(videos: &[Video], lang: &str) -> String {
    if videos.is_empty() {
        return String::new();
    }
    let heading = if lang == "fr" { "Vidéos" } else { "Videos" };
    let mut raw = format!("<h2>{heading}</h2>\n<ul class=\"videos\">\n");
    for v in videos {
        raw.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>\n",
            escape(&v.url),
            escape(&v.title)
        ));
    }
    raw.push_str("</ul>\n");
    sanitize(&raw)
}

/// The text of a Markdown document without markup, one block per line (what the index reads and
/// snippets are cut from).
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) if !out.ends_with('\n') => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

fn sanitize(raw: &str) -> String {
    ammonia::Builder::default()
        .add_allowed_classes("ul", &["videos"])
        .clean(raw)
        .to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org_href(path: &str) -> String {
        format!("/o/42{path}")
    }

    #[test]
    fn deep_links_go_to_the_current_organizations_page() {
        let html = render_markdown(
            "[ouvrez votre compte prépayé](manager:/accounting/prepaid)",
            &org_href,
        );
        assert!(html.contains("href=\"/o/42/accounting/prepaid\""), "{html}");
        assert!(html.contains(">ouvrez votre compte prépayé</a>"));
    }

    #[test]
    fn scripts_and_javascript_links_are_removed() {
        let html = render_markdown(
            "Texte <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
            &org_href,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("Texte"));
    }

    #[test]
    fn videos_are_plain_links_without_iframes() {
        let html = render_videos(
            &[Video {
                title: "Créditer <vite>".into(),
                url: "https://videos.example/a?b=1&c=2".into(),
            }],
            "fr",
        );
        assert!(html.contains("<h2>Vidéos</h2>"));
        assert!(
            html.contains("href=\"https://videos.example/a?b=1&amp;c=2\""),
            "{html}"
        );
        assert!(html.contains("Créditer &lt;vite&gt;"));
        assert!(!html.contains("iframe"));
        assert_eq!(render_videos(&[], "fr"), "");
    }

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let text = plain_text(
            "## Préambule\n- Cliquez sur **Créditer le compte**\n- [Paiements](manager:/payments)\n",
        );
        assert_eq!(text, "Préambule\nCliquez sur Créditer le compte\nPaiements");
    }
}
