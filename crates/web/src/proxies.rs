//! Who the client is behind the reverse proxies: the trusted proxy list and the request's origin
//! (client address and browser).

use axum::extract::ConnectInfo;
use axum::http::header;
use axum::http::request::Parts;
use guichet_app::Origin;
use std::net::{IpAddr, SocketAddr};

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
        v4 @ IpAddr::V4(_) => v4,
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
