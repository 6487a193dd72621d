//! The operator's brand (issue #14): name, logo and primary colour, as flags and variables or the
//! `[brand]` table of the file, checked at start-up (the README's configuration table lists them).
//!
//! The logo is a file Guichet reads once and serves itself (`/assets/brand-logo`), not a URL: the
//! pages' Content-Security-Policy keeps images to Guichet's own origin, and a customer's browser
//! never asks a third party for it.

use clap::Args;
use guichet_app::config::{Brand, BrandLogo};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The largest logo read, in bytes.
pub const MAX_LOGO_BYTES: u64 = 512 * 1024;

#[derive(Args, Debug, Default, Clone)]
pub struct BrandArgs {
    /// Name shown in every page's header and title [default: Guichet]
    #[arg(long, env = "GUICHET_BRAND_NAME", global = true)]
    pub brand_name: Option<String>,
    /// Logo shown before the name: a PNG, JPEG, SVG or WebP file of at most 512 KiB, served by Guichet [default: none]
    #[arg(long, env = "GUICHET_BRAND_LOGO", global = true)]
    pub brand_logo: Option<PathBuf>,
    /// Primary colour (buttons, links, the current page), a CSS hex colour such as #0a7d5a [default: #0b5cad]
    #[arg(long, env = "GUICHET_BRAND_COLOR", global = true)]
    pub brand_color: Option<String>,
}

/// The `[brand]` table of the file: `name`, `logo`, `color`.
#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct BrandFile {
    pub name: Option<String>,
    pub logo: Option<PathBuf>,
    pub color: Option<String>,
}

pub fn resolve(a: BrandArgs, f: Option<BrandFile>) -> anyhow::Result<Brand> {
    let f = f.unwrap_or_default();
    let d = Brand::default();
    let name = match a.brand_name.or(f.name) {
        Some(n) if n.trim().is_empty() => d.name,
        Some(n) if n.trim().chars().count() > 60 => {
            anyhow::bail!("GUICHET_BRAND_NAME (brand.name) must be at most 60 characters")
        }
        Some(n) => n.trim().to_string(),
        None => d.name,
    };
    let color = match a.brand_color.or(f.color) {
        Some(c) => color(&c)?,
        None => d.color,
    };
    let logo = match a.brand_logo.or(f.logo) {
        Some(p) if p.as_os_str().is_empty() => None,
        Some(p) => Some(logo(&p)?),
        None => None,
    };
    Ok(Brand { name, color, logo })
}

/// `#0a7d5a` or `#0A7D5A` (also the short `#0a7`), as `#0a7d5a`.
pub fn color(text: &str) -> anyhow::Result<String> {
    let t = text.trim();
    let hex = t.strip_prefix('#').unwrap_or("");
    let ok = matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        anyhow::bail!(
            "GUICHET_BRAND_COLOR (brand.color) must be a CSS hex colour such as #0a7d5a, got {t:?}"
        );
    }
    let hex = hex.to_ascii_lowercase();
    Ok(if hex.len() == 3 {
        let mut long = String::from("#");
        for c in hex.chars() {
            long.push(c);
            long.push(c);
        }
        long
    } else {
        format!("#{hex}")
    })
}

fn logo(path: &Path) -> anyhow::Result<BrandLogo> {
    let shown = path.display();
    let text = path.to_string_lossy();
    if text.starts_with("http://") || text.starts_with("https://") {
        anyhow::bail!(
            "GUICHET_BRAND_LOGO (brand.logo) is a file Guichet serves itself, not a URL \
             ({shown}): download the image and give its path"
        );
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| anyhow::anyhow!("GUICHET_BRAND_LOGO (brand.logo): {shown}: {e}"))?;
    if !meta.is_file() || meta.len() > MAX_LOGO_BYTES {
        anyhow::bail!(
            "GUICHET_BRAND_LOGO (brand.logo): {shown} must be a file of at most {} KiB",
            MAX_LOGO_BYTES / 1024
        );
    }
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("GUICHET_BRAND_LOGO (brand.logo): {shown}: {e}"))?;
    let content_type = image_type(&bytes).ok_or_else(|| {
        anyhow::anyhow!(
            "GUICHET_BRAND_LOGO (brand.logo): {shown} is not a PNG, JPEG, SVG or WebP image"
        )
    })?;
    Ok(BrandLogo {
        bytes: bytes.into(),
        content_type,
    })
}

/// The image type, from the file's first bytes (not its name).
fn image_type(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if b.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some("image/jpeg");
    }
    if b.len() > 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    let head = String::from_utf8_lossy(&b[..b.len().min(1024)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with("<svg") || (head.starts_with("<?xml") && head.contains("<svg")))
        .then_some("image/svg+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_css_hex_colours() {
        assert_eq!(color("#0A7D5A").unwrap(), "#0a7d5a");
        assert_eq!(color(" #0a7 ").unwrap(), "#00aa77");
        for bad in ["0a7d5a", "#0a7d5", "#0a7d5g", "green", "", "#0a7d5a; x"] {
            let e = color(bad).unwrap_err().to_string();
            assert!(e.contains("GUICHET_BRAND_COLOR"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_logo_is_an_image_file() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(
            image_type(b"<?xml version=\"1.0\"?><svg xmlns=\"\"/>"),
            Some("image/svg+xml")
        );
        assert_eq!(image_type(b"GIF89a"), None);
        let e = logo(Path::new("https://example.com/logo.png")).unwrap_err();
        assert!(e.to_string().contains("not a URL"), "{e}");
        let e = logo(Path::new("/nonexistent/logo.png")).unwrap_err();
        assert!(e.to_string().contains("GUICHET_BRAND_LOGO"), "{e}");
    }
}
