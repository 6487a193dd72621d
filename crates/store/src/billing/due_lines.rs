//! The lines of due invoices, all at once: the Payments page's look-up (durations a product can be
//! paid for, the service each invoice bills), one statement per 500 invoices.

use super::*;

/// The product lines of these invoices (product, period start, period end), by invoice, and how
/// many lines each has in all: the Payments page's look-up of every due item at once (one statement
/// per 500 invoices).
pub async fn lines_of_invoices(
    c: &mut Conn,
    invoices: &[InvoiceId],
) -> Result<
    std::collections::HashMap<InvoiceId, Vec<(Option<ProductId>, Option<Date>, Option<Date>)>>,
> {
    Ok(line_details_of_invoices(c, invoices)
        .await?
        .into_iter()
        .map(|(id, lines)| {
            (
                id,
                lines.into_iter().map(|(p, s, e, _)| (p, s, e)).collect(),
            )
        })
        .collect())
}

/// A due invoice's line: product, period start and end, stored description (`core::said`).
pub type DueLine = (Option<ProductId>, Option<Date>, Option<Date>, String);

/// [`lines_of_invoices`] with each line's stored description: the Payments page names the service
/// (the product and its period) from it, in the same one statement.
pub async fn line_details_of_invoices(
    c: &mut Conn,
    invoices: &[InvoiceId],
) -> Result<std::collections::HashMap<InvoiceId, Vec<DueLine>>> {
    const T: &str = "invoice_lines";
    let ids: Vec<String> = invoices.iter().map(ToString::to_string).collect();
    let rows = select_in(
        c,
        "SELECT invoice_id, product_id, period_start, period_end, description FROM invoice_lines WHERE invoice_id",
        &ids,
        |r| {
            Ok((
                parsed::<InvoiceId>(r, T, "invoice_id")?,
                (
                    opt_parsed(r, T, "product_id")?,
                    opt_parsed(r, T, "period_start")?,
                    opt_parsed(r, T, "period_end")?,
                    text(r, T, "description")?,
                ),
            ))
        },
    )
    .await?;
    let mut out: std::collections::HashMap<InvoiceId, Vec<_>> = std::collections::HashMap::new();
    for (id, line) in rows {
        out.entry(id).or_default().push(line);
    }
    Ok(out)
}
