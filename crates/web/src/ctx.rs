//! Request context extractors: the language, the client's origin, the session, and — for Manager
//! pages — the [`Actor`] in the current Organization. Resolved once per request, in one place.

use crate::cookies::{self, AnonCsrf};
use crate::proxies::client_origin;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::auth::SessionCtx;
use guichet_app::views::MyOrg;
use guichet_app::{Actor, AppError, Origin};
use guichet_core::Lang;

/// What every page knows about its request.
#[derive(Clone)]
pub struct Ctx {
    pub state: AppState,
    pub lang: Lang,
    pub origin: Origin,
    pub session: Option<SessionCtx>,
    pub session_token: Option<String>,
    pub anon_csrf: String,
    /// Path and query of the request (for `next=` after login).
    pub path: String,
}

impl Ctx {
    /// The token forms must carry: the session's once signed in, the anonymous cookie's before.
    pub fn csrf(&self) -> &str {
        match &self.session {
            Some(s) => &s.session.csrf,
            None => &self.anon_csrf,
        }
    }

    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        guichet_core::i18n::t(self.lang, key)
    }

    /// A message with `{name}` parameters filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        guichet_core::i18n::tf(self.lang, key, args)
    }
}

/// Language: the explicit cookie, else the person's profile, else the browser's, else French.
fn pick_lang(headers: &HeaderMap, state: &AppState, session: Option<&SessionCtx>) -> Lang {
    if let Some(l) =
        cookies::get(headers, &cookies::name(state, cookies::LANG)).and_then(|v| Lang::parse(&v))
    {
        return l;
    }
    if let Some(s) = session {
        return s.user.lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .find_map(|part| Lang::parse(part.split(';').next().unwrap_or("")))
        })
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(ctx) = parts.extensions.get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let token = cookies::get(&parts.headers, &cookies::name(state, cookies::SESSION))
            .filter(|t| !t.is_empty());
        let session = match &token {
            Some(t) => state
                .app
                .session(t)
                .await
                .map_err(|e| crate::error::WebError(e).into_response())?,
            None => None,
        };
        let anon_csrf = parts
            .extensions
            .get::<AnonCsrf>()
            .map(|a| a.0.clone())
            .unwrap_or_default();
        let ctx = Ctx {
            lang: pick_lang(&parts.headers, state, session.as_ref()),
            origin: client_origin(parts, &state.trusted_proxies),
            session,
            session_token: token,
            anon_csrf,
            path: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".into()),
            state: state.clone(),
        };
        parts.extensions.insert(ctx.clone());
        Ok(ctx)
    }
}

fn to_login(ctx: &Ctx) -> Response {
    let next = form_urlencoded_path(&ctx.path);
    Redirect::to(&format!("/login?next={next}")).into_response()
}

fn form_urlencoded_path(p: &str) -> String {
    serde_urlencoded::to_string([("n", p)])
        .map(|s| s.trim_start_matches("n=").to_string())
        .unwrap_or_default()
}

/// A fully signed-in person (password and, if enabled, second factor).
#[derive(Clone)]
pub struct Signed {
    pub ctx: Ctx,
    pub sess: SessionCtx,
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        match ctx.session.clone() {
            Some(s) if s.session.pending_2fa => Err(Redirect::to("/login/2fa").into_response()),
            Some(sess) => Ok(Signed { ctx, sess }),
            None => Err(to_login(&ctx)),
        }
    }
}

/// A signed-in person working in their current Organization.
#[derive(Clone)]
pub struct InOrg {
    pub ctx: Ctx,
    pub sess: SessionCtx,
    pub actor: Actor,
    pub orgs: Vec<MyOrg>,
}

impl FromRequestParts<AppState> for InOrg {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Signed { ctx, sess } = Signed::from_request_parts(parts, state).await?;
        let web_err = |e: AppError| crate::error::WebError(e).into_response();
        let orgs = state.app.my_orgs(sess.user.id).await.map_err(web_err)?;
        // SUP-03: an operator in an Organization they are not a member of works under its live
        // support grants, checked again on every request.
        if sess.user.is_operator
            && let Some(org) = sess.session.org_id
            && !orgs.iter().any(|m| m.org_id == org)
        {
            let actor = state
                .app
                .support_actor(sess.user.id, org, ctx.origin.clone())
                .await
                .map_err(web_err)?;
            if let Some(slot) = parts.extensions.get::<crate::support_log::SupportSlot>() {
                slot.set(&actor);
            }
            let orgs = vec![MyOrg {
                org_id: org,
                name: actor.org_name.clone(),
                role: actor.access.role,
                accounting: actor.access.accounting,
            }];
            return Ok(InOrg {
                ctx,
                sess,
                actor,
                orgs,
            });
        }
        // The session's Organization, or (if it is gone or the person left it) their first one.
        let current = sess
            .session
            .org_id
            .filter(|o| orgs.iter().any(|m| m.org_id == *o))
            .or(orgs.first().map(|m| m.org_id));
        let Some(org) = current else {
            let to = if sess.user.is_operator {
                "/admin"
            } else {
                "/orgs/new"
            };
            return Err(Redirect::to(to).into_response());
        };
        if Some(org) != sess.session.org_id {
            state.app.switch_org(&sess, org).await.map_err(web_err)?;
        }
        let Some(membership) = orgs.iter().find(|m| m.org_id == org) else {
            return Err(web_err(AppError::NotFound));
        };
        let actor = state
            .app
            .actor_of(&sess.user, membership, ctx.origin.clone())
            .await
            .map_err(web_err)?;
        if actor.needs_2fa_setup {
            return Err(Redirect::to("/profile/security?forced=1").into_response());
        }
        Ok(InOrg {
            ctx,
            sess,
            actor,
            orgs,
        })
    }
}
