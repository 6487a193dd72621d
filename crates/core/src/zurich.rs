//! Swiss civil time and banking days, for the dates written into bank files (pain.001's `CreDtTm`
//! and `ReqdExctnDt`), without a time-zone database.
//!
//! Switzerland (`Europe/Zurich`) is on CET (UTC+01:00) and on CEST (UTC+02:00) from the last
//! Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC — the European rule it has
//! followed since 1996. Earlier dates are not needed (a file is written now).
//!
//! Banking days are Monday to Friday except the days the Swiss interbank system (SIC) does not
//! settle: the fixed holidays 1 and 2 January, 1 August, 25 and 26 December, and the Easter-based
//! ones, Good Friday, Easter Monday, Ascension Day and Whit Monday. Cantonal holidays (and 1 May,
//! on which SIC settles) are not holidays here; a bank closed that day executes on its next day.

use crate::period::Date;

/// A moment in Zurich's civil time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in seconds: 3600 in winter, 7200 in summer.
    pub offset_secs: i64,
}

impl LocalTime {
    /// ISO 8601 with the offset, as ISO 20022 wants it: `2026-12-03T09:15:00+01:00`.
    pub fn iso(self) -> String {
        let sign = if self.offset_secs < 0 { '-' } else { '+' };
        let off = self.offset_secs.unsigned_abs();
        format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            off / 3600,
            off % 3600 / 60
        )
    }
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u8) -> Date {
    let first_of_next = if month == 12 {
        Date {
            year: year + 1,
            month: 1,
            day: 1,
        }
    } else {
        Date {
            year,
            month: month + 1,
            day: 1,
        }
    };
    let last = first_of_next.add_days(-1);
    last.add_days(-i64::from(last.iso_weekday() % 7))
}

/// Unix seconds of `date` at `hour`:00 UTC.
fn utc_at(date: Date, hour: i64) -> i64 {
    date.days_since_epoch() * 86_400 + hour * 3600
}

/// Zurich's offset from UTC at the Unix time `unix` (seconds): 3600 (CET) or 7200 (CEST).
pub fn offset_secs(unix: i64) -> i64 {
    let year = Date::from_days_since_epoch(unix.div_euclid(86_400)).year;
    let summer_from = utc_at(last_sunday(year, 3), 1);
    let summer_until = utc_at(last_sunday(year, 10), 1);
    if (summer_from..summer_until).contains(&unix) {
        7200
    } else {
        3600
    }
}

/// The Unix time `unix` as Zurich's civil time.
pub fn local_time(unix: i64) -> LocalTime {
    let offset = offset_secs(unix);
    let local = unix + offset;
    let secs = local.rem_euclid(86_400);
    LocalTime {
        date: Date::from_days_since_epoch(local.div_euclid(86_400)),
        hour: (secs / 3600) as u8,
        minute: (secs % 3600 / 60) as u8,
        second: (secs % 60) as u8,
        offset_secs: offset,
    }
}

/// Easter Sunday of `year` (Gregorian computus, the "anonymous" algorithm).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u8,
        day: day as u8,
    }
}

/// Whether the Swiss interbank system does not settle on `date` although it is a weekday.
pub fn is_bank_holiday(date: Date) -> bool {
    let fixed = matches!((date.month, date.day), (1 | 8, 1) | (1, 2) | (12, 25 | 26));
    let from_easter = date.days_since_epoch() - easter_sunday(date.year).days_since_epoch();
    // Good Friday, Easter Monday, Ascension Day, Whit Monday.
    fixed || matches!(from_easter, -2 | 1 | 39 | 50)
}

/// Monday to Friday and not a bank holiday.
pub fn is_banking_day(date: Date) -> bool {
    date.iso_weekday() <= 5 && !is_bank_holiday(date)
}

/// The first banking day after `date` (never `date` itself).
pub fn next_banking_day(date: Date) -> Date {
    let mut d = date.add_days(1);
    while !is_banking_day(d) {
        d = d.add_days(1);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// Unix seconds of a UTC date-time.
    fn utc(y: i32, m: u8, day: u8, h: i64, min: i64) -> i64 {
        d(y, m, day).days_since_epoch() * 86_400 + h * 3600 + min * 60
    }

    #[test]
    fn winter_and_summer_time_switch_at_one_in_the_morning_utc() {
        // (UTC time, Zurich time as written in CreDtTm)
        let table = [
            (utc(2026, 12, 3, 8, 15), "2026-12-03T09:15:00+01:00"),
            (utc(2026, 7, 1, 8, 15), "2026-07-01T10:15:00+02:00"),
            // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
            (utc(2026, 3, 29, 0, 59), "2026-03-29T01:59:00+01:00"),
            (utc(2026, 3, 29, 1, 0), "2026-03-29T03:00:00+02:00"),
            (utc(2026, 10, 25, 0, 59), "2026-10-25T02:59:00+02:00"),
            (utc(2026, 10, 25, 1, 0), "2026-10-25T02:00:00+01:00"),
            // 2027: 28 March and 31 October.
            (utc(2027, 3, 28, 1, 0), "2027-03-28T03:00:00+02:00"),
            (utc(2027, 10, 31, 0, 30), "2027-10-31T02:30:00+02:00"),
            (utc(2027, 10, 31, 1, 30), "2027-10-31T02:30:00+01:00"),
            // After midnight in Zurich, still the day before in UTC.
            (utc(2026, 12, 31, 23, 30), "2027-01-01T00:30:00+01:00"),
            (utc(2026, 6, 30, 22, 5), "2026-07-01T00:05:00+02:00"),
        ];
        for (unix, want) in table {
            assert_eq!(local_time(unix).iso(), want, "{unix}");
        }
    }

    #[test]
    fn easter_and_the_days_it_moves() {
        let table = [
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
            (2027, d(2027, 3, 28)),
            (2038, d(2038, 4, 25)),
            (2285, d(2285, 3, 22)),
        ];
        for (year, want) in table {
            assert_eq!(easter_sunday(year), want, "{year}");
        }
        // 2026: Good Friday 3 April, Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May.
        for h in [d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 14), d(2026, 5, 25)] {
            assert!(is_bank_holiday(h), "{h}");
        }
        for h in [d(2026, 1, 1), d(2026, 1, 2), d(2026, 8, 1), d(2026, 12, 25)] {
            assert!(is_bank_holiday(h), "{h}");
        }
        assert!(!is_bank_holiday(d(2026, 5, 1)));
        assert!(!is_bank_holiday(d(2026, 4, 7)));
    }

    #[test]
    fn the_next_banking_day_skips_weekends_and_holidays() {
        let table = [
            (d(2026, 12, 3), d(2026, 12, 4)),   // Thursday → Friday
            (d(2026, 12, 4), d(2026, 12, 7)),   // Friday → Monday
            (d(2026, 12, 5), d(2026, 12, 7)),   // Saturday → Monday
            (d(2026, 12, 24), d(2026, 12, 28)), // Christmas and St Stephen's Day
            (d(2026, 12, 31), d(2027, 1, 4)),   // 1 and 2 January, then the weekend
            (d(2026, 4, 2), d(2026, 4, 7)),     // Good Friday to Easter Monday
            (d(2026, 5, 13), d(2026, 5, 15)),   // Ascension
            (d(2026, 7, 31), d(2026, 8, 3)),    // 1 August is a Saturday in 2026
            (d(2025, 7, 31), d(2025, 8, 4)),    // 1 August 2025 is a Friday
        ];
        for (from, want) in table {
            assert_eq!(next_banking_day(from), want, "{from}");
        }
    }
}
