//! Drawing on a krilla page in millimetres (y downwards), with the embedded Liberation Sans faces (the QR-bill guidelines, IG 2.3 §3.4, allow only Arial, Frutiger, Helvetica and Liberation Sans).
//!
//! Text is placed one glyph per character (no shaping, hence no ligatures): what `pdftotext`
//! extracts is exactly the characters drawn.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::paint::{Fill, LineCap, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

/// Millimetres per typographic point.
pub const PT: f32 = 25.4 / 72.0;
/// Points per millimetre (krilla's user space is in points).
pub const MM: f32 = 72.0 / 25.4;

static REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// One face: krilla's handle for embedding, skrifa's for glyph ids and widths.
#[derive(Clone)]
pub struct Face {
    font: Font,
    data: &'static [u8],
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        skrifa::FontRef::new(data).ok()?;
        Some(Face {
            font: Font::new(data.into(), 0)?,
            data,
        })
    }

    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        let Ok(font) = skrifa::FontRef::new(self.data) else {
            return Vec::new();
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        )
        .max(1.0);
        text.char_indices()
            .map(|(i, c)| {
                let gid = charmap.map(c).unwrap_or_default();
                let advance = metrics.advance_width(gid).unwrap_or(0.0) / upem;
                KrillaGlyph::new(
                    GlyphId::new(gid.to_u32()),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// Whether the face has a glyph for `c` (else it would print `.notdef`).
    pub fn has_glyph(&self, c: char) -> bool {
        skrifa::FontRef::new(self.data)
            .ok()
            .and_then(|f| f.charmap().map(c))
            .is_some_and(|g| g.to_u32() != 0)
    }

    /// Width of `text` in mm at `size_pt`.
    pub fn width(&self, text: &str, size_pt: f32) -> f32 {
        self.glyphs(text).iter().map(|g| g.x_advance).sum::<f32>() * size_pt * PT
    }
}

/// The regular and bold faces.
#[derive(Clone)]
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// The embedded faces (`None` only if the committed files were damaged).
    pub fn load() -> Option<Fonts> {
        Some(Fonts {
            regular: Face::load(REGULAR)?,
            bold: Face::load(BOLD)?,
        })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// Horizontal alignment of a line of text at its `x`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A page surface whose user space is millimetres from the top-left corner.
pub struct Canvas<'a, 'b> {
    surface: &'a mut Surface<'b>,
    fonts: &'a Fonts,
}

impl<'a, 'b> Canvas<'a, 'b> {
    pub fn new(surface: &'a mut Surface<'b>, fonts: &'a Fonts) -> Canvas<'a, 'b> {
        surface.push_transform(&Transform::from_scale(MM, MM));
        Canvas { surface, fonts }
    }

    /// Ends the millimetre transform.
    pub fn finish(self) {
        self.surface.pop();
    }

    /// One line of text with its baseline at `y`; squeezed horizontally to `max_width` mm when
    /// given and the text is wider.
    pub fn text(
        &mut self,
        (x, y): (f32, f32),
        (size_pt, bold, align): (f32, bool, Align),
        content: &str,
        max_width: Option<f32>,
    ) {
        if content.is_empty() {
            return;
        }
        let face = self.fonts.face(bold).clone();
        // A character the face has no glyph for (an emoji in data stored before the input checks)
        // is printed as `?`: a `.notdef` box is not allowed in a PDF/A file, and every glyph must
        // map to the text it shows.
        let printable: String = content
            .chars()
            .map(|c| {
                // The page is laid out line by line here: a no-break space (amounts) is a space.
                if c == '\u{a0}' {
                    ' '
                } else if face.has_glyph(c) || c.is_whitespace() {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        let content = printable.as_str();
        let glyphs = face.glyphs(content);
        let natural = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size_pt * PT;
        let squeeze = match max_width {
            Some(w) if w > 0.0 && natural > w => w / natural,
            _ => 1.0,
        };
        let width = natural * squeeze;
        let x = match align {
            Align::Left => x,
            Align::Right => x - width,
        };
        self.surface.set_fill(Some(Fill {
            paint: luma::Color::black().into(),
            ..Fill::default()
        }));
        self.surface.set_stroke(None);
        let squeezed = squeeze < 1.0;
        if squeezed {
            self.surface.push_transform(&Transform::from_row(
                squeeze,
                0.0,
                0.0,
                1.0,
                x * (1.0 - squeeze),
                0.0,
            ));
        }
        self.surface.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            face.font.clone(),
            content,
            size_pt * PT,
            false,
        );
        if squeezed {
            self.surface.pop();
        }
    }

    /// A filled rectangle, black or white.
    /// An image with its top-left corner at `x`, `y`, `w` × `h` mm.
    pub fn image(&mut self, image: krilla::image::Image, x: f32, y: f32, w: f32, h: f32) {
        let Some(size) = krilla::geom::Size::from_wh(w, h) else {
            return;
        };
        self.surface
            .push_transform(&Transform::from_translate(x, y));
        self.surface.draw_image(image, size);
        self.surface.pop();
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, black: bool) {
        let Some(rect) = Rect::from_xywh(x, y, w, h) else {
            return;
        };
        let mut pb = PathBuilder::new();
        pb.push_rect(rect);
        let Some(path) = pb.finish() else { return };
        let paint = if black {
            luma::Color::black()
        } else {
            luma::Color::white()
        };
        self.surface.set_fill(Some(Fill {
            paint: paint.into(),
            ..Fill::default()
        }));
        self.surface.set_stroke(None);
        self.surface.draw_path(&path);
    }

    /// Black rectangles (x, y, width, height) as one path.
    pub fn rects(&mut self, rects: &[(f32, f32, f32, f32)]) {
        let mut pb = PathBuilder::new();
        for &(x, y, w, h) in rects {
            if let Some(r) = Rect::from_xywh(x, y, w, h) {
                pb.push_rect(r);
            }
        }
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill(Some(Fill {
            paint: luma::Color::black().into(),
            ..Fill::default()
        }));
        self.surface.set_stroke(None);
        self.surface.draw_path(&path);
    }

    /// Black open polylines, `width` mm wide.
    pub fn lines(&mut self, width: f32, polylines: &[Vec<(f32, f32)>]) {
        let mut pb = PathBuilder::new();
        for line in polylines {
            for (i, &(x, y)) in line.iter().enumerate() {
                if i == 0 {
                    pb.move_to(x, y);
                } else {
                    pb.line_to(x, y);
                }
            }
        }
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: luma::Color::black().into(),
            width,
            line_cap: LineCap::Butt,
            ..Stroke::default()
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }

    /// A circle outline of radius `r` at (`cx`, `cy`), `width` mm wide.
    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, width: f32) {
        // Four cubic arcs (kappa = 0.5523).
        let k = 0.552_284_8 * r;
        let mut pb = PathBuilder::new();
        pb.move_to(cx + r, cy);
        pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        pb.close();
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: luma::Color::black().into(),
            width,
            ..Stroke::default()
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }

    /// Runs `f` with the user space translated to (`x`, `y`) and rotated by `angle` degrees.
    pub fn with_transform(&mut self, x: f32, y: f32, angle: f32, f: impl FnOnce(&mut Self)) {
        self.surface
            .push_transform(&Transform::from_translate(x, y));
        self.surface.push_transform(&Transform::from_rotate(angle));
        f(self);
        self.surface.pop();
        self.surface.pop();
    }
}
