//! The Support page (the Manager's help window for people): one's support code (SUP-01), Premium
//! Support with the VIP code and contact channels (SUP-02), and — for LR/Admin — temporary access
//! for the provider's support, granted, listed and revoked here (SUP-03).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::support::{GrantInput, channels};
use guichet_core::Action;
use maud::{Markup, html};
use std::collections::BTreeMap;

fn duration_key(hours: i64) -> Option<&'static str> {
    match hours {
        1 => Some("support.duration_1h"),
        24 => Some("support.duration_24h"),
        168 => Some("support.duration_7d"),
        _ => None,
    }
}

pub async fn page(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let app = &o.ctx.state.app;
    let v = app.support_view(&o.actor).await?;
    let may_grant = o.actor.can(Action::GrantSupportAccess);
    let products = if may_grant {
        app.products(&o.actor).await?
    } else {
        Vec::new()
    };
    let now = app.now();
    let ctx = &o.ctx;
    let hours_label = |h: i64| match duration_key(h) {
        Some(k) => ctx.t(k).to_string(),
        None => format!("{h} h"),
    };
    let product_name = |id: &guichet_core::ProductId| {
        products
            .iter()
            .find(|p| p.id == *id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    Ok(manager(
        &o,
        Nav::Support,
        ctx.t("nav.support"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                h2 { (ctx.t("profile.support_code")) }
                p { strong.code { (o.sess.user.support_code) } }
                p.muted { (ctx.t("profile.support_code_help")) }
            }
            div.card #premium {
                h2 { (ctx.t("premium.title")) }
                @if let Some(p) = &v.premium {
                    p { (p.name) @if let Some(e) = &p.expires_on { " — " (ctx.t("premium.until")) " " (guichet_core::human::date(*e)) } }
                    @if let Some(code) = &p.vip_code {
                        p { (ctx.t("premium.vip_code")) " " strong.code #vip-code { (code) } }
                        p.muted { (ctx.t("premium.vip_help")) }
                    }
                    h3 { (ctx.t("premium.channels")) }
                    ul {
                        @for (key, value) in channels(app, p.tier) {
                            li { (ctx.t(key)) @if !value.is_empty() { " " strong { (value) } } }
                        }
                    }
                    p.muted { (ctx.t("premium.terms")) }
                } @else {
                    p.empty #no-premium { (ctx.t("premium.none")) }
                    @if !v.premium_offers.is_empty() {
                        ul { @for (_, name, _) in &v.premium_offers { li { (name) } } }
                    }
                    p { a href="/products" { (ctx.t("premium.how_to_get")) } }
                    p.muted { (ctx.t("premium.terms")) }
                }
            }
            @if may_grant {
                div.card #support-access {
                    h2 { (ctx.t("support.access_title")) }
                    p.muted { (ctx.t("support.access_help")) }
                    form method="post" action="/support/access" {
                        (csrf_field(ctx))
                        div.field {
                            label for="f-hours" { (ctx.t("support.duration")) }
                            select id="f-hours" name="hours" {
                                @for h in &v.durations { option value=(h) { (hours_label(*h)) } }
                            }
                        }
                        fieldset {
                            legend { (ctx.t("support.scope")) }
                            label { input type="radio" name="scope" value="org" checked; " " (ctx.t("support.scope_all")) } br;
                            label { input type="radio" name="scope" value="products"; " " (ctx.t("support.scope_products")) } br;
                            @for p in &products {
                                label { input type="checkbox" name=(format!("p_{}", p.id)) value="1"; " " (p.name) } br;
                            }
                        }
                        button type="submit" { (ctx.t("support.grant")) }
                    }
                    @if v.grants.is_empty() {
                        p.empty { (ctx.t("support.no_grants")) }
                    } @else {
                        div.table-wrap tabindex="0" { table {
                            thead { tr { th { (ctx.t("support.scope")) } th { (ctx.t("support.granted_at")) } th { (ctx.t("support.expires_at")) } th { (ctx.t("support.state")) } th {} } }
                            tbody {
                                @for g in &v.grants {
                                    tr {
                                        td { @if g.whole_org { (ctx.t("support.scope_all")) } @else { (g.products.iter().map(&product_name).collect::<Vec<_>>().join(", ")) } }
                                        td { (date(ctx, g.created_at)) }
                                        td { (date(ctx, g.expires_at)) }
                                        td {
                                            @if g.live(now) { span.badge { (ctx.t("support.state_live")) } }
                                            @else if g.revoked_at.is_some() { (ctx.t("support.state_revoked")) }
                                            @else { (ctx.t("support.state_expired")) }
                                        }
                                        td {
                                            @if g.live(now) {
                                                form method="post" action=(format!("/support/access/{}/revoke", g.id)) {
                                                    (csrf_field(ctx))
                                                    button.secondary type="submit" { (ctx.t("support.revoke")) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        } }
                    }
                }
            }
        },
    ))
}

pub async fn grant(
    o: InOrg,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let input = GrantInput {
        hours: f.get("hours").and_then(|h| h.parse().ok()).unwrap_or(0),
        whole_org: f.get("scope").map(String::as_str) != Some("products"),
        products: f
            .keys()
            .filter_map(|k| k.strip_prefix("p_"))
            .map(str::to_string)
            .collect(),
    };
    o.ctx
        .state
        .app
        .grant_support_access(&o.actor, &input)
        .await?;
    Ok(Redirect::to("/support?done=support.granted_done#support-access").into_response())
}

pub async fn revoke(
    o: InOrg,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::pages::auth::Empty>,
) -> Result<Response, WebError> {
    let id: guichet_core::GrantId = guichet_app::error::parse_id(&id)?;
    o.ctx.state.app.revoke_support_access(&o.actor, id).await?;
    Ok(Redirect::to("/support?done=support.revoked_done#support-access").into_response())
}
