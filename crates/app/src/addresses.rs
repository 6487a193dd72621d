//! Billing addresses (ADDR-01): added, edited, archived and restored by whoever has the billing
//! permission; never deleted (invoices refer to them).

use crate::error::{AppError, AppResult, Errors};
use crate::{Actor, App};
use guichet_core::{Action, AddressId, sps_text, validate};
use guichet_store::addresses::{self, Address, AddressFields};

/// The form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AddressInput {
    pub name: String,
    #[serde(default)]
    pub company: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    #[serde(default)]
    pub email: String,
}

/// A name or address that goes into Swiss payments (QR-bill, pain.001): typographic characters
/// made plain (’ → ', — → -, « » → "), then the usual one-line check. A character with no plain
/// form (an emoji, a CJK character, a tab) is refused under the field with `field.sps_char`; the
/// form shows which character. `None` when the field is refused (the error is recorded).
pub(crate) fn payment_text(
    e: &mut Errors,
    raw: &str,
    max: usize,
    field: &'static str,
    key: &'static str,
) -> Option<String> {
    match sps_text::transliterate(raw) {
        Ok(plain) => e.check(validate::line(&plain, max), field, key),
        Err(c) => {
            e.add_with(field, "field.sps_char", sps_text::describe(c));
            None
        }
    }
}

/// [`payment_text`] for an optional field: empty gives `Some(None)`.
pub(crate) fn optional_payment_text(
    e: &mut Errors,
    raw: &str,
    max: usize,
    field: &'static str,
    key: &'static str,
) -> Option<Option<String>> {
    if raw.trim().is_empty() {
        Some(None)
    } else {
        payment_text(e, raw, max, field, key).map(Some)
    }
}

/// The postal lines of an address as a QR-bill prints them — street, postcode, city and country,
/// in that order — each checked into `e` under its own field; an empty string where one is wrong
/// (and `e` then fails). Billing addresses and Organizations' legal addresses share these rules.
pub(crate) fn postal_lines(
    e: &mut Errors,
    [street, postcode, city, country]: [&str; 4],
) -> [String; 4] {
    let street = payment_text(e, street, 120, "street", "field.required");
    let postcode = payment_text(e, postcode, 16, "postcode", "field.required");
    let city = payment_text(e, city, 80, "city", "field.required");
    let country = e.check(validate::country(country), "country", "field.country");
    [street, postcode, city, country].map(Option::unwrap_or_default)
}

fn parse(input: &AddressInput) -> AppResult<AddressFields> {
    let mut e = Errors::default();
    let name = payment_text(&mut e, &input.name, 100, "name", "field.required");
    let company = optional_payment_text(&mut e, &input.company, 120, "company", "field.too_long");
    let [street, postcode, city, country] = postal_lines(
        &mut e,
        [&input.street, &input.postcode, &input.city, &input.country],
    );
    let email = if input.email.trim().is_empty() {
        Some(None)
    } else {
        e.check(
            validate::email(&input.email).map(Some),
            "email",
            "field.email",
        )
    };
    e.finish()?;
    Ok(AddressFields {
        name: name.unwrap_or_default(),
        company: company.flatten(),
        street,
        postcode,
        city,
        country,
        email: email.flatten(),
    })
}

impl App {
    pub async fn billing_addresses(
        &self,
        actor: &Actor,
        include_archived: bool,
    ) -> AppResult<Vec<Address>> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(addresses::list(&mut c, actor.org, include_archived).await?)
    }

    pub async fn billing_address(&self, actor: &Actor, id: AddressId) -> AppResult<Address> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        addresses::get(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn add_billing_address(
        &self,
        actor: &Actor,
        input: &AddressInput,
    ) -> AppResult<Address> {
        self.write_billing_address(actor, None, input).await
    }

    pub async fn edit_billing_address(
        &self,
        actor: &Actor,
        id: AddressId,
        input: &AddressInput,
    ) -> AppResult<Address> {
        self.write_billing_address(actor, Some(id), input).await
    }

    /// Adds an address (`id` none) or changes one of the Organization's (404 if it is not one),
    /// audited with its name; the address as it now stands.
    async fn write_billing_address(
        &self,
        actor: &Actor,
        id: Option<AddressId>,
        input: &AddressInput,
    ) -> AppResult<Address> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let fields = parse(input)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (id, action) = match id {
            None => (
                addresses::insert(&mut tx, actor.org, &fields, now).await?,
                "address.added",
            ),
            Some(id) if addresses::update(&mut tx, actor.org, id, &fields).await? => {
                (id, "address.changed")
            }
            Some(_) => return Err(AppError::NotFound),
        };
        actor.audit(&mut tx, action, &fields.name, now).await?;
        let a = addresses::get(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(a)
    }

    /// Archives (or restores) an address: it disappears from the choices but stays on past invoices.
    pub async fn archive_billing_address(
        &self,
        actor: &Actor,
        id: AddressId,
        archived: bool,
    ) -> AppResult<()> {
        actor.require(Action::Billing)?;
        actor.require(Action::ManageBilling)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if !addresses::set_archived(&mut tx, actor.org, id, archived.then_some(now)).await? {
            return Err(AppError::NotFound);
        }
        let action = if archived {
            "address.archived"
        } else {
            "address.restored"
        };
        actor
            .audit_and_commit(tx, action, &id.to_string(), now)
            .await?;
        Ok(())
    }
}
