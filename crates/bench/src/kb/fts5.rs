//! The baseline: SQLite FTS5 (rusqlite, bundled SQLite) on the same guides and questions.
//!
//! It gets what FTS5 offers out of the box, set up fairly: the `unicode61` tokenizer with
//! `remove_diacritics 2` (accents ignored), BM25 with the same field weights, the words of the
//! question OR-ed, the last one as a prefix, and the language filter. No stemming, typo tolerance
//! or synonyms: that is what the comparison measures.

use super::eval::{EvalError, Ranker};
use guichet_kb::Guide;
use guichet_kb::analysis;
use guichet_kb::render;
use rusqlite::{Connection, params};
use thiserror::Error;

/// Why the baseline failed.
#[derive(Debug, Error)]
#[error("SQLite FTS5: {0}")]
pub struct Fts5Error(#[from] rusqlite::Error);

/// An in-memory SQLite database with one FTS5 table of the guides.
pub struct Fts5Baseline {
    conn: Connection,
}

impl Fts5Baseline {
    /// Loads the guides into an in-memory FTS5 table.
    pub fn build(guides: &[Guide]) -> Result<Fts5Baseline, Fts5Error> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE VIRTUAL TABLE guides USING fts5(
                 id UNINDEXED, lang UNINDEXED, title, summary, tags, body,
                 tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        {
            let mut insert = conn.prepare(
                "INSERT INTO guides (id, lang, title, summary, tags, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            conn.execute_batch("BEGIN")?;
            for g in guides {
                insert.execute(params![
                    g.id,
                    g.language,
                    g.title,
                    g.summary,
                    g.tags.join(" "),
                    render::plain_text(&g.body)
                ])?;
            }
            conn.execute_batch("COMMIT")?;
        }
        Ok(Fts5Baseline { conn })
    }

    /// Guide ids and BM25 scores (lower is better, as FTS5 reports them), best first.
    pub fn search(
        &self,
        text: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<(String, f64)>, Fts5Error> {
        let Some(expr) = match_expression(text) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, bm25(guides, 0.0, 0.0, 3.0, 2.0, 2.0, 1.0) AS score FROM guides
             WHERE guides MATCH ?1 AND (?2 IS NULL OR lang = ?2)
             ORDER BY score LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![expr, lang, limit], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// `"w1" OR "w2" OR "w3"*` (prefix on the last word while typing); `None` for no words.
fn match_expression(text: &str) -> Option<String> {
    let words = analysis::words(text);
    let typing = text.chars().last().is_some_and(char::is_alphanumeric);
    let last = words.len().checked_sub(1)?;
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            if i == last && typing {
                format!("{quoted}*")
            } else {
                quoted
            }
        })
        .collect();
    Some(parts.join(" OR "))
}

impl Ranker for Fts5Baseline {
    fn name(&self) -> &'static str {
        "sqlite-fts5"
    }

    fn rank(
        &self,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<String>, EvalError> {
        self.search(query, lang, limit)
            .map(|rows| rows.into_iter().map(|(id, _)| id).collect())
            .map_err(|e| EvalError::Search {
                engine: "sqlite-fts5".into(),
                message: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expression_ors_words_and_completes_the_last() {
        assert_eq!(
            match_expression("Compte prépa").as_deref(),
            Some("\"compte\" OR \"prepa\"*")
        );
        assert_eq!(match_expression("facture ").as_deref(), Some("\"facture\""));
        assert_eq!(match_expression("  ?"), None);
    }
}
