//! Small input checks shared by every interface (web forms, API, CLI).

/// Lower-cases and trims an e-mail address and checks its shape (one `@`, a dotted domain, no spaces).
pub fn email(raw: &str) -> Option<String> {
    let e = raw.trim().to_lowercase();
    if e.len() > 254 || e.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (local, domain) = e.split_once('@')?;
    if local.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
    {
        return None;
    }
    Some(e)
}

/// A required one-line text field: trimmed, non-empty, at most `max` characters, no control characters.
pub fn line(raw: &str, max: usize) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.chars().count() > max || s.chars().any(char::is_control) {
        None
    } else {
        Some(s.to_string())
    }
}

/// An optional one-line text field: empty gives `Some(None)`, invalid gives `None`.
pub fn optional_line(raw: &str, max: usize) -> Option<Option<String>> {
    if raw.trim().is_empty() {
        Some(None)
    } else {
        line(raw, max).map(Some)
    }
}

/// ISO 3166-1 alpha-2 country code, one of [`crate::country::CODES`] (lower case is accepted and
/// upper-cased).
pub fn country(raw: &str) -> Option<String> {
    let c = raw.trim().to_ascii_uppercase();
    crate::country::is_known(&c).then_some(c)
}

/// A text cell for a CSV/spreadsheet export: a value a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab, a carriage return or NUL) gets a leading `'` (OWASP CSV injection).
pub fn spreadsheet_text(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\0') => {
            std::borrow::Cow::Owned(format!("'{s}"))
        }
        _ => std::borrow::Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_or_refused() {
        assert_eq!(
            email("  Alice@Example.CH "),
            Some("alice@example.ch".into())
        );
        for bad in [
            "", "alice", "a@b", "a b@c.ch", "@c.ch", "a@@c.ch", "a@.ch", "a\n@c.ch",
        ] {
            assert_eq!(email(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formulas_are_neutralised_in_text_cells() {
        for bad in ["=1+1", "+41 21", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(spreadsheet_text(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(spreadsheet_text("Atelier Favre"), "Atelier Favre");
        assert_eq!(spreadsheet_text(""), "");
    }

    #[test]
    fn lines_and_countries() {
        assert_eq!(line("  Atelier  ", 10), Some("Atelier".into()));
        assert_eq!(line("", 10), None);
        assert_eq!(line("a\nb", 10), None);
        assert_eq!(line("abcdefghijk", 10), None);
        assert_eq!(optional_line(" ", 5), Some(None));
        assert_eq!(country("ch"), Some("CH".into()));
        assert_eq!(country("CHE"), None);
    }
}
