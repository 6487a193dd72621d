//! The OpenAPI 3.1 document, generated from the route table so it cannot miss a route, with the
//! schemas of the very types the handlers read and send (utoipa derives them beside `Serialize`).

use crate::api::doc::{Components, Media, Resp, schema};
use crate::api::error::ErrorBody;
use crate::api::route::{ApiRoute, PUBLIC_ROUTES};
use crate::api::routes::routes;
use axum::Json;
use serde_json::{Map, Value, json};

pub async fn document() -> Json<Value> {
    Json(build())
}

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A path parameter's schema, by what it names.
fn path_param(name: &str) -> Value {
    let schema = match name {
        "var" => json!({"type": "string", "pattern": "^[A-Z_][A-Z0-9_]*$", "minLength": 1,
                        "maxLength": guichet_core::sites::ENV_MAX_NAME_LEN,
                        "description": "An environment variable's name"}),
        _ => json!({"type": "string", "format": "uuid"}),
    };
    json!({"name": name, "in": "path", "required": true, "schema": schema})
}

const IDEMPOTENCY_KEY: &str = "A key of your choice for this request (1 to 255 visible ASCII characters): sending it again with the same body returns the first answer and moves no money twice; with another body it is refused (422).";

fn describe(status: u16) -> &'static str {
    match status {
        200 => "Success",
        201 => "Created",
        202 => "Accepted",
        204 => "Done, no content",
        400 => "The body is not JSON",
        401 => "No valid API token",
        402 => "The card was declined",
        403 => "The token's person lacks the permission",
        404 => "Not found (or another Organization's)",
        409 => "Conflicts with the current state",
        413 => "The body is too large",
        415 => "The body is not application/json",
        422 => "A field is invalid (named in `fields`)",
        _ => "Answer",
    }
}

fn response(r: &Resp, components: &mut Components) -> Value {
    let content = match r.media {
        Media::Json(t) => json!({"application/json": {"schema": to_json(&t(components))}}),
        Media::Error => {
            json!({"application/json": {"schema": to_json(&schema::<ErrorBody>(components))}})
        }
        Media::Csv => json!({"text/csv; charset=utf-8": {"schema": {"type": "string"}}}),
        Media::Pdf => {
            json!({"application/pdf": {"schema": {"type": "string", "format": "binary"}}})
        }
        Media::Text => json!({"text/plain; charset=utf-8": {"schema": {"type": "string"}}}),
        Media::Empty => return json!({"description": describe(r.status)}),
    };
    json!({"description": describe(r.status), "content": content})
}

/// Every answer of a route: its own, and the errors its kind of route gives.
fn answers(r: &ApiRoute) -> Vec<Resp> {
    let mut all = r.responses.clone();
    let mut common = vec![];
    if !PUBLIC_ROUTES.contains(&r.path) {
        common.push(401);
    }
    if r.path.contains("{org}") {
        common.extend([403, 404]);
    }
    if r.request.is_some() {
        common.extend([400, 413, 415, 422]);
    }
    if r.query.is_some() {
        common.extend([400, 422]);
    }
    if r.idempotent {
        common.push(422);
    }
    for s in common {
        if !all.iter().any(|a| a.status == s) {
            all.push(Resp::error(s));
        }
    }
    all.sort_by_key(|a| a.status);
    all
}

/// `get_orgs_org_invoices_export_csv`: the method and the path's words.
fn operation_id(r: &ApiRoute) -> String {
    let words = r
        .path
        .trim_start_matches("/api/v1/")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    std::iter::once(r.method.to_lowercase().as_str())
        .chain(words)
        .collect::<Vec<_>>()
        .join("_")
}

fn operation(r: &ApiRoute, components: &mut Components) -> Value {
    let mut params: Vec<Value> = r
        .path
        .split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(path_param)
        .collect();
    if let Some(q) = r.query {
        params.extend(q().iter().map(to_json));
    }
    if r.idempotent {
        params.push(
            json!({"name": "Idempotency-Key", "in": "header", "required": true,
            "description": IDEMPOTENCY_KEY,
            "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}}),
        );
    }
    let mut responses = Map::new();
    for a in answers(r) {
        responses.insert(a.status.to_string(), response(&a, components));
    }
    let mut op = json!({
        "summary": r.summary,
        "operationId": operation_id(r),
        "parameters": params,
        "responses": responses,
    });
    if PUBLIC_ROUTES.contains(&r.path) {
        op["security"] = json!([]);
    }
    if let Some(action) = r.action {
        op["x-guichet-permission"] = json!(action);
    }
    if let Some(t) = r.request {
        let mut media = json!({"schema": to_json(&t(components))});
        if let Some(example) = r.example {
            media["example"] = example();
        }
        op["requestBody"] = json!({"required": true, "content": {"application/json": media}});
    }
    op
}

pub fn build() -> Value {
    let mut paths = Map::new();
    let mut components = Components::new();
    for r in routes() {
        let op = operation(&r, &mut components);
        let entry = paths.entry(r.path.to_string()).or_insert_with(|| json!({}));
        entry[r.method.to_lowercase()] = op;
    }
    let mut schemas = Map::new();
    components.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, s) in components {
        schemas.entry(name).or_insert_with(|| to_json(&s));
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Guichet API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Personal API tokens (Profile → Security) are scoped to one Organization. Errors are {\"error\": {\"code\", \"message\", \"fields\"?}}; a method a path does not have is 405 with the same body. Money-moving routes require an Idempotency-Key header."},
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two types with one schema name would silently share a component: every name is one schema.
    #[test]
    fn no_two_types_share_a_schema_name() {
        let mut components = Components::new();
        for r in routes() {
            operation(&r, &mut components);
        }
        let mut seen: std::collections::BTreeMap<String, Value> = Default::default();
        for (name, s) in components {
            let s = to_json(&s);
            if let Some(before) = seen.insert(name.clone(), s.clone()) {
                assert_eq!(before, s, "two types are called {name}: rename one");
            }
        }
        assert!(seen.contains_key("InvoiceJson") && seen.contains_key("ErrorBody"));
    }
}
