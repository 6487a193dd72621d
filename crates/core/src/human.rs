//! Dates and amounts as a Swiss customer reads them, the same on pages, in e-mails and in PDFs:
//! `02.12.2026 15:46` in the provider's time zone (no "UTC" suffix), `02.12.2026` for a calendar
//! day, and amounts as [`Money`]'s `Display` writes them, `CHF 1'234.50` (apostrophe for thousands,
//! as fr-CH and de-CH write amounts, in every language) with a no-break space after the currency,
//! so an amount is never broken across two lines.
//!
//! Time zones: Guichet carries no time-zone database, so only `Europe/Zurich` (the Swiss rule of
//! [`crate::zurich`]) and `UTC` are known; the configuration refuses any other name at start.
//! Machine formats (CSV, the API, bank files, form values) keep ISO dates.

use crate::period::Date;
use crate::zurich;

/// The provider's time zone (`GUICHET_TIME_ZONE`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeZone {
    /// Switzerland's civil time, CET/CEST.
    #[default]
    Zurich,
    Utc,
}

impl TimeZone {
    /// `Europe/Zurich` or `UTC` (also `Etc/UTC`); `None` for any other zone.
    pub fn parse(name: &str) -> Option<TimeZone> {
        match name.trim() {
            "Europe/Zurich" => Some(TimeZone::Zurich),
            "UTC" | "Etc/UTC" => Some(TimeZone::Utc),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TimeZone::Zurich => "Europe/Zurich",
            TimeZone::Utc => "UTC",
        }
    }

    /// Offset from UTC at `unix`, in seconds.
    pub fn offset_secs(self, unix: i64) -> i64 {
        match self {
            TimeZone::Zurich => zurich::offset_secs(unix),
            TimeZone::Utc => 0,
        }
    }

    /// The calendar day it is at `unix` in this zone.
    pub fn day(self, unix: i64) -> Date {
        Date::from_days_since_epoch((unix + self.offset_secs(unix)).div_euclid(86_400))
    }
}

/// `02.12.2026`.
pub fn date(d: Date) -> String {
    format!("{:02}.{:02}.{:04}", d.day, d.month, d.year)
}

/// `02.12.2026` from an ISO date `2026-12-02`; any other text is returned as it is.
pub fn date_text(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(|| iso.to_string(), date)
}

/// `02.12.2026 15:46`: the moment `unix` in `zone`.
pub fn date_time(zone: TimeZone, unix: i64) -> String {
    let local = unix + zone.offset_secs(unix);
    let secs = local.rem_euclid(86_400);
    let day = Date::from_days_since_epoch(local.div_euclid(86_400));
    format!("{} {:02}:{:02}", date(day), secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Money};

    #[test]
    fn a_moment_reads_in_zurich_time_without_a_zone_suffix() {
        // 2026-12-02 14:46 UTC is 15:46 in Zurich (CET).
        let winter = 1_796_222_760;
        assert_eq!(date_time(TimeZone::Zurich, winter), "02.12.2026 15:46");
        assert_eq!(date_time(TimeZone::Utc, winter), "02.12.2026 14:46");
        // 2026-07-01 22:30 UTC is already 2 July in Zurich (CEST, +2).
        let summer = 1_782_945_000;
        assert_eq!(date_time(TimeZone::Zurich, summer), "02.07.2026 00:30");
        assert_eq!(TimeZone::Zurich.day(summer).iso(), "2026-07-02");
    }

    #[test]
    fn only_zurich_and_utc_are_known() {
        assert_eq!(TimeZone::parse("Europe/Zurich"), Some(TimeZone::Zurich));
        assert_eq!(TimeZone::parse("UTC"), Some(TimeZone::Utc));
        assert_eq!(TimeZone::parse("Europe/Paris"), None);
    }

    #[test]
    fn dates_and_amounts_read_the_swiss_way() {
        assert_eq!(date_text("2026-12-02"), "02.12.2026");
        assert_eq!(date_text("not a date"), "not a date");
        let m = Money::new(123_450, Currency::Chf);
        assert_eq!(m.to_string(), "CHF\u{a0}1'234.50");
        assert_eq!(
            Money::new(-18_362, Currency::Chf).to_string(),
            "CHF\u{a0}-183.62"
        );
    }
}
