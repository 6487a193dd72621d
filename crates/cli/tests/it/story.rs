//! What a customer does, as one line of a test's story: each request shape of the API written
//! once (`c.order(...)`, `c.top_up(...)`, `c.pay(...)`), so that a test reads like the guide it
//! checks and a change of the API is made in one place.

use crate::client::{Client, Resp};
use guichet_core::OrgId;
use serde_json::{Value, json};

/// A card the test processor accepts.
pub const GOOD_CARD: &str = "4242424242424242";

/// What an order gave: the pending product and its unpaid invoice (their ids as the API wrote them).
#[derive(Clone, Debug)]
pub struct Ordered {
    pub product: String,
    pub invoice: String,
}

impl Client {
    /// The id of the first offer of the catalogue that `pick` accepts (by its JSON entry).
    pub async fn offer_where(
        &mut self,
        org: OrgId,
        token: &str,
        pick: impl Fn(&Value) -> bool,
    ) -> String {
        let r = self
            .api("GET", &format!("/api/v1/orgs/{org}/catalogue"), token, None)
            .await;
        assert_eq!(r.status, 200, "the catalogue: {}", r.body);
        let offers = r.json();
        offers["offers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| pick(o))
            .and_then(|o| o["id"].as_str())
            .unwrap_or_else(|| panic!("no such offer in {offers}"))
            .to_owned()
    }

    /// `POST /products`: orders `offer` for `months`, billed to the Organization itself; the
    /// answer as it came (for refusals).
    pub async fn try_order(&mut self, org: OrgId, token: &str, offer: &str, months: i64) -> Resp {
        self.api(
            "POST",
            &format!("/api/v1/orgs/{org}/products"),
            token,
            Some(json!({"offer_id": offer, "period_months": months, "billing_address_id": null})),
        )
        .await
    }

    /// Orders `offer` for `months`: 201, a pending product and its unpaid invoice.
    pub async fn order(&mut self, org: OrgId, token: &str, offer: &str, months: i64) -> Ordered {
        let r = self.try_order(org, token, offer, months).await;
        assert_eq!(
            r.status, 201,
            "order of {offer} for {months} months: {}",
            r.body
        );
        let v = r.json();
        Ordered {
            product: v["product_id"].as_str().unwrap().to_owned(),
            invoice: v["invoice_id"].as_str().unwrap().to_owned(),
        }
    }

    /// `GET /invoices/{id}`: the invoice as the API shows it.
    pub async fn invoice(&mut self, org: OrgId, token: &str, invoice: &str) -> Value {
        let r = self
            .api(
                "GET",
                &format!("/api/v1/orgs/{org}/invoices/{invoice}"),
                token,
                None,
            )
            .await;
        assert_eq!(r.status, 200, "invoice {invoice}: {}", r.body);
        r.json()
    }

    /// `POST /prepaid/top-ups` by card under the idempotency key `key`; the answer as it came.
    pub async fn top_up(&mut self, org: OrgId, token: &str, amount_minor: i64, key: &str) -> Resp {
        let body = json!({"amount_minor": amount_minor, "card_number": GOOD_CARD,
                          "card_expiry": "12/35", "card_cvc": "123"});
        self.api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
            token,
            Some(body),
            &[("idempotency-key", key)],
        )
        .await
    }

    /// `POST /invoices/{id}/pay` from the prepaid balance under the idempotency key `key`.
    pub async fn pay(&mut self, org: OrgId, token: &str, invoice: &str, key: &str) -> Resp {
        self.api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{org}/invoices/{invoice}/pay"),
            token,
            None,
            &[("idempotency-key", key)],
        )
        .await
    }

    /// Pays an unpaid invoice the way a customer can: tops the prepaid balance up by card with
    /// `amount` (at least the smallest top-up), then pays the invoice from the balance. `key` names
    /// the two requests' idempotency keys.
    pub async fn top_up_and_pay(
        &mut self,
        org: OrgId,
        token: &str,
        invoice: &str,
        amount: i64,
        key: &str,
    ) {
        let r = self
            .top_up(org, token, amount.max(1_000), &format!("{key}-top-up"))
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let r = self.pay(org, token, invoice, &format!("{key}-pay")).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
}
