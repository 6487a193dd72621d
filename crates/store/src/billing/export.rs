//! The invoices as the exports read them (INV-06): the printed columns only, by key.

use super::invoices::history_sql;
use super::*;

/// An invoice as the exports show it (INV-06): only the columns they print, so that reading a
/// large history costs what those columns cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRow {
    pub number: String,
    pub issued_at: i64,
    pub status: InvoiceStatus,
    pub bill_to_name: String,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
    pub payment_reference: String,
    pub billing_reference: Option<String>,
}

const EXPORT_COLS: &str = "number, issued_at, status, currency, net, vat, gross, bill_to_name, payment_reference, billing_reference";

fn export_row(r: &AnyRow) -> Result<ExportRow> {
    const T: &str = "invoices";
    let currency = code(r, T, "currency", Currency::parse)?;
    let money = |col: &str| Ok::<_, crate::StoreError>(Money::new(int(r, T, col)?, currency));
    Ok(ExportRow {
        number: text(r, T, "number")?,
        issued_at: int(r, T, "issued_at")?,
        status: code(r, T, "status", InvoiceStatus::parse)?,
        bill_to_name: text(r, T, "bill_to_name")?,
        net: money("net")?,
        vat: money("vat")?,
        gross: money("gross")?,
        payment_reference: text(r, T, "payment_reference")?,
        billing_reference: opt_text(r, T, "billing_reference")?,
    })
}

/// The place of an exported invoice in the history (its issue time and number).
pub fn export_cursor(i: &ExportRow) -> Cursor {
    Cursor::new(i.issued_at, i.number.clone())
}

/// The invoices after `cursor` (see [`export_cursor`]) in the history's order (newest first), for
/// exports that walk the whole set: one statement per chunk, an index range scan from the cursor,
/// so every chunk costs the same.
pub async fn invoices_after(
    c: &mut Conn,
    org: OrgId,
    f: InvoiceFilter<'_>,
    cursor: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<ExportRow>> {
    let page = cursor.map_or(Page::First, |k| Page::After(k.clone()));
    let sql = history_sql(c, EXPORT_COLS, org, f, &page, limit);
    Ok(keyset::fetch(c, &sql, &page, limit, export_row).await?.rows)
}
