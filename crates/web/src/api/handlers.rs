//! API handlers: each calls one `app` use case and shapes its result as JSON.

use super::{ApiActor, ApiCaller, ApiJson, ApiResult};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use guichet_app::AppError;
use guichet_app::members::InviteInput;
use guichet_app::orgs::OrgUpdate;
use guichet_core::money::Zero;
use guichet_core::{InvitationId, Role, UserId};
use guichet_store::invitations::Invitation;
use guichet_store::orgs::Org;
use serde::Deserialize;
use serde_json::{Value, json};

/// How long the health check waits for the database: a load balancer gets its answer within a
/// second whatever the database does (hung connection, pool exhausted, file locked, server gone).
const HEALTH_DATABASE_BUDGET: std::time::Duration = std::time::Duration::from_millis(800);

pub async fn healthz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(HEALTH_DATABASE_BUDGET, state.app.db.ping()).await;
    let failure = match check {
        Ok(Ok(())) => {
            return Json(json!({"status": "ok", "database": "ok"})).into_response();
        }
        Ok(Err(e)) => e.to_string(),
        Err(_) => format!("no answer within {} ms", HEALTH_DATABASE_BUDGET.as_millis()),
    };
    tracing::error!(error = %failure, "health check: database unreachable");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({"status": "unavailable", "database": "unreachable"})),
    )
        .into_response()
}

pub async fn me(
    State(state): State<AppState>,
    ApiCaller(token): ApiCaller,
) -> ApiResult<Json<Value>> {
    let t = state.app.token_info(&token).await?;
    let actor = state
        .app
        .actor(t.user_id, t.org_id, Default::default())
        .await?;
    Ok(Json(json!({
        "user": {"id": actor.user, "email": actor.email, "name": actor.name, "lang": actor.lang},
        "org": {"id": actor.org, "name": actor.org_name, "role": actor.access.role, "accounting": actor.access.accounting},
        "token": {"id": t.id, "name": t.name},
    })))
}

fn org_json(o: &Org) -> Value {
    json!({
        "id": o.id, "name": o.name, "kind": o.kind,
        "address": {"street": o.street, "postcode": o.postcode, "city": o.city, "country": o.country},
        "phone": o.phone, "vat_number": o.vat_number, "currency": o.currency,
        "force_2fa": o.force_2fa, "billing_reference": o.billing_reference, "created_at": o.created_at,
    })
}

pub async fn org_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    Ok(Json(org_json(&state.app.org(&a.actor).await?)))
}

pub async fn org_patch(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(up): ApiJson<OrgUpdate>,
) -> ApiResult<Json<Value>> {
    Ok(Json(org_json(&state.app.update_org(&a.actor, &up).await?)))
}

pub async fn members_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let list = state.app.members(&a.actor).await?;
    Ok(Json(json!({"members": list.iter().map(|m| json!({
        "user_id": m.membership.user_id, "name": m.name, "email": m.email,
        "role": m.membership.role, "accounting": m.membership.accounting, "since": m.membership.created_at,
    })).collect::<Vec<_>>()})))
}

#[derive(Deserialize)]
pub struct MemberPatch {
    role: String,
    #[serde(default)]
    accounting: bool,
}

pub async fn member_patch(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(p): ApiJson<MemberPatch>,
) -> ApiResult<Json<Value>> {
    let user: UserId = a.param("user")?;
    let role = Role::parse(&p.role).ok_or(AppError::invalid("role", "field.choice"))?;
    let m = state
        .app
        .change_member(&a.actor, user, role, p.accounting)
        .await?;
    Ok(Json(
        json!({"user_id": m.user_id, "role": m.role, "accounting": m.accounting}),
    ))
}

pub async fn member_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let user: UserId = a.param("user")?;
    state.app.remove_member(&a.actor, user).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn invitation_json(i: &Invitation) -> Value {
    json!({"id": i.id, "email": i.email, "role": i.role, "accounting": i.accounting, "created_at": i.created_at, "expires_at": i.expires_at})
}

pub async fn invitations_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let list = state.app.open_invitations(&a.actor).await?;
    Ok(Json(
        json!({"invitations": list.iter().map(invitation_json).collect::<Vec<_>>()}),
    ))
}

pub async fn invitation_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<InviteInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let inv = state.app.invite(&a.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(invitation_json(&inv))))
}

pub async fn invitation_resend(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let id: InvitationId = a.param("id")?;
    Ok(Json(invitation_json(
        &state.app.resend_invitation(&a.actor, id).await?,
    )))
}

pub async fn invitation_revoke(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<StatusCode> {
    let id: InvitationId = a.param("id")?;
    state.app.revoke_invitation(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn reference_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({"billing_reference": state.app.billing_reference(&a.actor).await?}),
    ))
}

#[derive(Deserialize)]
pub struct ReferenceBody {
    billing_reference: Option<String>,
}

pub async fn reference_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<ReferenceBody>,
) -> ApiResult<Json<Value>> {
    let r = state
        .app
        .set_billing_reference(&a.actor, b.billing_reference.as_deref().unwrap_or(""))
        .await?;
    Ok(Json(json!({"billing_reference": r})))
}

#[derive(Deserialize)]
pub struct PageParam {
    page: Option<i64>,
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
    let v = state
        .app
        .prepaid_in(&a.actor, p.page.unwrap_or(1), currency)
        .await?;
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
    Ok(Json(json!({
        "balance": {"minor": v.balance.minor, "currency": v.balance.currency},
        "balances": balances, "currency": v.currency,
        "movements": movements, "page": v.page, "pages": v.pages, "total": v.total,
    })))
}

/// The `Idempotency-Key` header of a money-moving request ("" when absent: the use case refuses it
/// after the permission check).
fn idempotency_key(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// The HTTP status of how a money-moving request ended.
pub(crate) fn outcome_status(o: guichet_app::prepaid::Outcome) -> StatusCode {
    use guichet_app::prepaid::Outcome;
    match o {
        Outcome::Done => StatusCode::OK,
        Outcome::Created => StatusCode::CREATED,
        Outcome::Declined => StatusCode::PAYMENT_REQUIRED,
    }
}

fn answer(a: guichet_app::prepaid::Answer) -> Response {
    (outcome_status(a.outcome), Json(a.body)).into_response()
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

fn address_json(a: &guichet_store::addresses::Address) -> Value {
    let f = &a.fields;
    json!({"id": a.id, "name": f.name, "company": f.company, "street": f.street, "postcode": f.postcode, "city": f.city,
           "country": f.country, "email": f.email, "created_at": a.created_at, "archived_at": a.archived_at})
}

#[derive(Deserialize)]
pub struct ArchivedParam {
    archived: Option<bool>,
}

pub async fn addresses_list(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(q): axum::extract::Query<ArchivedParam>,
) -> ApiResult<Json<Value>> {
    let list = state
        .app
        .billing_addresses(&a.actor, q.archived.unwrap_or(false))
        .await?;
    Ok(Json(
        json!({"billing_addresses": list.iter().map(address_json).collect::<Vec<_>>()}),
    ))
}

pub async fn address_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::addresses::AddressInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    Ok((
        StatusCode::CREATED,
        Json(address_json(
            &state.app.add_billing_address(&a.actor, &input).await?,
        )),
    ))
}

pub async fn address_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::AddressId = a.param("address")?;
    Ok(Json(address_json(
        &state.app.billing_address(&a.actor, id).await?,
    )))
}

pub async fn address_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::addresses::AddressInput>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::AddressId = a.param("address")?;
    Ok(Json(address_json(
        &state.app.edit_billing_address(&a.actor, id, &input).await?,
    )))
}

pub async fn address_archive(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::AddressId = a.param("address")?;
    state
        .app
        .archive_billing_address(&a.actor, id, true)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn address_restore(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::AddressId = a.param("address")?;
    state
        .app
        .archive_billing_address(&a.actor, id, false)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct KbSearchParams {
    q: Option<String>,
    lang: Option<String>,
    limit: Option<usize>,
}

/// KB-02 through the API: the same search as the help pages and `guichet kb search --json`.
pub async fn kb_search(
    State(state): State<AppState>,
    axum::extract::Query(p): axum::extract::Query<KbSearchParams>,
) -> ApiResult<Json<Value>> {
    let lang = match p.lang.as_deref() {
        None | Some("all") => None,
        Some(code) => {
            Some(guichet_core::Lang::parse(code).ok_or(AppError::invalid("lang", "field.choice"))?)
        }
    };
    let hits = state
        .app
        .kb_search(p.q.as_deref().unwrap_or(""), lang, p.limit.unwrap_or(10))
        .await?;
    Ok(Json(
        serde_json::to_value(hits).map_err(|e| AppError::Internal(e.to_string()))?,
    ))
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

pub async fn catalogue_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let offers = state.app.catalogue(&a.actor).await?;
    let list: Vec<Value> = offers
        .iter()
        .map(|o| json!({"id": o.id, "type": o.product_type, "name": o.name,
                        "prices": o.prices.iter().map(|(m, p)| json!({"period_months": m, "amount_minor": p.minor})).collect::<Vec<_>>()}))
        .collect();
    Ok(Json(json!({"offers": list})))
}

fn product_json(p: &guichet_store::billing::Product) -> Value {
    json!({"id": p.id, "name": p.name, "offer_id": p.offer_id, "period_months": p.period_months, "state": p.state,
           "starts_on": p.starts_on, "expires_on": p.expires_on, "billing_address_id": p.billing_address_id, "auto_renew": p.auto_renew,
           "cancel_requested_at": p.cancel_requested_at})
}

pub async fn products_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let list = state.app.products(&a.actor).await?;
    Ok(Json(
        json!({"products": list.iter().map(product_json).collect::<Vec<_>>()}),
    ))
}

#[derive(Deserialize)]
pub struct OrderBody {
    offer_id: String,
    period_months: i64,
    billing_address_id: Option<String>,
}

pub async fn product_order(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<OrderBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let (product, invoice) = state
        .app
        .order_chosen(
            &a.actor,
            &b.offer_id,
            b.period_months,
            b.billing_address_id.as_deref(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"product_id": product, "invoice_id": invoice})),
    ))
}

fn invoice_json(i: &guichet_store::billing::Invoice) -> Value {
    json!({"id": i.id, "number": i.number, "kind": i.kind, "status": i.status, "currency": i.currency,
           "net_minor": i.net.minor, "vat_minor": i.vat.minor, "gross_minor": i.gross.minor, "vat_rate_bp": i.vat_rate_bp, "vat_mention": i.vat_mention,
           "bill_to": i.bill_to, "billing_reference": i.billing_reference, "payment_reference": i.payment_reference,
           "issued_at": i.issued_at, "due_on": i.due_on, "paid_at": i.paid_at, "refunded_minor": i.refunded.minor})
}

pub async fn invoices_list(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(f): axum::extract::Query<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Json<Value>> {
    let page = state.app.invoices(&a.actor, &f).await?;
    Ok(Json(
        json!({"invoices": page.invoices.iter().map(invoice_json).collect::<Vec<_>>(), "page": page.page, "pages": page.pages, "total": page.total}),
    ))
}

pub async fn invoice_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    let (inv, lines) = state.app.invoice(&a.actor, id).await?;
    let mut v = invoice_json(&inv);
    v["lines"] = lines
        .iter()
        .map(|l| json!({"description": l.description, "product_id": l.product_id, "period_start": l.period_start, "period_end": l.period_end,
                        "quantity": l.quantity, "unit_net_minor": l.unit_net.minor, "net_minor": l.net.minor, "vat_minor": l.vat.minor, "gross_minor": l.gross.minor}))
        .collect();
    v["credit_notes"] = state
        .app
        .credit_notes(&a.actor, id)
        .await?
        .iter()
        .map(|n| json!({"id": n.id, "number": n.number, "net_minor": n.net.minor, "vat_minor": n.vat.minor, "gross_minor": n.gross.minor,
                        "currency": n.currency, "reason": n.reason, "issued_at": n.issued_at}))
        .collect();
    Ok(Json(v))
}

/// A credit note as PDF (INV-02).
pub async fn credit_note_pdf(State(state): State<AppState>, a: ApiActor) -> ApiResult<Response> {
    let id: guichet_core::CreditNoteId = a.param("note")?;
    let pdf = state.app.credit_note_pdf(&a.actor, id).await?;
    Ok(crate::download::pdf_response(pdf))
}

pub async fn invoice_pay(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
) -> ApiResult<Response> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    Ok(answer(
        state
            .app
            .pay_invoice_from_prepaid(&a.actor, id, &idempotency_key(&headers))
            .await?,
    ))
}

#[derive(Deserialize)]
pub struct DueParams {
    all: Option<bool>,
}

pub async fn due_get(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(p): axum::extract::Query<DueParams>,
) -> ApiResult<Json<Value>> {
    let due = state
        .app
        .due_items(&a.actor, p.all.unwrap_or(false))
        .await?;
    Ok(Json(json!({"invoices": due.invoices.iter().map(|i| {
                    let mut v = invoice_json(i);
                    if let Some((months, choices)) = due.durations.get(&i.id) {
                        v["period_months"] = json!(months);
                        v["durations"] = choices.iter().map(|c| json!({"months": c.months, "gross_minor": c.gross.minor})).collect();
                    }
                    v
                }).collect::<Vec<_>>(),
                   "balance": {"minor": due.balance.minor, "currency": due.balance.currency}})))
}

pub async fn checkout_post(
    State(state): State<AppState>,
    a: ApiActor,
    headers: axum::http::HeaderMap,
    ApiJson(co): ApiJson<guichet_app::billing::Checkout>,
) -> ApiResult<Response> {
    Ok(answer(
        state
            .app
            .checkout(&a.actor, &co, &idempotency_key(&headers))
            .await?,
    ))
}

#[derive(Deserialize)]
pub struct PdfParams {
    document: Option<String>,
}

pub async fn invoice_pdf(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(p): axum::extract::Query<PdfParams>,
) -> ApiResult<Response> {
    let id: guichet_core::InvoiceId = a.param("invoice")?;
    let pdf = state
        .app
        .invoice_pdf(&a.actor, id, p.document.as_deref())
        .await?;
    Ok(crate::download::pdf_response(pdf))
}

#[derive(Deserialize)]
pub struct ProFormaBody {
    invoices: Vec<String>,
    /// Another duration (months) for some of them, as at checkout (FREQ-01a).
    #[serde(default)]
    durations: std::collections::BTreeMap<String, i64>,
}

pub async fn pro_forma_post(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(body): ApiJson<ProFormaBody>,
) -> ApiResult<Response> {
    let pdf = state
        .app
        .pro_forma_pdf(&a.actor, &body.invoices, &body.durations)
        .await?;
    Ok(crate::download::pdf_response(pdf))
}

pub async fn invoices_csv(
    State(state): State<AppState>,
    a: ApiActor,
    axum::extract::Query(f): axum::extract::Query<guichet_app::billing::InvoiceFilter>,
) -> ApiResult<Response> {
    Ok(crate::download::csv_response(
        state
            .app
            .invoices_csv_stream(&a.actor, &f, guichet_app::export::CsvForm::Api)
            .await?,
    ))
}

pub async fn product_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::ProductId = a.param("product")?;
    let rights = state.app.product_rights(&a.actor, id).await?;
    let products = state.app.products(&a.actor).await?;
    let p = products
        .iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    let mut v = product_json(p);
    v["rights"] = json!(rights);
    Ok(Json(v))
}

pub async fn grant_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(rights): ApiJson<guichet_core::grants::Rights>,
) -> ApiResult<StatusCode> {
    let user: UserId = a.param("user")?;
    let product: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_product_grant(&a.actor, user, product, rights)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn team_json(v: &guichet_app::teams::TeamView) -> Value {
    json!({"id": v.team.id, "name": v.team.name, "colour": v.team.colour, "leader": v.team.leader_id,
           "members": v.members.iter().map(|(u, n, e)| json!({"user_id": u, "name": n, "email": e})).collect::<Vec<_>>(),
           "products": v.products.iter().map(|(p, n, r)| json!({"product_id": p, "name": n, "rights": r})).collect::<Vec<_>>()})
}

pub async fn teams_list(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let list = state.app.teams(&a.actor).await?;
    Ok(Json(
        json!({"teams": list.iter().map(|t| json!({"id": t.id, "name": t.name, "colour": t.colour, "leader": t.leader_id})).collect::<Vec<_>>()}),
    ))
}

pub async fn team_create(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let id = state.app.create_team(&a.actor, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(team_json(&state.app.team(&a.actor, id).await?)),
    ))
}

pub async fn team_get(State(state): State<AppState>, a: ApiActor) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    Ok(Json(team_json(&state.app.team(&a.actor, id).await?)))
}

pub async fn team_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(input): ApiJson<guichet_app::teams::TeamInput>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    state.app.update_team(&a.actor, id, &input).await?;
    Ok(Json(team_json(&state.app.team(&a.actor, id).await?)))
}

pub async fn team_delete(State(state): State<AppState>, a: ApiActor) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    state.app.delete_team(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct MembersBody {
    #[serde(default)]
    user_ids: Vec<UserId>,
    /// TEAM-02: addresses of people from outside, invited as External into the team.
    #[serde(default)]
    emails: Vec<String>,
}

pub async fn team_members_add(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<MembersBody>,
) -> ApiResult<Json<Value>> {
    let id: guichet_core::TeamId = a.param("team")?;
    let invited = state
        .app
        .add_team_people(&a.actor, id, &b.user_ids, &b.emails)
        .await?;
    let mut body = team_json(&state.app.team(&a.actor, id).await?);
    body["invited"] = json!(invited);
    Ok(Json(body))
}

pub async fn team_member_remove(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    let user: UserId = a.param("user")?;
    state.app.remove_team_member(&a.actor, id, user).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn team_product_put(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(rights): ApiJson<guichet_core::grants::Rights>,
) -> ApiResult<StatusCode> {
    let id: guichet_core::TeamId = a.param("team")?;
    let product: guichet_core::ProductId = a.param("product")?;
    state
        .app
        .set_team_product(&a.actor, id, product, rights)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn product_access_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<Value>> {
    let product: guichet_core::ProductId = a.param("product")?;
    Ok(Json(
        json!({"access": state.app.product_access(&a.actor, product).await?}),
    ))
}

/// An `amount_minor` of a JSON body within core's bounds, or a 422 naming `amount_minor`.
pub(crate) fn api_amount(input: guichet_core::money::MinorInput, zero: Zero) -> ApiResult<i64> {
    Ok(guichet_app::amount_in("amount_minor", input.0, zero)?)
}
