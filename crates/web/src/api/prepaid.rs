//! API handlers: the prepaid account (balance and movements, top-ups, withdrawals, transfer
//! requests).

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::{ApiJson, answer, api_amount, idempotency_key};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use guichet_app::AppError;
use guichet_core::money::Zero;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
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
    axum::extract::Query(p): axum::extract::Query<PageParam>,
) -> ApiResult<Json<Value>> {
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
    let movements: Vec<Value> = v
        .movements
        .iter()
        .map(|m| json!({"entry_id": m.entry_id, "kind": m.kind, "description": m.description, "amount_minor": m.amount.minor,
                        "currency": v.currency, "at": m.at}))
        .collect();
    let balances: Vec<Value> = v
        .balances
        .iter()
        .map(|b| {
            json!({"currency": b.balance.currency, "balance_minor": b.balance.minor,
                        "withdrawable_minor": b.withdrawable.minor, "main": b.main})
        })
        .collect();
    // Keyset paging: relative links to the pages around this one (absent: no such page).
    let base = format!(
        "/api/v1/orgs/{}/prepaid?currency={}",
        a.actor.org,
        v.currency.code()
    );
    let l = v.links(&base);
    let links = json!({"first": l.first, "prev": l.prev, "next": l.next, "last": l.last});
    Ok(Json(json!({
        "balance": {"minor": v.balance.minor, "currency": v.balance.currency},
        "balances": balances, "currency": v.currency,
        "movements": movements, "links": links,
    })))
}

#[derive(Deserialize)]
pub struct TopUpBody {
    #[serde(default)]
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
#[derive(Deserialize)]
pub struct WithdrawalBody {
    #[serde(default)]
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

pub async fn withdrawals_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let list = state.app.withdrawals(&a.actor).await?;
    let items: Vec<Value> = list
        .iter()
        .map(|w| json!({"id": w.id, "amount_minor": w.amount.minor, "currency": w.currency, "method": w.method,
                        "destination": guichet_app::withdrawals::mask(&w.destination), "status": w.status,
                        "reason": w.reason, "created_at": w.created_at, "decided_at": w.decided_at}))
        .collect();
    Ok(Json(json!({"withdrawals": items})))
}

async fn transfer_request_json(
    state: &AppState,
    a: &ApiActor,
    id: guichet_core::PaymentRequestId,
) -> ApiResult<Value> {
    let r = state.app.payment_request(&a.actor, id).await?;
    let bill = state.app.payment_request_bill(&a.actor, id).await?;
    let payload = bill
        .to_payload()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(
        json!({"id": r.id, "status": r.status, "amount_minor": r.amount.minor, "currency": r.currency, "reference": r.reference,
              "account": bill.account, "qr_payload": payload, "created_at": r.created_at}),
    )
}

#[derive(Deserialize)]
pub struct TransferBody {
    #[serde(default)]
    amount_minor: guichet_core::money::MinorInput,
}

pub async fn transfer_request_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<TransferBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
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
) -> ApiResult<Json<Value>> {
    let id: guichet_core::PaymentRequestId = a.param("request")?;
    Ok(Json(transfer_request_json(&state, &a, id).await?))
}
