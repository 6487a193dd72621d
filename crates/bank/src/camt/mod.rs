//! Reader for ISO 20022 bank-to-customer statements (camt.053) and debit/credit notifications
//! (camt.054), versions `.001.04` and `.001.08` as Swiss banks deliver them.
//!
//! The reader streams through the XML with quick-xml, selects elements by local name (so both
//! schema shapes are read, unknown elements ignored) and refuses hostile input: any DOCTYPE
//! (hence every entity declaration, internal or external), unknown entity references, nesting
//! deeper than [`ReadLimits::max_depth`], more than [`ReadLimits::max_entries`] entries and
//! input larger than [`ReadLimits::max_bytes`]. Nothing is ever fetched.

//!
//! `model` holds what a file says, `reader` the streaming state machine, `fields` where each
//! element's text goes, `error` why a file is refused.

mod error;
mod fields;
mod model;
mod reader;

pub use error::CamtError;
pub use model::*;
pub use reader::{EntryStream, SUPPORTED_VERSIONS, read, read_from};
