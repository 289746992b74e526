//! What every portal handler shares: the signed-in citizen from the session cookie, the CSRF check,
//! HTML answers, and the pages for errors and redirects. A store error becomes a sentence in the page's
//! language here, at the edge.

use super::Portal;
use super::session::{Found, SESSION_COOKIE, cookie};
use super::views::{Chrome, Link, Page};
use crate::domain::Lang;
use crate::i18n::t;
use crate::server::ServerState;
use crate::server::error::ApiError;
use crate::store::CitizenRef;
use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Arc;
use zeroize::Zeroizing;

/// The query or form fields of a request.
pub type Fields = HashMap<String, String>;

/// A request's signed-in citizen: who, the token's name, and the session's CSRF token.
pub struct Signed {
    pub who: CitizenRef,
    pub name: Option<Zeroizing<String>>,
    pub csrf: Zeroizing<String>,
    pub portal: Arc<Portal>,
    /// The current time in whole seconds.
    pub now: Timestamp,
}

/// The portal, or the page saying it is not set up.
// The error is the handler's whole answer, returned at once; boxing it would only add an allocation.
#[allow(clippy::result_large_err)]
pub fn portal(state: &ServerState, lang: Lang) -> Result<Arc<Portal>, Response> {
    state.portal.clone().ok_or_else(|| {
        message(
            lang,
            StatusCode::NOT_FOUND,
            "portal-off-title",
            &["portal-off"],
            None,
        )
    })
}

pub fn now() -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The citizen of the request's session, or the answer to send instead: to sign-in (and back to `page`)
/// when there is no live session.
#[allow(clippy::result_large_err)]
pub fn signed_in(
    state: &ServerState,
    headers: &HeaderMap,
    page: Page,
    lang: Lang,
) -> Result<Signed, Response> {
    let portal = portal(state, lang)?;
    let now = now();
    let id = cookie(headers, SESSION_COOKIE).unwrap_or("");
    let found = portal
        .sessions
        .with(id, now.as_second(), portal.timeouts, |s| {
            (s.who.clone(), s.name.clone(), s.csrf.clone())
        });
    match found {
        Found::Live((who, name, csrf)) => Ok(Signed {
            who,
            name,
            csrf,
            portal,
            now,
        }),
        Found::Expired => Err(to_signin(page, lang, true)),
        Found::None => Err(to_signin(page, lang, false)),
    }
}

/// To the landing page, whose sign-in comes back to `page` in `lang`; `expired` says the session timed out.
pub fn to_signin(page: Page, lang: Lang, expired: bool) -> Response {
    let mut href = format!("/?view={}&lang={}", page.code(), lang.code());
    if expired {
        href.push_str("&expired=1");
    }
    Redirect::to(&href).into_response()
}

/// The notice after a form was done: its title and what happens next, two sentences.
pub fn done_notice(lang: Lang, title: &str, next: &str) -> String {
    format!("{}. {}", t(lang, title), t(lang, next))
}

/// Whether a form's `csrf` field is this session's token (compared in constant time).
pub fn csrf_ok(form: &Fields, signed: &Signed) -> bool {
    let given = form.get("csrf").map(String::as_str).unwrap_or("");
    !given.is_empty()
        && bool::from(subtle::ConstantTimeEq::ct_eq(
            given.as_bytes(),
            signed.csrf.as_bytes(),
        ))
}

/// A rendered template as the answer, or a plain error page if rendering failed.
pub fn html(status: StatusCode, page: &impl Template, lang: Lang) -> Response {
    match page.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a portal page could not be rendered");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                t(lang, "portal-error"),
            )
                .into_response()
        }
    }
}

/// A page of a heading and sentences, perhaps with one button-like link.
#[derive(Template)]
#[template(path = "portal/message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub paragraphs: Vec<String>,
    pub action: Option<Link>,
}

/// A message page: `title` and `paragraphs` are message ids.
pub fn message(
    lang: Lang,
    status: StatusCode,
    title: &str,
    paragraphs: &[&str],
    action: Option<Link>,
) -> Response {
    let page = MessagePage {
        chrome: Chrome::new(lang, t(lang, title), None, "/", None),
        paragraphs: paragraphs.iter().map(|p| t(lang, p)).collect(),
        action,
    };
    html(status, &page, lang)
}

/// The page for a store error, in the citizen's language: another citizen's item is "not found", like one
/// that does not exist.
pub fn store_error(e: ApiError, lang: Lang, back: Page) -> Response {
    let (title, text) = match e.status {
        StatusCode::NOT_FOUND => ("portal-not-found-title", "portal-not-found"),
        StatusCode::SERVICE_UNAVAILABLE => ("portal-unavailable-title", "portal-unavailable"),
        _ => ("portal-error-title", "portal-error"),
    };
    let back = Link {
        href: back.href(lang),
        label: t(lang, "portal-back"),
    };
    message(lang, e.status, title, &[text], Some(back))
}

/// A form that changes something: the session's CSRF token must come with it, then `act` runs, and its
/// success is the redirect to `done`. A refusal or a store error is a page that sends back to `page`.
pub async fn guarded_post<T, Fut>(
    me: &Signed,
    lang: Lang,
    page: Page,
    form: Result<axum::extract::Form<Fields>, axum::extract::rejection::FormRejection>,
    done: String,
    act: impl FnOnce() -> Fut,
) -> Response
where
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let fields = form.map(|f| f.0).unwrap_or_default();
    if !csrf_ok(&fields, me) {
        return csrf_refused(lang, page);
    }
    match act().await {
        Ok(_) => Redirect::to(&done).into_response(),
        Err(e) => store_error(e, lang, page),
    }
}

/// A form without this session's CSRF token: refused, nothing changed.
pub fn csrf_refused(lang: Lang, back: Page) -> Response {
    let back = Link {
        href: back.href(lang),
        label: t(lang, "portal-back"),
    };
    message(
        lang,
        StatusCode::FORBIDDEN,
        "portal-csrf-title",
        &["portal-csrf"],
        Some(back),
    )
}
