//! Swiss QR-bill (IG QR-bill 2.3): the typed bill, its payload, a payload parser, the QR code
//! matrix and the SVG rendering of the QR code and of the payment part with receipt.

mod bill;
mod labels;
mod marks;
mod matrix;
mod metrics;
mod parse;
mod payload;
mod slip;
mod slip_svg;
mod svg;

pub use bill::{Address, Field, QrBill, QrError, Reference};
pub use labels::{Label, Language};
pub use marks::Mark;
pub use matrix::{MAX_VERSION, QrMatrix, RenderError};
pub use parse::{ParseError, parse};
pub use payload::{MAX_AMOUNT_MINOR, MAX_PAYLOAD_CHARS, SEPARATOR};
pub use slip::{
    QR_CODE_MM, RECEIPT_WIDTH_MM, SLIP_HEIGHT_MM, SLIP_WIDTH_MM, Separation, SlipOptions,
    payment_part_layout,
};
pub use slip_svg::payment_part_svg;
pub use svg::{qr_code_svg, swiss_cross};
