//! The portal's pages made of cards, and the simplest of them: the overview, computer-assisted decisions,
//! the connected systems and the citizen's rights. Each page asks the store with the session's citizen
//! only, so another citizen's item is "not found", like one that does not exist.

use super::render::{Fields, Signed, html, signed_in, store_error};
use super::views::{Card, Chrome, Link, Page, Row, lang_of};
use crate::domain::{Lang, Lawfulness};
use crate::i18n::{format_datetime, t, tr};
use crate::server::ServerState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

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

pub(super) fn simple(title: String, intro: Vec<String>, cards: Vec<Card>, empty: String) -> Cards {
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
    if let Some(contact) = &me.portal.dpo_contact {
        cards.push(Card {
            title: t(lang, "rights-dpo"),
            notes: vec![tr(
                lang,
                "rights-dpo-contact",
                &[("contact", contact.clone().into())],
            )],
            ..Card::default()
        });
    }
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
