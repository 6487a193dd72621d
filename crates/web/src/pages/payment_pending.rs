//! A card payment whose outcome is not known when its form is answered (issue #13): the bank asks
//! the cardholder to confirm (3-D Secure, completed with Stripe.js on this page), or the provider is
//! still processing it. The customer then comes back to `/payments/return`, which asks the provider
//! and sends them on to the page they paid from.

use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, manager, notice};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::prepaid::Answer;
use guichet_core::status::ChargeStatus;
use maud::html;
use serde::Deserialize;

/// Where a payment was made from, and so where the customer goes back to.
#[derive(Clone, Copy)]
pub enum From {
    Prepaid,
    Payments,
}

impl From {
    fn code(self) -> &'static str {
        match self {
            From::Prepaid => "prepaid",
            From::Payments => "payments",
        }
    }

    fn page(self) -> &'static str {
        match self {
            From::Prepaid => "/accounting/prepaid",
            From::Payments => "/payments",
        }
    }

    fn done(self) -> &'static str {
        match self {
            From::Prepaid => "prepaid.top_up_done",
            From::Payments => "payments.paid",
        }
    }
}

/// The page for a 202 answer: what the bank asks, or that it is being processed.
pub fn pending(o: &InOrg, answer: &Answer, from: From) -> Response {
    let ctx = &o.ctx;
    let payment = answer.body["payment_id"].as_str().unwrap_or_default();
    let back = format!("/payments/return?payment={payment}&from={}", from.code());
    let secret = answer.body["client_secret"].as_str();
    let key = ctx.state.app.payments.publishable_key().unwrap_or_default();
    let js = crate::card_field::stripe_js(ctx);
    let body = html! {
        div.card {
            @if let Some(secret) = secret {
                (notice(ctx.t("payment.requires_action")))
                div data-client-secret=(secret) data-stripe-key=(key) data-return=(back) {}
                @if let Some(js) = &js {
                    script src=(js) {}
                    script src="/assets/card.js" {}
                }
            } @else {
                (notice(ctx.t("payment.pending")))
            }
            p { a.button href=(back) { (ctx.t("payment.check_again")) } }
        }
    };
    (
        StatusCode::ACCEPTED,
        manager(o, Nav::Payments, ctx.t("nav.payments"), body),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct ReturnQuery {
    payment: String,
    from: Option<String>,
}

/// `GET /payments/return`: the outcome asked of the provider, then back to the paying page.
pub async fn payment_return(o: InOrg, Query(q): Query<ReturnQuery>) -> Result<Response, WebError> {
    let from = if q.from.as_deref() == Some("prepaid") {
        From::Prepaid
    } else {
        From::Payments
    };
    let status = o
        .ctx
        .state
        .app
        .card_payment_outcome(&o.actor, &q.payment)
        .await?;
    let to = match status {
        ChargeStatus::Succeeded => format!("{}?done={}", from.page(), from.done()),
        ChargeStatus::Pending => {
            let ctx = &o.ctx;
            let body = html! { div.card {
                (notice(ctx.t("payment.pending")))
                p { a.button href=(format!("/payments/return?payment={}&from={}", q.payment, from.code())) { (ctx.t("payment.check_again")) } }
            } };
            return Ok((
                StatusCode::ACCEPTED,
                manager(&o, Nav::Payments, ctx.t("nav.payments"), body),
            )
                .into_response());
        }
        // Shown in the page's notice: nothing was charged.
        _ => format!("{}?done=payment.not_made", from.page()),
    };
    Ok(Redirect::to(&to).into_response())
}
