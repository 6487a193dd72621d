//! The OpenAPI document checked by the tools its readers use (issue #15): `openapi-spec-validator`
//! validates it, `openapi-python-client` generates a client with every operation and that client
//! reads invoices and tops the balance up against the real server, and `schemathesis` fuzzes
//! every route of a server with data in it, looking for 5xx and answers that break the document.
//! The tools come from PyPI (`.ci/run` installs them); under CI a missing tool fails the test.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use crate::isolation::{Hosting, fill, hosting_of};
use crate::world::{World, world};
use guichet_web::api::routes;
use std::path::Path;
use std::process::{Command, Output};

both_backends!(
    every_route_answers_what_its_document_says,
    hostile_input_is_refused_not_a_server_error
);

/// Whether an answer is the 422 of a missing `Idempotency-Key`.
fn wants_key(r: &crate::client::Resp) -> bool {
    r.status == 422
        && r.json()["error"]["fields"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["field"] == "idempotency_key"))
}

/// Every route, sent its example by A's LR, answers a status its document lists, in the media type
/// the document gives for it; and a route refuses its example for want of an `Idempotency-Key`
/// exactly when its document requires the header (the documented examples of top-ups and
/// withdrawals used to get that 422 with nothing in the document saying why).
async fn every_route_answers_what_its_document_says(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let h = hosting_of(&t, &w.a).await;
    let mut c = t.client();
    let doc = c.get("/api/openapi.json").await.json();
    let mut money = 0;
    for (i, route) in routes().iter().enumerate() {
        let op = &doc["paths"][route.path][route.method.to_lowercase()];
        let documented = op["parameters"].as_array().unwrap().iter().any(|p| {
            p["in"] == "header" && p["name"] == "Idempotency-Key" && p["required"] == true
        });
        let path = fill(route, &w.a, &w.a, &h);
        // The examples' "…" ids: A's invoice (what a checkout pays).
        let body = || {
            route.example.map(|e| {
                let text = e().to_string().replace('…', &w.a.invoice.to_string());
                serde_json::from_str::<serde_json::Value>(&text).unwrap()
            })
        };
        let token = &w.a.lr().token;
        let r = c.api(route.method, &path, token, body()).await;
        assert_eq!(
            documented,
            wants_key(&r),
            "{} {}: the document {} the header, the route answered {} {}",
            route.method,
            route.path,
            if documented {
                "requires"
            } else {
                "does not mention"
            },
            r.status,
            r.body
        );
        let r = if documented {
            money += 1;
            let key = format!("document-{i}");
            c.api_with_headers(
                route.method,
                &path,
                token,
                body(),
                &[("idempotency-key", &key)],
            )
            .await
        } else {
            r
        };
        let answer = &op["responses"][r.status.to_string()];
        assert!(
            answer.is_object(),
            "{} {} answered {}, which its document does not list: {}",
            route.method,
            route.path,
            r.status,
            r.body
        );
        let sent = r
            .headers
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string());
        let listed: Vec<&String> = answer["content"]
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        match sent {
            None => assert!(
                listed.is_empty(),
                "{} {}: no body, {listed:?} documented",
                route.method,
                route.path
            ),
            Some(ct) => assert!(
                listed
                    .iter()
                    .any(|l| l.split(';').next() == ct.split(';').next()),
                "{} {} answered {} as {ct}, the document says {listed:?}",
                route.method,
                route.path,
                r.status
            ),
        }
    }
    assert_eq!(
        money, 4,
        "top-ups, withdrawals, checkout, paying an invoice"
    );
    // What the issue saw wrong, said once more plainly.
    let ops = |p: &str, m: &str| doc["paths"][p][m].clone();
    let csv = ops("/api/v1/orgs/{org}/invoices/export.csv", "get");
    assert!(csv["responses"]["200"]["content"]["text/csv; charset=utf-8"].is_object());
    let pdf = ops("/api/v1/orgs/{org}/invoices/{invoice}/pdf", "get");
    assert!(pdf["responses"]["200"]["content"]["application/pdf"].is_object());
    let config = ops(
        "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/config",
        "get",
    );
    assert!(config["responses"]["200"]["content"]["text/plain; charset=utf-8"].is_object());
    let invite = ops("/api/v1/orgs/{org}/invitations", "post");
    assert!(invite["responses"]["201"].is_object() && invite["responses"]["200"].is_null());
    let env = ops(
        "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/env/{var}",
        "delete",
    );
    let var = env["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "var")
        .unwrap();
    assert_eq!(var["schema"]["pattern"], "^[A-Z_][A-Z0-9_]*$");
    assert!(
        var["schema"]["format"].is_null(),
        "an environment variable's name is no UUID"
    );
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for (status, answer) in op["responses"].as_object().unwrap() {
                if let Some(content) = answer["content"].as_object() {
                    for (media, m) in content {
                        assert!(
                            m["schema"].is_object(),
                            "{method} {path} {status} {media}: no schema"
                        );
                    }
                }
            }
            if let Some(body) = op.get("requestBody") {
                assert!(
                    body["content"]["application/json"]["schema"].is_object(),
                    "{method} {path}: a request body without a schema"
                );
            }
        }
    }
}

/// Whether a command of a PyPI package answers `--version`; under CI a missing one fails.
fn tool(cmd: &str, package: &str) -> bool {
    let ok = Command::new(cmd)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but {cmd} is missing (pip install {package}): .ci/run installs it"
        );
        eprintln!("skipped: {cmd} is not installed (pip install {package})");
    }
    ok
}

fn text(o: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The document as served, written to `dir/openapi.json`.
async fn served_document(t: &TestApp, dir: &Path) -> std::path::PathBuf {
    let r = t.client().get("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    let path = dir.join("openapi.json");
    std::fs::write(&path, &r.body).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_passes_openapi_spec_validator() {
    if !tool("openapi-spec-validator", "openapi-spec-validator") {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    let dir = TempDir::new();
    let doc = served_document(&t, &dir.0).await;
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    assert_eq!(
        v["openapi"], "3.1.0",
        "a version openapi-python-client reads"
    );
    let out = Command::new("openapi-spec-validator")
        .arg(&doc)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

/// The generated client: reads the invoices of Organization `org` and tops its balance up, then
/// prints what it got as JSON.
const CLIENT_SCRIPT: &str = r#"
import json, sys, uuid
sys.path.insert(0, sys.argv[1])
from guichet_client import AuthenticatedClient
from guichet_client.api.default import get_orgs_org_invoices, post_orgs_org_prepaid_top_ups
from guichet_client.models import InvoicesJson, TopUpBody, TopUpPaid
base, token, org = sys.argv[2], sys.argv[3], uuid.UUID(sys.argv[4])
client = AuthenticatedClient(base_url=base, token=token, raise_on_unexpected_status=True)
listed = get_orgs_org_invoices.sync_detailed(org=org, client=client)
assert listed.status_code == 200, listed
invoices = listed.parsed
assert isinstance(invoices, InvoicesJson), type(invoices)
body = TopUpBody(amount_minor=5000, card_number="4242424242424242", card_expiry="12/35", card_cvc="123")
paid = post_orgs_org_prepaid_top_ups.sync_detailed(org=org, client=client, body=body,
                                                    idempotency_key="generated-client-1")
assert paid.status_code == 201, paid
top_up = paid.parsed
assert isinstance(top_up, TopUpPaid), type(top_up)
print(json.dumps({
    "invoices": [{"id": str(i.id), "number": i.number, "status": str(i.status.value),
                  "gross_minor": i.gross_minor, "due_on": i.due_on.isoformat()} for i in invoices.invoices],
    "next": invoices.next_ if isinstance(invoices.next_, str) else None,
    "first_link": invoices.links.first if isinstance(invoices.links.first, str) else None,
    "top_up": {"status": str(top_up.status.value), "amount_minor": top_up.amount_minor,
               "currency": str(top_up.currency.value), "balance_minor": top_up.balance_minor},
}))
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generated_python_client_has_every_operation_and_calls_the_api() {
    if !tool("openapi-python-client", "openapi-python-client") {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    let w = world(&t).await;
    let dir = TempDir::new();
    let doc = served_document(&t, &dir.0).await;
    let config = dir.0.join("config.yml");
    // The generator reads only JSON, text and octet-stream answers; its `content_type_overrides`
    // setting is how it is told that a PDF is bytes too (the document keeps `application/pdf`).
    std::fs::write(
        &config,
        "project_name_override: guichet-client\npackage_name_override: guichet_client\n\
         content_type_overrides:\n  application/pdf: application/octet-stream\n",
    )
    .unwrap();
    // With `--meta none` the package itself is written there.
    let out_dir = dir.0.join("guichet_client");
    let out = Command::new("openapi-python-client")
        .args(["generate", "--meta", "none", "--overwrite"])
        .arg("--path")
        .arg(&doc)
        .arg("--config")
        .arg(&config)
        .arg("--output-path")
        .arg(&out_dir)
        .output()
        .unwrap();
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    // It warns about every endpoint or schema it cannot generate ("… will not be generated").
    assert!(
        !said.contains("will not be generated") && !said.to_lowercase().contains("warning"),
        "openapi-python-client skipped something:\n{said}"
    );
    let generated = std::fs::read_dir(out_dir.join("api/default"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && n != "__init__.py")
        .count();
    assert_eq!(generated, routes().len(), "one module per operation");

    let script = dir.0.join("call.py");
    std::fs::write(&script, CLIENT_SCRIPT).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&dir.0)
        .arg(&t.url)
        .arg(&w.a.lr().token)
        .arg(w.a.id.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "the generated client: {}", text(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // What the client parsed is what the API says, read here without it.
    let mut c = t.client();
    let listed = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/invoices", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(got["next"], listed["next"]);
    assert_eq!(got["first_link"], listed["links"]["first"]);
    let ours = &listed["invoices"][0];
    let theirs = &got["invoices"][0];
    for k in ["id", "number", "status", "gross_minor", "due_on"] {
        assert_eq!(theirs[k], ours[k], "{k} of the first invoice");
    }
    assert_eq!(got["invoices"][0]["id"], w.a.invoice.to_string());
    let prepaid = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", w.a.id),
            &w.a.lr().token,
            None,
        )
        .await
        .json();
    assert_eq!(got["top_up"]["status"], "succeeded");
    assert_eq!(got["top_up"]["amount_minor"], 5000);
    assert_eq!(got["top_up"]["currency"], "CHF");
    assert_eq!(
        got["top_up"]["balance_minor"], prepaid["balance"]["minor"],
        "the balance the client was told is the account's"
    );
}

/// The ids schemathesis puts in the paths: Organization A's real records, so it reaches the
/// handlers instead of stopping at 404.
fn schemathesis_config(w: &World, h: &Hosting) -> String {
    let a = &w.a;
    let mut s = String::from("[parameters]\n");
    for (name, value) in [
        ("org", a.id.to_string()),
        ("invoice", a.invoice.to_string()),
        ("product", a.product.to_string()),
        ("hosting", h.product.clone()),
        ("site", h.site.clone()),
        ("database", h.database.clone()),
        ("dbuser", h.dbuser.clone()),
        ("address", a.address.to_string()),
        ("team", a.team.to_string()),
        ("grant", a.grant.to_string()),
        ("request", a.request.to_string()),
        ("id", a.invitation.to_string()),
        ("user", a.collaborator().id.to_string()),
    ] {
        s.push_str(&format!("\"path.{name}\" = \"{value}\"\n"));
    }
    s
}

/// One bounded schemathesis run against the server at `url` as `token`; `select` picks the
/// operations. Its report on failure.
fn schemathesis(url: &str, token: &str, config: &Path, select: &[&str]) -> Result<(), String> {
    let out = Command::new("schemathesis")
        .arg("--config-file")
        .arg(config)
        .arg("run")
        .arg(format!("{url}/api/openapi.json"))
        .args([
            "--checks",
            "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "8",
            "--seed",
            "15",
            // One worker: hypothesis' lambda descriptions are not thread-safe on Python 3.11
            // ("AST constructor recursion depth mismatch").
            "--workers",
            "1",
            "--no-color",
            "--suppress-health-check",
            "all",
        ])
        .args(select)
        .arg("-H")
        .arg(format!("Authorization: Bearer {token}"))
        .current_dir(config.parent().unwrap())
        .output()
        .unwrap();
    if out.status.success() {
        // What it covered, for the log.
        let report = text(&out);
        let summary = report.find("SUMMARY").map_or("", |i| &report[i..]);
        eprintln!("{summary}");
        Ok(())
    } else {
        Err(text(&out))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_answer_off_the_document() {
    if !tool("schemathesis", "schemathesis") {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    let w = world(&t).await;
    let h = hosting_of(&t, &w.a).await;
    let dir = TempDir::new();
    let config = dir.0.join("schemathesis.toml");
    std::fs::write(&config, schemathesis_config(&w, &h)).unwrap();
    let token = &w.a.lr().token;
    // Changing the Organization may force two-factor authentication, which shuts the token out
    // of every later request (403): that route gets its own run, last.
    let last = ["--exclude-operation-id", "patch_orgs_org"];
    let only_last = ["--include-operation-id", "patch_orgs_org"];
    if let Err(report) = schemathesis(&t.url, token, &config, &last) {
        panic!("schemathesis: {report}");
    }
    if let Err(report) = schemathesis(&t.url, token, &config, &only_last) {
        panic!("schemathesis on PATCH /orgs/{{org}}: {report}");
    }
}

/// What schemathesis found, kept as plain cases: hostile input is a 4xx, never a 5xx.
async fn hostile_input_is_refused_not_a_server_error(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    let token = &w.a.lr().token;
    let org = w.a.id;
    // A page number far past the end (it overflowed the offset when the list was paged by
    // number): the list is paged by key now, a number names no page and the first one is shown.
    let first = c
        .api("GET", &format!("/api/v1/orgs/{org}/invoices"), token, None)
        .await;
    let r = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{org}/invoices?page=9223372036854775806"),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["invoices"], first.json()["invoices"]);
    // A cursor that is not one of ours: 422 naming it, not a 500.
    let r = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{org}/invoices?after=not-a-cursor"),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    // A query string that does not parse: 400 with the API's error body, not axum's text.
    let r = c
        .api(
            "GET",
            &format!("/api/v1/orgs/{org}/payments/due?all=maybe"),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "bad_request");
    // A method the path does not have: 405 with the error body.
    let r = c
        .api(
            "DELETE",
            &format!("/api/v1/orgs/{org}/invoices"),
            token,
            None,
        )
        .await;
    assert_eq!(r.status, 405, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "method_not_allowed");
}
