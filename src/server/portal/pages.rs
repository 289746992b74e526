//! The portal's sections that are lists of cards: overview, data (areas, categories, one category with
//! sensitive values masked until asked for), purposes, consents (with withdraw), requests, decisions,
//! connected systems and rights. Each asks the store with the session's citizen only, so another
//! citizen's item is "not found", like one that does not exist.

use super::render::{Fields, Signed, csrf_ok, csrf_refused, html, signed_in, store_error};
use super::views::{Action, Card, Chrome, Link, Page, Row, lang_of};
use crate::domain::{Lang, Lawfulness};
use crate::i18n::{format_date, format_datetime, t, tr};
use crate::server::ServerState;
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "portal/cards.html")]
pub struct CardsPage {
    pub chrome: Chrome,
    pub intro: Vec<String>,
    pub notice: Option<String>,
    pub cards: Vec<Card>,
    pub empty: String,
    pub links: Vec<Link>,
}

/// The parts of a cards page that differ from one page to the next.
pub struct Cards {
    pub title: String,
    pub intro: Vec<String>,
    pub cards: Vec<Card>,
    pub empty: String,
    pub links: Vec<Link>,
    pub notice: Option<String>,
}

/// The page `page` (its menu item marked) at `here` (its path and query, without `lang`).
pub fn cards_page(signed: &Signed, lang: Lang, page: Page, here: &str, c: Cards) -> Response {
    let view = CardsPage {
        chrome: Chrome::new(lang, c.title, Some(page), here, Some(&signed.csrf)),
        intro: c.intro,
        notice: c.notice,
        cards: c.cards,
        empty: c.empty,
        links: c.links,
    };
    html(StatusCode::OK, &view, lang)
}

fn simple(title: String, intro: Vec<String>, cards: Vec<Card>, empty: String) -> Cards {
    Cards {
        title,
        intro,
        cards,
        empty,
        links: Vec::new(),
        notice: None,
    }
}

/// The request's language and its signed-in citizen, or the answer to send instead.
macro_rules! signed {
    ($s:expr, $headers:expr, $q:expr, $page:expr) => {{
        let lang = lang_of($q.get("lang").map(String::as_str));
        match signed_in(&$s, &$headers, $page, lang) {
            Ok(signed) => (lang, signed),
            Err(answer) => return answer,
        }
    }};
}
pub(super) use signed;

pub fn lawfulness(lang: Lang, l: Lawfulness) -> String {
    t(
        lang,
        match l {
            Lawfulness::Voluntary => "badge-voluntary",
            Lawfulness::RequiredByLaw => "badge-required",
        },
    )
}

pub async fn overview(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Overview);
    let (citizen, o) = match (
        s.store.citizen(&me.who).await,
        s.store.overview(&me.who, me.now).await,
    ) {
        (Ok(c), Ok(o)) => (c, o),
        (Err(e), _) | (_, Err(e)) => return store_error(e, lang, Page::Rights),
    };
    let name = match (citizen.name.trim(), &me.name) {
        ("", Some(n)) => n.to_string(),
        (n, _) => n.to_owned(),
    };
    let n = |v: u32| fluent_bundle::FluentValue::from(v);
    let line = |page: Page, detail: String| Card {
        title: t(lang, page.title_id()),
        href: Some(page.href(lang)),
        notes: vec![detail],
        ..Card::default()
    };
    let cards = vec![
        line(
            Page::Data,
            tr(
                lang,
                "overview-data-count",
                &[("categories", n(o.categories)), ("areas", n(o.areas))],
            ),
        ),
        line(
            Page::Purposes,
            tr(lang, "overview-purposes-count", &[("count", n(o.purposes))]),
        ),
        line(
            Page::AccessLog,
            tr(
                lang,
                "overview-access-count",
                &[("count", n(o.access_events))],
            ),
        ),
        line(
            Page::Consents,
            tr(
                lang,
                "overview-consents-count",
                &[("count", n(o.consents)), ("active", n(o.active_consents))],
            ),
        ),
        line(
            Page::Requests,
            if o.new_answers > 0 {
                tr(
                    lang,
                    "overview-requests-new",
                    &[("count", n(o.new_answers))],
                )
            } else {
                t(lang, "overview-requests-detail")
            },
        ),
        line(
            Page::Decisions,
            tr(
                lang,
                "overview-decisions-count",
                &[("count", n(o.decision_support))],
            ),
        ),
        line(Page::Systems, t(lang, "portal-systems-detail")),
        line(Page::Rights, t(lang, "overview-rights-detail")),
        line(Page::Copy, t(lang, "portal-copy-detail")),
    ];
    let intro = vec![
        tr(lang, "overview-greeting", &[("name", name.into())]),
        tr(
            lang,
            "overview-cpr",
            &[("cpr", citizen.cpr.masked().into())],
        ),
    ];
    let page = simple(t(lang, "overview-heading"), intro, cards, String::new());
    cards_page(&me, lang, Page::Overview, "/overview", page)
}

pub async fn data(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Data);
    let areas = match s.store.areas(&me.who).await {
        Ok(a) => a,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let cards = areas
        .iter()
        .map(|a| Card {
            title: a.name.get(lang).to_owned(),
            href: Some(format!("/data/{}?lang={}", a.code, lang.code())),
            notes: vec![
                a.description.get(lang).to_owned(),
                tr(lang, "areas-count", &[("count", a.categories.into())]),
            ],
            ..Card::default()
        })
        .collect();
    let page = simple(
        t(lang, "areas-heading"),
        vec![t(lang, "areas-explain")],
        cards,
        t(lang, "areas-none"),
    );
    cards_page(&me, lang, Page::Data, "/data", page)
}

pub async fn area(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Data);
    let areas = match s.store.areas(&me.who).await {
        Ok(a) => a,
        Err(e) => return store_error(e, lang, Page::Data),
    };
    let Some(area) = areas.into_iter().find(|a| a.code == code) else {
        return store_error(
            crate::server::error::ApiError::not_found(),
            lang,
            Page::Data,
        );
    };
    let list = match s.store.area_categories(&me.who, code).await {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Data),
    };
    let cards = list
        .iter()
        .map(|c| Card {
            title: c.name.get(lang).to_owned(),
            href: Some(format!("/category/{}?lang={}", c.id, lang.code())),
            badge: Some(lawfulness(lang, c.lawfulness)),
            rows: vec![Row::new(
                t(lang, "category-updated"),
                crate::i18n::format_day(lang, c.updated_at),
            )],
            ..Card::default()
        })
        .collect();
    let mut page = simple(
        area.name.get(lang).to_owned(),
        vec![area.description.get(lang).to_owned()],
        cards,
        t(lang, "areas-none"),
    );
    page.links.push(Link {
        href: Page::Data.href(lang),
        label: t(lang, "portal-back"),
    });
    let here = format!("/data/{}", area.code);
    cards_page(&me, lang, Page::Data, &here, page)
}

pub async fn category(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Data);
    let c = match s.store.category(&me.who, id).await {
        Ok(c) => c,
        Err(e) => return store_error(e, lang, Page::Data),
    };
    // One sensitive value at a time is shown, when asked for; the rest stay masked.
    let reveal: Option<usize> = q.get("reveal").and_then(|v| v.parse().ok());
    let values = c
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let shown = !f.sensitive || reveal == Some(i);
            let mut row = Row::new(
                f.label.get(lang).to_owned(),
                if shown {
                    f.value.get(lang).to_owned()
                } else {
                    t(lang, "category-masked")
                },
            );
            if !shown {
                row.reveal = Some((
                    format!("/category/{id}?lang={}&reveal={i}", lang.code()),
                    t(lang, "portal-reveal"),
                ));
            }
            row
        })
        .collect();
    let delete = match c.retention.delete_on {
        Some(d) => format_date(lang, d),
        None => t(lang, "category-no-delete-date"),
    };
    let recipients = if c.recipients.is_empty() {
        t(lang, "category-no-recipients")
    } else {
        c.recipients
            .iter()
            .map(|r| r.get(lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let purposes = c
        .purposes
        .iter()
        .map(|p| p.get(lang))
        .collect::<Vec<_>>()
        .join(", ");
    let about = vec![
        Row::new(t(lang, "category-purpose"), purposes),
        Row::new(
            t(lang, "category-legal-basis"),
            format!(
                "{} · {}",
                c.legal_basis.gdpr.get(lang),
                c.legal_basis.law.get(lang)
            ),
        ),
        Row::new(t(lang, "portal-plainly"), c.legal_basis.plain.get(lang)),
        Row::new(t(lang, "category-retention"), c.retention.rule.get(lang)),
        Row::new(t(lang, "category-delete-on"), delete),
        Row::new(t(lang, "category-origin"), c.origin.name.get(lang)),
        Row::new(t(lang, "category-recipients"), recipients),
        Row::new(t(lang, "category-system"), c.system.clone()),
        Row::new(
            t(lang, "category-updated"),
            format_datetime(lang, c.updated_at),
        ),
    ];
    let mut notes = vec![c.description.get(lang).to_owned()];
    if c.special {
        notes.push(t(lang, "category-special-explain"));
    }
    let cards = vec![
        Card {
            title: t(lang, "category-values"),
            rows: values,
            notes,
            ..Card::default()
        },
        Card {
            title: t(lang, "portal-category-about"),
            badge: Some(lawfulness(lang, c.lawfulness)),
            rows: about,
            ..Card::default()
        },
    ];
    let mut page = simple(
        c.name.get(lang).to_owned(),
        Vec::new(),
        cards,
        String::new(),
    );
    page.links.push(Link {
        href: format!("/data/{}?lang={}", c.area, lang.code()),
        label: t(lang, "portal-back"),
    });
    let here = format!("/category/{id}");
    cards_page(&me, lang, Page::Data, &here, page)
}

pub async fn purposes(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Purposes);
    let list = match s.store.purposes(&me.who).await {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let cards = list
        .iter()
        .map(|p| Card {
            title: p.name.get(lang).to_owned(),
            badge: Some(lawfulness(lang, p.lawfulness)),
            notes: vec![p.description.get(lang).to_owned()],
            rows: vec![
                Row::new(
                    t(lang, "category-legal-basis"),
                    format!(
                        "{} · {}",
                        p.legal_basis.gdpr.get(lang),
                        p.legal_basis.law.get(lang)
                    ),
                ),
                Row::new(t(lang, "portal-plainly"), p.legal_basis.plain.get(lang)),
                Row::new(
                    t(lang, "purpose-categories"),
                    p.categories
                        .iter()
                        .map(|c| c.get(lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Row::new(t(lang, "purpose-object"), p.how_to_object.get(lang)),
            ],
            ..Card::default()
        })
        .collect();
    let page = simple(
        t(lang, "purposes-heading"),
        Vec::new(),
        cards,
        t(lang, "purposes-none"),
    );
    cards_page(&me, lang, Page::Purposes, "/purposes", page)
}

fn consent_cards(lang: Lang, me: &Signed, list: &[crate::domain::Consent]) -> Vec<Card> {
    list.iter()
        .map(|c| {
            let status = if c.withdrawal_pending {
                t(lang, "consent-pending")
            } else if let Some(at) = c.withdrawn_at {
                tr(
                    lang,
                    "consent-withdrawn-on",
                    &[("date", format_datetime(lang, at).into())],
                )
            } else {
                t(lang, "consent-active")
            };
            Card {
                title: c.scope.get(lang).to_owned(),
                badge: Some(status),
                rows: vec![
                    Row::new(t(lang, "consent-recipient"), c.recipient.get(lang)),
                    Row::new(t(lang, "consent-purpose"), c.purpose.get(lang)),
                    Row::new(t(lang, "consent-given"), format_datetime(lang, c.given_at)),
                ],
                action: c.is_active().then(|| Action {
                    href: format!("/consents/{}/withdraw?lang={}", c.id, lang.code()),
                    label: t(lang, "portal-withdraw"),
                    csrf: me.csrf.to_string(),
                }),
                ..Card::default()
            }
        })
        .collect()
}

async fn consents_page(
    s: &ServerState,
    lang: Lang,
    me: &Signed,
    notice: Option<String>,
) -> Response {
    let list = match s.store.consents(&me.who).await {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let mut page = simple(
        t(lang, "title-consents"),
        vec![t(lang, "portal-consents-explain")],
        consent_cards(lang, me, &list),
        t(lang, "consents-none"),
    );
    page.notice = notice;
    cards_page(me, lang, Page::Consents, "/consents", page)
}

pub async fn consents(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Consents);
    let notice = q.contains_key("withdrawn").then(|| {
        format!(
            "{} {}",
            t(lang, "withdrawn-title"),
            t(lang, "withdrawn-next")
        )
    });
    consents_page(&s, lang, &me, notice).await
}

/// `POST /consents/{id}/withdraw`: with this session's CSRF token only; then back to the consents.
pub async fn withdraw(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<Fields>,
    form: Result<Form<Fields>, FormRejection>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Consents);
    let fields = form.map(|f| f.0).unwrap_or_default();
    if !csrf_ok(&fields, &me) {
        return csrf_refused(lang, Page::Consents);
    }
    match s.store.withdraw_consent(&me.who, id, lang, me.now).await {
        Ok(_) => {
            Redirect::to(&format!("/consents?lang={}&withdrawn=1", lang.code())).into_response()
        }
        Err(e) => store_error(e, lang, Page::Consents),
    }
}

pub async fn requests(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Requests);
    let list = match s.store.citizen_requests(&me.who).await {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let cards = list
        .iter()
        .map(|r| {
            let mut rows = vec![
                Row::new(t(lang, "request-kind"), t(lang, r.kind.message_id())),
                Row::new(t(lang, "request-reference"), r.reference.clone()),
                Row::new(t(lang, "request-filed"), format_datetime(lang, r.filed_at)),
                Row::new(t(lang, "request-handled-by"), r.handled_by.get(lang)),
                Row::new(t(lang, "request-status"), t(lang, r.status.message_id())),
                Row::new(
                    t(lang, "request-updated"),
                    format_datetime(lang, r.updated_at),
                ),
            ];
            if let Some(answer) = r.answer_in(lang) {
                rows.push(Row::new(t(lang, "request-answer"), answer));
            }
            Card {
                title: r.about.get(lang).to_owned(),
                badge: r.unseen.then(|| t(lang, "badge-new")),
                rows,
                ..Card::default()
            }
        })
        .collect();
    let page = simple(
        t(lang, "requests-heading"),
        vec![t(lang, "portal-requests-explain")],
        cards,
        t(lang, "requests-none"),
    );
    cards_page(&me, lang, Page::Requests, "/requests", page)
}

pub async fn decisions(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Decisions);
    let list = match s.store.decision_support(&me.who).await {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let cards = list
        .iter()
        .map(|d| {
            let factors = d
                .factors
                .iter()
                .map(|f| format!("{}: {}", f.name.get(lang), f.effect.get(lang)))
                .collect::<Vec<_>>()
                .join(" · ");
            let mut rows = vec![
                Row::new(
                    t(lang, "decision-used-on"),
                    format_datetime(lang, d.used_at),
                ),
                Row::new(t(lang, "decision-purpose"), d.purpose.get(lang)),
                Row::new(
                    t(lang, "decision-inputs"),
                    d.inputs
                        .iter()
                        .map(|i| i.get(lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Row::new(t(lang, "decision-helps"), d.how_it_helps.get(lang)),
                Row::new(t(lang, "decision-human"), d.human_role.get(lang)),
                Row::new(t(lang, "decision-result"), d.result.get(lang)),
                Row::new(t(lang, "decision-factors"), factors),
                Row::new(t(lang, "decision-object"), d.how_to_object.get(lang)),
            ];
            if let Some(case) = &d.case_ref {
                rows.push(Row::new(t(lang, "entry-case"), case.clone()));
            }
            Card {
                title: d.tool.get(lang).to_owned(),
                rows,
                ..Card::default()
            }
        })
        .collect();
    let page = simple(
        t(lang, "decisions-heading"),
        vec![t(lang, "decisions-explain")],
        cards,
        t(lang, "decisions-none"),
    );
    cards_page(&me, lang, Page::Decisions, "/decisions", page)
}

pub async fn systems(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Systems);
    let list = match s
        .store
        .connected_systems(&me.who, me.now, s.stale_after_secs)
        .await
    {
        Ok(l) => l,
        Err(e) => return store_error(e, lang, Page::Overview),
    };
    let cards = list
        .iter()
        .map(|x| Card {
            title: x.name.clone(),
            badge: x.stale.then(|| t(lang, "portal-system-stale")),
            rows: vec![Row::new(
                t(lang, "portal-system-last"),
                match x.last_ingest {
                    Some(at) => format_datetime(lang, at),
                    None => t(lang, "portal-system-never"),
                },
            )],
            ..Card::default()
        })
        .collect();
    let page = simple(
        t(lang, "portal-title-systems"),
        vec![t(lang, "portal-systems-explain")],
        cards,
        t(lang, "portal-systems-none"),
    );
    cards_page(&me, lang, Page::Systems, "/systems", page)
}

pub async fn rights(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let (lang, me) = signed!(s, headers, q, Page::Rights);
    let right = |id: &str| Card {
        title: t(lang, id),
        notes: vec![t(lang, &format!("{id}-explain"))],
        ..Card::default()
    };
    let mut cards: Vec<Card> = [
        "right-access",
        "right-rectification",
        "right-erasure",
        "right-restriction",
        "right-objection",
        "right-complaint",
    ]
    .into_iter()
    .map(right)
    .collect();
    cards.push(Card {
        title: t(lang, "rights-datatilsynet"),
        notes: vec![t(lang, "rights-datatilsynet-contact")],
        ..Card::default()
    });
    let page = simple(
        t(lang, "title-rights"),
        vec![t(lang, "rights-intro")],
        cards,
        String::new(),
    );
    cards_page(&me, lang, Page::Rights, "/rights", page)
}
