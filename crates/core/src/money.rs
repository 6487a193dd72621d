//! Money: integer minor units with an explicit currency, checked arithmetic, never floats.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
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
/// As JSON `{"minor": 10810, "currency": "CHF"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
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
    /// `CHF 1'234.50` style with an apostrophe for thousands (Swiss usage), minus sign first, and a
    /// no-break space after the currency so the amount never breaks across lines (`core::human`).
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
        write!(f, "{}\u{a0}{sign}{grouped}.{:02}", self.currency, abs % 100)
    }
}

/// An amount as a bank file states it: minor units of an ISO 4217 currency Guichet may keep no
/// accounts in (a camt entry in USD is recorded with its reason, never booked).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct BankAmount {
    pub minor: i64,
    /// The ISO 4217 code the file gave (`CHF`, `EUR`, `USD`…).
    pub currency: String,
}

impl BankAmount {
    /// The amount as money Guichet books, when it is in one of its currencies.
    pub fn money(&self) -> Option<Money> {
        Currency::parse(&self.currency).map(|c| Money::new(self.minor, c))
    }
}

impl fmt::Display for BankAmount {
    /// `1234.50 CHF`, as the statement lists it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_minor(self.minor), self.currency)
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

/// The ceiling of an account's running sums (`ledger_accounts.debits` / `credits`), in minor units:
/// 10^17, ten million times [`MAX_AMOUNT_MINOR`] and still ~90 times below `i64::MAX`, so adding one
/// entry's amounts to a sum at the ceiling can never overflow. The database refuses a sum above it
/// (migration 0019) and the ledger refuses the entry cleanly before that.
pub const MAX_RUNNING_SUM_MINOR: i64 = 100_000_000_000_000_000;

/// Why an amount is refused. Each has a catalogue key ([`AmountError::key`]) that names the rule;
/// the caller names the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("amount missing")]
    Missing,
    #[error("not an amount")]
    NotANumber,
    #[error("more decimals than the currency has")]
    TooManyDecimals,
    #[error("amount must be more than zero")]
    NotPositive,
    #[error("amount cannot be negative")]
    Negative,
    #[error("amount above the maximum")]
    TooLarge,
}

impl AmountError {
    /// The catalogue key of the message shown under the field.
    pub fn key(self) -> &'static str {
        match self {
            AmountError::Missing => "amount.missing",
            AmountError::NotANumber => "amount.not_a_number",
            AmountError::TooManyDecimals => "amount.too_many_decimals",
            AmountError::NotPositive => "amount.not_positive",
            AmountError::Negative => "amount.negative",
            AmountError::TooLarge => "amount.too_large",
        }
    }
}

/// Whether zero is an acceptable amount for an input (a price of 0.00, "nothing from the balance")
/// or not (a top-up, a withdrawal, a refund).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zero {
    Allowed,
    Refused,
}

/// The one bound check of every amount input: `0 < minor <= MAX` (or `0 <= …` when zero is allowed).
pub fn check_minor(minor: i64, zero: Zero) -> Result<i64, AmountError> {
    if minor < 0 {
        Err(if zero == Zero::Allowed {
            AmountError::Negative
        } else {
            AmountError::NotPositive
        })
    } else if minor == 0 && zero == Zero::Refused {
        Err(AmountError::NotPositive)
    } else if minor > MAX_AMOUNT_MINOR {
        Err(AmountError::TooLarge)
    } else {
        Ok(minor)
    }
}

/// Reads an amount typed by a person (`150`, `150.5`, `1'234.50`, `1234,50`) into minor units of a
/// currency with two decimals, and checks it against [`MAX_AMOUNT_MINOR`] and the zero rule.
pub fn parse_amount_text(s: &str, zero: Zero) -> Result<i64, AmountError> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| *c != '\'' && *c != ' ' && *c != '\u{2019}')
        .collect();
    if s.is_empty() {
        return Err(AmountError::Missing);
    }
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let s = s.replace(',', ".");
    let (units, cents) = match s.split_once('.') {
        Some((u, c)) => (u, c),
        None => (s.as_str(), ""),
    };
    if units.is_empty()
        || !units.chars().all(|c| c.is_ascii_digit())
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return Err(AmountError::NotANumber);
    }
    if cents.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    // Leading zeros do not make an amount large; a long run of digits does.
    let units = units.trim_start_matches('0');
    if units.len() > 12 {
        return Err(if negative {
            AmountError::NotPositive
        } else {
            AmountError::TooLarge
        });
    }
    let units: i64 = if units.is_empty() {
        0
    } else {
        units.parse().map_err(|_| AmountError::NotANumber)?
    };
    let cents: i64 = if cents.is_empty() {
        0
    } else {
        format!("{cents:0<2}")
            .parse()
            .map_err(|_| AmountError::NotANumber)?
    };
    let minor = units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .ok_or(AmountError::TooLarge)?;
    check_minor(if negative { -minor } else { minor }, zero)
}

/// Reads an amount typed by a person into minor units; `None` for anything
/// [`parse_amount_text`] refuses (zero is accepted).
pub fn parse_amount(s: &str) -> Option<i64> {
    parse_amount_text(s, Zero::Allowed).ok()
}

/// An `amount_minor` field of a JSON body, read leniently so that a bad value becomes a field
/// error (422 naming the field) instead of a body that does not parse: a number beyond `i64`, `1e30`,
/// `12.5`, a string or `null` are kept as the reason they are refused. Check it with
/// [`MinorInput::check`]; a missing field is `MinorInput::default()` (missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MinorInput(pub Result<i64, AmountError>);

impl Default for MinorInput {
    fn default() -> Self {
        MinorInput(Err(AmountError::Missing))
    }
}

impl MinorInput {
    /// The amount in minor units if it is a whole number within the bounds.
    pub fn check(self, zero: Zero) -> Result<i64, AmountError> {
        check_minor(self.0?, zero)
    }
}

impl<'de> Deserialize<'de> for MinorInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = MinorInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in minor units")
            }
            fn visit_i64<E>(self, v: i64) -> Result<MinorInput, E> {
                Ok(MinorInput(Ok(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<MinorInput, E> {
                Ok(MinorInput(
                    i64::try_from(v).map_err(|_| AmountError::TooLarge),
                ))
            }
            fn visit_i128<E>(self, v: i128) -> Result<MinorInput, E> {
                Ok(MinorInput(i64::try_from(v).map_err(|_| {
                    if v < 0 {
                        AmountError::NotPositive
                    } else {
                        AmountError::TooLarge
                    }
                })))
            }
            fn visit_u128<E>(self, v: u128) -> Result<MinorInput, E> {
                Ok(MinorInput(
                    i64::try_from(v).map_err(|_| AmountError::TooLarge),
                ))
            }
            fn visit_f64<E>(self, v: f64) -> Result<MinorInput, E> {
                // Minor units are whole numbers; a float is refused for what it is, never rounded.
                Ok(MinorInput(Err(if !v.is_finite() {
                    AmountError::NotANumber
                } else if v.abs() > MAX_AMOUNT_MINOR as f64 {
                    if v < 0.0 {
                        AmountError::NotPositive
                    } else {
                        AmountError::TooLarge
                    }
                } else {
                    AmountError::TooManyDecimals
                })))
            }
            fn visit_str<E>(self, _: &str) -> Result<MinorInput, E> {
                Ok(MinorInput(Err(AmountError::NotANumber)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<MinorInput, E> {
                Ok(MinorInput(Err(AmountError::NotANumber)))
            }
            fn visit_unit<E>(self) -> Result<MinorInput, E> {
                Ok(MinorInput(Err(AmountError::Missing)))
            }
            fn visit_none<E>(self) -> Result<MinorInput, E> {
                Ok(MinorInput(Err(AmountError::Missing)))
            }
            fn visit_some<D2: serde::Deserializer<'de>>(
                self,
                d: D2,
            ) -> Result<MinorInput, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<MinorInput, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(MinorInput(Err(AmountError::NotANumber)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<MinorInput, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(MinorInput(Err(AmountError::NotANumber)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Σ of amounts with overflow refused (an invoice's lines, a checkout's invoices, a report's rows).
pub fn checked_sum<I: IntoIterator<Item = i64>>(amounts: I) -> Result<i64, MoneyError> {
    amounts.into_iter().try_fold(0i64, |acc, a| {
        acc.checked_add(a).ok_or(MoneyError::Overflow)
    })
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
            "CHF\u{a0}1'234.50"
        );
        assert_eq!(Money::new(-5, Currency::Eur).to_string(), "EUR\u{a0}-0.05");
        assert_eq!(
            Money::new(100000000, Currency::Eur).to_string(),
            "EUR\u{a0}1'000'000.00"
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

    #[test]
    fn amount_text_table() {
        use AmountError::*;
        let max = MAX_AMOUNT_MINOR;
        let cases: &[(&str, Zero, Result<i64, AmountError>)] = &[
            ("120.50", Zero::Refused, Ok(12050)),
            ("0.01", Zero::Refused, Ok(1)),
            ("1000000000", Zero::Refused, Ok(max)),
            ("1'000'000'000.00", Zero::Refused, Ok(max)),
            ("1000000000.01", Zero::Refused, Err(TooLarge)),
            ("92233720368547758.07", Zero::Refused, Err(TooLarge)),
            ("9223372036854775807", Zero::Refused, Err(TooLarge)),
            ("0", Zero::Refused, Err(NotPositive)),
            ("0", Zero::Allowed, Ok(0)),
            ("0.00", Zero::Refused, Err(NotPositive)),
            ("-5", Zero::Refused, Err(NotPositive)),
            ("-5", Zero::Allowed, Err(Negative)),
            ("1.234", Zero::Refused, Err(TooManyDecimals)),
            ("1e30", Zero::Refused, Err(NotANumber)),
            ("abc", Zero::Refused, Err(NotANumber)),
            ("NaN", Zero::Refused, Err(NotANumber)),
            ("", Zero::Refused, Err(Missing)),
            ("   ", Zero::Allowed, Err(Missing)),
            (".50", Zero::Refused, Err(NotANumber)),
            ("0001.50", Zero::Refused, Ok(150)),
        ];
        for (text, zero, want) in cases {
            assert_eq!(parse_amount_text(text, *zero), *want, "{text:?} {zero:?}");
        }
    }

    #[test]
    fn json_amounts_become_field_errors() {
        #[derive(Deserialize)]
        struct Body {
            #[serde(default)]
            amount_minor: MinorInput,
        }
        let read = |json: &str| {
            serde_json::from_str::<Body>(json)
                .expect("every value parses into a MinorInput")
                .amount_minor
                .check(Zero::Refused)
        };
        use AmountError::*;
        assert_eq!(read(r#"{"amount_minor": 12050}"#), Ok(12050));
        assert_eq!(
            read(r#"{"amount_minor": 100000000000}"#),
            Ok(MAX_AMOUNT_MINOR)
        );
        assert_eq!(read(r#"{"amount_minor": 100000000001}"#), Err(TooLarge));
        assert_eq!(
            read(r#"{"amount_minor": 9223372036854775807}"#),
            Err(TooLarge)
        );
        assert_eq!(
            read(r#"{"amount_minor": 9223372036854775808}"#),
            Err(TooLarge)
        );
        assert_eq!(read(r#"{"amount_minor": 1e30}"#), Err(TooLarge));
        assert_eq!(read(r#"{"amount_minor": 12.5}"#), Err(TooManyDecimals));
        assert_eq!(read(r#"{"amount_minor": 0}"#), Err(NotPositive));
        assert_eq!(read(r#"{"amount_minor": -1}"#), Err(NotPositive));
        assert_eq!(read(r#"{"amount_minor": "100"}"#), Err(NotANumber));
        assert_eq!(read(r#"{"amount_minor": [1]}"#), Err(NotANumber));
        assert_eq!(read(r#"{"amount_minor": {"a": 1}}"#), Err(NotANumber));
        assert_eq!(read(r#"{"amount_minor": null}"#), Err(Missing));
        assert_eq!(read(r"{}"), Err(Missing));
    }

    #[test]
    fn sums_refuse_overflow() {
        assert_eq!(checked_sum([1, 2, 3]), Ok(6));
        assert_eq!(checked_sum([i64::MAX, 1]), Err(MoneyError::Overflow));
        // The ceiling leaves room: a sum at it plus the largest entry still fits in i64.
        assert!(
            MAX_RUNNING_SUM_MINOR
                .checked_add(MAX_AMOUNT_MINOR * 1000)
                .is_some()
        );
    }

    proptest::proptest! {
        #[test]
        fn every_accepted_text_is_within_bounds_and_round_trips(minor in 1i64..=MAX_AMOUNT_MINOR) {
            let text = format_minor(minor);
            proptest::prop_assert_eq!(parse_amount_text(&text, Zero::Refused), Ok(minor));
        }

        #[test]
        fn every_i64_is_checked_without_panic(minor in proptest::num::i64::ANY) {
            let r = check_minor(minor, Zero::Refused);
            proptest::prop_assert_eq!(r.is_ok(), minor > 0 && minor <= MAX_AMOUNT_MINOR);
            let _ = parse_amount_text(&minor.to_string(), Zero::Allowed);
        }
    }
}
