//! The status of a payment request.
