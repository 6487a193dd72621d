//! The statuses of the billing domain as enums, each with its rules as methods (is it payable,
//! refundable, …) and its allowed transitions (`can_become`). Only `core` and `store` ever see a
//! status as a string: `store` reads and writes them with `as_str` / `parse`, everything above
//! works with the enums. Every status change in `store` goes through `store::transition`, which
//! refuses a transition `can_become` does not allow and applies it as a compare-and-set.
//!
//! Credit notes have no status: one is issued once and never changes; what it does to its invoice
//! is the invoice's `Refunded` / `PartiallyRefunded`. A payout is a withdrawal's `Approved →
//! InTransit → Paid`; one that cannot be exported stays `Approved`, set aside with its reason.

/// `Display` and `Serialize` as the stored text (`as_str`), for a status enum.
macro_rules! as_text {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $t {
            fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
use as_text;

pub mod bank_transaction;
pub mod charge;
pub mod invoice;
pub mod payment_request;
pub mod product;
pub mod support_request;
pub mod withdrawal;

pub use bank_transaction::BankTransactionStatus;
pub use charge::ChargeStatus;
pub use invoice::InvoiceStatus;
pub use payment_request::PaymentRequestStatus;
pub use product::ProductState;
pub use support_request::SupportRequestStatus;
pub use withdrawal::WithdrawalStatus;
