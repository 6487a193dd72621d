//! Reading typed values out of rows: text columns into core's enums and ids, 0/1 into bool.

use crate::{Result, StoreError};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::str::FromStr;

pub(crate) fn text(row: &AnyRow, table: &'static str, col: &str) -> Result<String> {
    row.try_get::<String, _>(col)
        .map_err(|e| corrupt(table, col, &e))
}

pub(crate) fn opt_text(row: &AnyRow, table: &'static str, col: &str) -> Result<Option<String>> {
    row.try_get::<Option<String>, _>(col)
        .map_err(|e| corrupt(table, col, &e))
}

pub(crate) fn int(row: &AnyRow, table: &'static str, col: &str) -> Result<i64> {
    row.try_get::<i64, _>(col)
        .map_err(|e| corrupt(table, col, &e))
}

pub(crate) fn opt_int(row: &AnyRow, table: &'static str, col: &str) -> Result<Option<i64>> {
    row.try_get::<Option<i64>, _>(col)
        .map_err(|e| corrupt(table, col, &e))
}

pub(crate) fn flag(row: &AnyRow, table: &'static str, col: &str) -> Result<bool> {
    Ok(int(row, table, col)? != 0)
}

/// A column holding something that parses (`OrgId`, `UserId`…).
pub(crate) fn parsed<T: FromStr>(row: &AnyRow, table: &'static str, col: &str) -> Result<T> {
    let s = text(row, table, col)?;
    s.parse().map_err(|_| StoreError::Corrupt {
        table,
        detail: format!("{col} = {s:?}"),
    })
}

pub(crate) fn opt_parsed<T: FromStr>(
    row: &AnyRow,
    table: &'static str,
    col: &str,
) -> Result<Option<T>> {
    match opt_text(row, table, col)? {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| StoreError::Corrupt {
            table,
            detail: format!("{col} = {s:?}"),
        }),
    }
}

/// A column holding a code that one of core's `parse(&str) -> Option<T>` functions reads.
pub(crate) fn code<T>(
    row: &AnyRow,
    table: &'static str,
    col: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T> {
    let s = text(row, table, col)?;
    parse(&s).ok_or_else(|| StoreError::Corrupt {
        table,
        detail: format!("{col} = {s:?}"),
    })
}

fn corrupt(table: &'static str, col: &str, e: &sqlx::Error) -> StoreError {
    StoreError::Corrupt {
        table,
        detail: format!("{col}: {e}"),
    }
}

/// A value bound to a statement.
#[derive(Clone, Debug)]
pub(crate) enum Arg {
    Text(String),
    Int(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}

/// A statement being bound, for helpers that bind the same group of columns in two statements.
pub(crate) type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

pub(crate) fn b(v: bool) -> i64 {
    v as i64
}

/// Runs `head IN ($1, $2, …)` for `values`, 500 at a time, reading each row with `read`: a batch's
/// look-up in a few statements instead of one per value. `head` is trusted SQL up to `IN`.
pub(crate) async fn select_in<T>(
    c: &mut crate::Conn,
    head: &str,
    values: &[String],
    read: impl Fn(&AnyRow) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    let per = if c.backend_name() == "PostgreSQL" {
        500
    } else {
        SQLITE_PARAMETERS
    };
    for chunk in values.chunks(per) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = sqlx::AssertSqlSafe(format!("{head} IN ({})", marks.join(", ")));
        let mut q = sqlx::query(sql);
        for v in chunk {
            q = q.bind(v);
        }
        for r in q.fetch_all(&mut *c).await? {
            out.push(read(&r)?);
        }
    }
    Ok(out)
}

/// [`select_in`] for a `head` that has placeholders of its own, `$1`…`$k`, bound to `fixed`; the
/// values of the `IN` list follow them.
pub(crate) async fn select_in_after<T>(
    c: &mut crate::Conn,
    head: &str,
    fixed: &[Arg],
    values: &[String],
    read: impl Fn(&AnyRow) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for chunk in values.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len())
            .map(|i| format!("${}", i + fixed.len()))
            .collect();
        let sql = sqlx::AssertSqlSafe(format!("{head} IN ({})", marks.join(", ")));
        let mut q = sqlx::query(sql);
        for a in fixed {
            q = match a {
                Arg::Text(s) => q.bind(s.clone()),
                Arg::Int(v) => q.bind(*v),
            };
        }
        for v in chunk {
            q = q.bind(v);
        }
        for r in q.fetch_all(&mut *c).await? {
            out.push(read(&r)?);
        }
    }
    Ok(out)
}

/// An amount column in the currency of another column of the same row.
pub(crate) fn money(
    row: &AnyRow,
    table: &'static str,
    col: &str,
    currency_col: &str,
) -> Result<guichet_core::Money> {
    Ok(guichet_core::Money::new(
        int(row, table, col)?,
        code(row, table, currency_col, guichet_core::Currency::parse)?,
    ))
}

/// The row of one of an Organization's own records, by id: `SELECT {cols} FROM {table} WHERE id =
/// $1 AND org_id = $2` (`cols` and `table` are trusted SQL). Another Organization's id finds nothing.
pub(crate) async fn org_row(
    c: &mut crate::Conn,
    cols: &str,
    table: &str,
    id: impl std::fmt::Display,
    org: guichet_core::OrgId,
) -> Result<Option<AnyRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {cols} FROM {table} WHERE id = $1 AND org_id = $2"
    ));
    Ok(sqlx::query(sql)
        .bind(id.to_string())
        .bind(org.to_string())
        .fetch_optional(c)
        .await?)
}

/// [`org_row`] read by `read`.
pub(crate) async fn org_record<T>(
    c: &mut crate::Conn,
    cols: &str,
    table: &str,
    id: impl std::fmt::Display,
    org: guichet_core::OrgId,
    read: impl Fn(&AnyRow) -> Result<T>,
) -> Result<Option<T>> {
    org_row(c, cols, table, id, org)
        .await?
        .as_ref()
        .map(read)
        .transpose()
}

/// How many rows of `width` parameters one multi-row statement carries. PostgreSQL: 500 (a round
/// trip saved per row; far under its 65 535 parameters). SQLite: about 100 parameters, because
/// SQLite finds a `$N` parameter by walking the statement's list of names
/// (`sqlite3_bind_parameter_name`), so binding P parameters costs P² — 12 000 parameters took 80 %
/// of a bank import's time — while a statement there is an in-process call, not a round trip.
pub(crate) fn rows_per_statement(c: &crate::Conn, width: usize) -> usize {
    if c.backend_name() == "PostgreSQL" {
        500
    } else {
        (SQLITE_PARAMETERS / width.max(1)).max(1)
    }
}

/// Parameters per multi-row statement on SQLite (see [`rows_per_statement`]).
pub(crate) const SQLITE_PARAMETERS: usize = 100;

/// `($k+1, $k+2, …), (…)`: the VALUES of a multi-row statement, `rows` rows of `width` parameters
/// numbered after `k` leading ones. Every multi-row INSERT of the store is written with it.
pub(crate) fn values(rows: usize, width: usize, k: usize) -> String {
    let mut s = String::with_capacity(rows * width * 5);
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for col in 0..width {
            if col > 0 {
                s.push_str(", ");
            }
            s.push('$');
            s.push_str(&(k + r * width + col + 1).to_string());
        }
        s.push(')');
    }
    s
}

#[cfg(test)]
mod values_tests {
    #[test]
    fn values_number_every_parameter_once_after_the_leading_ones() {
        assert_eq!(super::values(2, 2, 1), "($2, $3), ($4, $5)");
        assert_eq!(super::values(2, 3, 0), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(super::values(1, 1, 0), "($1)");
    }
}
