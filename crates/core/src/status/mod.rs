//! The statuses of the billing domain as enums, each with its rules as methods (is it payable,
//! refundable, …) and its allowed transitions. Only `core` and `store` ever see a status as a string:
//! `store` reads and writes them with `as_str` / `parse`, everything above works with the enums.

pub mod bank_transaction;
pub mod credit_note;
pub mod invoice;
pub mod payment_request;
pub mod payout;
pub mod product;
pub mod withdrawal;
