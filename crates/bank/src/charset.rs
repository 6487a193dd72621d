//! The character set of Swiss payment texts since IG QR-bill 2.3 and SPS 2025 ("extended Latin").

/// Whether `c` belongs to the extended Latin set allowed in QR-bill and SPS text fields.
///
/// Printable Basic Latin U+0020–U+007E, Latin-1 Supplement U+00A0–U+00FF, Latin Extended-A
/// U+0100–U+017F, Ș ș Ț ț (U+0218–U+021B) and the euro sign U+20AC. Control characters,
/// including line breaks, are not allowed.
pub fn is_allowed(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{FF}'
        | '\u{100}'..='\u{17F}'
        | '\u{218}'..='\u{21B}'
        | '\u{20AC}')
}

/// The first character of `s` outside the allowed set, if any.
pub fn first_invalid(s: &str) -> Option<char> {
    s.chars().find(|c| !is_allowed(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_swiss_names_and_rejects_what_banks_refuse() {
        assert_eq!(first_invalid("Zürich, Genève, Ștefan Țara, 12 €"), None);
        assert_eq!(first_invalid("Müller-Lüdenscheidt & Co."), None);
        assert_eq!(first_invalid("line\nbreak"), Some('\n'));
        assert_eq!(first_invalid("tab\there"), Some('\t'));
        assert_eq!(first_invalid("“quoted”"), Some('“'));
        assert_eq!(first_invalid("emoji 😀"), Some('😀'));
        assert_eq!(first_invalid("漢字"), Some('漢'));
        assert!(!is_allowed('\u{7F}'));
        assert!(!is_allowed('\u{9F}'));
    }
}
