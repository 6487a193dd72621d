//! The status of a payout.
