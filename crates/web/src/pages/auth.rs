//! Sign-up, login (with the second factor), logout, password reset, invitation acceptance.

use crate::cookies;
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{country_select, csrf_field, field, form_errors, notice, public_page};
use crate::pages::next::safe_next;
use axum::extract::{Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::auth::{NewSession, SignUp};
use guichet_app::{AppError, FieldError};
use guichet_core::Lang;
use maud::{Markup, html};
use serde::Deserialize;

/// Sets the new session cookie and goes on.
fn signed_in(ctx: &Ctx, s: &NewSession, next: &str) -> Response {
    let to = if s.pending_2fa {
        "/login/2fa".to_string()
    } else {
        next.to_string()
    };
    let mut res = Redirect::to(&to).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(&ctx.state, cookies::SESSION, &s.token, None),
    );
    res
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
    done: Option<String>,
}

fn login_form(
    ctx: &Ctx,
    email: &str,
    next: &str,
    errors: &[FieldError],
    done: Option<&str>,
) -> Markup {
    public_page(
        ctx,
        ctx.t("auth.login_title"),
        html! {
            h1 { (ctx.t("auth.login_title")) }
            @if let Some(d) = done.filter(|d| guichet_core::i18n::is_known(d)) { (notice(ctx.t(d))) }
            (form_errors(ctx, errors, &["email", "password"]))
            form method="post" action="/login" {
                (csrf_field(ctx))
                input type="hidden" name="next" value=(next);
                (field(ctx, "email", "field.email_label", "email", email, errors))
                (field(ctx, "current", "field.password_label", "password", "", errors))
                button type="submit" { (ctx.t("auth.login")) }
            }
            p { a href="/password/forgot" { (ctx.t("auth.forgot_link")) } }
            p { (ctx.t("auth.no_account")) " " a href="/signup" { (ctx.t("auth.signup")) } }
            noscript { p.muted { (ctx.t("auth.works_without_js")) } }
        },
    )
}

pub async fn login_page(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    if ctx.session.as_ref().is_some_and(|s| !s.session.pending_2fa) {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    login_form(
        &ctx,
        "",
        &safe_next(q.next.as_deref()),
        &[],
        q.done.as_deref(),
    )
    .into_response()
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    current: String,
    next: Option<String>,
}

pub async fn login(ctx: Ctx, CsrfForm(f): CsrfForm<LoginForm>) -> Result<Response, WebError> {
    let next = safe_next(f.next.as_deref());
    match ctx
        .state
        .app
        .login(
            &f.email,
            &f.current,
            ctx.session_token.as_deref(),
            &ctx.origin,
        )
        .await
    {
        Ok(s) => Ok(signed_in(&ctx, &s, &next)),
        Err(AppError::Forbidden(key)) => {
            let errs = [FieldError {
                field: "form",
                key,
                param: None,
            }];
            Ok((
                StatusCode::UNAUTHORIZED,
                login_form(&ctx, &f.email, &next, &errs, None),
            )
                .into_response())
        }
        Err(AppError::TooMany { key, retry_after }) => {
            let errs = [FieldError {
                field: "form",
                key,
                param: None,
            }];
            let mut res = (
                StatusCode::TOO_MANY_REQUESTS,
                login_form(&ctx, &f.email, &next, &errs, None),
            )
                .into_response();
            if let Ok(v) = retry_after.to_string().parse() {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

fn second_factor_form(ctx: &Ctx, errors: &[FieldError]) -> Markup {
    public_page(
        ctx,
        ctx.t("auth.2fa_title"),
        html! {
            h1 { (ctx.t("auth.2fa_title")) }
            p { (ctx.t("auth.2fa_help")) }
            (form_errors(ctx, errors, &["code"]))
            form method="post" action="/login/2fa" {
                (csrf_field(ctx))
                (field(ctx, "code", "field.code_label", "text", "", errors))
                button type="submit" { (ctx.t("auth.verify")) }
            }
        },
    )
}

pub async fn second_factor_page(ctx: Ctx) -> Response {
    match &ctx.session {
        Some(s) if s.session.pending_2fa => second_factor_form(&ctx, &[]).into_response(),
        Some(_) => Redirect::to("/").into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

pub async fn second_factor(
    ctx: Ctx,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let Some(token) = ctx.session_token.clone() else {
        return Ok(Redirect::to("/login").into_response());
    };
    match ctx
        .state
        .app
        .login_second_factor(&token, &f.code, &ctx.origin)
        .await
    {
        Ok(s) => Ok(signed_in(&ctx, &s, "/")),
        Err(AppError::Invalid(errs)) => {
            Ok((StatusCode::UNAUTHORIZED, second_factor_form(&ctx, &errs)).into_response())
        }
        Err(AppError::TooMany { key, .. }) => Ok((
            StatusCode::TOO_MANY_REQUESTS,
            second_factor_form(
                &ctx,
                &[FieldError {
                    field: "form",
                    key,
                    param: None,
                }],
            ),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(ctx: Ctx, CsrfForm(_): CsrfForm<Empty>) -> Result<Response, WebError> {
    if let Some(t) = &ctx.session_token {
        ctx.state.app.logout(t).await?;
    }
    let mut res = Redirect::to("/login?done=auth.logged_out").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(&ctx.state, cookies::SESSION),
    );
    Ok(res)
}

#[derive(Deserialize, Default)]
pub struct Empty {}

#[derive(Deserialize, Default)]
pub struct SignUpForm {
    name: String,
    email: String,
    password: String,
    country: String,
}

fn signup_form(ctx: &Ctx, f: &SignUpForm, errors: &[FieldError]) -> Markup {
    public_page(
        ctx,
        ctx.t("auth.signup_title"),
        html! {
            h1 { (ctx.t("auth.signup_title")) }
            p.muted { (ctx.t("auth.signup_intro")) }
            (form_errors(ctx, errors, &["name", "email", "password", "country"]))
            form method="post" action="/signup" {
                (csrf_field(ctx))
                (field(ctx, "name", "field.name_label", "text", &f.name, errors))
                (field(ctx, "email", "field.email_label", "email", &f.email, errors))
                (field(ctx, "password", "field.new_password_label", "password", "", errors))
                p.muted { (ctx.t("password.rules")) }
                (country_select(ctx, if f.country.is_empty() { "CH" } else { &f.country }, errors))
                button type="submit" { (ctx.t("auth.signup")) }
            }
            p { a href="/login" { (ctx.t("auth.have_account")) } }
        },
    )
}

pub async fn signup_page(ctx: Ctx) -> Markup {
    signup_form(&ctx, &SignUpForm::default(), &[])
}

pub async fn signup(ctx: Ctx, CsrfForm(f): CsrfForm<SignUpForm>) -> Result<Response, WebError> {
    let input = SignUp {
        name: &f.name,
        email: &f.email,
        password: &f.password,
        country: &f.country,
        lang: ctx.lang,
    };
    match ctx.state.app.sign_up(input, &ctx.origin).await {
        // The same page whether the address has a login or not (issue #11 item 7).
        Ok(email) => Ok(signup_sent(&ctx, &email).into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            signup_form(&ctx, &f, &errs),
        )
            .into_response()),
        Err(AppError::TooMany { key, retry_after }) => {
            let errs = [FieldError {
                field: "form",
                key,
                param: None,
            }];
            let mut res =
                (StatusCode::TOO_MANY_REQUESTS, signup_form(&ctx, &f, &errs)).into_response();
            if let Ok(v) = header::HeaderValue::from_str(&retry_after.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

/// "Check your mailbox": the answer to every accepted sign-up form.
fn signup_sent(ctx: &Ctx, email: &str) -> Markup {
    public_page(
        ctx,
        ctx.t("auth.signup_sent_title"),
        html! {
            h1 { (ctx.t("auth.signup_sent_title")) }
            p role="status" { (ctx.tf("auth.signup_sent", &[("email", email)])) }
            p.muted { (ctx.t("auth.signup_sent_help")) }
            p { a href="/login" { (ctx.t("auth.have_account")) } }
        },
    )
}

/// The page behind the e-mailed link: it shows what will be created and asks to confirm (a GET
/// never creates anything, so a mail scanner following the link changes nothing).
pub async fn signup_confirm_page(
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    use guichet_app::auth::SignUpLink;
    let body = match ctx.state.app.sign_up_link(&token).await? {
        SignUpLink::Live { name, email } => html! {
            h1 { (ctx.t("auth.signup_confirm_title")) }
            p { (ctx.tf("auth.signup_confirm_intro", &[("name", &name), ("email", &email)])) }
            form method="post" action=(format!("/signup/confirm/{token}")) {
                (csrf_field(&ctx))
                button type="submit" { (ctx.t("auth.signup_confirm")) }
            }
        },
        SignUpLink::LoginExists { .. } => {
            return Ok(signup_link_problem(&ctx, "auth.signup_exists"));
        }
        SignUpLink::Invalid => return Ok(signup_link_problem(&ctx, "auth.signup_link_invalid")),
    };
    Ok(public_page(&ctx, ctx.t("auth.signup_confirm_title"), body).into_response())
}

/// A link that cannot (or can no longer) create an account: what to do instead, with 409.
fn signup_link_problem(ctx: &Ctx, key: &str) -> Response {
    (
        StatusCode::CONFLICT,
        public_page(
            ctx,
            ctx.t("auth.signup_confirm_title"),
            html! {
                h1 { (ctx.t("auth.signup_confirm_title")) }
                p role="alert" { (ctx.t(key)) }
                p {
                    a href="/login" { (ctx.t("auth.have_account")) } " · "
                    a href="/password/forgot" { (ctx.t("auth.forgot_title")) } " · "
                    a href="/signup" { (ctx.t("auth.signup_again")) }
                }
            },
        ),
    )
        .into_response()
}

pub async fn signup_confirm(
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    match ctx.state.app.confirm_sign_up(&token, &ctx.origin).await {
        Ok(s) => {
            if let Some(old) = &ctx.session_token {
                ctx.state.app.logout(old).await?;
            }
            Ok(signed_in(&ctx, &s, "/org?done=org.welcome"))
        }
        Err(AppError::Conflict(key)) => Ok(signup_link_problem(&ctx, key)),
        Err(e) => Err(e.into()),
    }
}

pub async fn forgot_page(ctx: Ctx) -> Markup {
    public_page(
        &ctx,
        ctx.t("auth.forgot_title"),
        html! {
            h1 { (ctx.t("auth.forgot_title")) }
            p { (ctx.t("auth.forgot_help")) }
            form method="post" action="/password/forgot" {
                (csrf_field(&ctx))
                (field(&ctx, "email", "field.email_label", "email", "", &[]))
                button type="submit" { (ctx.t("auth.send_link")) }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct EmailForm {
    email: String,
}

/// Same answer whether the address has a login or not.
pub async fn forgot(ctx: Ctx, CsrfForm(f): CsrfForm<EmailForm>) -> Result<Markup, WebError> {
    ctx.state
        .app
        .request_password_reset(&f.email, &ctx.origin)
        .await?;
    Ok(public_page(
        &ctx,
        ctx.t("auth.forgot_title"),
        html! { h1 { (ctx.t("auth.forgot_title")) } (notice(ctx.t("auth.reset_sent"))) },
    ))
}

fn reset_form(ctx: &Ctx, token: &str, errors: &[FieldError]) -> Markup {
    public_page(
        ctx,
        ctx.t("auth.reset_title"),
        html! {
            h1 { (ctx.t("auth.reset_title")) }
            (form_errors(ctx, errors, &["password"]))
            form method="post" action=(format!("/password/reset/{token}")) {
                (csrf_field(ctx))
                (field(ctx, "password", "field.new_password_label", "password", "", errors))
                p.muted { (ctx.t("password.rules")) }
                button type="submit" { (ctx.t("auth.reset_submit")) }
            }
        },
    )
}

pub async fn reset_page(ctx: Ctx, Path(token): Path<String>) -> Result<Markup, WebError> {
    if !ctx.state.app.password_reset_is_live(&token).await? {
        return Err(AppError::Conflict("auth.reset_expired").into());
    }
    Ok(reset_form(&ctx, &token, &[]))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    password: String,
}

pub async fn reset(
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(f): CsrfForm<PasswordForm>,
) -> Result<Response, WebError> {
    match ctx
        .state
        .app
        .reset_password(&token, &f.password, &ctx.origin)
        .await
    {
        Ok(()) => Ok(Redirect::to("/login?done=auth.reset_done").into_response()),
        Err(AppError::Invalid(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_form(&ctx, &token, &errs),
        )
            .into_response()),
        Err(AppError::NotFound) => Err(AppError::Conflict("auth.reset_expired").into()),
        Err(e) => Err(e.into()),
    }
}

fn invitation_page_body(
    ctx: &Ctx,
    token: &str,
    v: &guichet_app::members::InvitationView,
    errors: &[FieldError],
) -> Markup {
    let role = ctx.t(guichet_app::members::role_key(v.invitation.role));
    let intro = guichet_core::i18n::tf(
        ctx.lang,
        "invite.page_intro",
        &[
            ("org", &v.org_name),
            ("by", &v.inviter_name),
            ("role", role),
        ],
    );
    let action = format!("/invitations/{token}");
    public_page(
        ctx,
        ctx.t("invite.page_title"),
        html! {
            h1 { (ctx.t("invite.page_title")) }
            p { (intro) }
            @if !v.usable {
                p.error role="alert" { (ctx.t("invite.closed")) }
            } @else if let Some(s) = &ctx.session {
                @if s.user.email == v.invitation.email {
                    form method="post" action=(action) {
                        (csrf_field(ctx))
                        button type="submit" { (ctx.t("invite.accept")) }
                    }
                } @else {
                    p.error { (ctx.t("invite.wrong_account")) }
                }
            } @else if v.login_exists {
                p { (ctx.t("invite.login_instead")) }
                a.button href=(format!("/login?next={}", action)) { (ctx.t("auth.login")) }
            } @else {
                p.muted { (guichet_core::i18n::tf(ctx.lang, "invite.new_login_for", &[("email", &v.invitation.email)])) }
                (form_errors(ctx, errors, &["name", "password"]))
                form method="post" action=(action) {
                    (csrf_field(ctx))
                    (field(ctx, "name", "field.name_label", "text", "", errors))
                    (field(ctx, "password", "field.new_password_label", "password", "", errors))
                    p.muted { (ctx.t("password.rules")) }
                    button type="submit" { (ctx.t("invite.accept_create")) }
                }
            }
        },
    )
}

pub async fn invitation_page(ctx: Ctx, Path(token): Path<String>) -> Result<Markup, WebError> {
    let v = ctx.state.app.invitation(&token).await?;
    Ok(invitation_page_body(&ctx, &token, &v, &[]))
}

#[derive(Deserialize, Default)]
pub struct AcceptForm {
    name: Option<String>,
    password: Option<String>,
}

pub async fn accept_invitation(
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(f): CsrfForm<AcceptForm>,
) -> Result<Response, WebError> {
    let app = &ctx.state.app;
    if let Some(s) = ctx.session.as_ref().filter(|s| !s.session.pending_2fa) {
        app.accept_invitation(s, &token, &ctx.origin).await?;
        return Ok(Redirect::to("/?done=invite.accepted").into_response());
    }
    let lang: Lang = ctx.lang;
    let result = app
        .accept_invitation_as_new(
            &token,
            f.name.as_deref().unwrap_or(""),
            f.password.as_deref().unwrap_or(""),
            lang,
            &ctx.origin,
        )
        .await;
    match result {
        Ok(s) => Ok(signed_in(&ctx, &s, "/?done=invite.accepted")),
        Err(AppError::Invalid(errs)) => {
            let v = app.invitation(&token).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                invitation_page_body(&ctx, &token, &v, &errs),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}
