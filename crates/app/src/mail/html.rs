//! The HTML alternative of an e-mail, rendered from the same text as its plain part (issue #15,
//! acceptance 6): every character escaped, blank-line-separated blocks as paragraphs, line breaks
//! kept, inline styles only (mail clients drop `<style>` and external sheets), and links made
//! clickable only when they point at the Manager's own public URL — any other address stays text,
//! so a name or message a customer typed can never become a link in a mail we send.

use guichet_core::Lang;

const BODY: &str = "margin:0;padding:24px;background:#ffffff;";
const BOX: &str = "max-width:40em;font-family:Arial,Helvetica,'Liberation Sans',sans-serif;\
font-size:15px;line-height:1.5;color:#1a1a1a;";
const PARA: &str = "margin:0 0 1em 0;";
const LINK: &str = "color:#0b57d0;text-decoration:underline;";

/// `&`, `<`, `>`, `"` and `'` as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole HTML document of a message with `subject` and plain-text `body`, in `lang`;
/// `own_url` is the Manager's public URL (links under it become clickable).
pub fn render(subject: &str, body: &str, lang: Lang, own_url: &str) -> String {
    let own = own_url.trim_end_matches('/');
    let mut paragraphs = String::new();
    let normalised = body.replace("\r\n", "\n");
    for block in normalised.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let inner: Vec<String> = lines.iter().map(|l| line(l, own)).collect();
        paragraphs.push_str(&format!(
            "<p style=\"{PARA}\">{}</p>\n",
            inner.join("<br>\n")
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width\">\n<title>{title}</title>\n</head>\n\
         <body style=\"{BODY}\">\n<div style=\"{BOX}\">\n{paragraphs}</div>\n</body>\n</html>\n",
        lang = lang.code(),
        title = escape(subject),
    )
}

/// One line, escaped, with the Manager's own links as anchors.
fn line(text: &str, own: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((start, end)) = own_link(rest, own) {
        out.push_str(&escape(&rest[..start]));
        let url = escape(&rest[start..end]);
        out.push_str(&format!("<a href=\"{url}\" style=\"{LINK}\">{url}</a>"));
        rest = &rest[end..];
    }
    out.push_str(&escape(rest));
    out
}

/// The byte range of the first link under `own` in `text`: it starts at a word boundary, goes on
/// with `/`, `?` or `#` (or ends there), runs to the next white space and loses trailing
/// punctuation. `None` when `own` is empty or not in the text.
fn own_link(text: &str, own: &str) -> Option<(usize, usize)> {
    if own.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(own) {
        let start = from + found;
        let after = start + own.len();
        let boundary_before = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "(<[«\"'".contains(c));
        // `https://own.example.ch.evil.example` is another host: punctuation right after the
        // URL only ends it when no host or path character follows.
        let mut next = text[after..].chars();
        let boundary_after = match next.next() {
            None => true,
            Some(c) if c.is_whitespace() || "/?#".contains(c) => true,
            Some(c) if ".,;:!)»\"'".contains(c) => next
                .next()
                .is_none_or(|d| !(d.is_alphanumeric() || d == '-')),
            Some(_) => false,
        };
        if boundary_before && boundary_after {
            let tail = text[after..]
                .find(|c: char| c.is_whitespace() || "<>\"'«»".contains(c))
                .map_or(text.len(), |i| after + i);
            let end = text[..tail]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')'])
                .len()
                .max(after);
            return Some((start, end));
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "https://manager.example.ch";

    #[test]
    fn every_character_is_escaped() {
        let html = render(
            "<Facture> & \"co\"",
            "Bonjour <b>Zoë</b> & 'Müller'",
            Lang::Fr,
            OWN,
        );
        assert!(html.contains("<title>&lt;Facture&gt; &amp; &quot;co&quot;</title>"));
        assert!(html.contains("Bonjour &lt;b&gt;Zoë&lt;/b&gt; &amp; &#39;Müller&#39;"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("<html lang=\"fr\">"));
    }

    #[test]
    fn blocks_are_paragraphs_and_lines_are_kept() {
        let html = render(
            "s",
            "Hallo\n\nZeile 1\nZeile 2\n\n\n\nEnde\n",
            Lang::De,
            OWN,
        );
        let paras = html.matches("<p ").count();
        assert_eq!(paras, 3, "{html}");
        assert!(html.contains("Zeile 1<br>\nZeile 2"));
    }

    #[test]
    fn only_the_managers_own_links_are_clickable() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Lien : https://manager.example.ch/reset?token=a&b=c.",
                Some("https://manager.example.ch/reset?token=a&amp;b=c"),
            ),
            (
                "(https://manager.example.ch)",
                Some("https://manager.example.ch"),
            ),
            ("https://evil.example/https://manager.example.ch/x", None),
            ("https://manager.example.ch.evil.example/login", None),
            ("Visit https://other.example.ch/login now", None),
            ("no link here", None),
        ];
        for (text, link) in cases {
            let out = line(text, OWN);
            match link {
                Some(href) => assert!(
                    out.contains(&format!("<a href=\"{href}\" style=\"{LINK}\">{href}</a>")),
                    "{text}: {out}"
                ),
                None => assert!(!out.contains("<a "), "{text}: {out}"),
            }
        }
        assert_eq!(
            line("x https://manager.example.ch/a", ""),
            "x https://manager.example.ch/a"
        );
    }

    #[test]
    fn a_link_with_markup_cannot_break_out_of_its_attribute() {
        let out = line("https://manager.example.ch/a\"onclick=\"x<script>", OWN);
        assert!(!out.contains("<script>"), "{out}");
        assert!(!out.contains("\"onclick"), "{out}");
    }
}
