//! Outgoing webhooks in the back office (issue #13): the endpoints, adding one (its signing secret
//! is shown once, on the answer to the form), enabling, disabling, deleting with confirmation, the
//! delivery log with each attempt's response code, and manual replay.

use crate::ctx::{Ctx, Signed};
use crate::error::WebError;
use crate::layout::{admin_page, csrf_field, date};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::AppError;
use guichet_app::views::{WebhookAttempt, WebhookDelivery, WebhookEndpoint};
use guichet_core::webhook::{DeliveryState, EventType};
use maud::{Markup, html};
use serde::Deserialize;

/// The list of endpoints and the form to add one.
pub async fn webhooks(
    s: Signed,
    Query(q): Query<crate::pages::done::Done>,
) -> Result<Response, WebError> {
    list_page(&s, &q, None, "").await
}

/// What the list page shows above the list: the secret of the endpoint just added, or why the
/// form was refused.
enum Answer {
    Added { url: String, secret: String },
    Refused(AppError),
}

async fn list_page(
    s: &Signed,
    q: &crate::pages::done::Done,
    answer: Option<Answer>,
    typed: &str,
) -> Result<Response, WebError> {
    let list = s.ctx.state.app.admin_webhooks(&s.sess).await?;
    let ctx = &s.ctx;
    let status = match &answer {
        Some(Answer::Refused(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let body = html! {
        p { a href="/admin" { "← " (ctx.t("admin.title")) } }
        h1 { (ctx.t("webhooks.title")) }
        p { (ctx.t("webhooks.help")) }
        (crate::pages::done::done_notice(ctx, q))
        @match &answer {
            Some(Answer::Added { url, secret }) => div.card id="secret" {
                h2 { (ctx.t("webhooks.added")) }
                p { code { (url) } }
                p { strong { (ctx.t("webhooks.secret_once")) } }
                p { code.secret { (secret) } }
            },
            Some(Answer::Refused(e)) => p.error role="alert" { (refusal(ctx, e)) },
            None => {},
        }
        div.card {
            @if list.is_empty() {
                p.empty { (ctx.t("webhooks.none")) }
            } @else {
                div.table-wrap tabindex="0" { table {
                    thead { tr {
                        th { (ctx.t("webhooks.url")) }
                        th { (ctx.t("webhooks.events")) }
                        th { (ctx.t("webhooks.state")) }
                        th { (ctx.t("webhooks.actions")) }
                    } }
                    tbody { @for e in &list { (row(ctx, e)) } }
                } }
            }
        }
        div.card {
            h2 { (ctx.t("webhooks.add")) }
            form method="post" action="/admin/webhooks" {
                (csrf_field(ctx))
                div.field {
                    label for="w-url" { (ctx.t("webhooks.url")) }
                    input id="w-url" name="url" type="url" required maxlength="2000" placeholder="https://" value=(typed);
                }
                div.field {
                    label for="w-desc" { (ctx.t("webhooks.description")) }
                    input id="w-desc" name="description" type="text" maxlength="200";
                }
                div.field {
                    label for="w-events" { (ctx.t("webhooks.events")) }
                    input id="w-events" name="events" type="text" required value="*" aria-describedby="w-events-help";
                    p.muted id="w-events-help" { (ctx.t("webhooks.events_help")) " " code { "invoice.paid, member.joined" } }
                }
                details {
                    summary { (ctx.t("webhooks.types")) }
                    ul { @for t in EventType::ALL { li { code { (t.as_str()) } " — " (ctx.t(t.as_str())) } } }
                }
                button type="submit" { (ctx.t("webhooks.add_button")) }
            }
        }
    };
    Ok((status, admin_page(ctx, ctx.t("webhooks.title"), body)).into_response())
}

fn refusal(ctx: &Ctx, e: &AppError) -> String {
    match e {
        AppError::Invalid(fields) => fields
            .iter()
            .map(|f| match &f.param {
                Some(p) => ctx.tf(f.key, &[("name", p)]),
                None => ctx.t(f.key).to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" "),
        AppError::Conflict(k) => ctx.t(k).to_owned(),
        _ => ctx.t("error.invalid").to_owned(),
    }
}

fn state(ctx: &Ctx, e: &WebhookEndpoint) -> Markup {
    html! {
        @match (e.disabled_at, e.disabled_reason.as_deref()) {
            (Some(at), reason) => {
                span.badge { (ctx.t("webhooks.disabled")) } " " (date(ctx, at)) br;
                span.muted { (ctx.t(if reason == Some("failing") { "webhooks.disabled_failing" } else { "webhooks.disabled_operator" })) }
            }
            (None, _) => {
                (ctx.t("webhooks.enabled"))
                @if e.consecutive_failures > 0 {
                    br; span.muted { (ctx.tf("webhooks.failures", &[("n", &e.consecutive_failures.to_string())])) }
                }
            }
        }
    }
}

fn row(ctx: &Ctx, e: &WebhookEndpoint) -> Markup {
    html! {
        tr {
            td { a href=(format!("/admin/webhooks/{}", e.id)) { (e.url) } @if !e.description.is_empty() { br; span.muted { (e.description) } } }
            td { code { (EventType::join(&e.event_types).replace(',', ", ")) } }
            td { (state(ctx, e)) }
            td { (toggle(ctx, e)) }
        }
    }
}

fn toggle(ctx: &Ctx, e: &WebhookEndpoint) -> Markup {
    let enable = e.disabled_at.is_some();
    html! {
        form.inline method="post" action=(format!("/admin/webhooks/{}/enabled", e.id)) {
            (csrf_field(ctx))
            input type="hidden" name="enabled" value=(if enable { "yes" } else { "no" });
            button type="submit" { (ctx.t(if enable { "webhooks.enable" } else { "webhooks.disable" })) }
        }
    }
}

#[derive(Deserialize)]
pub struct AddForm {
    url: String,
    #[serde(default)]
    description: String,
    events: String,
}

/// Adds an endpoint and answers with its secret, shown this once (not a redirect: the secret is
/// in no URL and no later page).
pub async fn add_webhook(
    s: Signed,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<AddForm>,
) -> Result<Response, WebError> {
    let r = s
        .ctx
        .state
        .app
        .admin_webhook_add(&s.sess, &f.url, &f.description, &f.events)
        .await;
    let none = crate::pages::done::Done::default();
    match r {
        Ok(added) => {
            let url = f.url.trim().to_owned();
            let answer = Answer::Added {
                url,
                secret: added.secret,
            };
            list_page(&s, &none, Some(answer), "").await
        }
        Err(e @ AppError::Invalid(_)) => {
            list_page(&s, &none, Some(Answer::Refused(e)), &f.url).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EnabledForm {
    enabled: String,
}

pub async fn set_webhook_enabled(
    s: Signed,
    Path(id): Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<EnabledForm>,
) -> Result<Response, WebError> {
    let id = guichet_app::error::parse_id(&id)?;
    let enabled = match f.enabled.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::invalid("enabled", "field.choice").into()),
    };
    let done = match s
        .ctx
        .state
        .app
        .admin_webhook_set_enabled(&s.sess, id, enabled)
        .await
    {
        Ok(()) if enabled => "webhooks.enabled_done",
        Ok(()) => "webhooks.disabled_done",
        Err(AppError::Conflict(_)) => "webhooks.already",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/admin/webhooks?done={done}")).into_response())
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    confirm: String,
}

/// Deletes an endpoint with its log, once the operator ticked the confirmation.
pub async fn delete_webhook(
    s: Signed,
    Path(id): Path<String>,
    crate::csrf::CsrfForm(f): crate::csrf::CsrfForm<DeleteForm>,
) -> Result<Response, WebError> {
    let id: guichet_core::WebhookEndpointId = guichet_app::error::parse_id(&id)?;
    if f.confirm != "yes" {
        return Ok(Redirect::to(&format!(
            "/admin/webhooks/{id}?done=webhooks.confirm_needed"
        ))
        .into_response());
    }
    s.ctx.state.app.admin_webhook_remove(&s.sess, id).await?;
    Ok(Redirect::to("/admin/webhooks?done=webhooks.removed").into_response())
}

/// Replays one delivery: it is sent again (same event, same `webhook-id`) by the next pass.
pub async fn replay_webhook(
    s: Signed,
    Path(id): Path<String>,
    crate::csrf::CsrfForm(_): crate::csrf::CsrfForm<crate::pages::done::Done>,
) -> Result<Response, WebError> {
    let id = guichet_app::error::parse_id(&id)?;
    let (endpoint, done) = match s.ctx.state.app.admin_webhook_replay(&s.sess, id).await {
        Ok(endpoint) => (endpoint.to_string(), "webhooks.replayed"),
        Err(AppError::Conflict(k)) => return Err(AppError::Conflict(k).into()),
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/admin/webhooks/{endpoint}?done={done}")).into_response())
}

/// An endpoint's delivery log: each event sent, its state, each attempt's response code or error.
pub async fn webhook_log(
    s: Signed,
    Path(id): Path<String>,
    Query(q): Query<crate::pages::done::Done>,
) -> Result<Markup, WebError> {
    let id = guichet_app::error::parse_id(&id)?;
    let log = s.ctx.state.app.admin_webhook_log(&s.sess, id).await?;
    let ctx = &s.ctx;
    let e = &log.endpoint;
    Ok(admin_page(
        ctx,
        ctx.t("webhooks.log"),
        html! {
            p { a href="/admin/webhooks" { "← " (ctx.t("webhooks.title")) } }
            h1 { (ctx.t("webhooks.log")) }
            (crate::pages::done::done_notice(ctx, &q))
            div.card {
                p { code { (e.url) } @if !e.description.is_empty() { " — " (e.description) } }
                p { (ctx.t("webhooks.events")) ": " code { (EventType::join(&e.event_types).replace(',', ", ")) } }
                p { (state(ctx, e)) }
                (toggle(ctx, e))
            }
            div.card {
                @if log.deliveries.is_empty() {
                    p.empty { (ctx.t("webhooks.log_empty")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr {
                            th { (ctx.t("webhooks.col_event")) }
                            th { (ctx.t("webhooks.state")) }
                            th { (ctx.t("webhooks.col_attempts")) }
                            th { (ctx.t("webhooks.actions")) }
                        } }
                        tbody { @for (d, attempts) in &log.deliveries { (delivery(ctx, d, attempts)) } }
                    } }
                }
            }
            div.card {
                h2 { (ctx.t("webhooks.delete")) }
                form method="post" action=(format!("/admin/webhooks/{}/delete", e.id)) {
                    (csrf_field(ctx))
                    label { input type="checkbox" name="confirm" value="yes" required; " " (ctx.t("webhooks.delete_confirm")) }
                    button.danger type="submit" { (ctx.t("webhooks.delete")) }
                }
            }
        },
    ))
}

fn delivery(ctx: &Ctx, d: &WebhookDelivery, attempts: &[WebhookAttempt]) -> Markup {
    let st = d.state();
    html! {
        tr {
            td { (date(ctx, d.event_at)) br; code { (d.event_type.as_str()) } br; code.muted { (d.event_id) } }
            td {
                (ctx.t(&format!("webhooks.delivery_{}", st.as_str())))
                @if st == DeliveryState::Failed {
                    br; span.muted { (ctx.tf("webhooks.next_attempt", &[("date", &date(ctx, d.next_attempt_at))])) }
                }
            }
            td {
                @if attempts.is_empty() { span.muted { "—" } }
                ol { @for a in attempts {
                    li {
                        (date(ctx, a.outcome.at)) " · "
                        @match (a.outcome.response_code, &a.outcome.error) {
                            (Some(code), _) => { "HTTP " strong { (code) } }
                            (None, Some(err)) => { (ctx.t("webhooks.no_answer")) " " span.muted { (err) } }
                            (None, None) => { (ctx.t("webhooks.no_answer")) }
                        }
                        " · " (a.outcome.duration_ms) " ms"
                    }
                } }
            }
            td {
                form.inline method="post" action=(format!("/admin/webhooks/deliveries/{}/replay", d.id)) {
                    (csrf_field(ctx))
                    button type="submit" { (ctx.t("webhooks.replay")) }
                }
            }
        }
    }
}
