//! The API routes of the token's person, the Organization and its billing reference.

use crate::api::doc::{Resp, schema};
use crate::api::orgs::*;
use crate::api::route::ApiRoute;
use axum::routing::{get, patch, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/me",
            summary: "The token's person and Organization",
            action: None,
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::orgs::MeJson>(200)],
            make: || get(me),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}",
            summary: "An Organization's details",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::orgs::OrgJson>(200)],
            make: || get(org_get),
        },
        ApiRoute {
            method: "PATCH",
            path: "/api/v1/orgs/{org}",
            summary: "Change legal details (LR only), phone or forced 2FA",
            action: Some(Action::EditLegalFields),
            example: Some(
                || json!({"legal": {"name": "Atelier Favre Sàrl", "kind": "company", "street": "Avenue de la Gare 12", "postcode": "1003", "city": "Lausanne", "country": "CH", "vat_number": "CHE-123.456.789 MWST"}}),
            ),
            request: Some(schema::<guichet_app::orgs::OrgUpdate>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::orgs::OrgJson>(200),
                Resp::error(409),
            ],
            make: || patch(org_patch),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing/reference",
            summary: "The billing reference printed on invoices (INV-08)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::orgs::ReferenceBody>(200)],
            make: || get(reference_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/billing/reference",
            summary: "Set the billing reference (INV-08)",
            action: Some(Action::Billing),
            example: Some(|| json!({"billing_reference": "PO 2026-118"})),
            request: Some(schema::<crate::api::orgs::ReferenceBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::orgs::ReferenceBody>(200)],
            make: || put(reference_put),
        },
    ]
}
