//! The API routes of billing addresses.

use crate::api::addresses::*;
use crate::api::doc::{Resp, query, schema};
use crate::api::route::ApiRoute;
use axum::routing::{get, post, put};
use guichet_core::Action;
use serde_json::{Value, json};

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing-addresses",
            summary: "Billing addresses (ADDR-01); ?archived=true includes archived ones",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: Some(query::<crate::api::addresses::ArchivedParam>),
            idempotent: false,
            responses: vec![Resp::json::<crate::api::addresses::AddressesJson>(200)],
            make: || get(addresses_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses",
            summary: "Add a billing address",
            action: Some(Action::Billing),
            example: Some(address_example),
            request: Some(schema::<guichet_app::addresses::AddressInput>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::addresses::AddressJson>(201)],
            make: || post(address_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}",
            summary: "One billing address",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::addresses::AddressJson>(200)],
            make: || get(address_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}",
            summary: "Replace a billing address's fields",
            action: Some(Action::Billing),
            example: Some(address_example),
            request: Some(schema::<guichet_app::addresses::AddressInput>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::addresses::AddressJson>(200),
                Resp::error(409),
            ],
            make: || put(address_put),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}/archive",
            summary: "Archive a billing address (it stays on past invoices)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || post(address_archive),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}/restore",
            summary: "Restore an archived billing address",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || post(address_restore),
        },
    ]
}

fn address_example() -> Value {
    json!({"name": "Comptabilité", "company": "Atelier Favre Sàrl", "street": "Avenue de la Gare 12", "postcode": "1003",
           "city": "Lausanne", "country": "CH", "email": "compta@example.ch"})
}
