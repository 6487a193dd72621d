//! How wide text is in the slip's fonts (Helvetica's AFM metrics, which Arial and Liberation Sans
//! share), and how it is wrapped or cut to a column.

/// Millimetres per typographic point.
pub(super) const PT: f64 = 25.4 / 72.0;

/// Helvetica's ascender as a fraction of the font size (AFM: 718/1000).
pub(super) const ASCENDER: f64 = 0.718;

/// Width of `c` in Helvetica, in thousandths of an em (AFM metrics; accented letters as base).
fn char_width(c: char) -> u32 {
    let base = match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'Ç' | 'Ć' | 'Č' => 'C',
        'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'Ò'..='Ö' | 'Ø' | 'Ő' => 'O',
        'Ù'..='Ü' | 'Ů' | 'Ű' => 'U',
        'Š' | 'Ś' | 'Ș' => 'S',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'Ț' | 'Ť' => 'T',
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ő' => 'o',
        'ù'..='ü' | 'ů' | 'ű' => 'u',
        'š' | 'ś' | 'ș' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ț' | 'ť' => 't',
        other => other,
    };
    match base {
        ' ' | '!' | ',' | '.' | '/' | ':' | ';' | 'I' | 'f' | 't' | '[' | ']' | '\\' => 278,
        'i' | 'j' | 'l' => 222,
        '\'' => 191,
        '"' => 355,
        '(' | ')' | '-' | 'r' => 333,
        '*' => 389,
        '0'..='9'
        | '#'
        | '$'
        | '?'
        | '_'
        | 'L'
        | 'a'
        | 'b'
        | 'd'
        | 'e'
        | 'g'
        | 'h'
        | 'n'
        | 'o'
        | 'p'
        | 'q'
        | 'u' => 556,
        '+' | '=' | '<' | '>' => 584,
        'J' | 'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' => 500,
        'F' | 'T' | 'Z' => 611,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | '&' => 667,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' | 'w' => 722,
        'G' | 'O' | 'Q' => 778,
        'M' | 'm' => 833,
        '%' => 889,
        'W' => 944,
        '@' => 1015,
        _ => 600,
    }
}

/// Estimated width of `text` in mm at `size_pt` (bold about 6 % wider).
pub(super) fn text_width(text: &str, size_pt: f64, bold: bool) -> f64 {
    let em: u32 = text.chars().map(char_width).sum();
    let factor = if bold { 1.06 } else { 1.0 };
    f64::from(em) / 1000.0 * size_pt * PT * factor
}

/// Splits `text` into lines no wider than `width` mm, breaking at spaces (or inside long words).
pub(super) fn wrap(text: &str, width: f64, size_pt: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size_pt, false) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for c in word.chars() {
            current.push(c);
            if text_width(&current, size_pt, false) > width {
                current.pop();
                lines.push(std::mem::take(&mut current));
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// `text` cut with an ellipsis so that it fits `width` mm at `size_pt`.
pub(super) fn truncate(text: &str, width: f64, size_pt: f64) -> String {
    if text_width(text, size_pt, false) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&format!("{out}…"), size_pt, false) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_respects_the_column_width() {
        let text = "Bestellung vom 15. Oktober 2026, Rechnung 2026-0000042, Kunde 10042, Vertrag Hosting Premium";
        let lines = wrap(text, 52.0, 8.0);
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(text_width(l, 8.0, false) <= 52.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
        // A word longer than the column is broken inside the word, nothing is lost.
        let long = "X".repeat(70);
        let parts = wrap(&long, 52.0, 10.0);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), long);
    }

    #[test]
    fn helvetica_widths_are_plausible() {
        // "Payment part" at 11 pt bold is about 26 mm wide.
        let w = text_width("Payment part", 11.0, true);
        assert!((22.0..30.0).contains(&w), "{w}");
    }
}
