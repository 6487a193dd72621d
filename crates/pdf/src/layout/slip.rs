//! The QR-bill payment part at the foot of the last page: the bank crate's marks placed on the page.

use super::*;

pub(super) fn qr_language(lang: Lang) -> qr::Language {
    match lang {
        Lang::Fr => qr::Language::Fr,
        Lang::En => qr::Language::En,
        Lang::De => qr::Language::De,
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
                ops.push(Op::Text {
                    x: x(*mx),
                    y: y(*baseline),
                    size_pt: *size_pt as f32,
                    bold: true,
                    right: false,
                    content: label.clone(),
                    max_width: Some(label_width),
                });
                ops.push(Op::Text {
                    x: x(*text_x),
                    y: y(*baseline),
                    size_pt: *size_pt as f32,
                    bold: false,
                    right: false,
                    content: text.clone(),
                    max_width: Some((*width as f32 - label_width).max(1.0)),
                });
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
