//! Work teams in the Manager (TEAM-01…06): list and create; a team's page with its members (several
//! added at once), its leader, its rights per product, and its deletion; who can access a product.

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, field, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::AppError;
use guichet_app::teams::TeamInput;
use guichet_core::UserId;
use guichet_core::grants::Rights;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The four rights a team has on a product (TEAM-01), each a column of the rights form.
const RIGHTS: [(&str, &str); 4] = [
    ("technical", "rights.technical"),
    ("statistics", "rights.statistics"),
    ("tickets", "rights.tickets"),
    ("sales", "rights.sales"),
];

pub async fn list(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let teams = o.ctx.state.app.teams(&o.actor).await?;
    let ctx = &o.ctx;
    Ok(manager(
        &o,
        Nav::Teams,
        ctx.t("nav.teams"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                @if teams.is_empty() { p.empty { (ctx.t("empty.teams")) } }
                @else {
                    ul { @for t in &teams { li { span class={ "badge team " (crate::team_colour::class(&t.colour)) } aria-hidden="true" { " " } " " a href=(format!("/teams/{}", t.id)) { (t.name) } } } }
                }
            }
            div.card {
                h2 { (ctx.t("teams.create")) }
                form.inline method="post" action="/teams" {
                    (csrf_field(ctx))
                    (field(ctx, "name", "field.name_label", "text", "", &[]))
                    div.field { label for="f-colour" { (ctx.t("teams.colour")) } input id="f-colour" name="colour" type="color" value="#0b5cad"; }
                    button type="submit" { (ctx.t("teams.create")) }
                }
            }
        },
    ))
}

pub async fn create(o: InOrg, CsrfForm(f): CsrfForm<TeamInput>) -> Result<Response, WebError> {
    let id = o.ctx.state.app.create_team(&o.actor, &f).await?;
    Ok(Redirect::to(&format!("/teams/{id}?done=teams.created")).into_response())
}

pub async fn show(
    o: InOrg,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    let app = &o.ctx.state.app;
    let v = app.team(&o.actor, id).await?;
    let members = app.members(&o.actor).await?;
    let products = app.products(&o.actor).await?;
    let ctx = &o.ctx;
    let rights_of = |p: guichet_core::ProductId| {
        v.products
            .iter()
            .find(|(id, _, _)| *id == p)
            .map(|(_, _, r)| *r)
            .unwrap_or_default()
    };
    let now = app.now();
    Ok(manager(
        &o,
        Nav::Teams,
        &v.team.name,
        html! {
            (done_notice(ctx, &d))
            div.card {
                form.inline method="post" action=(format!("/teams/{id}")) {
                    (csrf_field(ctx))
                    (field(ctx, "name", "field.name_label", "text", &v.team.name, &[]))
                    div.field { label for="f-colour" { (ctx.t("teams.colour")) } input id="f-colour" name="colour" type="color" value=(v.team.colour); }
                    div.field {
                        label for="f-leader" { (ctx.t("teams.leader")) }
                        select id="f-leader" name="leader" {
                            option value="" { "—" }
                            @for (u, n, _) in &v.members { option value=(u) selected[v.team.leader_id == Some(*u)] { (n) } }
                        }
                    }
                    button type="submit" { (ctx.t("form.save")) }
                }
            }
            div.card {
                h2 { (ctx.t("teams.members")) }
                @if v.members.is_empty() { p.empty { (ctx.t("teams.no_members")) } }
                ul {
                    @for (u, n, e) in &v.members {
                        li { (n) " — " (e) " "
                            form method="post" action=(format!("/teams/{id}/members/{u}/remove")) { (csrf_field(ctx)) button.link type="submit" { (ctx.t("members.remove")) } }
                        }
                    }
                }
                @if !v.invited.is_empty() {
                    h3 { (ctx.t("teams.invited_title")) }
                    ul #team-invited {
                        @for i in &v.invited {
                            li {
                                (i.email) " — "
                                span.muted { (guichet_core::i18n::tf(ctx.lang, "teams.invited_on", &[("date", &date(ctx, i.created_at))])) }
                                @if i.expires_at < now { " " span.badge { (ctx.t("teams.invitation_expired")) } }
                            }
                        }
                    }
                    p.muted { (ctx.t("teams.invited_help")) " " a href="/users" { (ctx.t("nav.users")) } }
                }
                form method="post" action=(format!("/teams/{id}/members")) {
                    (csrf_field(ctx))
                    fieldset {
                        legend { (ctx.t("teams.add_members")) }
                        @for m in members.iter().filter(|m| !v.members.iter().any(|(u, _, _)| *u == m.membership.user_id)) {
                            label { input type="checkbox" name=(format!("m_{}", m.membership.user_id)) value="1"; " " (m.name) " (" (m.email) ")" } br;
                        }
                    }
                    div.field {
                        label for="f-emails" { (ctx.t("teams.invite_outsiders")) }
                        textarea id="f-emails" name="emails" rows="2" placeholder="nom@exemple.ch" {}
                    }
                    button type="submit" { (ctx.t("teams.add")) }
                }
                p.muted { (ctx.t("teams.externals_help")) }
            }
            div.card #team-rights {
                h2 { (ctx.t("teams.products")) }
                @if products.is_empty() {
                    p.empty { (ctx.t("empty.products")) }
                } @else {
                    form method="post" action=(format!("/teams/{id}/products")) {
                        (csrf_field(ctx))
                        div.table-wrap tabindex="0" {
                            table {
                                thead {
                                    tr {
                                        th scope="col" { (ctx.t("product.name")) }
                                        @for (_, key) in RIGHTS { th scope="col" { (ctx.t(key)) } }
                                    }
                                }
                                tbody {
                                    @for p in &products {
                                        @let r = rights_of(p.id);
                                        tr {
                                            th scope="row" {
                                                input type="hidden" name="product" value=(p.id);
                                                (p.name) br;
                                                a href=(format!("/products/{}/access", p.id)) { (ctx.t("teams.who_can_access")) }
                                            }
                                            @for (name, key) in RIGHTS {
                                                @let on = match name { "technical" => r.technical, "statistics" => r.statistics, "tickets" => r.tickets, _ => r.sales };
                                                td {
                                                    label {
                                                        input type="checkbox" name=(format!("{name}_{}", p.id)) value="1" checked[on];
                                                        span.visually-hidden { (ctx.t(key)) " — " (p.name) }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        p.actions { button type="submit" { (ctx.t("form.save")) } }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("teams.delete")) }
                p.muted { (ctx.t("teams.delete_help")) }
                form method="post" action=(format!("/teams/{id}/delete")) {
                    (csrf_field(ctx))
                    label { input type="checkbox" name="confirm" value="1" required; " " (ctx.t("teams.delete_confirm")) } " "
                    button.danger type="submit" { (ctx.t("teams.delete")) }
                }
            }
        },
    ))
}

pub async fn update(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<TeamInput>,
) -> Result<Response, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    o.ctx.state.app.update_team(&o.actor, id, &f).await?;
    Ok(Redirect::to(&format!("/teams/{id}?done=form.saved")).into_response())
}

pub async fn add_members(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    let users: Vec<UserId> = f
        .keys()
        .filter_map(|k| k.strip_prefix("m_"))
        .filter_map(|u| u.parse().ok())
        .collect();
    // TEAM-02: addresses of people from outside, separated by commas, spaces or new lines.
    let emails: Vec<String> = f
        .get("emails")
        .map(|e| {
            e.split([',', ';', ' ', '\n', '\r'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let invited = o
        .ctx
        .state
        .app
        .add_team_people(&o.actor, id, &users, &emails)
        .await?;
    let done = if invited.is_empty() {
        "teams.members_added"
    } else {
        "teams.outsiders_invited"
    };
    Ok(Redirect::to(&format!("/teams/{id}?done={done}")).into_response())
}

pub async fn remove_member(
    o: InOrg,
    Path((id, user)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    let user: UserId = user.parse().map_err(|_| WebError(AppError::NotFound))?;
    o.ctx
        .state
        .app
        .remove_team_member(&o.actor, id, user)
        .await?;
    Ok(Redirect::to(&format!("/teams/{id}?done=teams.member_removed")).into_response())
}

#[derive(Deserialize)]
pub struct RightsForm {
    technical: Option<String>,
    statistics: Option<String>,
    tickets: Option<String>,
    sales: Option<String>,
}

pub async fn set_product(
    o: InOrg,
    Path((id, product)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<RightsForm>,
) -> Result<Response, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    let r = Rights {
        technical: f.technical.is_some(),
        statistics: f.statistics.is_some(),
        tickets: f.tickets.is_some(),
        sales: f.sales.is_some(),
    };
    o.ctx
        .state
        .app
        .set_team_product(&o.actor, id, product, r)
        .await?;
    Ok(Redirect::to(&format!("/teams/{id}?done=form.saved")).into_response())
}

/// TEAM-01: the rights form of the team page — every product listed in it (`product`), each
/// right a box named `<right>_<product>`; saved at once.
pub async fn set_products(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    let on = |name: &str, p: &str| {
        f.iter()
            .any(|(k, v)| v == "1" && *k == format!("{name}_{p}"))
    };
    let mut wanted = Vec::new();
    for (_, p) in f.iter().filter(|(k, _)| k == "product") {
        let product: guichet_core::ProductId = guichet_app::error::parse_id(p)?;
        wanted.push((
            product,
            Rights {
                technical: on("technical", p),
                statistics: on("statistics", p),
                tickets: on("tickets", p),
                sales: on("sales", p),
            },
        ));
    }
    o.ctx
        .state
        .app
        .set_team_products(&o.actor, id, &wanted)
        .await?;
    Ok(Redirect::to(&format!("/teams/{id}?done=form.saved")).into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    confirm: Option<String>,
}

pub async fn delete(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ConfirmForm>,
) -> Result<Response, WebError> {
    let id: guichet_core::TeamId = guichet_app::error::parse_id(&id)?;
    if f.confirm.is_none() {
        return Err(AppError::invalid("confirm", "form.confirm_needed").into());
    }
    o.ctx.state.app.delete_team(&o.actor, id).await?;
    Ok(Redirect::to("/teams?done=teams.deleted").into_response())
}

/// Who can access a product, and why.
pub async fn access(o: InOrg, Path(product): Path<String>) -> Result<Markup, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let lines = o.ctx.state.app.product_access(&o.actor, product).await?;
    let ctx = &o.ctx;
    let reason = |r: &str| match r.strip_prefix("team:") {
        Some(team) => format!("{} {team}", ctx.t("access.team")),
        None => ctx.t(&format!("access.{r}")).to_string(),
    };
    Ok(manager(
        &o,
        Nav::Products,
        ctx.t("teams.who_can_access"),
        html! {
            div.table-wrap tabindex="0" { table {
                thead { tr { th { (ctx.t("field.name_label")) } th { (ctx.t("access.rights")) } th { (ctx.t("access.why")) } } }
                tbody {
                    @for l in &lines {
                        tr {
                            td { (l.name) br; span.muted { (l.email) } }
                            td {
                                @for (k, on) in [("technical", l.rights.technical), ("statistics", l.rights.statistics), ("tickets", l.rights.tickets), ("sales", l.rights.sales)] {
                                    @if on { span.badge { (ctx.t(&format!("rights.{k}"))) } " " }
                                }
                            }
                            td { (l.reasons.iter().map(|r| reason(r)).collect::<Vec<_>>().join(", ")) }
                        }
                    }
                }
            } }
        },
    ))
}
