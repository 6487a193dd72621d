//! The API routes of invoices: list, exports, detail, paying, transfers declared, reminder check, PDFs.

use crate::api::doc::{Resp, query, schema};
use crate::api::invoices::*;
use crate::api::route::ApiRoute;
use crate::api::{reminders, renewals};
use axum::routing::{get, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/export/mail",
            summary: "E-mail the filtered invoices to the caller as a CSV attachment (INV-06; ≤ 5 MB, else download export.csv)",
            action: Some(Action::Billing),
            example: Some(|| json!({"status": "paid", "from": "2026-01-01", "to": "2026-12-31"})),
            request: Some(schema::<guichet_app::billing::InvoiceFilter>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::renewals::MailedJson>(202)],
            make: || post(renewals::invoices_csv_mail),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices",
            summary: "Invoices, newest first (INV-04), 25 a page paged by key: ?status=&from=YYYY-MM-DD&to=YYYY-MM-DD, then ?after=<next> for the next page, ?before=<prev> for the previous one, ?page=last for the oldest. Answer: invoices, next and prev (opaque cursors, null when there is no such page) and links (first, prev, next, last as relative URLs keeping the filters). No count; a cursor that is not one is a 422",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: Some(query::<guichet_app::billing::InvoiceFilter>),
            idempotent: false,
            responses: vec![Resp::json::<crate::api::invoices::InvoicesJson>(200)],
            make: || get(invoices_list),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/export.csv",
            summary: "The filtered invoices as CSV (INV-06): RFC 4180, `,`, UTF-8 without BOM, stable English keys (number,issued,status,bill_to,net,vat,total,currency,payment_reference,billing_reference), status codes, amounts as 108.10, ISO dates, formulas neutralised; whatever the caller's language: ?status=&from=&to=",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: Some(query::<guichet_app::billing::InvoiceFilter>),
            idempotent: false,
            responses: vec![Resp::csv()],
            make: || get(invoices_csv),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/{invoice}",
            summary: "One invoice with its lines and its credit notes",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::invoices::InvoiceDetailJson>(200)],
            make: || get(invoice_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/pay",
            summary: "Pay an invoice from the prepaid balance (Idempotency-Key header required)",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: true,
            responses: vec![
                Resp::json::<guichet_app::answers::InvoicePaid>(200),
                Resp::error(409),
            ],
            make: || post(invoice_pay),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/transfer-declared",
            summary: "\"I have paid by bank transfer\" (REM-05): no reminder for the invoice within the grace window (⚙ banking days); the first declaration's day is kept",
            action: Some(Action::Pay),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::reminders::TransferDeclaredJson>(200),
                Resp::error(409),
            ],
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
            request: Some(schema::<crate::api::reminders::VerifyBody>),
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<guichet_app::reminders::Verdict>(200)],
            make: || post(reminders::verify),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invoices/{invoice}/pdf",
            summary: "An invoice as PDF (INV-05): ?document=request (unpaid: with its QR-bill payment part) or final (only once paid; 409 before); none: the one that applies",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: Some(query::<crate::api::invoices::PdfParams>),
            idempotent: false,
            responses: vec![Resp::pdf(), Resp::error(409)],
            make: || get(invoice_pdf),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/credit-notes/{note}/pdf",
            summary: "A credit note as PDF (INV-02): a refund against an invoice, credited to the prepaid account",
            action: Some(Action::Billing),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::pdf()],
            make: || get(credit_note_pdf),
        },
    ]
}
