//! A webhook receiver for the tests: a small axum server on a random port that keeps every request
//! it gets (headers and the exact body bytes) and answers each with the next status of its script
//! (then 200), and the check of those requests by an independent implementation of Standard
//! Webhooks: the PyPI `standardwebhooks` package, run by python3.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct Received {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: Vec<u8>,
    pub answered: u16,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
    pub fn event_type(&self) -> String {
        self.json()["type"].as_str().unwrap().to_owned()
    }
}

#[derive(Default)]
struct State {
    got: Vec<Received>,
    script: VecDeque<u16>,
    delay_ms: u64,
}

pub struct Receiver {
    pub url: String,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    /// Answers the first requests with `script` (e.g. `[500, 500, 500]`), every later one with 200,
    /// each after `delay_ms`.
    pub async fn start(script: &[u16], delay_ms: u64) -> Receiver {
        let state = Arc::new(Mutex::new(State {
            script: script.iter().copied().collect(),
            delay_ms,
            ..State::default()
        }));
        let shared = state.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = shared.clone();
                async move {
                    let delay = state.lock().unwrap().delay_ms;
                    if delay > 0 {
                        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                    }
                    let h = |k: &str| {
                        headers
                            .get(k)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("")
                            .to_owned()
                    };
                    let mut s = state.lock().unwrap();
                    let answered = s.script.pop_front().unwrap_or(200);
                    s.got.push(Received {
                        id: h("webhook-id"),
                        timestamp: h("webhook-timestamp"),
                        signature: h("webhook-signature"),
                        body: body.to_vec(),
                        answered,
                    });
                    StatusCode::from_u16(answered).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Receiver {
            url: format!("http://{addr}/hook"),
            state,
            task,
        }
    }

    /// Every request received so far, in order.
    pub fn got(&self) -> Vec<Received> {
        self.state.lock().unwrap().got.clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

const VERIFY: &str = r#"
import json, sys
from standardwebhooks import Webhook, WebhookVerificationError
secret, path = sys.argv[1], sys.argv[2]
wh = Webhook(secret)
messages = json.load(open(path))
for m in messages:
    body = bytes.fromhex(m["body"])
    headers = {"webhook-id": m["id"], "webhook-timestamp": m["timestamp"], "webhook-signature": m["signature"]}
    wh.verify(body, headers)
    # The same headers over a body changed by one byte must not verify.
    try:
        wh.verify(body.replace(b'"data"', b'"dat4"'), headers)
        print("a tampered body verified"); sys.exit(3)
    except WebhookVerificationError:
        pass
print("verified", len(messages))
"#;

/// Verifies every request with `standardwebhooks.Webhook(secret).verify(body, headers)` (and
/// that a tampered copy of each is refused); panics naming what failed.
pub fn verify_all(secret: &str, got: &[Received]) {
    assert!(!got.is_empty(), "nothing to verify");
    let dir = crate::harness::TempDir::new();
    let path = dir.0.join("received.json");
    let list: Vec<serde_json::Value> = got
        .iter()
        .map(|r| {
            serde_json::json!({"id": r.id, "timestamp": r.timestamp,
                               "signature": r.signature, "body": hex::encode(&r.body)})
        })
        .collect();
    std::fs::write(&path, serde_json::to_vec(&list).unwrap()).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(VERIFY)
        .arg(secret)
        .arg(&path)
        .output()
        .expect("python3 with the PyPI standardwebhooks package (.ci/run installs it)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "standardwebhooks refused: {said}");
    assert!(said.contains(&format!("verified {}", got.len())), "{said}");
}
