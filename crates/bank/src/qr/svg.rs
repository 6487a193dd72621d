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
    // Swiss cross (SIX "CH-Kreuz 7 mm"): white 7 mm square, black 6 mm square, white cross
    // with bars 7/6 mm wide and 35/9 mm long, centred on the QR code.
    let c = QR_SIZE_MM / 2.0;
    let bar_w = 7.0 / 6.0;
    let bar_l = 35.0 / 9.0;
    format!(
        concat!(
            "<g transform=\"translate({x} {y})\">",
            "<path fill=\"#000\" shape-rendering=\"crispEdges\" transform=\"scale({m})\" d=\"{d}\"/>",
            "<rect x=\"{w0}\" y=\"{w0}\" width=\"7\" height=\"7\" fill=\"#fff\"/>",
            "<rect x=\"{b0}\" y=\"{b0}\" width=\"6\" height=\"6\" fill=\"#000\"/>",
            "<rect x=\"{hx}\" y=\"{hy}\" width=\"{bl}\" height=\"{bw}\" fill=\"#fff\"/>",
            "<rect x=\"{hy}\" y=\"{hx}\" width=\"{bw}\" height=\"{bl}\" fill=\"#fff\"/>",
            "</g>"
        ),
        x = num(x),
        y = num(y),
        m = num(module),
        d = d,
        w0 = num(c - 3.5),
        b0 = num(c - 3.0),
        hx = num(c - bar_l / 2.0),
        hy = num(c - bar_w / 2.0),
        bl = num(bar_l),
        bw = num(bar_w),
    )
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
