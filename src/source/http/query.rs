//! Paths and query strings of `docs/api.md`.

use crate::domain::{AccessCursor, AccessFilter};

/// The access-log query of `docs/api.md`.
pub fn access_query(
    filter: &AccessFilter,
    after: Option<AccessCursor>,
    limit: u32,
) -> Vec<(&'static str, String)> {
    let mut q = Vec::new();
    if let Some(from) = filter.from {
        q.push(("from", from.to_string()));
    }
    if let Some(to) = filter.to {
        q.push(("to", to.to_string()));
    }
    if let Some(area) = &filter.area {
        q.push(("area", area.clone()));
    }
    if let Some(org) = filter.organisation {
        q.push(("organisation", org.to_string()));
    }
    if let Some(action) = filter.action {
        q.push(("action", action.code().to_owned()));
    }
    if let Some(text) = &filter.text {
        q.push(("q", text.clone()));
    }
    if let Some(after) = after {
        q.push(("after", after.encode()));
    }
    q.push(("limit", limit.clamp(1, 200).to_string()));
    q
}

/// Percent-encodes a path segment (area codes are plain, but a path must never be bent by data). `None` for
/// a segment that would still move the path (empty, `.` or `..`).
pub fn path_segment(s: &str) -> Option<String> {
    if s.is_empty() || s.chars().all(|c| c == '.') {
        return None;
    }
    Some(
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_cannot_bend_the_path() {
        assert_eq!(path_segment("health").unwrap(), "health");
        assert_eq!(path_segment("../me?x").unwrap(), "..%2Fme%3Fx");
        assert_eq!(path_segment(".."), None);
        assert_eq!(path_segment(""), None);
    }

    #[test]
    fn an_empty_filter_asks_for_the_limit_only() {
        let q = access_query(&AccessFilter::default(), None, 500);
        assert_eq!(q, vec![("limit", "200".to_owned())]);
    }
}
