//! The API routes of hosting: sites, environment, databases and their users.

use crate::api::route::ApiRoute;
use crate::api::sites;
use axum::routing::{delete, get, post, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}",
            summary: "A web hosting (DB-01): its server prefix, sites, databases and users, and whether provisioning is on",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::hosting_get),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites",
            summary: "Add a site (the MySQL prefix option starts off for new sites, DB-03)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"domain": "www.example.ch"})),
            make: || post(sites::site_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}",
            summary: "A site's PHP / Apache settings: MySQL prefix option, environment variables (secret values masked), and the before → after names if the option were turned off",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::site_get),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}",
            summary: "Delete a site and its settings",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::site_delete),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/mysql-prefix",
            summary: "Switch the MySQL prefix option (DB-02/03); turning it off needs `confirm: true` and returns the names to change (`changes`)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"on": false, "confirm": true})),
            make: || put(sites::prefix_put),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/env",
            summary: "Add or replace an environment variable (DB-04: name ^[A-Z_][A-Z0-9_]*$, not reserved, value ≤ 4 KiB, ≤ 100 per site)",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "API_KEY", "value": "s3cr3t", "secret": true})),
            make: || put(sites::env_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/env/{var}",
            summary: "Remove an environment variable",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::env_delete),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/sites/{site}/config",
            summary: "The site's settings as Apache SetEnv lines and a PHP-FPM env[] block (text; secret values masked)",
            action: Some(Action::ManageSites),
            example: None,
            make: || get(sites::site_config),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/databases",
            summary: "Create a database on the MySQL server, named with the hosting's prefix (DB-05); 409 when provisioning is off",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "mabase"})),
            make: || post(sites::database_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/databases/{database}",
            summary: "Drop a database from the MySQL server",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::database_delete),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/db-users",
            summary: "Create a database user with privileges on the given databases (ids) only; without `password` one is generated and returned once",
            action: Some(Action::ManageSites),
            example: Some(|| json!({"name": "monuser", "databases": ["…"]})),
            make: || post(sites::db_user_create),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/hostings/{hosting}/db-users/{dbuser}",
            summary: "Drop a database user from the MySQL server",
            action: Some(Action::ManageSites),
            example: None,
            make: || delete(sites::db_user_delete),
        },
    ]
}
