//! What a payout file holds: the batch, its payouts, our accounts, and why a file is refused.

use guichet_core::Currency;
use guichet_core::period::Date;

/// A structured postal address (SPS: at least town and country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    /// Street name, ≤ 70 characters, may be empty.
    pub street: String,
    /// Building number, ≤ 16 characters, may be empty.
    pub building_number: String,
    /// Postal code, ≤ 16 characters, may be empty.
    pub postal_code: String,
    /// Town, 1–35 characters.
    pub town: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// One refund to a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payout {
    /// Our payout id, returned by the bank in camt/pain.002 (`EndToEndId`, also `InstrId`).
    pub end_to_end_id: String,
    /// Creditor (account holder) name, 1–70 characters.
    pub creditor_name: String,
    /// Creditor address.
    pub creditor_address: PostalAddress,
    /// Creditor IBAN (electronic or print format).
    pub creditor_iban: String,
    /// Amount in minor units, > 0.
    pub amount_minor: i64,
    /// Currency of the payout.
    pub currency: Currency,
    /// Unstructured remittance text for the creditor, ≤ 140 characters (empty: none).
    pub remittance: String,
}

/// One of our accounts, debited for the payouts of its currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebtorAccount {
    /// The account's currency.
    pub currency: Currency,
    /// Its IBAN (electronic or print format).
    pub iban: String,
    /// BIC of its bank; when absent the IID of a CH/LI IBAN is used (`CHBCC`).
    pub bic: Option<String>,
}

/// A batch of payouts from our accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutBatch {
    /// Our company name (initiating party and debtor), 1–70 characters.
    pub debtor_name: String,
    /// Our company address (recommended by SPS).
    pub debtor_address: Option<PostalAddress>,
    /// The accounts debited, one per currency: a payout is debited from the account of its
    /// currency, never from another.
    pub debtor_accounts: Vec<DebtorAccount>,
    /// Requested execution date.
    pub execution_date: Date,
    /// `true`: one debit per payment group; `false`: one debit per payout.
    pub batch_booking: bool,
    /// The payouts, at least one.
    pub payouts: Vec<Payout>,
}

/// Why a payout file could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Pain001Error {
    /// The batch has no payout.
    #[error("the batch has no payout")]
    Empty,
    /// An identifier is empty, too long or outside the SWIFT character set.
    #[error("{field}: invalid identifier {value:?}: {reason}")]
    InvalidId {
        /// Which identifier.
        field: &'static str,
        /// Value given.
        value: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// The creation time is not an ISO 8601 date-time.
    #[error(
        "creation time {0:?} is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm])"
    )]
    InvalidCreationTime(String),
    /// A text is empty where mandatory, too long, or has a character outside the SPS set.
    #[error("{field}: {reason}")]
    InvalidText {
        /// Which element (payout number included).
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// An IBAN is not valid.
    #[error("{field}: {reason}")]
    InvalidIban {
        /// Which account (payout number included).
        field: String,
        /// What the IBAN check said.
        reason: String,
    },
    /// No debtor account is given for a payout's currency.
    #[error("payout {index}: no debtor account for {currency}")]
    NoDebtorAccount {
        /// 1-based payout number.
        index: usize,
        /// The payout's currency.
        currency: Currency,
    },
    /// Two debtor accounts are given for one currency.
    #[error("two debtor accounts for {0}")]
    DuplicateDebtorAccount(Currency),
    /// The debtor BIC is not 8 or 11 characters of the BIC format.
    #[error("debtor BIC {0:?} is not a valid BIC")]
    InvalidBic(String),
    /// No BIC was given and the debtor IBAN is not Swiss, so there is no IID to use.
    #[error("debtor BIC is required for a non-Swiss debtor account")]
    MissingDebtorAgent,
    /// An amount is not positive or too large.
    #[error(
        "payout {index}: amount must be between 0.01 and 999999999.99, got {minor} minor units"
    )]
    InvalidAmount {
        /// 1-based payout number.
        index: usize,
        /// Amount given.
        minor: i64,
    },
    /// The payout is neither SPS type D nor SEPA (type S).
    #[error("payout {index}: {reason}")]
    UnsupportedPayment {
        /// 1-based payout number.
        index: usize,
        /// Why.
        reason: String,
    },
    /// Two payouts share an end-to-end id, so the bank's answers could not be matched.
    #[error("payout {index}: end-to-end id {id:?} is used twice")]
    DuplicateEndToEndId {
        /// 1-based payout number of the second use.
        index: usize,
        /// The id.
        id: String,
    },
    /// The control sum overflows.
    #[error("sum of amounts overflows")]
    Overflow,
}
