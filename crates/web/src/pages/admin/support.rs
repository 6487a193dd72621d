//! SUP-03 in the back office: the Organizations that let support in right now.

use crate::ctx::Signed;
use crate::error::WebError;
use crate::layout::{admin_page, date};
use guichet_app::AppError;
use maud::{Markup, html};

/// SUP-03: the Organizations that let support in right now; an operator opens one (read-only for
/// money, everything logged in its activity log). Without a live grant there is nothing to open.
pub async fn support_grants(s: Signed) -> Result<Markup, WebError> {
    let app = &s.ctx.state.app;
    let grants = app.admin_support_grants(&s.sess).await?;
    let ctx = &s.ctx;
    Ok(admin_page(
        ctx,
        ctx.t("admin.support"),
        html! {
            h1 { (ctx.t("admin.support")) }
            p { a href="/admin" { "← " (ctx.t("admin.title")) } }
            p.muted { (ctx.t("admin.support_help")) }
            @if grants.is_empty() {
                p.empty { (ctx.t("admin.support_none")) }
            } @else {
                div.table-wrap tabindex="0" { table {
                    thead { tr { th { (ctx.t("field.name_label")) } th { (ctx.t("support.scope")) } th { (ctx.t("support.expires_at")) } th {} } }
                    tbody {
                        @for (g, name) in &grants {
                            tr {
                                td { (name) }
                                td { @if g.whole_org { (ctx.t("support.scope_all")) } @else { (g.products.len()) " " (ctx.t("nav.products")) } }
                                td { (date(ctx, g.expires_at)) }
                                td {
                                    form method="post" action=(format!("/admin/support/{}/enter", g.org_id)) {
                                        (crate::layout::csrf_field(ctx))
                                        button type="submit" { (ctx.t("admin.support_open")) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
        },
    ))
}

pub async fn support_enter(
    s: Signed,
    axum::extract::Path(org): axum::extract::Path<String>,
    crate::csrf::CsrfForm(_): crate::csrf::CsrfForm<crate::pages::auth::Empty>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let org: guichet_core::OrgId = org.parse().map_err(|_| AppError::NotFound)?;
    s.ctx
        .state
        .app
        .admin_enter_org(&s.sess, org, &s.ctx.origin)
        .await?;
    Ok(axum::response::Redirect::to("/").into_response())
}
