//! SVG of the Swiss QR code: 46 × 46 mm, modules as one path, Swiss cross in the centre.

use super::bill::QrBill;
use super::matrix::{QrMatrix, RenderError};
use std::fmt::Write as _;

/// Printed side of the QR code in millimetres (without quiet zone).
pub(crate) const QR_SIZE_MM: f64 = 46.0;

/// Formats a length in millimetres with at most 4 decimals and no trailing zeros.
pub(crate) fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Escapes text for an SVG text node or attribute.
pub(crate) fn esc(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// An SVG group drawing `matrix` at (`x`, `y`) mm, 46 mm wide, with the 7 mm Swiss cross on top.
pub(crate) fn qr_group(matrix: &QrMatrix, x: f64, y: f64) -> String {
    let width = matrix.width().max(1);
    let module = QR_SIZE_MM / width as f64;
    let mut d = String::new();
    for row in 0..width {
        let mut col = 0;
        while col < width {
            if matrix.is_dark(col, row) {
                let start = col;
                while col < width && matrix.is_dark(col, row) {
                    col += 1;
                }
                let _ = write!(d, "M{start} {row}h{}v1h-{}z", col - start, col - start);
            } else {
                col += 1;
            }
        }
    }
    let [white, black, bar_h, bar_v] = swiss_cross();
    let r = |(x, y, w, h): (f64, f64, f64, f64), fill: &str| {
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(x),
            num(y),
            num(w),
            num(h)
        )
    };
    format!(
        concat!(
            "<g transform=\"translate({x} {y})\">",
            "<path fill=\"#000\" shape-rendering=\"crispEdges\" transform=\"scale({m})\" d=\"{d}\"/>",
            "{w}{b}{h}{v}</g>"
        ),
        x = num(x),
        y = num(y),
        m = num(module),
        d = d,
        w = r(white, "#fff"),
        b = r(black, "#000"),
        h = r(bar_h, "#fff"),
        v = r(bar_v, "#fff"),
    )
}

/// The Swiss cross (SIX "CH-Kreuz 7 mm") over the QR code, as rectangles (x, y, width, height) in
/// mm from the code's top-left corner, to paint in order: a white 7 mm square, a black 6 mm
/// square, then the white horizontal and vertical bars (7/6 mm wide, 35/9 mm long).
pub fn swiss_cross() -> [(f64, f64, f64, f64); 4] {
    let c = QR_SIZE_MM / 2.0;
    let bar_w = 7.0 / 6.0;
    let bar_l = 35.0 / 9.0;
    [
        (c - 3.5, c - 3.5, 7.0, 7.0),
        (c - 3.0, c - 3.0, 6.0, 6.0),
        (c - bar_l / 2.0, c - bar_w / 2.0, bar_l, bar_w),
        (c - bar_w / 2.0, c - bar_l / 2.0, bar_w, bar_l),
    ]
}

/// A standalone SVG of the bill's QR code, 46 × 46 mm, user units in millimetres.
pub fn qr_code_svg(bill: &QrBill) -> Result<String, RenderError> {
    let matrix = bill.qr_matrix()?;
    Ok(format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" ",
            "width=\"46mm\" height=\"46mm\" viewBox=\"0 0 46 46\">",
            "<rect width=\"46\" height=\"46\" fill=\"#fff\"/>{}</svg>"
        ),
        qr_group(&matrix, 0.0, 0.0)
    ))
}

impl QrBill {
    /// The QR code module matrix of this bill's payload (validates the bill first).
    pub fn qr_matrix(&self) -> Result<QrMatrix, RenderError> {
        let payload = self.to_payload()?;
        QrMatrix::encode(&payload)
    }
}
