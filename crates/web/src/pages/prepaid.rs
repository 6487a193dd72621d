//! The prepaid account (PP-01…05): balances per currency and movements, top-up by card or bank
//! transfer, withdrawals.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, field_of, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct PageQuery {
    /// `last` for the oldest movements.
    page: Option<String>,
    /// A cursor: the movements older than it.
    after: Option<String>,
    /// A cursor: the movements newer than it.
    before: Option<String>,
    done: Option<String>,
    /// The currency of the movements listed (`CHF`, `EUR`); the Organization's when absent.
    currency: Option<String>,
}

/// PP-01/02/04: the balance and its movements (read from the ledger), top-up and withdrawal. An
/// Organization has a balance per currency: the others are shown below its own.
pub async fn prepaid(o: InOrg, Query(q): Query<PageQuery>) -> Result<Markup, WebError> {
    let currency = q
        .currency
        .as_deref()
        .and_then(|c| guichet_core::Currency::parse(&c.trim().to_ascii_uppercase()));
    let at = guichet_app::prepaid::MovementsAt::from_query(
        q.after.as_deref(),
        q.before.as_deref(),
        q.page.as_deref(),
    );
    prepaid_page(&o, &at, currency, &Kept::default(), q.done.as_deref()).await
}

/// The page's three forms: each keeps its own values and errors when it comes back.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Which {
    TopUp,
    Transfer,
    Withdraw,
}

impl Which {
    /// What its fields' ids start with (`f-top_up-amount`).
    fn id(self) -> &'static str {
        match self {
            Which::TopUp => "top_up",
            Which::Transfer => "transfer",
            Which::Withdraw => "withdraw",
        }
    }
}

/// What a form that came back holds: which one, what was typed (never a card number) and its
/// errors. The other forms are shown as new.
#[derive(Default)]
struct Kept {
    which: Option<Which>,
    values: Vec<(&'static str, String)>,
    errors: Vec<FieldError>,
}

impl Kept {
    fn of(which: Which, values: Vec<(&'static str, String)>) -> Kept {
        Kept {
            which: Some(which),
            values,
            errors: Vec::new(),
        }
    }

    fn with(mut self, errors: &[FieldError]) -> Kept {
        self.errors = errors.to_vec();
        self
    }

    fn errors(&self, w: Which) -> &[FieldError] {
        if self.which == Some(w) {
            &self.errors
        } else {
            &[]
        }
    }

    fn value<'a>(&'a self, w: Which, name: &str, default: &'a str) -> &'a str {
        if self.which != Some(w) {
            return default;
        }
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(default, |(_, v)| v.as_str())
    }
}

/// The errors of the form `w` that no field of it shows.
fn errors_of(ctx: &crate::ctx::Ctx, kept: &Kept, w: Which) -> Markup {
    form_errors(
        ctx,
        kept.errors(w),
        &[
            "amount",
            "card_number",
            "card_expiry",
            "card_cvc",
            "payment_method",
            "destination",
            "holder",
            "code",
        ],
    )
}

async fn prepaid_page(
    o: &InOrg,
    at: &guichet_app::prepaid::MovementsAt,
    listed: Option<guichet_core::Currency>,
    kept: &Kept,
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let view = app.prepaid_in(&o.actor, at, listed).await?;
    let withdrawals = app.withdrawals(&o.actor).await?;
    let requests = app.open_payment_requests(&o.actor).await?;
    let ctx = &o.ctx;
    let cur = view.balance.currency;
    let links = view.links(&format!(
        "/accounting/prepaid?currency={}",
        view.currency.code()
    ));
    let limits = guichet_core::i18n::tf(
        ctx.lang,
        "prepaid.top_up_help",
        &[
            ("min", &Money::new(app.config.top_up_min, cur).to_string()),
            ("max", &Money::new(app.config.top_up_max, cur).to_string()),
            (
                "limit",
                &Money::new(app.config.prepaid_max_balance, cur).to_string(),
            ),
        ],
    );
    // A fresh key per form: submitting twice (double click, back button) never pays twice.
    let key = guichet_app::crypto::random_token();
    let d = Done {
        done: done.map(str::to_string),
    };
    let w = Which::Withdraw;
    Ok(manager(
        o,
        Nav::Prepaid,
        ctx.t("nav.prepaid"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                p { (ctx.t("prepaid.balance")) " " strong.balance { (view.balance) } }
                p.muted { (ctx.t("prepaid.help")) }
                @if view.balances.len() > 1 {
                    h2 { (ctx.t("balances.other_title")) }
                    ul.balances {
                        @for b in view.balances.iter().filter(|b| !b.main) {
                            li {
                                strong.balance { (b.balance) } " — "
                                (guichet_core::i18n::tf(ctx.lang, "balances.other_line", &[("currency", b.balance.currency.code())]))
                            }
                        }
                    }
                    p.muted { (ctx.t("balances.other_help")) }
                }
            }
            div.card {
                h2 { (ctx.t("prepaid.top_up_title")) }
                p.muted { (limits) }
                (errors_of(ctx, kept, Which::TopUp))
                form #top-up method="post" action="/accounting/prepaid/top-up" {
                    (csrf_field(ctx))
                    input type="hidden" name="idempotency_key" value=(key);
                    (field_of(ctx, Which::TopUp.id(), "amount", "prepaid.amount_label", "text", kept.value(Which::TopUp, "amount", ""), kept.errors(Which::TopUp)))
                    (crate::card_field::card_inputs(ctx, kept.errors(Which::TopUp)))
                    button type="submit" { (ctx.t("prepaid.pay_by_card")) }
                }
            }
            div.card {
                h2 { (ctx.t("prepaid.transfer_title")) }
                p.muted { (ctx.t("prepaid.transfer_help")) }
                (errors_of(ctx, kept, Which::Transfer))
                form.inline #transfer method="post" action="/accounting/prepaid/transfer" {
                    (csrf_field(ctx))
                    (field_of(ctx, Which::Transfer.id(), "amount", "prepaid.amount_label", "text", kept.value(Which::Transfer, "amount", ""), kept.errors(Which::Transfer)))
                    button type="submit" { (ctx.t("prepaid.transfer_submit")) }
                }
                @if !requests.is_empty() {
                    h3 { (ctx.t("prepaid.transfer_open")) }
                    ul {
                        @for r in &requests {
                            li {
                                a href=(format!("/accounting/prepaid/transfers/{}", r.id)) { (Money::new(r.amount.minor, r.currency)) }
                                " — " code { (r.reference) } " — " (date(ctx, r.created_at))
                            }
                        }
                    }
                }
            }
            @if o.actor.can(Action::Withdraw) {
                div.card {
                    h2 { (ctx.t("withdrawal.title")) }
                    p.muted { (ctx.t("withdrawal.help")) }
                    (errors_of(ctx, kept, Which::Withdraw))
                    form #withdraw method="post" action="/accounting/prepaid/withdraw" {
                        (csrf_field(ctx))
                        input type="hidden" name="idempotency_key" value=(key);
                        (field_of(ctx, w.id(), "amount", "prepaid.amount_label", "text", kept.value(w, "amount", ""), kept.errors(w)))
                        @if view.balances.len() > 1 {
                            div.field {
                                label for="f-withdraw-currency" { (ctx.t("balances.currency_label")) }
                                select id="f-withdraw-currency" name="currency" {
                                    @for b in &view.balances {
                                        @let code = b.balance.currency.code();
                                        option value=(code) selected[kept.value(w, "currency", if b.main { code } else { "" }) == code] { (b.balance) }
                                    }
                                }
                            }
                        }
                        div.field {
                            label for="f-withdraw-method" { (ctx.t("withdrawal.method_label")) }
                            select id="f-withdraw-method" name="method" {
                                @for (m, key) in [("iban", "withdrawal.method.iban"), ("paypal", "withdrawal.method.paypal")] {
                                    option value=(m) selected[kept.value(w, "method", "iban") == m] { (ctx.t(key)) }
                                }
                            }
                        }
                        (field_of(ctx, w.id(), "destination", "withdrawal.destination_label", "text", kept.value(w, "destination", ""), kept.errors(w)))
                        (field_of(ctx, w.id(), "holder", "withdrawal.holder_label", "text", kept.value(w, "holder", &o.actor.org_name), kept.errors(w)))
                        @if o.sess.user.totp_enabled {
                            (field_of(ctx, w.id(), "code", "field.code_label", "text", "", kept.errors(w)))
                        }
                        button type="submit" { (ctx.t("withdrawal.submit")) }
                    }
                }
            }
            @if !withdrawals.is_empty() {
                div.card {
                    h2 { (ctx.t("withdrawal.list")) }
                    div.table-wrap tabindex="0" { table {
                        tbody {
                            @for w in &withdrawals {
                                tr {
                                    td { (date(ctx, w.created_at)) }
                                    td { (guichet_app::withdrawals::mask(&w.destination)) }
                                    td.num { (Money::new(w.amount.minor, w.currency)) }
                                    td { (ctx.t(&format!("withdrawal.status.{}", w.status))) @if let Some(r) = &w.reason { " — " (r) } }
                                }
                            }
                        }
                    } }
                }
            }
            div.card {
                h2 { (ctx.t("prepaid.movements")) " (" (view.currency.code()) ")" }
                @if view.balances.len() > 1 {
                    p.currencies {
                        (ctx.t("balances.movements_in"))
                        @for b in &view.balances {
                            " "
                            @if b.balance.currency == view.currency {
                                strong { (b.balance.currency.code()) }
                            } @else {
                                a href=(format!("/accounting/prepaid?currency={}", b.balance.currency.code())) { (b.balance.currency.code()) }
                            }
                        }
                    }
                }
                @if view.movements.is_empty() {
                    p.empty { (ctx.t("empty.prepaid")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("prepaid.date")) } th { (ctx.t("prepaid.what")) } th.num { (ctx.t("prepaid.amount")) } } }
                        tbody {
                            @for m in &view.movements {
                                tr {
                                    td { (date(ctx, m.at)) }
                                    td { (guichet_core::said::render(ctx.lang, &m.description)) }
                                    td.num { (Money::new(m.amount.minor, view.currency)) }
                                }
                            }
                        }
                    } }
                    div.pager {
                        @if let Some(href) = &links.first { a rel="first" href=(href) { "« " (ctx.t("pager.first")) } }
                        @if let Some(href) = &links.prev { a rel="prev" href=(href) { "← " (ctx.t("pager.previous")) } }
                        @if let Some(href) = &links.next { a rel="next" href=(href) { (ctx.t("pager.next")) " →" } }
                        @if let Some(href) = &links.last { a rel="last" href=(href) { (ctx.t("pager.last")) " »" } }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct TopUpForm {
    amount: String,
    #[serde(flatten)]
    card: guichet_app::prepaid::CardFields,
    idempotency_key: String,
}

/// A prepaid form that failed: an invalid one is the prepaid page again, 422, with its errors
/// under that form (and what was typed in it); anything else an error page.
async fn prepaid_error(o: &InOrg, kept: Kept, e: AppError) -> Result<Response, WebError> {
    match e {
        AppError::Invalid(errs) => {
            prepaid_again(o, StatusCode::UNPROCESSABLE_ENTITY, kept.with(&errs)).await
        }
        e => Err(e.into()),
    }
}

/// Where a prepaid form goes once done (`Ok`, a redirect to that address), or its error.
async fn prepaid_done(
    o: &InOrg,
    kept: Kept,
    r: Result<String, AppError>,
) -> Result<Response, WebError> {
    match r {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(e) => prepaid_error(o, kept, e).await,
    }
}

/// The prepaid page again with `status`, the form that came back as it was sent.
async fn prepaid_again(o: &InOrg, status: StatusCode, kept: Kept) -> Result<Response, WebError> {
    Ok((
        status,
        prepaid_page(
            o,
            &guichet_app::prepaid::MovementsAt::First,
            None,
            &kept,
            None,
        )
        .await?,
    )
        .into_response())
}

/// The amount typed in a prepaid form, or the page again with the field flagged.
async fn typed_amount(
    o: &InOrg,
    kept: &Kept,
    raw: &str,
) -> Result<Result<i64, Response>, WebError> {
    match guichet_core::money::parse_amount_text(raw, guichet_core::money::Zero::Refused) {
        Ok(a) => Ok(Ok(a)),
        Err(e) => {
            let kept = Kept {
                which: kept.which,
                values: kept.values.clone(),
                errors: vec![FieldError {
                    field: "amount",
                    key: e.key(),
                    param: None,
                }],
            };
            Ok(Err(prepaid_again(
                o,
                StatusCode::UNPROCESSABLE_ENTITY,
                kept,
            )
            .await?))
        }
    }
}

pub async fn top_up(o: InOrg, CsrfForm(f): CsrfForm<TopUpForm>) -> Result<Response, WebError> {
    let kept = || Kept::of(Which::TopUp, vec![("amount", f.amount.clone())]);
    let amount = match typed_amount(&o, &kept(), &f.amount).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    let app = &o.ctx.state.app;
    match app
        .top_up_by_card(&o.actor, amount, &f.card, &f.idempotency_key)
        .await
    {
        Ok(a) if a.outcome == guichet_app::prepaid::Outcome::Pending => {
            Ok(crate::pages::payment_pending::pending(
                &o,
                &a,
                crate::pages::payment_pending::From::Prepaid,
            ))
        }
        Ok(a) if a.outcome != guichet_app::prepaid::Outcome::Declined => {
            Ok(Redirect::to("/accounting/prepaid?done=prepaid.top_up_done").into_response())
        }
        Ok(_) => {
            let declined = [FieldError {
                field: "card_number",
                key: "prepaid.top_up_declined",
                param: None,
            }];
            prepaid_again(&o, StatusCode::PAYMENT_REQUIRED, kept().with(&declined)).await
        }
        Err(e) => prepaid_error(&o, kept(), e).await,
    }
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    amount: String,
    method: String,
    destination: String,
    holder: String,
    code: Option<String>,
    /// Which balance (shown when the Organization has more than one).
    currency: Option<String>,
    idempotency_key: String,
}

pub async fn withdraw(o: InOrg, CsrfForm(f): CsrfForm<WithdrawForm>) -> Result<Response, WebError> {
    let kept = Kept::of(
        Which::Withdraw,
        vec![
            ("amount", f.amount.clone()),
            ("method", f.method.clone()),
            ("destination", f.destination.clone()),
            ("holder", f.holder.clone()),
            ("currency", f.currency.clone().unwrap_or_default()),
        ],
    );
    let amount_minor = match typed_amount(&o, &kept, &f.amount).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    let input = guichet_app::withdrawals::WithdrawalInput {
        amount_minor,
        method: f.method,
        destination: f.destination,
        holder: f.holder,
        code: f.code,
        currency: f.currency,
    };
    let app = &o.ctx.state.app;
    let r = app
        .request_withdrawal(&o.actor, &input, &f.idempotency_key)
        .await;
    let to = r.map(|_| "/accounting/prepaid?done=withdrawal.requested_done".to_string());
    prepaid_done(&o, kept, to).await
}

#[derive(Deserialize)]
pub struct TransferForm {
    amount: String,
}

/// PP-02 by bank transfer: creates the request and shows its QR-bill.
pub async fn transfer(o: InOrg, CsrfForm(f): CsrfForm<TransferForm>) -> Result<Response, WebError> {
    let kept = Kept::of(Which::Transfer, vec![("amount", f.amount.clone())]);
    let amount = match typed_amount(&o, &kept, &f.amount).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    let app = &o.ctx.state.app;
    let r = app.request_transfer_top_up(&o.actor, amount).await;
    prepaid_done(
        &o,
        kept,
        r.map(|r| format!("/accounting/prepaid/transfers/{}", r.id)),
    )
    .await
}

/// A payment request: what to transfer, with the QR-bill to scan or print.
pub async fn transfer_page(
    o: InOrg,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Markup, WebError> {
    let id: guichet_core::PaymentRequestId = guichet_app::error::parse_id(&id)?;
    let app = &o.ctx.state.app;
    let r = app.payment_request(&o.actor, id).await?;
    let bill = app.payment_request_bill(&o.actor, id).await?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::Prepaid,
        ctx.t("prepaid.transfer_title"),
        html! {
            div.card {
                dl {
                    dt { (ctx.t("prepaid.amount")) } dd { strong { (Money::new(r.amount.minor, r.currency)) } }
                    dt { (ctx.t("prepaid.transfer_account")) } dd { code { (guichet_bank::references::format_iban(&bill.account)) } }
                    dt { (ctx.t("prepaid.transfer_reference")) } dd { code { (r.reference) } }
                    dt { (ctx.t("prepaid.transfer_payee")) } dd { (bill.creditor.name) ", " (bill.creditor.postal_code) " " (bill.creditor.town) }
                }
                p.muted { (ctx.t("prepaid.transfer_after")) }
            }
            div.qrbill {
                img src=(format!("/accounting/prepaid/transfers/{}/qr-bill.svg", r.id)) alt=(ctx.t("prepaid.transfer_qr_alt")) width="794" height="397";
            }
            p { a href=(format!("/accounting/prepaid/transfers/{}/qr-bill.svg", r.id)) download=(format!("qr-bill-{}.svg", r.reference)) { (ctx.t("prepaid.transfer_download")) } }
        },
    ))
}

/// The QR-bill payment part of a request, as SVG.
pub async fn transfer_svg(
    o: InOrg,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Response, WebError> {
    let id: guichet_core::PaymentRequestId = guichet_app::error::parse_id(&id)?;
    let app = &o.ctx.state.app;
    let bill = app.payment_request_bill(&o.actor, id).await?;
    let svg = app.qr_bill_svg(&bill, o.ctx.lang)?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "image/svg+xml; charset=utf-8",
        )],
        svg,
    )
        .into_response())
}
