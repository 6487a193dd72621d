//! The OpenAPI 3.1 document, generated from the route table so it cannot miss a route.

use crate::api::route::PUBLIC_ROUTES;
use crate::api::routes::routes;
use axum::Json;
use serde_json::{Map, Value, json};

pub async fn document() -> Json<Value> {
    Json(build())
}

pub fn build() -> Value {
    let mut paths = Map::new();
    for r in routes() {
        let params: Vec<Value> = r
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}))
            .collect();
        let mut op = json!({
            "summary": r.summary,
            "operationId": format!("{}_{}", r.method.to_lowercase(), r.path.trim_start_matches("/api/v1/").replace(['/', '{', '}'], "_").trim_matches('_')),
            "parameters": params,
            "responses": {
                "200": {"description": "Success", "content": {"application/json": {}}},
                "401": {"$ref": "#/components/responses/Error"},
                "403": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
                "422": {"$ref": "#/components/responses/Error"},
            },
        });
        if PUBLIC_ROUTES.contains(&r.path) {
            op["security"] = json!([]);
        }
        if let Some(action) = r.action {
            op["x-guichet-permission"] = json!(action);
        }
        if let Some(example) = r.example {
            op["requestBody"] =
                json!({"required": true, "content": {"application/json": {"example": example()}}});
        }
        let entry = paths.entry(r.path.to_string()).or_insert_with(|| json!({}));
        entry[r.method.to_lowercase()] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Guichet API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Personal API tokens (Profile → Security) are scoped to one Organization. Errors are {\"error\": {\"code\", \"message\"}}."},
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                    "code": {"type": "string"}, "message": {"type": "string"},
                    "fields": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
                }}}
            }}}}}
        }
    })
}
