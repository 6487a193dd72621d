//! OpenAPI schemas (utoipa) of core's types, exactly as they serialise: the API document in `web`
//! is built from the types its handlers send, and these are the leaves. Ids are UUID strings, a
//! date is `YYYY-MM-DD`, a status its stored text, an amount read from a body an integer of minor
//! units. The structs and plain enums (`Money`, `Currency`, `Lang`, `Role`, `Rights`…) derive
//! `ToSchema` beside their `Serialize`.

use crate::invoice::InvoiceKind;
use crate::money::MinorInput;
use crate::period::Date;
use crate::status::{InvoiceStatus, PaymentRequestStatus, SupportRequestStatus, WithdrawalStatus};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::{PartialSchema, ToSchema};

/// A string schema with a known format and a description (ids' schemas, from `typed_id!`, too).
pub(crate) fn string(format: KnownFormat, description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::String))
        .format(Some(SchemaFormat::KnownFormat(format)))
        .description(Some(description))
        .into()
}

impl PartialSchema for Date {
    fn schema() -> RefOr<Schema> {
        string(KnownFormat::Date, "A calendar date, YYYY-MM-DD.")
    }
}
impl ToSchema for Date {}

impl PartialSchema for MinorInput {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Integer))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .minimum(Some(1))
            .maximum(Some(crate::money::MAX_AMOUNT_MINOR))
            .description(Some(
                "An amount in minor units (centimes, cents): a whole number within 1 000 000 000.00.",
            ))
            .into()
    }
}
impl ToSchema for MinorInput {
    fn name() -> std::borrow::Cow<'static, str> {
        "AmountMinor".into()
    }
}

macro_rules! status_schema {
    ($($t:ident),* $(,)?) => {$(
        impl PartialSchema for $t {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .schema_type(SchemaType::Type(Type::String))
                    .enum_values(Some($t::ALL.map(|s| s.as_str())))
                    .into()
            }
        }
        impl ToSchema for $t {}
    )*};
}

status_schema!(
    InvoiceStatus,
    PaymentRequestStatus,
    WithdrawalStatus,
    SupportRequestStatus,
    InvoiceKind
);

#[cfg(test)]
mod tests {
    use super::*;

    /// What the document says of a status is what the API sends: every stored text.
    #[test]
    fn a_status_schema_lists_every_serialised_value() {
        let v = serde_json::to_value(InvoiceStatus::schema()).unwrap();
        let listed: Vec<String> = serde_json::from_value(v["enum"].clone()).unwrap();
        for s in InvoiceStatus::ALL {
            assert!(
                listed.contains(
                    &serde_json::to_value(s)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                )
            );
        }
        assert_eq!(listed.len(), InvoiceStatus::ALL.len());
        let id = serde_json::to_value(crate::InvoiceId::schema()).unwrap();
        assert_eq!(id["format"], "uuid");
        assert_eq!(
            serde_json::to_value(Date::schema()).unwrap()["format"],
            "date"
        );
    }
}
