//! The card part of a payment form, as the configured provider takes it: the built-in test
//! processor's three fields (number, expiry, CVC), or — with Stripe — Stripe's own card field,
//! mounted by `/assets/card.js` with Stripe.js, which turns the card into a PaymentMethod in the
//! browser and sends only its id (`payment_method`): the card never reaches Guichet's server.
//! Without JavaScript the Stripe field cannot be shown; the form says so.

use crate::ctx::Ctx;
use crate::layout::field;
use guichet_app::FieldError;
use maud::{Markup, html};

/// The card inputs of a form (`autocomplete` hints for the test processor's fields).
pub fn card_inputs(ctx: &Ctx, errors: &[FieldError]) -> Markup {
    let payments = &ctx.state.app.payments;
    if payments.takes_card_numbers() {
        return html! {
            (field(ctx, "card_number", "card.number_label", "text", "", errors))
            div.inline {
                (field(ctx, "card_expiry", "card.expiry_label", "text", "", errors))
                (field(ctx, "card_cvc", "card.cvc_label", "text", "", errors))
            }
            p.muted { (ctx.t("prepaid.test_cards")) }
        };
    }
    let key = payments.publishable_key().unwrap_or_default();
    let err = errors.iter().find(|e| e.field == "payment_method");
    html! {
        div.field {
            label { (ctx.t("card.number_label")) }
            div.stripe-card data-stripe-key=(key) {}
            input type="hidden" name="payment_method" value="";
            p.field-error.stripe-error role="alert" {
                @if let Some(e) = err { (ctx.t(e.key)) }
            }
            noscript { p.field-error { (ctx.t("card.needs_javascript")) } }
        }
        @if let Some(js) = stripe_js(ctx) {
            script src=(js) {}
            script src="/assets/card.js" {}
        }
    }
}

/// Where Stripe.js is loaded from (Stripe's own, or the local fake's in tests).
pub fn stripe_js(ctx: &Ctx) -> Option<String> {
    ctx.state
        .app
        .config
        .stripe
        .as_ref()
        .map(|s| s.js_url.clone())
}
