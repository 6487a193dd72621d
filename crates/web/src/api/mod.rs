//! The JSON API under `/api/v1`, authenticated by personal API tokens (`Authorization: Bearer`).
//! Every route is declared once in [`routes`], with the permission it needs: the router, the OpenAPI
//! document and the tenant-isolation test are all generated from that table.

mod handlers;
mod openapi;
mod reminders;
mod renewals;
mod sites;

pub(crate) use sites::config_response as site_config_response;
mod support;

use crate::AppState;
use crate::ctx::client_origin;
use crate::error::{message_key, status_of};
use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use guichet_app::{Actor, AppError};
use guichet_core::{Action, Lang, OrgId};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Routes anyone may call, without a token.
pub const PUBLIC_ROUTES: &[&str] = &["/api/v1/kb/search"];

/// One API route: how it is called, what it needs, and an example body.
pub struct ApiRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    /// The permission checked inside the Organization `{org}`; `None` for routes outside one.
    pub action: Option<Action>,
    pub example: Option<fn() -> Value>,
    make: fn() -> MethodRouter<AppState>,
}

/// The route table. Add a route here and it is routed, documented and covered by the isolation
/// and role tests.
pub fn routes() -> Vec<ApiRoute> {
    use handlers::*;
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/kb/search",
            summary: "Search the help centre (public): ?q=…&lang=fr|en|de|all&limit=N → [{id, title, score, snippet}], best first",
            action: None,
            example: None,
            make: || get(kb_search),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/me",
            summary: "The token's person and Organization",
            action: None,
            example: None,
            make: || get(me),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}",
            summary: "An Organization's details",
            action: Some(Action::ViewOrg),
            example: None,
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
            make: || patch(org_patch),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/members",
            summary: "Members and their roles",
            action: Some(Action::ViewMembers),
            example: None,
            make: || get(members_list),
        },
        ApiRoute {
            method: "PATCH",
            path: "/api/v1/orgs/{org}/members/{user}",
            summary: "Change a member's role and accounting permission",
            action: Some(Action::ManageMembers),
            example: Some(|| json!({"role": "collaborator", "accounting": true})),
            make: || patch(member_patch),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/members/{user}",
            summary: "Remove a member",
            action: Some(Action::ManageMembers),
            example: None,
            make: || delete(member_delete),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invitations",
            summary: "Open invitations",
            action: Some(Action::ViewMembers),
            example: None,
            make: || get(invitations_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invitations",
            summary: "Invite a person by e-mail",
            action: Some(Action::ManageMembers),
            example: Some(
                || json!({"email": "new.person@example.ch", "role": "collaborator", "accounting": false}),
            ),
            make: || post(invitation_create),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invitations/{id}/resend",
            summary: "Send an invitation again",
            action: Some(Action::ManageMembers),
            example: None,
            make: || post(invitation_resend),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/invitations/{id}",
            summary: "Revoke an invitation",
            action: Some(Action::ManageMembers),
            example: None,
            make: || delete(invitation_revoke),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/prepaid",
            summary: "Prepaid balances and movements (PP-01): `balance` in the Organization's currency, `balances` one per currency held ({currency, balance_minor, withdrawable_minor, main}); movements of ?currency=CHF|EUR (default the Organization's), ?page=N",
            action: Some(Action::Billing),
            example: None,
            make: || get(prepaid_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/prepaid/top-ups",
            summary: "Credit the prepaid account by card (PP-02). Requires an Idempotency-Key header; 201 paid, 402 declined",
            action: Some(Action::Billing),
            example: Some(
                || json!({"amount_minor": 5000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}),
            ),
            make: || post(top_up_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/withdrawals",
            summary: "Withdrawal requests and their status (PP-04)",
            action: Some(Action::Billing),
            example: None,
            make: || get(withdrawals_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/withdrawals",
            summary: "Withdraw a balance to an IBAN or PayPal address in the holder's name (PP-04); `currency` chooses the balance (default the Organization's currency) and the payout is in it. Requires an Idempotency-Key header",
            action: Some(Action::Withdraw),
            example: Some(
                || json!({"amount_minor": 1000, "method": "iban", "destination": "CH93 0076 2011 6238 5295 7", "holder": "Beta Web SARL"}),
            ),
            make: || post(withdrawal_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing-addresses",
            summary: "Billing addresses (ADDR-01); ?archived=true includes archived ones",
            action: Some(Action::Billing),
            example: None,
            make: || get(addresses_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses",
            summary: "Add a billing address",
            action: Some(Action::Billing),
            example: Some(address_example),
            make: || post(address_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}",
            summary: "One billing address",
            action: Some(Action::Billing),
            example: None,
            make: || get(address_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}",
            summary: "Replace a billing address's fields",
            action: Some(Action::Billing),
            example: Some(address_example),
            make: || put(address_put),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}/archive",
            summary: "Archive a billing address (it stays on past invoices)",
            action: Some(Action::Billing),
            example: None,
            make: || post(address_archive),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/billing-addresses/{address}/restore",
            summary: "Restore an archived billing address",
            action: Some(Action::Billing),
            example: None,
            make: || post(address_restore),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/prepaid/transfer-requests",
            summary: "Top up by bank transfer (PP-02): a payment request with its own reference and QR-bill payload",
            action: Some(Action::Billing),
            example: Some(|| json!({"amount_minor": 50000})),
            make: || post(transfer_request_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/prepaid/transfer-requests/{request}",
            summary: "A payment request with its reference and QR-bill payload",
            action: Some(Action::Billing),
            example: None,
            make: || get(transfer_request_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/catalogue",
            summary: "Offers and their prices (excl. VAT) in the Organization's currency",
            action: Some(Action::ViewOrg),
            example: None,
            make: || get(catalogue_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products",
            summary: "The Organization's products",
            action: Some(Action::ViewOrg),
            example: None,
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
            make: || post(product_order),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}/renewal",
            summary: "A product's renewal: auto-renewal, until when it can be switched on, the period and a scheduled change, the periods offered",
            action: Some(Action::Billing),
            example: None,
            make: || get(renewals::renewal_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/{product}/cancel",
            summary: "Cancel a product: a pending one at once with its unpaid order invoice, a running one at the end of its term (not renewed; unpaid renewal invoice cancelled; nothing refunded)",
            action: Some(Action::OrderProducts),
            example: None,
            make: || post(renewals::cancel_post),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/{product}/resume",
            summary: "Take back a product's cancellation while it still runs",
            action: Some(Action::OrderProducts),
            example: None,
            make: || post(renewals::resume_post),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/products/{product}/auto-renew",
            summary: "Switch automatic renewal on or off (AR-01: not less than 14 days ⚙ before expiry)",
            action: Some(Action::Billing),
            example: Some(|| json!({"on": true})),
            make: || put(renewals::auto_renew_put),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/products/auto-renew",
            summary: "Switch automatic renewal on or off for several products at once (all or nothing)",
            action: Some(Action::Billing),
            example: Some(|| json!({"products": ["…"], "on": false})),
            make: || post(renewals::auto_renew_many),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/products/{product}/period",
            summary: "Modify the offer (FREQ-01…03): the new billing period applies from the end of the current term (`applies_from`)",
            action: Some(Action::Billing),
            example: Some(|| json!({"period_months": 1})),
            make: || put(renewals::period_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}",
            summary: "A web hosting (DB-01): its server prefix, sites, databases and users, and whether provisioning is on",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::hosting_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites",
            summary: "Add a site (the MySQL prefix option starts off for new sites, DB-03)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"domain": "www.example.ch"})),
            make: || post(sites::site_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}",
            summary: "A site's PHP / Apache settings: MySQL prefix option, environment variables (secret values masked), and the before → after names if the option were turned off",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::site_get),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}",
            summary: "Delete a site and its settings",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::site_delete),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/mysql-prefix",
            summary: "Switch the MySQL prefix option (DB-02/03); turning it off needs `confirm: true` and returns the names to change (`changes`)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"on": false, "confirm": true})),
            make: || put(sites::prefix_put),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/env",
            summary: "Add or replace an environment variable (DB-04: name ^[A-Z_][A-Z0-9_]*$, not reserved, value ≤ 4 KiB, ≤ 100 per site)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "API_KEY", "value": "s3cr3t", "secret": true})),
            make: || put(sites::env_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/env/{var}",
            summary: "Remove an environment variable",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::env_delete),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/config",
            summary: "The site's settings as Apache SetEnv lines and a PHP-FPM env[] block (text; secret values masked)",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::site_config),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/databases",
            summary: "Create a database on the MySQL server, named with the hosting's prefix (DB-05); 409 when provisioning is off",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "mabase"})),
            make: || post(sites::database_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/databases/{database}",
            summary: "Drop a database from the MySQL server",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::database_delete),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/db-users",
            summary: "Create a database user with privileges on the given databases (ids) only; without `password` one is generated and returned once",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "monuser", "databases": ["…"]})),
            make: || post(sites::db_user_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/db-users/{dbuser}",
            summary: "Drop a database user from the MySQL server",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::db_user_delete),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/renewal-settings",
            summary: "How renewals are paid: prepaid balance first, and the saved card (last four digits)",
            action: Some(Action::Billing),
            example: None,
            make: || get(renewals::settings_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/renewal-settings",
            summary: "Pay renewals from the prepaid balance first (when it covers them)",
            action: Some(Action::Billing),
            example: Some(|| json!({"from_prepaid": true})),
            make: || put(renewals::settings_put),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/renewal-settings/card",
            summary: "Save the card automatic renewals are charged to (kept as the provider's token)",
            action: Some(Action::Billing),
            example: Some(
                || json!({"card_number": "4242 4242 4242 4242", "card_expiry": "12/30", "card_cvc": "123"}),
            ),
            make: || put(renewals::card_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/renewal-settings/card",
            summary: "Forget the saved card",
            action: Some(Action::Billing),
            example: None,
            make: || delete(renewals::card_delete),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/export/mail",
            summary: "E-mail the filtered invoices to the caller as a CSV attachment (INV-06; ≤ 5 MB, else download export.csv)",
            action: Some(Action::Billing),
            example: Some(|| json!({"status": "paid", "from": "2026-01-01", "to": "2026-12-31"})),
            make: || post(renewals::invoices_csv_mail),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices",
            summary: "Invoices, newest first (INV-04): ?status=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N",
            action: Some(Action::Billing),
            example: None,
            make: || get(invoices_list),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/export.csv",
            summary: "The filtered invoices as CSV (INV-06): RFC 4180, `,`, UTF-8 without BOM, stable English keys (number,issued,status,bill_to,net,vat,total,currency,payment_reference,billing_reference), status codes, amounts as 108.10, ISO dates, formulas neutralised; whatever the caller's language: ?status=&from=&to=",
            action: Some(Action::Billing),
            example: None,
            make: || get(invoices_csv),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/{invoice}",
            summary: "One invoice with its lines and its credit notes",
            action: Some(Action::Billing),
            example: None,
            make: || get(invoice_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/pay",
            summary: "Pay an invoice from the prepaid balance (Idempotency-Key header required)",
            action: Some(Action::Billing),
            example: None,
            make: || post(invoice_pay),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/transfer-declared",
            summary: "\"I have paid by bank transfer\" (REM-05): no reminder for the invoice within the grace window (⚙ banking days); the first declaration's day is kept",
            action: Some(Action::Pay),
            example: None,
            make: || post(reminders::transfer_declared),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/verify",
            summary: "Check a reminder (REM-06): is this payment reference (or invoice number), for this amount, a genuine open invoice of the Organization? → {verdict: genuine | not_open | amount_differs | unknown}",
            action: Some(Action::Billing),
            example: Some(
                || json!({"reference": "210000000003139471430009017", "amount_minor": 12000}),
            ),
            make: || post(reminders::verify),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/reminders",
            summary: "Whether the caller receives payment reminders for the Organization (REM-05)",
            action: Some(Action::Billing),
            example: None,
            make: || get(reminders::reminders_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/reminders",
            summary: "Opt in or out of payment reminders for the Organization (the caller's own preference)",
            action: Some(Action::Billing),
            example: Some(|| json!({"reminders": true})),
            make: || put(reminders::reminders_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/pdf",
            summary: "An invoice as PDF (INV-05): ?document=request (unpaid: with its QR-bill payment part) or final (only once paid; 409 before); none: the one that applies",
            action: Some(Action::Billing),
            example: None,
            make: || get(invoice_pdf),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/credit-notes/{note}/pdf",
            summary: "A credit note as PDF (INV-02): a refund against an invoice, credited to the prepaid account",
            action: Some(Action::Billing),
            example: None,
            make: || get(credit_note_pdf),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/payments/due",
            summary: "What is due (PAY-01): unpaid invoices due in the next two months, or all with ?all=true; each item billing one product period lists the durations it can be paid for (FREQ-01a: send `durations` {invoice_id: months} to checkout)",
            action: Some(Action::Billing),
            example: None,
            make: || get(due_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/checkout",
            summary: "Pay a selection (PP-03): part from the prepaid balance, the rest by card; all or nothing. Idempotency-Key required",
            action: Some(Action::Billing),
            example: Some(
                || json!({"invoices": ["…"], "from_prepaid_minor": 0, "card": {"card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"}}),
            ),
            make: || post(checkout_post),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/payments/pro-forma",
            summary: "A pro forma PDF of selected due invoices (INV-07): no number, no payment reference, no legal value",
            action: Some(Action::Billing),
            example: Some(|| json!({"invoices": ["…"]})),
            make: || post(pro_forma_post),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}",
            summary: "A product and the caller's rights on it (404 without any)",
            action: Some(Action::ViewOrg),
            example: None,
            make: || get(product_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/members/{user}/grants/{product}",
            summary: "Set a member's individual rights on a product (all false removes the grant)",
            action: Some(Action::ManageMembers),
            example: Some(
                || json!({"technical": true, "statistics": true, "tickets": false, "sales": false}),
            ),
            make: || put(grant_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/teams",
            summary: "Work teams (TEAM-01)",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(teams_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/teams",
            summary: "Create a work team",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"name": "Webmasters", "colour": "#0b5cad"})),
            make: || post(team_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "A team with its members and products",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(team_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "Rename, recolour, choose the leader (a member)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"name": "Webmasters", "colour": "#0b5cad", "leader": null})),
            make: || put(team_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "Delete a team (only its grants go)",
            action: Some(Action::ManageTeams),
            example: None,
            make: || delete(team_delete),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/teams/{team}/members",
            summary: "Add several members at once; `emails` invites people from outside into the team (as External)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"user_ids": []})),
            make: || post(team_members_add),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/teams/{team}/members/{user}",
            summary: "Remove a member from a team",
            action: Some(Action::ManageTeams),
            example: None,
            make: || delete(team_member_remove),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/teams/{team}/products/{product}",
            summary: "The team's rights on a product (all false removes it)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"technical": true, "statistics": true})),
            make: || put(team_product_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}/access",
            summary: "Who can access this product, and why",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(product_access_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/billing/reference",
            summary: "The billing reference printed on invoices (INV-08)",
            action: Some(Action::Billing),
            example: None,
            make: || get(reference_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/billing/reference",
            summary: "Set the billing reference (INV-08)",
            action: Some(Action::Billing),
            example: Some(|| json!({"billing_reference": "PO 2026-118"})),
            make: || put(reference_put),
        },
        // Activity log, Premium Support, temporary support access (SUP-02, SUP-03).
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/activity",
            summary: "The activity log, newest first: ?actor=ID&kind=team&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N",
            action: Some(Action::ViewActivity),
            example: None,
            make: || get(support::activity_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/activity/export.csv",
            summary: "The filtered activity log as CSV: RFC 4180, `,`, UTF-8 without BOM, stable English keys (time_utc,actor,actor_email,action,description,ip), descriptions in the caller's language, formulas neutralised",
            action: Some(Action::ViewActivity),
            example: None,
            make: || get(support::activity_csv),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support",
            summary: "Premium Support: tier, VIP code and contact channels, or the offers to get it",
            action: Some(Action::ViewOrg),
            example: None,
            make: || get(support::support_get),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/support/grants",
            summary: "Temporary support access grants, newest first",
            action: Some(Action::GrantSupportAccess),
            example: None,
            make: || get(support::grants_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/support/grants",
            summary: "Let the provider's support in for 1, 24 or 168 hours: the whole Organization or products",
            action: Some(Action::GrantSupportAccess),
            example: Some(|| json!({"hours": 24, "whole_org": true})),
            make: || post(support::grant_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/support/grants/{grant}",
            summary: "Revoke a support grant at once",
            action: Some(Action::GrantSupportAccess),
            example: None,
            make: || delete(support::grant_revoke),
        },
    ]
}

fn address_example() -> Value {
    json!({"name": "Comptabilité", "company": "Atelier Favre Sàrl", "street": "Avenue de la Gare 12", "postcode": "1003",
           "city": "Lausanne", "country": "CH", "email": "compta@example.ch"})
}

pub fn router() -> Router<AppState> {
    let mut r = Router::new();
    for route in routes() {
        r = r.route(route.path, (route.make)());
    }
    r.route("/api/openapi.json", get(openapi::document))
        .route("/healthz", get(handlers::healthz))
        .route(
            "/api/{*rest}",
            axum::routing::any(|| async { ApiError(AppError::NotFound) }),
        )
}

/// An error as JSON: `{ "error": { "code", "message", "fields"? } }`.
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let t = |k: &str| guichet_core::i18n::t(Lang::En, k).to_string();
        let code = match &self.0 {
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::TwoFactorRequired => "two_factor_required",
            AppError::Invalid(_) => "invalid",
            AppError::Unreadable(_) => "unreadable",
            AppError::Conflict(_) => "conflict",
            AppError::TooMany { .. } => "too_many_requests",
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                "internal"
            }
        };
        let message = match &self.0 {
            AppError::Unreadable(m) => m.clone(),
            other => t(message_key(other)),
        };
        let mut body = json!({"error": {"code": code, "message": message}});
        if let AppError::Invalid(fields) = &self.0 {
            body["error"]["fields"] = fields
                .iter()
                .map(|f| {
                    let message = match (&f.param, f.key) {
                        (Some(c), "field.sps_char") => {
                            guichet_core::i18n::tf(Lang::En, "field.sps_char_named", &[("char", c)])
                        }
                        _ => t(f.key),
                    };
                    json!({"field": f.field, "message": message})
                })
                .collect();
        }
        let mut res = (status_of(&self.0), axum::Json(body)).into_response();
        if let AppError::Unauthenticated = self.0 {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

fn bearer(parts: &Parts) -> Option<String> {
    let v = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// The caller, by bearer token, without an Organization in the path.
pub struct ApiCaller(pub String);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        bearer(parts)
            .map(ApiCaller)
            .ok_or(ApiError(AppError::Unauthenticated))
    }
}

/// The caller as an actor in the Organization `{org}` of the path: 401 without a valid token, 404
/// when the token is not for that Organization or its person is not a member.
pub struct ApiActor {
    pub actor: Actor,
    pub params: HashMap<String, String>,
}

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or(ApiError(AppError::Unauthenticated))?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError(AppError::NotFound))?;
        let org: OrgId = params
            .get("org")
            .and_then(|o| o.parse().ok())
            .ok_or(ApiError(AppError::NotFound))?;
        let actor = state
            .app
            .token_actor(&token, org, client_origin(parts, &state.trusted_proxies))
            .await?;
        Ok(ApiActor { actor, params })
    }
}

impl ApiActor {
    /// A typed path parameter; a malformed id is just an unknown one (404).
    pub fn param<T: std::str::FromStr>(&self, name: &str) -> ApiResult<T> {
        self.params
            .get(name)
            .and_then(|v| v.parse().ok())
            .ok_or(ApiError(AppError::NotFound))
    }
}

/// A JSON body; a missing or wrong content type, or a body that does not parse, is a clear 4xx.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => {
                let status = rejection.status();
                let body =
                    json!({"error": {"code": "bad_request", "message": rejection.body_text()}});
                Err((status, axum::Json(body)).into_response())
            }
        }
    }
}
