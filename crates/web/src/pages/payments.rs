//! The Payments page: the invoices due, paying a selection (part from the balance, the rest by
//! card) and the pro forma of a selection.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::download::pdf_response;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::{Action, Money};
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct PaymentsQuery {
    all: Option<String>,
    done: Option<String>,
    /// The invoice a product's "renew" link came for: ticked when the page opens.
    renew: Option<String>,
}

/// What the customer ticked and chose, kept across a recomputation or an error: nothing is ticked
/// unless they ticked it (or came from a product's renew link).
#[derive(Default)]
struct Selection {
    ticked: std::collections::BTreeSet<String>,
    months: std::collections::BTreeMap<String, i64>,
    /// The amount typed for the prepaid part, if the customer typed one.
    from_prepaid: Option<String>,
}

impl Selection {
    fn of_form(f: &std::collections::BTreeMap<String, String>) -> Selection {
        Selection {
            ticked: ticked(f).into_iter().collect(),
            months: f
                .iter()
                .filter_map(|(k, v)| {
                    Some((
                        k.strip_prefix("months_")?.to_string(),
                        v.trim().parse().ok()?,
                    ))
                })
                .collect(),
            // The amount counts as typed only if it is not the one the page showed (a page
            // recomputed without JavaScript otherwise keeps the 0.00 it showed with nothing
            // ticked, where the balance should follow the selection).
            from_prepaid: f
                .get("from_prepaid")
                .filter(|v| !v.trim().is_empty())
                .filter(|v| {
                    f.get("prepaid_shown")
                        .is_none_or(|shown| shown.trim() != v.trim())
                })
                .cloned(),
        }
    }
}

async fn payments_page(
    o: &InOrg,
    show_all: bool,
    errors: &[FieldError],
    done: Option<&str>,
    sel: &Selection,
) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let due = app.due_items(&o.actor, show_all).await?;
    // A renewal invoice can be re-addressed here by those who manage billing (issue #14).
    let addresses = if o.actor.can(Action::ManageBilling) {
        app.billing_addresses(&o.actor, false).await?
    } else {
        Vec::new()
    };
    let renewable = if show_all && o.actor.can(Action::ManageBilling) {
        app.renewable_products(&o.actor).await?
    } else {
        Vec::new()
    };
    let ctx = &o.ctx;
    let cur = due.balance.currency;
    let total = due
        .invoices
        .iter()
        .fold(0i64, |s, i| s.saturating_add(i.gross.minor));
    // The selection's total and how it is paid: what the page shows is what the server takes.
    let wanted = sel.from_prepaid.as_deref().and_then(|v| {
        guichet_core::money::parse_amount_text(v, guichet_core::money::Zero::Allowed).ok()
    });
    let ticked: Vec<guichet_core::InvoiceId> =
        sel.ticked.iter().filter_map(|t| t.parse().ok()).collect();
    let months: std::collections::BTreeMap<guichet_core::InvoiceId, i64> = sel
        .months
        .iter()
        .filter_map(|(k, m)| Some((k.parse().ok()?, *m)))
        .collect();
    let split = due.selection(&ticked, &months, wanted);
    let from_prepaid = split.from_prepaid.minor;
    let key = guichet_app::crypto::random_token();
    Ok(manager(
        o,
        Nav::Payments,
        ctx.t("nav.payments"),
        html! {
            (done_notice(ctx, &Done { done: done.map(str::to_string) }))
            (form_errors(ctx, errors, &[]))
            p {
                @if show_all { (ctx.t("payments.showing_all")) " " a href="/payments" { (ctx.t("payments.next_two_months")) } }
                @else { (ctx.t("payments.showing_two_months")) " " a href="/payments?all=1" { (ctx.t("payments.show_all")) } }
            }
            @if due.invoices.is_empty() {
                p.empty { (ctx.t("empty.payments")) }
            } @else {
                form id="pay-selection" method="post" action="/payments" data-balance=(due.balance.minor) data-currency=(cur.code()) {
                    (csrf_field(ctx))
                    input type="hidden" name="idempotency_key" value=(key);
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("payments.select")) } th { (ctx.t("invoice.number")) } th { (ctx.t("invoice.line")) } th { (ctx.t("payments.duration")) } th { (ctx.t("invoice.due")) } th.num { (ctx.t("invoice.total")) } } }
                        tbody {
                            @for i in &due.invoices {
                                tr data-gross=(i.gross.minor) {
                                    td { input type="checkbox" name=(format!("inv_{}", i.id)) value="1" checked[sel.ticked.contains(&i.id.to_string())] aria-label=(i.number); }
                                    td { a href=(format!("/accounting/invoices/{}", i.id)) { (i.number) } }
                                    td {
                                        @match due.services.get(&i.id).filter(|l| !l.is_empty()) {
                                            Some(lines) => @for (n, l) in lines.iter().enumerate() {
                                                @if n > 0 { br; }
                                                (guichet_core::said::render(ctx.lang, l))
                                            },
                                            None => (ctx.t(&format!("payments.kind.{}", i.kind))),
                                        }
                                        br;
                                        span.muted { (ctx.tf("payments.billed_to", &[("name", &i.bill_to[0])])) }
                                        @if !addresses.is_empty() && due.services.get(&i.id).is_some_and(|l| l.len() == 1) {
                                            (address_choice(ctx, i, &addresses))
                                        }
                                    }
                                    td {
                                        @if let Some((current, choices)) = due.durations.get(&i.id) {
                                            select name=(format!("months_{}", i.id)) aria-label=(format!("{} {}", ctx.t("payments.duration"), i.number)) {
                                                @let chosen = sel.months.get(&i.id.to_string()).copied().unwrap_or(*current);
                                                @for c in choices {
                                                    option value=(c.months) data-gross=(c.gross.minor) selected[c.months == chosen] {
                                                        (c.months) " " (ctx.t("product.months")) " — " (Money::new(c.gross.minor, i.currency))
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    td { (guichet_core::human::date(i.due_on)) }
                                    td.num { (Money::new(i.gross.minor, i.currency)) }
                                }
                            }
                        }
                    } }
                    @if !due.durations.is_empty() { p.muted { (ctx.t("payments.duration_note")) } }
                    p { (ctx.t("payments.total_listed")) " " strong { (Money::new(total, cur)) } " · " (ctx.t("prepaid.balance")) " " strong { (due.balance) } }
                    dl.selection aria-live="polite" {
                        dt { (ctx.t("payments.selection_total")) } dd id="sel-total" { (split.total) }
                        dt { (ctx.t("payments.selection_prepaid")) } dd id="sel-prepaid" { (split.from_prepaid) }
                        dt { (ctx.t("payments.selection_card")) } dd id="sel-card" { (split.by_card) }
                    }
                    div.field {
                        label for="f-from_prepaid" { (ctx.t("payments.from_prepaid")) }
                        input id="f-from_prepaid" name="from_prepaid" type="text" value=(guichet_core::money::format_minor(from_prepaid));
                        @if sel.from_prepaid.is_none() {
                            input type="hidden" name="prepaid_shown" value=(guichet_core::money::format_minor(from_prepaid));
                        }
                    }
                    p { button.secondary id="recompute" type="submit" formaction="/payments/recompute" { (ctx.t("payments.recompute")) } }
                    fieldset {
                        legend { (ctx.t("payments.rest_by_card")) }
                        (crate::card_field::card_inputs(ctx, &[]))
                    }
                    button type="submit" { (ctx.t("payments.pay_selection")) }
                    " "
                    button.secondary type="submit" formaction="/payments/pro-forma" formtarget="_blank" { (ctx.t("invoice.pro_forma")) }
                }
                script src="/assets/payments.js" {}
            }
            @if !renewable.is_empty() {
                (renewable_card(ctx, &renewable))
            }
        },
    ))
}

/// The billing address an invoice is re-addressed to: the addresses, the one it is addressed to
/// chosen, and the button that re-addresses it (inside the selection's form, so what is ticked stays).
fn address_choice(
    ctx: &crate::ctx::Ctx,
    i: &guichet_app::views::Invoice,
    addresses: &[guichet_app::views::Address],
) -> Markup {
    let is_current = |a: &guichet_app::views::Address| {
        let name = a.fields.company.as_deref().unwrap_or(&a.fields.name);
        name == i.bill_to[0] && a.fields.city == i.bill_to[3]
    };
    let none_current = !addresses.iter().any(is_current);
    html! {
        div.inline {
            select name=(format!("address_{}", i.id)) aria-label=(ctx.tf("payments.address_for", &[("number", &i.number)])) {
                option value="" selected[none_current] { (ctx.t("product.address_org")) }
                @for a in addresses {
                    option value=(a.id) selected[is_current(a)] {
                        (a.fields.company.clone().unwrap_or_else(|| a.fields.name.clone()))
                        " — " (a.fields.city)
                    }
                }
            }
            button.secondary type="submit" formaction="/payments/address" name="readdress" value=(i.id) { (ctx.t("payments.readdress")) }
        }
    }
}

/// « Tout afficher »: running products whose next term has no invoice yet, each renewable now.
fn renewable_card(ctx: &crate::ctx::Ctx, products: &[guichet_app::views::Product]) -> Markup {
    html! {
        div.card #not-invoiced {
            h2 { (ctx.t("payments.not_invoiced_title")) }
            p.muted { (ctx.t("payments.not_invoiced_help")) }
            div.table-wrap tabindex="0" { table {
                thead { tr { th { (ctx.t("product.name")) } th { (ctx.t("product.period")) } th { (ctx.t("product.expires")) } th { span.visually-hidden { (ctx.t("renewal.renew_column")) } } } }
                tbody {
                    @for p in products {
                        tr {
                            td { a href=(format!("/products/{}", p.id)) { (p.name) } }
                            td { (p.renewal_months()) " " (ctx.t("product.months")) }
                            td { (p.expires_on.map(guichet_core::human::date).unwrap_or_default()) }
                            td {
                                form method="post" action=(format!("/products/{}/renew", p.id)) {
                                    (csrf_field(ctx))
                                    button.secondary type="submit" aria-label=(ctx.tf("renewal.renew_product", &[("product", &p.name)])) { (ctx.t("renewal.renew")) }
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}

pub async fn payments(o: InOrg, Query(q): Query<PaymentsQuery>) -> Result<Markup, WebError> {
    let sel = Selection {
        ticked: q.renew.into_iter().collect(),
        ..Selection::default()
    };
    payments_page(&o, q.all.is_some(), &[], q.done.as_deref(), &sel).await
}

/// The page again with the totals of what is ticked (the "recompute" button: what the script does
/// as the customer ticks, without JavaScript).
pub async fn recompute(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Markup, WebError> {
    payments_page(&o, true, &[], None, &Selection::of_form(&f)).await
}

/// « Changer d'adresse » on a line: the invoice re-addressed (replaced by one to the chosen
/// address), and the page again with what was ticked and chosen, now for the replacement.
pub async fn readdress(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let mut sel = Selection::of_form(&f);
    let raw = f.get("readdress").cloned().unwrap_or_default();
    let invoice: guichet_core::InvoiceId = guichet_app::error::parse_id(&raw)?;
    let address = f
        .get(&format!("address_{raw}"))
        .cloned()
        .unwrap_or_default();
    match o
        .ctx
        .state
        .app
        .readdress_invoice(&o.actor, invoice, &address)
        .await
    {
        Ok(new) => {
            let new = new.to_string();
            if sel.ticked.remove(&raw) {
                sel.ticked.insert(new.clone());
            }
            if let Some(m) = sel.months.remove(&raw) {
                sel.months.insert(new, m);
            }
            Ok(
                payments_page(&o, true, &[], Some("payments.readdressed"), &sel)
                    .await?
                    .into_response(),
            )
        }
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            payments_page(&o, true, &errs, None, &sel).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// The invoices ticked on the Payments page (their boxes are named `inv_<id>`).
fn ticked(f: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    f.keys()
        .filter_map(|k| k.strip_prefix("inv_").map(str::to_string))
        .collect()
}

/// PAY-01 / PP-03: pays the ticked invoices, part from the balance, the rest by card.
pub async fn pay_selection(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let invoices = ticked(&f);
    let field = |k: &str| f.get(k).cloned().unwrap_or_default();
    let raw = field("from_prepaid");
    let from_prepaid = guichet_core::money::parse_amount_text(
        if raw.trim().is_empty() { "0" } else { &raw },
        guichet_core::money::Zero::Allowed,
    );
    let from_prepaid_minor = match from_prepaid {
        Ok(m) => m,
        Err(e) => {
            let errs = [FieldError {
                field: "from_prepaid",
                key: e.key(),
                param: None,
            }];
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                payments_page(&o, true, &errs, None, &Selection::of_form(&f)).await?,
            )
                .into_response());
        }
    };
    let card = (!field("card_number").trim().is_empty()
        || !field("payment_method").trim().is_empty())
    .then(|| guichet_app::prepaid::CardFields {
        card_number: field("card_number"),
        card_expiry: field("card_expiry"),
        card_cvc: field("card_cvc"),
        payment_method: field("payment_method"),
    });
    let mut durations = std::collections::BTreeMap::new();
    for id in &invoices {
        if let Some(raw) = f.get(&format!("months_{id}")) {
            let Ok(months) = raw.trim().parse::<i64>() else {
                let errs = [FieldError {
                    field: "durations",
                    key: "checkout.duration_unavailable",
                    param: None,
                }];
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    payments_page(&o, true, &errs, None, &Selection::of_form(&f)).await?,
                )
                    .into_response());
            };
            durations.insert(id.clone(), months);
        }
    }
    let co = guichet_app::billing::Checkout {
        invoices,
        from_prepaid_minor,
        card,
        durations,
    };
    match o
        .ctx
        .state
        .app
        .checkout(&o.actor, &co, &field("idempotency_key"))
        .await
    {
        Ok(a) if a.outcome == guichet_app::prepaid::Outcome::Pending => {
            Ok(crate::pages::payment_pending::pending(
                &o,
                &a,
                crate::pages::payment_pending::From::Payments,
            ))
        }
        Ok(a) if a.outcome == guichet_app::prepaid::Outcome::Done => {
            Ok(Redirect::to("/payments?done=payments.paid").into_response())
        }
        Ok(_) => {
            let errs = [FieldError {
                field: "card_number",
                key: "prepaid.top_up_declined",
                param: None,
            }];
            Ok((
                StatusCode::PAYMENT_REQUIRED,
                payments_page(&o, true, &errs, None, &Selection::of_form(&f)).await?,
            )
                .into_response())
        }
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            payments_page(&o, true, &errs, None, &Selection::of_form(&f)).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// INV-07: the pro forma of the invoices ticked on the Payments page.
pub async fn pro_forma(
    o: InOrg,
    CsrfForm(f): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let invoices = ticked(&f);
    // The durations chosen in the drop-downs of the ticked items (FREQ-01a).
    let durations: std::collections::BTreeMap<String, i64> = invoices
        .iter()
        .filter_map(|id| {
            let months = f.get(&format!("months_{id}"))?.trim().parse().ok()?;
            Some((id.clone(), months))
        })
        .collect();
    match o
        .ctx
        .state
        .app
        .pro_forma_pdf(&o.actor, &invoices, &durations)
        .await
    {
        Ok(pdf) => Ok(pdf_response(pdf)),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            payments_page(&o, true, &errs, None, &Selection::of_form(&f)).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}
