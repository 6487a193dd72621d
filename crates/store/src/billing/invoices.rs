//! Invoices and their lines: numbered, issued, listed, paid, cancelled, found by reference.

use super::*;

/// The next number of `issuer`'s sequence for `year`, in the caller's transaction (INV-02: a rolled
/// back invoice gives its number back, so the sequence has no gap).
pub async fn next_invoice_number(c: &mut Conn, issuer: &str, year: i64) -> Result<i64> {
    // The year's counter exists but for the first invoice of a year: one statement as a rule.
    for _ in 0..2 {
        let row = sqlx::query("UPDATE invoice_sequences SET last = last + 1 WHERE issuer = $1 AND year = $2 RETURNING last")
            .bind(issuer)
            .bind(year)
            .fetch_optional(&mut *c)
            .await?;
        if let Some(row) = row {
            return Ok(row.try_get::<i64, _>(0)?);
        }
        sqlx::query("INSERT INTO invoice_sequences (issuer, year, last) VALUES ($1, $2, 0) ON CONFLICT (issuer, year) DO NOTHING")
            .bind(issuer)
            .bind(year)
            .execute(&mut *c)
            .await?;
    }
    Err(crate::StoreError::Corrupt {
        table: "invoice_sequences",
        detail: format!("{issuer} {year} was created but cannot be found"),
    })
}

#[derive(Clone, Debug)]
pub struct Invoice {
    pub id: InvoiceId,
    pub org_id: OrgId,
    pub number: String,
    pub kind: InvoiceKind,
    pub status: InvoiceStatus,
    pub currency: Currency,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
    pub vat_rate_bp: i64,
    pub vat_mention: Option<String>,
    pub bill_to: [String; 5],
    /// The recipient line under a company's name (the person it is for), if any (issue #14).
    pub bill_to_attention: Option<String>,
    pub billing_reference: Option<String>,
    pub payment_reference: String,
    pub issued_at: i64,
    pub due_on: Date,
    pub paid_at: Option<i64>,
    /// What credit notes gave back so far (minor units, VAT included).
    pub refunded: Money,
}

#[derive(Clone, Debug)]
pub struct InvoiceLine {
    pub description: String,
    pub product_id: Option<ProductId>,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub quantity: i64,
    pub unit_net: Money,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

pub(crate) const ICOLS: &str = "id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, vat_mention, bill_to_name, \
                     bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, billing_reference, payment_reference, \
                     issued_at, due_on, paid_at, refunded, bill_to_attention";

pub(crate) fn invoice(r: &AnyRow) -> Result<Invoice> {
    const T: &str = "invoices";
    let currency = code(r, T, "currency", Currency::parse)?;
    let money = |col: &str| Ok::<_, crate::StoreError>(Money::new(int(r, T, col)?, currency));
    Ok(Invoice {
        id: parsed(r, T, "id")?,
        org_id: parsed(r, T, "org_id")?,
        number: text(r, T, "number")?,
        kind: code(r, T, "kind", InvoiceKind::parse)?,
        status: code(r, T, "status", InvoiceStatus::parse)?,
        currency,
        net: money("net")?,
        vat: money("vat")?,
        gross: money("gross")?,
        vat_rate_bp: int(r, T, "vat_rate_bp")?,
        vat_mention: opt_text(r, T, "vat_mention")?,
        bill_to: [
            text(r, T, "bill_to_name")?,
            text(r, T, "bill_to_street")?,
            text(r, T, "bill_to_postcode")?,
            text(r, T, "bill_to_city")?,
            text(r, T, "bill_to_country")?,
        ],
        bill_to_attention: opt_text(r, T, "bill_to_attention")?,
        billing_reference: opt_text(r, T, "billing_reference")?,
        payment_reference: text(r, T, "payment_reference")?,
        issued_at: int(r, T, "issued_at")?,
        due_on: parsed(r, T, "due_on")?,
        paid_at: opt_int(r, T, "paid_at")?,
        refunded: money("refunded")?,
    })
}

pub async fn insert_invoice(
    c: &mut Conn,
    i: &Invoice,
    lines: &[(InvoiceLine, Option<String>)],
) -> Result<()> {
    sqlx::query(
        "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, vat_mention, bill_to_name, \
         bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, billing_reference, payment_reference, issued_at, due_on, \
         bill_to_attention) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
    )
    .bind(i.id.to_string())
    .bind(i.org_id.to_string())
    .bind(&i.number)
    .bind(i.kind.as_str())
    .bind(i.status.as_str())
    .bind(i.currency.code())
    .bind(i.net.minor)
    .bind(i.vat.minor)
    .bind(i.gross.minor)
    .bind(i.vat_rate_bp)
    .bind(i.vat_mention.as_deref())
    .bind(&i.bill_to[0])
    .bind(&i.bill_to[1])
    .bind(&i.bill_to[2])
    .bind(&i.bill_to[3])
    .bind(&i.bill_to[4])
    .bind(i.billing_reference.as_deref())
    .bind(&i.payment_reference)
    .bind(i.issued_at)
    .bind(i.due_on.iso())
    .bind(i.bill_to_attention.as_deref())
    .execute(&mut *c)
    .await?;
    for (pos, (l, key)) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO invoice_lines (invoice_id, position, description, product_id, period_start, period_end, billing_key, \
             quantity, unit_net, net, vat, gross) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(i.id.to_string())
        .bind(pos as i64 + 1)
        .bind(&l.description)
        .bind(l.product_id.map(|p| p.to_string()))
        .bind(l.period_start.map(Date::iso))
        .bind(l.period_end.map(Date::iso))
        .bind(key.as_deref())
        .bind(l.quantity)
        .bind(l.unit_net.minor)
        .bind(l.net.minor)
        .bind(l.vat.minor)
        .bind(l.gross.minor)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

pub async fn get_invoice(
    c: &mut Conn,
    org: OrgId,
    id: InvoiceId,
) -> Result<Option<(Invoice, Vec<InvoiceLine>)>> {
    let Some(row) = org_row(&mut *c, ICOLS, "invoices", id, org).await? else {
        return Ok(None);
    };
    let inv = invoice(&row)?;
    let rows = sqlx::query(
        "SELECT description, product_id, period_start, period_end, quantity, unit_net, net, vat, gross FROM invoice_lines \
         WHERE invoice_id = $1 ORDER BY position",
    )
    .bind(id.to_string())
    .fetch_all(c)
    .await?;
    const L: &str = "invoice_lines";
    let lines = rows
        .iter()
        .map(|r| {
            let money =
                |col: &str| Ok::<_, crate::StoreError>(Money::new(int(r, L, col)?, inv.currency));
            Ok(InvoiceLine {
                description: text(r, L, "description")?,
                product_id: opt_parsed(r, L, "product_id")?,
                period_start: opt_parsed(r, L, "period_start")?,
                period_end: opt_parsed(r, L, "period_end")?,
                quantity: int(r, L, "quantity")?,
                unit_net: money("unit_net")?,
                net: money("net")?,
                vat: money("vat")?,
                gross: money("gross")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some((inv, lines)))
}

/// The invoice history's filters (all optional; times are unix seconds, `to` exclusive).
#[derive(Clone, Copy, Debug, Default)]
pub struct InvoiceFilter<'a> {
    pub status: Option<&'a str>,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// The history's statement for the filters that are set (each combination an index prefix:
/// `invoices_org_keyset` or `invoices_org_status_keyset`, migration 0029), then the seek of `page`.
pub(super) fn history_sql(
    c: &Conn,
    cols: &str,
    org: OrgId,
    f: InvoiceFilter<'_>,
    page: &Page,
    limit: i64,
) -> Sql {
    let index = if f.status.is_some() {
        "invoices_org_status_keyset"
    } else {
        "invoices_org_keyset"
    };
    let mut sql = Sql::new(
        &format!(
            "SELECT {cols} FROM invoices{} WHERE org_id = ?",
            keyset::indexed_by(c, index)
        ),
        [org.to_string().into()],
    );
    if let Some(status) = f.status {
        sql.push(" AND status = ?", [status.into()]);
    }
    let (from, to) = keyset::bounds(page, f.from, f.to);
    if let Some(from) = from {
        sql.push(" AND issued_at >= ?", [from.into()]);
    }
    if let Some(to) = to {
        sql.push(" AND issued_at < ?", [to.into()]);
    }
    keyset::seek(&mut sql, page, "issued_at", "number", limit);
    sql
}

/// The place of an invoice in the history (its issue time and number).
pub fn invoice_cursor(i: &Invoice) -> Cursor {
    Cursor::new(i.issued_at, i.number.clone())
}

/// One page of an Organization's invoices, newest first, filtered by status and issue date range:
/// seeked by key (no OFFSET, no count), so the last page costs what the first does.
pub async fn invoices_page(
    c: &mut Conn,
    org: OrgId,
    f: InvoiceFilter<'_>,
    page: &Page,
    limit: i64,
) -> Result<Paged<Invoice>> {
    let sql = history_sql(c, ICOLS, org, f, page, limit);
    keyset::fetch(c, &sql, page, limit, invoice).await
}

/// The query plan of the history's statement (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on
/// PostgreSQL), one line per row: for the test that proves each filter's page is an index seek.
#[doc(hidden)]
pub async fn explain_invoices_page(
    c: &mut Conn,
    backend: crate::Backend,
    org: OrgId,
    f: InvoiceFilter<'_>,
    page: &Page,
) -> Result<Vec<String>> {
    let sql = history_sql(c, ICOLS, org, f, page, 25);
    keyset::explain(c, backend, &sql).await
}

/// Cancels an unpaid invoice (it keeps its number: the sequence stays gap-free) and frees its
/// lines' billing keys for the invoice that replaces it; false if it was not unpaid.
pub async fn cancel_invoice(c: &mut Conn, id: InvoiceId) -> Result<bool> {
    use InvoiceStatus::*;
    if !Cas::new(&[Unpaid, Overdue], Cancelled)
        .id(id)
        .applied(&mut *c)
        .await?
    {
        return Ok(false);
    }
    sqlx::query("UPDATE invoice_lines SET billing_key = NULL WHERE invoice_id = $1")
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(true)
}

/// INV-03: unpaid invoices due before `today` (`YYYY-MM-DD`) become overdue; how many.
pub async fn mark_overdue(c: &mut Conn, today: Date) -> Result<u64> {
    Cas::new(&[InvoiceStatus::Unpaid], InvoiceStatus::Overdue)
        .all_rows()
        .guard("due_on < ?", today.iso())
        .apply(c)
        .await
}

/// Marks an unpaid invoice paid; false if it was not unpaid.
pub async fn mark_invoice_paid(c: &mut Conn, id: InvoiceId, now: i64) -> Result<bool> {
    use InvoiceStatus::*;
    Cas::new(&[Unpaid, Overdue], Paid)
        .id(id)
        // An invoice a card charge is paying (issue #13) is paid by that charge alone.
        .guard_expr("card_charge_id IS NULL")
        .set("paid_at", now)
        .set_expr("paid_minor = gross")
        .applied(c)
        .await
}

/// [`mark_invoice_paid`] of many invoices, in a few statements (a bank import's batch); how many
/// of them were still open and are now paid. The caller compares it with the number of ids.
pub async fn mark_invoices_paid(c: &mut Conn, ids: &[InvoiceId], now: i64) -> Result<u64> {
    use InvoiceStatus::*;
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let mut paid = 0;
    for chunk in ids.chunks(crate::row::rows_per_statement(c, 1)) {
        paid += Cas::new(&[Unpaid, Overdue], Paid)
            .ids(chunk)
            .guard_expr("card_charge_id IS NULL")
            .set("paid_at", now)
            .set_expr("paid_minor = gross")
            .apply(&mut *c)
            .await?;
    }
    Ok(paid)
}

pub async fn count_unpaid(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM invoices WHERE org_id = $1 AND status IN ('unpaid', 'partially_paid', 'overdue')")
        .bind(org.to_string())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// An invoice by its number, whatever its Organization (the back office's lookup).
pub async fn invoice_by_number(c: &mut Conn, number: &str) -> Result<Option<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {ICOLS} FROM invoices WHERE number = $1"));
    let row = sqlx::query(sql).bind(number).fetch_optional(c).await?;
    row.as_ref().map(invoice).transpose()
}

/// The invoices carrying these payment references, by reference (the bank import's look-up of a
/// whole file).
pub async fn invoices_by_references(
    c: &mut Conn,
    references: &[String],
) -> Result<std::collections::HashMap<String, Invoice>> {
    let head = format!("SELECT {ICOLS} FROM invoices WHERE payment_reference");
    let found = select_in(c, &head, references, invoice).await?;
    Ok(found
        .into_iter()
        .map(|i| (i.payment_reference.clone(), i))
        .collect())
}

/// The invoices with these numbers (a payer's message naming them), at most one per number.
pub async fn invoices_by_numbers(c: &mut Conn, numbers: &[String]) -> Result<Vec<Invoice>> {
    let head = format!("SELECT {ICOLS} FROM invoices WHERE number");
    select_in(c, &head, numbers, invoice).await
}

/// The products billed on an invoice, with the start and end of the period each line bills.
pub async fn invoice_products(c: &mut Conn, invoice: InvoiceId) -> Result<Vec<ProductLine>> {
    let rows = sqlx::query(
        "SELECT product_id, period_start, period_end FROM invoice_lines WHERE invoice_id = $1 AND product_id IS NOT NULL ORDER BY position",
    )
    .bind(invoice.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parsed(r, "invoice_lines", "product_id")?,
                opt_parsed(r, "invoice_lines", "period_start")?,
                opt_parsed(r, "invoice_lines", "period_end")?,
            ))
        })
        .collect()
}

/// A product line of an invoice: the product and the period it bills, if any.
pub type ProductLine = (ProductId, Option<Date>, Option<Date>);

/// [`invoice_products`] of many invoices in a few queries (a bank import's batch): the product
/// lines of each, in line order; an invoice without any is absent.
pub async fn products_of_invoices(
    c: &mut Conn,
    invoices: &[InvoiceId],
) -> Result<std::collections::HashMap<InvoiceId, Vec<ProductLine>>> {
    let ids: Vec<String> = invoices.iter().map(ToString::to_string).collect();
    let mut rows = crate::row::select_in(
        c,
        "SELECT invoice_id, position, product_id, period_start, period_end FROM invoice_lines \
         WHERE product_id IS NOT NULL AND invoice_id",
        &ids,
        |r| {
            Ok((
                parsed::<InvoiceId>(r, "invoice_lines", "invoice_id")?,
                int(r, "invoice_lines", "position")?,
                (
                    parsed(r, "invoice_lines", "product_id")?,
                    opt_parsed(r, "invoice_lines", "period_start")?,
                    opt_parsed(r, "invoice_lines", "period_end")?,
                ),
            ))
        },
    )
    .await?;
    rows.sort_by_key(|(invoice, position, _)| (*invoice, *position));
    let mut out: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
    for (invoice, _, line) in rows {
        out.entry(invoice).or_default().push(line);
    }
    Ok(out)
}

/// The Organization's unpaid invoices that bill only this product (order or renewals).
pub async fn unpaid_invoices_of_product(
    c: &mut Conn,
    org: OrgId,
    product: ProductId,
) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices v WHERE v.org_id = $1 AND v.status IN ('unpaid', 'overdue') \
         AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = v.id AND l.product_id = $2) \
         AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = v.id AND (l.product_id IS NULL OR l.product_id <> $2)) \
         ORDER BY v.issued_at"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(product.to_string())
        .fetch_all(c)
        .await?;
    rows.iter().map(invoice).collect()
}

/// The months billed by the line with `key` (`product:period_start`), if it exists.
pub async fn invoiced_months(c: &mut Conn, key: &str) -> Result<Option<i64>> {
    let row =
        sqlx::query("SELECT period_start, period_end FROM invoice_lines WHERE billing_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?;
    let Some(r) = row else { return Ok(None) };
    let start = opt_text(&r, "invoice_lines", "period_start")?;
    let end = opt_text(&r, "invoice_lines", "period_end")?;
    Ok(
        match (
            start
                .as_deref()
                .and_then(guichet_core::period::Date::parse_iso),
            end.as_deref()
                .and_then(guichet_core::period::Date::parse_iso),
        ) {
            (Some(a), Some(b)) => Some(guichet_core::period::months_between(a, b)),
            _ => None,
        },
    )
}

/// Which of `keys` are invoiced already (one query for a batch of the billing run).
pub async fn existing_billing_keys(
    c: &mut Conn,
    keys: &[String],
) -> Result<std::collections::HashSet<String>> {
    let found = select_in(
        c,
        "SELECT billing_key FROM invoice_lines WHERE billing_key",
        keys,
        |r| text(r, "invoice_lines", "billing_key"),
    )
    .await?;
    Ok(found.into_iter().collect())
}

pub async fn billing_key_exists(c: &mut Conn, key: &str) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM invoice_lines WHERE billing_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?
            .is_some(),
    )
}

/// Unpaid invoices of an Organization, soonest due first; with `due_by` only those due by that day.
pub async fn payable(c: &mut Conn, org: OrgId, due_by: Option<Date>) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE org_id = $1 AND status IN ('unpaid', 'overdue') AND ($2 = '' OR due_on <= $2) \
         ORDER BY due_on, number LIMIT 500"
    ));
    let rows = sqlx::query(sql)
        .bind(org.to_string())
        .bind(due_by.map(Date::iso).unwrap_or_default())
        .fetch_all(c)
        .await?;
    rows.iter().map(invoice).collect()
}

/// For the crash test and operators' checks: renewal invoices, their lines, the distinct products they
/// bill, and every invoice number.
pub async fn renewal_census(c: &mut Conn) -> Result<(i64, i64, i64, Vec<String>)> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM invoices WHERE kind = 'renewal') AS i, \
         (SELECT COUNT(*) FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id WHERE v.kind = 'renewal') AS l, \
         (SELECT COUNT(DISTINCT l.product_id) FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id WHERE v.kind = 'renewal') AS p",
    )
    .fetch_one(&mut *c)
    .await?;
    let numbers = sqlx::query("SELECT number FROM invoices ORDER BY number")
        .fetch_all(&mut *c)
        .await?
        .iter()
        .map(|r| text(r, "invoices", "number"))
        .collect::<Result<Vec<_>>>()?;
    Ok((
        int(&row, "invoices", "i")?,
        int(&row, "invoices", "l")?,
        int(&row, "invoices", "p")?,
        numbers,
    ))
}

/// REM-05: open invoices (unpaid or overdue) due on or before `day`, oldest due first.
pub async fn open_due_by(c: &mut Conn, day: Date, limit: i64) -> Result<Vec<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE status IN ('unpaid', 'overdue') AND due_on <= $1 \
         ORDER BY due_on, id LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(day.iso())
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(invoice).collect()
}

/// REM-06: the Organization's invoice with this payment reference or number (never another's).
pub async fn invoice_of_org_by_reference(
    c: &mut Conn,
    org: OrgId,
    reference: &str,
) -> Result<Option<Invoice>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {ICOLS} FROM invoices WHERE org_id = $1 AND (payment_reference = $2 OR number = $2)"
    ));
    let row = sqlx::query(sql)
        .bind(org.to_string())
        .bind(reference)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(invoice).transpose()
}
