//! The one error type of the use cases. Messages are catalogue keys; `web` translates them and picks
//! the status code.

use guichet_store::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
    /// What the message names, when it names something (the refused character, shown as
    /// `sps_text::describe` gives it).
    pub param: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Unknown, or not the caller's to see (never tell which).
    #[error("not found")]
    NotFound,
    #[error("not signed in")]
    Unauthenticated,
    /// Known caller, known object, not allowed; the key says why.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// The Organization requires two-factor authentication and the caller has not set it up.
    #[error("two-factor authentication required")]
    TwoFactorRequired,
    /// Bad input: one message per field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Refused in the current state (a duplicate, the last LR…).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("too many requests: {key}, retry after {retry_after}s")]
    TooMany { key: &'static str, retry_after: i64 },
    /// Input refused with a precise message that is not in the catalogue (a guide's front matter
    /// in the back office names its file, line and field).
    #[error("unreadable input: {0}")]
    Unreadable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &'static str, key: &'static str) -> AppError {
        AppError::Invalid(vec![FieldError {
            field,
            key,
            param: None,
        }])
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<guichet_core::Denied> for AppError {
    fn from(d: guichet_core::Denied) -> Self {
        AppError::Forbidden(d.1)
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// A ledger entry refused by the store: an account's sum at its ceiling is a clean 409 (nothing was
/// written); anything else is internal.
pub fn post_error(e: guichet_store::ledger::PostError) -> AppError {
    match e {
        guichet_store::ledger::PostError::SumLimit => AppError::Conflict("amount.sum_limit"),
        guichet_store::ledger::PostError::BalanceCap => {
            AppError::invalid("amount", "topup.balance_limit")
        }
        other => AppError::Internal(other.to_string()),
    }
}

/// A ledger entry that debits a customer's balance: a balance that cannot cover it is a 422 on
/// `field` with `key` (nothing was written); the rest as [`post_error`].
pub fn post_refused(
    e: guichet_store::ledger::PostError,
    field: &'static str,
    key: &'static str,
) -> AppError {
    match e {
        guichet_store::ledger::PostError::InsufficientFunds => AppError::invalid(field, key),
        other => post_error(other),
    }
}

/// An amount input checked against core's one bound ([`guichet_core::money::check_minor`]):
/// out of range is a field error under `field`, with the rule's message.
pub fn amount_in(
    field: &'static str,
    minor: Result<i64, guichet_core::money::AmountError>,
    zero: guichet_core::money::Zero,
) -> AppResult<i64> {
    minor
        .and_then(|m| guichet_core::money::check_minor(m, zero))
        .map_err(|e| AppError::invalid(field, e.key()))
}

/// Collects field errors while validating a form, then fails once with all of them.
#[derive(Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(FieldError {
            field,
            key,
            param: None,
        });
    }

    /// An error whose message names `param` (e.g. the refused character).
    pub fn add_with(&mut self, field: &'static str, key: &'static str, param: String) {
        self.0.push(FieldError {
            field,
            key,
            param: Some(param),
        });
    }

    /// `Some(value)` passes through; `None` records the error.
    pub fn check<T>(&mut self, v: Option<T>, field: &'static str, key: &'static str) -> Option<T> {
        if v.is_none() {
            self.add(field, key);
        }
        v
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

impl From<guichet_store::DriverError> for AppError {
    fn from(e: guichet_store::DriverError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// An id typed by a person or a client: one that does not parse names nothing that exists (404).
pub fn parse_id<T: std::str::FromStr>(s: &str) -> AppResult<T> {
    s.trim().parse().map_err(|_| AppError::NotFound)
}

/// An id chosen in a form field (an offer, a billing address): one that does not parse is not
/// among the choices (422 naming the field).
pub fn parse_choice<T: std::str::FromStr>(s: &str, field: &'static str) -> AppResult<T> {
    s.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, "field.choice"))
}

/// An optional id chosen in a form field: empty means none.
pub fn parse_opt_choice<T: std::str::FromStr>(
    s: Option<&str>,
    field: &'static str,
) -> AppResult<Option<T>> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_choice(s, field))
        .transpose()
}

/// Ids sent in a list (invoices to pay, products to switch): one that does not parse names
/// nothing that exists (404).
pub fn parse_ids<T: std::str::FromStr>(list: &[String]) -> AppResult<Vec<T>> {
    list.iter().map(|s| parse_id(s)).collect()
}
