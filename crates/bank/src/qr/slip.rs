//! Layout of the payment part with receipt: 210 × 105 mm, in millimetres, as [`Mark`]s that the
//! SVG (`slip_svg`) and the PDF renderer draw.
//!
//! Positions and sizes follow the IG QR-bill layout (values of the Java reference
//! implementation, see SWISS-PAYMENTS.md §1.13): receipt 62 mm wide, payment part 148 mm, 5 mm
//! margins, QR code 46 × 46 mm at (67, 17), titles 11 pt bold, headings 8 pt bold and values
//! 10 pt in the payment part (values shrink to 8 pt when the information section would exceed
//! 85 mm), headings 6 pt bold and values 8 pt in the receipt.

use super::bill::{Address, QrBill, Reference};
use super::labels::{Label, Language};
use super::marks::{Mark, blank_box, text};
use super::matrix::RenderError;
use super::metrics::{ASCENDER, PT, text_width, truncate, wrap};
use super::svg::QR_SIZE_MM;
use crate::amount::format_minor_grouped;
use crate::references::{format_creditor_reference, format_iban, format_qr_reference};

/// Fonts the guidelines allow (no others, no italics).
pub(super) const FONT_FAMILY: &str = "Arial, Helvetica, Frutiger, Liberation Sans";
/// Slip width and height (mm).
const SLIP_W: f64 = 210.0;
const SLIP_H: f64 = 105.0;
/// Receipt width (mm); the payment part starts here.
const RECEIPT_W: f64 = 62.0;
/// Margin on every side of both parts (mm).
const MARGIN: f64 = 5.0;
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
