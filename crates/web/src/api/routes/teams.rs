//! The API routes of work teams and who may access a product.

use crate::api::route::ApiRoute;
use crate::api::teams::*;
use axum::routing::{delete, get, post, put};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/members/{user}/grants/{product}",
            summary: "Set a member's individual rights on a product (all false removes the grant)",
            action: Some(Action::ManageMembers),
            example: Some(
                || json!({"technical": true, "statistics": true, "tickets": false, "sales": false}),
            ),
            make: || put(grant_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/teams",
            summary: "Work teams (TEAM-01)",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(teams_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/teams",
            summary: "Create a work team",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"name": "Webmasters", "colour": "#0b5cad"})),
            make: || post(team_create),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "A team with its members and products",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(team_get),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "Rename, recolour, choose the leader (a member)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"name": "Webmasters", "colour": "#0b5cad", "leader": null})),
            make: || put(team_put),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/teams/{team}",
            summary: "Delete a team (only its grants go)",
            action: Some(Action::ManageTeams),
            example: None,
            make: || delete(team_delete),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/teams/{team}/members",
            summary: "Add several members at once; `emails` invites people from outside into the team (as External)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"user_ids": []})),
            make: || post(team_members_add),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/teams/{team}/members/{user}",
            summary: "Remove a member from a team",
            action: Some(Action::ManageTeams),
            example: None,
            make: || delete(team_member_remove),
        },
        ApiRoute {
            method: "PUT",
            path: "/api/v1/orgs/{org}/teams/{team}/products/{product}",
            summary: "The team's rights on a product (all false removes it)",
            action: Some(Action::ManageTeams),
            example: Some(|| json!({"technical": true, "statistics": true})),
            make: || put(team_product_put),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/products/{product}/access",
            summary: "Who can access this product, and why",
            action: Some(Action::ManageTeams),
            example: None,
            make: || get(product_access_get),
        },
    ]
}
