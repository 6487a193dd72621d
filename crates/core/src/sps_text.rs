//! Text that travels into Swiss payment formats (QR-bill, pain.001): the Swiss Payment Standards
//! character set since IG QR-bill 2.3 / SPS 2025 ("extended Latin"), and the one transliteration
//! rule used both when a name or address is typed and when stored text is written out.
//!
//! The set: printable Basic Latin U+0020–U+007E, Latin-1 Supplement U+00A0–U+00FF, Latin
//! Extended-A U+0100–U+017F, Ș ș Ț ț (U+0218–U+021B) and € (U+20AC), without control and format
//! characters (`\p{C}`; in these ranges only the soft hyphen U+00AD).
//!
//! [`transliterate`] first composes the text (NFC: `e` + U+0301 is `é`), then replaces
//! typographic characters by their plain equivalents (’ → `'`, “ » → `"`, – — → `-`, … → `...`,
//! non-breaking and other Unicode spaces → space, invisible format characters removed), and
//! letters of other Latin blocks or compatibility forms by their plain letters (ǎ → a, ﬁ → fi,
//! ™ → TM). Anything else (emoji, CJK, Cyrillic, control characters such as a tab) is refused:
//! the caller tells the person which character cannot be used.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// What replaces, at output, a character that cannot be transliterated (QR-bills must always
/// render; at input such characters are refused instead).
pub const REPLACEMENT: char = '?';

/// Whether `c` belongs to the Swiss Payment Standards character set.
pub fn is_allowed(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{FF}'
        | '\u{100}'..='\u{17F}'
        | '\u{218}'..='\u{21B}'
        | '\u{20AC}')
}

/// The first character of `s` outside the set, if any.
pub fn first_invalid(s: &str) -> Option<char> {
    s.chars().find(|c| !is_allowed(*c))
}

/// The plain text for a typographic character, including the few inside the set that the
/// standard's users write plainly (non-breaking space, guillemets). `None`: not typographic.
fn typographic(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{02BC}' | '\u{02B9}' | '\u{2039}' | '\u{203A}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{AB}'
        | '\u{BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        // Bullets, too.
        | '\u{2022}' | '\u{2023}' | '\u{25E6}' | '\u{2219}' => "-",
        '\u{2026}' => "...",
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            " "
        }
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{1E9E}' => "SS",
        _ => return None,
    })
}

/// Appends the plain form of `c` to `out`; false when there is none.
fn push_plain(c: char, out: &mut String) -> bool {
    if let Some(t) = typographic(c) {
        out.push_str(t);
        return true;
    }
    if is_allowed(c) {
        out.push(c);
        return true;
    }
    // A letter of another Latin block or a compatibility form: its decomposition without
    // combining marks, when that is inside the set (ǎ → a, ﬁ → fi, Ａ → A).
    let mut plain = String::new();
    let mut ok = true;
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match typographic(d) {
            Some(t) => plain.push_str(t),
            None if is_allowed(d) && d != ' ' => plain.push(d),
            None => ok = false,
        }
    });
    if ok && !plain.is_empty() {
        out.push_str(&plain);
        true
    } else {
        false
    }
}

/// The text written with characters of the set only, or the first character that has no plain
/// equivalent (an emoji, a CJK character, a control character).
pub fn transliterate(s: &str) -> Result<String, char> {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        if !push_plain(c, &mut out) {
            return Err(c);
        }
    }
    Ok(out)
}

/// The text for output into a payment format: transliterated, every character that still cannot
/// be written replaced (control characters by a space, others by [`REPLACEMENT`]). Never fails.
pub fn for_output(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        if !push_plain(c, &mut out) {
            out.push(if c.is_control() || c.is_whitespace() {
                ' '
            } else {
                REPLACEMENT
            });
        }
    }
    out
}

/// [`for_output`], trimmed of surrounding spaces and cut to at most `max` characters.
pub fn fit(s: &str, max: usize) -> String {
    let t: String = for_output(s).trim().chars().take(max).collect();
    t.trim_end().to_owned()
}

/// How to show a refused character to a person: itself when it is visible, its code point
/// (`U+0009`) when it is a control, format or space character.
pub fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() || typographic(c) == Some("") {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_set_is_extended_latin_without_controls() {
        for c in [' ', '~', 'é', 'ÿ', 'Ā', 'ſ', 'Ș', 'ț', '€', '«', '\u{A0}'] {
            assert!(is_allowed(c), "{c:?}");
        }
        for c in [
            '\n', '\t', '\u{7F}', '\u{9F}', '\u{AD}', '\u{180}', '\u{217}', '\u{21C}', '“', '😀',
            '漢', 'Ж',
        ] {
            assert!(!is_allowed(c), "{c:?}");
        }
        assert_eq!(first_invalid("Zürich, Genève, Ștefan Țara, 12 €"), None);
        assert_eq!(first_invalid("tab\there"), Some('\t'));
    }

    #[test]
    fn typographic_characters_become_plain() {
        let table = [
            ("Atelier Favre Sàrl’", "Atelier Favre Sàrl'"),
            ("l‘atelier ‚x‛ 5′", "l'atelier 'x' 5'"),
            ("“Chez Léa” „Bär“", "\"Chez Léa\" \"Bär\""),
            ("«Le Lac» ‹x›", "\"Le Lac\" 'x'"),
            ("Rue du Lac 12–14 — bis", "Rue du Lac 12-14 - bis"),
            ("a‐b‑c‒d―e−f", "a-b-c-d-e-f"),
            ("Etc…", "Etc..."),
            ("• point", "- point"),
            ("1\u{A0}000\u{202F}CHF\u{2009}x\u{3000}y", "1 000 CHF x y"),
            ("soft\u{AD}hyphen\u{200B}zero\u{FEFF}", "softhyphenzero"),
            ("Cafe\u{301} Mu\u{308}ller", "Café Müller"),
            ("Nguyễn Ǎ ǎ", "Nguyen A a"),
            ("ﬁne Ａ ™", "fine A TM"),
            ("Straẞe", "StraSSe"),
            (
                "Zürich, Genève, Ștefan Țara, 12 € ½ µ ß",
                "Zürich, Genève, Ștefan Țara, 12 € ½ µ ß",
            ),
            ("", ""),
        ];
        for (typed, plain) in table {
            assert_eq!(transliterate(typed).as_deref(), Ok(plain), "{typed:?}");
            assert_eq!(for_output(typed), plain, "{typed:?}");
        }
    }

    #[test]
    fn what_has_no_plain_form_is_refused_and_named() {
        let table = [
            ("Bistro 😀", '😀'),
            ("東京 GmbH", '東'),
            ("ООО Ромашка", 'О'),
            ("line\nbreak", '\n'),
            ("tab\there", '\t'),
            ("bell\u{7}", '\u{7}'),
            ("Ωmega", 'Ω'),
            ("flag 🇨🇭", '🇨'),
        ];
        for (typed, refused) in table {
            assert_eq!(transliterate(typed), Err(refused), "{typed:?}");
        }
        assert_eq!(describe('😀'), "😀");
        assert_eq!(describe('\t'), "U+0009");
        assert_eq!(describe('\u{200B}'), "U+200B");
        assert_eq!(for_output("Bistro 😀\tx"), "Bistro ? x");
        assert_eq!(fit("  “Atelier” 😀  ", 10), "\"Atelier\"");
        assert_eq!(fit("Etc…", 4), "Etc.");
    }

    proptest! {
        #[test]
        fn every_output_is_inside_the_set(s in any::<String>()) {
            let out = for_output(&s);
            prop_assert_eq!(first_invalid(&out), None, "{:?} -> {:?}", s, out);
            match transliterate(&s) {
                Ok(t) => {
                    prop_assert_eq!(first_invalid(&t), None);
                    prop_assert_eq!(&t, &out);
                    prop_assert_eq!(transliterate(&t), Ok(t.clone()), "idempotent");
                }
                Err(c) => {
                    prop_assert!(!is_allowed(c));
                    prop_assert!(s.nfc().any(|x| x == c));
                }
            }
        }

        #[test]
        fn text_of_the_set_is_kept_except_typographic_forms(
            s in "[ -~\u{A0}-\u{AC}\u{AE}-\u{17F}\u{218}-\u{21B}€]{0,40}"
        ) {
            let t = transliterate(&s).expect("inside the set");
            let expected: String = s
                .nfc()
                .flat_map(|c| typographic(c).map_or_else(|| c.to_string(), str::to_owned).chars().collect::<Vec<_>>())
                .collect();
            prop_assert_eq!(t, expected);
        }
    }
}
