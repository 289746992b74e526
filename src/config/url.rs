//! Just enough URL checking for the config: `https://host[:port][/path]`, and `http://` only to loopback.

use super::errors::UrlProblem;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Checks that `s` is an `https://` URL with a host (`http://` is allowed for loopback hosts only).
pub fn check_url(s: &str) -> Result<(), UrlProblem> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Malformed);
    }
    let lower = s.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(UrlProblem::NotHttps);
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        // No user names or passwords in a URL in the config.
        return Err(UrlProblem::Malformed);
    }
    let host = host_of(authority).ok_or(UrlProblem::Malformed)?;
    if !secure && !is_loopback(host) {
        return Err(UrlProblem::NotHttps);
    }
    Ok(())
}

/// The host of `host[:port]` or `[v6][:port]`, if both parts are well formed.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']')?;
        host.parse::<Ipv6Addr>().ok()?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        port.parse::<u16>().ok()?;
    }
    let valid_name = host
        .split('.')
        .all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'));
    (host.parse::<Ipv6Addr>().is_ok() || valid_name).then_some(host)
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || host.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether `s` looks like a PHC string (`$scheme$...$hash`). The scheme itself is checked where PINs are.
pub fn is_phc_string(s: &str) -> bool {
    let mut parts = s.split('$');
    let starts_empty = parts.next() == Some("");
    let scheme_ok = parts.next().is_some_and(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    let rest: Vec<&str> = parts.collect();
    starts_empty && scheme_ok && !rest.is_empty() && rest.iter().all(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_pass_and_http_only_for_loopback() {
        assert_eq!(check_url("https://indsigt.eksempel-kommune.dk"), Ok(()));
        assert_eq!(check_url("https://example.dk:8443/v1?x=1"), Ok(()));
        assert_eq!(check_url("http://127.0.0.1:8080"), Ok(()));
        assert_eq!(check_url("http://localhost/x"), Ok(()));
        assert_eq!(check_url("http://[::1]:3000"), Ok(()));
        assert_eq!(check_url("http://example.dk"), Err(UrlProblem::NotHttps));
        assert_eq!(check_url("example.dk"), Err(UrlProblem::NotHttps));
        assert_eq!(check_url("https://"), Err(UrlProblem::Malformed));
        assert_eq!(check_url("https://a b.dk"), Err(UrlProblem::Malformed));
        assert_eq!(
            check_url("https://user:pw@example.dk"),
            Err(UrlProblem::Malformed)
        );
        assert_eq!(
            check_url("https://example.dk:99999"),
            Err(UrlProblem::Malformed)
        );
    }

    #[test]
    fn phc_strings() {
        assert!(is_phc_string(
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"
        ));
        assert!(!is_phc_string("1234"));
        assert!(!is_phc_string("$argon2id"));
        assert!(!is_phc_string("$$x"));
    }
}
