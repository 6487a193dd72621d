//! Invoice documents as PDF: the final invoice, the payment request (the invoice with its Swiss
//! QR-bill payment part at the bottom of the page) and the pro forma. Pure: a [`Document`] in,
//! PDF bytes out; labels come from the i18n catalogue of `guichet-core`, the payment part's
//! layout from `guichet-bank` ([`guichet_bank::qr::payment_part_layout`]).
//!
//! A4 portrait, millimetres from the top-left corner. The payment part with receipt takes the
//! bottom 105 mm of the last page (IG QR-bill §3.4), with separation lines and scissors since
//! the document is printed on plain paper.

mod canvas;
pub mod facturx;
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
    /// The structured parties of the Factur-X e-invoice embedded in the PDF (PDF/A-3); none on a
    /// pro forma, which has no legal value.
    pub einvoice: Option<facturx::EInvoice>,
    /// The provider's logo, printed at the top right of the first page (issue #14).
    pub logo: Option<Logo>,
}

/// A raster logo: PNG, JPEG or WebP (an SVG logo is for the web pages only).
#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    pub bytes: std::sync::Arc<[u8]>,
    pub format: LogoFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Jpeg,
    Webp,
}

impl Logo {
    /// The logo as an image of krilla's, if its bytes decode (not interpolated: PDF/A forbids it).
    pub(crate) fn image(&self) -> Option<krilla::image::Image> {
        let data: krilla::Data = self.bytes.to_vec().into();
        match self.format {
            LogoFormat::Png => krilla::image::Image::from_png(data, false),
            LogoFormat::Jpeg => krilla::image::Image::from_jpeg(data, false),
            LogoFormat::Webp => krilla::image::Image::from_webp(data, false),
        }
        .ok()
    }
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

/// The document as PDF bytes. With [`Document::einvoice`] (and a number), a PDF/A-3b that is a
/// Factur-X EN 16931 invoice: its CII XML embedded as `factur-x.xml` and declared in the XMP.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = canvas::Fonts::load().ok_or(PdfError::Font)?;
    let pages = layout(doc, &fonts)?;
    let xml = doc.einvoice.as_ref().and_then(|e| facturx::cii_xml(doc, e));
    let mut pdf = if xml.is_some() {
        let configuration = krilla::configure::ConfigurationBuilder::new()
            .with_archival_validator(krilla::configure::Archival::A3_B)
            .finish()
            .map_err(|e| PdfError::Pdf(format!("PDF/A-3 configuration: {e:?}")))?;
        krilla::Document::new_with(krilla::SerializeSettings {
            configuration,
            ..krilla::SerializeSettings::default()
        })
    } else {
        krilla::Document::new()
    };
    let mut metadata = krilla::metadata::Metadata::new()
        .language(doc.lang.code().to_owned())
        .creator("Guichet".to_owned());
    metadata = metadata.title(layout::title(doc));
    if let Some(date) = krilla_date(&doc.issued_on) {
        metadata = metadata.creation_date(date);
    }
    pdf.set_metadata(metadata);
    if let Some(xml) = &xml {
        let file = krilla::embed::EmbeddedFile {
            path: facturx::XML_FILENAME.to_owned(),
            mime_type: krilla::embed::MimeType::new("text/xml"),
            description: Some("Factur-X EN 16931 invoice".to_owned()),
            association_kind: krilla::embed::AssociationKind::Alternative,
            data: xml.as_bytes().to_vec().into(),
            modification_date: krilla_date(&doc.issued_on),
            compress: Some(true),
            location: None,
        };
        pdf.embed_file(file)
            .ok_or_else(|| PdfError::Pdf("embedding factur-x.xml twice".into()))?;
    }
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
    let bytes = pdf.finish().map_err(|e| PdfError::Pdf(format!("{e:?}")))?;
    if xml.is_some() {
        facturx::add_facturx_xmp(&bytes)
    } else {
        Ok(bytes)
    }
}

/// `YYYY-MM-DD` as a krilla date (noon UTC: the day is what matters).
fn krilla_date(iso: &str) -> Option<krilla::metadata::DateTime> {
    let mut parts = iso.split('-').map(str::parse::<u16>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Some(
        krilla::metadata::DateTime::new(y)
            .month(u8::try_from(m).ok()?)
            .day(u8::try_from(d).ok()?)
            .hour(12)
            .utc_offset_hour(0),
    )
}

#[cfg(test)]
mod tests;
