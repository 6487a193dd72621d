//! SVG of the payment part with receipt: 210 × 105 mm, user units in millimetres.
//!
//! Positions and sizes follow the IG QR-bill layout (values of the Java reference
//! implementation, see SWISS-PAYMENTS.md §1.13): receipt 62 mm wide, payment part 148 mm, 5 mm
//! margins, QR code 46 × 46 mm at (67, 17), titles 11 pt bold, headings 8 pt bold and values
//! 10 pt in the payment part (values shrink to 8 pt when the information section would exceed
//! 85 mm), headings 6 pt bold and values 8 pt in the receipt.

use super::bill::{Address, QrBill, Reference};
use super::labels::{Label, Language};
use super::matrix::RenderError;
use super::svg::{esc, num, qr_group};
use crate::money::format_minor_grouped;
use crate::references::{format_creditor_reference, format_iban, format_qr_reference};
use std::fmt::Write as _;

/// Millimetres per typographic point.
const PT: f64 = 25.4 / 72.0;
/// Fonts the guidelines allow (no others, no italics).
const FONT_FAMILY: &str = "Arial, Helvetica, Frutiger, Liberation Sans";
/// Slip width and height (mm).
const SLIP_W: f64 = 210.0;
const SLIP_H: f64 = 105.0;
/// Receipt width (mm); the payment part starts here.
const RECEIPT_W: f64 = 62.0;
/// Margin on every side of both parts (mm).
const MARGIN: f64 = 5.0;
/// Corner-mark stroke: 0.75 pt.
const STROKE: f64 = 0.75 * PT;
/// Separation-line stroke: 0.5 pt.
const LINE: f64 = 0.5 * PT;

/// How the receipt and the payment part are separated on the printout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separation {
    /// Perforated paper: nothing is drawn.
    Perforated,
    /// Plain paper: solid lines above the slip and between receipt and payment part, with
    /// scissors symbols.
    LinesWithScissors,
}

/// Options of the payment-part rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlipOptions {
    /// Language of titles and headings.
    pub language: Language,
    /// Separation between the parts.
    pub separation: Separation,
}

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
fn text_width(text: &str, size_pt: f64, bold: bool) -> f64 {
    let em: u32 = text.chars().map(char_width).sum();
    let factor = if bold { 1.06 } else { 1.0 };
    f64::from(em) / 1000.0 * size_pt * PT * factor
}

/// Splits `text` into lines no wider than `width` mm, breaking at spaces (or inside long words).
fn wrap(text: &str, width: f64, size_pt: f64) -> Vec<String> {
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

/// One `<text>` element; `anchor_end` right-aligns at `x`.
fn text(
    out: &mut String,
    x: f64,
    baseline: f64,
    size_pt: f64,
    bold: bool,
    anchor_end: bool,
    content: &str,
) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{}>{}</text>",
        num(x),
        num(baseline),
        num(size_pt * PT),
        if bold { " font-weight=\"bold\"" } else { "" },
        if anchor_end {
            " text-anchor=\"end\""
        } else {
            ""
        },
        esc(content)
    );
}

/// Corner marks of a blank field (`w` × `h` mm at `x`, `y`), 0.75 pt stroke.
fn blank_box(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    let (hl, vl) = (3.0, 3.0);
    let _ = write!(
        out,
        concat!(
            "<path fill=\"none\" stroke=\"#000\" stroke-width=\"{s}\" d=\"",
            "M{x0} {y1}V{y0}H{x1}",
            "M{x3} {y0}H{x4}V{y1}",
            "M{x4} {y2}V{y3}H{x3}",
            "M{x1} {y3}H{x0}V{y2}\"/>"
        ),
        s = num(STROKE),
        x0 = num(x),
        x1 = num(x + hl),
        x3 = num(x + w - hl),
        x4 = num(x + w),
        y0 = num(y),
        y1 = num(y + vl),
        y2 = num(y + h - vl),
        y3 = num(y + h),
    );
}

/// A scissors symbol centred at (`x`, `y`), blades pointing along `angle` degrees.
fn scissors(out: &mut String, x: f64, y: f64, angle: f64) {
    let _ = write!(
        out,
        concat!(
            "<g transform=\"translate({x} {y}) rotate({a})\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.3\">",
            "<rect x=\"-3\" y=\"-1.8\" width=\"6\" height=\"3.6\" fill=\"#fff\" stroke=\"none\"/>",
            "<circle cx=\"-1.9\" cy=\"-0.9\" r=\"0.7\"/><circle cx=\"-1.9\" cy=\"0.9\" r=\"0.7\"/>",
            "<path d=\"M-1.3 -0.55L2.6 0.75M-1.3 0.55L2.6 -0.75\"/></g>"
        ),
        x = num(x),
        y = num(y),
        a = num(angle),
    );
}

/// Address lines for print: name, street + number, [country –] postal code + town.
fn address_lines(a: &Address, show_country: bool) -> Vec<String> {
    let mut lines = vec![a.name.trim().to_owned()];
    let street = format!("{} {}", a.street.trim(), a.building_number.trim());
    if !street.trim().is_empty() {
        lines.push(street.trim().to_owned());
    }
    let place = format!("{} {}", a.postal_code.trim(), a.town.trim());
    if show_country {
        lines.push(format!("{} – {}", a.country.trim(), place));
    } else {
        lines.push(place);
    }
    lines
}

/// An address without its street line: name and place (first and last lines).
fn reduce(lines: Vec<String>) -> Vec<String> {
    match (lines.first(), lines.last()) {
        (Some(first), Some(last)) if lines.len() > 2 => vec![first.clone(), last.clone()],
        _ => lines,
    }
}

/// `text` cut with an ellipsis so that it fits `width` mm at `size_pt`.
fn truncate(text: &str, width: f64, size_pt: f64) -> String {
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

/// Helvetica's ascender as a fraction of the font size (AFM: 718/1000).
const ASCENDER: f64 = 0.718;

/// A block of an information section.
enum Block {
    /// Heading and value lines (wrapped to the column).
    Text(&'static str, Vec<String>),
    /// Heading and a blank box of the given width and height (mm).
    Blank(&'static str, f64, f64),
}

/// Lays out `blocks` in a column from `top`, like the reference implementation: every line
/// (heading or value) advances (value size + 1) pt, and the height left up to `max_height` is
/// spread between the blocks (at most one line each). Returns the SVG and the height used.
fn information(
    blocks: &[Block],
    x: f64,
    width: f64,
    top: f64,
    max_height: f64,
    sizes: (f64, f64),
) -> (String, f64) {
    let (heading_pt, value_pt) = sizes;
    let line = (value_pt + 1.0) * PT;
    let wrapped: Vec<Vec<String>> = blocks
        .iter()
        .map(|b| match b {
            Block::Text(_, lines) => lines
                .iter()
                .flat_map(|l| wrap(l, width, value_pt))
                .collect(),
            Block::Blank(..) => Vec::new(),
        })
        .collect();
    let lines = blocks.len() + wrapped.iter().map(Vec::len).sum::<usize>();
    let fixed: f64 = blocks
        .iter()
        .map(|b| {
            if let Block::Blank(_, _, h) = b {
                h + 1.0
            } else {
                0.0
            }
        })
        .sum();
    let gaps = blocks.len().saturating_sub(1).max(1) as f64;
    let extra = ((max_height - fixed - lines as f64 * line) / gaps).clamp(0.0, line);
    let mut out = String::new();
    let mut baseline = top + heading_pt * PT * ASCENDER;
    let mut bottom = top;
    for (i, (block, values)) in blocks.iter().zip(&wrapped).enumerate() {
        if i > 0 {
            baseline += extra;
        }
        let heading = match block {
            Block::Text(h, _) | Block::Blank(h, _, _) => h,
        };
        text(&mut out, x, baseline, heading_pt, true, false, heading);
        bottom = baseline + heading_pt * PT * 0.25;
        for v in values {
            baseline += line;
            text(&mut out, x, baseline, value_pt, false, false, v);
            bottom = baseline + value_pt * PT * 0.25;
        }
        if let Block::Blank(_, w, h) = block {
            let box_top = bottom + 1.0;
            blank_box(&mut out, x, box_top, *w, *h);
            bottom = box_top + h;
            baseline = bottom;
        }
        baseline += line;
    }
    (out, bottom - top)
}

/// The printed content shared by receipt and payment part.
struct Content {
    account: Vec<String>,
    /// Account with the creditor reduced to name and place (for a crowded receipt).
    account_reduced: Vec<String>,
    /// Debtor reduced to name and place (for a crowded receipt).
    debtor_reduced: Option<Vec<String>>,
    reference: Option<String>,
    additional: Vec<String>,
    debtor: Option<Vec<String>>,
    currency: String,
    amount: Option<String>,
}

impl Content {
    fn new(bill: &QrBill) -> Content {
        let foreign = |a: &Address| a.country.trim() != "CH";
        let debtor_foreign = bill.debtor.as_ref().is_some_and(foreign);
        let creditor_lines =
            address_lines(&bill.creditor, foreign(&bill.creditor) || debtor_foreign);
        let mut account = vec![format_iban(&bill.account)];
        account.extend(creditor_lines.iter().cloned());
        let mut account_reduced = vec![format_iban(&bill.account)];
        account_reduced.extend(reduce(creditor_lines));
        let reference = match &bill.reference {
            Reference::Qrr(r) => Some(format_qr_reference(r)),
            Reference::Scor(r) => Some(format_creditor_reference(r)),
            Reference::Non => None,
        };
        let additional = [bill.message.trim(), bill.billing_information.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let debtor = bill
            .debtor
            .as_ref()
            .map(|d| address_lines(d, debtor_foreign));
        Content {
            account,
            account_reduced,
            debtor_reduced: debtor.clone().map(reduce),
            reference,
            additional,
            debtor,
            currency: bill.currency.code().to_owned(),
            amount: bill.amount.map(format_minor_grouped),
        }
    }

    /// The information blocks; the receipt leaves out the additional information and may use
    /// the reduced addresses.
    fn blocks(&self, lang: Language, receipt: bool, reduced: bool) -> Vec<Block> {
        let account = if reduced {
            &self.account_reduced
        } else {
            &self.account
        };
        let debtor = if reduced {
            &self.debtor_reduced
        } else {
            &self.debtor
        };
        let mut blocks = vec![Block::Text(
            lang.text(Label::AccountPayableTo),
            account.clone(),
        )];
        if let Some(r) = &self.reference {
            blocks.push(Block::Text(lang.text(Label::Reference), vec![r.clone()]));
        }
        if !receipt && !self.additional.is_empty() {
            blocks.push(Block::Text(
                lang.text(Label::AdditionalInformation),
                self.additional.clone(),
            ));
        }
        blocks.push(match debtor {
            Some(d) => Block::Text(lang.text(Label::PayableBy), d.clone()),
            None if receipt => Block::Blank(lang.text(Label::PayableByNameAddress), 52.0, 20.0),
            None => Block::Blank(lang.text(Label::PayableByNameAddress), 65.0, 25.0),
        });
        blocks
    }
}

/// The receipt (left 62 mm): title, information (max 56 mm), amount, acceptance point.
fn receipt(out: &mut String, c: &Content, lang: Language) {
    text(
        out,
        MARGIN,
        MARGIN + 11.0 * PT * ASCENDER,
        11.0,
        true,
        false,
        lang.text(Label::Receipt),
    );
    // Full addresses at 8 pt; if that is too long, name and place only; then 7 pt.
    let full = information(
        &c.blocks(lang, true, false),
        MARGIN,
        52.0,
        12.0,
        56.0,
        (6.0, 8.0),
    );
    let info = if full.1 <= 56.0 {
        full.0
    } else {
        let blocks = c.blocks(lang, true, true);
        let reduced = information(&blocks, MARGIN, 52.0, 12.0, 56.0, (6.0, 8.0));
        if reduced.1 <= 56.0 {
            reduced.0
        } else {
            information(&blocks, MARGIN, 52.0, 12.0, 56.0, (6.0, 7.0)).0
        }
    };
    out.push_str(&info);
    amount_section(out, c, lang, true);
    text(
        out,
        RECEIPT_W - MARGIN,
        82.0 + 6.0 * PT * ASCENDER,
        6.0,
        true,
        true,
        lang.text(Label::AcceptancePoint),
    );
}

/// Currency and amount headings and values from the top of the amount section (y = 68 mm).
fn amount_section(out: &mut String, c: &Content, lang: Language, receipt: bool) {
    let top = 68.0;
    let (x, currency_col, heading_pt, value_pt) = if receipt {
        (MARGIN, 12.0, 6.0, 8.0)
    } else {
        (RECEIPT_W + MARGIN, 15.0, 8.0, 10.0)
    };
    let heading_base = top + heading_pt * PT * ASCENDER;
    text(
        out,
        x,
        heading_base,
        heading_pt,
        true,
        false,
        lang.text(Label::Currency),
    );
    text(
        out,
        x + currency_col,
        heading_base,
        heading_pt,
        true,
        false,
        lang.text(Label::Amount),
    );
    let value_base = heading_base + (value_pt + 3.0) * PT;
    text(out, x, value_base, value_pt, false, false, &c.currency);
    match &c.amount {
        Some(a) => text(out, x + currency_col, value_base, value_pt, false, false, a),
        // Receipt: 30 × 10 mm, top at the section top, right-aligned to the 52 mm text width.
        None if receipt => blank_box(out, x + 52.0 - 30.0, top, 30.0, 10.0),
        // Payment part: 40 × 15 mm from the value line, right edge at the information section.
        None => blank_box(
            out,
            x + 46.0 + MARGIN - 40.0,
            value_base - value_pt * PT * ASCENDER,
            40.0,
            15.0,
        ),
    }
}

/// Alternative procedures from y = 90 mm, 7 pt with 8 pt line pitch, scheme name in bold.
fn alternative_procedures(out: &mut String, bill: &QrBill) {
    let x = RECEIPT_W + MARGIN;
    for (i, alt) in bill.alternative_procedures.iter().enumerate() {
        let baseline = 90.0 + 7.0 * PT * ASCENDER + i as f64 * 8.0 * PT;
        let alt = alt.trim();
        let (name, rest) = alt.split_once(';').unwrap_or((alt, ""));
        let name_width = text_width(&format!("{name}: "), 7.0, true);
        let rest = truncate(rest, SLIP_W - MARGIN - x - name_width, 7.0);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"><tspan font-weight=\"bold\">{}:</tspan> {}</text>",
            num(x),
            num(baseline),
            num(7.0 * PT),
            esc(name),
            esc(&rest)
        );
    }
}

/// The payment part with receipt as one SVG document, 210 × 105 mm, user units in mm.
pub fn payment_part_svg(bill: &QrBill, options: &SlipOptions) -> Result<String, RenderError> {
    let matrix = bill.qr_matrix()?;
    let lang = options.language;
    let c = Content::new(bill);
    let mut out = String::new();
    let _ = write!(
        out,
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"210mm\" height=\"105mm\" ",
            "viewBox=\"0 0 210 105\" font-family=\"{f}\" fill=\"#000\" xml:lang=\"{l}\">",
            "<rect width=\"210\" height=\"105\" fill=\"#fff\"/>"
        ),
        f = FONT_FAMILY,
        l = lang.code(),
    );
    if options.separation == Separation::LinesWithScissors {
        let _ = write!(
            out,
            "<path fill=\"none\" stroke=\"#000\" stroke-width=\"{s}\" d=\"M0 {h}H{w}M{r} 0V{b}\"/>",
            s = num(LINE),
            h = num(LINE / 2.0),
            w = num(SLIP_W),
            r = num(RECEIPT_W),
            b = num(SLIP_H),
        );
        scissors(&mut out, 8.0, 1.9, 0.0);
        scissors(&mut out, RECEIPT_W, 8.0, 90.0);
    }
    receipt(&mut out, &c, lang);

    let px = RECEIPT_W + MARGIN;
    text(
        &mut out,
        px,
        MARGIN + 11.0 * PT * ASCENDER,
        11.0,
        true,
        false,
        lang.text(Label::PaymentPart),
    );
    out.push_str(&qr_group(&matrix, px, 17.0));
    amount_section(&mut out, &c, lang, false);
    let blocks = c.blocks(lang, false, false);
    let info_x = px + 46.0 + MARGIN;
    let (info, height) = information(&blocks, info_x, 87.0, MARGIN, 85.0, (8.0, 10.0));
    let info = if height <= 85.0 {
        info
    } else {
        information(&blocks, info_x, 87.0, MARGIN, 85.0, (8.0, 8.0)).0
    };
    out.push_str(&info);
    alternative_procedures(&mut out, bill);
    out.push_str("</svg>");
    Ok(out)
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
