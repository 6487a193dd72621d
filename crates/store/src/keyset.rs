//! Keyset paging shared by the history lists (invoices, the activity log, the back office's
//! customers): a list ordered newest first by (a time, a text key) is read a page at a time by
//! seeking past a cursor with a row-value comparison `(at, key) < ($x, $y)` — an index range scan
//! on both SQLite and PostgreSQL, so the last page costs what the first does (no OFFSET, no count).
//! The WHERE clause is built from the filters that are set only (no `($n = '' OR col = $n)`), so
//! each combination of filters uses the index made for it.

use crate::row::{Arg, Query};
use crate::{Conn, Result};
use sqlx::any::AnyRow;

/// A place in a list: the (time, key) of a row, the list's order. Written in links as
/// `<time>.<key>`; the key is an id or an invoice number (ASCII letters, digits and `-`), so a
/// cursor needs no escaping in a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: i64,
    pub key: String,
}

impl Cursor {
    pub fn new(at: i64, key: impl Into<String>) -> Cursor {
        Cursor {
            at,
            key: key.into(),
        }
    }

    /// The cursor as a link carries it.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at, self.key)
    }

    /// A cursor from a link; `None` when it is not one.
    pub fn parse(s: &str) -> Option<Cursor> {
        let (at, key) = s.split_once('.')?;
        let well_formed = !key.is_empty()
            && key.len() <= 64
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !well_formed {
            return None;
        }
        Some(Cursor {
            at: at.parse().ok()?,
            key: key.to_string(),
        })
    }
}

/// Which page of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Page {
    /// The newest.
    #[default]
    First,
    /// The rows just older than the cursor (the next page).
    After(Cursor),
    /// The rows just newer than the cursor (the previous page).
    Before(Cursor),
    /// The oldest.
    Last,
}

/// One page of a list, newest first, and whether there are rows on either side of it.
#[derive(Clone, Debug)]
pub struct Paged<T> {
    pub rows: Vec<T>,
    pub has_newer: bool,
    pub has_older: bool,
}

/// A statement built a part at a time: each `?` of a part becomes the next `$n`, bound to the next
/// value given with the part. The parts are trusted SQL; the values are always bound.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    pub(crate) fn new<const N: usize>(head: &str, args: [Arg; N]) -> Sql {
        let mut s = Sql::default();
        s.push(head, args);
        s
    }

    /// Appends `part`, its `?`s numbered after the ones already there and bound to `args`, one
    /// value per `?` (checked in debug builds, so by every test that runs the statement).
    pub(crate) fn push<const N: usize>(&mut self, part: &str, args: [Arg; N]) -> &mut Sql {
        debug_assert_eq!(part.matches('?').count(), N, "{part}");
        let mut args = args.into_iter();
        for (i, piece) in part.split('?').enumerate() {
            if i > 0 {
                if let Some(a) = args.next() {
                    self.args.push(a);
                }
                self.text.push_str(&format!("${}", self.args.len()));
            }
            self.text.push_str(piece);
        }
        self
    }

    /// The statement with its values bound.
    pub(crate) fn query(&self) -> Query<'_> {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(self.text.clone()));
        for a in &self.args {
            q = match a {
                Arg::Text(s) => q.bind(s.clone()),
                Arg::Int(v) => q.bind(*v),
            };
        }
        q
    }

    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }
}

/// Appends the seek of `page` over the order (`at`, `key`) — newest first — and its ORDER BY and
/// LIMIT (one row more than `limit`, to know whether there is more beyond). `at` and `key` are
/// trusted column names.
pub(crate) fn seek(sql: &mut Sql, page: &Page, at: &str, key: &str, limit: i64) {
    let order = match page {
        Page::First => "DESC",
        Page::After(c) => {
            sql.push(
                &format!(" AND ({at}, {key}) < (?, ?)"),
                [c.at.into(), c.key.clone().into()],
            );
            "DESC"
        }
        Page::Before(c) => {
            sql.push(
                &format!(" AND ({at}, {key}) > (?, ?)"),
                [c.at.into(), c.key.clone().into()],
            );
            "ASC"
        }
        Page::Last => "ASC",
    };
    sql.push(
        &format!(" ORDER BY {at} {order}, {key} {order} LIMIT ?"),
        [(limit.max(1) + 1).into()],
    );
}

/// `INDEXED BY {index}` on SQLite (nothing on PostgreSQL): without statistics, SQLite may
/// prefer another index's date range to the one made for the filters (then the status or the
/// person is filtered row by row); the history's statements name theirs.
pub(crate) fn indexed_by(c: &Conn, index: &str) -> String {
    if c.backend_name() == "SQLite" {
        format!(" INDEXED BY {index}")
    } else {
        String::new()
    }
}

/// The bounds of a time range (`from` inclusive, `to` exclusive) that a page still needs next to
/// its cursor: a bound the cursor already implies is dropped, so that the database seeks from the
/// cursor rather than from the bound (SQLite keeps one upper bound for its range scan and would
/// otherwise walk from `to` down to the cursor, filtering).
pub(crate) fn bounds(
    page: &Page,
    from: Option<i64>,
    to: Option<i64>,
) -> (Option<i64>, Option<i64>) {
    match page {
        // (at, key) < (c.at, c.key) means at <= c.at: below `to` already when c.at < to.
        Page::After(c) if to.is_some_and(|t| c.at < t) => (from, None),
        // (at, key) > (c.at, c.key) means at >= c.at: from `from` on already when c.at >= from.
        Page::Before(c) if from.is_some_and(|f| c.at >= f) => (None, to),
        _ => (from, to),
    }
}

/// Runs a statement ended by [`seek`] and reads its rows into the page, newest first.
pub(crate) async fn fetch<T>(
    c: &mut Conn,
    sql: &Sql,
    page: &Page,
    limit: i64,
    read: impl Fn(&AnyRow) -> Result<T>,
) -> Result<Paged<T>> {
    let rows = sql.query().fetch_all(&mut *c).await?;
    let mut list = rows.iter().map(read).collect::<Result<Vec<_>>>()?;
    let limit = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
    let more = list.len() > limit;
    list.truncate(limit);
    let (has_newer, has_older) = match page {
        Page::First => (false, more),
        Page::After(_) => (true, more),
        Page::Before(_) => (more, true),
        Page::Last => (more, false),
    };
    if matches!(page, Page::Before(_) | Page::Last) {
        list.reverse();
    }
    Ok(Paged {
        rows: list,
        has_newer,
        has_older,
    })
}

/// The plans PostgreSQL is kept from choosing while [`explain`] runs.
const PLANNER_OFF: [&str; 3] = ["enable_seqscan", "enable_bitmapscan", "enable_sort"];

/// The plan of `sql` (`EXPLAIN QUERY PLAN` on SQLite: its `detail` lines; `EXPLAIN` on
/// PostgreSQL, with sequential and bitmap scans and sorts off, so that a test's small table shows
/// whether an index can give the page in its order from its conditions alone — a plan that cannot
/// still sorts or filters, and says so — rather than the cheaper scan of a few pages). For the
/// tests that prove a page is an index seek.
pub(crate) async fn explain(
    c: &mut Conn,
    backend: crate::Backend,
    sql: &Sql,
) -> Result<Vec<String>> {
    use sqlx::Row;
    let mut e = sql.clone();
    let rows = match backend {
        crate::Backend::Sqlite => {
            e.text = format!("EXPLAIN QUERY PLAN {}", sql.text);
            e.query().fetch_all(&mut *c).await?
        }
        crate::Backend::Postgres => {
            e.text = format!("EXPLAIN {}", sql.text);
            for off in PLANNER_OFF {
                sqlx::query(sqlx::AssertSqlSafe(format!("SET {off} = off")))
                    .execute(&mut *c)
                    .await?;
            }
            let rows = e.query().fetch_all(&mut *c).await;
            for off in PLANNER_OFF {
                sqlx::query(sqlx::AssertSqlSafe(format!("RESET {off}")))
                    .execute(&mut *c)
                    .await?;
            }
            rows?
        }
    };
    let col = match backend {
        crate::Backend::Sqlite => "detail",
        crate::Backend::Postgres => "QUERY PLAN",
    };
    rows.iter()
        .map(|r| Ok(r.try_get::<String, _>(col)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_anything_else_is_refused() {
        let c = Cursor::new(1_700_000_000, "2026-0000042");
        assert_eq!(Cursor::parse(&c.encode()), Some(c));
        let id = "0190b5a4-7c1e-7000-8000-000000000001";
        assert_eq!(
            Cursor::parse(&format!("-5.{id}")),
            Some(Cursor::new(-5, id))
        );
        for bad in ["", "12", "x.abc", "12.", "12.a b", "12.a'--", "12.a.b"] {
            assert_eq!(Cursor::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_bound_the_cursor_implies_is_dropped_and_only_that_one() {
        let inside = Cursor::new(50, "k");
        let range = (Some(10), Some(100));
        assert_eq!(
            bounds(&Page::After(inside.clone()), range.0, range.1),
            (Some(10), None)
        );
        assert_eq!(
            bounds(&Page::Before(inside), range.0, range.1),
            (None, Some(100))
        );
        // A cursor outside the range keeps both bounds (the page is empty, as it should be).
        assert_eq!(
            bounds(&Page::After(Cursor::new(100, "k")), range.0, range.1),
            range
        );
        assert_eq!(
            bounds(&Page::Before(Cursor::new(9, "k")), range.0, range.1),
            range
        );
        assert_eq!(bounds(&Page::First, range.0, range.1), range);
        assert_eq!(bounds(&Page::Last, range.0, range.1), range);
    }

    #[test]
    fn placeholders_are_numbered_in_order_and_only_set_filters_appear() {
        let mut s = Sql::new("SELECT x FROM t WHERE org_id = ?", ["o".into()]);
        s.push(" AND status = ?", ["paid".into()]);
        seek(&mut s, &Page::After(Cursor::new(7, "k")), "at", "id", 25);
        assert_eq!(
            s.text(),
            "SELECT x FROM t WHERE org_id = $1 AND status = $2 AND (at, id) < ($3, $4) \
             ORDER BY at DESC, id DESC LIMIT $5"
        );
        assert_eq!(s.args.len(), 5);
        assert!(matches!(s.args[4], Arg::Int(26)));
        let mut s = Sql::new("SELECT x FROM t WHERE org_id = ?", ["o".into()]);
        seek(&mut s, &Page::Last, "at", "id", 10);
        assert_eq!(
            s.text(),
            "SELECT x FROM t WHERE org_id = $1 ORDER BY at ASC, id ASC LIMIT $2"
        );
    }
}
