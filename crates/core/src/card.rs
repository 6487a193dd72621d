//! Card details as typed in a checkout form: checked (Luhn, expiry, CVC) before any provider sees
//! them. Only the last four digits are ever kept.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub number: String,
    pub exp_month: u32,
    pub exp_year: u32,
    pub cvc: String,
}

impl Card {
    pub fn last4(&self) -> &str {
        &self.number[self.number.len().saturating_sub(4)..]
    }
}

/// Which field is wrong, as a catalogue key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardProblem {
    Number,
    Expiry,
    Expired,
    Cvc,
}

impl CardProblem {
    pub fn field(self) -> &'static str {
        match self {
            CardProblem::Number => "card_number",
            CardProblem::Expiry | CardProblem::Expired => "card_expiry",
            CardProblem::Cvc => "card_cvc",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CardProblem::Number => "card.number_invalid",
            CardProblem::Expiry => "card.expiry_invalid",
            CardProblem::Expired => "card.expired",
            CardProblem::Cvc => "card.cvc_invalid",
        }
    }
}

/// The Luhn checksum of a string of digits.
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Parses a card from form fields. `expiry` is `MM/YY` or `MM/YYYY`; `today` is (year, month) UTC.
pub fn parse(
    number: &str,
    expiry: &str,
    cvc: &str,
    today: (u32, u32),
) -> Result<Card, CardProblem> {
    let number: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !(12..=19).contains(&number.len())
        || !number.chars().all(|c| c.is_ascii_digit())
        || !luhn_ok(&number)
    {
        return Err(CardProblem::Number);
    }
    let (m, y) = expiry.trim().split_once('/').ok_or(CardProblem::Expiry)?;
    let month: u32 = m.trim().parse().map_err(|_| CardProblem::Expiry)?;
    let mut year: u32 = y.trim().parse().map_err(|_| CardProblem::Expiry)?;
    if year < 100 {
        year += 2000;
    }
    if !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
        return Err(CardProblem::Expiry);
    }
    if (year, month) < today {
        return Err(CardProblem::Expired);
    }
    let cvc = cvc.trim();
    if !(3..=4).contains(&cvc.len()) || !cvc.chars().all(|c| c.is_ascii_digit()) {
        return Err(CardProblem::Cvc);
    }
    Ok(Card {
        number,
        exp_month: month,
        exp_year: year,
        cvc: cvc.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_checked_field_by_field() {
        let today = (2026, 11);
        let c = parse("4242 4242 4242 4242", "12/27", "123", today).unwrap();
        assert_eq!(c.last4(), "4242");
        assert_eq!((c.exp_month, c.exp_year), (12, 2027));
        assert_eq!(
            parse("4242 4242 4242 4241", "12/27", "123", today),
            Err(CardProblem::Number)
        );
        assert_eq!(
            parse("abcd", "12/27", "123", today),
            Err(CardProblem::Number)
        );
        assert_eq!(
            parse("4242424242424242", "13/27", "123", today),
            Err(CardProblem::Expiry)
        );
        assert_eq!(
            parse("4242424242424242", "1227", "123", today),
            Err(CardProblem::Expiry)
        );
        assert_eq!(
            parse("4242424242424242", "10/26", "123", today),
            Err(CardProblem::Expired)
        );
        assert!(
            parse("4242424242424242", "11/26", "123", today).is_ok(),
            "valid through the end of its month"
        );
        assert_eq!(
            parse("4242424242424242", "12/27", "12", today),
            Err(CardProblem::Cvc)
        );
    }
}
