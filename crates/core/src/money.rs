//! Money: integer minor units with an explicit currency, checked arithmetic, never floats.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "CHF")]
    Chf,
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Chf => "CHF",
            Currency::Eur => "EUR",
        }
    }

    pub fn parse(s: &str) -> Option<Currency> {
        match s {
            "CHF" => Some(Currency::Chf),
            "EUR" => Some(Currency::Eur),
            _ => None,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MoneyError {
    #[error("currencies differ: {0} and {1}")]
    CurrencyMismatch(Currency, Currency),
    #[error("amount out of range")]
    Overflow,
}

/// An amount in minor units (centimes, cents) of one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self { minor: 0, currency }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }
}

impl fmt::Display for Money {
    /// `CHF 1'234.50` style with an apostrophe for thousands (Swiss usage), minus sign first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push('\'');
            }
            grouped.push(c);
        }
        write!(f, "{} {sign}{grouped}.{:02}", self.currency, abs % 100)
    }
}

/// The largest amount Guichet accepts anywhere, in minor units: 1 000 000 000.00 of any currency.
/// Every input that carries an amount (forms, API, bank files, operator tools, catalogue prices) is
/// checked against it, so running sums stay far inside the integer range.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000;

/// `1234.50`: minor units as a plain decimal, for statements and CSV.
pub fn format_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        minor.unsigned_abs() / 100,
        minor.unsigned_abs() % 100
    )
}

/// Reads an amount typed by a person (`150`, `150.5`, `1'234.50`, `1234,50`) into minor units;
/// `None` for anything else (negative, more than two decimals, letters, absurdly large).
pub fn parse_amount(s: &str) -> Option<i64> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| *c != '\'' && *c != ' ' && *c != '\u{2019}')
        .collect();
    let s = s.replace(',', ".");
    let (units, cents) = match s.split_once('.') {
        Some((u, c)) => (u, c),
        None => (s.as_str(), ""),
    };
    if units.is_empty() || units.len() > 12 || !units.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if cents.len() > 2 || !cents.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let units: i64 = units.parse().ok()?;
    let cents: i64 = if cents.is_empty() {
        0
    } else {
        format!("{cents:0<2}").parse().ok()?
    };
    units.checked_mul(100)?.checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_typed_by_people() {
        assert_eq!(parse_amount("150"), Some(15000));
        assert_eq!(parse_amount("150.5"), Some(15050));
        assert_eq!(parse_amount("1'234.50"), Some(123450));
        assert_eq!(parse_amount(" 1234,05 "), Some(123405));
        for bad in ["", "-5", "1.234", "12a", ".50", "1e3", "9999999999999"] {
            assert_eq!(parse_amount(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_with_thousands_and_sign() {
        assert_eq!(
            Money::new(123450, Currency::Chf).to_string(),
            "CHF 1'234.50"
        );
        assert_eq!(Money::new(-5, Currency::Eur).to_string(), "EUR -0.05");
        assert_eq!(
            Money::new(100000000, Currency::Eur).to_string(),
            "EUR 1'000'000.00"
        );
    }

    #[test]
    fn refuses_mixed_currencies_and_overflow() {
        let chf = Money::new(1, Currency::Chf);
        let eur = Money::new(1, Currency::Eur);
        assert_eq!(
            chf.checked_add(eur),
            Err(MoneyError::CurrencyMismatch(Currency::Chf, Currency::Eur))
        );
        assert_eq!(
            Money::new(i64::MAX, Currency::Chf).checked_add(chf),
            Err(MoneyError::Overflow)
        );
        assert_eq!(chf.checked_sub(chf).unwrap(), Money::zero(Currency::Chf));
    }
}
