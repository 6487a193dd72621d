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
    )*};
}

typed_id!(UserId, OrgId, InvitationId, ApiTokenId, OutboxId, AuditId);

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
