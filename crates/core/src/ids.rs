//! Typed identifiers: a function that takes an `OrgId` cannot be handed a `UserId`.
//! Ids are UUIDv7 (time-ordered), stored as their canonical text form.

use std::fmt;
use std::str::FromStr;

macro_rules! typed_id {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map(Self)
            }
        }

        // Its OpenAPI schema: a UUID string, as it serialises.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::schema::string(
                    utoipa::openapi::schema::KnownFormat::Uuid,
                    concat!("A ", stringify!($name), " (UUIDv7)."),
                )
            }
        }
        impl utoipa::ToSchema for $name {}
    )*};
}

typed_id!(UserId, OrgId, InvitationId, ApiTokenId, OutboxId, AuditId);

// The billing domain and the rest of an Organization's records.
typed_id!(
    InvoiceId,
    ProductId,
    OfferId,
    CreditNoteId,
    PaymentRequestId,
    WithdrawalId,
    PayoutFileId,
    BankTransactionId,
    LedgerEntryId,
    CardPaymentId,
    AddressId,
    TeamId,
    GrantId,
    SiteId,
    DatabaseId,
    DbUserId,
    WebhookEndpointId,
    WebhookDeliveryId,
    SupportRequestId,
    SupportMessageId,
    SupportAttachmentId,
    CannedReplyId,
);

/// A help-centre guide's id: the name its author gave it (its file name without `.md`), the same in
/// every language. Not a UUID: typed so that it cannot be mixed up with any other text.
#[derive(
    Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct GuideId(pub String);

impl GuideId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GuideId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for GuideId {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(GuideId(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_are_time_ordered() {
        let a = OrgId::new();
        let b = OrgId::new();
        assert_eq!(a.to_string().parse::<OrgId>().unwrap(), a);
        assert!(a < b, "UUIDv7 ids sort by creation");
        assert!("not-a-uuid".parse::<UserId>().is_err());
    }
}
