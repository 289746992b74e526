//! The access log on the phone: filters (period, area, organisation, action, search) in a plain GET form,
//! pages of 20 entries newest first with a link to older ones, one entry with all its facts, and
//! "I don't recognise this" (a form with the session's CSRF token).
//!
//! A filter value that cannot be read (a malformed date, an unknown action) is left out, and the page says
//! so: the citizen still sees their log.

use super::log_filter::{day, field, filter_of, here, query_of};
use super::pages::{Cards, cards_page, signed};
use super::render::{Fields, done_notice, guarded_post, html, signed_in, store_error};
use super::views::{Action, Card, Chrome, Link, Page, Row, lang_of};
use crate::domain::{AccessCursor, AccessEvent, Actor, Lang};
use crate::i18n::{format_datetime, format_day, t, tr};
use crate::server::ServerState;
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

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
        Actor::Representative | Actor::ForOther | Actor::Assisted => notes.extend(
            e.on_behalf
                .as_ref()
                .map(|side| crate::i18n::on_behalf_sentence(lang, side)),
        ),
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
        notice: q
            .contains_key("reported")
            .then(|| done_notice(lang, "report-filed-title", "report-filed-next")),
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
    let (lang, me) = signed!(s, headers, q, Page::AccessLog);
    let done = format!("/access-log/{id}?lang={}&reported=1", lang.code());
    guarded_post(&me, lang, Page::AccessLog, form, done, || {
        s.store.report_access(&me.who, id, lang, me.now)
    })
    .await
}
