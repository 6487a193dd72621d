//! A calendar date without time zone, as written in ISO 20022 files (`YYYY-MM-DD`).

use std::fmt;

/// A calendar date (proleptic Gregorian), printed as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31 (checked against the month and leap years).
    pub day: u8,
}

/// The text is not a valid `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a valid date (YYYY-MM-DD)")]
pub struct DateError(pub String);

impl Date {
    /// Builds a date, checking month and day ranges (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Parses `YYYY-MM-DD`, or the date part of an ISO date-time (`YYYY-MM-DDThh:mm:ss…`).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let err = || DateError(text.to_owned());
        let b = text.as_bytes();
        if b.len() < 10 || (b.len() > 10 && b[10] != b'T') || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let s = text.get(r)?;
            if !s.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let year = num(0..4).ok_or_else(err)?;
        let month = num(5..7).ok_or_else(err)?;
        let day = num(8..10).ok_or_else(err)?;
        Date::new(
            year,
            u8::try_from(month).map_err(|_| err())?,
            u8::try_from(day).map_err(|_| err())?,
        )
        .ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_date_times_from_bank_files() {
        assert_eq!(
            Date::parse("2022-03-08"),
            Ok(Date {
                year: 2022,
                month: 3,
                day: 8
            })
        );
        assert_eq!(
            Date::parse("2022-03-08T20:00:00+01:00").map(|d| d.to_string()),
            Ok("2022-03-08".to_owned())
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Ok(29));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-04-31",
            "22-03-08",
            "2022-03-08Z",
            "2022/03/08",
            "",
            "2022-3-8",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}
