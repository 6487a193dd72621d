//! PP-04: the payout files written for approved withdrawals.

use super::*;

/// PP-04: writes the payout file of the approved withdrawals.
pub async fn write_payouts(
    s: Signed,
    crate::csrf::CsrfForm(_): crate::csrf::CsrfForm<crate::pages::auth::Empty>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let run = s.ctx.state.app.admin_export_payouts(&s.sess).await?;
    let done = match (&run.file, run.set_aside.is_empty()) {
        (Some(_), true) => "admin.payouts_written",
        (Some(_), false) => "payout_aside.written_some",
        (None, true) => "admin.payouts_none",
        (None, false) => "payout_aside.none_written",
    };
    Ok(axum::response::Redirect::to(&format!("/admin/withdrawals?done={done}")).into_response())
}

/// Downloads a payout file, to upload to the bank.
pub async fn payout_file(
    s: Signed,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<axum::response::Response, WebError> {
    let id: guichet_core::PayoutFileId = guichet_app::error::parse_id(&id)?;
    use axum::response::IntoResponse;
    let (message_id, xml) = s.ctx.state.app.admin_payout_file(&s.sess, id).await?;
    let disposition = format!("attachment; filename=\"{message_id}.xml\"");
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_string(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        xml,
    )
        .into_response())
}
