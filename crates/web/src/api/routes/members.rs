//! The API routes of members and invitations.

use crate::api::doc::{Resp, schema};
use crate::api::members::*;
use crate::api::route::ApiRoute;
use axum::routing::{delete, get, patch, post};
use guichet_core::Action;
use serde_json::json;

pub fn routes() -> Vec<ApiRoute> {
    vec![
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/members",
            summary: "Members and their roles",
            action: Some(Action::ViewMembers),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::members::MembersJson>(200)],
            make: || get(members_list),
        },
        ApiRoute {
            method: "PATCH",
            path: "/api/v1/orgs/{org}/members/{user}",
            summary: "Change a member's role and accounting permission",
            action: Some(Action::ManageMembers),
            example: Some(|| json!({"role": "collaborator", "accounting": true})),
            request: Some(schema::<crate::api::members::MemberPatch>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::members::MembershipJson>(200),
                Resp::error(409),
            ],
            make: || patch(member_patch),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/members/{user}",
            summary: "Remove a member",
            action: Some(Action::ManageMembers),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || delete(member_delete),
        },
        ApiRoute {
            method: "GET",
            path: "/api/v1/orgs/{org}/invitations",
            summary: "Open invitations",
            action: Some(Action::ViewMembers),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::json::<crate::api::members::InvitationsJson>(200)],
            make: || get(invitations_list),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invitations",
            summary: "Invite a person by e-mail",
            action: Some(Action::ManageMembers),
            example: Some(
                || json!({"email": "new.person@example.ch", "role": "collaborator", "accounting": false}),
            ),
            request: Some(schema::<guichet_app::members::InviteInput>),
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::members::InvitationJson>(201),
                Resp::error(409),
            ],
            make: || post(invitation_create),
        },
        ApiRoute {
            method: "POST",
            path: "/api/v1/orgs/{org}/invitations/{id}/resend",
            summary: "Send an invitation again",
            action: Some(Action::ManageMembers),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![
                Resp::json::<crate::api::members::InvitationJson>(200),
                Resp::error(409),
            ],
            make: || post(invitation_resend),
        },
        ApiRoute {
            method: "DELETE",
            path: "/api/v1/orgs/{org}/invitations/{id}",
            summary: "Revoke an invitation",
            action: Some(Action::ManageMembers),
            example: None,
            request: None,
            query: None,
            idempotent: false,
            responses: vec![Resp::no_content(), Resp::error(409)],
            make: || delete(invitation_revoke),
        },
    ]
}
