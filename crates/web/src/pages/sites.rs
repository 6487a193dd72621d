//! Web hosting in the Manager (SPEC §9): a hosting's page (server prefix, sites, databases and users
//! with confirmation before deleting), and a site's Advanced settings → PHP / Apache (the MySQL
//! prefix toggle with its before → after confirmation, environment variables, the configuration
//! download).

use crate::csrf::CsrfForm;
use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, field, form_errors, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::sites::{CreatedUser, DatabaseInput, DbUserInput, EnvInput, SiteInput};
use guichet_app::{AppError, FieldError};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::BTreeMap;

async fn hosting_page(
    o: &InOrg,
    product: &str,
    errors: &[FieldError],
    d: &Done,
    created: Option<&CreatedUser>,
) -> Result<Markup, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(product)?;
    let v = o.ctx.state.app.hosting(&o.actor, product).await?;
    let ctx = &o.ctx;
    let base = format!("/products/{product}");
    let prefix = v.prefix.as_deref().map(|p| format!("{p}_"));
    Ok(manager(
        o,
        Nav::Products,
        &v.product_name,
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &[]))
            @if let Some(c) = created {
                @if let Some(pw) = &c.generated_password {
                    p.notice role="status" { (ctx.tf("sites.password_once", &[("user", &c.user.name)])) " " code { (pw) } }
                }
            }
            div.card {
                dl {
                    dt { (ctx.t("sites.prefix")) }
                    dd { @if let Some(p) = &prefix { code { (p) } } @else { (ctx.t("sites.prefix_unassigned")) } }
                }
                @if !v.provisioning { p.warning role="status" { (ctx.t("sites.provisioning_off")) } }
                p { a href=(base.clone()) { (ctx.t("sites.back_to_product")) } }
            }
            div.card {
                h2 { (ctx.t("sites.sites")) }
                @if v.sites.is_empty() { p.empty { (ctx.t("sites.no_sites")) } }
                @else {
                    ul { @for s in &v.sites {
                        li { a href=(format!("{base}/sites/{}", s.id)) { (s.domain) } " — " (ctx.t("sites.mysql_prefix")) " " (ctx.t(if s.mysql_prefix { "sites.on" } else { "sites.off" })) }
                    } }
                }
                form.inline method="post" action=(format!("{base}/sites")) {
                    (csrf_field(ctx))
                    (field(ctx, "domain", "sites.domain", "text", "", &[]))
                    button type="submit" { (ctx.t("sites.add_site")) }
                }
            }
            div.card {
                h2 { (ctx.t("sites.databases")) }
                @if v.databases.is_empty() { p.empty { (ctx.t("sites.no_databases")) } }
                @else {
                    div.table-wrap tabindex="0" { table { tbody { @for db in &v.databases {
                        tr { td { code { (db.name) } } td { a href=(format!("{base}/databases/{}/delete", db.id)) { (ctx.t("sites.delete")) } } }
                    } } } }
                }
                @if v.provisioning {
                    form.inline method="post" action=(format!("{base}/databases")) {
                        (csrf_field(ctx))
                        (field(ctx, "name", "sites.db_name", "text", "", &[]))
                        button type="submit" { (ctx.t("sites.create_database")) }
                    }
                    p.muted { (ctx.tf("sites.name_help", &[("prefix", prefix.as_deref().unwrap_or("wxyz_"))])) }
                }
            }
            div.card {
                h2 { (ctx.t("sites.users")) }
                @if v.users.is_empty() { p.empty { (ctx.t("sites.no_users")) } }
                @else {
                    div.table-wrap tabindex="0" { table { tbody { @for u in &v.users {
                        tr { td { code { (u.name) } } td { (u.databases.join(", ")) } td { a href=(format!("{base}/db-users/{}/delete", u.id)) { (ctx.t("sites.delete")) } } }
                    } } } }
                }
                @if v.provisioning && !v.databases.is_empty() {
                    form method="post" action=(format!("{base}/db-users")) {
                        (csrf_field(ctx))
                        (field(ctx, "name", "sites.user_name", "text", "", &[]))
                        (field(ctx, "password", "sites.password", "password", "", &[]))
                        p.muted { (ctx.t("sites.password_help")) }
                        fieldset {
                            legend { (ctx.t("sites.user_databases")) }
                            @for db in &v.databases {
                                label { input type="checkbox" name=(format!("db_{}", db.id)) value="1"; " " code { (db.name) } } br;
                            }
                        }
                        button type="submit" { (ctx.t("sites.create_user")) }
                    }
                }
            }
        },
    ))
}

/// Where a form goes once done (`Ok`, a redirect to that address); on an invalid form, 422 with the
/// page again; anything else as an error page.
async fn or_form(
    o: &InOrg,
    product: guichet_core::ProductId,
    r: Result<String, AppError>,
) -> Result<Response, WebError> {
    match r {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            hosting_page(o, &product.to_string(), &errs, &Done::default(), None).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn hosting(
    o: InOrg,
    Path(product): Path<String>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    hosting_page(&o, &product, &[], &d, None).await
}

pub async fn create_site(
    o: InOrg,
    Path(product): Path<String>,
    CsrfForm(f): CsrfForm<SiteInput>,
) -> Result<Response, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let app = &o.ctx.state.app;
    let r = app.create_site(&o.actor, product, &f).await;
    let to = r.map(|id| format!("/products/{product}/sites/{id}?done=sites.site_created"));
    or_form(&o, product, to).await
}

pub async fn create_database(
    o: InOrg,
    Path(product): Path<String>,
    CsrfForm(f): CsrfForm<DatabaseInput>,
) -> Result<Response, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let app = &o.ctx.state.app;
    let r = app.create_database(&o.actor, product, &f).await;
    let to = r.map(|_| format!("/products/{product}/sites?done=sites.database_created"));
    or_form(&o, product, to).await
}

pub async fn create_user(
    o: InOrg,
    Path(product): Path<String>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let input = DbUserInput {
        name: f.get("name").cloned().unwrap_or_default(),
        password: f.get("password").cloned(),
        databases: f
            .iter()
            .filter(|(k, v)| k.starts_with("db_") && v.as_str() == "1")
            .map(|(k, _)| k[3..].to_string())
            .collect(),
    };
    match o
        .ctx
        .state
        .app
        .create_db_user(&o.actor, product, &input)
        .await
    {
        // The generated password is shown on this answer only (no redirect that would lose it).
        Ok(c) => Ok(hosting_page(
            &o,
            &product.to_string(),
            &[],
            &Done {
                done: Some("sites.user_created".into()),
            },
            Some(&c),
        )
        .await?
        .into_response()),
        Err(e) => or_form(&o, product, Err(e)).await,
    }
}

pub async fn delete_database_page(
    o: InOrg,
    Path((product, id)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    delete_page(o, product, "databases", id).await
}

pub async fn delete_user_page(
    o: InOrg,
    Path((product, id)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    delete_page(o, product, "db-users", id).await
}

pub async fn delete_database(
    o: InOrg,
    Path((product, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let id: guichet_core::DatabaseId = guichet_app::error::parse_id(&id)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let app = &o.ctx.state.app;
    app.delete_database(&o.actor, product, id).await?;
    Ok(deleted(product))
}

pub async fn delete_user(
    o: InOrg,
    Path((product, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let id: guichet_core::DbUserId = guichet_app::error::parse_id(&id)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let app = &o.ctx.state.app;
    app.delete_db_user(&o.actor, product, id).await?;
    Ok(deleted(product))
}

/// Back to the hosting page once a database or a user is deleted.
fn deleted(product: guichet_core::ProductId) -> Response {
    Redirect::to(&format!("/products/{product}/sites?done=sites.deleted")).into_response()
}

/// Confirmation before deleting a database or a user.
async fn delete_page(
    o: InOrg,
    product: String,
    what: &str,
    id: String,
) -> Result<Markup, WebError> {
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let v = o.ctx.state.app.hosting(&o.actor, product).await?;
    let name = match what {
        "databases" => v
            .databases
            .iter()
            .find(|d| d.id.to_string() == id)
            .map(|d| d.name.clone()),
        "db-users" => v
            .users
            .iter()
            .find(|u| u.id.to_string() == id)
            .map(|u| u.name.clone()),
        _ => None,
    }
    .ok_or(AppError::NotFound)?;
    let ctx = &o.ctx;
    let key = if what == "databases" {
        "sites.delete_database_warning"
    } else {
        "sites.delete_user_warning"
    };
    Ok(manager(
        &o,
        Nav::Products,
        ctx.t("sites.delete_title"),
        html! {
            div.card {
                p.warning { (ctx.tf(key, &[("name", &name)])) }
                form method="post" action=(format!("/products/{product}/{what}/{id}/delete")) {
                    (csrf_field(ctx))
                    button.danger type="submit" { (ctx.t("sites.delete")) }
                    " " a href=(format!("/products/{product}/sites")) { (ctx.t("form.cancel")) }
                }
            }
        },
    ))
}

async fn site_page(
    o: &InOrg,
    product: guichet_core::ProductId,
    site: guichet_core::SiteId,
    errors: &[FieldError],
    d: &Done,
    confirm_off: bool,
) -> Result<Markup, WebError> {
    let v = o.ctx.state.app.site(&o.actor, product, site).await?;
    let ctx = &o.ctx;
    let base = format!("/products/{product}/sites/{site}");
    Ok(manager(
        o,
        Nav::Products,
        &v.site.domain,
        html! {
            (done_notice(ctx, d))
            (form_errors(ctx, errors, &["name", "value"]))
            p { a href=(format!("/products/{product}/sites")) { (ctx.t("sites.back_to_hosting")) } }
            h2 { (ctx.t("sites.advanced")) " → PHP / Apache" }
            div.card {
                h3 { (ctx.t("sites.mysql_prefix")) }
                p.muted { (ctx.tf("sites.prefix_help", &[("prefix", &format!("{}_", v.prefix))])) }
                @if confirm_off {
                    p.warning role="alert" { (ctx.t("sites.prefix_off_warning")) }
                    @if v.changes_if_off.is_empty() { p.empty { (ctx.t("sites.prefix_no_changes")) } }
                    @else {
                        div.table-wrap tabindex="0" { table {
                            thead { tr { th { (ctx.t("sites.change_kind")) } th { (ctx.t("sites.before")) } th { (ctx.t("sites.after")) } } }
                            tbody { @for c in &v.changes_if_off {
                                tr { td { (ctx.t(&format!("sites.kind.{}", c.kind))) } td { code { (c.before) } } td { code { (c.after) } } }
                            } }
                        } }
                    }
                    form method="post" action=(format!("{base}/prefix")) {
                        (csrf_field(ctx))
                        input type="hidden" name="on" value="0";
                        input type="hidden" name="confirm" value="1";
                        button.danger type="submit" { (ctx.t("sites.prefix_confirm_off")) }
                        " " a href=(base.clone()) { (ctx.t("form.cancel")) }
                    }
                } @else {
                    p { strong { (ctx.t(if v.site.mysql_prefix { "sites.on" } else { "sites.off" })) } }
                    form method="post" action=(format!("{base}/prefix")) {
                        (csrf_field(ctx))
                        input type="hidden" name="on" value=(if v.site.mysql_prefix { "0" } else { "1" });
                        button type="submit" { (ctx.t(if v.site.mysql_prefix { "sites.switch_off" } else { "sites.switch_on" })) }
                    }
                }
            }
            div.card {
                h3 { (ctx.t("env.title")) }
                p.muted { (ctx.t("env.help")) }
                @if v.env.is_empty() { p.empty { (ctx.t("env.none")) } }
                @else {
                    div.table-wrap tabindex="0" { table { tbody { @for e in &v.env {
                        tr {
                            td { code { (e.name) } }
                            td { @if let Some(val) = &e.value { code { (val) } } @else { span.muted { "•••••••• (" (ctx.t("env.secret")) ")" } } }
                            td { form method="post" action=(format!("{base}/env/{}/delete", e.name)) { (csrf_field(ctx)) button.link type="submit" { (ctx.t("sites.delete")) } } }
                        }
                    } } } }
                }
                form method="post" action=(format!("{base}/env")) {
                    (csrf_field(ctx))
                    (field(ctx, "name", "env.name", "text", "", errors))
                    (field(ctx, "value", "env.value", "text", "", errors))
                    label { input type="checkbox" name="secret" value="1"; " " (ctx.t("env.secret")) }
                    " " button type="submit" { (ctx.t("form.save")) }
                }
            }
            div.card {
                p { a href=(format!("{base}/config")) download { (ctx.t("sites.download_config")) } }
                form method="post" action=(format!("{base}/delete")) {
                    (csrf_field(ctx))
                    label { input type="checkbox" name="confirm" value="1" required; " " (ctx.t("sites.delete_site_confirm")) }
                    " " button.danger type="submit" { (ctx.t("sites.delete_site")) }
                }
            }
        },
    ))
}

pub async fn site(
    o: InOrg,
    Path((product, site)): Path<(String, String)>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    site_page(
        &o,
        guichet_app::error::parse_id(&product)?,
        guichet_app::error::parse_id(&site)?,
        &[],
        &d,
        false,
    )
    .await
}

#[derive(Deserialize)]
pub struct PrefixForm {
    on: String,
    #[serde(default)]
    confirm: Option<String>,
}

pub async fn set_prefix(
    o: InOrg,
    Path((product, site)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<PrefixForm>,
) -> Result<Response, WebError> {
    let site: guichet_core::SiteId = guichet_app::error::parse_id(&site)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let on = f.on == "1";
    let confirmed = f.confirm.as_deref() == Some("1");
    match o
        .ctx
        .state
        .app
        .set_mysql_prefix(&o.actor, product, site, on, confirmed)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/products/{product}/sites/{site}?done=form.saved"))
                .into_response(),
        ),
        // DB-03: the list and the warning first.
        Err(AppError::Invalid(e)) if e.iter().any(|f| f.field == "confirm") => {
            Ok(site_page(&o, product, site, &[], &Done::default(), true)
                .await?
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct EnvForm {
    name: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    secret: Option<String>,
}

pub async fn set_env(
    o: InOrg,
    Path((product, site)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<EnvForm>,
) -> Result<Response, WebError> {
    let site: guichet_core::SiteId = guichet_app::error::parse_id(&site)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let input = EnvInput {
        name: f.name,
        value: f.value,
        secret: f.secret.as_deref() == Some("1"),
    };
    match o
        .ctx
        .state
        .app
        .set_env(&o.actor, product, site, &input)
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/products/{product}/sites/{site}?done=form.saved"))
                .into_response(),
        ),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            site_page(&o, product, site, &errs, &Done::default(), false).await?,
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_env(
    o: InOrg,
    Path((product, site, name)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<super::auth::Empty>,
) -> Result<Response, WebError> {
    let site: guichet_core::SiteId = guichet_app::error::parse_id(&site)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    o.ctx
        .state
        .app
        .delete_env(&o.actor, product, site, &name)
        .await?;
    Ok(Redirect::to(&format!("/products/{product}/sites/{site}?done=form.saved")).into_response())
}

pub async fn delete_site(
    o: InOrg,
    Path((product, site)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let site: guichet_core::SiteId = guichet_app::error::parse_id(&site)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    if f.get("confirm").map(String::as_str) != Some("1") {
        return Err(AppError::invalid("confirm", "form.confirm_needed").into());
    }
    o.ctx.state.app.delete_site(&o.actor, product, site).await?;
    Ok(Redirect::to(&format!("/products/{product}/sites?done=sites.deleted")).into_response())
}

pub async fn config(
    o: InOrg,
    Path((product, site)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let site: guichet_core::SiteId = guichet_app::error::parse_id(&site)?;
    let product: guichet_core::ProductId = guichet_app::error::parse_id(&product)?;
    let (_, text) = o.ctx.state.app.site_config(&o.actor, product, site).await?;
    Ok(crate::download::config_response(text))
}
