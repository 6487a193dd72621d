//! The Manager's home, the Organization switcher, Organization details and settings, leaving and
//! deleting, the billing reference, and the sections that billing fills in later.

use crate::csrf::CsrfForm;
use crate::ctx::{InOrg, Signed};
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, field, form_errors, manager, notice, public_page};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::orgs::{DetailsInput, OrgUpdate};
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, Money, OrgId, OrgKind};
use guichet_store::orgs::Org;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

pub fn done_notice(ctx: &crate::ctx::Ctx, d: &Done) -> Markup {
    html! { @if let Some(k) = d.done.as_deref().filter(|k| guichet_core::i18n::is_known(k)) { (notice(ctx.t(k))) } }
}

pub async fn home(o: InOrg, Query(d): Query<Done>) -> Markup {
    let ctx = &o.ctx;
    let role = ctx.t(guichet_app::members::role_key(o.actor.access.role));
    manager(
        &o,
        Nav::Home,
        &o.actor.org_name,
        html! {
            (done_notice(ctx, &d))
            div.card {
                h2 { (guichet_core::i18n::tf(ctx.lang, "home.welcome", &[("name", &o.sess.user.name)])) }
                p { (guichet_core::i18n::tf(ctx.lang, "home.role", &[("org", &o.actor.org_name), ("role", role)])) }
                p { (ctx.t("home.support_code")) " " strong.code { (o.sess.user.support_code) } }
            }
            div.card {
                h2 { (ctx.t("home.shortcuts")) }
                ul {
                    li { a href="/products" { (ctx.t("nav.products")) } }
                    @if o.actor.can(Action::Billing) {
                        li { a href="/payments" { (ctx.t("nav.payments")) } }
                        li { a href="/accounting/invoices" { (ctx.t("nav.invoices")) } }
                    }
                    @if o.actor.can(Action::ViewMembers) { li { a href="/users" { (ctx.t("nav.users")) } } }
                    li { a href="/profile" { (ctx.t("nav.profile")) } }
                }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct SwitchForm {
    org: String,
}

/// ORG-03: switch at once, no new login.
pub async fn switch(s: Signed, CsrfForm(f): CsrfForm<SwitchForm>) -> Result<Response, WebError> {
    let org: OrgId = f.org.parse().map_err(|_| AppError::NotFound)?;
    s.ctx.state.app.switch_org(&s.sess, org).await?;
    Ok(Redirect::to("/").into_response())
}

fn kind_select(ctx: &crate::ctx::Ctx, current: &str, disabled: bool) -> Markup {
    html! {
        div.field {
            label for="f-kind" { (ctx.t("org.kind_label")) }
            select id="f-kind" name="kind" disabled[disabled] {
                @for k in OrgKind::ALL {
                    option value=(k.code()) selected[k.code() == current] { (ctx.t(&format!("org.kind.{}", k.code()))) }
                }
            }
        }
    }
}

fn details_fields(ctx: &crate::ctx::Ctx, d: &DetailsInput, errors: &[FieldError]) -> Markup {
    html! {
        (field(ctx, "name", "org.name_label", "text", &d.name, errors))
        (kind_select(ctx, &d.kind, false))
        (field(ctx, "street", "org.street_label", "text", &d.street, errors))
        div.inline {
            (field(ctx, "postcode", "org.postcode_label", "text", &d.postcode, errors))
            (field(ctx, "city", "org.city_label", "text", &d.city, errors))
            (field(ctx, "country", "field.country_label", "text", &d.country, errors))
        }
        p.muted { (ctx.t("org.currency_rule")) }
        (field(ctx, "vat_number", "org.vat_label", "text", &d.vat_number, errors))
    }
}

fn new_org_form(s: &Signed, d: &DetailsInput, errors: &[FieldError]) -> Markup {
    let ctx = &s.ctx;
    public_page(
        ctx,
        ctx.t("org.new_title"),
        html! {
            h1 { (ctx.t("org.new_title")) }
            p.muted { (ctx.t("org.new_intro")) }
            (form_errors(ctx, errors, &["name", "kind", "street", "postcode", "city", "country", "vat_number"]))
            form method="post" action="/orgs/new" {
                (csrf_field(ctx))
                (details_fields(ctx, d, errors))
                button type="submit" { (ctx.t("org.create")) }
            }
            p { a href="/" { (ctx.t("form.cancel")) } }
        },
    )
}

pub async fn new_org_page(s: Signed) -> Markup {
    let d = DetailsInput {
        kind: "company".into(),
        country: "CH".into(),
        ..Default::default()
    };
    new_org_form(&s, &d, &[])
}

pub async fn new_org(s: Signed, CsrfForm(d): CsrfForm<DetailsInput>) -> Result<Response, WebError> {
    match s.ctx.state.app.create_org(&s.sess, &d, &s.ctx.origin).await {
        Ok(_) => Ok(Redirect::to("/org?done=org.created").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            new_org_form(&s, &d, &errs),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

fn as_input(org: &Org) -> DetailsInput {
    DetailsInput {
        name: org.name.clone(),
        kind: org.kind.code().into(),
        street: org.street.clone(),
        postcode: org.postcode.clone(),
        city: org.city.clone(),
        country: org.country.clone(),
        vat_number: org.vat_number.clone().unwrap_or_default(),
    }
}

fn org_page(
    o: &InOrg,
    org: &Org,
    form: &DetailsInput,
    phone: &str,
    errors: &[FieldError],
    d: &Done,
) -> Markup {
    let ctx = &o.ctx;
    let is_lr = o.actor.can(Action::EditLegalFields);
    let can_settings = o.actor.can(Action::EditOrgSettings);
    manager(
        o,
        Nav::Organization,
        ctx.t("nav.organization"),
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &["name", "kind", "street", "postcode", "city", "country", "vat_number", "phone"]))
            div.card {
                h2 { (ctx.t("org.details")) }
                p { (ctx.t("org.currency")) ": " strong { (org.currency) } " · " span.muted { (ctx.t("org.created")) " " (date(org.created_at)) } }
                @if is_lr {
                    form method="post" action="/org" {
                        (csrf_field(ctx))
                        (details_fields(ctx, form, errors))
                        (field(ctx, "phone", "org.phone_label", "tel", phone, errors))
                        button type="submit" { (ctx.t("form.save")) }
                    }
                } @else {
                    dl {
                        dt { (ctx.t("org.name_label")) } dd { (org.name) }
                        dt { (ctx.t("org.kind_label")) } dd { (ctx.t(&format!("org.kind.{}", org.kind.code()))) }
                        dt { (ctx.t("org.address")) } dd { (org.street) ", " (org.postcode) " " (org.city) ", " (org.country) }
                        dt { (ctx.t("org.vat_label")) } dd { (org.vat_number.as_deref().unwrap_or("—")) }
                    }
                    p.muted { (ctx.t("org.legal_lr_only")) }
                    @if can_settings {
                        form method="post" action="/org/settings" {
                            (csrf_field(ctx))
                            (field(ctx, "phone", "org.phone_label", "tel", phone, errors))
                            button type="submit" { (ctx.t("form.save")) }
                        }
                    }
                }
            }
            @if can_settings {
                div.card {
                    h2 { (ctx.t("org.security")) }
                    form method="post" action="/org/settings" {
                        (csrf_field(ctx))
                        input type="hidden" name="phone" value=(phone);
                        div.field {
                            label { input type="checkbox" name="force_2fa" value="1" checked[org.force_2fa]; " " (ctx.t("org.force_2fa")) }
                        }
                        input type="hidden" name="force_2fa_present" value="1";
                        button type="submit" { (ctx.t("form.save")) }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("org.leave_title")) }
                p { (ctx.t("org.leave_help")) }
                form method="post" action="/org/leave" {
                    (csrf_field(ctx))
                    label { input type="checkbox" name="confirm" value="1" required; " " (ctx.t("org.leave_confirm")) }
                    " "
                    button.danger type="submit" { (ctx.t("org.leave")) }
                }
                @if is_lr {
                    p { a href="/org/delete" { (ctx.t("org.delete_link")) } }
                }
            }
        },
    )
}

pub async fn org_details(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let org = o.ctx.state.app.org(&o.actor).await?;
    let phone = org.phone.clone().unwrap_or_default();
    Ok(org_page(&o, &org, &as_input(&org), &phone, &[], &d))
}

#[derive(Deserialize)]
pub struct DetailsForm {
    #[serde(flatten)]
    details: DetailsInput,
    phone: Option<String>,
}

pub async fn save_details(
    o: InOrg,
    CsrfForm(f): CsrfForm<DetailsForm>,
) -> Result<Response, WebError> {
    let up = OrgUpdate {
        legal: Some(f.details.clone()),
        phone: f.phone.clone(),
        force_2fa: None,
    };
    match o.ctx.state.app.update_org(&o.actor, &up).await {
        Ok(_) => Ok(Redirect::to("/org?done=form.saved").into_response()),
        Err(AppError::Invalid(errs)) => {
            let org = o.ctx.state.app.org(&o.actor).await?;
            let page = org_page(
                &o,
                &org,
                &f.details,
                f.phone.as_deref().unwrap_or(""),
                &errs,
                &Done::default(),
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SettingsForm {
    phone: Option<String>,
    force_2fa: Option<String>,
    force_2fa_present: Option<String>,
}

pub async fn save_settings(
    o: InOrg,
    CsrfForm(f): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let force = f
        .force_2fa_present
        .is_some()
        .then_some(f.force_2fa.is_some());
    let up = OrgUpdate {
        legal: None,
        phone: f.phone,
        force_2fa: force,
    };
    o.ctx.state.app.update_org(&o.actor, &up).await?;
    Ok(Redirect::to("/org?done=form.saved").into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    confirm: Option<String>,
}

pub async fn leave(o: InOrg, CsrfForm(f): CsrfForm<ConfirmForm>) -> Result<Response, WebError> {
    if f.confirm.is_none() {
        return Err(AppError::invalid("confirm", "form.confirm_needed").into());
    }
    let next = o.ctx.state.app.leave_org(&o.actor, &o.sess).await?;
    Ok(Redirect::to(if next.is_some() {
        "/?done=org.left"
    } else {
        "/orgs/new"
    })
    .into_response())
}

pub async fn delete_page(o: InOrg) -> Result<Markup, WebError> {
    let ctx = &o.ctx;
    let blockers = o.ctx.state.app.deletion_blockers(&o.actor).await?;
    let reasons = blockers.reasons();
    Ok(manager(
        &o,
        Nav::Organization,
        ctx.t("org.delete_title"),
        html! {
            div.card {
                p { (ctx.t("org.delete_help")) }
                @if reasons.is_empty() {
                    p.warning { (guichet_core::i18n::tf(ctx.lang, "org.delete_warning", &[("org", &o.actor.org_name)])) }
                    form method="post" action="/org/delete" {
                        (csrf_field(ctx))
                        div.field {
                            label for="f-confirm_name" { (ctx.t("org.delete_type_name")) }
                            input id="f-confirm_name" name="confirm_name" type="text" required;
                        }
                        button.danger type="submit" { (ctx.t("org.delete")) }
                        " " a href="/org" { (ctx.t("form.cancel")) }
                    }
                } @else {
                    ul { @for r in &reasons { li.error { (ctx.t(r)) } } }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    confirm_name: String,
}

pub async fn delete(o: InOrg, CsrfForm(f): CsrfForm<DeleteForm>) -> Result<Response, WebError> {
    if f.confirm_name.trim() != o.actor.org_name {
        return Err(AppError::invalid("confirm_name", "org.delete_name_mismatch").into());
    }
    let next = o.ctx.state.app.delete_org(&o.actor, &o.sess).await?;
    Ok(Redirect::to(if next.is_some() {
        "/?done=org.deleted"
    } else {
        "/orgs/new"
    })
    .into_response())
}

pub async fn billing_settings(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let reference = o.ctx.state.app.billing_reference(&o.actor).await?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::BillingSettings,
        ctx.t("nav.billing_settings"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                h2 { (ctx.t("billing.reference_title")) }
                p.muted { (ctx.t("billing.reference_help")) }
                form method="post" action="/accounting/settings" {
                    (csrf_field(ctx))
                    (field(ctx, "billing_reference", "billing.reference_label", "text", reference.as_deref().unwrap_or(""), &[]))
                    button type="submit" { (ctx.t("form.save")) }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct ReferenceForm {
    billing_reference: String,
}

pub async fn save_billing_settings(
    o: InOrg,
    CsrfForm(f): CsrfForm<ReferenceForm>,
) -> Result<Response, WebError> {
    o.ctx
        .state
        .app
        .set_billing_reference(&o.actor, &f.billing_reference)
        .await?;
    Ok(Redirect::to("/accounting/settings?done=form.saved").into_response())
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    page: Option<i64>,
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
    prepaid_page(&o, q.page.unwrap_or(1), currency, &[], q.done.as_deref()).await
}

async fn prepaid_page(
    o: &InOrg,
    page: i64,
    listed: Option<guichet_core::Currency>,
    errors: &[FieldError],
    done: Option<&str>,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let view = app.prepaid_in(&o.actor, page, listed).await?;
    let withdrawals = app.withdrawals(&o.actor).await?;
    let requests = app.open_payment_requests(&o.actor).await?;
    let ctx = &o.ctx;
    let cur = view.balance.currency;
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
    Ok(manager(
        o,
        Nav::Prepaid,
        ctx.t("nav.prepaid"),
        html! {
            (done_notice(ctx, &d))
            (form_errors(ctx, errors, &["amount", "card_number", "card_expiry", "card_cvc", "destination", "holder", "code", "method", "currency"]))
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
                form method="post" action="/accounting/prepaid/top-up" {
                    (csrf_field(ctx))
                    input type="hidden" name="idempotency_key" value=(key);
                    (field(ctx, "amount", "prepaid.amount_label", "text", "", errors))
                    (field(ctx, "card_number", "card.number_label", "text", "", errors))
                    div.inline {
                        (field(ctx, "card_expiry", "card.expiry_label", "text", "", errors))
                        (field(ctx, "card_cvc", "card.cvc_label", "text", "", errors))
                    }
                    p.muted { (ctx.t("prepaid.test_cards")) }
                    button type="submit" { (ctx.t("prepaid.pay_by_card")) }
                }
            }
            div.card {
                h2 { (ctx.t("prepaid.transfer_title")) }
                p.muted { (ctx.t("prepaid.transfer_help")) }
                form.inline method="post" action="/accounting/prepaid/transfer" {
                    (csrf_field(ctx))
                    (field(ctx, "amount", "prepaid.amount_label", "text", "", &[]))
                    button type="submit" { (ctx.t("prepaid.transfer_submit")) }
                }
                @if !requests.is_empty() {
                    h3 { (ctx.t("prepaid.transfer_open")) }
                    ul {
                        @for r in &requests {
                            li {
                                a href=(format!("/accounting/prepaid/transfers/{}", r.id)) { (Money::new(r.amount, r.currency)) }
                                " — " code { (r.reference) } " — " (date(r.created_at))
                            }
                        }
                    }
                }
            }
            @if o.actor.can(Action::Withdraw) {
                div.card {
                    h2 { (ctx.t("withdrawal.title")) }
                    p.muted { (ctx.t("withdrawal.help")) }
                    form method="post" action="/accounting/prepaid/withdraw" {
                        (csrf_field(ctx))
                        input type="hidden" name="idempotency_key" value=(key);
                        (field(ctx, "amount", "prepaid.amount_label", "text", "", errors))
                        @if view.balances.len() > 1 {
                            div.field {
                                label for="f-currency" { (ctx.t("balances.currency_label")) }
                                select id="f-currency" name="currency" {
                                    @for b in &view.balances {
                                        option value=(b.balance.currency.code()) selected[b.main] { (b.balance) }
                                    }
                                }
                            }
                        }
                        div.field {
                            label for="f-method" { (ctx.t("withdrawal.method_label")) }
                            select id="f-method" name="method" {
                                option value="iban" { (ctx.t("withdrawal.method.iban")) }
                                option value="paypal" { (ctx.t("withdrawal.method.paypal")) }
                            }
                        }
                        (field(ctx, "destination", "withdrawal.destination_label", "text", "", errors))
                        (field(ctx, "holder", "withdrawal.holder_label", "text", &o.actor.org_name, errors))
                        @if o.sess.user.totp_enabled {
                            (field(ctx, "code", "field.code_label", "text", "", errors))
                        }
                        button type="submit" { (ctx.t("withdrawal.submit")) }
                    }
                }
            }
            @if !withdrawals.is_empty() {
                div.card {
                    h2 { (ctx.t("withdrawal.list")) }
                    table {
                        tbody {
                            @for w in &withdrawals {
                                tr {
                                    td { (date(w.created_at)) }
                                    td { (guichet_app::withdrawals::mask(&w.destination)) }
                                    td.num { (Money::new(w.amount, w.currency)) }
                                    td { (ctx.t(&format!("withdrawal.status.{}", w.status))) @if let Some(r) = &w.reason { " — " (r) } }
                                }
                            }
                        }
                    }
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
                    table {
                        thead { tr { th { (ctx.t("prepaid.date")) } th { (ctx.t("prepaid.what")) } th.num { (ctx.t("prepaid.amount")) } } }
                        tbody {
                            @for m in &view.movements {
                                tr {
                                    td { (date(m.at)) }
                                    td { (m.description) }
                                    td.num { (Money::new(m.amount, view.currency)) }
                                }
                            }
                        }
                    }
                    div.pager {
                        @if view.page > 1 { a href=(format!("/accounting/prepaid?currency={}&page={}", view.currency.code(), view.page - 1)) { "← " (ctx.t("pager.previous")) } }
                        span { (guichet_core::i18n::tf(ctx.lang, "pager.page_of", &[("page", &view.page.to_string()), ("pages", &view.pages.to_string())])) }
                        @if view.page < view.pages { a href=(format!("/accounting/prepaid?currency={}&page={}", view.currency.code(), view.page + 1)) { (ctx.t("pager.next")) " →" } }
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

/// The prepaid page again, with `errors` shown and `status`.
async fn prepaid_again(
    o: &InOrg,
    status: StatusCode,
    errors: &[FieldError],
) -> Result<Response, WebError> {
    Ok((status, prepaid_page(o, 1, None, errors, None).await?).into_response())
}

/// The amount typed in a prepaid form, or the page again with the field flagged.
async fn typed_amount(o: &InOrg, raw: &str) -> Result<Result<i64, Response>, WebError> {
    match guichet_core::money::parse_amount_text(raw, guichet_core::money::Zero::Refused) {
        Ok(a) => Ok(Ok(a)),
        Err(e) => Ok(Err(prepaid_again(
            o,
            StatusCode::UNPROCESSABLE_ENTITY,
            &[FieldError {
                field: "amount",
                key: e.key(),
                param: None,
            }],
        )
        .await?)),
    }
}

pub async fn top_up(o: InOrg, CsrfForm(f): CsrfForm<TopUpForm>) -> Result<Response, WebError> {
    let amount = match typed_amount(&o, &f.amount).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    match o
        .ctx
        .state
        .app
        .top_up_by_card(&o.actor, amount, &f.card, &f.idempotency_key)
        .await
    {
        Ok(a) if a.status < 300 => {
            Ok(Redirect::to("/accounting/prepaid?done=prepaid.top_up_done").into_response())
        }
        Ok(_) => {
            prepaid_again(
                &o,
                StatusCode::PAYMENT_REQUIRED,
                &[FieldError {
                    field: "card_number",
                    key: "prepaid.top_up_declined",
                    param: None,
                }],
            )
            .await
        }
        Err(AppError::Invalid(errs)) => {
            prepaid_again(&o, StatusCode::UNPROCESSABLE_ENTITY, &errs).await
        }
        Err(e) => Err(e.into()),
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
    let amount_minor = match typed_amount(&o, &f.amount).await? {
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
    match o
        .ctx
        .state
        .app
        .request_withdrawal(&o.actor, &input, &f.idempotency_key)
        .await
    {
        Ok(_) => {
            Ok(Redirect::to("/accounting/prepaid?done=withdrawal.requested_done").into_response())
        }
        Err(AppError::Invalid(errs)) => {
            prepaid_again(&o, StatusCode::UNPROCESSABLE_ENTITY, &errs).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct TransferForm {
    amount: String,
}

/// PP-02 by bank transfer: creates the request and shows its QR-bill.
pub async fn transfer(o: InOrg, CsrfForm(f): CsrfForm<TransferForm>) -> Result<Response, WebError> {
    let amount = match typed_amount(&o, &f.amount).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    match o
        .ctx
        .state
        .app
        .request_transfer_top_up(&o.actor, amount)
        .await
    {
        Ok(r) => {
            Ok(Redirect::to(&format!("/accounting/prepaid/transfers/{}", r.id)).into_response())
        }
        Err(AppError::Invalid(errs)) => {
            prepaid_again(&o, StatusCode::UNPROCESSABLE_ENTITY, &errs).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A payment request: what to transfer, with the QR-bill to scan or print.
pub async fn transfer_page(
    o: InOrg,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let r = app.payment_request(&o.actor, &id).await?;
    let bill = app.payment_request_bill(&o.actor, &id).await?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::Prepaid,
        ctx.t("prepaid.transfer_title"),
        html! {
            div.card {
                dl {
                    dt { (ctx.t("prepaid.amount")) } dd { strong { (Money::new(r.amount, r.currency)) } }
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
    let app = &o.ctx.state.app;
    let bill = app.payment_request_bill(&o.actor, &id).await?;
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
