//! The prepaid account (PP-01): its balance and movements, always read from the ledger.

use crate::error::AppResult;
use crate::{Actor, App};
use guichet_core::ledger::{AccountKind, AccountRef};
use guichet_core::{Action, Currency, Money};
use guichet_store::ledger::{self, Movement};
use guichet_store::orgs;

pub const PAGE_SIZE: i64 = 25;

/// One currency's prepaid balance: an Organization has one per currency (a payment in euros to a
/// franc Organization is kept in euros, never converted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyBalance {
    pub balance: Money,
    /// What a withdrawal can take now (held amounts have already left the balance).
    pub withdrawable: Money,
    /// Whether the account has had any movement.
    pub moved: bool,
    /// The Organization's own currency (its invoices are in it).
    pub main: bool,
}

/// Which page of movements a link asks for (newest first, paged by key: no page numbers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MovementsAt {
    /// The newest.
    #[default]
    First,
    /// Older than the cursor (`?after=`).
    After(String),
    /// Newer than the cursor (`?before=`).
    Before(String),
    /// The oldest (`?page=last`).
    Last,
}

impl MovementsAt {
    /// From a link's query parameters: `after`, `before` (a cursor) or `page=last`.
    pub fn from_query(after: Option<&str>, before: Option<&str>, page: Option<&str>) -> Self {
        match (after, before, page) {
            (Some(a), _, _) if !a.is_empty() => MovementsAt::After(a.to_string()),
            (_, Some(b), _) if !b.is_empty() => MovementsAt::Before(b.to_string()),
            (_, _, Some("last")) => MovementsAt::Last,
            _ => MovementsAt::First,
        }
    }

    fn page(&self) -> AppResult<ledger::Page> {
        let cursor = |field: &'static str, s: &str| {
            ledger::Cursor::parse(s).ok_or(crate::AppError::invalid(field, "pager.cursor_invalid"))
        };
        Ok(match self {
            MovementsAt::First => ledger::Page::First,
            MovementsAt::After(s) => ledger::Page::After(cursor("after", s)?),
            MovementsAt::Before(s) => ledger::Page::Before(cursor("before", s)?),
            MovementsAt::Last => ledger::Page::Last,
        })
    }
}

pub use crate::pager::PageLinks;

/// What the prepaid page shows.
pub struct PrepaidView {
    /// The balance in the Organization's currency.
    pub balance: Money,
    /// Every balance: the Organization's currency first, then each other currency that holds money
    /// or had movements.
    pub balances: Vec<CurrencyBalance>,
    /// The currency of the movements listed.
    pub currency: Currency,
    pub movements: Vec<Movement>,
    /// Whether newer movements exist than those listed (a previous page).
    pub has_newer: bool,
    /// Whether older movements exist (a next page).
    pub has_older: bool,
}

impl PrepaidView {
    /// The first/previous/next/last links of the page, under `base` (a path with its query, e.g.
    /// `/accounting/prepaid?currency=CHF`).
    pub fn links(&self, base: &str) -> PageLinks {
        let sep = if base.contains('?') { '&' } else { '?' };
        let prev = self
            .movements
            .first()
            .filter(|_| self.has_newer)
            .map(|m| format!("{base}{sep}before={}", m.cursor.encode()));
        let next = self
            .movements
            .last()
            .filter(|_| self.has_older)
            .map(|m| format!("{base}{sep}after={}", m.cursor.encode()));
        PageLinks {
            first: self.has_newer.then(|| base.to_string()),
            prev,
            next,
            last: self.has_older.then(|| format!("{base}{sep}page=last")),
        }
    }
}

/// The currencies a prepaid balance can be in.
pub const CURRENCIES: [Currency; 2] = [Currency::Chf, Currency::Eur];

/// The Organization's balances (see [`PrepaidView::balances`]).
pub(crate) async fn balances_of(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    main: Currency,
) -> AppResult<Vec<CurrencyBalance>> {
    let mut out = Vec::new();
    let order = std::iter::once(main).chain(CURRENCIES.into_iter().filter(|c| *c != main));
    for cur in order {
        let account = AccountRef::of_org(AccountKind::Prepaid, org, cur);
        let balance = ledger::balance(c, &account).await?;
        let moved = balance != 0 || ledger::has_movements(c, &account).await?;
        if moved || cur == main {
            out.push(CurrencyBalance {
                balance: Money::new(balance, cur),
                withdrawable: Money::new(balance.max(0), cur),
                moved,
                main: cur == main,
            });
        }
    }
    Ok(out)
}

impl App {
    /// The balance in the Organization's invoicing currency and its newest movements.
    pub async fn prepaid(&self, actor: &Actor) -> AppResult<PrepaidView> {
        self.prepaid_in(actor, &MovementsAt::First, None).await
    }

    /// Every balance, and one page of the movements in `currency` (the Organization's currency
    /// when `None`).
    pub async fn prepaid_in(
        &self,
        actor: &Actor,
        at: &MovementsAt,
        currency: Option<Currency>,
    ) -> AppResult<PrepaidView> {
        actor.require(Action::Billing)?;
        let page = at.page()?;
        // One snapshot: the balance and the movements listed agree even while money moves.
        let mut c = self.db.begin_read().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(crate::AppError::NotFound)?;
        let balances = balances_of(&mut c, actor.org, org.currency).await?;
        let listed = currency.unwrap_or(org.currency);
        let account = AccountRef::of_org(AccountKind::Prepaid, actor.org, listed);
        let balance = balances
            .first()
            .map_or(Money::new(0, org.currency), |b| b.balance);
        let listed_page = ledger::movements(&mut c, &account, &page, PAGE_SIZE).await?;
        Ok(PrepaidView {
            balance,
            balances,
            currency: listed,
            movements: listed_page.movements,
            has_newer: listed_page.has_newer,
            has_older: listed_page.has_older,
        })
    }
}

/// The prepaid balance in every currency, summed as absolute minor units (zero means empty in all).
pub(crate) async fn any_prepaid_balance(
    c: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
) -> AppResult<i64> {
    let mut total = 0i64;
    for cur in CURRENCIES {
        total = total.saturating_add(ledger::prepaid_balance(c, org, cur).await?.abs());
    }
    Ok(total)
}

pub use crate::answers::{Answer, Outcome};

/// The card as typed in the form.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct CardFields {
    /// The card typed in (the test processor only).
    #[serde(default)]
    pub card_number: String,
    #[serde(default)]
    pub card_expiry: String,
    #[serde(default)]
    pub card_cvc: String,
    /// With Stripe: the PaymentMethod (`pm_…`) Stripe.js created in the browser; the card itself
    /// never reaches Guichet.
    #[serde(default)]
    pub payment_method: String,
}

/// What a form's card fields charge: the typed card (test processor), or the provider's payment
/// method created in the browser.
pub(crate) enum CardSource {
    Card(guichet_core::card::Card),
    Method(String),
}

impl CardSource {
    pub(crate) fn source(&self) -> crate::payments::Source<'_> {
        match self {
            CardSource::Card(c) => crate::payments::Source::Card(c),
            CardSource::Method(m) => crate::payments::Source::Method(m),
        }
    }

    pub(crate) fn last4(&self) -> &str {
        match self {
            CardSource::Card(c) => c.last4(),
            CardSource::Method(_) => "",
        }
    }

    /// What the request hash names of it (never the number).
    pub(crate) fn fingerprint(&self) -> String {
        match self {
            CardSource::Card(c) => format!("{}|{}/{}", c.last4(), c.exp_month, c.exp_year),
            CardSource::Method(m) => m.clone(),
        }
    }
}

/// The card fields as the configured provider takes them: a typed card for the test processor, a
/// `pm_…` payment method for Stripe (a 4xx naming the field otherwise).
pub(crate) fn card_source(app: &App, fields: &CardFields, now: i64) -> AppResult<CardSource> {
    if app.payments.takes_card_numbers() {
        return parse_card(fields, now).map(CardSource::Card);
    }
    let pm = fields.payment_method.trim();
    if pm.starts_with("pm_")
        && pm.len() <= 255
        && pm.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        Ok(CardSource::Method(pm.to_string()))
    } else {
        Err(crate::AppError::invalid(
            "payment_method",
            "card.method_needed",
        ))
    }
}

/// An idempotency key: 1 to 255 visible ASCII characters (Stripe's limits).
pub(crate) fn check_key(key: &str) -> AppResult<()> {
    if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(crate::AppError::invalid(
            "idempotency_key",
            "idempotency.key_invalid",
        ));
    }
    Ok(())
}

/// Takes the idempotency key inside `tx`: `None` when it is new (go on), the first answer when the
/// same request was made before; another request with the same key is refused.
pub(crate) async fn claim_key(
    tx: &mut guichet_store::Conn,
    org: guichet_core::OrgId,
    key: &str,
    hash: &str,
    now: i64,
) -> AppResult<Option<Answer>> {
    use guichet_store::idempotency::{Claim, claim};
    match claim(tx, org, key, hash, now).await? {
        Claim::Fresh => Ok(None),
        // Taken by a request whose card charge has not settled yet (issue #13).
        Claim::Replay { status: 0, .. } => Err(crate::AppError::Conflict("payment.in_progress")),
        Claim::Replay { status, response } => Answer::stored(status, &response).map(Some),
        Claim::Mismatch => Err(crate::AppError::invalid(
            "idempotency_key",
            "idempotency.mismatch",
        )),
    }
}

/// The end of an idempotent use case: its answer kept for the key (a replay with the same request
/// gets it again, see [`claim_key`]), the transaction committed, the answer returned.
pub(crate) async fn keep_answer(
    mut tx: guichet_store::Tx,
    org: guichet_core::OrgId,
    key: &str,
    answer: Answer,
) -> AppResult<Answer> {
    let body = answer.body.to_string();
    guichet_store::idempotency::complete(&mut tx, org, key, answer.outcome.stored(), &body).await?;
    tx.commit().await?;
    Ok(answer)
}

/// The card typed in a form, checked (number, expiry against this month, CVC); a problem is a 4xx
/// naming its field.
pub(crate) fn parse_card(fields: &CardFields, now: i64) -> AppResult<guichet_core::card::Card> {
    guichet_core::card::parse(
        &fields.card_number,
        &fields.card_expiry,
        &fields.card_cvc,
        year_month(now),
    )
    .map_err(|p| crate::AppError::invalid(p.field(), p.key()))
}

/// (year, month) of a Unix time, UTC.
pub(crate) fn year_month(unix: i64) -> (u32, u32) {
    let d =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    (d.year().max(0) as u32, u8::from(d.month()) as u32)
}

impl App {
    /// PP-02: credits the prepaid account by card. Idempotent: the same key with the same request
    /// returns the first answer and moves money once; with another request it is refused.
    /// A declined card moves nothing (its answer, 402, is kept for the key too).
    pub async fn top_up_by_card(
        &self,
        actor: &Actor,
        amount: i64,
        card: &CardFields,
        key: &str,
    ) -> AppResult<Answer> {
        use crate::AppError;
        use guichet_store::charges::{self, NewCharge, Purpose};
        actor.require(Action::Billing)?;
        actor.require(Action::Pay)?;
        crate::amount_in("amount", Ok(amount), guichet_core::money::Zero::Refused)?;
        check_key(key)?;
        let now = self.now();
        let source = card_source(self, card, now)?;
        let cfg = &self.config;
        if amount < cfg.top_up_min {
            return Err(AppError::invalid("amount", "topup.too_small"));
        }
        if amount > cfg.top_up_max {
            return Err(AppError::invalid("amount", "topup.too_large"));
        }
        let hash = crate::crypto::sha256_hex(&format!("top_up|{amount}|{}", source.fingerprint()));
        // Phase 1 (issue #13): the key, the Organization, the ceiling with the pending top-ups
        // counted, the pending charge — then commit, before the provider is called.
        let mut tx = self.db.begin().await?;
        match claim_key(&mut tx, actor.org, key, &hash, now).await {
            Ok(Some(first)) => return Ok(first),
            Ok(None) => {}
            Err(AppError::Conflict("payment.in_progress")) => {
                drop(tx);
                return self.in_flight(actor.org, key).await;
            }
            Err(e) => return Err(e),
        }
        // The Organization's row, locked to the commit: a change of the currency (ORG-05) waits,
        // and so does another top-up of the same Organization, so the ceiling below counts it.
        let org = orgs::by_id_locked(&mut tx, actor.org, orgs::RowLock::Update)
            .await?
            .ok_or(AppError::NotFound)?;
        let money = Money::new(amount, org.currency);
        let (balance, pending) =
            charges::prepaid_and_pending(&mut tx, actor.org, org.currency).await?;
        if balance.saturating_add(pending).saturating_add(amount) > cfg.prepaid_max_balance {
            return Err(AppError::invalid("amount", "topup.balance_limit"));
        }
        let pays = format!("topup:{}:{key}", actor.org);
        let charge = charges::insert(
            &mut tx,
            &NewCharge {
                pays: &pays,
                org: actor.org,
                purpose: Purpose::TopUp,
                amount: money,
                from_prepaid: 0,
                idempotency_key: key,
                provider: self.payments.name(),
                refund_of: None,
                last4: source.last4(),
                user: Some(actor.user),
                details: "{}",
                now,
            },
        )
        .await?
        .ok_or(AppError::Conflict("payment.in_progress"))?;
        tx.commit().await?;
        // Phases 2 and 3, no transaction open while the provider answers.
        // A payment method created by Stripe.js: its card is not known before the provider answers.
        let description = match source.last4() {
            "" => crate::payments::charge_description("charge.top_up_card", &[]),
            last4 => crate::payments::charge_description("charge.top_up", &[("last4", last4)]),
        };
        let request = crate::payments::ChargeRequest {
            charge,
            org: actor.org,
            amount: money,
            source: source.source(),
            idempotency_key: key,
            description: &description,
        };
        self.charge_answer(actor.org, key, charge, self.run_charge(&request).await?)
            .await
    }

    /// The answer of a request whose charge ran: the one its settlement kept for the key, or 202
    /// while the outcome is not known.
    pub(crate) async fn charge_answer(
        &self,
        org: guichet_core::OrgId,
        key: &str,
        charge: guichet_core::CardPaymentId,
        settled: crate::charges::Settled,
    ) -> AppResult<Answer> {
        if let crate::charges::Settled::Done(_, Some(answer)) = settled {
            return Ok(answer);
        }
        let mut c = self.db.conn().await?;
        if let crate::charges::Settled::Open(state) = &settled {
            let ch = guichet_store::charges::get(&mut c, charge)
                .await?
                .ok_or(crate::AppError::NotFound)?;
            return crate::charges::pending_answer(&ch, Some(state));
        }
        Answer::kept(&mut c, org, key).await?.ok_or_else(|| {
            crate::AppError::Internal(format!(
                "charge {charge} settled without an answer for its key"
            ))
        })
    }
}
