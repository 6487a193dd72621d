//! The API routes of the catalogue and products: ordering, renewal, cancelling, the period.

use crate::api::doc::{Resp, schema};
use crate::api::products::*;
use crate::api::renewals;
use crate::api::route::ApiRoute;
use axum::routing::{get, post, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/catalogue",
            summary: "Offers and their prices (excl. VAT) in the Organization's currency",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::products::CatalogueJson>(200)],
            make: || get(catalogue_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products",
            summary: "The Organization's products",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::products::ProductsJson>(200)],
            make: || get(products_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products",
            summary: "Order a product: creates it (pending) with its unpaid invoice",
            action: Some(Action::OrderProducts),
            example: Some(
                || json!({"offer_id": "…", "period_months": 12, "billing_address_id": null}),
            ),
            request: Some(schema::<crate::api::products::OrderBody>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::products::OrderedJson>(201),
                Resp::error(409),
            ],
            make: || post(product_order),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}/renewal",
            summary: "A product's renewal: auto-renewal, until when it can be switched on, the period and a scheduled change, the periods offered",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<guichet_app::renewals::RenewalView>(200)],
            make: || get(renewals::renewal_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/{product}/renew",
            summary: "Renew a product early: its unpaid invoice, or its next term's renewal invoice issued now (for the period it renews for, at today's price); asking again answers the same invoice. Answered as `GET …/invoices/{invoice}`; 422 for a cancelled or stopped product",
            action: Some(Action::ManageBilling),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::invoices::InvoiceDetailJson>(200),
                Resp::error(422),
            ],
            make: || post(crate::api::invoices::product_renew),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/{product}/cancel",
            summary: "Cancel a product: a pending one at once with its unpaid order invoice, a running one at the end of its term (not renewed; unpaid renewal invoice cancelled; nothing refunded)",
            action: Some(Action::OrderProducts),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<guichet_app::cancellation::Cancelled>(200),
                Resp::error(409),
            ],
            make: || post(renewals::cancel_post),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/{product}/resume",
            summary: "Take back a product's cancellation while it still runs",
            action: Some(Action::OrderProducts),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::renewals::ResumedJson>(200),
                Resp::error(409),
            ],
            make: || post(renewals::resume_post),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/products/{product}/auto-renew",
            summary: "Switch automatic renewal on or off (AR-01: not less than 14 days ⚙ before expiry)",
            action: Some(Action::Billing),
            example: Some(|| json!({"on": true})),
            request: Some(schema::<crate::api::renewals::AutoRenewBody>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<guichet_app::renewals::RenewalView>(200),
                Resp::error(409),
            ],
            make: || put(renewals::auto_renew_put),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/auto-renew",
            summary: "Switch automatic renewal on or off for several products at once (all or nothing)",
            action: Some(Action::Billing),
            example: Some(|| json!({"products": ["…"], "on": false})),
            request: Some(schema::<crate::api::renewals::AutoRenewManyBody>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::renewals::AutoRenewedJson>(200),
                Resp::error(409),
            ],
            make: || post(renewals::auto_renew_many),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/products/{product}/period",
            summary: "Modify the offer (FREQ-01…03): the new billing period applies from the end of the current term (`applies_from`)",
            action: Some(Action::Billing),
            example: Some(|| json!({"period_months": 1})),
            request: Some(schema::<crate::api::renewals::PeriodBody>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::renewals::PeriodChangedJson>(200),
                Resp::error(409),
            ],
            make: || put(renewals::period_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}",
            summary: "A product and the caller's rights on it (404 without any)",
            action: Some(Action::ViewOrg),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::products::ProductDetailJson>(200)],
            make: || get(product_get),
        },
    ]
}
