//! The QR-bill payment part at the foot of the last page: the bank crate's marks placed on the page.

use super::*;

pub(super) fn qr_language(lang: Lang) -> qr::Language {
    match lang {
        Lang::Fr => qr::Language::Fr,
        Lang::En => qr::Language::En,
        Lang::De => qr::Language::De,
    }
}

/// Left-aligned text at `(x, baseline, size in pt)`, squeezed to `max_width` (mm) when wider: one
/// half of a labelled line of the payment part.
fn fitted((x, y, size_pt): (f32, f32, f32), bold: bool, content: &str, max_width: f32) -> Op {
    Op::Text {
        x,
        y,
        size_pt,
        bold,
        right: false,
        content: content.to_string(),
        max_width: Some(max_width),
    }
}

/// The payment part's marks moved to `top` on the page (the slip is full width, x = 0).
pub(super) fn slip_ops(ops: &mut Page, marks: &[Mark], top: f32) {
    let y = |v: f64| top + v as f32;
    let x = |v: f64| v as f32;
    for m in marks {
        match m {
            Mark::Text {
                x: mx,
                baseline,
                size_pt,
                bold,
                anchor_end,
                content,
                width,
            } => ops.push(Op::Text {
                x: x(*mx),
                y: y(*baseline),
                size_pt: *size_pt as f32,
                bold: *bold,
                right: *anchor_end,
                content: content.clone(),
                max_width: Some(*width as f32 * 1.01),
            }),
            Mark::Labelled {
                x: mx,
                baseline,
                size_pt,
                label,
                text_x,
                text,
                width,
            } => {
                let label_width = (*text_x - *mx) as f32;
                let size = *size_pt as f32;
                let label_at = (x(*mx), y(*baseline), size);
                ops.push(fitted(label_at, true, label, label_width));
                let text_at = (x(*text_x), y(*baseline), size);
                let text_width = (*width as f32 - label_width).max(1.0);
                ops.push(fitted(text_at, false, text, text_width));
            }
            Mark::Lines { stroke, polylines } => ops.push(Op::Lines {
                width: *stroke as f32,
                polylines: polylines
                    .iter()
                    .map(|l| l.iter().map(|&(px, py)| (x(px), y(py))).collect())
                    .collect(),
            }),
            Mark::Scissors {
                x: sx,
                y: sy,
                angle,
            } => ops.push(Op::Scissors {
                x: x(*sx),
                y: y(*sy),
                angle: *angle as f32,
            }),
            Mark::QrCode {
                x: qx,
                y: qy,
                matrix,
            } => ops.push(Op::QrCode {
                x: x(*qx),
                y: y(*qy),
                matrix: matrix.clone(),
            }),
        }
    }
}
