//! Invoices written in batches (the billing run): a block of gap-free numbers and of payment
//! references taken in one statement each, invoices, lines and audit rows in multi-row INSERTs.

use super::*;

/// Locks `issuer`'s sequence for `year` until the end of the caller's transaction (creating it for
/// the year's first invoice) and returns its last number. Every invoice is numbered under this
/// lock, so once it is held no other transaction has an uncommitted invoice of the same sequence:
/// a check of billing keys made after it sees every invoice that can conflict.
pub async fn lock_invoice_sequence(c: &mut Conn, issuer: &str, year: i64) -> Result<i64> {
    for _ in 0..2 {
        let row = sqlx::query(
            "UPDATE invoice_sequences SET last = last WHERE issuer = $1 AND year = $2 RETURNING last",
        )
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

/// Moves the locked sequence from `from` to `to` (the numbers `from + 1 ..= to` are used by the
/// caller's invoices); false if it was not at `from` (then the caller must roll back).
pub async fn advance_invoice_sequence(
    c: &mut Conn,
    issuer: &str,
    year: i64,
    from: i64,
    to: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE invoice_sequences SET last = $4 WHERE issuer = $1 AND year = $2 AND last = $3",
    )
    .bind(issuer)
    .bind(year)
    .bind(from)
    .bind(to)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An invoice with its lines, each line with its billing key (`product:period_start`).
pub type NewInvoice = (Invoice, Vec<(InvoiceLine, Option<String>)>);

/// Inserts invoices and their lines in multi-row statements (a few per batch). A billing key used
/// before fails the statement with a unique violation: the caller rolls back the whole batch.
pub async fn insert_invoices(c: &mut Conn, invoices: &[NewInvoice]) -> Result<()> {
    for chunk in invoices.chunks(crate::row::rows_per_statement(c, 21)) {
        let sql = format!(
            "INSERT INTO invoices (id, org_id, number, kind, status, currency, net, vat, gross, vat_rate_bp, vat_mention, \
             bill_to_name, bill_to_street, bill_to_postcode, bill_to_city, bill_to_country, billing_reference, \
             payment_reference, issued_at, due_on, bill_to_attention) VALUES {}",
            crate::row::values(chunk.len(), 21, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (i, _) in chunk {
            q = q
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
                .bind(i.bill_to_attention.as_deref());
        }
        q.execute(&mut *c).await?;
    }
    let lines: Vec<(&Invoice, usize, &InvoiceLine, Option<&str>)> = invoices
        .iter()
        .flat_map(|(i, ls)| {
            ls.iter()
                .enumerate()
                .map(move |(pos, (l, key))| (i, pos, l, key.as_deref()))
        })
        .collect();
    for chunk in lines.chunks(crate::row::rows_per_statement(c, 12)) {
        let sql = format!(
            "INSERT INTO invoice_lines (invoice_id, position, description, product_id, period_start, period_end, \
             billing_key, quantity, unit_net, net, vat, gross) VALUES {}",
            crate::row::values(chunk.len(), 12, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (i, pos, l, key) in chunk {
            q = q
                .bind(i.id.to_string())
                .bind(*pos as i64 + 1)
                .bind(&l.description)
                .bind(l.product_id.map(|p| p.to_string()))
                .bind(l.period_start.map(Date::iso))
                .bind(l.period_end.map(Date::iso))
                .bind(*key)
                .bind(l.quantity)
                .bind(l.unit_net.minor)
                .bind(l.net.minor)
                .bind(l.vat.minor)
                .bind(l.gross.minor);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

/// Audit rows of one action by the system (no actor, no address), one per (Organization, detail),
/// in multi-row statements.
pub async fn record_audit(
    c: &mut Conn,
    action: &str,
    rows: &[(OrgId, String)],
    now: i64,
) -> Result<()> {
    for chunk in rows.chunks(crate::row::rows_per_statement(c, 7)) {
        let sql = format!(
            "INSERT INTO audit_log (id, org_id, actor_id, action, detail, ip, at) VALUES {}",
            crate::row::values(chunk.len(), 7, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (org, detail) in chunk {
            q = q
                .bind(guichet_core::AuditId::new().to_string())
                .bind(Some(org.to_string()))
                .bind(None::<String>)
                .bind(action)
                .bind(detail)
                .bind("")
                .bind(now);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}
