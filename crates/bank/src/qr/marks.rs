//! The drawing instructions of the payment part with receipt, and the small helpers that add
//! text lines and blank-field corners.

use super::matrix::QrMatrix;
use super::metrics::{PT, text_width};

/// Corner-mark stroke: 0.75 pt.
pub(super) const STROKE: f64 = 0.75 * PT;

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
    /// The QR code, [`QR_CODE_MM`](super::QR_CODE_MM) square with its top-left corner at (`x`, `y`), with the
    /// Swiss cross of [`swiss_cross`](super::swiss_cross) on top.
    #[allow(missing_docs)]
    QrCode { x: f64, y: f64, matrix: QrMatrix },
}

/// One line of text; `anchor_end` right-aligns at `x`.
pub(super) fn text(
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
pub(super) fn blank_box(out: &mut Vec<Mark>, x: f64, y: f64, w: f64, h: f64) {
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
