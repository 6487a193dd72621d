//! Guichet's pure domain: typed ids, money, languages, Organizations, roles and the one permission
//! function every use case calls, the password policy. No I/O, no clock, no async.

pub mod card;
pub mod country;
pub mod grants;
pub mod human;
pub mod i18n;
pub mod ids;
pub mod invoice;
pub mod lang;
pub mod ledger;
pub mod money;
pub mod org;
pub mod password;
pub mod period;
pub mod permissions;
pub mod product;
pub mod reconcile;
pub mod renewal;
pub mod said;
pub mod schema;
pub mod sites;
pub mod sps_text;
pub mod status;
pub mod support_request;
pub mod validate;
pub mod vat;
pub mod webhook;
pub mod zurich;

pub use ids::*;
pub use lang::Lang;
pub use money::{Currency, Money, MoneyError};
pub use org::{OrgKind, currency_for_country};
pub use permissions::{Access, Action, Denied, Role, authorize};
