//! Swiss QR-bill (IG QR-bill 2.3): the typed bill, its payload, a payload parser, the QR code
//! matrix and the SVG rendering of the QR code and of the payment part with receipt.

mod bill;
mod labels;
mod matrix;
mod parse;
mod payload;
mod slip;
mod svg;

pub use bill::{Address, Field, QrBill, QrError, Reference};
pub use labels::{Label, Language};
pub use matrix::{MAX_VERSION, QrMatrix, RenderError};
pub use parse::{ParseError, parse};
pub use payload::{MAX_AMOUNT_MINOR, MAX_PAYLOAD_CHARS, SEPARATOR};
pub use slip::{
    Mark, QR_CODE_MM, RECEIPT_WIDTH_MM, SLIP_HEIGHT_MM, SLIP_WIDTH_MM, Separation, SlipOptions,
    payment_part_layout, payment_part_svg,
};
pub use svg::{qr_code_svg, swiss_cross};
