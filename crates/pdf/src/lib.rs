//! Invoice documents as PDF: the final invoice, the payment request (the invoice with its Swiss
//! QR-bill payment part at the bottom of the page) and the pro forma. Pure: a [`Document`] in,
//! PDF bytes out; labels come from the i18n catalogue of `guichet-core`, the payment part's
//! layout from `guichet-bank` ([`guichet_bank::qr::payment_part_layout`]).
//!
//! A4 portrait, millimetres from the top-left corner. The payment part with receipt takes the
//! bottom 105 mm of the last page (IG QR-bill §3.4), with separation lines and scissors since
//! the document is printed on plain paper.

mod canvas;
mod layout;

pub use canvas::{MM, PT};
pub use guichet_bank::qr::QrBill;
pub use guichet_core::{Currency, Lang};
pub use layout::{Op, Page, layout};

/// A4 width and height (mm).
pub const A4_WIDTH_MM: f32 = 210.0;
pub const A4_HEIGHT_MM: f32 = 297.0;

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The invoice of a paid invoice (INV-05): numbered, marked paid, no payment part.
    Invoice,
    /// The invoice still to pay (INV-07), with its QR-bill payment part when it has one.
    PaymentRequest,
    /// A pro forma of a selection: no number, no payment reference, no legal value.
    ProForma,
    /// A credit note (INV-02): a refund against an invoice, numbered in its own series.
    CreditNote,
}

/// One billed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub description: String,
    /// Period start and end, `YYYY-MM-DD`.
    pub period: Option<(String, String)>,
    pub quantity: i64,
    /// Minor units, excluding VAT.
    pub unit_net: i64,
    pub net: i64,
    /// Basis points (810 = 8.1 %).
    pub vat_rate_bp: i64,
    pub vat: i64,
    pub gross: i64,
}

/// One rate of the VAT breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VatRow {
    pub rate_bp: i64,
    pub net: i64,
    pub vat: i64,
}

/// Everything printed on a document.
#[derive(Clone, Debug)]
pub struct Document {
    pub kind: Kind,
    pub lang: Lang,
    /// The provider: name first, then address lines (and e.g. its VAT number).
    pub issuer: Vec<String>,
    /// The customer's billing address: name first.
    pub customer: Vec<String>,
    /// The invoice number; none on a pro forma.
    pub number: Option<String>,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    pub due_on: Option<String>,
    pub paid_on: Option<String>,
    pub currency: Currency,
    pub lines: Vec<Line>,
    /// Catalogue key of the VAT mention (reverse charge, exempt), if any.
    pub vat_mention: Option<String>,
    pub net: i64,
    pub vat: i64,
    pub gross: i64,
    /// The Organization's billing reference (INV-08).
    pub billing_reference: Option<String>,
    /// The invoice's payment reference (QRR or RF); none on a pro forma.
    pub payment_reference: Option<String>,
    /// The payment part printed at the bottom of a payment request.
    pub qr_bill: Option<QrBill>,
    /// The invoice a credit note corrects.
    pub corrects: Option<String>,
}

impl Document {
    /// Net and VAT per rate, in rate order.
    pub fn vat_breakdown(&self) -> Vec<VatRow> {
        let mut rows: Vec<VatRow> = Vec::new();
        for l in &self.lines {
            match rows.iter_mut().find(|r| r.rate_bp == l.vat_rate_bp) {
                Some(r) => {
                    r.net += l.net;
                    r.vat += l.vat;
                }
                None => rows.push(VatRow {
                    rate_bp: l.vat_rate_bp,
                    net: l.net,
                    vat: l.vat,
                }),
            }
        }
        rows.sort_by_key(|r| r.rate_bp);
        rows
    }
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded fonts cannot be read")]
    Font,
    #[error("QR-bill: {0}")]
    QrBill(#[from] guichet_bank::qr::RenderError),
    #[error("PDF: {0}")]
    Pdf(String),
}

/// The document as PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = canvas::Fonts::load().ok_or(PdfError::Font)?;
    let pages = layout(doc, &fonts)?;
    let mut pdf = krilla::Document::new();
    let mut metadata = krilla::metadata::Metadata::new()
        .language(doc.lang.code().to_owned())
        .creator("Guichet".to_owned());
    metadata = metadata.title(layout::title(doc));
    pdf.set_metadata(metadata);
    for ops in &pages {
        let settings = krilla::page::PageSettings::from_wh(A4_WIDTH_MM * MM, A4_HEIGHT_MM * MM)
            .ok_or_else(|| PdfError::Pdf("page size".into()))?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        let mut c = canvas::Canvas::new(&mut surface, &fonts);
        for op in ops {
            layout::draw(&mut c, op);
        }
        c.finish();
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| PdfError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests;
