//! One benchmark client: a keep-alive HTTP connection (redirects not followed: a 303 to the login
//! page is an error, not a fast page) speaking for one customer, and the requests of each path.

use crate::customers::Customer;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A card the built-in test processor accepts.
const CARD: (&str, &str, &str) = ("4242424242424242", "12/35", "123");

/// The smallest top-up (the default `top_up_min`): the top-up path's amount.
const TOP_UP: i64 = 1_000;

/// An HTTP client for one benchmark connection: keep-alive, no redirects, a 60 s timeout.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    guichet_app::http::install_crypto_provider();
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_mins(1))
        .build()?)
}

/// An answer read to its end, or why there was none.
pub async fn send(req: reqwest::RequestBuilder) -> Result<(u16, String), String> {
    let res = req.send().await.map_err(|e| format!("no answer: {e}"))?;
    let status = res.status().as_u16();
    let body = res
        .text()
        .await
        .map_err(|e| format!("{status}, body cut: {e}"))?;
    Ok((status, body))
}

fn short(body: &str) -> String {
    body.chars()
        .take(200)
        .collect::<String>()
        .replace('\n', " ")
}

/// What a client drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    TopUp,
    Checkout,
    Page(&'static str),
    Healthz,
}

/// What one client saw on one path: latencies of the answered requests per series (a checkout has
/// two: the order and its payment), errors, and the top-ups that refilled its balance.
#[derive(Default)]
pub struct Tally {
    pub series: [Vec<Duration>; 2],
    pub errors: usize,
    pub first_errors: Vec<String>,
    pub refills: usize,
}

impl Tally {
    pub fn error(&mut self, what: String) {
        self.errors += 1;
        if self.first_errors.len() < 5 {
            self.first_errors.push(what);
        }
    }

    pub fn merge(&mut self, other: Tally) {
        for (mine, theirs) in self.series.iter_mut().zip(other.series) {
            mine.extend(theirs);
        }
        self.errors += other.errors;
        self.refills += other.refills;
        for e in other.first_errors {
            if self.first_errors.len() < 5 {
                self.first_errors.push(e);
            }
        }
    }
}

pub struct Worker {
    http: reqwest::Client,
    base: String,
    who: Customer,
    offer: String,
    gross: i64,
    top_up_max: i64,
    /// What this client has put on its Organization's prepaid balance and not spent yet.
    balance: i64,
}

impl Worker {
    pub fn new(
        base: &str,
        who: &Customer,
        offer: String,
        gross: i64,
        top_up_max: i64,
    ) -> anyhow::Result<Worker> {
        Ok(Worker {
            http: http_client()?,
            base: base.trim_end_matches('/').to_owned(),
            who: who.clone(),
            offer,
            gross,
            top_up_max,
            balance: 0,
        })
    }

    fn api(&self, method: reqwest::Method, rest: &str) -> reqwest::RequestBuilder {
        self.http
            .request(
                method,
                format!("{}/api/v1/orgs/{}/{rest}", self.base, self.who.org),
            )
            .header("authorization", &self.who.bearer)
    }

    /// `POST /prepaid/top-ups` of `amount` under a fresh Idempotency-Key: 201 expected.
    async fn top_up(&self, amount: i64) -> Result<Value, String> {
        let req = self
            .api(reqwest::Method::POST, "prepaid/top-ups")
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .json(&json!({"amount_minor": amount, "card_number": CARD.0, "card_expiry": CARD.1, "card_cvc": CARD.2}));
        expect(req, "top-up").await
    }

    /// `POST /products`: the pending product and its unpaid invoice; returns the invoice id.
    async fn order(&self) -> Result<String, String> {
        let req = self.api(reqwest::Method::POST, "products").json(
            &json!({"offer_id": self.offer, "period_months": 12, "billing_address_id": null}),
        );
        let v = expect(req, "order").await?;
        v["invoice_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("order: no invoice_id in {v}"))
    }

    /// `POST /payments/checkout` of `invoice` wholly from the prepaid balance.
    async fn checkout(&self, invoice: &str) -> Result<Value, String> {
        let req = self
            .api(reqwest::Method::POST, "payments/checkout")
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .json(&json!({"invoices": [invoice], "from_prepaid_minor": self.gross}));
        expect(req, "checkout").await
    }

    /// Tops the balance up (by the largest top-up) when it cannot pay one more checkout. What
    /// this client counted is checked against the Organization's real balance first: the top-up
    /// runs credit the same Organization, so it often holds more than counted (and topping up
    /// blindly would pass the balance's maximum).
    async fn refill(&mut self) -> Result<bool, String> {
        if self.balance >= self.gross {
            return Ok(false);
        }
        let v = expect(self.api(reqwest::Method::GET, "prepaid"), "prepaid").await?;
        self.balance = v["balance"]["minor"]
            .as_i64()
            .ok_or_else(|| format!("prepaid: no balance in {}", short(&v.to_string())))?;
        if self.balance >= self.gross {
            return Ok(false);
        }
        let v = self.top_up(self.top_up_max).await?;
        self.balance = v["balance_minor"]
            .as_i64()
            .ok_or_else(|| format!("top-up: no balance_minor in {}", short(&v.to_string())))?;
        Ok(true)
    }

    /// The cheapest offer for 12 months, ordered and paid once from the balance to check the
    /// checkout works; its id, name and gross (VAT included, from the invoice).
    pub async fn choose_offer(&mut self) -> anyhow::Result<(String, String, i64)> {
        let v = expect(self.api(reqwest::Method::GET, "catalogue"), "catalogue")
            .await
            .map_err(anyhow::Error::msg)?;
        let cheapest = v["offers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| {
                let price = o["prices"]
                    .as_array()?
                    .iter()
                    .find(|p| p["period_months"] == 12)?;
                Some((price["amount_minor"].as_i64()?, o))
            })
            .min_by_key(|(amount, _)| *amount)
            .map(|(_, o)| o)
            .ok_or_else(|| anyhow::anyhow!("no offer with a 12-month price in {v}"))?;
        cheapest["id"]
            .as_str()
            .unwrap_or_default()
            .clone_into(&mut self.offer);
        let name = cheapest["name"].as_str().unwrap_or_default().to_owned();
        let invoice = self.order().await.map_err(anyhow::Error::msg)?;
        let inv = expect(
            self.api(reqwest::Method::GET, &format!("invoices/{invoice}")),
            "invoice",
        )
        .await
        .map_err(anyhow::Error::msg)?;
        self.gross = inv["gross_minor"]
            .as_i64()
            .ok_or_else(|| anyhow::anyhow!("no gross_minor in {inv}"))?;
        self.refill().await.map_err(anyhow::Error::msg)?;
        self.checkout(&invoice).await.map_err(anyhow::Error::msg)?;
        Ok((self.offer.clone(), name, self.gross))
    }

    /// The state the page customers' pages show: a top-up, a paid order and an unpaid one.
    pub async fn prepare_pages(&mut self) -> anyhow::Result<()> {
        let go = async {
            self.top_up(50_000).await?;
            self.balance += 50_000;
            let paid = self.order().await?;
            self.checkout(&paid).await?;
            self.order().await
        };
        go.await.map_err(anyhow::Error::msg)?;
        Ok(())
    }

    /// One request to open the keep-alive connection before the clock starts.
    pub async fn warm_up(&mut self) -> anyhow::Result<()> {
        let (status, body) = send(self.http.get(format!("{}/healthz", self.base)))
            .await
            .map_err(anyhow::Error::msg)?;
        anyhow::ensure!(
            status == 200,
            "/healthz answered {status}: {}",
            short(&body)
        );
        Ok(())
    }

    /// Requests on `path` one after the other until `deadline`.
    pub async fn run(&mut self, path: Path, deadline: Instant) -> Tally {
        let mut t = Tally::default();
        while Instant::now() < deadline {
            match path {
                Path::TopUp => {
                    let started = Instant::now();
                    match self.top_up(TOP_UP).await {
                        Ok(_) => t.series[0].push(started.elapsed()),
                        Err(e) => t.error(e),
                    }
                }
                Path::Checkout => {
                    match self.refill().await {
                        Ok(true) => t.refills += 1,
                        Ok(false) => {}
                        Err(e) => {
                            t.error(format!("refill {e}"));
                            continue;
                        }
                    }
                    let started = Instant::now();
                    let invoice = match self.order().await {
                        Ok(i) => i,
                        Err(e) => {
                            t.error(e);
                            continue;
                        }
                    };
                    t.series[0].push(started.elapsed());
                    let started = Instant::now();
                    match self.checkout(&invoice).await {
                        Ok(_) => {
                            t.series[1].push(started.elapsed());
                            self.balance -= self.gross;
                        }
                        Err(e) => t.error(e),
                    }
                }
                Path::Page(p) => {
                    let req = self
                        .http
                        .get(format!("{}{p}", self.base))
                        .header("cookie", &self.who.cookie);
                    let started = Instant::now();
                    match send(req).await {
                        Ok((200, _)) => t.series[0].push(started.elapsed()),
                        Ok((status, body)) => {
                            t.error(format!("GET {p}: {status} {}", short(&body)));
                        }
                        Err(e) => t.error(format!("GET {p}: {e}")),
                    }
                }
                Path::Healthz => {
                    let started = Instant::now();
                    match send(self.http.get(format!("{}/healthz", self.base))).await {
                        Ok((200, _)) => t.series[0].push(started.elapsed()),
                        Ok((status, body)) => {
                            t.error(format!("GET /healthz: {status} {}", short(&body)));
                        }
                        Err(e) => t.error(format!("GET /healthz: {e}")),
                    }
                }
            }
        }
        t
    }
}

/// Sends `req`; its JSON body when the answer is 2xx, else what went wrong (named by `what`).
async fn expect(req: reqwest::RequestBuilder, what: &str) -> Result<Value, String> {
    match send(req).await {
        Ok((status, body)) if (200..300).contains(&status) => serde_json::from_str(&body)
            .map_err(|e| format!("{what}: {status} but not JSON ({e}): {}", short(&body))),
        Ok((status, body)) => Err(format!("{what}: {status} {}", short(&body))),
        Err(e) => Err(format!("{what}: {e}")),
    }
}
