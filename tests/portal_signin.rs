//! The citizen's web pages with the real OIDC provider: the kiosk's link signs a demo citizen in on "the
//! phone" and lands on that view in that language; forms need the session's CSRF token; citizen A's
//! session reads and changes nothing of B's; a replayed, altered, missing or foreign callback gives the
//! "sign-in failed" page and no session; sign-out ends the session here and at the broker.
//!
//! Needs node and `npm ci` in tests/oidc (`.ci/run` does both). Skipped without them, except in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod portal_support;
mod support_server;

use common::procs::oidc_available;
use common::{ELDERLY, demo, open};
use indsigt::domain::Lang;
use indsigt::kiosk::screen::View;
use indsigt::kiosk::url::continue_online;
use portal_support::{Browser, Rig, phone};
use serde_json::json;

/// A demo citizen with a consent in force, and another citizen's consent, category and log entry.
fn citizens(store: &indsigt::store::Store) -> (String, String, i64, i64, i64) {
    let c = store.connection();
    let (a, a_id): (String, i64) = c
        .query_row(
            "SELECT c.subject, c.id FROM citizens c JOIN citizen_consents k ON k.citizen_id = c.id
             WHERE k.withdrawn_at IS NULL AND k.withdrawal_pending = 0 ORDER BY c.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let (b, b_consent): (String, i64) = c
        .query_row(
            "SELECT c.subject, k.id FROM citizens c JOIN citizen_consents k ON k.citizen_id = c.id
             WHERE c.id <> ?1 AND k.withdrawn_at IS NULL ORDER BY k.id LIMIT 1",
            [a_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let b_category: i64 = c
        .query_row(
            "SELECT h.id FROM holdings h JOIN citizens c ON c.id = h.citizen_id WHERE c.subject = ?1 LIMIT 1",
            [&b],
            |r| r.get(0),
        )
        .unwrap();
    let b_entry: i64 = c
        .query_row(
            "SELECT e.id FROM access_events e JOIN citizens c ON c.id = e.citizen_id WHERE c.subject = ?1 LIMIT 1",
            [&b],
            |r| r.get(0),
        )
        .unwrap();
    (a, b, b_consent, b_category, b_entry)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kiosks_link_signs_in_on_the_phone_and_every_form_is_guarded() {
    if !oidc_available() {
        return;
    }
    let d = demo();
    let store = open(&d);
    let (a, _b, b_consent, b_category, b_entry) = citizens(&store);
    let _ = store.citizen(&common::cid(ELDERLY)).unwrap();
    drop(store);
    let rig = Rig::start(&d.path).await;
    let db = support_server::db::Db::new(&rig.settings.database, rig.pg.as_ref());

    // The kiosk's link for the access log in English: the phone signs in and lands there.
    let link = continue_online(&rig.base, View::AccessLog, Lang::En);
    let landed = tokio::task::spawn_blocking({
        let (link, a) = (link.clone(), a.clone());
        move || phone(&link, &a, false)
    })
    .await
    .unwrap();
    assert_eq!(landed["url"], rig.url("/access-log?lang=en"), "{landed}");
    assert_eq!(landed["status"], 200);
    let html = landed["html"].as_str().unwrap();
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Who has looked at your data"));
    let mut browser = Browser::new(&landed["cookies"]);
    assert!(browser.cookies.contains_key("__Host-indsigt-session"));
    assert!(!browser.cookies.contains_key("__Host-indsigt-login"));

    // A personal page: no-store, a strict CSP, and the other security headers.
    let consents = browser.get(&rig.url("/consents?lang=en")).await;
    assert_eq!(consents.status, 200);
    let h = &consents.headers;
    eprintln!("headers of /consents: {h:#?}");
    assert_eq!(h["cache-control"], "no-store");
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.starts_with("default-src 'none'; style-src 'self';"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["x-frame-options"], "DENY");

    // Withdraw a consent: refused without the CSRF token or with a wrong one, done with it.
    let at = consents.body.find("/consents/").unwrap();
    let action = consents.body[at..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let id: i64 = action.split('/').nth(2).unwrap().parse().unwrap();
    let state = |id: i64| {
        let db = &db;
        async move {
            db.rows(
                "SELECT withdrawn_at, withdrawal_pending FROM citizen_consents WHERE id = ?1",
                &[json!(id)],
            )
            .await
        }
    };
    let before = state(id).await;
    for form in [vec![], vec![("csrf", "forged")]] {
        let refused = browser.post(&rig.url(&action), &form).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("Nothing was changed"));
        assert_eq!(state(id).await, before);
    }
    let csrf = consents.csrf();
    let done = browser.post(&rig.url(&action), &[("csrf", &csrf)]).await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location(), "/consents?lang=en&withdrawn=1");
    assert_ne!(state(id).await, before, "the consent is withdrawn");

    // A's session and A's token touch nothing of B's: B's category is not found, B's consent stays.
    let b_before = state(b_consent).await;
    let other = browser
        .get(&rig.url(&format!("/category/{b_category}?lang=en")))
        .await;
    assert_eq!(other.status, 404);
    let other = browser
        .post(
            &rig.url(&format!("/consents/{b_consent}/withdraw?lang=en")),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(other.status, 404);
    assert_eq!(state(b_consent).await, b_before);
    let other = browser
        .get(&rig.url(&format!("/access-log/{b_entry}?lang=en")))
        .await;
    assert_eq!(other.status, 404);
    let reports = "SELECT count(*) FROM access_reports WHERE event_id = ?1";
    let before_reports = db.count(reports, &[json!(b_entry)]).await;
    let other = browser
        .post(
            &rig.url(&format!("/access-log/{b_entry}/report?lang=en")),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(other.status, 404);
    assert_eq!(db.count(reports, &[json!(b_entry)]).await, before_reports);

    // The copy of the data is A's.
    let copy = browser.get(&rig.url("/copy.json?lang=en")).await;
    assert_eq!(copy.status, 200);
    assert!(
        copy.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let copy: serde_json::Value = serde_json::from_str(&copy.body).unwrap();
    assert_eq!(copy["format"], "indsigt-data-copy");
    assert!(
        copy["access_log"].as_array().unwrap().len() as i64
            >= copy["overview"]["access_events"].as_i64().unwrap().min(1)
    );

    // Sign out: the session ends here, and the broker is asked to end its own.
    let out = browser
        .post(&rig.url("/signout?lang=en"), &[("csrf", &csrf)])
        .await;
    assert_eq!(out.status, 303);
    assert!(
        out.location().contains("/session/end"),
        "{}",
        out.location()
    );
    assert!(out.location().contains("id_token_hint="));
    assert!(!browser.cookies.contains_key("__Host-indsigt-session"));
    let mut old = Browser::new(&landed["cookies"]);
    let after = old.get(&rig.url("/access-log?lang=en")).await;
    assert_eq!(after.status, 303, "the old cookie opens nothing");
    assert_eq!(after.location(), "/?view=access-log&lang=en");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_callback_gives_the_failed_page_and_no_session() {
    if !oidc_available() {
        return;
    }
    let d = demo();
    let (a, ..) = citizens(&open(&d));
    let rig = Rig::start(&d.path).await;
    let link = continue_online(&rig.base, View::Consents, Lang::Da);
    let stopped =
        |link: String, a: String| tokio::task::spawn_blocking(move || phone(&link, &a, true));

    // Replayed: the first callback signs in, the same again fails.
    let first = stopped(link.clone(), a.clone()).await.unwrap();
    let callback = first["callback"].as_str().unwrap().to_owned();
    let mut browser = Browser::new(&first["cookies"]);
    let ok = browser.get(&callback).await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.location(), "/consents?lang=da");
    let mut replay = Browser::new(&first["cookies"]);
    let again = replay.get(&callback).await;
    assert_eq!(again.status, 400);
    assert!(
        again.body.contains("Du blev ikke logget ind"),
        "{}",
        again.body
    );
    assert!(!replay.cookies.contains_key("__Host-indsigt-session"));

    // Altered state, missing state, the broker's error, or another browser's callback: no session.
    for alter in ["state", "no-state", "error", "foreign"] {
        let run = stopped(link.clone(), a.clone()).await.unwrap();
        let callback = run["callback"].as_str().unwrap().to_owned();
        let (url, cookies) = match alter {
            "state" => (
                callback.replace("state=", "state=x"),
                run["cookies"].clone(),
            ),
            "no-state" => (
                callback.split("&state=").next().unwrap().to_owned(),
                run["cookies"].clone(),
            ),
            "error" => {
                let state = callback
                    .split("state=")
                    .nth(1)
                    .unwrap()
                    .split('&')
                    .next()
                    .unwrap();
                (
                    rig.url(&format!(
                        "/signin/callback?error=access_denied&state={state}"
                    )),
                    run["cookies"].clone(),
                )
            }
            _ => (callback, json!({})),
        };
        let mut b = Browser::new(&cookies);
        let page = b.get(&url).await;
        assert_eq!(page.status, 400, "{alter}: {}", page.body);
        assert!(
            page.body.contains("/signin?view="),
            "{alter}: offers to start again"
        );
        assert!(!b.cookies.contains_key("__Host-indsigt-session"), "{alter}");
    }

    // An unknown view or language in the link: the overview in Danish.
    let mut anon = Browser::new(&json!({}));
    let landing = anon.get(&rig.url("/?view=nowhere&lang=fr")).await;
    assert_eq!(landing.status, 200);
    assert!(landing.body.contains("<html lang=\"da\">"));
    assert!(
        landing.body.contains("/signin?view=overview&#38;lang=da"),
        "{}",
        landing.body
    );
    // A page without a session: to the landing page, which comes back to it.
    let page = anon.get(&rig.url("/decisions?lang=en")).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/?view=decisions&lang=en");
}

/// A session that timed out while a form was open: the post changes nothing, and leads to sign-in, which
/// comes back to that page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_that_timed_out_mid_form_signs_in_again_and_comes_back() {
    if !oidc_available() {
        return;
    }
    let d = demo();
    let (a, ..) = citizens(&open(&d));
    let rig = Rig::start_idle(&d.path, 60).await;
    let db = support_server::db::Db::new(&rig.settings.database, rig.pg.as_ref());
    let link = continue_online(&rig.base, View::Consents, Lang::En);
    let landed = tokio::task::spawn_blocking({
        let (link, a) = (link.clone(), a.clone());
        move || phone(&link, &a, false)
    })
    .await
    .unwrap();
    let mut browser = Browser::new(&landed["cookies"]);
    let consents = browser.get(&rig.url("/consents?lang=en")).await;
    let at = consents.body.find("/consents/").unwrap();
    let action = consents.body[at..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let id: i64 = action.split('/').nth(2).unwrap().parse().unwrap();
    let csrf = consents.csrf();
    let pending = "SELECT count(*) FROM citizen_consents WHERE id = ?1 AND withdrawn_at IS NULL AND withdrawal_pending = 0";
    assert_eq!(db.count(pending, &[json!(id)]).await, 1);
    // The citizen leaves the form open for longer than the idle timeout.
    tokio::time::sleep(std::time::Duration::from_secs(61)).await;
    let late = browser.post(&rig.url(&action), &[("csrf", &csrf)]).await;
    assert_eq!(late.status, 303);
    assert_eq!(late.location(), "/?view=consents&lang=en&expired=1");
    assert_eq!(db.count(pending, &[json!(id)]).await, 1, "nothing changed");
    let landing = browser.get(&rig.url(late.location())).await;
    assert!(
        landing
            .body
            .contains("You were signed out because you were away"),
        "{}",
        landing.body
    );
    // Signing in again from there lands on the consents page.
    let again = tokio::task::spawn_blocking({
        let (url, a) = (rig.url(late.location()), a.clone());
        move || phone(&url, &a, false)
    })
    .await
    .unwrap();
    assert_eq!(again["url"], rig.url("/consents?lang=en"));
}
