use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_lifecycle_follows_the_calendar() {
    let g = Grace::default();
    let exp = Some(d(2026, 12, 1));
    assert_eq!(
        state_on(ProductState::Active, exp, d(2026, 11, 30), g),
        ProductState::Active
    );
    assert_eq!(
        state_on(ProductState::Active, exp, d(2026, 12, 1), g),
        ProductState::Expired
    );
    assert_eq!(
        state_on(ProductState::Expired, exp, d(2026, 12, 11), g),
        ProductState::Blocked
    );
    assert_eq!(
        state_on(ProductState::Blocked, exp, d(2026, 12, 31), g),
        ProductState::Terminated
    );
    assert_eq!(
        state_on(ProductState::Pending, exp, d(2027, 6, 1), g),
        ProductState::Pending
    );
    assert_eq!(
        state_on(ProductState::Cancelled, exp, d(2027, 6, 1), g),
        ProductState::Cancelled
    );
    // A renewal paid during the grace period makes it active again.
    assert_eq!(
        state_on(
            ProductState::Blocked,
            Some(d(2027, 12, 1)),
            d(2026, 12, 20),
            g
        ),
        ProductState::Active
    );
}

#[test]
fn days_between_dates() {
    assert_eq!(days_between(d(2026, 1, 1), d(2027, 1, 1)), 365);
    assert_eq!(days_between(d(2028, 2, 28), d(2028, 3, 1)), 2);
    assert_eq!(days_between(d(2026, 12, 10), d(2026, 12, 1)), -9);
    assert_eq!(days_between(d(1970, 1, 1), d(1970, 1, 1)), 0);
}
