//! Signing in and out on the phone: the landing page the QR code opens, the start of the code flow, the
//! broker's callback, and sign-out (here and at the broker).
//!
//! The callback trusts nothing it is sent: the `state` must be a login this browser started (its login
//! cookie) and not used before; the code is exchanged with the login's PKCE verifier; the ID token must be
//! signed by the broker, for this client, current, and carry the login's nonce; the access token must pass
//! the same checks as the kiosk's. Any failure gives the "sign-in failed" page and no session.

use super::render::{Fields, csrf_ok, message, portal, signed_in};
use super::session::{
    LOGIN_COOKIE, LOGIN_SECS, Login, SESSION_COOKIE, Session, cookie, set_cookie,
};
use super::views::{Chrome, Link, Page, lang_of};
use crate::auth::code_flow::{LoginStart, random_token};
use crate::domain::Lang;
use crate::i18n::t;
use crate::server::ServerState;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use zeroize::Zeroizing;

#[derive(Template)]
#[template(path = "portal/landing.html")]
struct LandingPage {
    chrome: Chrome,
    paragraphs: Vec<String>,
    signin_href: String,
    signin_label: String,
    privacy: String,
}

/// `/?view=…&lang=…`: with a live session, straight to that view; else a page that says what this is,
/// with the sign-in button.
pub async fn landing(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let lang = lang_of(q.get("lang").map(String::as_str));
    let page = Page::from_code(q.get("view").map(String::as_str));
    if let Ok(signed) = signed_in(&s, &headers, page, lang) {
        drop(signed);
        return Redirect::to(&page.href(lang)).into_response();
    }
    if let Err(off) = portal(&s, lang) {
        return off;
    }
    let here = format!("/?view={}", page.code());
    let mut paragraphs = vec![
        t(lang, "portal-landing-explain"),
        t(lang, "portal-landing-phone"),
    ];
    if q.contains_key("expired") {
        paragraphs.insert(0, t(lang, "portal-expired"));
    }
    let view = LandingPage {
        chrome: Chrome::new(lang, t(lang, "portal-landing-title"), None, &here, None),
        paragraphs,
        signin_href: format!("/signin?view={}&lang={}", page.code(), lang.code()),
        signin_label: t(lang, "portal-sign-in"),
        privacy: t(lang, "portal-landing-privacy"),
    };
    super::render::html(StatusCode::OK, &view, lang)
}

/// The "sign-in failed" page, with a fresh start at the same view.
fn failed(lang: Lang, page: Page, why: &str) -> Response {
    tracing::info!(reason = why, "portal sign-in failed");
    let again = Link {
        href: format!("/signin?view={}&lang={}", page.code(), lang.code()),
        label: t(lang, "portal-sign-in-again"),
    };
    let mut response = message(
        lang,
        StatusCode::BAD_REQUEST,
        "portal-signin-failed-title",
        &["portal-signin-failed", "portal-signin-failed-next"],
        Some(again),
    );
    clear(&mut response, LOGIN_COOKIE);
    response
}

fn clear(response: &mut Response, name: &str) {
    if let Ok(v) = HeaderValue::from_str(&set_cookie(name, "", 0)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn set(response: &mut Response, name: &str, value: &str, max_age: i64) {
    if let Ok(v) = HeaderValue::from_str(&set_cookie(name, value, max_age)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// `/signin?view=…&lang=…`: starts a login and sends the browser to the broker.
pub async fn start(State(s): State<ServerState>, Query(q): Query<Fields>) -> Response {
    let lang = lang_of(q.get("lang").map(String::as_str));
    let page = Page::from_code(q.get("view").map(String::as_str));
    let portal = match portal(&s, lang) {
        Ok(p) => p,
        Err(off) => return off,
    };
    let (Ok(start), Ok(binding)) = (LoginStart::new(), random_token(32)) else {
        return failed(lang, page, "no randomness");
    };
    let url = match portal.flow.authorize_url(&start, lang.code()).await {
        Ok(u) => u,
        Err(e) => {
            tracing::warn!(error = %e, "the broker could not be asked to sign in");
            let again = Link {
                href: format!("/signin?view={}&lang={}", page.code(), lang.code()),
                label: t(lang, "portal-sign-in-again"),
            };
            return message(
                lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "portal-signin-failed-title",
                &[e.message_id()],
                Some(again),
            );
        }
    };
    portal.sessions.begin(Login {
        start,
        binding: Zeroizing::new(binding.clone()),
        page,
        lang,
        started: super::render::now().as_second(),
    });
    let mut response = Redirect::to(&url).into_response();
    set(&mut response, LOGIN_COOKIE, &binding, LOGIN_SECS);
    response
}

/// `/signin/callback?code=…&state=…` (or `error=…`): the broker sends the citizen back here.
pub async fn callback(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
) -> Response {
    let now = super::render::now();
    let Some(portal) = s.portal.clone() else {
        return failed(Lang::Da, Page::Overview, "portal off");
    };
    let state = q.get("state").map(String::as_str).unwrap_or("");
    let login = portal
        .sessions
        .finish(state, cookie(&headers, LOGIN_COOKIE), now.as_second());
    let Some(login) = login else {
        return failed(Lang::Da, Page::Overview, "unknown, used or foreign state");
    };
    let (lang, page) = (login.lang, login.page);
    if q.contains_key("error") {
        return failed(lang, page, "the broker answered an error");
    }
    let Some(code) = q.get("code").filter(|c| !c.is_empty()) else {
        return failed(lang, page, "no code");
    };
    let tokens = match portal.flow.exchange(code, &login.start).await {
        Ok(t) => t,
        Err(e) => {
            tracing::info!(error = %e, "the code exchange failed");
            return failed(lang, page, "code exchange");
        }
    };
    if let Err(e) = portal
        .id_tokens
        .verify_id_token(&tokens.id_token, now.as_second(), &login.start.nonce)
        .await
    {
        tracing::info!(error = %e, "the ID token was refused");
        return failed(lang, page, "ID token");
    }
    let Some(verifier) = s.verifier.as_ref() else {
        return failed(lang, page, "no API verifier");
    };
    let verified = match verifier.verify(&tokens.access_token, now.as_second()).await {
        Ok(v) => v,
        Err(e) => {
            tracing::info!(error = %e, "the access token was refused");
            return failed(lang, page, "access token");
        }
    };
    let Ok(who) = crate::server::citizen::citizen_ref(&s, &verified.subject) else {
        return failed(lang, page, "no citizen key");
    };
    let (Ok(id), Ok(csrf)) = (random_token(32), random_token(32)) else {
        return failed(lang, page, "no randomness");
    };
    portal.sessions.start(
        id.clone(),
        Session {
            who,
            name: verified.name,
            id_token: tokens.id_token,
            csrf: Zeroizing::new(csrf),
            started: now.as_second(),
            seen: now.as_second(),
        },
    );
    let mut response = Redirect::to(&page.href(lang)).into_response();
    set(&mut response, SESSION_COOKIE, &id, portal.timeouts.max_secs);
    clear(&mut response, LOGIN_COOKIE);
    response
}

/// `POST /signout`: ends the session here, then at the broker where it offers RP-initiated logout.
pub async fn signout(
    State(s): State<ServerState>,
    headers: HeaderMap,
    Query(q): Query<Fields>,
    form: Result<Form<Fields>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(q.get("lang").map(String::as_str));
    let signed = match signed_in(&s, &headers, Page::Overview, lang) {
        Ok(signed) => signed,
        // Nothing to end: say so.
        Err(_) => {
            return Redirect::to(&format!("/signed-out?lang={}", lang.code())).into_response();
        }
    };
    let fields = form.map(|f| f.0).unwrap_or_default();
    if !csrf_ok(&fields, &signed) {
        return super::render::csrf_refused(lang, Page::Overview);
    }
    let portal = signed.portal.clone();
    let id = cookie(&headers, SESSION_COOKIE).unwrap_or("");
    let id_token = portal.sessions.end(id);
    // The broker comes back to the one registered address; the language rides in `state`.
    let after = format!("{}/signed-out", portal.public_url);
    let target = match id_token {
        Some(token) => portal
            .flow
            .end_session_url(&token, &after, lang.code())
            .await
            .unwrap_or_else(|| format!("/signed-out?lang={}", lang.code())),
        None => format!("/signed-out?lang={}", lang.code()),
    };
    let mut response = Redirect::to(&target).into_response();
    clear(&mut response, SESSION_COOKIE);
    response
}

/// `/signed-out`: the session is over; nothing of the citizen is shown or kept.
pub async fn signed_out(Query(q): Query<Fields>) -> Response {
    let lang = lang_of(q.get("lang").or(q.get("state")).map(String::as_str));
    let again = Link {
        href: format!("/?lang={}", lang.code()),
        label: t(lang, "portal-sign-in-again"),
    };
    let mut response = message(
        lang,
        StatusCode::OK,
        "portal-signed-out-title",
        &["portal-signed-out"],
        Some(again),
    );
    // Tells the browser to drop this site's cached pages and cookies (Back shows nothing personal).
    response.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\", \"cookies\""),
    );
    response
}
