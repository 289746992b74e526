//! The access log on the phone: filters (period, area, organisation, action, search) in a plain GET form,
//! pages of 20 entries newest first with a link to older ones, one entry with all its facts, and
//! "I don't recognise this" (a form with the session's CSRF token).
//!
//! A filter value that cannot be read (a malformed date, an unknown action) is left out, and the page says
//! so: the citizen still sees their log.

use super::pages::{Cards, cards_page, signed};
use super::render::{Fields, csrf_ok, csrf_refused, html, signed_in, store_error};
use super::views::{Action, Card, Chrome, Link, Page, Row, lang_of};
use crate::domain::{AccessCursor, AccessEvent, AccessFilter, Actor, Lang};
use crate::i18n::{copenhagen, format_datetime, format_day, t, tr};
use crate::server::ServerState;
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// Entries on one page.
const PAGE: u32 = 20;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

pub struct Select {
    pub name: &'static str,
    pub label: String,
    pub options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "portal/access_log.html")]
struct LogPage {
    chrome: Chrome,
    intro: String,
    filters_label: String,
    search_label: String,
    search: String,
    from_label: String,
    from: String,
    to_label: String,
    to: String,
    selects: Vec<Select>,
    show_label: String,
    clear_label: String,
    notice: Option<String>,
    count: String,
    entries: Vec<Card>,
    empty: String,
    older: Option<Link>,
}

/// A field's trimmed value, if any is left.
fn field<'a>(q: &'a Fields, name: &str) -> Option<&'a str> {
    q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The first second of a `YYYY-MM-DD` day in Copenhagen (`next`: of the day after).
fn day(v: &str, next: bool) -> Option<jiff::Timestamp> {
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

fn action_label(lang: Lang, a: crate::domain::Action) -> String {
    t(lang, &format!("action-{}", a.code()))
}

/// The entry's facts as rows, as the kiosk shows them.
fn entry_rows(lang: Lang, e: &AccessEvent) -> Vec<Row> {
    let mut rows = vec![
        Row::new(t(lang, "portal-when"), format_datetime(lang, e.at)),
        Row::new(t(lang, "filter-action"), action_label(lang, e.action)),
        Row::new(t(lang, "entry-organisation"), e.organisation.get(lang)),
        Row::new(t(lang, "entry-unit"), e.unit.get(lang)),
        Row::new(t(lang, "entry-role"), e.role.get(lang)),
    ];
    if let Some(name) = &e.employee {
        rows.push(Row::new(t(lang, "entry-employee"), name.clone()));
    }
    rows.push(Row::new(t(lang, "entry-data"), e.category.get(lang)));
    rows.push(Row::new(t(lang, "entry-system"), e.system.clone()));
    rows.push(Row::new(t(lang, "entry-why"), e.purpose.get(lang)));
    if let Some(case) = &e.case_ref {
        rows.push(Row::new(t(lang, "entry-case"), case.clone()));
    }
    rows
}

/// The form's fields again, as a query (without `after`), for the "older entries" link.
fn query_of(q: &Fields) -> String {
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
fn here(query: &str) -> String {
    match query.trim_start_matches('&') {
        "" => "/access-log".to_owned(),
        q => format!("/access-log?{q}"),
    }
}

pub async fn access_log(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::AccessLog);
    let (filter, bad) = filter_of(&q);
    let after = field(&q, "after").and_then(AccessCursor::decode);
    let (page, areas, orgs) = match (
        s.store
            .access_page(&me.who, filter.clone(), after, PAGE, me.now)
            .await,
        s.store.areas(&me.who).await,
        s.store.organisations(&me.who, me.now).await,
    ) {
        (Ok(p), Ok(a), Ok(o)) => (p, a, o),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            return store_error(e, lang, Page::Overview);
        }
    };
    let all = t(lang, "filter-all");
    let choice = |value: String, label: String, chosen: bool| Choice {
        value,
        label,
        chosen,
    };
    let mut area_opts = vec![choice(String::new(), all.clone(), filter.area.is_none())];
    area_opts.extend(areas.iter().map(|a| {
        choice(
            a.code.clone(),
            a.name.get(lang).to_owned(),
            filter.area.as_deref() == Some(&a.code),
        )
    }));
    let mut org_opts = vec![choice(
        String::new(),
        all.clone(),
        filter.organisation.is_none(),
    )];
    org_opts.extend(orgs.iter().map(|o| {
        choice(
            o.id.to_string(),
            o.name.get(lang).to_owned(),
            filter.organisation == Some(o.id),
        )
    }));
    let mut action_opts = vec![choice(String::new(), all, filter.action.is_none())];
    action_opts.extend(crate::domain::Action::ALL.iter().map(|a| {
        choice(
            a.code().to_owned(),
            action_label(lang, *a),
            filter.action == Some(*a),
        )
    }));
    let query = query_of(&q);
    let entries: Vec<Card> = page
        .entries
        .iter()
        .map(|e| Card {
            title: format!("{} · {}", format_day(lang, e.at), e.organisation.get(lang)),
            href: Some(format!("/access-log/{}?lang={}", e.id, lang.code())),
            rows: entry_rows(lang, e),
            ..Card::default()
        })
        .collect();
    let older = page.next.map(|c| Link {
        href: format!(
            "/access-log?lang={}{query}&after={}",
            lang.code(),
            c.encode()
        ),
        label: t(lang, "portal-older"),
    });
    let view = LogPage {
        chrome: Chrome::new(
            lang,
            t(lang, "title-access-log"),
            Some(Page::AccessLog),
            &here(&query),
            Some(&me.csrf),
        ),
        intro: t(lang, "portal-log-explain"),
        filters_label: t(lang, "title-access-filter"),
        search_label: t(lang, "filter-search"),
        search: filter.text.clone().unwrap_or_default(),
        from_label: t(lang, "portal-from"),
        from: field(&q, "from")
            .filter(|v| day(v, false).is_some())
            .unwrap_or("")
            .to_owned(),
        to_label: t(lang, "portal-to"),
        to: field(&q, "to")
            .filter(|v| day(v, true).is_some())
            .unwrap_or("")
            .to_owned(),
        selects: vec![
            Select {
                name: "area",
                label: t(lang, "filter-area"),
                options: area_opts,
            },
            Select {
                name: "organisation",
                label: t(lang, "filter-organisation"),
                options: org_opts,
            },
            Select {
                name: "action",
                label: t(lang, "filter-action"),
                options: action_opts,
            },
        ],
        show_label: t(lang, "filter-show"),
        clear_label: t(lang, "filter-clear"),
        notice: bad.then(|| t(lang, "portal-filter-unread")),
        count: if after.is_some() {
            t(lang, "portal-log-older-page")
        } else {
            t(lang, "log-newest-first")
        },
        entries,
        empty: t(lang, "portal-log-empty"),
        older,
    };
    html(StatusCode::OK, &view, lang)
}

pub async fn entry(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::AccessLog);
    let (e, reports) = match (
        s.store.access_event(&me.who, id, me.now).await,
        s.store.access_reports(&me.who).await,
    ) {
        (Ok(e), Ok(r)) => (e, r),
        (Err(e), _) | (_, Err(e)) => return store_error(e, lang, Page::AccessLog),
    };
    let mut notes = vec![t(lang, &format!("action-{}-explain", e.action.code()))];
    match e.actor() {
        Actor::Citizen => notes.push(t(lang, "entry-actor-self")),
        Actor::Batch { records } => {
            notes.push(tr(lang, "entry-batch", &[("records", records.into())]))
        }
        Actor::Staff if e.employee.is_none() => notes.push(t(lang, "entry-employee-hidden")),
        Actor::Staff => {}
    }
    let mut rows = entry_rows(lang, &e);
    rows.push(Row::new(t(lang, "entry-reference"), e.reference.clone()));
    let mut report = Card {
        title: t(lang, "entry-recognise"),
        ..Card::default()
    };
    match reports.iter().find(|r| r.event_id == e.id) {
        Some(r) => {
            report.notes.push(tr(
                lang,
                "entry-reported",
                &[
                    ("date", format_day(lang, r.filed_at).into()),
                    ("reference", r.reference.clone().into()),
                ],
            ));
            report.rows.push(Row::new(
                t(lang, "entry-report-status"),
                t(lang, &format!("report-status-{}", r.status.code())),
            ));
        }
        None => {
            report.notes.push(t(lang, "portal-report-explain"));
            report.action = Some(Action {
                href: format!("/access-log/{}/report?lang={}", e.id, lang.code()),
                label: t(lang, "portal-report"),
                csrf: me.csrf.to_string(),
            });
        }
    }
    let cards = vec![
        Card {
            title: format_datetime(lang, e.at),
            rows,
            notes,
            ..Card::default()
        },
        report,
    ];
    let page = Cards {
        title: t(lang, "portal-entry-title"),
        intro: Vec::new(),
        cards,
        empty: String::new(),
        links: vec![Link {
            href: Page::AccessLog.href(lang),
            label: t(lang, "portal-back"),
        }],
        notice: q.contains_key("reported").then(|| {
            format!(
                "{} {}",
                t(lang, "report-filed-title"),
                t(lang, "report-filed-next")
            )
        }),
    };
    cards_page(
        &me,
        lang,
        Page::AccessLog,
        &format!("/access-log/{id}"),
        page,
    )
}

/// `POST /access-log/{id}/report`: "I don't recognise this", for the DPO; then back to the entry.
pub async fn report(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<Fields>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let lang = lang_of(q.get("lang").map(String::as_str));
    let me = match signed_in(&s, &headers, Page::AccessLog, lang) {
        Ok(me) => me,
        Err(answer) => return answer,
    };
    let fields = form.map(|f| f.0).unwrap_or_default();
    if !csrf_ok(&fields, &me) {
        return csrf_refused(lang, Page::AccessLog);
    }
    match s.store.report_access(&me.who, id, lang, me.now).await {
        Ok(_) => Redirect::to(&format!("/access-log/{id}?lang={}&reported=1", lang.code()))
            .into_response(),
        Err(e) => store_error(e, lang, Page::AccessLog),
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
