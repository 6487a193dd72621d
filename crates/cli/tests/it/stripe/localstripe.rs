//! `localstripe` (PyPI: a stateful fake of Stripe's API, from a project independent of ours), one
//! per test binary on a free port — or the one `.ci/run` started (`GUICHET_TEST_LOCALSTRIPE`). The
//! tests create PaymentMethods in it as Stripe.js would in a customer's browser, and read back what
//! it was asked to charge and refund.

use serde_json::Value;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const SECRET_KEY: &str = "sk_test_guichet";
pub const WEBHOOK_SECRET: &str = "whsec_guichet_test_secret";

static URL: OnceLock<String> = OnceLock::new();
static CHILD: OnceLock<std::sync::Mutex<std::process::Child>> = OnceLock::new();

/// Whether the fake can run here: `.ci/run` started one, or `python3 -m localstripe` can. Missing
/// outside CI the test says it was skipped (as for the other tools); under CI it fails.
pub fn missing() -> bool {
    if std::env::var("GUICHET_TEST_LOCALSTRIPE").is_ok_and(|u| !u.is_empty()) {
        return false;
    }
    let here = std::process::Command::new("python3")
        .args(["-c", "import localstripe"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if here {
        return false;
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "CI=true but localstripe is missing: .ci/run installs it (pip install localstripe)"
    );
    eprintln!("skipped: no localstripe (pip install localstripe)");
    true
}

/// The fake's base URL, started on first use.
pub fn url() -> String {
    URL.get_or_init(|| {
        if let Ok(u) = std::env::var("GUICHET_TEST_LOCALSTRIPE")
            && !u.is_empty()
        {
            return u.trim_end_matches('/').to_string();
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        // `timeout`: the fake ends within the hour even though nothing kills it; it lives as long
        // as the test binary (kept in a static, never waited for on purpose).
        #[allow(clippy::zombie_processes)]
        let child = std::process::Command::new("timeout")
            .args([
                "3600",
                "python3",
                "-m",
                "localstripe",
                "--from-scratch",
                "--port",
            ])
            .arg(port.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("localstripe: `pip install localstripe` (or set GUICHET_TEST_LOCALSTRIPE)");
        CHILD.get_or_init(|| std::sync::Mutex::new(child));
        let url = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "localstripe did not start on {url} (is `pip install localstripe` done?)"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        url
    })
    .clone()
}

/// The Stripe settings of an app that charges through the fake.
pub fn config() -> guichet_app::stripe::StripeConfig {
    let url = url();
    guichet_app::stripe::StripeConfig {
        secret_key: SECRET_KEY.into(),
        publishable_key: Some("pk_test_guichet".into()),
        webhook_secret: Some(WEBHOOK_SECRET.into()),
        api_base: url.clone(),
        js_url: format!("{url}/js.stripe.com/v3/"),
    }
}

pub async fn post(path: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let r = crate::harness::http()
        .post(format!("{}{path}", url()))
        .bearer_auth(SECRET_KEY)
        .form(form)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub async fn get(path: &str) -> Value {
    crate::harness::http()
        .get(format!("{}{path}", url()))
        .bearer_auth(SECRET_KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A PaymentMethod for a card number, as Stripe.js creates it in the browser (`pm_…`).
pub async fn payment_method(number: &str) -> String {
    let (status, v) = post(
        "/v1/payment_methods",
        &[
            ("type", "card"),
            ("card[number]", number),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2030"),
            ("card[cvc]", "123"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{v}");
    v["id"].as_str().unwrap().to_string()
}

/// Every PaymentIntent the fake holds for an Organization (Guichet names it in the metadata).
pub async fn intents_of(org: &str) -> Vec<Value> {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(a) => format!("/v1/payment_intents?limit=100&starting_after={a}"),
            None => "/v1/payment_intents?limit=100".to_string(),
        };
        let page = get(&path).await;
        let data = page["data"].as_array().cloned().unwrap_or_default();
        after = data
            .last()
            .and_then(|d| d["id"].as_str())
            .map(str::to_string);
        all.extend(data);
        if page["has_more"] != true || after.is_none() {
            break;
        }
    }
    all.into_iter()
        .filter(|pi| pi["metadata"]["guichet_org"] == org)
        .collect()
}
