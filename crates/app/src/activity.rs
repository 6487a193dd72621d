//! The Organization's activity log (issue 5, acceptance 7): who did what, when, from where — read
//! from the append-only audit log, filtered, a page at a time, newest first, or as CSV.

use crate::billing::day_start;
use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::i18n::t;
use guichet_core::{Action, Lang, UserId};
use guichet_store::audit::{self, Filter, Line};

pub const PAGE_SIZE: i64 = 50;

/// The filters of the activity page and its CSV export (all optional).
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
pub struct ActivityFilter {
    /// A person's id.
    pub actor: Option<String>,
    /// A kind of action (`team`, `member`, `support`…).
    pub kind: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// `last` for the oldest lines (the log is paged by key, not by number).
    pub page: Option<String>,
    /// A cursor: the lines older than it (the next page).
    pub after: Option<String>,
    /// A cursor: the lines newer than it (the previous page).
    pub before: Option<String>,
}

pub struct ActivityPage {
    pub lines: Vec<Line>,
    /// The cursors of the pages around this one.
    pub pager: crate::pager::Pager,
    /// The kinds of action and the people found in the log (for the filters).
    pub kinds: Vec<String>,
    pub people: Vec<(UserId, String, String)>,
}

/// The kind of an action code: its first segment.
pub fn kind_of(action: &str) -> &str {
    action.split('.').next().unwrap_or(action)
}

/// The catalogue key describing an action code, if it is one Guichet knows.
pub fn action_key(action: &str) -> Option<&'static str> {
    Some(match action {
        "signup" => "activity.signup",
        "signup.existing_address" => "signup.existing_address",
        "org.created" => "activity.org.created",
        "org.legal_changed" => "activity.org.legal_changed",
        "org.force_2fa" => "activity.org.force_2fa",
        "org.phone" => "activity.org.phone",
        "org.deleted" => "activity.org.deleted",
        "billing.reference" => "activity.billing.reference",
        "member.left" => "activity.member.left",
        "member.role_changed" => "activity.member.role_changed",
        "member.removed" => "activity.member.removed",
        "invitation.created" => "activity.invitation.created",
        "invitation.resent" => "activity.invitation.resent",
        "invitation.revoked" => "activity.invitation.revoked",
        "invitation.accepted" => "activity.invitation.accepted",
        "team.created" => "activity.team.created",
        "team.changed" => "activity.team.changed",
        "team.deleted" => "activity.team.deleted",
        "team.members_added" => "activity.team.members_added",
        "team.member_removed" => "activity.team.member_removed",
        "team.rights" => "activity.team.rights",
        "grant.changed" => "activity.grant.changed",
        "product.ordered" => "activity.product.ordered",
        "product.state" => "activity.product.state",
        "product.cancelled" => "activity.product.cancelled",
        "product.resumed" => "activity.product.resumed",
        "product.labelled" => "activity.product.labelled",
        "product.billing_address" => "activity.product.billing_address",
        "product.renewed_early" => "activity.product.renewed_early",
        "invoice.readdressed" => "activity.invoice.readdressed",
        "invoice.paid" => "activity.invoice.paid",
        "invoice.renewal" => "activity.invoice.renewal",
        "invoice.refunded" => "activity.invoice.refunded",
        "invoice.refunded_to_card" => "invoice.refunded_to_card",
        "invoice.reminder" => "activity.invoice.reminder",
        "invoice.transfer_declared" => "activity.invoice.transfer_declared",
        "checkout" => "activity.checkout",
        "invoices.exported_by_mail" => "activity.invoices.exported_by_mail",
        "prepaid.top_up" => "activity.prepaid.top_up",
        "prepaid.transfer_requested" => "activity.prepaid.transfer_requested",
        "address.added" => "activity.address.added",
        "address.changed" => "activity.address.changed",
        "address.archived" => "activity.address.archived",
        "address.restored" => "activity.address.restored",
        "withdrawal.requested" => "activity.withdrawal.requested",
        "withdrawal.decided" => "activity.withdrawal.decided",
        "withdrawal.in_transit" => "activity.withdrawal.in_transit",
        "withdrawal.paid" => "activity.withdrawal.paid",
        "bank.assigned" => "activity.bank.assigned",
        "api_token.created" => "activity.api_token.created",
        "support.granted" => "activity.support.granted",
        "support.revoked" => "activity.support.revoked",
        "support.expired" => "activity.support.expired",
        "support.entered" => "activity.support.entered",
        "support.request" => "activity.support.request",
        "support.refused" => "activity.support.refused",
        "support.vip_code" => "activity.support.vip_code",
        "ticket.opened" => "ticket.activity_opened",
        "ticket.replied" => "ticket.activity_replied",
        "ticket.answered" => "ticket.activity_answered",
        "ticket.state" => "ticket.activity_state",
        "site.created" => "activity.site.created",
        "site.deleted" => "activity.site.deleted",
        "site.mysql_prefix" => "activity.site.mysql_prefix",
        "site.env_set" => "activity.site.env_set",
        "site.env_deleted" => "activity.site.env_deleted",
        "site.db_created" => "activity.site.db_created",
        "site.db_deleted" => "activity.site.db_deleted",
        "site.db_user_created" => "activity.site.db_user_created",
        "site.db_user_deleted" => "activity.site.db_user_deleted",
        _ => return None,
    })
}

/// The catalogue key naming a kind of action, if Guichet knows it.
pub fn kind_key(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "signup" | "org" => "activity.kind.org",
        "member" | "invitation" => "activity.kind.members",
        "team" | "grant" => "activity.kind.teams",
        "product" => "activity.kind.products",
        "invoice" | "checkout" | "prepaid" | "address" | "billing" | "bank" => {
            "activity.kind.billing"
        }
        "withdrawal" => "activity.kind.payouts",
        "api_token" => "activity.kind.security",
        "support" | "ticket" => "activity.kind.support",
        "site" => "activity.kind.sites",
        _ => return None,
    })
}

/// A line in words, in `lang`: the action's description and its detail.
pub fn describe(lang: Lang, action: &str, detail: &str) -> String {
    let what = action_key(action).map_or(action, |k| t(lang, k));
    if detail.is_empty() {
        what.to_string()
    } else {
        let detail = guichet_core::said::render(lang, detail);
        guichet_core::i18n::tf(
            lang,
            "activity.line",
            &[("what", what), ("detail", &detail)],
        )
    }
}

fn filter(f: &ActivityFilter) -> AppResult<Filter> {
    let actor = match f.actor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(a) => Some(
            a.parse::<UserId>()
                .map_err(|_| AppError::invalid("actor", "field.choice"))?,
        ),
        None => None,
    };
    let kind = match f.kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(k) if k.len() <= 40 && k.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
            Some(k.to_string())
        }
        Some(_) => return Err(AppError::invalid("kind", "field.choice")),
        None => None,
    };
    let from = f
        .from
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(|d| day_start(d, "from"))
        .transpose()?;
    let to =
        f.to.as_deref()
            .filter(|s| !s.is_empty())
            .map(|d| day_start(d, "to").map(|t| t + 86_400))
            .transpose()?;
    Ok(Filter {
        actor,
        kind,
        from,
        to,
    })
}

/// How the activity log names a person in a line's detail: their e-mail address (the id if the
/// login is gone).
pub(crate) async fn person(c: &mut guichet_store::Conn, user: UserId) -> AppResult<String> {
    Ok(guichet_store::users::by_id(c, user)
        .await?
        .map_or_else(|| user.to_string(), |u| u.email))
}

impl App {
    /// The activity log, newest first, filtered, `PAGE_SIZE` lines a page seeked by key from the
    /// cursor of `after`/`before` (or the first or last page), no count (LR/Admin only).
    pub async fn activity(&self, actor: &Actor, f: &ActivityFilter) -> AppResult<ActivityPage> {
        actor.require(Action::ViewActivity)?;
        let filter = filter(f)?;
        let page = crate::pager::At::from_query(
            f.after.as_deref(),
            f.before.as_deref(),
            f.page.as_deref(),
        )
        .page()?;
        let mut c = self.db.conn().await?;
        let found = audit::page(&mut c, actor.org, &filter, &page, PAGE_SIZE).await?;
        let (actions, people) = audit::facets(&mut c, actor.org).await?;
        let mut kinds: Vec<String> = actions.iter().map(|a| kind_of(a).to_string()).collect();
        kinds.sort();
        kinds.dedup();
        Ok(ActivityPage {
            pager: crate::pager::Pager::of(&found, audit::cursor),
            lines: found.rows,
            kinds,
            people,
        })
    }

    /// The filtered activity log as CSV of `form` (see [`crate::export`]): the API's stable form
    /// with descriptions in the caller's language, or the reader's (headers in their language, BOM,
    /// `;` for fr/de, times as `YYYY-MM-DD HH:MM` UTC that a spreadsheet reads as a date and time);
    /// every text cell neutralised against spreadsheet formulas.
    pub async fn activity_csv(
        &self,
        actor: &Actor,
        f: &ActivityFilter,
        form: crate::export::CsvForm,
    ) -> AppResult<Vec<u8>> {
        use crate::export::CsvForm;
        use guichet_core::validate::spreadsheet_text as cell;
        actor.require(Action::ViewActivity)?;
        let filter = filter(f)?;
        let lang = match form {
            CsvForm::Reader(lang) => lang,
            CsvForm::Api => actor.lang,
        };
        let csv_err = |e: csv::Error| AppError::Internal(e.to_string());
        let mut out = form.writer(true, 4096);
        out.write_record(form.header(&crate::export::ACTIVITY_COLUMNS))
            .map_err(csv_err)?;
        let mut c = self.db.conn().await?;
        // Seeked by key a thousand lines at a time (each chunk an index range scan from the last
        // line of the one before), at most a hundred thousand lines.
        let size = 1000;
        let mut page = guichet_store::keyset::Page::First;
        for _ in 0..100 {
            let found = audit::page(&mut c, actor.org, &filter, &page, size).await?;
            for l in &found.rows {
                let e = &l.entry;
                let at = if form == CsvForm::Api {
                    crate::mail::format_time(e.at)
                } else {
                    self.when(e.at)
                };
                out.write_record([
                    at.as_str(),
                    cell(l.actor_name.as_deref().unwrap_or("")).as_ref(),
                    cell(l.actor_email.as_deref().unwrap_or("")).as_ref(),
                    cell(&e.action).as_ref(),
                    cell(&describe(lang, &e.action, &e.detail)).as_ref(),
                    cell(&e.ip).as_ref(),
                ])
                .map_err(csv_err)?;
            }
            match found.rows.last() {
                Some(last) if found.has_older => {
                    page = guichet_store::keyset::Page::After(audit::cursor(last));
                }
                _ => break,
            }
        }
        out.into_inner()
            .map_err(|e| AppError::Internal(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_described_in_each_language_and_unknown_codes_stay_readable() {
        assert_eq!(
            describe(Lang::Fr, "team.created", "Web"),
            "Équipe créée : Web"
        );
        assert_eq!(describe(Lang::En, "team.created", ""), "Team created");
        assert_eq!(
            describe(Lang::De, "support.refused", "POST /x → 403"),
            "Aktion des Supports abgelehnt: POST /x → 403"
        );
        assert_eq!(
            describe(Lang::En, "site.env_set", "FOO"),
            "Environment variable saved: FOO"
        );
        assert_eq!(
            describe(Lang::En, "future.thing", "FOO"),
            "future.thing: FOO"
        );
        assert_eq!(kind_of("team.rights"), "team");
        assert_eq!(kind_of("checkout"), "checkout");
        assert_eq!(kind_key("site"), Some("activity.kind.sites"));
        for action in [
            "signup",
            "member.role_changed",
            "support.vip_code",
            "org.phone",
        ] {
            let key = action_key(action).unwrap();
            for lang in Lang::ALL {
                assert_ne!(t(lang, key), key, "{key} in {lang:?}");
            }
        }
        assert!(
            filter(&ActivityFilter {
                kind: Some("team%".into()),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            filter(&ActivityFilter {
                actor: Some("nobody".into()),
                ..Default::default()
            })
            .is_err()
        );
    }
}
