//! Every status change the store makes, in one mechanism: a compare-and-set
//! `UPDATE <table> SET <status> = <to>, … WHERE <key> AND <status> IN (<from>…) AND <guards>`
//! whose count of changed rows is returned, so the use case can roll back with a 409 when somebody
//! else changed the row first. A transition that the status's `can_become` (in core) does not allow
//! is refused before any SQL runs: the list of transitions is the core enums' `can_become`, and the
//! suite's generated test (`crates/cli/tests/it/transitions.rs`) runs each of them twice
//! concurrently and checks that exactly one applies. No other module of this crate writes a status
//! column; a test of this module checks the sources for that.

use crate::{Conn, Result, StoreError};
use guichet_core::status::{
    BankTransactionStatus, ChargeStatus, InvoiceStatus, PaymentRequestStatus, ProductState,
    SupportRequestStatus, WithdrawalStatus,
};
use std::fmt::Debug;

/// A status stored in one column of one table, with the transitions core allows.
pub trait StoredStatus: Copy + Eq + Debug + Send + Sync + 'static {
    /// The table, and its status column.
    const TABLE: &'static str;
    const COLUMN: &'static str;
    /// Every value.
    fn all() -> &'static [Self];
    fn text(self) -> &'static str;
    fn allows(self, to: Self) -> bool;
}

macro_rules! stored {
    ($t:ty, $table:literal, $col:literal) => {
        impl StoredStatus for $t {
            const TABLE: &'static str = $table;
            const COLUMN: &'static str = $col;
            fn all() -> &'static [Self] {
                &<$t>::ALL
            }
            fn text(self) -> &'static str {
                self.as_str()
            }
            fn allows(self, to: Self) -> bool {
                self.can_become(to)
            }
        }
    };
}

stored!(InvoiceStatus, "invoices", "status");
stored!(ProductState, "products", "state");
stored!(WithdrawalStatus, "withdrawals", "status");
stored!(PaymentRequestStatus, "payment_requests", "status");
stored!(BankTransactionStatus, "bank_transactions", "status");
stored!(ChargeStatus, "charges", "status");
stored!(SupportRequestStatus, "support_requests", "status");

/// Every (from, to) a status type allows: what the generated concurrency test runs.
pub fn transitions<S: StoredStatus>() -> Vec<(S, S)> {
    let mut out = Vec::new();
    for &from in S::all() {
        for &to in S::all() {
            if from.allows(to) {
                out.push((from, to));
            }
        }
    }
    out
}

/// A value bound into the statement.
#[derive(Clone, Debug)]
pub enum Val {
    Int(i64),
    Text(String),
    Null,
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_owned())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}
impl From<Option<&str>> for Val {
    fn from(v: Option<&str>) -> Val {
        v.map_or(Val::Null, Val::from)
    }
}

/// One compare-and-set of a status, built then applied.
#[must_use = "a transition does nothing until applied"]
pub struct Cas<S: StoredStatus> {
    from: Vec<S>,
    to: S,
    sets: Vec<(String, Option<Val>)>,
    wheres: Vec<(&'static str, Option<Val>)>,
    keyed: bool,
    /// `id IN (…)`, when set by [`Cas::ids`].
    ids: Option<Vec<String>>,
}

impl<S: StoredStatus> Cas<S> {
    /// The rows in one of `from` become `to`.
    pub fn new(from: &[S], to: S) -> Cas<S> {
        Cas {
            from: from.to_vec(),
            to,
            sets: Vec::new(),
            wheres: Vec::new(),
            keyed: false,
            ids: None,
        }
    }

    /// Only the rows whose `id` is one of `ids` (a batch: the caller compares the count changed
    /// with the number of ids). No id: no row.
    pub fn ids(mut self, ids: &[String]) -> Self {
        self.keyed = true;
        self.ids = Some(ids.to_vec());
        self
    }

    /// Only the row whose `id` is `id`.
    pub fn id(self, id: impl std::fmt::Display) -> Self {
        self.key("id = ?", id.to_string())
    }

    /// Only the rows matching `cond` (one `?` placeholder for `v`), e.g. `details_ref = ?`.
    pub fn key(mut self, cond: &'static str, v: impl Into<Val>) -> Self {
        self.keyed = true;
        self.wheres.push((cond, Some(v.into())));
        self
    }

    /// Every row in `from` that the guards select (a batch, like invoices becoming overdue).
    pub fn all_rows(mut self) -> Self {
        self.keyed = true;
        self
    }

    /// Also sets `col` to `v`.
    pub fn set(mut self, col: &'static str, v: impl Into<Val>) -> Self {
        self.sets.push((format!("{col} = ?"), Some(v.into())));
        self
    }

    /// Also makes an assignment with one `?` placeholder for `v` (`refunded = refunded + ?`).
    pub fn set_with(mut self, assignment: &'static str, v: impl Into<Val>) -> Self {
        self.sets.push((assignment.to_owned(), Some(v.into())));
        self
    }

    /// Also sets a column to an expression of the row (`paid_minor = gross`), no value bound.
    pub fn set_expr(mut self, assignment: &'static str) -> Self {
        self.sets.push((assignment.to_owned(), None));
        self
    }

    /// A further condition with one `?` placeholder for `v` (`refunded + ? <= gross`).
    pub fn guard(mut self, cond: &'static str, v: impl Into<Val>) -> Self {
        self.wheres.push((cond, Some(v.into())));
        self
    }

    /// A further condition without a value (`credited_entry IS NULL`).
    pub fn guard_expr(mut self, cond: &'static str) -> Self {
        self.wheres.push((cond, None));
        self
    }

    /// The statement and its values, in order; an error for a transition core does not allow.
    fn statement(&self) -> Result<(String, Vec<Val>)> {
        if self.from.is_empty() || !self.keyed {
            return Err(StoreError::Transition(format!(
                "{}: a transition needs a key and at least one status to leave",
                S::TABLE
            )));
        }
        if let Some(bad) = self.from.iter().find(|f| !f.allows(self.to)) {
            return Err(StoreError::Transition(format!(
                "{}.{}: {} → {} is not a transition of this status",
                S::TABLE,
                S::COLUMN,
                bad.text(),
                self.to.text()
            )));
        }
        let mut vals = vec![Val::Text(self.to.text().to_owned())];
        let mut sql = format!("UPDATE {} SET {} = $1", S::TABLE, S::COLUMN);
        let place = |text: &str, v: &Option<Val>, vals: &mut Vec<Val>| -> String {
            match v {
                Some(v) => {
                    vals.push(v.clone());
                    text.replacen('?', &format!("${}", vals.len()), 1)
                }
                None => text.to_owned(),
            }
        };
        for (assignment, v) in &self.sets {
            sql.push_str(", ");
            sql.push_str(&place(assignment, v, &mut vals));
        }
        sql.push_str(" WHERE ");
        for (cond, v) in &self.wheres {
            sql.push_str(&place(cond, v, &mut vals));
            sql.push_str(" AND ");
        }
        if let Some(ids) = &self.ids {
            if ids.is_empty() {
                sql.push_str("1 = 0 AND ");
            } else {
                let marks: Vec<String> = ids
                    .iter()
                    .map(|id| {
                        vals.push(Val::Text(id.clone()));
                        format!("${}", vals.len())
                    })
                    .collect();
                sql.push_str(&format!("id IN ({}) AND ", marks.join(", ")));
            }
        }
        let from: Vec<String> = self
            .from
            .iter()
            .map(|f| {
                vals.push(Val::Text(f.text().to_owned()));
                format!("${}", vals.len())
            })
            .collect();
        sql.push_str(&format!("{} IN ({})", S::COLUMN, from.join(", ")));
        Ok((sql, vals))
    }

    /// Applies it; how many rows changed (0: somebody else got there first, or the guards refused).
    pub async fn apply(self, c: &mut Conn) -> Result<u64> {
        let (sql, vals) = self.statement()?;
        Ok(bound(sql, vals).execute(c).await?.rows_affected())
    }

    /// Applies it to its one row and returns the row as changed (`cols`: this crate's column
    /// list), in the same statement; `None` when it did not change.
    pub async fn returning(
        self,
        c: &mut Conn,
        cols: &'static str,
    ) -> Result<Option<sqlx::any::AnyRow>> {
        let (mut sql, vals) = self.statement()?;
        sql.push_str(" RETURNING ");
        sql.push_str(cols);
        Ok(bound(sql, vals).fetch_optional(c).await?)
    }

    /// Applies it to its one row: did it change?
    pub async fn applied(self, c: &mut Conn) -> Result<bool> {
        Ok(self.apply(c).await? == 1)
    }
}

/// The statement with its values bound. It is built from this crate's static fragments only.
fn bound(
    sql: String,
    vals: Vec<Val>,
) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for v in vals {
        q = match v {
            Val::Int(i) => q.bind(i),
            Val::Text(t) => q.bind(t),
            Val::Null => q.bind(None::<String>),
        };
    }
    q
}

/// Holds the row `id` for the caller's transaction while it is in one of `statuses` (a write that
/// changes nothing: on PostgreSQL it takes the row's lock). A concurrent transition of that row then
/// waits for this transaction and sees its outcome, so a use case that must call a provider before
/// it can make its transition (a renewal's card charge) cannot race a payment of the same row.
/// False when the row is in none of `statuses`.
pub async fn hold<S: StoredStatus>(
    c: &mut Conn,
    id: impl std::fmt::Display,
    statuses: &[S],
) -> Result<bool> {
    if statuses.is_empty() {
        return Ok(false);
    }
    let places: Vec<String> = (0..statuses.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "UPDATE {t} SET {c} = {c} WHERE id = $1 AND {c} IN ({p})",
        t = S::TABLE,
        c = S::COLUMN,
        p = places.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id.to_string());
    for s in statuses {
        q = q.bind(s.text());
    }
    Ok(q.execute(c).await?.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_is_a_compare_and_set_with_its_values_in_order() {
        let cas = Cas::new(
            &[InvoiceStatus::Unpaid, InvoiceStatus::Overdue],
            InvoiceStatus::Paid,
        )
        .id("inv-1")
        .set("paid_at", 42)
        .set_expr("paid_minor = gross")
        .guard_expr("refunded = 0");
        let (sql, vals) = cas.statement().unwrap();
        assert_eq!(
            sql,
            "UPDATE invoices SET status = $1, paid_at = $2, paid_minor = gross \
             WHERE id = $3 AND refunded = 0 AND status IN ($4, $5)"
        );
        let texts: Vec<String> = vals.iter().map(|v| format!("{v:?}")).collect();
        assert_eq!(
            texts,
            [
                "Text(\"paid\")",
                "Int(42)",
                "Text(\"inv-1\")",
                "Text(\"unpaid\")",
                "Text(\"overdue\")"
            ]
        );
    }

    #[test]
    fn a_transition_core_does_not_allow_is_refused_before_any_sql() {
        let e = Cas::new(&[InvoiceStatus::Cancelled], InvoiceStatus::Paid)
            .id("x")
            .statement()
            .unwrap_err();
        assert!(e.to_string().contains("cancelled → paid"), "{e}");
        assert!(
            Cas::new(&[WithdrawalStatus::Requested], WithdrawalStatus::Approved)
                .statement()
                .is_err(),
            "no key: refused"
        );
    }

    /// No module but this one writes a status column: a new transition cannot bypass the list.
    #[test]
    fn no_other_store_module_writes_a_status() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offenders = Vec::new();
        let mut files = Vec::new();
        let mut dirs = vec![dir.clone()];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 20, "the store's sources were found");
        for path in files {
            let name = path
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if name == "transition.rs" || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let l = line.to_ascii_lowercase();
                let t = l.trim_start();
                let writes = ["set status", "set state", ", status =", ", state ="]
                    .iter()
                    .any(|p| l.contains(p))
                    || t.starts_with("status = case")
                    || t.starts_with("state = case");
                // The idempotency table's `status` is a request's progress, not a domain status.
                if writes && !l.contains("idempotency_keys") {
                    offenders.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "status written outside store::transition:\n{}",
            offenders.join("\n")
        );
    }
}
