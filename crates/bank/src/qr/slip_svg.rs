//! The payment part with receipt as one SVG document, drawn from its layout.

use super::bill::QrBill;
use super::marks::Mark;
use super::matrix::RenderError;
use super::metrics::PT;
use super::slip::{FONT_FAMILY, SlipOptions, payment_part_layout};
use super::svg::{esc, num, qr_group};
use std::fmt::Write as _;

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

/// The SVG path data of open polylines, with `H`/`V` for axis-parallel segments.
// Exact comparison on purpose: a point shares a coordinate with the one before it when it was
// computed from it, and only then is the shorter V/H command right.
#[allow(clippy::float_cmp)]
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
