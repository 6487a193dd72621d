//! Page layouts and form helpers (maud). Templates hold no logic beyond showing what they are given.

use crate::ctx::{Ctx, InOrg};
use axum::http::StatusCode;
use guichet_app::FieldError;
use guichet_core::{Action, Lang};
use maud::{DOCTYPE, Markup, html};

/// The Manager's sections, for the navigation and the contextual help link.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Nav {
    Home,
    Products,
    Payments,
    Invoices,
    Prepaid,
    Addresses,
    BillingSettings,
    Verify,
    Users,
    Teams,
    Organization,
    Profile,
    Help,
    Support,
    Activity,
}

impl Nav {
    /// The section's name in the navigation.
    fn key(self) -> &'static str {
        match self {
            Nav::Home => "nav.home",
            Nav::Products => "nav.products",
            Nav::Payments => "nav.payments",
            Nav::Invoices => "nav.invoices",
            Nav::Prepaid => "nav.prepaid",
            Nav::Addresses => "nav.addresses",
            Nav::BillingSettings => "nav.billing_settings",
            Nav::Verify => "verify.title",
            Nav::Users => "nav.users",
            Nav::Teams => "nav.teams",
            Nav::Organization => "nav.organization",
            Nav::Profile => "nav.profile",
            Nav::Help => "nav.help",
            Nav::Support => "nav.support",
            Nav::Activity => "nav.activity",
        }
    }
}

/// The page a contextual help link is about: the path without its query, URL-encoded.
fn help_page(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("/");
    serde_urlencoded::to_string([("p", path)])
        .map(|s| s[2..].to_string())
        .unwrap_or_default()
}

pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf()); }
}

fn head(ctx: &Ctx, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · " (ctx.state.app.config.brand.name) }
            link rel="stylesheet" href="/assets/style.css";
            (crate::brand::stylesheet_link(ctx))
            meta name="guichet-lang" content=(ctx.lang.code());
        }
    }
}

fn lang_switch(ctx: &Ctx) -> Markup {
    html! {
        form.lang method="post" action="/lang" {
            (csrf_field(ctx))
            input type="hidden" name="next" value=(ctx.path);
            span { (ctx.t("lang.label")) " " }
            @for l in Lang::ALL {
                @if l == ctx.lang {
                    strong lang=(l.code()) { (l.native_name()) }
                } @else {
                    button.link type="submit" name="lang" value=(l.code()) lang=(l.code()) { (l.native_name()) }
                }
                " "
            }
        }
    }
}

/// A page outside the Manager (login, sign-up, help, errors).
pub fn public_page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            (head(ctx, title))
            body.public {
                header.top {
                    (crate::brand::home_link(ctx))
                    nav { a href="/help" { (ctx.t("nav.help")) } }
                }
                main.narrow { (body) }
                footer { (lang_switch(ctx)) }
            }
        }
    }
}

/// A Manager page: Organization switcher, navigation, the page's help link.
pub fn manager(o: &InOrg, nav: Nav, title: &str, body: Markup) -> Markup {
    let ctx = &o.ctx;
    let item = |n: Nav, href: &str| {
        html! { li { a href=(href) aria-current=[(n == nav).then_some("page")] { (ctx.t(n.key())) } } }
    };
    let menu_items = html! {
        ul {
            (item(Nav::Home, "/"))
            (item(Nav::Products, "/products"))
            @if o.actor.can(Action::Billing) {
                (item(Nav::Payments, "/payments"))
                li.group {
                    span { (ctx.t("nav.accounting")) }
                    ul {
                        (item(Nav::Invoices, "/accounting/invoices"))
                        (item(Nav::Prepaid, "/accounting/prepaid"))
                        (item(Nav::Addresses, "/accounting/addresses"))
                        (item(Nav::BillingSettings, "/accounting/settings"))
                        (item(Nav::Verify, "/accounting/verify"))
                    }
                }
            }
            @if o.actor.can(Action::ViewMembers) {
                (item(Nav::Users, "/users"))
                (item(Nav::Teams, "/teams"))
            }
            @if o.actor.can(Action::ViewActivity) {
                (item(Nav::Activity, "/activity"))
            }
            (item(Nav::Organization, "/org"))
            (item(Nav::Profile, "/profile"))
            (item(Nav::Help, "/help"))
            (item(Nav::Support, "/support"))
        }
    };
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            (head(ctx, title))
            body {
                header.top {
                    (crate::brand::home_link(ctx))
                    form.switcher method="post" action="/orgs/switch" {
                        (csrf_field(ctx))
                        label for="org-switch" { (ctx.t("org.switch_label")) }
                        select id="org-switch" name="org" {
                            @for m in &o.orgs {
                                option value=(m.org_id) selected[m.org_id == o.actor.org] { (m.name) }
                            }
                        }
                        button type="submit" { (ctx.t("org.switch")) }
                        " "
                        a href="/orgs/new" { (ctx.t("org.new")) }
                    }
                    div.user {
                        span.who { (o.sess.user.name) }
                        form method="post" action="/logout" {
                            (csrf_field(ctx))
                            button.link type="submit" { (ctx.t("auth.logout")) }
                        }
                    }
                }
                div.shell {
                    // Without JavaScript: on wide screens the list itself; on a phone (the
                    // stylesheet shows one or the other) a `details` « Menu · <this page> »,
                    // closed on each page so the page starts near the top, that opens the same
                    // list on a tap. The hidden one is `display: none`, out of the tab order and
                    // of what assistive technology reads.
                    nav.side aria-label=(ctx.t("nav.label")) {
                        (menu_items)
                        details.menu {
                            summary { (ctx.t("nav.menu")) " " span.here { (ctx.t(nav.key())) } }
                            (menu_items)
                        }
                    }
                    main {
                        div.title {
                            h1 { (title) }
                            a.help href=(format!("/help?page={}", help_page(&ctx.path))) { (ctx.t("help.this_page")) }
                            " "
                            a.assist #assist href="/support/new" { (ctx.t("ticket.assist")) }
                        }
                        @if o.actor.support.is_some() {
                            p.notice role="status" { (ctx.t("support.operator_banner")) " " a href="/admin" { (ctx.t("admin.title")) } }
                        }
                        (body)
                    }
                }
                footer { (lang_switch(ctx)) }
            }
        }
    }
}

/// The back office's sections, in the order of its navigation.
const ADMIN_SECTIONS: &[(&str, &str)] = &[
    ("/admin", "admin.customers"),
    ("/admin/withdrawals", "admin.withdrawals"),
    ("/admin/invoices", "admin.invoices"),
    ("/admin/catalogue", "admin.catalogue"),
    ("/admin/bank", "admin.bank"),
    ("/admin/kb", "admin.kb"),
    ("/admin/support", "admin.support"),
    ("/admin/tickets", "ticket.inbox"),
    ("/admin/webhooks", "webhooks.title"),
];

/// A back-office page: the full width of the window, its sections beside it (issue #14).
pub fn admin_page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    let path = ctx.path.split(['?', '#']).next().unwrap_or("");
    let current = ADMIN_SECTIONS
        .iter()
        .filter(|(href, _)| {
            path == *href || (*href != "/admin" && path.starts_with(&format!("{href}/")))
        })
        .map(|(href, _)| *href)
        .next_back();
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            (head(ctx, title))
            body.admin {
                header.top {
                    (crate::brand::home_link(ctx))
                    span.badge { (ctx.t("admin.title")) }
                    div.user {
                        a href="/" { (ctx.t("admin.to_manager")) }
                        form method="post" action="/logout" {
                            (csrf_field(ctx))
                            button.link type="submit" { (ctx.t("auth.logout")) }
                        }
                    }
                }
                div.shell {
                    nav.side aria-label=(ctx.t("admin.nav_label")) {
                        ul {
                            @for (href, key) in ADMIN_SECTIONS {
                                li { a href=(href) aria-current=[(current == Some(*href)).then_some("page")] { (ctx.t(key)) } }
                            }
                        }
                    }
                    main.wide { (body) }
                }
                footer { (lang_switch(ctx)) }
            }
        }
    }
}

pub fn error_page(ctx: &Ctx, status: StatusCode, key: &str, retry: Option<i64>) -> Markup {
    let title = ctx.t(match status.as_u16() {
        404 => "error.title_not_found",
        403 => "error.title_forbidden",
        429 => "error.title_too_many",
        500..=599 => "error.title_internal",
        _ => "error.title_refused",
    });
    public_page(
        ctx,
        title,
        html! {
            h1 { (title) }
            p.error role="alert" { (ctx.t(key)) }
            @if let Some(secs) = retry {
                p { (guichet_core::i18n::tf(ctx.lang, "error.retry_after", &[("secs", &secs.to_string())])) }
            }
            @if key == "cookies.required" {
                p { a href="/help/cookies-and-javascript" { (ctx.t("cookies.guide_link")) } }
            }
            p { a href="/" { (ctx.t("error.back_home")) } }
        },
    )
}

/// A labelled input with its inline error, accessible (`aria-invalid`, `aria-describedby`).
pub fn field(
    ctx: &Ctx,
    name: &str,
    label_key: &str,
    kind: &str,
    value: &str,
    errors: &[FieldError],
) -> Markup {
    field_of(ctx, "", name, label_key, kind, value, errors)
}

/// The country of an address as a list (issue #14): ISO 3166-1 codes, named and sorted in the
/// reader's language; `value` is chosen (an unknown one stays chosen, under its code, so a form
/// sent back keeps what it had).
pub fn country_select(ctx: &Ctx, value: &str, errors: &[FieldError]) -> Markup {
    let err = errors.iter().find(|e| e.field == "country");
    let value = value.trim().to_ascii_uppercase();
    let known = guichet_core::country::is_known(&value);
    html! {
        div.field {
            label for="f-country" { (ctx.t("field.country_label")) }
            select id="f-country" name="country" autocomplete="country"
                aria-invalid=[err.map(|_| "true")] aria-describedby=[err.map(|_| "f-country-error")] {
                @if !known {
                    option value=(value) selected { (if value.is_empty() { "—" } else { value.as_str() }) }
                }
                @for (code, name) in guichet_core::country::sorted(ctx.lang) {
                    option value=(code) selected[code == value] { (name) }
                }
            }
            @if let Some(e) = err {
                p.field-error id="f-country-error" { (ctx.t(e.key)) }
            }
        }
    }
}

/// [`field`] in one of several forms of a page: its id names the form (`f-top_up-amount`), so
/// two forms can each have an `amount`.
pub fn field_of(
    ctx: &Ctx,
    form: &str,
    name: &str,
    label_key: &str,
    kind: &str,
    value: &str,
    errors: &[FieldError],
) -> Markup {
    let err = errors.iter().find(|e| e.field == name);
    let id = if form.is_empty() {
        format!("f-{name}")
    } else {
        format!("f-{form}-{name}")
    };
    let err_id = format!("{id}-error");
    html! {
        div.field {
            label for=(id) { (ctx.t(label_key)) }
            input id=(id) name=(name) type=(kind) value=(value)
                aria-invalid=[err.map(|_| "true")] aria-describedby=[err.map(|_| err_id.as_str())]
                autocomplete=[autocomplete(name)];
            @if let Some(e) = err {
                p.field-error id=(err_id) { (field_message(ctx, e, value)) }
            }
        }
    }
}

/// The message under a field; a character refused for Swiss payments is named from the value
/// as typed (`This character cannot be used in a Swiss payment: 😀`).
fn field_message(ctx: &Ctx, e: &FieldError, value: &str) -> String {
    if e.key == "field.sps_char"
        && let Err(c) = guichet_core::sps_text::transliterate(value)
    {
        let shown = guichet_core::sps_text::describe(c);
        return guichet_core::i18n::tf(ctx.lang, "field.sps_char_named", &[("char", &shown)]);
    }
    ctx.t(e.key).to_string()
}

fn autocomplete(name: &str) -> Option<&'static str> {
    match name {
        "email" => Some("email"),
        "password" => Some("new-password"),
        "current" => Some("current-password"),
        "name" => Some("name"),
        "code" => Some("one-time-code"),
        _ => None,
    }
}

/// Errors that belong to no field shown on the form.
pub fn form_errors(ctx: &Ctx, errors: &[FieldError], shown: &[&str]) -> Markup {
    html! {
        @for e in errors.iter().filter(|e| !shown.contains(&e.field)) {
            p.error role="alert" { (ctx.t(e.key)) }
        }
    }
}

pub fn notice(text: &str) -> Markup {
    html! { p.notice role="status" { (text) } }
}

/// A moment for people: `02.12.2026 15:46` in the provider's time zone.
pub fn date(ctx: &Ctx, unix: i64) -> String {
    ctx.state.app.when(unix)
}
