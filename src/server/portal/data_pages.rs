//! The data the municipality holds: the areas, one area's categories, one category (sensitive values masked
//! until asked for, one at a time), and the purposes with their legal basis and how to object.

use super::pages::{cards_page, lawfulness, signed, simple};
use super::render::{Fields, signed_in, store_error};
use super::views::{Card, Link, Page, Row, lang_of};
use crate::i18n::{format_date, format_datetime, t, tr};
use crate::server::ServerState;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

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
