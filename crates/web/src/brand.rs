//! The operator's brand on every page (issue #14): the header's logo and name, and the primary
//! colour as CSS custom properties in `/assets/brand.css` (a stylesheet, since the
//! Content-Security-Policy allows no inline style). Readable whatever the colour: the text on a
//! button is white or black, whichever contrasts more, and links take the colour darkened
//! until it reads on white (WCAG AA, 4.5:1).

use crate::ctx::Ctx;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

/// The header's link home: the logo (if any) and the brand's name.
pub fn home_link(ctx: &Ctx) -> Markup {
    let brand = &ctx.state.app.config.brand;
    html! {
        a.brand href="/" {
            @if brand.logo.is_some() {
                img.brand-logo src=(format!("/assets/brand-logo?v={}", ctx.state.brand_version)) alt="";
            }
            span.brand-name { (brand.name) }
        }
    }
}

/// The page's `<link>` to the brand's stylesheet.
pub fn stylesheet_link(ctx: &Ctx) -> Markup {
    html! { link rel="stylesheet" href=(format!("/assets/brand.css?v={}", ctx.state.brand_version)); }
}

pub async fn stylesheet(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        css(&state.app.config.brand.color),
    )
        .into_response()
}

pub async fn logo(State(state): State<AppState>) -> Response {
    let Some(logo) = &state.app.config.brand.logo else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut res = (
        [
            (header::CONTENT_TYPE, logo.content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        logo.bytes.to_vec(),
    )
        .into_response();
    // An SVG opened on its own runs nothing and loads nothing.
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    res
}

/// `:root { --brand: …; --brand-ink: …; --brand-text: … }` for a `#rrggbb` colour.
pub fn css(color: &str) -> String {
    let Some(rgb) = parse(color) else {
        return String::new();
    };
    let white = [255, 255, 255];
    let dark = [0, 0, 0];
    let ink = if contrast(rgb, white) >= contrast(rgb, dark) {
        "#ffffff"
    } else {
        "#000000"
    };
    // Links and the current page's mark sit on white or a light tint: darken until they read.
    let mut text = rgb;
    for step in 1..=20 {
        if contrast(text, white) >= 5.0 {
            break;
        }
        let keep = 1.0 - f64::from(step) * 0.05;
        text = rgb.map(|c| scale(c, keep));
    }
    format!(
        ":root {{ --brand: {color}; --brand-ink: {ink}; --brand-text: {}; }}\n",
        hex(text)
    )
}

fn scale(c: u8, keep: f64) -> u8 {
    // Within 0…255 by construction (keep is in 0…1).
    let v = (f64::from(c) * keep).round().clamp(0.0, 255.0);
    format!("{v:.0}").parse().unwrap_or(0)
}

fn parse(color: &str) -> Option<[u8; 3]> {
    let h = color.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// WCAG relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var<'a>(css: &'a str, name: &str) -> &'a str {
        css.split(&format!("{name}: "))
            .nth(1)
            .and_then(|r| r.split(';').next())
            .unwrap_or("")
    }

    #[test]
    fn any_colour_gives_readable_buttons_and_links() {
        for color in [
            "#0b5cad", "#0a7d5a", "#ffd700", "#ffffff", "#000000", "#e30613",
        ] {
            let css = css(color);
            assert_eq!(var(&css, "--brand"), color);
            let rgb = parse(color).unwrap();
            let ink = parse(var(&css, "--brand-ink")).unwrap();
            let text = parse(var(&css, "--brand-text")).unwrap();
            assert!(contrast(rgb, ink) >= 4.5, "{color}: {css}");
            assert!(contrast(text, [255, 255, 255]) >= 4.5, "{color}: {css}");
        }
        // A dark enough colour is used as it is.
        assert_eq!(var(&css("#0b5cad"), "--brand-text"), "#0b5cad");
        assert_eq!(var(&css("#0b5cad"), "--brand-ink"), "#ffffff");
        assert_eq!(var(&css("#ffd700"), "--brand-ink"), "#000000");
    }
}
