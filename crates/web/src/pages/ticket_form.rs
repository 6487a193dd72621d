//! Reading the support requests' multipart forms (the contact window, a reply, an operator's
//! answer): the text fields, the attached files, and the CSRF token checked like any form's.

use crate::ctx::Ctx;
use crate::error::WebError;
use axum::extract::Multipart;
use guichet_app::AppError;
use guichet_app::tickets::Upload;
use std::collections::BTreeMap;

/// The most a request's form may carry (each file is checked against the configured limits by
/// the use case; this only bounds what is read).
pub const MAX_FORM_BYTES: usize = 64 * 1024 * 1024;

pub struct TicketForm {
    pub fields: BTreeMap<String, String>,
    pub uploads: Vec<Upload>,
}

impl TicketForm {
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// The form's fields and files (`attachments`); a wrong or missing CSRF token is a 403.
pub async fn read(ctx: &Ctx, mut multipart: Multipart) -> Result<TicketForm, WebError> {
    let mut fields = BTreeMap::new();
    let mut uploads = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(AppError::invalid("attachments", "form.unreadable").into()),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "attachments" {
            let filename = field.file_name().unwrap_or_default().to_string();
            let content_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::invalid("attachments", "form.unreadable"))?;
            uploads.push(Upload {
                filename,
                content_type,
                bytes: bytes.to_vec(),
            });
        } else {
            let text = field
                .text()
                .await
                .map_err(|_| AppError::invalid("message", "form.unreadable"))?;
            fields.insert(name, text);
        }
    }
    let sent = fields.get("csrf").map_or("", String::as_str);
    if !crate::csrf::same(sent, ctx.csrf()) {
        return Err(AppError::Forbidden("csrf.invalid").into());
    }
    Ok(TicketForm { fields, uploads })
}
