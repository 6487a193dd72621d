//! Request context extractors: the language, the client's origin, the session, and — for Manager
//! pages — the [`Actor`] in the current Organization. Resolved once per request, in one place.

use crate::AppState;
use crate::cookies::{self, AnonCsrf};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::auth::SessionCtx;
use guichet_app::{Actor, AppError, Origin};
use guichet_core::Lang;
use guichet_store::memberships::MyOrg;
use std::net::{IpAddr, SocketAddr};

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

/// The reverse proxies whose `X-Forwarded-For` is believed (`GUICHET_TRUSTED_PROXIES`): a list of
/// CIDR blocks, IPv4 and IPv6. Empty: the header is ignored and the peer is the client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// `10.0.0.0/8, 192.168.1.10, ::1, fd00::/8` (a bare address is a /32 or /128). An invalid
    /// entry is refused with a message naming it.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let mut out = Vec::new();
        for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (addr, len) = match part.split_once('/') {
                Some((a, l)) => (a, Some(l)),
                None => (part, None),
            };
            let ip: IpAddr = addr.parse().map_err(|_| {
                format!("{part:?} is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1)")
            })?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            let len = match len {
                None => max,
                Some(l) => match l.parse::<u8>() {
                    Ok(n) if n <= max => n,
                    _ => return Err(format!("{part:?}: the prefix length must be 0…{max}")),
                },
            };
            out.push((ip, len));
        }
        Ok(TrustedProxies(out))
    }

    /// The loopback addresses only (what `GUICHET_TRUST_PROXY=true` means).
    pub fn loopback() -> TrustedProxies {
        TrustedProxies(vec![
            (IpAddr::from([127, 0, 0, 0]), 8),
            (IpAddr::from(std::net::Ipv6Addr::LOCALHOST), 128),
        ])
    }

    pub fn extend(&mut self, other: TrustedProxies) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = unmapped(ip);
        self.0.iter().any(|&(net, len)| match (unmapped(net), ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_eq(&n.octets(), &a.octets(), len),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_eq(&n.octets(), &a.octets(), len),
            _ => false,
        })
    }

    /// The client's address: the peer if it is not a trusted proxy; else, reading
    /// `X-Forwarded-For` from the right (the entries our own proxies appended), the first address
    /// that is not a trusted proxy. Entries left of it were written by the client and are never
    /// believed. When every entry is a trusted proxy (or an entry is unreadable), the last
    /// trusted address seen is the client.
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let mut client = peer;
        for entry in forwarded_for
            .iter()
            .flat_map(|h| h.split(','))
            .map(str::trim)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            let Some(ip) = parse_forwarded_entry(entry) else {
                break;
            };
            client = ip;
            if !self.contains(ip) {
                break;
            }
        }
        client
    }
}

/// `203.0.113.7`, `2001:db8::1`, `[2001:db8::1]:443` or `203.0.113.7:55000`.
fn parse_forwarded_entry(e: &str) -> Option<IpAddr> {
    if let Ok(ip) = e.parse::<IpAddr>() {
        return Some(ip);
    }
    e.parse::<SocketAddr>().ok().map(|s| s.ip())
}

fn unmapped(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn prefix_eq(net: &[u8], addr: &[u8], len: u8) -> bool {
    let (full, rest) = (usize::from(len / 8), len % 8);
    if net[..full] != addr[..full] {
        return false;
    }
    rest == 0 || {
        let mask = 0xFFu8 << (8 - rest);
        net[full] & mask == addr[full] & mask
    }
}

/// The request's origin (client address and browser), for throttling, sessions and the audit
/// log. The Manager and the API both call this.
pub fn client_origin(parts: &Parts, proxies: &TrustedProxies) -> Origin {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let ip = peer
        .map(|p| proxies.client_ip(p, &forwarded).to_string())
        .unwrap_or_default();
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    Origin { ip, user_agent }
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
        let actor = state
            .app
            .actor(sess.user.id, org, ctx.origin.clone())
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

#[cfg(test)]
mod tests {
    use super::TrustedProxies;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn trusted_proxy_lists_are_parsed_or_refused() {
        let p = TrustedProxies::parse(" 10.0.0.0/8, 192.168.1.10 ,fd00::/8, ::1,").unwrap();
        for (addr, inside) in [
            ("10.1.2.3", true),
            ("11.0.0.1", false),
            ("192.168.1.10", true),
            ("192.168.1.11", false),
            ("fd12::5", true),
            ("fe80::1", false),
            ("::1", true),
            ("::ffff:10.9.9.9", true),
            ("127.0.0.1", false),
        ] {
            assert_eq!(p.contains(ip(addr)), inside, "{addr}");
        }
        let odd = TrustedProxies::parse("172.16.0.0/12").unwrap();
        assert!(odd.contains(ip("172.31.255.255")) && !odd.contains(ip("172.32.0.0")));
        assert!(TrustedProxies::parse("").unwrap().is_empty());
        for bad in ["10.0.0.0/33", "proxy.local", "10.0.0.0/", "::/129", "1.2.3"] {
            let e = TrustedProxies::parse(bad).unwrap_err();
            assert!(e.contains(bad), "{bad}: {e}");
        }
    }

    #[test]
    fn the_client_is_the_right_most_address_not_a_trusted_proxy() {
        let p = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let proxy = ip("10.0.0.2");
        let cases: &[(IpAddr, &[&str], &str)] = &[
            // No trusted proxy in front: the header is the client's own words.
            (ip("198.51.100.9"), &["1.2.3.4"], "198.51.100.9"),
            (proxy, &["6.6.6.6, 203.0.113.7"], "203.0.113.7"),
            (proxy, &["6.6.6.6", "203.0.113.7, 10.0.0.1"], "203.0.113.7"),
            (proxy, &["203.0.113.7, 10.0.0.9, 10.0.0.1"], "203.0.113.7"),
            (proxy, &["10.0.0.9"], "10.0.0.9"),
            (proxy, &[], "10.0.0.2"),
            (proxy, &["garbage, 10.0.0.7"], "10.0.0.7"),
            (proxy, &["6.6.6.6, [2001:db8::7]:443"], "2001:db8::7"),
            (proxy, &["6.6.6.6, 203.0.113.7:5500"], "203.0.113.7"),
        ];
        for (peer, headers, want) in cases {
            assert_eq!(
                p.client_ip(*peer, headers).to_string(),
                *want,
                "{peer} {headers:?}"
            );
        }
        assert_eq!(
            TrustedProxies::default()
                .client_ip(ip("127.0.0.1"), &["6.6.6.6"])
                .to_string(),
            "127.0.0.1",
            "no list: the header is ignored"
        );
    }
}
