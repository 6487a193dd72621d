//! Where everything goes: a document becomes pages of drawing operations (mm, y downwards),
//! which `draw` then paints. Kept apart from the painting so tests can check the geometry.

use crate::canvas::{Align, Canvas, Fonts};
use crate::{A4_HEIGHT_MM, Document, Kind, PdfError};
use guichet_bank::amount::format_minor_grouped;
use guichet_bank::qr::{
    self, Mark, QrMatrix, SLIP_HEIGHT_MM, Separation, SlipOptions, payment_part_layout,
};
use guichet_bank::references::{format_creditor_reference, format_qr_reference};
use guichet_core::Lang;
use guichet_core::i18n::{t, tf};

mod draw;
mod slip;
pub(crate) use draw::draw;
use slip::{qr_language, slip_ops};

/// One drawing operation.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        /// Baseline.
        y: f32,
        size_pt: f32,
        bold: bool,
        right: bool,
        content: String,
        /// Squeeze to this width (mm) when wider.
        max_width: Option<f32>,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        black: bool,
    },
    Lines {
        width: f32,
        polylines: Vec<Vec<(f32, f32)>>,
    },
    Scissors {
        x: f32,
        y: f32,
        angle: f32,
    },
    /// The provider's logo, its top-left corner at `x`, `y`, `w` × `h` mm.
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        logo: crate::Logo,
    },
    /// A QR code 46 mm square (top-left at `x`, `y`) with the Swiss cross.
    QrCode {
        x: f32,
        y: f32,
        matrix: QrMatrix,
    },
}

/// The operations of one page.
pub type Page = Vec<Op>;

const LEFT: f32 = 20.0;
const RIGHT: f32 = 190.0;
const TOP: f32 = 20.0;
/// Lowest baseline of the body on a page without the payment part.
const BOTTOM: f32 = 280.0;
/// Top of the payment part on the page that carries it.
const SLIP_TOP: f32 = A4_HEIGHT_MM - SLIP_HEIGHT_MM as f32;
/// Columns of the lines table (right edges, except the description).
const COL_QTY: f32 = 122.0;
const COL_UNIT: f32 = 146.0;
const COL_VAT: f32 = 164.0;
const DESC_WIDTH: f32 = 84.0;

fn text(ops: &mut Page, x: f32, y: f32, size_pt: f32, bold: bool, content: impl Into<String>) {
    ops.push(Op::Text {
        x,
        y,
        size_pt,
        bold,
        right: false,
        content: content.into(),
        max_width: None,
    });
}

fn text_right(
    ops: &mut Page,
    x: f32,
    y: f32,
    size_pt: f32,
    bold: bool,
    content: impl Into<String>,
) {
    ops.push(Op::Text {
        x,
        y,
        size_pt,
        bold,
        right: true,
        content: content.into(),
        max_width: None,
    });
}

fn rule(ops: &mut Page, y: f32, width: f32) {
    ops.push(Op::Lines {
        width,
        polylines: vec![vec![(LEFT, y), (RIGHT, y)]],
    });
}

/// `2026-03-31` as `31.03.2026`, as a Swiss reader writes it in every language (`core::human`).
pub fn date(_lang: Lang, iso: &str) -> String {
    guichet_core::human::date_text(iso)
}

fn money(doc: &Document, minor: i64) -> String {
    format!("{} {}", doc.currency.code(), format_minor_grouped(minor))
}

/// `8.1` for 810 basis points.
fn rate(bp: i64) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        whole.to_string()
    } else if frac % 10 == 0 {
        format!("{whole}.{}", frac / 10)
    } else {
        format!("{whole}.{frac:02}")
    }
}

/// The document's title (also the PDF's title).
pub fn title(doc: &Document) -> String {
    let lang = doc.lang;
    match (doc.kind, &doc.number) {
        (Kind::ProForma, _) => t(lang, "pdf.pro_forma").to_owned(),
        (Kind::PaymentRequest, Some(n)) => tf(lang, "pdf.payment_request_for", &[("number", n)]),
        (Kind::PaymentRequest, None) => t(lang, "pdf.payment_request").to_owned(),
        (Kind::Invoice, Some(n)) => tf(lang, "pdf.invoice_number", &[("number", n)]),
        (Kind::Invoice, None) => t(lang, "pdf.invoice").to_owned(),
        (Kind::CreditNote, Some(n)) => tf(lang, "pdf.credit_note_number", &[("number", n)]),
        (Kind::CreditNote, None) => t(lang, "pdf.credit_note").to_owned(),
    }
}

/// Splits `s` into lines no wider than `width` mm at `size_pt` (at spaces; long words are cut).
fn wrap(fonts: &Fonts, s: &str, size_pt: f32, width: f32) -> Vec<String> {
    let face = &fonts.regular;
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if face.width(&candidate, size_pt) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for c in word.chars() {
            current.push(c);
            if face.width(&current, size_pt) > width && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::take(&mut current));
                current.push(c);
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The "no legal value" banner of a pro forma, boxed, at `y` (top).
fn pro_forma_banner(ops: &mut Page, lang: Lang, y: f32) {
    ops.push(Op::Lines {
        width: 0.6,
        polylines: vec![vec![
            (LEFT, y),
            (RIGHT, y),
            (RIGHT, y + 9.0),
            (LEFT, y + 9.0),
            (LEFT, y),
        ]],
    });
    ops.push(Op::Text {
        x: LEFT + 3.0,
        y: y + 6.3,
        size_pt: 12.0,
        bold: true,
        right: false,
        content: t(lang, "pdf.no_value").to_owned(),
        max_width: Some(RIGHT - LEFT - 6.0),
    });
}

/// The logo at the top right, above the address window: at most 50 × 18 mm, its proportions kept.
/// None when its bytes do not decode (the document is printed without it).
fn logo_op(logo: &crate::Logo) -> Option<Op> {
    const MAX_W: f32 = 50.0;
    const MAX_H: f32 = 18.0;
    let (pw, ph) = logo.image()?.size();
    if pw == 0 || ph == 0 {
        return None;
    }
    let (pw, ph) = (pw as f32, ph as f32);
    let scale = (MAX_W / pw).min(MAX_H / ph);
    let (w, h) = (pw * scale, ph * scale);
    Some(Op::Logo {
        x: RIGHT - w,
        y: TOP - 8.0,
        w,
        h,
        logo: logo.clone(),
    })
}

/// Sender, address window, title and the facts block; returns the y where the table starts.
fn first_page_head(ops: &mut Page, doc: &Document) -> f32 {
    let lang = doc.lang;
    if let Some(op) = doc.logo.as_ref().and_then(logo_op) {
        ops.push(op);
    }
    let mut y = TOP;
    for (i, l) in doc.issuer.iter().enumerate() {
        if i == 0 {
            text(ops, LEFT, y, 11.0, true, l.as_str());
            y += 5.0;
        } else {
            text(ops, LEFT, y, 9.0, false, l.as_str());
            y += 4.0;
        }
    }
    // The customer in the window of a C5/C6 envelope with the window on the right.
    let mut ay = 50.0;
    text(ops, 118.0, ay - 6.0, 7.0, false, t(lang, "pdf.bill_to"));
    for (i, l) in doc
        .customer
        .iter()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
    {
        ops.push(Op::Text {
            x: 118.0,
            y: ay,
            size_pt: 10.0,
            bold: i == 0,
            right: false,
            content: l.clone(),
            max_width: Some(RIGHT - 118.0),
        });
        ay += 4.6;
    }
    let mut y = y.max(ay).max(78.0) + 6.0;
    text(ops, LEFT, y, 16.0, true, title(doc));
    y += 4.0;
    if doc.kind == Kind::ProForma {
        pro_forma_banner(ops, lang, y);
        y += 14.0;
    } else {
        y += 4.0;
    }
    // The facts, two columns of label / value.
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(n) = &doc.number {
        facts.push((t(lang, "pdf.number"), n.clone()));
    }
    facts.push((t(lang, "pdf.date"), date(lang, &doc.issued_on)));
    if let Some(n) = &doc.corrects {
        facts.push((t(lang, "pdf.corrects"), n.clone()));
    }
    if let Some(d) = &doc.due_on
        && doc.kind != Kind::Invoice
    {
        facts.push((t(lang, "pdf.due_on"), date(lang, d)));
    }
    if let Some(d) = &doc.paid_on {
        facts.push((t(lang, "pdf.paid_on"), date(lang, d)));
    }
    if let Some(r) = doc
        .billing_reference
        .as_ref()
        .filter(|r| !r.trim().is_empty())
    {
        facts.push((t(lang, "pdf.billing_reference"), r.clone()));
    }
    if let Some(r) = &doc.payment_reference {
        let printed = if r.starts_with("RF") {
            format_creditor_reference(r)
        } else {
            format_qr_reference(r)
        };
        facts.push((t(lang, "pdf.payment_reference"), printed));
    }
    for (label, value) in facts {
        text(ops, LEFT, y, 9.0, true, label);
        ops.push(Op::Text {
            x: LEFT + 45.0,
            y,
            size_pt: 9.0,
            bold: false,
            right: false,
            content: value,
            max_width: Some(RIGHT - LEFT - 45.0),
        });
        y += 4.6;
    }
    if doc.kind == Kind::Invoice && doc.paid_on.is_some() {
        text_right(ops, RIGHT, y - 4.6, 14.0, true, t(lang, "pdf.paid_stamp"));
    }
    y + 6.0
}

fn table_head(ops: &mut Page, lang: Lang, y: f32) -> f32 {
    text(ops, LEFT, y, 8.0, true, t(lang, "pdf.description"));
    text_right(ops, COL_QTY, y, 8.0, true, t(lang, "pdf.quantity"));
    text_right(ops, COL_UNIT, y, 8.0, true, t(lang, "pdf.unit_price"));
    text_right(ops, COL_VAT, y, 8.0, true, t(lang, "pdf.vat_rate"));
    text_right(ops, RIGHT, y, 8.0, true, t(lang, "pdf.amount_net"));
    rule(ops, y + 1.6, 0.3);
    y + 6.0
}

/// Head of the pages after the first: title again, and the banner on a pro forma.
fn next_page_head(ops: &mut Page, doc: &Document) -> f32 {
    text(ops, LEFT, TOP, 11.0, true, title(doc));
    let mut y = TOP + 6.0;
    if doc.kind == Kind::ProForma {
        pro_forma_banner(ops, doc.lang, y);
        y += 14.0;
    }
    y + 2.0
}

/// The pages of `doc`.
pub fn layout(doc: &Document, fonts: &Fonts) -> Result<Vec<Page>, PdfError> {
    let lang = doc.lang;
    let slip = match &doc.qr_bill {
        Some(bill) if doc.kind == Kind::PaymentRequest => Some(payment_part_layout(
            bill,
            &SlipOptions {
                language: qr_language(lang),
                separation: Separation::LinesWithScissors,
            },
        )?),
        _ => None,
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut ops: Page = Vec::new();
    let mut y = first_page_head(&mut ops, doc);
    y = table_head(&mut ops, lang, y);
    for line in &doc.lines {
        let desc = wrap(fonts, &line.description, 9.0, DESC_WIDTH);
        let height = 4.4 * desc.len() as f32 + if line.period.is_some() { 3.8 } else { 0.0 } + 1.6;
        if y + height > BOTTOM {
            pages.push(std::mem::take(&mut ops));
            y = next_page_head(&mut ops, doc);
            y = table_head(&mut ops, lang, y);
        }
        let first = y;
        for d in &desc {
            text(&mut ops, LEFT, y, 9.0, false, d.as_str());
            y += 4.4;
        }
        if let Some((start, end)) = &line.period {
            let period = tf(
                lang,
                "pdf.period",
                &[("start", &date(lang, start)), ("end", &date(lang, end))],
            );
            text(&mut ops, LEFT, y - 0.6, 7.5, false, period);
            y += 3.8;
        }
        text_right(
            &mut ops,
            COL_QTY,
            first,
            9.0,
            false,
            line.quantity.to_string(),
        );
        text_right(
            &mut ops,
            COL_UNIT,
            first,
            9.0,
            false,
            format_minor_grouped(line.unit_net),
        );
        text_right(
            &mut ops,
            COL_VAT,
            first,
            9.0,
            false,
            format!("{} %", rate(line.vat_rate_bp)),
        );
        text_right(
            &mut ops,
            RIGHT,
            first,
            9.0,
            false,
            format_minor_grouped(line.net),
        );
        y += 1.6;
    }
    rule(&mut ops, y - 2.4, 0.3);
    // Totals, the VAT mention and the notes must fit above the payment part (or the page end).
    let breakdown = doc.vat_breakdown();
    let notes = match doc.kind {
        Kind::PaymentRequest if slip.is_some() => 1,
        Kind::ProForma | Kind::CreditNote => 1,
        _ => 0,
    } + usize::from(doc.vat_mention.is_some());
    let needed = 6.0 + 5.0 * (breakdown.len() as f32 + 2.0) + 6.0 * notes as f32;
    let limit = if slip.is_some() {
        SLIP_TOP - 8.0
    } else {
        BOTTOM
    };
    if y + needed > limit {
        pages.push(std::mem::take(&mut ops));
        y = next_page_head(&mut ops, doc);
    }
    y += 3.0;
    let label_x = 118.0;
    text(&mut ops, label_x, y, 9.0, false, t(lang, "pdf.total_net"));
    text_right(&mut ops, RIGHT, y, 9.0, false, money(doc, doc.net));
    y += 5.0;
    for row in &breakdown {
        let label = tf(
            lang,
            "pdf.vat_on",
            &[
                ("rate", &rate(row.rate_bp)),
                ("net", &format_minor_grouped(row.net)),
            ],
        );
        text(&mut ops, label_x, y, 9.0, false, label);
        text_right(&mut ops, RIGHT, y, 9.0, false, money(doc, row.vat));
        y += 5.0;
    }
    ops.push(Op::Lines {
        width: 0.3,
        polylines: vec![vec![(label_x, y - 3.4), (RIGHT, y - 3.4)]],
    });
    y += 1.0;
    text(&mut ops, label_x, y, 11.0, true, t(lang, "pdf.total"));
    text_right(&mut ops, RIGHT, y, 11.0, true, money(doc, doc.gross));
    y += 8.0;
    if let Some(key) = &doc.vat_mention {
        ops.push(Op::Text {
            x: LEFT,
            y,
            size_pt: 8.0,
            bold: false,
            right: false,
            content: t(lang, key).to_owned(),
            max_width: Some(RIGHT - LEFT),
        });
        y += 6.0;
    }
    let note = match doc.kind {
        Kind::PaymentRequest if slip.is_some() => Some(t(lang, "pdf.request_note")),
        Kind::ProForma => Some(t(lang, "pdf.pro_forma_note")),
        Kind::CreditNote => Some(t(lang, "pdf.credit_note_note")),
        _ => None,
    };
    if let Some(note) = note {
        ops.push(Op::Text {
            x: LEFT,
            y,
            size_pt: 8.0,
            bold: false,
            right: false,
            content: note.to_owned(),
            max_width: Some(RIGHT - LEFT),
        });
    }
    if let Some(marks) = slip {
        slip_ops(&mut ops, &marks, SLIP_TOP);
    }
    pages.push(ops);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let n = (i + 1).to_string();
        let of = total.to_string();
        text_right(
            page,
            RIGHT,
            12.0,
            7.0,
            false,
            tf(lang, "pdf.page", &[("n", &n), ("total", &of)]),
        );
    }
    Ok(pages)
}
