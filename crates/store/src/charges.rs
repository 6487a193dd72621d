//! Card charges in two phases (issue #13): a charge is recorded `pending` (with what it pays and,
//! for a checkout, the invoices it claims) in one transaction; the provider is called outside any
//! transaction; a second transaction settles it with a compare-and-set from `pending`, so whoever
//! settles it first (the request, a webhook, the reconciler) books it and the others find it done.

use crate::row::*;
use crate::transition::Cas;
use crate::{Conn, Result};
use guichet_core::status::{ChargeStatus, InvoiceStatus};
use guichet_core::{CardPaymentId, Currency, InvoiceId, Money, OrgId, UserId};

/// What a charge is for: how its settlement books it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    TopUp,
    Checkout,
    Renewal,
    /// Money given back to the card of an earlier charge (`refund_of`).
    Refund,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::TopUp => "top_up",
            Purpose::Checkout => "checkout",
            Purpose::Renewal => "renewal",
            Purpose::Refund => "refund",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            Purpose::TopUp,
            Purpose::Checkout,
            Purpose::Renewal,
            Purpose::Refund,
        ]
        .into_iter()
        .find(|p| p.code() == s)
    }
}

/// A charge as recorded.
#[derive(Clone, Debug)]
pub struct Charge {
    pub id: CardPaymentId,
    pub pays: String,
    pub org: OrgId,
    pub purpose: Purpose,
    pub amount: Money,
    pub from_prepaid: Money,
    pub refunded: Money,
    pub idempotency_key: String,
    pub provider: String,
    pub provider_ref: Option<String>,
    pub refund_of: Option<CardPaymentId>,
    pub last4: String,
    pub status: ChargeStatus,
    pub reason: String,
    pub user: Option<UserId>,
    pub created_at: i64,
    pub settled_at: Option<i64>,
    pub details: String,
}

const COLS: &str = "id, pays, org_id, purpose, amount, currency, from_prepaid, refunded, idempotency_key, provider, \
                    provider_ref, refund_of, last4, status, reason, user_id, created_at, settled_at, details";
const T: &str = "charges";

fn charge(r: &sqlx::any::AnyRow) -> Result<Charge> {
    let currency: Currency = code(r, T, "currency", Currency::parse)?;
    Ok(Charge {
        id: parsed(r, T, "id")?,
        pays: text(r, T, "pays")?,
        org: parsed(r, T, "org_id")?,
        purpose: code(r, T, "purpose", Purpose::parse)?,
        amount: Money::new(int(r, T, "amount")?, currency),
        from_prepaid: Money::new(int(r, T, "from_prepaid")?, currency),
        refunded: Money::new(int(r, T, "refunded")?, currency),
        idempotency_key: text(r, T, "idempotency_key")?,
        provider: text(r, T, "provider")?,
        provider_ref: opt_text(r, T, "provider_ref")?,
        refund_of: opt_parsed(r, T, "refund_of")?,
        last4: text(r, T, "last4")?,
        status: code(r, T, "status", ChargeStatus::parse)?,
        reason: text(r, T, "reason")?,
        user: opt_parsed(r, T, "user_id")?,
        created_at: int(r, T, "created_at")?,
        settled_at: opt_int(r, T, "settled_at")?,
        details: text(r, T, "details")?,
    })
}

/// A charge about to be recorded.
pub struct NewCharge<'a> {
    pub pays: &'a str,
    pub org: OrgId,
    pub purpose: Purpose,
    pub amount: Money,
    pub from_prepaid: i64,
    pub idempotency_key: &'a str,
    pub provider: &'a str,
    pub refund_of: Option<CardPaymentId>,
    pub last4: &'a str,
    pub user: Option<UserId>,
    /// JSON the settlement reads (a checkout's durations); `{}` for none.
    pub details: &'a str,
    pub now: i64,
}

/// Records a pending charge; `None` when a live (pending or succeeded) charge already pays the same
/// thing — the caller must not call the provider.
pub async fn insert(c: &mut Conn, n: &NewCharge<'_>) -> Result<Option<CardPaymentId>> {
    let id = CardPaymentId::new();
    let done = sqlx::query(
        "INSERT INTO charges (id, pays, org_id, purpose, amount, currency, from_prepaid, idempotency_key, provider, \
         refund_of, last4, status, user_id, created_at, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13, $14) \
         ON CONFLICT (pays) WHERE status IN ('pending', 'succeeded') DO NOTHING",
    )
    .bind(id.to_string())
    .bind(n.pays)
    .bind(n.org.to_string())
    .bind(n.purpose.code())
    .bind(n.amount.minor)
    .bind(n.amount.currency.code())
    .bind(n.from_prepaid)
    .bind(n.idempotency_key)
    .bind(n.provider)
    .bind(n.refund_of.map(|r| r.to_string()))
    .bind(n.last4)
    .bind(n.user.map(|u| u.to_string()))
    .bind(n.now)
    .bind(n.details)
    .execute(c)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

pub async fn get(c: &mut Conn, id: CardPaymentId) -> Result<Option<Charge>> {
    let sql = sqlx::AssertSqlSafe(format!("SELECT {COLS} FROM charges WHERE id = $1"));
    let row = sqlx::query(sql)
        .bind(id.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(charge).transpose()
}

/// The latest charge made under an Organization's idempotency key.
pub async fn by_key(c: &mut Conn, org: OrgId, key: &str) -> Result<Option<Charge>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM charges WHERE org_id = $1 AND idempotency_key = $2 ORDER BY created_at DESC, id DESC LIMIT 1"
    ));
    let row = sqlx::query(sql)
        .bind(org.to_string())
        .bind(key)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(charge).transpose()
}

/// The charge of a provider's object (a webhook names it).
pub async fn by_provider_ref(
    c: &mut Conn,
    provider: &str,
    provider_ref: &str,
) -> Result<Option<Charge>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM charges WHERE provider = $1 AND provider_ref = $2"
    ));
    let row = sqlx::query(sql)
        .bind(provider)
        .bind(provider_ref)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(charge).transpose()
}

/// Pending charges recorded before `before` (the reconciler's work), oldest first.
pub async fn pending_before(c: &mut Conn, before: i64, limit: i64) -> Result<Vec<Charge>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {COLS} FROM charges WHERE status = 'pending' AND created_at < $1 ORDER BY created_at, id LIMIT $2"
    ));
    let rows = sqlx::query(sql)
        .bind(before)
        .bind(limit)
        .fetch_all(c)
        .await?;
    rows.iter().map(charge).collect()
}

/// Notes the provider's object of a pending charge, before it is confirmed there. `false` when the
/// charge is no longer pending (the reconciler released it): it must then not be confirmed.
pub async fn set_provider_ref(
    c: &mut Conn,
    id: CardPaymentId,
    provider_ref: &str,
    last4: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE charges SET provider_ref = $1, last4 = CASE WHEN $2 = '' THEN last4 ELSE $2 END \
         WHERE id = $3 AND provider_ref IS NULL AND status = 'pending'",
    )
    .bind(provider_ref)
    .bind(last4)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Settles a pending charge and returns it settled: `None` when somebody settled it first (their
/// booking stands).
pub async fn settle(
    c: &mut Conn,
    id: CardPaymentId,
    to: ChargeStatus,
    reason: &str,
    now: i64,
) -> Result<Option<Charge>> {
    let row = Cas::new(&[ChargeStatus::Pending], to)
        .id(id)
        .set("reason", reason)
        .set("settled_at", now)
        .returning(c, COLS)
        .await?;
    row.as_ref().map(charge).transpose()
}

/// Notes when the reconciler last asked the provider about a charge.
pub async fn checked(c: &mut Conn, id: CardPaymentId, now: i64) -> Result<()> {
    sqlx::query("UPDATE charges SET checked_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// An Organization's prepaid balance in a currency and what its pending top-ups add up to, read
/// in one statement (one snapshot: a top-up settling meanwhile is counted once, in one or the
/// other), for the balance ceiling to count top-ups before they are booked.
pub async fn prepaid_and_pending(
    c: &mut Conn,
    org: OrgId,
    currency: Currency,
) -> Result<(i64, i64)> {
    use guichet_core::ledger::{AccountKind, AccountRef};
    let account = AccountRef::of_org(AccountKind::Prepaid, org, currency);
    let row = sqlx::query(
        "SELECT CAST(COALESCE((SELECT credits - debits FROM ledger_accounts WHERE account_key = $1), 0) AS BIGINT) AS balance, \
         CAST(COALESCE((SELECT SUM(amount) FROM charges \
           WHERE org_id = $2 AND currency = $3 AND purpose = 'top_up' AND status = 'pending'), 0) AS BIGINT) AS pending",
    )
    .bind(account.key())
    .bind(org.to_string())
    .bind(currency.code())
    .fetch_one(c)
    .await?;
    Ok((int(&row, T, "balance")?, int(&row, T, "pending")?))
}

/// How many of an Organization's charges are pending.
pub async fn pending_of(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row =
        sqlx::query("SELECT COUNT(*) AS n FROM charges WHERE org_id = $1 AND status = 'pending'")
            .bind(org.to_string())
            .fetch_one(c)
            .await?;
    int(&row, T, "n")
}

/// What an Organization's pending card charges add up to (all currencies: what ORG-06 waits for).
pub async fn pending_amount(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS s FROM charges WHERE org_id = $1 AND status = 'pending'",
    )
    .bind(org.to_string())
    .fetch_one(c)
    .await?;
    int(&row, T, "s")
}

/// Counts `amount` as refunded to the card of a succeeded charge; `false` when it would be more
/// than the charge (a concurrent refund got there first).
pub async fn add_refunded(c: &mut Conn, id: CardPaymentId, amount: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE charges SET refunded = refunded + $1 WHERE id = $2 AND status = 'succeeded' AND refunded + $1 <= amount",
    )
    .bind(amount)
    .bind(id.to_string())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives back what [`add_refunded`] counted (the refund to the card was refused).
pub async fn sub_refunded(c: &mut Conn, id: CardPaymentId, amount: i64) -> Result<bool> {
    let done =
        sqlx::query("UPDATE charges SET refunded = refunded - $1 WHERE id = $2 AND refunded >= $1")
            .bind(amount)
            .bind(id.to_string())
            .execute(c)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims open invoices for a card charge: how many were open and not already claimed (the caller
/// compares it with the number of ids). A claimed invoice is paid by no other payment meanwhile.
pub async fn claim_invoices(
    c: &mut Conn,
    org: OrgId,
    charge: CardPaymentId,
    ids: &[InvoiceId],
) -> Result<u64> {
    let mut claimed = 0;
    for id in ids {
        let done = sqlx::query(
            "UPDATE invoices SET card_charge_id = $1 WHERE id = $2 AND org_id = $3 \
             AND status IN ('unpaid', 'overdue') AND card_charge_id IS NULL",
        )
        .bind(charge.to_string())
        .bind(id.to_string())
        .bind(org.to_string())
        .execute(&mut *c)
        .await?;
        claimed += done.rows_affected();
    }
    Ok(claimed)
}

/// Lets go of the invoices a declined or released charge claimed.
pub async fn release_invoices(c: &mut Conn, charge: CardPaymentId) -> Result<u64> {
    let done = sqlx::query("UPDATE invoices SET card_charge_id = NULL WHERE card_charge_id = $1 AND status IN ('unpaid', 'overdue')")
        .bind(charge.to_string())
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}

/// An invoice a charge claimed.
#[derive(Clone, Debug)]
pub struct ClaimedInvoice {
    pub id: InvoiceId,
    pub number: String,
    pub gross: Money,
    /// Still to be paid (not cancelled meanwhile).
    pub open: bool,
}

/// The invoices a charge claimed, by number.
pub async fn invoices_of(c: &mut Conn, charge: CardPaymentId) -> Result<Vec<ClaimedInvoice>> {
    let rows = sqlx::query(
        "SELECT id, number, gross, currency, status FROM invoices WHERE card_charge_id = $1 ORDER BY number, id",
    )
    .bind(charge.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            let status: InvoiceStatus = code(r, "invoices", "status", InvoiceStatus::parse)?;
            Ok(ClaimedInvoice {
                id: parsed(r, "invoices", "id")?,
                number: text(r, "invoices", "number")?,
                gross: Money::new(
                    int(r, "invoices", "gross")?,
                    code(r, "invoices", "currency", Currency::parse)?,
                ),
                open: status.is_payable(),
            })
        })
        .collect()
}

/// Marks paid the open invoices a succeeded charge claimed; how many.
pub async fn mark_claimed_paid(
    c: &mut Conn,
    charge: CardPaymentId,
    ids: &[InvoiceId],
    now: i64,
) -> Result<u64> {
    use InvoiceStatus::*;
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    Cas::new(&[Unpaid, Overdue], Paid)
        .ids(&ids)
        .guard("card_charge_id = ?", charge.to_string())
        .set("paid_at", now)
        .set_expr("paid_minor = gross")
        .apply(c)
        .await
}

/// The succeeded card charge that paid an invoice, if one did.
pub async fn paid_invoice(c: &mut Conn, org: OrgId, invoice: InvoiceId) -> Result<Option<Charge>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM charges ch JOIN invoices i ON i.card_charge_id = ch.id \
         WHERE i.id = $1 AND i.org_id = $2 AND ch.status = 'succeeded'",
        COLS.split(", ")
            .map(|c| format!("ch.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let row = sqlx::query(sql)
        .bind(invoice.to_string())
        .bind(org.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(charge).transpose()
}

/// Was this provider event applied before?
pub async fn event_seen(c: &mut Conn, id: &str) -> Result<Option<String>> {
    let row = sqlx::query("SELECT outcome FROM stripe_events WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *c)
        .await?;
    row.map(|r| text(&r, "stripe_events", "outcome"))
        .transpose()
}

/// Records a provider event once: `false` when its id was seen before (a replay).
pub async fn event_once(
    c: &mut Conn,
    id: &str,
    kind: &str,
    object_id: &str,
    outcome: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO stripe_events (id, type, object_id, outcome, received_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(kind)
    .bind(object_id)
    .bind(outcome)
    .bind(now)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
