//! The read model the web face sees: what the use cases return, named here so that `web` depends
//! on app alone (web → app → {core, store}). A store row that is already a clean read model is
//! re-exported as it is (under a name that says what it is when the row's own name does not);
//! the use cases that return it keep doing so.

pub use guichet_store::addresses::Address;
pub use guichet_store::bank_transactions::BankTransaction;
pub use guichet_store::billing::{Invoice, Product};
pub use guichet_store::invitations::Invitation;
pub use guichet_store::kb::Version as GuideVersion;
pub use guichet_store::memberships::MyOrg;
pub use guichet_store::orgs::Org;
pub use guichet_store::sites::{Database, DbUser, Site};
pub use guichet_store::support::Grant as SupportGrant;
pub use guichet_store::webhooks::{
    Attempt as WebhookAttempt, Delivery as WebhookDelivery, Endpoint as WebhookEndpoint,
    Outcome as WebhookOutcome,
};
pub use guichet_store::withdrawals::Withdrawal;
