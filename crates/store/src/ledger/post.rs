//! Posting: entries, running sums and transfers in a fixed number of statements per batch.

use super::{NewEntry, PostError, org_text};
use crate::row::*;
use crate::{Conn, StoreError};
use guichet_core::LedgerEntryId;
use guichet_core::ledger::{AccountRef, LedgerError, Transfer, shard_of, validate};
use guichet_core::money::MAX_RUNNING_SUM_MINOR as CEILING;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A ceiling on one account's balance, checked by the same statement that adds to its sums (a
/// top-up may not lift a prepaid balance past the configured maximum).
#[derive(Clone, Copy, Debug)]
pub struct Cap {
    pub account: AccountRef,
    pub max_balance: i64,
}

/// What [`post_many`] did with one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Booked {
    /// Written, with this id.
    New(LedgerEntryId),
    /// Its Organization already has an entry with its idempotency key (this one): nothing of it
    /// was written.
    Duplicate(LedgerEntryId),
}

/// Writes one entry of transfers; returns its id. Three statements: the entry, one upsert of every
/// account's sums, the transfers.
pub async fn post(
    c: &mut Conn,
    entry: NewEntry<'_>,
    transfers: &[Transfer],
) -> Result<LedgerEntryId, PostError> {
    post_capped(c, entry, transfers, None)
        .await
        .map(|(id, _)| id)
}

/// [`post`] with a cap on one account's balance: refused with [`PostError::BalanceCap`] when the
/// entry would lift it above the cap (the caller rolls its transaction back). Returns the entry's
/// id and the capped account's balance after the entry (0 without a cap). The check is made on the
/// sums the upsert returns, under the row lock it takes: two entries at once cannot both pass it
/// on the same old balance.
pub async fn post_capped(
    c: &mut Conn,
    entry: NewEntry<'_>,
    transfers: &[Transfer],
    cap: Option<Cap>,
) -> Result<(LedgerEntryId, i64), PostError> {
    validate(transfers)?;
    let one = [(entry, transfers)];
    let (booked, sums) = write(c, &one, cap.map(|k| k.account.key())).await?;
    let id = match booked.first() {
        Some(Booked::New(id)) => *id,
        Some(Booked::Duplicate(id)) => return Err(PostError::Duplicate(*id)),
        None => {
            return Err(StoreError::Corrupt {
                table: "ledger_entries",
                detail: "an entry was posted but not booked".into(),
            }
            .into());
        }
    };
    let Some(cap) = cap else { return Ok((id, 0)) };
    let (debits, credits) = sums.unwrap_or((0, 0));
    let balance = guichet_core::ledger::balance(cap.account.kind, debits, credits);
    if balance > cap.max_balance {
        return Err(PostError::BalanceCap);
    }
    Ok((id, balance))
}

/// Writes a batch of entries (the billing run, a bank import) in a number of statements that does
/// not grow with the number of accounts touched more than once: the entries in multi-row INSERTs,
/// one sums upsert per distinct account (in key order, so batches and single entries lock in one
/// order), the transfers in multi-row INSERTs. An entry whose idempotency key its Organization
/// used before is skipped (its answer says which entry has the key). Any refusal (an overdraft, a
/// sum at its ceiling) refuses the whole batch: the caller rolls its transaction back.
pub async fn post_many(
    c: &mut Conn,
    entries: &[(NewEntry<'_>, Vec<Transfer>)],
) -> Result<Vec<Booked>, PostError> {
    for (_, transfers) in entries {
        validate(transfers)?;
    }
    let list: Vec<(NewEntry<'_>, &[Transfer])> = entries
        .iter()
        .map(|(e, t)| {
            (
                NewEntry {
                    org: e.org,
                    kind: e.kind,
                    description: e.description,
                    idempotency_key: e.idempotency_key,
                    now: e.now,
                },
                t.as_slice(),
            )
        })
        .collect();
    Ok(write(c, &list, None).await?.0)
}

/// The work of [`post`] and [`post_many`] (entries already validated). Returns what was booked and
/// the sums after the batch of the row with key `watch`, if it was written.
async fn write(
    c: &mut Conn,
    entries: &[(NewEntry<'_>, &[Transfer])],
    watch: Option<String>,
) -> Result<(Vec<Booked>, Option<(i64, i64)>), PostError> {
    if entries.is_empty() {
        return Ok((Vec::new(), None));
    }
    let ids: Vec<LedgerEntryId> = entries.iter().map(|_| LedgerEntryId::new()).collect();
    let booked = insert_entries(c, entries, &ids).await?;
    // The sums to add, per row (a provider account's row is its shard for the entry), and each
    // transfer's rows.
    let mut deltas: BTreeMap<String, (AccountRef, i64, i64)> = BTreeMap::new();
    let mut legs: Vec<(LedgerEntryId, String, String, &Transfer, i64)> = Vec::new();
    for ((entry, transfers), booked) in entries.iter().zip(&booked) {
        let Booked::New(id) = booked else { continue };
        let seed = entry.org.map_or_else(|| id.to_string(), |o| o.to_string());
        let shard = shard_of(&seed);
        for t in *transfers {
            let (d, cr) = (t.debit.row_key(shard), t.credit.row_key(shard));
            for (account, key, debit) in [(&t.debit, &d, true), (&t.credit, &cr, false)] {
                let e = deltas.entry(key.clone()).or_insert((*account, 0, 0));
                let side = if debit { &mut e.1 } else { &mut e.2 };
                *side = side
                    .checked_add(t.amount)
                    .ok_or(LedgerError::NotPositive(t.amount))?;
            }
            legs.push((*id, d, cr, t, entry.now));
        }
    }
    let now = entries.iter().map(|(e, _)| e.now).max().unwrap_or(0);
    let (rows, watched) = add_to_sums(c, &deltas, watch.as_deref(), now).await?;
    insert_transfers(c, &legs, &rows).await?;
    Ok((booked, watched))
}

/// The entries, skipping (in the same statement: the unique index decides) those whose
/// idempotency key their Organization used before.
async fn insert_entries(
    c: &mut Conn,
    entries: &[(NewEntry<'_>, &[Transfer])],
    ids: &[LedgerEntryId],
) -> Result<Vec<Booked>, PostError> {
    let mut inserted: HashSet<String> = HashSet::new();
    for (chunk, chunk_ids) in entries
        .chunks(crate::row::rows_per_statement(c, 6))
        .zip(ids.chunks(crate::row::rows_per_statement(c, 6)))
    {
        let sql = format!(
            "INSERT INTO ledger_entries (id, org_id, kind, description, idempotency_key, created_at) VALUES {} \
             ON CONFLICT (org_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id",
            crate::row::values(chunk.len(), 6, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for ((e, _), id) in chunk.iter().zip(chunk_ids) {
            q = q
                .bind(id.to_string())
                .bind(org_text(e.org))
                .bind(e.kind)
                .bind(e.description)
                .bind(e.idempotency_key)
                .bind(e.now);
        }
        for r in q.fetch_all(&mut *c).await? {
            inserted.insert(text(&r, "ledger_entries", "id")?);
        }
    }
    let mut out = Vec::with_capacity(entries.len());
    for ((e, _), id) in entries.iter().zip(ids) {
        if inserted.contains(&id.to_string()) {
            out.push(Booked::New(*id));
            continue;
        }
        let existing =
            sqlx::query("SELECT id FROM ledger_entries WHERE org_id = $1 AND idempotency_key = $2")
                .bind(org_text(e.org))
                .bind(e.idempotency_key)
                .fetch_one(&mut *c)
                .await?;
        out.push(Booked::Duplicate(parsed(
            &existing,
            "ledger_entries",
            "id",
        )?));
    }
    Ok(out)
}

/// Adds to the rows' running sums, creating missing rows, one upsert per chunk of rows in key
/// order; returns every row's id by key, and the sums after of the row `watch`. A sum past the
/// ceiling is refused by the upsert's condition (the row is not returned) or by the database's
/// range check ([`PostError::SumLimit`]); an overdraft of customer money trips the table's CHECK
/// ([`PostError::InsufficientFunds`]).
async fn add_to_sums(
    c: &mut Conn,
    deltas: &BTreeMap<String, (AccountRef, i64, i64)>,
    watch: Option<&str>,
    now: i64,
) -> Result<(HashMap<String, String>, Option<(i64, i64)>), PostError> {
    // The sums may only grow up to the ceiling: the update applies only if both stay at or below
    // it (compared as `sum <= ceiling - delta`, which cannot overflow since 0 <= delta <= ceiling).
    if deltas
        .values()
        .any(|(_, d, cr)| *d > CEILING || *cr > CEILING)
    {
        return Err(PostError::SumLimit);
    }
    let all: Vec<(&String, &(AccountRef, i64, i64))> = deltas.iter().collect();
    let mut ids = HashMap::with_capacity(all.len());
    let mut watched = None;
    for chunk in all.chunks(crate::row::rows_per_statement(c, 9)) {
        let sql = format!(
            "INSERT INTO ledger_accounts (id, account_key, kind, org_id, currency, no_overdraw, debits, credits, created_at) \
             VALUES {} ON CONFLICT (account_key) DO UPDATE SET \
             debits = ledger_accounts.debits + excluded.debits, credits = ledger_accounts.credits + excluded.credits \
             WHERE ledger_accounts.debits <= $1 - excluded.debits AND ledger_accounts.credits <= $1 - excluded.credits \
             RETURNING id, account_key, debits, credits, no_overdraw",
            crate::row::values(chunk.len(), 9, 1)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(CEILING);
        for (key, (a, debit, credit)) in chunk {
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(key.as_str())
                .bind(a.kind.code())
                .bind(org_text(a.org))
                .bind(a.currency.code())
                .bind(b(a.kind.must_not_overdraw() && !draws(*debit, *credit)))
                .bind(*debit)
                .bind(*credit)
                .bind(now);
        }
        let rows = match q.fetch_all(&mut *c).await {
            Err(e) if super::is_range_violation(&e) => return Err(PostError::SumLimit),
            Err(e)
                if e.as_database_error()
                    .is_some_and(sqlx::error::DatabaseError::is_check_violation) =>
            {
                return Err(PostError::InsufficientFunds);
            }
            Err(e) => return Err(e.into()),
            Ok(rows) => rows,
        };
        // A row the condition refused is not returned: its sum would pass the ceiling.
        if rows.len() != chunk.len() {
            return Err(PostError::SumLimit);
        }
        const T: &str = "ledger_accounts";
        for r in &rows {
            let key = text(r, T, "account_key")?;
            // A row that draws on customer money and comes back without its no-overdraft flag
            // was created by this statement: a new account cannot be drawn on.
            if let Some((a, d, cr)) = deltas.get(&key)
                && a.kind.must_not_overdraw()
                && draws(*d, *cr)
                && !flag(r, T, "no_overdraw")?
            {
                return Err(PostError::InsufficientFunds);
            }
            if watch == Some(key.as_str()) {
                watched = Some((int(r, T, "debits")?, int(r, T, "credits")?));
            }
            ids.insert(key, text(r, T, "id")?);
        }
    }
    Ok((ids, watched))
}

/// Whether a row's deltas take more than they bring. Both databases check a row proposed by an
/// upsert's INSERT before they find its conflict, so such a row of customer money is proposed
/// without its no-overdraft flag (its CHECK would refuse the deltas alone): an existing account
/// keeps its flag and the CHECK judges its new sums; a new one comes back unflagged and is refused.
fn draws(debit: i64, credit: i64) -> bool {
    debit > credit
}

/// Every transfer of the batch, in multi-row INSERTs.
async fn insert_transfers(
    c: &mut Conn,
    legs: &[(LedgerEntryId, String, String, &Transfer, i64)],
    rows: &HashMap<String, String>,
) -> Result<(), PostError> {
    let id_of = |key: &str| {
        rows.get(key).ok_or_else(|| StoreError::Corrupt {
            table: "ledger_accounts",
            detail: format!("{key} was written but not returned"),
        })
    };
    for chunk in legs.chunks(crate::row::rows_per_statement(c, 7)) {
        let sql = format!(
            "INSERT INTO ledger_transfers (id, entry_id, debit_account, credit_account, currency, amount, created_at) VALUES {}",
            crate::row::values(chunk.len(), 7, 0)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (entry, debit, credit, t, now) in chunk {
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(entry.to_string())
                .bind(id_of(debit)?.clone())
                .bind(id_of(credit)?.clone())
                .bind(t.debit.currency.code())
                .bind(t.amount)
                .bind(*now);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}
