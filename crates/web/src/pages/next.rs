//! The return address (`next`) after a login, a language switch, …: followed only when it is a
//! same-site path.

/// Where to go when `next` is absent or refused.
const DEFAULT_NEXT: &str = "/";

/// The only way a `next` (or any return address) is followed: a same-site path, else the default
/// page. Accepted: it starts with a single `/`, has at most 2 000 characters, only printable ASCII
/// (a browser sends a path percent-encoded), and — read raw and percent-decoded once more — no `//`
/// or `\` at the start, no `\` anywhere, no control character, no whitespace and no look-alike of a
/// slash or backslash. A path cannot carry a scheme since it starts with `/`. Never fails: a bad
/// value is simply not followed (the browser never sees it in a `Location`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_same_site_path(n) => n.to_string(),
        _ => DEFAULT_NEXT.to_string(),
    }
}

fn is_same_site_path(raw: &str) -> bool {
    if raw.len() > 2000 || !raw.bytes().all(|b| b.is_ascii_graphic()) {
        return false;
    }
    // Raw, decoded once (what a server or proxy on the way may see) and, when that still reads as
    // an encoding, decoded again (a doubly encoded attempt).
    let Some(once) = percent_decode(raw) else {
        return false;
    };
    path_is_local(raw)
        && path_is_local(&once)
        && percent_decode(&once).is_none_or(|twice| path_is_local(&twice))
}

/// The checks on one reading of the path (raw or decoded).
fn path_is_local(p: &str) -> bool {
    let mut chars = p.chars();
    if chars.next() != Some('/') || matches!(chars.next(), Some('/' | '\\')) {
        return false;
    }
    !p.chars().any(|c| {
        c == '\\'
            || c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                // Slash and backslash look-alikes some parsers fold into the real ones, and
                // invisible format characters.
                '\u{2044}' | '\u{2215}' | '\u{2216}' | '\u{29F5}' | '\u{29F8}' | '\u{29F9}'
                    | '\u{FE68}' | '\u{FF0F}' | '\u{FF3C}' | '\u{200B}'..='\u{200F}'
                    | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            )
    })
}

/// `%XX` sequences decoded; `None` when that is not valid UTF-8 or a `%` is not followed by two
/// hex digits (such a value is refused).
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_follows_only_same_site_paths() {
        for good in [
            "/",
            "/billing",
            "/invitations/abc123",
            "/help/search?q=caf%C3%A9&page=2",
            "/products/1?done=product.saved#top",
            "/a/b/../c",
            "/help/search?q=100%25",
        ] {
            assert_eq!(safe_next(Some(good)), good, "{good:?} is a local path");
        }
        for bad in [
            "",
            "billing",
            "//evil.example/",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/x\\y",
            "/\t/evil.example/",
            "/%09/evil.example/",
            "/\r\nSet-Cookie: a=b",
            "/%0d%0aSet-Cookie:%20a=b",
            "/%0D%0A",
            "/ /evil.example",
            "/%20/evil.example",
            "/%2F%2Fevil.example",
            "/%2f/evil.example",
            "/%252F%252Fevil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/%255Cevil.example",
            "https://evil.example/",
            "https:/evil.example",
            "javascript:alert(1)",
            "http:\\\\evil.example",
            "/\u{FF0F}evil.example",
            "/%EF%BC%8Fevil.example",
            "/\u{2215}evil.example",
            "/%E2%88%95evil.example",
            "/\u{FF3C}evil.example",
            "/caf\u{e9}",
            "/%E2%80%AEtxt.exe",
            "/%C2%85",
            "/%00",
            "/%",
            "/%zz",
            "/%FF",
            "/\u{7f}",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?} must not be followed");
        }
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(2000)))), "/");
    }
}
