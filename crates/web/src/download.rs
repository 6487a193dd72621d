//! Files the browser or an API client downloads: CSV (streamed or in memory), xlsx, PDF. Shared by
//! the pages and the API.

use axum::response::{IntoResponse, Response};
use guichet_app::AppError;

/// An `.xlsx` workbook, saved as `{stem}.xlsx`.
pub(crate) fn xlsx_response(bytes: Vec<u8>, stem: &'static str) -> Response {
    use axum::http::header;
    (
        [
            (
                header::CONTENT_TYPE,
                guichet_app::export::XLSX_CONTENT_TYPE.to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.xlsx\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A CSV download fed by the export's channel, chunk by chunk (no Content-Length: chunked).
pub(crate) fn csv_response(rx: tokio::sync::mpsc::Receiver<Result<Vec<u8>, AppError>>) -> Response {
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        let item = rx.recv().await?;
        let item = item.map_err(|e| {
            tracing::error!(error = %e, "CSV export stopped");
            std::io::Error::other(e.to_string())
        });
        Some((item, rx))
    });
    csv_download(axum::body::Body::from_stream(stream), "invoices")
}

/// A CSV file already in memory (small exports such as the activity log), saved as `{stem}.csv`.
pub(crate) fn csv_bytes_response(bytes: Vec<u8>, stem: &'static str) -> Response {
    csv_download(axum::body::Body::from(bytes), stem)
}

fn csv_download(body: axum::body::Body, stem: &'static str) -> Response {
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.csv\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A PDF document (INV-05, INV-07): shown by the browser, saved under its own name.
pub(crate) fn pdf_response(pdf: guichet_app::documents::Pdf) -> Response {
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", pdf.filename),
            ),
        ],
        pdf.bytes,
    )
        .into_response()
}
