//! Products (SPEC §3): the catalogue's types and a product's lifecycle
//! `pending → active → expired (D+0) → blocked (D+10 ⚙) → terminated (D+30 ⚙)`, or `cancelled`.

use crate::period::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProductType {
    WebHosting,
    CloudServer,
    DomainName,
    MailService,
    FileStorage,
    Streaming,
    Ticketing,
    PremiumSupport,
}

impl ProductType {
    pub const ALL: [ProductType; 8] = [
        ProductType::WebHosting,
        ProductType::CloudServer,
        ProductType::DomainName,
        ProductType::MailService,
        ProductType::FileStorage,
        ProductType::Streaming,
        ProductType::Ticketing,
        ProductType::PremiumSupport,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProductType::WebHosting => "web_hosting",
            ProductType::CloudServer => "cloud_server",
            ProductType::DomainName => "domain_name",
            ProductType::MailService => "mail_service",
            ProductType::FileStorage => "file_storage",
            ProductType::Streaming => "streaming",
            ProductType::Ticketing => "ticketing",
            ProductType::PremiumSupport => "premium_support",
        }
    }

    pub fn parse(s: &str) -> Option<ProductType> {
        ProductType::ALL.into_iter().find(|t| t.code() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProductState {
    Pending,
    Active,
    Expired,
    Blocked,
    Terminated,
    Cancelled,
}

impl ProductState {
    pub const ALL: [ProductState; 6] = [
        ProductState::Pending,
        ProductState::Active,
        ProductState::Expired,
        ProductState::Blocked,
        ProductState::Terminated,
        ProductState::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProductState::Pending => "pending",
            ProductState::Active => "active",
            ProductState::Expired => "expired",
            ProductState::Blocked => "blocked",
            ProductState::Terminated => "terminated",
            ProductState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<ProductState> {
        ProductState::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// Days after expiry at which a product is blocked, then terminated (⚙).
#[derive(Clone, Copy, Debug)]
pub struct Grace {
    pub block_after_days: i64,
    pub terminate_after_days: i64,
}

impl Default for Grace {
    fn default() -> Self {
        Grace {
            block_after_days: 10,
            terminate_after_days: 30,
        }
    }
}

fn day_number(d: Date) -> i64 {
    // Days since 1970-01-01 (civil-from-days inverse, Howard Hinnant's algorithm).
    let (y, m, d) = (
        d.year as i64 - i64::from(d.month <= 2),
        d.month as i64,
        d.day as i64,
    );
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whole days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// The state a paid product is in on `today`, given its expiry (the first day it is no longer paid for).
/// Pending and cancelled products are not moved by the clock.
pub fn state_on(
    current: ProductState,
    expires_on: Option<Date>,
    today: Date,
    grace: Grace,
) -> ProductState {
    match (current, expires_on) {
        (ProductState::Pending | ProductState::Cancelled, _) | (_, None) => current,
        (_, Some(exp)) => {
            let late = days_between(exp, today);
            if late < 0 {
                ProductState::Active
            } else if late < grace.block_after_days {
                ProductState::Expired
            } else if late < grace.terminate_after_days {
                ProductState::Blocked
            } else {
                ProductState::Terminated
            }
        }
    }
}

#[cfg(test)]
#[path = "product_tests.rs"]
mod tests;
