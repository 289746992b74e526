//! The access log's filter form read back: period (days in Copenhagen), area, organisation, action and
//! search. A value that cannot be read is left out, and the caller is told, so the page can say so.

use super::render::Fields;
use crate::domain::AccessFilter;
use crate::i18n::copenhagen;

/// A field's trimmed value, if any is left.
pub(super) fn field<'a>(q: &'a Fields, name: &str) -> Option<&'a str> {
    q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The first second of a `YYYY-MM-DD` day in Copenhagen (`next`: of the day after).
pub(super) fn day(v: &str, next: bool) -> Option<jiff::Timestamp> {
    let d: jiff::civil::Date = v.parse().ok()?;
    let d = if next { d.tomorrow().ok()? } else { d };
    d.to_zoned_datetime(copenhagen())
        .ok()
        .map(|z| z.timestamp())
}

/// The filter the form's fields ask for, and whether any of them could not be read.
pub fn filter_of(q: &Fields) -> (AccessFilter, bool) {
    let mut bad = false;
    let mut read = |v: Option<&str>, f: &dyn Fn(&str) -> Option<()>| {
        if let Some(v) = v
            && f(v).is_none()
        {
            bad = true;
        }
    };
    let mut filter = AccessFilter::default();
    let (from, to) = (field(q, "from"), field(q, "to"));
    read(from, &|v| day(v, false).map(|_| ()));
    read(to, &|v| day(v, true).map(|_| ()));
    filter.from = from.and_then(|v| day(v, false));
    filter.to = to.and_then(|v| day(v, true));
    let org = field(q, "organisation");
    read(org, &|v| {
        v.parse::<i64>().ok().filter(|n| *n >= 1).map(|_| ())
    });
    filter.organisation = org.and_then(|v| v.parse().ok()).filter(|n| *n >= 1);
    let action = field(q, "action");
    read(action, &|v| crate::domain::Action::from_code(v).map(|_| ()));
    filter.action = action.and_then(crate::domain::Action::from_code);
    filter.area = field(q, "area")
        .filter(|a| a.len() <= 100)
        .map(str::to_owned);
    filter.text = field(q, "q").map(|s| s.chars().take(100).collect());
    (filter, bad)
}

/// The form's fields again, as a query (without `after`), for the "older entries" link.
pub(super) fn query_of(q: &Fields) -> String {
    let mut parts: Vec<(&str, &str)> = ["q", "from", "to", "area", "organisation", "action"]
        .into_iter()
        .filter_map(|k| field(q, k).map(|v| (k, v)))
        .collect();
    parts.sort();
    let mut out = String::new();
    for (k, v) in parts {
        let pair = reqwest::Url::parse_with_params("x:/", [(k, v)])
            .ok()
            .and_then(|u| u.query().map(str::to_owned))
            .unwrap_or_default();
        out.push('&');
        out.push_str(&pair);
    }
    out
}

/// The log's path with the filters' query (`query` as [`query_of`] makes it), for the language switch.
pub(super) fn here(query: &str) -> String {
    match query.trim_start_matches('&') {
        "" => "/access-log".to_owned(),
        q => format!("/access-log?{q}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_filter_is_read_leniently_and_says_what_it_left_out() {
        let (f, bad) = filter_of(&q(&[
            ("from", "2026-01-31"),
            ("to", "2026-02-01"),
            ("action", "viewed"),
            ("q", " jobcenter "),
        ]));
        assert!(!bad);
        assert_eq!(f.from.unwrap().to_string(), "2026-01-30T23:00:00Z");
        assert_eq!(f.to.unwrap().to_string(), "2026-02-01T23:00:00Z");
        assert_eq!(f.action, Some(crate::domain::Action::Viewed));
        assert_eq!(f.text.as_deref(), Some("jobcenter"));
        let (f, bad) = filter_of(&q(&[
            ("from", "31-01-2026"),
            ("action", "peeked"),
            ("organisation", "-3"),
        ]));
        assert!(bad);
        assert_eq!(f, AccessFilter::default());
        let (f, bad) = filter_of(&q(&[("from", ""), ("area", "")]));
        assert!(!bad);
        assert_eq!(f, AccessFilter::default());
    }

    #[test]
    fn the_older_link_keeps_the_filters_encoded() {
        assert_eq!(
            query_of(&q(&[("q", "a&b c"), ("lang", "en"), ("after", "x")])),
            "&q=a%26b+c"
        );
    }
}
