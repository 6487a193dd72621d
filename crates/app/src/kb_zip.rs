//! KB-04 from the back office: a zip of guide files (as `guichet kb import DIR` reads a folder:
//! `<lang>/<id>.md` or a flat folder with the language in the front matter) uploaded by an
//! operator. The archive is hostile until unpacked: entries are bounded in number and size
//! (declared and actual), names that would leave the folder are refused, and only the files a
//! guide import reads are written, into a fresh temporary folder removed afterwards.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use crate::kb::{ImportLine, ImportSummary};
use std::io::Read;

/// At most this many entries in an archive.
pub const MAX_ENTRIES: usize = 2_000;
/// At most this much unpacked in all (bytes).
pub const MAX_UNPACKED: u64 = 50 * 1024 * 1024;
/// At most this much per file (bytes): a guide is text.
pub const MAX_FILE: u64 = 2 * 1024 * 1024;
/// At most this much uploaded (bytes, the archive itself).
pub const MAX_UPLOAD: usize = 20 * 1024 * 1024;

/// A temporary folder removed when dropped.
struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unreadable(what: impl std::fmt::Display) -> AppError {
    AppError::Unreadable(format!("zip: {what}"))
}

/// Unpacks the guide files of `bytes` into `dir`; the entries it left out, with why.
fn unpack(bytes: &[u8], dir: &std::path::Path) -> AppResult<Vec<(String, String)>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a zip archive ({e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(unreadable(format!(
            "{} entries, at most {MAX_ENTRIES}",
            zip.len()
        )));
    }
    let mut left_out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(unreadable)?;
        let name = entry
            .name()
            .map_or_else(|_| format!("entry {}", i + 1), std::borrow::Cow::into_owned);
        if entry.is_dir() {
            continue;
        }
        let Some(path) = entry.enclosed_name() else {
            left_out.push((name, "a name that leaves the folder".to_owned()));
            continue;
        };
        let is_guide = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if !is_guide {
            left_out.push((name, "not a .md file".to_owned()));
            continue;
        }
        if entry.size() > MAX_FILE {
            left_out.push((name, format!("larger than {} MB", MAX_FILE / 1024 / 1024)));
            continue;
        }
        // The declared size may lie: read at most one byte more than the limit.
        let mut text = Vec::new();
        (&mut entry)
            .take(MAX_FILE + 1)
            .read_to_end(&mut text)
            .map_err(|e| unreadable(format!("{name}: {e}")))?;
        if text.len() as u64 > MAX_FILE {
            left_out.push((name, format!("larger than {} MB", MAX_FILE / 1024 / 1024)));
            continue;
        }
        total += text.len() as u64;
        if total > MAX_UNPACKED {
            return Err(unreadable(format!(
                "more than {} MB unpacked",
                MAX_UNPACKED / 1024 / 1024
            )));
        }
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| AppError::Internal(e.to_string()))?;
        }
        std::fs::write(&target, &text).map_err(|e| AppError::Internal(e.to_string()))?;
    }
    Ok(left_out)
}

impl App {
    /// Imports the guides of an uploaded zip (operators only), as `guichet kb import` does with a
    /// folder; with `replace`, the published set becomes exactly the archive's guides. Returns the
    /// summary and one line per file, the entries left out of the archive first.
    pub async fn kb_import_zip(
        &self,
        ctx: &SessionCtx,
        bytes: &[u8],
        replace: bool,
    ) -> AppResult<(ImportSummary, Vec<ImportLine>)> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let scratch =
            Scratch(std::env::temp_dir().join(format!("guichet-kb-zip-{}", uuid::Uuid::new_v4())));
        std::fs::create_dir_all(&scratch.0).map_err(|e| AppError::Internal(e.to_string()))?;
        let owned = bytes.to_vec();
        let dir = scratch.0.clone();
        let left_out = tokio::task::spawn_blocking(move || unpack(&owned, &dir))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))??;
        let mut lines: Vec<ImportLine> = left_out
            .into_iter()
            .map(|(path, reason)| ImportLine {
                path,
                id: None,
                outcome: crate::kb::ImportOutcome::Skipped(reason),
                warnings: Vec::new(),
            })
            .collect();
        let mut summary = ImportSummary {
            skipped: lines.len(),
            ..ImportSummary::default()
        };
        let mut imported = Vec::new();
        let result = self
            .kb_import_dir(&scratch.0, replace, &mut |l| imported.push(l.clone()))
            .await?;
        summary.published = result.published;
        summary.unchanged = result.unchanged;
        summary.skipped += result.skipped;
        summary.broken = result.broken;
        summary.unpublished = result.unpublished;
        // The archive's own names, not the temporary folder's.
        let prefix = scratch.0.to_string_lossy().to_string();
        for mut l in imported {
            if let Some(rest) = l.path.strip_prefix(&prefix) {
                let inside = rest.trim_start_matches('/').to_string();
                l.path = inside;
            }
            lines.push(l);
        }
        let audit = format!(
            "{} published, {} unchanged, {} skipped, {} broken, {} withdrawn",
            summary.published,
            summary.unchanged,
            summary.skipped,
            summary.broken.len(),
            summary.unpublished.len()
        );
        let mut w = self.db.write_conn().await?;
        guichet_store::audit::record(
            &mut w,
            None,
            Some(ctx.user.id),
            "kb.imported_zip",
            &audit,
            "",
            self.now(),
        )
        .await?;
        Ok((summary, lines))
    }
}
