//! Spreadsheet exports (INV-06, issue #15): the form of a CSV file, and the invoices as `.xlsx`.
//!
//! Two CSV forms, chosen by who reads the file:
//!
//! - [`CsvForm::Api`] — for programs: RFC 4180, `,` separator, UTF-8 without BOM, stable English
//!   keys (`number,issued,status,…`), status codes (`paid`) and amounts with a decimal point
//!   (`108.10`). It never changes with the caller's language.
//! - [`CsvForm::Reader`] — the Manager's download, for a person opening it in a spreadsheet: UTF-8
//!   **with** a BOM (so Excel reads "Sàrl" right), headers and statuses in the reader's language, and
//!   for French and German the separator `;` with a decimal comma (`108,10`), as Excel and
//!   LibreOffice expect in a fr-FR/de-DE/fr-CH/de-CH locale where `,` is the list separator. English
//!   keeps `,` and `108.10`. The Manager's languages carry no region, so one rule per language: a
//!   Swiss Excel whose decimal symbol is `.` still splits the columns at `;` but shows the amounts
//!   as text — the `.xlsx` download is the form that is numbers everywhere.
//!
//! In both forms dates are ISO `YYYY-MM-DD` and every text cell starting with `=`, `+`, `-`, `@`,
//! tab, CR or NUL gets a leading `'` ([`guichet_core::validate::spreadsheet_text`]) so that a
//! spreadsheet never runs it as a formula. Amounts are never text cells: they are written from
//! integer minor units, digits only.

use crate::error::{AppError, AppResult};
use guichet_core::Lang;
use guichet_core::i18n::t;
use guichet_store::billing::ExportRow;

/// UTF-8's byte order mark, which tells Excel a CSV file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The `.xlsx` content type.
pub const XLSX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The most invoices an `.xlsx` export holds (a workbook is built in memory; Excel's own limit is
/// 1 048 576 rows). A larger set is refused with a message: the CSV download streams any size.
pub const XLSX_MAX_ROWS: usize = 100_000;

/// Who reads a CSV export, hence its form (see the module's documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvForm {
    /// For programs (the API): RFC 4180 with stable English keys.
    Api,
    /// For a person in the Manager, in their language.
    Reader(Lang),
}

impl CsvForm {
    /// The field separator: `;` for French and German readers, `,` otherwise.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvForm::Reader(Lang::Fr | Lang::De) => b';',
            _ => b',',
        }
    }

    fn decimal_comma(self) -> bool {
        self.delimiter() == b';'
    }

    /// A CSV writer of this form; with `first`, the BOM (reader form) is written before anything.
    pub fn writer(self, first: bool, capacity: usize) -> csv::Writer<Vec<u8>> {
        let mut buf = Vec::with_capacity(capacity);
        if first && matches!(self, CsvForm::Reader(_)) {
            buf.extend_from_slice(BOM);
        }
        csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .from_writer(buf)
    }

    /// An amount in minor units as a decimal number: `1234.50`, or `1234,50` with a decimal comma.
    pub fn amount(self, minor: i64) -> String {
        let s = guichet_core::money::format_minor(minor);
        if self.decimal_comma() {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// A header row: each column's stable key for the API, its catalogue text for a reader.
    pub fn header(self, columns: &[(&'static str, &'static str)]) -> Vec<String> {
        columns
            .iter()
            .map(|(key, label)| match self {
                CsvForm::Api => (*key).to_string(),
                CsvForm::Reader(lang) => t(lang, label).to_string(),
            })
            .collect()
    }

    /// An invoice status: its code for the API, its name for a reader.
    pub fn status(self, code: &str) -> String {
        match self {
            CsvForm::Api => code.to_string(),
            CsvForm::Reader(lang) => t(lang, &format!("invoice.status.{code}")).to_string(),
        }
    }
}

/// The invoice export's columns: (API key, catalogue key of the reader's header).
pub const INVOICE_COLUMNS: [(&str, &str); 10] = [
    ("number", "export.invoices.number"),
    ("issued", "export.invoices.issued"),
    ("status", "export.invoices.status"),
    ("bill_to", "export.invoices.bill_to"),
    ("net", "export.invoices.net"),
    ("vat", "export.invoices.vat"),
    ("total", "export.invoices.total"),
    ("currency", "export.invoices.currency"),
    ("payment_reference", "export.invoices.payment_reference"),
    ("billing_reference", "export.invoices.billing_reference"),
];

/// The activity log export's columns.
pub const ACTIVITY_COLUMNS: [(&str, &str); 6] = [
    ("time_utc", "export.activity.time_utc"),
    ("actor", "export.activity.actor"),
    ("actor_email", "export.activity.actor_email"),
    ("action", "export.activity.action"),
    ("description", "export.activity.description"),
    ("ip", "export.activity.ip"),
];

/// The calendar day (UTC) an invoice was issued, ISO.
fn issued_day(unix: i64) -> String {
    guichet_core::period::Date::from_unix(unix).iso()
}

/// Invoices as CSV rows of `form`; with `header`, the BOM (reader form) and the header row first.
pub fn invoice_csv_rows(form: CsvForm, invoices: &[ExportRow], header: bool) -> AppResult<Vec<u8>> {
    use guichet_core::validate::spreadsheet_text as cell;
    let csv_err = |e: csv::Error| AppError::Internal(e.to_string());
    let mut out = form.writer(header, invoices.len() * 128 + 128);
    if header {
        out.write_record(form.header(&INVOICE_COLUMNS))
            .map_err(csv_err)?;
    }
    // A status's name is looked up once per export chunk, not once per row.
    let mut names: Vec<(guichet_core::status::InvoiceStatus, String)> = Vec::new();
    for i in invoices {
        let at = if let Some(at) = names.iter().position(|(s, _)| *s == i.status) {
            at
        } else {
            let name = cell(&form.status(i.status.as_str())).into_owned();
            names.push((i.status, name));
            names.len() - 1
        };
        let status = names[at].1.as_str();
        out.write_record([
            cell(&i.number).as_ref(),
            &issued_day(i.issued_at),
            status,
            cell(&i.bill_to_name).as_ref(),
            &form.amount(i.net.minor),
            &form.amount(i.vat.minor),
            &form.amount(i.gross.minor),
            i.gross.currency.code(),
            cell(&i.payment_reference).as_ref(),
            cell(i.billing_reference.as_deref().unwrap_or("")).as_ref(),
        ])
        .map_err(csv_err)?;
    }
    out.into_inner()
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// Invoices as an `.xlsx` workbook for a reader in `lang`: one sheet, headers in `lang` (bold,
/// frozen, with a filter), the issue date as a date cell (`yyyy-mm-dd`), the amounts as number cells
/// with two decimals, the texts as text cells (never formulas, so no `'` is needed).
pub fn invoices_xlsx(invoices: &[ExportRow], lang: Lang) -> AppResult<Vec<u8>> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let x = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.to_string());
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name(t(lang, "export.invoices.sheet")).map_err(x)?;
    for (c, label) in CsvForm::Reader(lang)
        .header(&INVOICE_COLUMNS)
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, label, &bold)
            .map_err(x)?;
    }
    for (n, i) in invoices.iter().enumerate() {
        let r = n as u32 + 1;
        let d = guichet_core::period::Date::from_unix(i.issued_at);
        let date =
            ExcelDateTime::from_ymd(d.year.clamp(1900, 9999) as u16, d.month, d.day).map_err(x)?;
        ws.write_string(r, 0, &i.number).map_err(x)?;
        ws.write_datetime_with_format(r, 1, &date, &day)
            .map_err(x)?;
        ws.write_string(
            r,
            2,
            t(lang, &format!("invoice.status.{}", i.status.as_str())),
        )
        .map_err(x)?;
        ws.write_string(r, 3, &i.bill_to_name).map_err(x)?;
        // A number cell is an IEEE double: minor units / 100 is the double nearest the decimal
        // amount, exactly what a spreadsheet stores when "108.10" is typed in.
        for (c, amount) in [(4u16, i.net), (5, i.vat), (6, i.gross)] {
            ws.write_number_with_format(r, c, amount.minor as f64 / 100.0, &money)
                .map_err(x)?;
        }
        ws.write_string(r, 7, i.gross.currency.code()).map_err(x)?;
        ws.write_string(r, 8, &i.payment_reference).map_err(x)?;
        ws.write_string(r, 9, i.billing_reference.as_deref().unwrap_or(""))
            .map_err(x)?;
    }
    ws.set_freeze_panes(1, 0).map_err(x)?;
    ws.autofilter(0, 0, invoices.len() as u32, 9).map_err(x)?;
    for (c, w) in [14, 12, 18, 32, 12, 12, 12, 9, 30, 20].iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(x)?;
    }
    wb.save_to_buffer().map_err(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reader_gets_its_separator_decimal_mark_and_words() {
        assert_eq!(CsvForm::Reader(Lang::Fr).delimiter(), b';');
        assert_eq!(CsvForm::Reader(Lang::De).delimiter(), b';');
        assert_eq!(CsvForm::Reader(Lang::En).delimiter(), b',');
        assert_eq!(CsvForm::Api.delimiter(), b',');
        assert_eq!(CsvForm::Reader(Lang::Fr).amount(-1849), "-18,49");
        assert_eq!(CsvForm::Reader(Lang::En).amount(1849), "18.49");
        assert_eq!(CsvForm::Api.amount(10810), "108.10");
        assert_eq!(CsvForm::Api.status("paid"), "paid");
        assert_eq!(CsvForm::Reader(Lang::Fr).status("paid"), "payée");
        assert_eq!(CsvForm::Reader(Lang::De).status("paid"), "bezahlt");
        assert_eq!(CsvForm::Api.header(&INVOICE_COLUMNS)[0], "number");
        for lang in Lang::ALL {
            for (key, label) in INVOICE_COLUMNS.iter().chain(ACTIVITY_COLUMNS.iter()) {
                let text = t(lang, label);
                assert!(text != *label && !text.is_empty(), "{key} in {lang:?}");
            }
            assert_ne!(t(lang, "export.invoices.sheet"), "export.invoices.sheet");
        }
    }

    #[test]
    fn the_bom_comes_once_and_only_for_readers() {
        let w = CsvForm::Reader(Lang::Fr).writer(true, 0);
        assert!(w.into_inner().unwrap().starts_with(BOM));
        let w = CsvForm::Reader(Lang::Fr).writer(false, 0);
        assert!(w.into_inner().unwrap().is_empty());
        let w = CsvForm::Api.writer(true, 0);
        assert!(w.into_inner().unwrap().is_empty());
    }
}
