//! SVG of the payment part with receipt: 210 × 105 mm, user units in millimetres.
//!
//! Positions and sizes follow the IG QR-bill layout (values of the Java reference
//! implementation, see SWISS-PAYMENTS.md §1.13): receipt 62 mm wide, payment part 148 mm, 5 mm
//! margins, QR code 46 × 46 mm at (67, 17), titles 11 pt bold, headings 8 pt bold and values
//! 10 pt in the payment part (values shrink to 8 pt when the information section would exceed
//! 85 mm), headings 6 pt bold and values 8 pt in the receipt.

use super::bill::{Address, QrBill, Reference};
use super::labels::{Label, Language};
use super::matrix::{QrMatrix, RenderError};
use super::svg::{QR_SIZE_MM, esc, num, qr_group};
use crate::amount::format_minor_grouped;
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

/// One line of text; `anchor_end` right-aligns at `x`.
fn text(
    out: &mut Vec<Mark>,
    x: f64,
    baseline: f64,
    size_pt: f64,
    bold: bool,
    anchor_end: bool,
    content: &str,
) {
    out.push(Mark::Text {
        x,
        baseline,
        size_pt,
        bold,
        anchor_end,
        width: text_width(content, size_pt, bold),
        content: content.to_owned(),
    });
}

/// Corner marks of a blank field (`w` × `h` mm at `x`, `y`), 0.75 pt stroke.
fn blank_box(out: &mut Vec<Mark>, x: f64, y: f64, w: f64, h: f64) {
    let (hl, vl) = (3.0, 3.0);
    out.push(Mark::Lines {
        stroke: STROKE,
        polylines: vec![
            vec![(x, y + vl), (x, y), (x + hl, y)],
            vec![(x + w - hl, y), (x + w, y), (x + w, y + vl)],
            vec![(x + w, y + h - vl), (x + w, y + h), (x + w - hl, y + h)],
            vec![(x + hl, y + h), (x, y + h), (x, y + h - vl)],
        ],
    });
}

/// The SVG of a scissors symbol centred at (`x`, `y`), blades pointing along `angle` degrees.
fn scissors_svg(out: &mut String, x: f64, y: f64, angle: f64) {
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
) -> (Vec<Mark>, f64) {
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
    let mut out = Vec::new();
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
fn receipt(out: &mut Vec<Mark>, c: &Content, lang: Language) {
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
    out.extend(info);
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
fn amount_section(out: &mut Vec<Mark>, c: &Content, lang: Language, receipt: bool) {
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
fn alternative_procedures(out: &mut Vec<Mark>, bill: &QrBill) {
    let x = RECEIPT_W + MARGIN;
    for (i, alt) in bill.alternative_procedures.iter().enumerate() {
        let baseline = 90.0 + 7.0 * PT * ASCENDER + i as f64 * 8.0 * PT;
        let alt = alt.trim();
        let (name, rest) = alt.split_once(';').unwrap_or((alt, ""));
        let name_width = text_width(&format!("{name}: "), 7.0, true);
        let rest = truncate(rest, SLIP_W - MARGIN - x - name_width, 7.0);
        out.push(Mark::Labelled {
            x,
            baseline,
            size_pt: 7.0,
            label: format!("{name}:"),
            text_x: x + name_width,
            width: name_width + text_width(&rest, 7.0, false),
            text: rest,
        });
    }
}

/// One drawing instruction of the payment part with receipt. Lengths are in millimetres from the
/// slip's top-left corner (y grows downwards); a PDF or SVG renderer only has to draw them.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text in the regular or bold face.
    Text {
        /// Left end (or right end when `anchor_end`).
        x: f64,
        /// The baseline's y.
        baseline: f64,
        /// Font size in points.
        size_pt: f64,
        /// Bold face.
        bold: bool,
        /// Right-aligned at `x`.
        anchor_end: bool,
        /// The text.
        content: String,
        /// The width the layout assumed (Helvetica metrics), in mm: a renderer whose font is
        /// wider should squeeze the line to it so that it stays in its column.
        width: f64,
    },
    /// A bold label and a regular text on one line (alternative procedures), the text starting
    /// at `text_x`.
    Labelled {
        /// Left end of the label.
        x: f64,
        /// The baseline's y.
        baseline: f64,
        /// Font size in points.
        size_pt: f64,
        /// The bold label, colon included.
        label: String,
        /// Left end of the text.
        text_x: f64,
        /// The regular text.
        text: String,
        /// The whole line's width the layout assumed (mm).
        width: f64,
    },
    /// Open polylines stroked black, `stroke` mm wide (blank-field corners, separation lines).
    Lines {
        /// Stroke width (mm).
        stroke: f64,
        /// Each a list of points joined by straight segments.
        polylines: Vec<Vec<(f64, f64)>>,
    },
    /// A scissors symbol centred at (`x`, `y`), blades along `angle` degrees (0: pointing right).
    #[allow(missing_docs)]
    Scissors { x: f64, y: f64, angle: f64 },
    /// The QR code, [`QR_CODE_MM`] square with its top-left corner at (`x`, `y`), with the
    /// Swiss cross of [`swiss_cross`] on top.
    #[allow(missing_docs)]
    QrCode { x: f64, y: f64, matrix: QrMatrix },
}

/// Width of the payment part with receipt (mm).
pub const SLIP_WIDTH_MM: f64 = SLIP_W;
/// Height of the payment part with receipt (mm).
pub const SLIP_HEIGHT_MM: f64 = SLIP_H;
/// Width of the receipt (mm); the payment part takes the remaining 148 mm.
pub const RECEIPT_WIDTH_MM: f64 = RECEIPT_W;
/// Printed side of the QR code (mm).
pub const QR_CODE_MM: f64 = QR_SIZE_MM;

/// The payment part with receipt as drawing instructions (210 × 105 mm).
pub fn payment_part_layout(bill: &QrBill, options: &SlipOptions) -> Result<Vec<Mark>, RenderError> {
    let matrix = bill.qr_matrix()?;
    let lang = options.language;
    let c = Content::new(bill);
    let mut out = Vec::new();
    if options.separation == Separation::LinesWithScissors {
        out.push(Mark::Lines {
            stroke: LINE,
            polylines: vec![
                vec![(0.0, LINE / 2.0), (SLIP_W, LINE / 2.0)],
                vec![(RECEIPT_W, 0.0), (RECEIPT_W, SLIP_H)],
            ],
        });
        out.push(Mark::Scissors {
            x: 8.0,
            y: 1.9,
            angle: 0.0,
        });
        out.push(Mark::Scissors {
            x: RECEIPT_W,
            y: 8.0,
            angle: 90.0,
        });
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
    out.push(Mark::QrCode {
        x: px,
        y: 17.0,
        matrix,
    });
    amount_section(&mut out, &c, lang, false);
    let blocks = c.blocks(lang, false, false);
    let info_x = px + 46.0 + MARGIN;
    let (info, height) = information(&blocks, info_x, 87.0, MARGIN, 85.0, (8.0, 10.0));
    let info = if height <= 85.0 {
        info
    } else {
        information(&blocks, info_x, 87.0, MARGIN, 85.0, (8.0, 8.0)).0
    };
    out.extend(info);
    alternative_procedures(&mut out, bill);
    Ok(out)
}

/// The SVG path data of open polylines, with `H`/`V` for axis-parallel segments.
fn polyline_d(polylines: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    for line in polylines {
        let mut prev: Option<(f64, f64)> = None;
        for &(x, y) in line {
            match prev {
                None => {
                    let _ = write!(d, "M{} {}", num(x), num(y));
                }
                Some((px, _)) if px == x => {
                    let _ = write!(d, "V{}", num(y));
                }
                Some((_, py)) if py == y => {
                    let _ = write!(d, "H{}", num(x));
                }
                Some(_) => {
                    let _ = write!(d, "L{} {}", num(x), num(y));
                }
            }
            prev = Some((x, y));
        }
    }
    d
}

/// The payment part with receipt as one SVG document, 210 × 105 mm, user units in mm.
pub fn payment_part_svg(bill: &QrBill, options: &SlipOptions) -> Result<String, RenderError> {
    let marks = payment_part_layout(bill, options)?;
    let mut out = String::new();
    let _ = write!(
        out,
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"210mm\" height=\"105mm\" ",
            "viewBox=\"0 0 210 105\" font-family=\"{f}\" fill=\"#000\" xml:lang=\"{l}\">",
            "<rect width=\"210\" height=\"105\" fill=\"#fff\"/>"
        ),
        f = FONT_FAMILY,
        l = options.language.code(),
    );
    for mark in &marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                size_pt,
                bold,
                anchor_end,
                content,
                ..
            } => {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{}>{}</text>",
                    num(*x),
                    num(*baseline),
                    num(size_pt * PT),
                    if *bold { " font-weight=\"bold\"" } else { "" },
                    if *anchor_end {
                        " text-anchor=\"end\""
                    } else {
                        ""
                    },
                    esc(content)
                );
            }
            Mark::Labelled {
                x,
                baseline,
                size_pt,
                label,
                text,
                ..
            } => {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"><tspan font-weight=\"bold\">{}</tspan> {}</text>",
                    num(*x),
                    num(*baseline),
                    num(size_pt * PT),
                    esc(label),
                    esc(text)
                );
            }
            Mark::Lines { stroke, polylines } => {
                let _ = write!(
                    out,
                    "<path fill=\"none\" stroke=\"#000\" stroke-width=\"{}\" d=\"{}\"/>",
                    num(*stroke),
                    polyline_d(polylines)
                );
            }
            Mark::Scissors { x, y, angle } => scissors_svg(&mut out, *x, *y, *angle),
            Mark::QrCode { x, y, matrix } => out.push_str(&qr_group(matrix, *x, *y)),
        }
    }
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
