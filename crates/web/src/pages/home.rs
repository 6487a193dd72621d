//! The Manager's home (issue #14): what matters now, each part with its action and an empty state,
//! only the parts the person's role may see (`app::home`).

use crate::ctx::InOrg;
use crate::error::WebError;
use crate::layout::{Nav, date, manager};
use crate::pages::done::{Done, done_notice};
use axum::extract::Query;
use guichet_app::activity::describe;
use guichet_app::home::{Home, HomeBilling};
use guichet_core::human;
use guichet_core::i18n::tf;
use maud::{Markup, html};

pub async fn home(o: InOrg, Query(d): Query<Done>) -> Result<Markup, WebError> {
    let home = o.ctx.state.app.home(&o.actor).await?;
    let ctx = &o.ctx;
    let role = ctx.t(guichet_app::members::role_key(o.actor.access.role));
    Ok(manager(
        &o,
        Nav::Home,
        &o.actor.org_name,
        html! {
            (done_notice(ctx, &d))
            div.card #welcome {
                h2 { (tf(ctx.lang, "home.welcome", &[("name", &o.sess.user.name)])) }
                p { (tf(ctx.lang, "home.role", &[("org", &o.actor.org_name), ("role", role)])) }
            }
            div.cards {
                @if let Some(b) = &home.billing { (billing_cards(&o, b)) }
                (expiring_card(&o, &home))
                @if let Some(b) = &home.billing { (unpaid_card(&o, b)) }
                (support_card(&o))
            }
            @if let Some(lines) = &home.activity {
                div.card #home-activity {
                    h2 { (ctx.t("home.activity_title")) }
                    @if lines.is_empty() {
                        p.empty { (ctx.t("activity.empty")) }
                    } @else {
                        div.table-wrap tabindex="0" {
                            table {
                                thead { tr { th { (ctx.t("activity.when")) } th { (ctx.t("activity.who")) } th { (ctx.t("activity.what")) } } }
                                tbody {
                                    @for l in lines {
                                        tr {
                                            td.nowrap { (date(ctx, l.entry.at)) }
                                            td { (l.actor_name.clone().unwrap_or_else(|| ctx.t("activity.system").to_string())) }
                                            td { (describe(ctx.lang, &l.entry.action, &l.entry.detail)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p.actions { a.button.secondary href="/activity" { (ctx.t("home.activity_all")) } }
                }
            }
        },
    ))
}

fn billing_cards(o: &InOrg, b: &HomeBilling) -> Markup {
    let ctx = &o.ctx;
    html! {
        div.card #home-balance {
            h2 { (ctx.t("home.balance_title")) }
            p.figure.amount { (b.balance) }
            p.actions { a.button.secondary href="/accounting/prepaid" { (ctx.t("home.balance_action")) } }
        }
        div.card #home-due {
            h2 { (ctx.t("home.due_title")) }
            @match b.next_due_on {
                Some(on) => {
                    p.figure.amount { (b.due_soon) }
                    p { (tf(ctx.lang, "home.due_next", &[("n", &b.due_soon_count.to_string()), ("date", &human::date(on))])) }
                    p.actions { a.button href="/payments" { (ctx.t("home.due_action")) } }
                },
                None => {
                    p.empty { (ctx.t("home.due_none")) }
                },
            }
        }
    }
}

fn expiring_card(o: &InOrg, home: &Home) -> Markup {
    let ctx = &o.ctx;
    html! {
        div.card #home-expiring {
            h2 { (ctx.t("home.expiring_title")) }
            @if home.expiring.is_empty() {
                p.empty { (ctx.t("home.expiring_none")) }
            } @else {
                ul.plain {
                    @for p in &home.expiring {
                        li {
                            a href=(format!("/products/{}", p.id)) { (p.name) }
                            " · "
                            span.nowrap { (tf(ctx.lang, "home.expires_on", &[("date", &p.expires_on.map(human::date).unwrap_or_default())])) }
                            @if p.auto_renew { " " span.badge { (ctx.t("renewal.auto_column")) } }
                        }
                    }
                }
                @if home.expiring_count > home.expiring.len() {
                    p.muted { (tf(ctx.lang, "home.more", &[("n", &(home.expiring_count - home.expiring.len()).to_string())])) }
                }
            }
            p.actions { a.button.secondary href="/products" { (ctx.t("home.products_action")) } }
        }
    }
}

fn unpaid_card(o: &InOrg, b: &HomeBilling) -> Markup {
    let ctx = &o.ctx;
    html! {
        div.card #home-unpaid {
            h2 { (ctx.t("home.unpaid_title")) }
            @if b.unpaid.is_empty() {
                p.empty { (ctx.t("home.unpaid_none")) }
            } @else {
                p { (tf(ctx.lang, "home.unpaid_summary", &[("n", &b.unpaid_count.to_string()), ("total", &b.unpaid_total.to_string())])) }
                @if b.overdue_count > 0 {
                    p.warning { (tf(ctx.lang, "home.overdue", &[("n", &b.overdue_count.to_string())])) }
                }
                ul.plain {
                    @for i in &b.unpaid {
                        li {
                            a href=(format!("/accounting/invoices/{}", i.id)) { (i.number) }
                            " · " span.amount { (i.gross) }
                            " · " span.nowrap { (tf(ctx.lang, "home.due_on", &[("date", &human::date(i.due_on))])) }
                        }
                    }
                }
                p.actions {
                    a.button href="/payments?all=1" { (ctx.t("home.unpaid_action")) }
                    " "
                    a.button.secondary href="/accounting/invoices" { (ctx.t("home.invoices_action")) }
                }
            }
        }
    }
}

fn support_card(o: &InOrg) -> Markup {
    let ctx = &o.ctx;
    html! {
        div.card #home-support {
            h2 { (ctx.t("home.support_title")) }
            p { (ctx.t("home.support_code")) " " strong.code { (o.sess.user.support_code) } }
            p.muted { (ctx.t("home.support_help")) }
            p.actions {
                a.button.secondary href="/help" { (ctx.t("nav.help")) }
                " "
                a.button.secondary href="/support" { (ctx.t("home.support_action")) }
            }
        }
    }
}
