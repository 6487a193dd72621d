//! The Manager's HTML routes (and the back office). Every state change is a POST through
//! [`crate::csrf::CsrfForm`]; every Organization page goes through [`crate::ctx::InOrg`].

pub mod activity;
pub mod addresses;
pub mod admin;
pub mod auth;
pub mod done;
pub mod help;
pub mod home;
pub mod invoices;
pub mod next;
pub mod org;
pub mod payment_pending;
pub mod payments;
pub mod prepaid;
pub mod products;
pub mod profile;
pub mod renewals;
pub mod sites;
pub mod support;
pub mod teams;
pub mod ticket_form;
pub mod tickets;
pub mod users;

use crate::cookies;
use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::state::AppState;
use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use guichet_core::Lang;
use serde::Deserialize;

/// The pages a person can open in the Manager (GET routes), for checking deep links from the guides;
/// a test proves each one is routed.
pub const MANAGER_PAGES: &[&str] = &[
    "/",
    "/login",
    "/login/2fa",
    "/signup",
    "/password/forgot",
    "/orgs/new",
    "/org",
    "/org/delete",
    "/products",
    "/payments",
    "/accounting/invoices",
    "/accounting/verify",
    "/accounting/invoices/{invoice}",
    "/accounting/prepaid",
    "/accounting/prepaid/transfers/{request}",
    "/accounting/addresses",
    "/accounting/addresses/{address}",
    "/accounting/settings",
    "/teams",
    "/teams/{team}",
    "/products/{product}/access",
    "/products/{product}",
    "/products/{product}/sites",
    "/products/{product}/sites/{site}",
    "/accounting/renewals",
    "/users",
    "/profile",
    "/profile/security",
    "/help",
    "/help/search",
    "/help/c/{category}",
    "/help/{id}",
    "/support",
    "/support/new",
    "/support/requests",
    "/support/requests/{ticket}",
    "/activity",
];

/// Whether `path` (no query) is one of [`MANAGER_PAGES`], `{param}` segments matching any segment.
pub fn is_manager_page(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    MANAGER_PAGES.iter().any(|p| {
        let pat: Vec<&str> = p.trim_end_matches('/').split('/').collect();
        pat.len() == segs.len()
            && pat
                .iter()
                .zip(&segs)
                .all(|(a, b)| (a.starts_with('{') && !b.is_empty()) || a == b)
    })
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/login", get(auth::login_page).post(auth::login))
        .route(
            "/login/2fa",
            get(auth::second_factor_page).post(auth::second_factor),
        )
        .route("/logout", post(auth::logout))
        .route("/signup", get(auth::signup_page).post(auth::signup))
        .route(
            "/signup/confirm/{token}",
            get(auth::signup_confirm_page).post(auth::signup_confirm),
        )
        .route(
            "/password/forgot",
            get(auth::forgot_page).post(auth::forgot),
        )
        .route(
            "/password/reset/{token}",
            get(auth::reset_page).post(auth::reset),
        )
        .route(
            "/invitations/{token}",
            get(auth::invitation_page).post(auth::accept_invitation),
        )
        .route("/orgs/switch", post(org::switch))
        .route("/orgs/new", get(org::new_org_page).post(org::new_org))
        .route("/org", get(org::org_details).post(org::save_details))
        .route("/org/settings", post(org::save_settings))
        .route("/org/leave", post(org::leave))
        .route("/org/delete", get(org::delete_page).post(org::delete))
        .route("/products", get(products::products))
        .route("/products/order", post(products::order))
        .route(
            "/payments",
            get(payments::payments).post(payments::pay_selection),
        )
        .route("/accounting/invoices", get(invoices::invoices))
        .route(
            "/accounting/invoices/export.csv",
            get(invoices::invoices_csv),
        )
        .route(
            "/accounting/invoices/export.xlsx",
            get(invoices::invoices_xlsx),
        )
        .route(
            "/accounting/invoices/export/mail",
            post(invoices::invoices_csv_mail),
        )
        .route("/accounting/invoices/{invoice}", get(invoices::invoice))
        .route("/accounting/invoices/{invoice}/pay", post(invoices::pay))
        .route(
            "/accounting/invoices/{invoice}/transfer-declared",
            post(invoices::declare_transfer),
        )
        .route("/accounting/verify", get(invoices::verify))
        .route(
            "/accounting/invoices/{invoice}/document.pdf",
            get(invoices::invoice_pdf),
        )
        .route(
            "/accounting/credit-notes/{note}/pdf",
            get(invoices::credit_note_pdf),
        )
        .route("/payments/pro-forma", post(payments::pro_forma))
        .route("/payments/return", get(payment_pending::payment_return))
        .route("/payments/recompute", post(payments::recompute))
        .route("/payments/address", post(payments::readdress))
        .route("/accounting/prepaid", get(prepaid::prepaid))
        .route("/accounting/prepaid/top-up", post(prepaid::top_up))
        .route("/accounting/prepaid/withdraw", post(prepaid::withdraw))
        .route("/accounting/prepaid/transfer", post(prepaid::transfer))
        .route(
            "/accounting/prepaid/transfers/{request}",
            get(prepaid::transfer_page),
        )
        .route(
            "/accounting/prepaid/transfers/{request}/qr-bill.svg",
            get(prepaid::transfer_svg),
        )
        .route(
            "/accounting/addresses",
            get(addresses::list).post(addresses::add),
        )
        .route(
            "/accounting/addresses/{address}",
            get(addresses::edit_form).post(addresses::save),
        )
        .route(
            "/accounting/addresses/{address}/archive",
            post(addresses::archive),
        )
        .route(
            "/accounting/addresses/{address}/restore",
            post(addresses::restore),
        )
        .route(
            "/accounting/settings",
            get(org::billing_settings).post(org::save_billing_settings),
        )
        .route("/teams", get(teams::list).post(teams::create))
        .route("/teams/{team}", get(teams::show).post(teams::update))
        .route("/teams/{team}/members", post(teams::add_members))
        .route(
            "/teams/{team}/members/{user}/remove",
            post(teams::remove_member),
        )
        .route("/teams/{team}/products", post(teams::set_products))
        .route("/teams/{team}/products/{product}", post(teams::set_product))
        .route("/teams/{team}/delete", post(teams::delete))
        .route("/products/{product}/access", get(teams::access))
        .route("/products/{product}", get(products::product))
        .route(
            "/products/{product}/sites",
            get(sites::hosting).post(sites::create_site),
        )
        .route("/products/{product}/sites/{site}", get(sites::site))
        .route(
            "/products/{product}/sites/{site}/prefix",
            post(sites::set_prefix),
        )
        .route("/products/{product}/sites/{site}/env", post(sites::set_env))
        .route(
            "/products/{product}/sites/{site}/env/{name}/delete",
            post(sites::delete_env),
        )
        .route(
            "/products/{product}/sites/{site}/config",
            get(sites::config),
        )
        .route(
            "/products/{product}/sites/{site}/delete",
            post(sites::delete_site),
        )
        .route(
            "/products/{product}/databases",
            post(sites::create_database),
        )
        .route(
            "/products/{product}/databases/{id}/delete",
            get(sites::delete_database_page).post(sites::delete_database),
        )
        .route("/products/{product}/db-users", post(sites::create_user))
        .route(
            "/products/{product}/db-users/{id}/delete",
            get(sites::delete_user_page).post(sites::delete_user),
        )
        .route("/products/{product}/auto-renew", post(products::auto_renew))
        .route("/products/{product}/cancel", post(products::cancel))
        .route("/products/{product}/label", post(products::label))
        .route(
            "/products/{product}/billing-address",
            post(products::set_billing_address),
        )
        .route("/products/{product}/resume", post(products::resume))
        .route("/products/{product}/renew", post(products::renew))
        .route("/products/{product}/period", post(products::period))
        .route("/products/auto-renew", post(products::auto_renew_many))
        .route(
            "/accounting/renewals",
            get(renewals::settings).post(renewals::save_settings),
        )
        .route("/accounting/renewals/card", post(renewals::save_card))
        .route(
            "/accounting/renewals/card/remove",
            post(renewals::remove_card),
        )
        .route("/users", get(users::list))
        .route("/users/invite", post(users::invite))
        .route("/users/{user}/role", post(users::change_role))
        .route(
            "/users/{user}/remove",
            get(users::remove_page).post(users::remove),
        )
        .route("/users/invitations/{id}/resend", post(users::resend))
        .route("/users/invitations/{id}/revoke", post(users::revoke))
        .route(
            "/profile",
            get(profile::profile).post(profile::save_profile),
        )
        .route("/profile/support-code", post(profile::new_support_code))
        .route("/profile/reminders", post(profile::set_reminders))
        .route("/profile/security", get(profile::security))
        .route("/profile/password", post(profile::change_password))
        .route("/profile/2fa/begin", post(profile::totp_begin))
        .route("/profile/2fa/confirm", post(profile::totp_confirm))
        .route("/profile/2fa/disable", post(profile::totp_disable))
        .route("/profile/sessions/{id}/end", post(profile::end_session))
        .route("/profile/sessions/end-others", post(profile::end_others))
        .route("/profile/tokens", post(profile::create_token))
        .route("/profile/tokens/{id}/revoke", post(profile::revoke_token))
        .route("/help", get(help::home))
        .route("/help/search", get(help::search))
        .route("/help/search.json", get(help::search_json))
        .route("/help/c/{category}", get(help::category))
        .route("/help/{id}", get(help::guide))
        .route("/help/{id}/feedback", post(help::feedback))
        .route("/admin", get(admin::customers))
        .route("/admin/withdrawals", get(admin::withdrawals))
        .route("/admin/invoices", get(admin::invoices))
        .route("/admin/catalogue", get(admin::catalogue))
        .route("/admin/catalogue/offers", post(admin::create_offer))
        .route("/admin/catalogue/{offer}/prices", post(admin::set_price))
        .route(
            "/admin/catalogue/{offer}/active",
            post(admin::set_offer_active),
        )
        .route("/admin/invoices/refund", post(admin::refund))
        .route("/admin/payouts", post(admin::write_payouts))
        .route("/admin/payouts/{id}/file", get(admin::payout_file))
        .route(
            "/admin/payouts/set-aside/{id}/reject",
            post(admin::reject_set_aside),
        )
        .route("/admin/bank", get(admin::bank))
        .route(
            "/admin/bank/import",
            post(admin::bank_import).layer(axum::extract::DefaultBodyLimit::max(
                guichet_app::bank_import::MAX_FILE_BYTES as usize,
            )),
        )
        .route("/admin/bank/{id}/assign", post(admin::bank_assign))
        .route("/admin/kb", get(admin::kb_list))
        .route("/admin/kb/new", get(admin::kb_new).post(admin::kb_create))
        .route("/admin/kb/report", get(admin::kb_report))
        .route(
            "/admin/kb/import",
            get(admin::kb_import_form)
                .post(admin::kb_import_upload)
                .layer(axum::extract::DefaultBodyLimit::max(
                    guichet_app::kb_zip::MAX_UPLOAD,
                )),
        )
        .route("/admin/kb/{id}", get(admin::kb_edit).post(admin::kb_save))
        .route(
            "/admin/withdrawals/{id}/decide",
            post(admin::decide_withdrawal),
        )
        .route("/support", get(support::page))
        .route("/support/access", post(support::grant))
        .route("/support/access/{grant}/revoke", post(support::revoke))
        .route("/activity", get(activity::page))
        .route("/activity/export.csv", get(activity::csv))
        .route("/admin/support", get(admin::support_grants))
        .route(
            "/admin/webhooks",
            get(admin::webhooks).post(admin::add_webhook),
        )
        .route("/admin/webhooks/{id}", get(admin::webhook_log))
        .route(
            "/admin/webhooks/{id}/enabled",
            post(admin::set_webhook_enabled),
        )
        .route("/admin/webhooks/{id}/delete", post(admin::delete_webhook))
        .route(
            "/admin/webhooks/deliveries/{id}/replay",
            post(admin::replay_webhook),
        )
        .route("/admin/support/{org}/enter", post(admin::support_enter))
        .route("/lang", post(set_lang))
        .merge(tickets::routes())
        .merge(admin::tickets_routes())
        .fallback(not_found)
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError(guichet_app::AppError::NotFound)
}

#[derive(Deserialize)]
struct LangForm {
    lang: String,
    next: Option<String>,
}

/// The language choice, remembered in a cookie for a year.
async fn set_lang(ctx: Ctx, CsrfForm(f): CsrfForm<LangForm>) -> Response {
    let lang = Lang::parse(&f.lang).unwrap_or_default();
    let mut res = Redirect::to(&next::safe_next(f.next.as_deref())).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(&ctx.state, cookies::LANG, lang.code(), Some(31_536_000)),
    );
    res
}
