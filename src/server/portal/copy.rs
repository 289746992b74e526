//! "A copy of your data" (GDPR Art. 15(3) and Art. 20), on the phone only: everything the citizen can see,
//! as JSON (documented in `docs/portal-copy.md`) and as a printable page. The kiosk never offers it: a
//! file left on a shared machine would be read by the next person.

use super::pages::signed;
use super::render::{Fields, Signed, html, signed_in, store_error};
use super::views::{Card, Chrome, Link, Page, Row, lang_of};
use crate::domain::{
    AccessEvent, AccessReport, Area, CitizenRequest, ConnectedSystem, Consent, DataCategory,
    DecisionSupport, Lang, Overview, Purpose,
};
use crate::i18n::{format_datetime, t};
use crate::server::ServerState;
use crate::server::error::ApiError;
use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The copy's format version: raised when a field changes meaning or goes.
pub const COPY_VERSION: u32 = 1;

/// One area with its categories, each in full (values unmasked: this is the citizen's own copy).
#[derive(Serialize)]
pub struct AreaCopy {
    pub area: Area,
    pub categories: Vec<DataCategory>,
}

/// Everything the citizen can see, at `made_at`.
#[derive(Serialize)]
pub struct DataCopy {
    pub format: &'static str,
    pub version: u32,
    pub made_at: jiff::Timestamp,
    pub name: String,
    pub cpr_masked: String,
    pub overview: Overview,
    pub areas: Vec<AreaCopy>,
    pub purposes: Vec<Purpose>,
    pub access_log: Vec<AccessEvent>,
    pub reports: Vec<AccessReport>,
    pub consents: Vec<Consent>,
    pub requests: Vec<CitizenRequest>,
    pub decision_support: Vec<DecisionSupport>,
    pub systems: Vec<ConnectedSystem>,
}

/// Gathers the copy from the store, with the session's citizen only.
async fn gather(s: &ServerState, me: &Signed) -> Result<DataCopy, ApiError> {
    let store = &s.store;
    let citizen = store.citizen(&me.who).await?;
    let mut areas = Vec::new();
    for area in store.areas(&me.who).await? {
        let mut categories = Vec::new();
        for c in store.area_categories(&me.who, area.code.clone()).await? {
            categories.push(store.category(&me.who, c.id).await?);
        }
        areas.push(AreaCopy { area, categories });
    }
    let mut access_log = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .access_page(&me.who, Default::default(), after, 200, me.now)
            .await?;
        access_log.extend(page.entries);
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    if !s.show_employee_names {
        for e in &mut access_log {
            e.employee = None;
        }
    }
    let name = match (citizen.name.trim(), &me.name) {
        ("", Some(n)) => n.to_string(),
        (n, _) => n.to_owned(),
    };
    Ok(DataCopy {
        format: "indsigt-data-copy",
        version: COPY_VERSION,
        made_at: me.now,
        name,
        cpr_masked: citizen.cpr.masked(),
        overview: store.overview(&me.who, me.now).await?,
        areas,
        purposes: store.purposes(&me.who).await?,
        access_log,
        reports: store.access_reports(&me.who).await?,
        consents: store.consents(&me.who).await?,
        requests: store.citizen_requests(&me.who).await?,
        decision_support: store.decision_support(&me.who).await?,
        systems: store
            .connected_systems(&me.who, me.now, s.stale_after_secs)
            .await?,
    })
}

#[derive(Template)]
#[template(path = "portal/copy_page.html")]
struct CopyLinks {
    chrome: Chrome,
    intro: Vec<String>,
    links: Vec<Link>,
    note: String,
}

/// `/copy`: what the copy holds, and the two downloads.
pub async fn page(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Copy);
    let view = CopyLinks {
        chrome: Chrome::new(
            lang,
            t(lang, "portal-title-copy"),
            Some(Page::Copy),
            "/copy",
            Some(&me.csrf),
        ),
        intro: vec![t(lang, "portal-copy-explain"), t(lang, "portal-copy-phone")],
        links: vec![
            Link {
                href: format!("/copy.html?lang={}", lang.code()),
                label: t(lang, "portal-copy-html"),
            },
            Link {
                href: format!("/copy.json?lang={}", lang.code()),
                label: t(lang, "portal-copy-json"),
            },
        ],
        note: t(lang, "portal-copy-note"),
    };
    html(StatusCode::OK, &view, lang)
}

/// `/copy.json`: the copy as a file.
pub async fn json(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Copy);
    match gather(&s, &me).await {
        Ok(copy) => {
            let mut response = Json(copy).into_response();
            let name = format!(
                "attachment; filename=\"indsigt-{}.json\"",
                me.now.strftime("%Y-%m-%d")
            );
            if let Ok(v) = HeaderValue::from_str(&name) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, v);
            }
            response
        }
        Err(e) => store_error(e, lang, Page::Copy),
    }
}

struct Section {
    title: String,
    empty: String,
    cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "portal/copy.html")]
struct Printable {
    chrome: Chrome,
    intro: Vec<String>,
    sections: Vec<Section>,
}

fn sections(lang: Lang, c: &DataCopy) -> Vec<Section> {
    let section = |title: &str, empty: &str, cards: Vec<Card>| Section {
        title: t(lang, title),
        empty: t(lang, empty),
        cards,
    };
    let data = c
        .areas
        .iter()
        .flat_map(|a| a.categories.iter().map(move |cat| (a, cat)))
        .map(|(a, cat)| Card {
            title: format!("{} · {}", a.area.name.get(lang), cat.name.get(lang)),
            badge: Some(super::pages::lawfulness(lang, cat.lawfulness)),
            rows: cat
                .fields
                .iter()
                .map(|f| Row::new(f.label.get(lang).to_owned(), f.value.get(lang)))
                .collect(),
            notes: vec![cat.description.get(lang).to_owned()],
            ..Card::default()
        })
        .collect();
    let purposes = c
        .purposes
        .iter()
        .map(|p| Card {
            title: p.name.get(lang).to_owned(),
            badge: Some(super::pages::lawfulness(lang, p.lawfulness)),
            notes: vec![
                p.description.get(lang).to_owned(),
                p.legal_basis.plain.get(lang).to_owned(),
            ],
            ..Card::default()
        })
        .collect();
    let log = c
        .access_log
        .iter()
        .map(|e| Card {
            title: format!(
                "{} · {}",
                format_datetime(lang, e.at),
                e.organisation.get(lang)
            ),
            rows: vec![
                Row::new(t(lang, "entry-data"), e.category.get(lang)),
                Row::new(t(lang, "entry-why"), e.purpose.get(lang)),
                Row::new(t(lang, "entry-reference"), e.reference.clone()),
            ],
            ..Card::default()
        })
        .collect();
    let consents = c
        .consents
        .iter()
        .map(|x| Card {
            title: x.scope.get(lang).to_owned(),
            rows: vec![
                Row::new(t(lang, "consent-recipient"), x.recipient.get(lang)),
                Row::new(t(lang, "consent-given"), format_datetime(lang, x.given_at)),
            ],
            badge: Some(t(
                lang,
                if x.is_active() {
                    "consent-active"
                } else {
                    "consent-withdrawn-explain"
                },
            )),
            ..Card::default()
        })
        .collect();
    let decisions = c
        .decision_support
        .iter()
        .map(|d| Card {
            title: d.tool.get(lang).to_owned(),
            rows: vec![
                Row::new(
                    t(lang, "decision-used-on"),
                    format_datetime(lang, d.used_at),
                ),
                Row::new(t(lang, "decision-result"), d.result.get(lang)),
                Row::new(t(lang, "decision-human"), d.human_role.get(lang)),
            ],
            ..Card::default()
        })
        .collect();
    vec![
        section("title-data", "areas-none", data),
        section("title-purposes", "purposes-none", purposes),
        section("title-access-log", "portal-log-empty", log),
        section("title-consents", "consents-none", consents),
        section("title-decisions", "decisions-none", decisions),
    ]
}

/// `/copy.html`: the same copy as a page to print or save.
pub async fn printable(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Copy);
    let copy = match gather(&s, &me).await {
        Ok(c) => c,
        Err(e) => return store_error(e, lang, Page::Copy),
    };
    let view = Printable {
        chrome: Chrome::new(
            lang,
            t(lang, "portal-copy-html-title"),
            Some(Page::Copy),
            "/copy.html",
            Some(&me.csrf),
        ),
        intro: vec![
            format!("{} · {}", copy.name, copy.cpr_masked),
            format!(
                "{} {}",
                t(lang, "portal-copy-made"),
                format_datetime(lang, copy.made_at)
            ),
        ],
        sections: sections(lang, &copy),
    };
    html(StatusCode::OK, &view, lang)
}
