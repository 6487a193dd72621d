//! The CLI commands that have a file of their own.

pub mod bench;
pub mod kb;
pub mod mail_in;
pub mod webhook;
