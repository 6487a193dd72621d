//! Organization rules: kinds, which fields are legal ones (ORG-04), the currency an address fixes (ORG-05),
//! and when an Organization may be deleted (ORG-06).

use crate::money::Currency;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Individual,
    Association,
    Company,
    PublicBody,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Individual,
        OrgKind::Association,
        OrgKind::Company,
        OrgKind::PublicBody,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Individual => "individual",
            OrgKind::Association => "association",
            OrgKind::Company => "company",
            OrgKind::PublicBody => "public_body",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// ORG-05: CH and LI invoice in CHF, everywhere else in EUR.
pub fn currency_for_country(country: &str) -> Currency {
    match country {
        "CH" | "LI" => Currency::Chf,
        _ => Currency::Eur,
    }
}

/// What stands in the way of deleting an Organization (ORG-06). Empty means it may be deleted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DeletionBlockers {
    pub products: i64,
    pub other_members: i64,
    pub prepaid_balance_minor: i64,
    pub unpaid_invoices: i64,
}

impl DeletionBlockers {
    pub fn reasons(&self) -> Vec<&'static str> {
        let mut r = Vec::new();
        if self.products > 0 {
            r.push("org.delete.has_products");
        }
        if self.other_members > 0 {
            r.push("org.delete.has_members");
        }
        if self.prepaid_balance_minor != 0 {
            r.push("org.delete.has_balance");
        }
        if self.unpaid_invoices > 0 {
            r.push("org.delete.has_unpaid");
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org05_switzerland_and_liechtenstein_pay_in_chf() {
        assert_eq!(currency_for_country("CH"), Currency::Chf);
        assert_eq!(currency_for_country("LI"), Currency::Chf);
        assert_eq!(currency_for_country("FR"), Currency::Eur);
        assert_eq!(currency_for_country("US"), Currency::Eur);
    }

    #[test]
    fn org06_each_blocker_is_named() {
        assert!(DeletionBlockers::default().reasons().is_empty());
        let b = DeletionBlockers {
            products: 1,
            other_members: 2,
            prepaid_balance_minor: 5,
            unpaid_invoices: 1,
        };
        assert_eq!(b.reasons().len(), 4);
    }
}
