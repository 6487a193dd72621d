//! VAT (SPEC §5): prices are excluding VAT. Swiss and Liechtenstein customers pay Swiss VAT
//! (8.1 % ⚙); EU businesses with a VAT number are invoiced without VAT with a reverse-charge mention;
//! other EU customers pay their country's rate ⚙; everyone else 0 %. Rates are in basis points
//! (1/100 of a percent), so 8.1 % is 810.

use crate::org::OrgKind;

/// The standard rates of the EU member states, in basis points (⚙: the operator can override them).
pub const EU_STANDARD_RATES: &[(&str, u32)] = &[
    ("AT", 2000),
    ("BE", 2100),
    ("BG", 2000),
    ("CY", 1900),
    ("CZ", 2100),
    ("DE", 1900),
    ("DK", 2500),
    ("EE", 2400),
    ("ES", 2100),
    ("FI", 2550),
    ("FR", 2000),
    ("GR", 2400),
    ("HR", 2500),
    ("HU", 2700),
    ("IE", 2300),
    ("IT", 2200),
    ("LT", 2100),
    ("LU", 1700),
    ("LV", 2100),
    ("MT", 1800),
    ("NL", 2100),
    ("PL", 2300),
    ("PT", 2300),
    ("RO", 2100),
    ("SE", 2500),
    ("SI", 2200),
    ("SK", 2300),
];

/// Swiss VAT, standard rate since 2024 (⚙).
pub const SWISS_RATE: u32 = 810;

/// How an invoice is taxed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VatTreatment {
    /// Swiss VAT at this rate.
    Swiss(u32),
    /// The customer's EU country rate (a consumer, or a business without a VAT number).
    EuDestination(u32),
    /// An EU business with a VAT number: no VAT, the customer accounts for it (reverse charge).
    ReverseCharge,
    /// Outside Switzerland and the EU: no VAT.
    Exempt,
}

impl VatTreatment {
    pub fn rate_bp(self) -> u32 {
        match self {
            VatTreatment::Swiss(r) | VatTreatment::EuDestination(r) => r,
            VatTreatment::ReverseCharge | VatTreatment::Exempt => 0,
        }
    }

    /// The mention the invoice must carry, as a catalogue key.
    pub fn mention_key(self) -> Option<&'static str> {
        match self {
            VatTreatment::ReverseCharge => Some("vat.reverse_charge"),
            VatTreatment::Exempt => Some("vat.exempt"),
            _ => None,
        }
    }
}

/// The treatment for a customer in `country` of `kind`, with or without a VAT number.
pub fn treatment(country: &str, kind: OrgKind, vat_number: Option<&str>) -> VatTreatment {
    if country == "CH" || country == "LI" {
        return VatTreatment::Swiss(SWISS_RATE);
    }
    match EU_STANDARD_RATES.iter().find(|(c, _)| *c == country) {
        Some(_) if kind == OrgKind::Company && vat_number.is_some_and(|v| !v.trim().is_empty()) => {
            VatTreatment::ReverseCharge
        }
        Some((_, rate)) => VatTreatment::EuDestination(*rate),
        None => VatTreatment::Exempt,
    }
}

/// VAT on `net` minor units at `rate_bp`, rounded half-up (half a centime goes up).
pub fn vat_on(net: i64, rate_bp: u32) -> Option<i64> {
    let product = (net as i128).checked_mul(rate_bp as i128)?;
    let sign = if product < 0 { -1 } else { 1 };
    let rounded = (product.abs() + 5_000) / 10_000;
    i64::try_from(rounded * sign).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_rules() {
        assert_eq!(
            treatment("CH", OrgKind::Individual, None),
            VatTreatment::Swiss(810)
        );
        assert_eq!(
            treatment("LI", OrgKind::Company, Some("LI123")),
            VatTreatment::Swiss(810)
        );
        assert_eq!(
            treatment("FR", OrgKind::Company, Some("FR40303265045")),
            VatTreatment::ReverseCharge
        );
        assert_eq!(
            treatment("FR", OrgKind::Company, Some(" ")),
            VatTreatment::EuDestination(2000)
        );
        assert_eq!(
            treatment("DE", OrgKind::Individual, None),
            VatTreatment::EuDestination(1900)
        );
        assert_eq!(
            treatment("US", OrgKind::Company, None),
            VatTreatment::Exempt
        );
        assert_eq!(
            VatTreatment::ReverseCharge.mention_key(),
            Some("vat.reverse_charge")
        );
    }

    #[test]
    fn half_up_rounding() {
        assert_eq!(vat_on(10_000, 810), Some(810));
        assert_eq!(vat_on(1_850, 810), Some(150)); // 149.85 → 150
        assert_eq!(vat_on(617, 810), Some(50)); // 49.977 → 50
        assert_eq!(vat_on(5_000, 1_000), Some(500));
        assert_eq!(vat_on(25, 2_000), Some(5));
        assert_eq!(vat_on(2_5, 200), Some(1)); // 0.5 → 1
        assert_eq!(
            vat_on(i64::MAX, 20_000),
            None,
            "overflow is refused, not wrapped"
        );
        assert_eq!(vat_on(i64::MAX, 810), Some(747_093_134_985_236_840));
    }
}
