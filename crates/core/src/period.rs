//! Calendar periods for subscriptions, in whole days (UTC): adding months with end-of-month clamping,
//! and the FREQ-02 rule that a switch to a shorter billing period waits for the end of the current
//! term, so no month is ever billed twice.

use serde::{Deserialize, Serialize};

/// A calendar date; as text (stored, in JSON) `2026-01-31`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The billing periods of the catalogue, in months (⚙).
pub const PERIODS: [u32; 5] = [1, 3, 12, 24, 36];

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// `months` later, on the same day or the last day of a shorter month (Jan 31 + 1 → Feb 28/29).
    pub fn add_months(self, months: u32) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + months as i64;
        let year = (total / 12) as i32;
        let month = (total % 12 + 1) as u8;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// `2026-01-31`.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// The calendar day (UTC) of a Unix time.
    pub fn from_unix(unix: i64) -> Date {
        Date::from_days(unix.div_euclid(86_400))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, on the proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.days_since_epoch().saturating_add(days))
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        }
    }

    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(y, m, d)
    }

    /// Strict `YYYY-MM-DD`, or the date part of an ISO date-time (`YYYY-MM-DDThh:mm:ss…`), as
    /// bank files write them: four-digit year, two-digit month and day, nothing else.
    pub fn parse_iso_prefix(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() < 10 || (b.len() > 10 && b[10] != b'T') || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = text.get(r)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        Date::new(
            year,
            u8::try_from(num(5..7)?).ok()?,
            u8::try_from(num(8..10)?).ok()?,
        )
        .filter(|d| d.year >= 1)
    }

    /// The date `days` days after 1970-01-01 (before when negative).
    pub fn from_days_since_epoch(days: i64) -> Date {
        Date::from_days(days)
    }

    /// Day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    pub fn iso_weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Text that is not a calendar date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADate;

impl std::str::FromStr for Date {
    type Err = NotADate;
    fn from_str(s: &str) -> Result<Date, NotADate> {
        Date::parse_iso(s).ok_or(NotADate)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom("not a date (YYYY-MM-DD)"))
    }
}

/// Whole months from `a` to `b` (the inverse of [`Date::add_months`] for the billing periods).
pub fn months_between(a: Date, b: Date) -> i64 {
    (b.year as i64 - a.year as i64) * 12 + b.month as i64 - a.month as i64
}

/// FREQ-01/02/03: the first day billed under a new billing period, for a product whose paid term
/// ends on `expires`. Always the end of the current term, whatever the day the change is asked:
/// shorter periods (FREQ-02 — Guichet does better than the guides and never bills a month twice)
/// and longer ones (FREQ-03, at the next renewal) alike. When the next term has already been
/// invoiced (`next_invoiced_months`: the months that invoice bills), the change waits for the end
/// of that term as well: an issued invoice is never billed again under another period.
pub fn change_applies_from(expires: Date, next_invoiced_months: Option<u32>) -> Date {
    match next_invoiced_months {
        Some(months) => expires.add_months(months),
        None => expires,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn unix_days_round_trip() {
        for (unix, iso) in [
            (0, "1970-01-01"),
            (86_399, "1970-01-01"),
            (-1, "1969-12-31"),
            (951_782_400, "2000-02-29"),
            (1_798_675_200, "2026-12-31"),
            (1_798_761_600, "2027-01-01"),
            (4_107_542_400, "2100-03-01"),
        ] {
            let d = Date::from_unix(unix);
            assert_eq!(d.iso(), iso, "{unix}");
            assert_eq!(d.days_since_epoch(), unix.div_euclid(86_400));
        }
        let d = Date::parse_iso("2026-12-31").unwrap();
        assert_eq!(d.add_days(1).iso(), "2027-01-01");
        assert_eq!(d.add_days(-365).iso(), "2025-12-31");
        assert_eq!(
            Date::parse_iso("2024-02-28").unwrap().add_days(1).iso(),
            "2024-02-29"
        );
        assert_eq!(
            Date::parse_iso("2100-02-28").unwrap().add_days(1).iso(),
            "2100-03-01"
        );
    }
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn months_clamp_at_the_end_of_shorter_months() {
        assert_eq!(d(2026, 1, 31).add_months(1), d(2026, 2, 28));
        assert_eq!(d(2028, 1, 31).add_months(1), d(2028, 2, 29));
        assert_eq!(d(2026, 11, 15).add_months(3), d(2027, 2, 15));
        assert_eq!(d(2026, 1, 1).add_months(36), d(2029, 1, 1));
        assert_eq!(Date::parse_iso("2026-02-29"), None);
        assert_eq!(
            Date::parse_iso("2026-06-15").map(Date::iso).as_deref(),
            Some("2026-06-15")
        );
    }

    #[test]
    fn days_weekdays_and_strict_parsing() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2026, 12, 3).days_since_epoch(), 20_790);
        assert_eq!(d(1969, 12, 31).days_since_epoch(), -1);
        for days in [-800_000, -1, 0, 59, 365, 20_790, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(d(2028, 2, 28).add_days(1), d(2028, 2, 29));
        assert_eq!(d(2026, 12, 31).add_days(1), d(2027, 1, 1));
        // 2026-12-03 is a Thursday, 2026-12-06 a Sunday.
        assert_eq!(d(2026, 12, 3).iso_weekday(), 4);
        assert_eq!(d(2026, 12, 6).iso_weekday(), 7);
        assert_eq!(d(2026, 12, 7).iso_weekday(), 1);
        assert_eq!(
            Date::parse_iso_prefix("2022-03-08T20:00:00+01:00"),
            Some(d(2022, 3, 8))
        );
        assert_eq!(d(2022, 3, 8).to_string(), "2022-03-08");
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "22-03-08",
            "2022-03-08Z",
            "2022/03/08",
            "",
            "2022-3-8",
            "0000-01-01",
            "+202-01-01",
        ] {
            assert_eq!(Date::parse_iso_prefix(bad), None, "{bad}");
        }
    }

    #[test]
    fn freq02_change_applies_at_the_end_of_the_term() {
        // (paid until, months of an already issued next-term invoice, first day under the new period)
        for (expires, invoiced, from) in [
            // A year paid from 2026-01-01, switched to monthly on 2026-06-15: January 2027 is the
            // first monthly term, nothing of 2026 is billed again.
            (d(2027, 1, 1), None, d(2027, 1, 1)),
            // Monthly → yearly (FREQ-03): at the next renewal.
            (d(2026, 7, 1), None, d(2026, 7, 1)),
            // The next year was invoiced already: the change waits for its end.
            (d(2027, 1, 1), Some(12), d(2028, 1, 1)),
            // A month invoiced ahead, on a 31st: the end of that month, clamped.
            (d(2027, 1, 31), Some(1), d(2027, 2, 28)),
        ] {
            assert_eq!(
                change_applies_from(expires, invoiced),
                from,
                "{expires:?} {invoiced:?}"
            );
        }
    }
}
