//! The consents (each one in force can be withdrawn, with the session's CSRF token) and "Your requests":
//! withdrawals and reports with where they stand and the municipality's answers.

use super::pages::{cards_page, signed, simple};
use super::render::{Fields, Signed, done_notice, guarded_post, signed_in, store_error};
use super::views::{Action, Card, Page, Row, lang_of};
use crate::domain::Lang;
use crate::i18n::{format_datetime, t, tr};
use crate::server::ServerState;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

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
    let notice = q
        .contains_key("withdrawn")
        .then(|| done_notice(lang, "withdrawn-title", "withdrawn-next"));
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
    let done = format!("/consents?lang={}&withdrawn=1", lang.code());
    guarded_post(&me, lang, Page::Consents, form, done, || {
        s.store.withdraw_consent(&me.who, id, lang, me.now)
    })
    .await
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
