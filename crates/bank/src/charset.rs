//! The character set of Swiss payment texts since IG QR-bill 2.3 and SPS 2025 ("extended Latin").
//!
//! The rule itself lives in `guichet_core::sps_text`, so that what a form accepts and what this
//! crate writes are one and the same set.

pub use guichet_core::sps_text::{first_invalid, fit, for_output, is_allowed, transliterate};

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
        assert_eq!(first_invalid("soft\u{AD}hyphen"), Some('\u{AD}'));
        assert!(!is_allowed('\u{7F}'));
        assert!(!is_allowed('\u{9F}'));
    }
}
