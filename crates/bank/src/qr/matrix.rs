//! The QR code symbol of a payload: error correction M, at most version 25.

use qrcode::{Color, EcLevel, QrCode, Version};

/// Largest QR code version the guidelines allow (117 × 117 modules).
pub const MAX_VERSION: i16 = 25;

/// Versions 7–13 have an alignment pattern exactly in the centre, where the Swiss cross is
/// drawn; such payloads are encoded as version 14 instead (no centre alignment pattern), which
/// some decoders (zbar) need and which the guidelines allow (any version up to 25).
const CENTRE_ALIGNMENT: std::ops::RangeInclusive<i16> = 7..=13;

/// The version of the first choice free of a centre alignment pattern.
const FIRST_CLEAR_CENTRE: i16 = 14;

/// Why a QR code could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The bill breaks a QR-bill rule.
    #[error(transparent)]
    Bill(#[from] super::QrError),
    /// The payload does not fit a QR code at error correction level M.
    #[error("payload does not fit a QR code at error correction level M: {0}")]
    Encode(String),
    /// The payload needs a QR code larger than version 25.
    #[error("payload needs QR code version {version}, at most 25 is allowed")]
    VersionTooLarge {
        /// The version the payload needs.
        version: i16,
    },
}

/// A square QR code module matrix without quiet zone; `true` is a dark module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    version: i16,
    modules: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `payload` as UTF-8 bytes at error correction level M (version ≤ 25).
    ///
    /// The smallest version is used, except that versions 7–13 are raised to 14 so that the
    /// Swiss cross does not hide the centre alignment pattern.
    pub fn encode(payload: &str) -> Result<QrMatrix, RenderError> {
        let encode_err = |e: qrcode::types::QrError| RenderError::Encode(e.to_string());
        let mut code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
            .map_err(encode_err)?;
        let mut version = match code.version() {
            Version::Normal(v) | Version::Micro(v) => v,
        };
        if CENTRE_ALIGNMENT.contains(&version) {
            code = QrCode::with_version(
                payload.as_bytes(),
                Version::Normal(FIRST_CLEAR_CENTRE),
                EcLevel::M,
            )
            .map_err(encode_err)?;
            version = FIRST_CLEAR_CENTRE;
        }
        if version > MAX_VERSION {
            return Err(RenderError::VersionTooLarge { version });
        }
        let width = code.width();
        let modules = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(QrMatrix {
            width,
            version,
            modules,
        })
    }

    /// Modules per side (21 for version 1, 117 for version 25).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The QR code version (1–25).
    pub fn version(&self) -> i16 {
        self.version
    }

    /// Whether the module at column `x`, row `y` is dark (`false` outside the matrix).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width
            && y < self.width
            && self
                .modules
                .get(y * self.width + x)
                .copied()
                .unwrap_or(false)
    }

    /// The modules row by row, `true` for dark.
    pub fn rows(&self) -> Vec<Vec<bool>> {
        self.modules
            .chunks(self.width.max(1))
            .map(<[bool]>::to_vec)
            .collect()
    }
}
