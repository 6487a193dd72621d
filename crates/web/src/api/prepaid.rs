//! API handlers: the prepaid account (balance and movements, top-ups, withdrawals, transfer
//! requests).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiQuery;
use crate::api::json::{ApiJson, answer, api_amount, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use guichet_app::AppError;
use guichet_core::money::Zero;
use guichet_core::status::{PaymentRequestStatus, WithdrawalStatus};
use guichet_core::{Currency, LedgerEntryId, Money, PaymentRequestId, WithdrawalId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct PageParam {
    /// `last` for the oldest movements.
    page: Option<String>,
    /// A cursor: the movements older than it (the `next` link).
    after: Option<String>,
    /// A cursor: the movements newer than it (the `prev` link).
    before: Option<String>,
    /// The currency of the movements listed; the Organization's when absent.
    currency: Option<String>,
}

/// The balance in the Organization's currency (`balance`, as always), every balance it has, one per
/// currency (`balances`), and one page of the movements in `currency` (each line names it).
pub async fn prepaid_get(
    State(state): State<AppState>,
    a: ApiActor,
    ApiQuery(p): ApiQuery<PageParam>,
) -> ApiResult<Json<PrepaidJson>> {
    let currency = match p.currency.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(c) => Some(
            guichet_core::Currency::parse(&c.to_ascii_uppercase())
                .ok_or(AppError::invalid("currency", "balances.currency_unknown"))?,
        ),
    };
    let at = guichet_app::prepaid::MovementsAt::from_query(
        p.after.as_deref(),
        p.before.as_deref(),
        p.page.as_deref(),
    );
    let v = state.app.prepaid_in(&a.actor, &at, currency).await?;
    // Keyset paging: relative links to the pages around this one (absent: no such page).
    let base = format!(
        "/api/v1/orgs/{}/prepaid?currency={}",
        a.actor.org,
        v.currency.code()
    );
    let l = v.links(&base);
    Ok(Json(PrepaidJson {
        balance: v.balance,
        balances: v
            .balances
            .iter()
            .map(|b| BalanceJson {
                currency: b.balance.currency,
                balance_minor: b.balance.minor,
                withdrawable_minor: b.withdrawable.minor,
                main: b.main,
            })
            .collect(),
        currency: v.currency,
        movements: v
            .movements
            .iter()
            .map(|m| MovementJson {
                entry_id: m.entry_id,
                kind: m.kind.clone(),
                description: guichet_core::said::render(a.actor.lang, &m.description),
                amount_minor: m.amount.minor,
                currency: v.currency,
                at: m.at,
            })
            .collect(),
        links: l.into(),
    }))
}

/// The prepaid account: balances and one page of movements.
#[derive(Serialize, ToSchema)]
pub struct PrepaidJson {
    /// The balance in the Organization's currency.
    balance: Money,
    /// Every balance held, one per currency.
    balances: Vec<BalanceJson>,
    /// The currency of the movements listed.
    currency: Currency,
    movements: Vec<MovementJson>,
    links: crate::pager::LinksJson,
}

#[derive(Serialize, ToSchema)]
pub struct BalanceJson {
    currency: Currency,
    balance_minor: i64,
    /// What can be withdrawn (the balance less the holds of pending withdrawals).
    withdrawable_minor: i64,
    /// The Organization's own currency.
    main: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MovementJson {
    entry_id: LedgerEntryId,
    kind: String,
    description: String,
    /// Positive when the balance grew.
    amount_minor: i64,
    currency: Currency,
    /// Unix seconds.
    at: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct TopUpBody {
    #[serde(default)]
    #[schema(required = true)]
    amount_minor: guichet_core::money::MinorInput,
    #[serde(flatten)]
    card: guichet_app::prepaid::CardFields,
}

pub async fn top_up_create(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
    ApiJson(b): ApiJson<TopUpBody>,
) -> ApiResult<Response> {
    let amount = api_amount(b.amount_minor, Zero::Refused)?;
    let key = idempotency_key(&headers);
    Ok(answer(
        state
            .app
            .top_up_by_card(&a.actor, amount, &b.card, &key)
            .await?,
    ))
}

/// A withdrawal's body: the amount is read leniently so that a bad one is a field error.
#[derive(Deserialize, ToSchema)]
pub struct WithdrawalBody {
    #[serde(default)]
    #[schema(required = true)]
    amount_minor: guichet_core::money::MinorInput,
    #[serde(default)]
    method: String,
    #[serde(default)]
    destination: String,
    #[serde(default)]
    holder: String,
    #[serde(default)]
    code: Option<String>,
    /// The balance withdrawn from; the Organization's currency when absent.
    #[serde(default)]
    currency: Option<String>,
}

pub async fn withdrawal_create(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
    ApiJson(b): ApiJson<WithdrawalBody>,
) -> ApiResult<Response> {
    let input = guichet_app::withdrawals::WithdrawalInput {
        amount_minor: api_amount(b.amount_minor, Zero::Refused)?,
        method: b.method,
        destination: b.destination,
        holder: b.holder,
        code: b.code,
        currency: b.currency,
    };
    let key = idempotency_key(&headers);
    Ok(answer(
        state.app.request_withdrawal(&a.actor, &input, &key).await?,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct WithdrawalsJson {
    withdrawals: Vec<WithdrawalJson>,
}

#[derive(Serialize, ToSchema)]
pub struct WithdrawalJson {
    id: WithdrawalId,
    amount_minor: i64,
    currency: Currency,
    /// `iban` or `paypal`.
    method: String,
    /// Masked: only its last characters.
    destination: String,
    status: WithdrawalStatus,
    reason: Option<String>,
    created_at: i64,
    decided_at: Option<i64>,
}

pub async fn withdrawals_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<WithdrawalsJson>> {
    let list = state.app.withdrawals(&a.actor).await?;
    let withdrawals = list
        .into_iter()
        .map(|w| WithdrawalJson {
            id: w.id,
            amount_minor: w.amount.minor,
            currency: w.currency,
            destination: guichet_app::withdrawals::mask(&w.destination),
            method: w.method,
            status: w.status,
            reason: w.reason,
            created_at: w.created_at,
            decided_at: w.decided_at,
        })
        .collect();
    Ok(Json(WithdrawalsJson { withdrawals }))
}

/// A payment request for a top-up by bank transfer, with what the QR-bill carries.
#[derive(Serialize, ToSchema)]
pub struct TransferRequestJson {
    id: PaymentRequestId,
    status: PaymentRequestStatus,
    amount_minor: i64,
    currency: Currency,
    /// The payment reference to quote (QRR or RF).
    reference: String,
    /// The IBAN or QR-IBAN to pay to.
    account: String,
    /// The Swiss QR-bill payload (SPC text).
    qr_payload: String,
    created_at: i64,
}

async fn transfer_request_json(
    state: &AppState,
    a: &ApiActor,
    id: PaymentRequestId,
) -> ApiResult<TransferRequestJson> {
    let r = state.app.payment_request(&a.actor, id).await?;
    let bill = state.app.payment_request_bill(&a.actor, id).await?;
    let payload = bill
        .to_payload()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(TransferRequestJson {
        id: r.id,
        status: r.status,
        amount_minor: r.amount.minor,
        currency: r.currency,
        reference: r.reference,
        account: bill.account,
        qr_payload: payload,
        created_at: r.created_at,
    })
}

#[derive(Deserialize, ToSchema)]
pub struct TransferBody {
    #[serde(default)]
    #[schema(required = true)]
    amount_minor: guichet_core::money::MinorInput,
}

pub async fn transfer_request_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<TransferBody>,
) -> ApiResult<(StatusCode, Json<TransferRequestJson>)> {
    let r = state
        .app
        .request_transfer_top_up(&a.actor, api_amount(b.amount_minor, Zero::Refused)?)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(transfer_request_json(&state, &a, r.id).await?),
    ))
}

pub async fn transfer_request_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<TransferRequestJson>> {
    let id: PaymentRequestId = a.param("request")?;
    Ok(Json(transfer_request_json(&state, &a, id).await?))
}
