//! The person's own settings: name, language, support code (SUP-01); security: password, two-factor
//! authentication (SEC-01), active sessions (SEC-02), personal API tokens.

use crate::cookies;
use crate::csrf::CsrfForm;
use crate::ctx::{InOrg, Signed};
use crate::error::WebError;
use crate::layout::{Nav, csrf_field, date, field, form_errors, manager, notice, public_page};
use crate::pages::auth::Empty;
use crate::pages::done::{Done, done_notice};
use axum::extract::{Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::{AppError, FieldError};
use guichet_core::{ApiTokenId, Lang};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

/// Profile pages work with or without a current Organization (and while 2FA setup is forced): in
/// the Manager's layout when the person works in one (`o`), else the plain layout with a link
/// back to the Manager.
fn shell(s: &Signed, o: Option<&InOrg>, title: &str, body: Markup) -> Markup {
    let ctx = &s.ctx;
    let tabs = html! {
        nav.tabs {
            @if o.is_none() { a href="/" { "← " (ctx.t("nav.home")) } " · " }
            a href="/profile" { (ctx.t("nav.profile")) } " · "
            a href="/profile/security" { (ctx.t("profile.security")) }
        }
    };
    match o {
        Some(o) => manager(o, Nav::Profile, title, html! { (tabs) (body) }),
        None => public_page(
            ctx,
            title,
            html! {
                (tabs)
                h1 { (title) }
                (body)
            },
        ),
    }
}

/// « My Organizations »: each one the person works in, with their role, the way to switch to it
/// and the way to create another.
fn my_orgs(
    ctx: &crate::ctx::Ctx,
    orgs: &[guichet_app::views::MyOrg],
    current: Option<guichet_core::OrgId>,
) -> Markup {
    html! {
        div.card #my-orgs {
            h2 { (ctx.t("profile.my_orgs")) }
            @if orgs.is_empty() {
                p.empty { (ctx.t("profile.no_orgs")) }
            } @else {
                div.table-wrap tabindex="0" {
                    table {
                        thead { tr { th scope="col" { (ctx.t("org.name_label")) } th scope="col" { (ctx.t("profile.my_role")) } th scope="col" { span.visually-hidden { (ctx.t("profile.switch_column")) } } } }
                        tbody {
                            @for m in orgs {
                                tr {
                                    td { (m.name) }
                                    td { (ctx.t(guichet_app::members::role_key(m.role))) }
                                    td {
                                        @if current == Some(m.org_id) {
                                            span.badge { (ctx.t("profile.current_org")) }
                                        } @else {
                                            form method="post" action="/orgs/switch" {
                                                (csrf_field(ctx))
                                                input type="hidden" name="org" value=(m.org_id);
                                                button.secondary type="submit" { (ctx.t("profile.work_in")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p.actions { a.button href="/orgs/new" { (ctx.t("profile.create_org")) } }
        }
    }
}

pub async fn profile(
    s: Signed,
    o: Result<InOrg, Response>,
    Query(d): Query<Done>,
) -> Result<Markup, WebError> {
    let o = o.ok();
    let ctx = &s.ctx;
    let u = &s.sess.user;
    let orgs = match &o {
        Some(o) if o.actor.support.is_none() => o.orgs.clone(),
        _ => ctx.state.app.my_orgs(u.id).await?,
    };
    let current = o.as_ref().map(|o| o.actor.org);
    let reminders: Vec<_> = ctx
        .state
        .app
        .reminder_settings(&s.sess)
        .await?
        .into_iter()
        .filter(|(_, _, billing, _)| *billing)
        .collect();
    Ok(shell(
        &s,
        o.as_ref(),
        ctx.t("nav.profile"),
        html! {
            (done_notice(ctx, &d))
            div.card {
                form method="post" action="/profile" {
                    (csrf_field(ctx))
                    (field(ctx, "name", "field.name_label", "text", &u.name, &[]))
                    p { (ctx.t("profile.email_line")) " " strong { (u.email) } }
                    div.field {
                        label for="f-lang" { (ctx.t("lang.label")) }
                        select id="f-lang" name="lang" {
                            @for l in Lang::ALL { option value=(l.code()) selected[l == u.lang] { (l.native_name()) } }
                        }
                    }
                    button type="submit" { (ctx.t("form.save")) }
                }
            }
            div.card {
                h2 { (ctx.t("profile.support_code")) }
                p { strong.code { (u.support_code) } }
                p.muted { (ctx.t("profile.support_code_help")) }
                form method="post" action="/profile/support-code" {
                    (csrf_field(ctx))
                    button.secondary type="submit" { (ctx.t("profile.support_code_new")) }
                }
            }
            (my_orgs(ctx, &orgs, current))
            div.card id="reminders" {
                h2 { (ctx.t("profile.reminders")) }
                p.muted { (ctx.t("profile.reminders_help")) }
                @if reminders.is_empty() { p.empty { (ctx.t("profile.reminders_none")) } }
                @for (org, name, _, on) in &reminders {
                    form method="post" action="/profile/reminders" {
                        (csrf_field(ctx))
                        input type="hidden" name="org" value=(org);
                        div.field { label { input type="checkbox" name="reminders" value="1" checked[*on]; " " (name) " — " (ctx.t("profile.reminders_on")) } }
                        button.secondary type="submit" { (ctx.t("form.save")) }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct RemindersForm {
    org: String,
    reminders: Option<String>,
}

/// REM-05: the member opts in or out of payment reminders for one of their Organizations.
pub async fn set_reminders(
    s: Signed,
    CsrfForm(f): CsrfForm<RemindersForm>,
) -> Result<Response, WebError> {
    let org = f.org.parse().map_err(|_| AppError::NotFound)?;
    let app = &s.ctx.state.app;
    app.set_reminders_for(&s.sess, org, f.reminders.is_some(), Default::default())
        .await?;
    Ok(Redirect::to("/profile?done=form.saved#reminders").into_response())
}

#[derive(Deserialize)]
pub struct ProfileForm {
    name: String,
    lang: String,
}

pub async fn save_profile(
    s: Signed,
    CsrfForm(f): CsrfForm<ProfileForm>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(&f.lang).ok_or(AppError::invalid("lang", "field.choice"))?;
    let app = &s.ctx.state.app;
    app.update_profile(&s.sess, &f.name, lang).await?;
    let mut res = Redirect::to("/profile?done=form.saved").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(&s.ctx.state, cookies::LANG, lang.code(), Some(31_536_000)),
    );
    Ok(res)
}

pub async fn new_support_code(
    s: Signed,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    s.ctx.state.app.regenerate_support_code(&s.sess).await?;
    Ok(Redirect::to("/profile?done=profile.support_code_done").into_response())
}

#[derive(Deserialize, Default)]
pub struct SecurityQuery {
    done: Option<String>,
    forced: Option<String>,
}

async fn security_page(
    s: &Signed,
    q: &SecurityQuery,
    errors: &[FieldError],
    extra: Option<Markup>,
) -> Result<Markup, WebError> {
    let app = &s.ctx.state.app;
    let ctx = &s.ctx;
    let u = &s.sess.user;
    let sessions = app.my_sessions(u.id).await?;
    let tokens = app.api_tokens(&s.sess).await?;
    let orgs = app.my_orgs(u.id).await?;
    let codes_left = if u.totp_enabled {
        app.recovery_codes_left(&s.sess).await?
    } else {
        0
    };
    let pending = u
        .totp_secret
        .as_deref()
        .filter(|_| !u.totp_enabled)
        .map(|sec| app.totp_pending(sec, &u.email))
        .transpose()?;
    let d = Done {
        done: q.done.clone(),
    };
    Ok(shell(
        s,
        None,
        ctx.t("profile.security"),
        html! {
            @if q.forced.is_some() && !u.totp_enabled { p.warning role="alert" { (ctx.t("totp.forced")) } }
            (done_notice(ctx, &d))
            @if let Some(x) = extra { (x) }
            div.card {
                h2 { (ctx.t("password.change_title")) }
                (form_errors(ctx, errors, &["current", "password", "code"]))
                form method="post" action="/profile/password" {
                    (csrf_field(ctx))
                    (field(ctx, "current", "password.current_label", "password", "", errors))
                    (field(ctx, "password", "field.new_password_label", "password", "", errors))
                    p.muted { (ctx.t("password.rules")) }
                    button type="submit" { (ctx.t("password.change")) }
                }
            }
            div.card {
                h2 { (ctx.t("totp.title")) }
                @if u.totp_enabled {
                    p { (ctx.t("totp.on")) " " span.muted { (guichet_core::i18n::tf(ctx.lang, "totp.codes_left", &[("n", &codes_left.to_string())])) } }
                    form method="post" action="/profile/2fa/disable" {
                        (csrf_field(ctx))
                        (field(ctx, "password", "password.current_label", "password", "", &[]))
                        button.danger type="submit" { (ctx.t("totp.disable")) }
                    }
                } @else if let Some(p) = pending {
                    p { (ctx.t("totp.scan")) }
                    div.qr { (PreEscaped(qr_svg(&p.url))) }
                    p { (ctx.t("totp.secret")) " " code { (p.secret_base32) } }
                    form method="post" action="/profile/2fa/confirm" {
                        (csrf_field(ctx))
                        (field(ctx, "code", "field.code_label", "text", "", errors))
                        button type="submit" { (ctx.t("totp.confirm")) }
                    }
                } @else {
                    p { (ctx.t("totp.off")) }
                    form method="post" action="/profile/2fa/begin" {
                        (csrf_field(ctx))
                        button type="submit" { (ctx.t("totp.enable")) }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("sessions.title")) }
                div.table-wrap tabindex="0" { table {
                    thead { tr { th { (ctx.t("sessions.device")) } th { (ctx.t("sessions.ip")) } th { (ctx.t("sessions.last_seen")) } th {} } }
                    tbody {
                        @for ses in &sessions {
                            tr {
                                td { (ses.user_agent) }
                                td { (ses.ip) }
                                td { (date(ctx, ses.last_seen_at)) }
                                td {
                                    @if ses.id_hash == s.sess.session.id_hash {
                                        span.badge { (ctx.t("sessions.this_one")) }
                                    } @else {
                                        form method="post" action=(format!("/profile/sessions/{}/end", ses.id_hash)) {
                                            (csrf_field(ctx)) button.secondary type="submit" { (ctx.t("sessions.end")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                } }
                @if sessions.len() > 1 {
                    form method="post" action="/profile/sessions/end-others" {
                        (csrf_field(ctx)) button.danger type="submit" { (ctx.t("sessions.end_others")) }
                    }
                }
            }
            div.card {
                h2 { (ctx.t("tokens.title")) }
                p.muted { (ctx.t("tokens.help")) }
                @if tokens.is_empty() {
                    p.empty { (ctx.t("tokens.none")) }
                } @else {
                    div.table-wrap tabindex="0" { table {
                        thead { tr { th { (ctx.t("field.name_label")) } th { (ctx.t("tokens.org")) } th { (ctx.t("tokens.last_used")) } th {} } }
                        tbody {
                            @for t in &tokens {
                                tr {
                                    td { (t.name) }
                                    td { (orgs.iter().find(|o| o.org_id == t.org_id).map(|o| o.name.as_str()).unwrap_or("—")) }
                                    td { (t.last_used_at.map(|at| date(ctx, at)).unwrap_or_else(|| "—".into())) }
                                    td {
                                        form method="post" action=(format!("/profile/tokens/{}/revoke", t.id)) {
                                            (csrf_field(ctx)) button.danger type="submit" { (ctx.t("tokens.revoke")) }
                                        }
                                    }
                                }
                            }
                        }
                    } }
                }
                @if !orgs.is_empty() {
                    form.inline method="post" action="/profile/tokens" {
                        (csrf_field(ctx))
                        (field(ctx, "name", "field.name_label", "text", "", &[]))
                        div.field {
                            label for="f-org" { (ctx.t("tokens.org")) }
                            select id="f-org" name="org" { @for o in &orgs { option value=(o.org_id) { (o.name) } } }
                        }
                        button type="submit" { (ctx.t("tokens.create")) }
                    }
                }
            }
        },
    ))
}

fn qr_svg(data: &str) -> String {
    match qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(180, 180)
            .build(),
        Err(_) => String::new(),
    }
}

pub async fn security(s: Signed, Query(q): Query<SecurityQuery>) -> Result<Markup, WebError> {
    security_page(&s, &q, &[], None).await
}

#[derive(Deserialize)]
pub struct PasswordChange {
    current: String,
    password: String,
}

pub async fn change_password(
    s: Signed,
    CsrfForm(f): CsrfForm<PasswordChange>,
) -> Result<Response, WebError> {
    let app = &s.ctx.state.app;
    match app
        .change_password(&s.sess, &f.current, &f.password, &s.ctx.origin)
        .await
    {
        Ok(()) => Ok(Redirect::to("/profile/security?done=password.changed").into_response()),
        Err(e) => security_error(&s, e).await,
    }
}

/// A security form that failed: an invalid one is the security page again, 422, with its errors;
/// anything else an error page.
async fn security_error(s: &Signed, e: AppError) -> Result<Response, WebError> {
    match e {
        AppError::Invalid(errs) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            security_page(s, &SecurityQuery::default(), &errs, None).await?,
        )
            .into_response()),
        e => Err(e.into()),
    }
}

/// The security page with something shown once on top of it (recovery codes, a new token).
async fn security_showing(s: &Signed, shown: Markup) -> Result<Response, WebError> {
    Ok(
        security_page(s, &SecurityQuery::default(), &[], Some(shown))
            .await?
            .into_response(),
    )
}

pub async fn totp_begin(s: Signed, CsrfForm(_): CsrfForm<Empty>) -> Result<Response, WebError> {
    s.ctx.state.app.totp_begin(&s.sess).await?;
    Ok(Redirect::to("/profile/security").into_response())
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

pub async fn totp_confirm(
    s: Signed,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let ctx = &s.ctx;
    match ctx
        .state
        .app
        .totp_confirm(&s.sess, &f.code, &ctx.origin)
        .await
    {
        Ok(codes) => {
            let shown = html! {
                div.card {
                    (notice(ctx.t("totp.enabled_done")))
                    h2 { (ctx.t("totp.recovery_title")) }
                    p.warning { (ctx.t("totp.recovery_help")) }
                    ul.codes { @for c in &codes { li { (c) } } }
                }
            };
            // Re-read the person so the page shows 2FA as on.
            let fresh = Signed {
                sess: refreshed(&s).await?,
                ctx: s.ctx.clone(),
            };
            security_showing(&fresh, shown).await
        }
        Err(e) => security_error(&s, e).await,
    }
}

async fn refreshed(s: &Signed) -> Result<guichet_app::auth::SessionCtx, WebError> {
    let token = s.ctx.session_token.as_deref().unwrap_or("");
    s.ctx
        .state
        .app
        .session(token)
        .await?
        .ok_or(WebError(AppError::Unauthenticated))
}

#[derive(Deserialize)]
pub struct PasswordOnly {
    password: String,
}

pub async fn totp_disable(
    s: Signed,
    CsrfForm(f): CsrfForm<PasswordOnly>,
) -> Result<Response, WebError> {
    let app = &s.ctx.state.app;
    match app.totp_disable(&s.sess, &f.password, &s.ctx.origin).await {
        Ok(()) => Ok(Redirect::to("/profile/security?done=totp.disabled_done").into_response()),
        Err(e) => security_error(&s, e).await,
    }
}

pub async fn end_session(
    s: Signed,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let app = &s.ctx.state.app;
    app.end_session(&s.sess, &id, &s.ctx.origin).await?;
    Ok(Redirect::to("/profile/security?done=sessions.ended").into_response())
}

pub async fn end_others(s: Signed, CsrfForm(_): CsrfForm<Empty>) -> Result<Response, WebError> {
    let app = &s.ctx.state.app;
    app.end_other_sessions(&s.sess, &s.ctx.origin).await?;
    Ok(Redirect::to("/profile/security?done=sessions.ended").into_response())
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
    org: String,
}

pub async fn create_token(
    s: Signed,
    CsrfForm(f): CsrfForm<TokenForm>,
) -> Result<Response, WebError> {
    let org = f.org.parse().map_err(|_| WebError(AppError::NotFound))?;
    let ctx = &s.ctx;
    match ctx
        .state
        .app
        .create_api_token(&s.sess, org, &f.name, &ctx.origin)
        .await
    {
        Ok((_, secret)) => {
            let shown = html! {
                div.card {
                    (notice(ctx.t("tokens.created")))
                    p.warning { (ctx.t("tokens.copy_now")) }
                    p { code { (secret) } }
                }
            };
            security_showing(&s, shown).await
        }
        Err(e) => security_error(&s, e).await,
    }
}

pub async fn revoke_token(
    s: Signed,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let id: ApiTokenId = id.parse().map_err(|_| WebError(AppError::NotFound))?;
    let app = &s.ctx.state.app;
    app.revoke_api_token(&s.sess, id, &s.ctx.origin).await?;
    Ok(Redirect::to("/profile/security?done=tokens.revoked").into_response())
}
