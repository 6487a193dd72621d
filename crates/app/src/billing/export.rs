//! The invoice export (INV-06): CSV streamed, e-mailed, and the .xlsx workbook.

use super::invoices::parse_filter;
use super::*;

/// The largest CSV sent as an e-mail attachment (mail servers refuse large messages).
pub const MAIL_EXPORT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// Invoices read per query by the export.
const CSV_CHUNK: i64 = 500;

/// The next [`CSV_CHUNK`] invoices matching the filter after `cursor` (issue date, number), in the
/// export's keyset order: an index range scan from the cursor, so every chunk costs the same.
async fn next_chunk(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    filter: &super::invoices::ParsedFilter,
    cursor: Option<&guichet_store::keyset::Cursor>,
) -> AppResult<Vec<store::ExportRow>> {
    Ok(store::invoices_after(c, org, filter.store(), cursor, CSV_CHUNK).await?)
}

impl App {
    /// INV-06: the invoices matching the filters as a CSV stream: the permission and the filters are
    /// checked first (a 4xx before anything is sent), then a task reads 500 invoices at a time by
    /// keyset and sends each chunk through a bounded channel — memory stays flat whatever the size,
    /// and a client that goes away stops the task.
    // Async like every use case the web calls, although it only spawns the task that streams.
    #[allow(clippy::unused_async)]
    pub async fn invoices_csv_stream(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<tokio::sync::mpsc::Receiver<AppResult<Vec<u8>>>> {
        actor.require(Action::Billing)?;
        let filter = parse_filter(f)?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let db = self.db.clone();
        let org = actor.org;
        tokio::spawn(async move {
            let mut cursor = None;
            let mut first = true;
            loop {
                let chunk = async {
                    let mut c = db.conn().await?;
                    let list = next_chunk(&mut c, org, &filter, cursor.as_ref()).await?;
                    AppResult::Ok(list)
                }
                .await;
                let list = match chunk {
                    Ok(list) => list,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let done = (list.len() as i64) < CSV_CHUNK;
                cursor = list.last().map(store::export_cursor);
                let bytes = crate::export::invoice_csv_rows(form, &list, first);
                first = false;
                if tx.send(bytes).await.is_err() || done {
                    return;
                }
            }
        });
        Ok(rx)
    }

    /// INV-06: the export sent by e-mail to the requester, as an attachment (at most
    /// [`MAIL_EXPORT_MAX_BYTES`]; a larger set is refused with a message: download it instead).
    /// Returns the number of invoices sent. `form`: the API's stable CSV, or the reader's (the
    /// Manager's button, in the requester's language).
    pub async fn email_invoices_csv(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<usize> {
        let csv = self.invoices_csv(actor, f, form).await?;
        if csv.len() > MAIL_EXPORT_MAX_BYTES {
            return Err(AppError::invalid("export", "export.too_large_for_mail"));
        }
        let rows = csv
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            .saturating_sub(1);
        let content = String::from_utf8(csv).map_err(|e| AppError::Internal(e.to_string()))?;
        let now = self.now();
        let filters = [
            ("status", f.status.as_deref()),
            ("from", f.from.as_deref()),
            ("to", f.to.as_deref()),
        ]
        .iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join(", ");
        let filters = if filters.is_empty() {
            "—".to_string()
        } else {
            filters
        };
        let mut tx = self.db.begin().await?;
        let user = guichet_store::users::by_id(&mut tx, actor.user)
            .await?
            .ok_or(AppError::NotFound)?;
        let mail = crate::mail::Mail::InvoicesExport {
            rows: &rows.to_string(),
            filters: &filters,
            support_code: &user.support_code,
        };
        let (subject, body) = mail.render(user.lang);
        let id = guichet_store::outbox::enqueue_in(
            &mut tx,
            &user.email,
            user.lang.code(),
            (&subject, &body),
            "invoices_export",
            now,
        )
        .await?;
        let attachment = guichet_store::outbox::Attachment {
            filename: format!("invoices-{}.csv", today(now).iso()),
            content_type: "text/csv; charset=utf-8".into(),
            content,
        };
        guichet_store::outbox::attach(&mut tx, id, &attachment).await?;
        actor
            .audit_and_commit(
                tx,
                "invoices.exported_by_mail",
                &guichet_core::said::encode(
                    "said.exported_by_mail",
                    &[("rows", &rows.to_string()), ("filters", &filters)],
                ),
                now,
            )
            .await?;
        Ok(rows)
    }

    /// INV-06: the whole export in memory (for the e-mailed copy).
    pub async fn invoices_csv(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        form: CsvForm,
    ) -> AppResult<Vec<u8>> {
        let mut rx = self.invoices_csv_stream(actor, f, form).await?;
        let mut out = Vec::new();
        while let Some(chunk) = rx.recv().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }

    /// Issue #15: the invoices matching the filters as an `.xlsx` workbook for a reader in `lang`
    /// (amounts as numbers). Built in memory, so at most [`crate::export::XLSX_MAX_ROWS`] invoices:
    /// a larger set is refused with a message (the CSV download streams any size).
    pub async fn invoices_xlsx(
        &self,
        actor: &Actor,
        f: &InvoiceFilter,
        lang: guichet_core::Lang,
    ) -> AppResult<Vec<u8>> {
        actor.require(Action::Billing)?;
        let filter = parse_filter(f)?;
        let mut all: Vec<store::ExportRow> = Vec::new();
        let mut cursor = None;
        let mut c = self.db.conn().await?;
        loop {
            let list = next_chunk(&mut c, actor.org, &filter, cursor.as_ref()).await?;
            let done = (list.len() as i64) < CSV_CHUNK;
            cursor = list.last().map(store::export_cursor);
            all.extend(list);
            if all.len() > crate::export::XLSX_MAX_ROWS {
                return Err(AppError::invalid("export", "export.too_large_for_xlsx"));
            }
            if done {
                break;
            }
        }
        drop(c);
        tokio::task::spawn_blocking(move || crate::export::invoices_xlsx(&all, lang))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
    }
}
