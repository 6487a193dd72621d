//! Knowledge-base storage: published text and drafts of each guide, every saved version, the
//! publication counter, readers' feedback and the searches that found nothing.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::UserId;
use sqlx::Row;

#[derive(Clone, Debug)]
pub struct StoredGuide {
    pub id: guichet_core::GuideId,
    pub language: String,
    pub published: Option<String>,
    pub draft: Option<String>,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct Version {
    pub version: i64,
    pub content: String,
    pub published: bool,
    pub saved_by: Option<String>,
    pub saved_at: i64,
}

const T: &str = "kb_guides";

pub async fn state(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query("SELECT version FROM kb_state WHERE id = 1")
        .fetch_one(c)
        .await?
        .try_get::<i64, _>(0)?)
}

async fn bump(c: &mut Conn) -> Result<()> {
    sqlx::query("UPDATE kb_state SET version = version + 1 WHERE id = 1")
        .execute(c)
        .await?;
    Ok(())
}

/// Every published guide's text.
pub async fn published(c: &mut Conn) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT id, language, published FROM kb_guides WHERE published IS NOT NULL ORDER BY id",
    )
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                text(r, T, "id")?,
                text(r, T, "language")?,
                text(r, T, "published")?,
            ))
        })
        .collect()
}

pub async fn list(c: &mut Conn) -> Result<Vec<StoredGuide>> {
    let rows = sqlx::query(
        "SELECT id, language, published, draft, updated_at FROM kb_guides ORDER BY language, id",
    )
    .fetch_all(c)
    .await?;
    rows.iter().map(from_row).collect()
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<StoredGuide> {
    Ok(StoredGuide {
        id: parsed(r, T, "id")?,
        language: text(r, T, "language")?,
        published: opt_text(r, T, "published")?,
        draft: opt_text(r, T, "draft")?,
        updated_at: int(r, T, "updated_at")?,
    })
}

pub async fn get(c: &mut Conn, id: &str) -> Result<Option<StoredGuide>> {
    let row = sqlx::query(
        "SELECT id, language, published, draft, updated_at FROM kb_guides WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// Saves a new version: published (it replaces what readers see, and the index is rebuilt
/// everywhere) or as a draft (readers keep the published text). Returns the version number.
pub async fn save(
    c: &mut Conn,
    id: &str,
    language: &str,
    content: &str,
    publish: bool,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    sqlx::query("INSERT INTO kb_guides (id, language, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
        .bind(id)
        .bind(language)
        .bind(now)
        .execute(&mut *c)
        .await?;
    let next = sqlx::query(
        "SELECT CAST(COALESCE(MAX(version), 0) + 1 AS BIGINT) FROM kb_versions WHERE guide_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await?
    .try_get::<i64, _>(0)?;
    sqlx::query("INSERT INTO kb_versions (guide_id, version, content, published, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(next)
        .bind(content)
        .bind(b(publish))
        .bind(by.map(|u| u.to_string()))
        .bind(now)
        .execute(&mut *c)
        .await?;
    let sql = if publish {
        "UPDATE kb_guides SET published = $1, draft = NULL, language = $2, updated_at = $3 WHERE id = $4"
    } else {
        "UPDATE kb_guides SET draft = $1, language = $2, updated_at = $3 WHERE id = $4"
    };
    sqlx::query(sql)
        .bind(content)
        .bind(language)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await?;
    if publish {
        bump(c).await?;
    }
    Ok(next)
}

/// Withdraws a guide from readers (its published text is cleared; its versions are kept, so an
/// operator can publish one again). Returns whether it was published.
pub async fn unpublish(c: &mut Conn, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE kb_guides SET published = NULL, updated_at = $1 WHERE id = $2 AND published IS NOT NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if done > 0 {
        bump(c).await?;
    }
    Ok(done > 0)
}

pub async fn versions(c: &mut Conn, id: &str) -> Result<Vec<Version>> {
    let rows = sqlx::query("SELECT version, content, published, saved_by, saved_at FROM kb_versions WHERE guide_id = $1 ORDER BY version DESC")
        .bind(id)
        .fetch_all(c)
        .await?;
    const V: &str = "kb_versions";
    rows.iter()
        .map(|r| {
            Ok(Version {
                version: int(r, V, "version")?,
                content: text(r, V, "content")?,
                published: flag(r, V, "published")?,
                saved_by: opt_text(r, V, "saved_by")?,
                saved_at: int(r, V, "saved_at")?,
            })
        })
        .collect()
}

pub async fn record_feedback(
    c: &mut Conn,
    guide: &str,
    helpful: bool,
    comment: Option<&str>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO kb_feedback (id, guide_id, helpful, comment, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(guide)
    .bind(b(helpful))
    .bind(comment)
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

/// (guide, yes, no) for guides with feedback.
pub async fn feedback_counts(c: &mut Conn) -> Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT guide_id, CAST(SUM(helpful) AS BIGINT) AS yes, CAST(SUM(1 - helpful) AS BIGINT) AS no FROM kb_feedback GROUP BY guide_id ORDER BY guide_id",
    )
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                text(r, "kb_feedback", "guide_id")?,
                int(r, "kb_feedback", "yes")?,
                int(r, "kb_feedback", "no")?,
            ))
        })
        .collect()
}

pub async fn record_empty_search(
    c: &mut Conn,
    query: &str,
    language: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO kb_empty_searches (query, language, count, last_at) VALUES ($1, $2, 1, $3) \
         ON CONFLICT (query, language) DO UPDATE SET count = kb_empty_searches.count + 1, last_at = $3",
    )
    .bind(query)
    .bind(language)
    .bind(now)
    .execute(c)
    .await?;
    Ok(())
}

/// (query, language, count, last time), most frequent first.
pub async fn empty_searches(c: &mut Conn, limit: i64) -> Result<Vec<(String, String, i64, i64)>> {
    let rows = sqlx::query("SELECT query, language, count, last_at FROM kb_empty_searches ORDER BY count DESC, last_at DESC LIMIT $1")
        .bind(limit)
        .fetch_all(c)
        .await?;
    const E: &str = "kb_empty_searches";
    rows.iter()
        .map(|r| {
            Ok((
                text(r, E, "query")?,
                text(r, E, "language")?,
                int(r, E, "count")?,
                int(r, E, "last_at")?,
            ))
        })
        .collect()
}
