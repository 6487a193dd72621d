//! Automatic renewal (AR-01) and changes of billing period (FREQ-01…03): when a renewal is charged,
//! when it is retried, when auto-renewal may be switched on, and which periods may be chosen.

use crate::period::Date;
use crate::product::days_between;

/// The days before expiry at which an automatic renewal is charged: the first charge (⚙ 14 days)
/// then the retries D-7, D-3, D-1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeSchedule {
    slots: Vec<i64>,
}

impl ChargeSchedule {
    /// `first` days before expiry, then 7, 3 and 1 (those not later than `first`).
    pub fn new(first: i64) -> ChargeSchedule {
        let first = first.max(1);
        let mut slots = vec![first];
        slots.extend([7, 3, 1].into_iter().filter(|d| *d < first));
        ChargeSchedule { slots }
    }

    /// The days before expiry at which a charge is attempted, earliest first.
    pub fn slots(&self) -> &[i64] {
        &self.slots
    }

    /// The first charge: auto-renewal cannot be switched on later than this many days before expiry.
    pub fn first(&self) -> i64 {
        self.slots[0]
    }

    /// The attempt due on `today` for a product expiring on `expires`: the slot whose window
    /// `[expires - slot, next slot)` contains today. A run that missed a day still makes the attempt of
    /// the window it is in — once, since attempts are recorded per slot. `None` outside the schedule.
    pub fn slot_on(&self, expires: Date, today: Date) -> Option<i64> {
        let left = days_between(today, expires);
        if left <= 0 || left > self.first() {
            return None;
        }
        self.slots.iter().rev().copied().find(|s| *s >= left)
    }

    /// Whether auto-renewal may be switched on today (AR-01: not less than `first` days before expiry;
    /// renew by hand first).
    pub fn can_switch_on(&self, expires: Date, today: Date) -> bool {
        days_between(today, expires) >= self.first()
    }

    /// Whether `slot` is the last attempt (after it, the product expires if the charge failed).
    pub fn is_last(&self, slot: i64) -> bool {
        self.slots.last() == Some(&slot)
    }
}

/// FREQ-01 (b): a period may be chosen with "modify the offer" only if its monthly price is at least
/// the minimum ⚙ (5.00: monthly billing of a 1.50 domain is not offered). `price` is the price of the
/// whole period, in minor units.
pub fn period_allowed(price: i64, months: i64, monthly_minimum: i64) -> bool {
    months > 0 && (months != 1 || price >= monthly_minimum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn the_schedule_is_d14_then_d7_d3_d1() {
        let s = ChargeSchedule::new(14);
        assert_eq!(s.slots(), &[14, 7, 3, 1]);
        let exp = d(2027, 1, 1);
        assert_eq!(s.slot_on(exp, d(2026, 12, 17)), None, "D-15");
        assert_eq!(s.slot_on(exp, d(2026, 12, 18)), Some(14), "D-14");
        assert_eq!(s.slot_on(exp, d(2026, 12, 24)), Some(14), "D-8");
        assert_eq!(s.slot_on(exp, d(2026, 12, 25)), Some(7), "D-7");
        assert_eq!(s.slot_on(exp, d(2026, 12, 29)), Some(3), "D-3");
        assert_eq!(s.slot_on(exp, d(2026, 12, 30)), Some(3), "D-2");
        assert_eq!(s.slot_on(exp, d(2026, 12, 31)), Some(1), "D-1");
        assert_eq!(s.slot_on(exp, d(2027, 1, 1)), None, "expiry day");
        assert!(s.is_last(1) && !s.is_last(3));
    }

    #[test]
    fn auto_renewal_cannot_be_switched_on_within_the_first_charge() {
        let s = ChargeSchedule::new(14);
        let exp = d(2027, 1, 1);
        assert!(
            s.can_switch_on(exp, d(2026, 12, 18)),
            "D-14 is still in time"
        );
        assert!(
            !s.can_switch_on(exp, d(2026, 12, 19)),
            "D-13: renew by hand"
        );
        assert!(s.can_switch_on(exp, d(2026, 6, 1)));
    }

    #[test]
    fn a_shorter_first_charge_keeps_only_the_later_retries() {
        assert_eq!(ChargeSchedule::new(5).slots(), &[5, 3, 1]);
        assert_eq!(ChargeSchedule::new(1).slots(), &[1]);
        assert_eq!(ChargeSchedule::new(0).slots(), &[1]);
    }

    #[test]
    fn monthly_billing_needs_the_minimum_price() {
        assert!(
            !period_allowed(150, 1, 500),
            "a 1.50 domain is not billed monthly"
        );
        assert!(period_allowed(500, 1, 500));
        assert!(
            period_allowed(1_800, 12, 500),
            "longer periods are always offered"
        );
        assert!(!period_allowed(1_000, 0, 500));
    }
}
