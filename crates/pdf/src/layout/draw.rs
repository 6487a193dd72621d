//! Drawing the laid-out operations on the PDF canvas.

use super::*;

/// Paints one operation.
pub(crate) fn draw(c: &mut Canvas<'_, '_>, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size_pt,
            bold,
            right,
            content,
            max_width,
        } => c.text(
            (*x, *y),
            (
                *size_pt,
                *bold,
                if *right { Align::Right } else { Align::Left },
            ),
            content,
            *max_width,
        ),
        Op::Rect { x, y, w, h, black } => c.rect(*x, *y, *w, *h, *black),
        Op::Logo { x, y, w, h, logo } => {
            if let Some(image) = logo.image() {
                c.image(image, *x, *y, *w, *h);
            }
        }
        Op::Lines { width, polylines } => c.lines(*width, polylines),
        Op::Scissors { x, y, angle } => c.with_transform(*x, *y, *angle, |c| {
            // The bank crate's SVG symbol: a white ground, two finger rings, two blades.
            c.rect(-3.0, -1.8, 6.0, 3.6, false);
            c.circle(-1.9, -0.9, 0.7, 0.3);
            c.circle(-1.9, 0.9, 0.7, 0.3);
            c.lines(
                0.3,
                &[
                    vec![(-1.3, -0.55), (2.6, 0.75)],
                    vec![(-1.3, 0.55), (2.6, -0.75)],
                ],
            );
        }),
        Op::QrCode { x, y, matrix } => {
            let n = matrix.width().max(1);
            let module = qr::QR_CODE_MM as f32 / n as f32;
            c.rect(*x, *y, qr::QR_CODE_MM as f32, qr::QR_CODE_MM as f32, false);
            let mut runs = Vec::new();
            for row in 0..n {
                let mut col = 0;
                while col < n {
                    if matrix.is_dark(col, row) {
                        let start = col;
                        while col < n && matrix.is_dark(col, row) {
                            col += 1;
                        }
                        runs.push((
                            x + start as f32 * module,
                            y + row as f32 * module,
                            (col - start) as f32 * module,
                            module,
                        ));
                    } else {
                        col += 1;
                    }
                }
            }
            c.rects(&runs);
            for (i, (rx, ry, rw, rh)) in qr::swiss_cross().into_iter().enumerate() {
                c.rect(x + rx as f32, y + ry as f32, rw as f32, rh as f32, i == 1);
            }
        }
    }
}
