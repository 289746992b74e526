//! The kiosk core over HTTP, end to end in the library: `update` plus the effect runner with `HttpSource`,
//! against a real `indsigt serve` on 127.0.0.1 that verifies tokens minted here. A whole session: the
//! overview, a category's detail, the heavy citizen's access log paged to its end, a report and a withdrawal in
//! English; the DPO answers on the command line (`indsigt reports answer`), and the next sign-in shows "New"
//! on the overview and the answer on "Your requests", in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support_server;

use common::kiosk::{Kiosk, clock, demo_db};
use common::{ELDERLY, HEAVY, cid};
use indsigt::domain::Lang;
use indsigt::kiosk::{Key, Msg, Notice, Screen};
use indsigt::source::DataSource;
use indsigt::source::http::{HttpOptions, HttpSource};
use indsigt::store::Store;
use std::sync::Arc;
use support_server::{Api, Issuer, Key as SigningKey, settings};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_session_over_http_against_the_real_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), 1_234);
    let store = Store::open(&db).unwrap();
    let heavy_subject = store.citizen(&cid(HEAVY)).unwrap().subject.clone();
    let elderly_subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    drop(store);
    let issuer = Issuer::start(vec![SigningKey::es256("k1")]).await;
    let api = Api::start(&settings(&db, &issuer)).await;
    let (heavy_token, elderly_token) =
        (issuer.token(&heavy_subject), issuer.token(&elderly_subject));
    let base = api.base.clone();
    let outbox = dir.path().join("outbox.db");
    let key_file = support_server::kiosk_key_file(dir.path());
    let dir_path = dir.path().to_owned();
    let elderly_token_again = issuer.token(&elderly_subject);
    // The checks "in the server's database" read the database it serves, on either engine.
    let (served, runtime, dpo_config) = (
        api.db.clone(),
        tokio::runtime::Handle::current(),
        api.database_toml(),
    );

    tokio::task::spawn_blocking(move || {
        let source: Arc<dyn DataSource> = Arc::new(
            HttpSource::new(HttpOptions {
                kiosk_key_file: Some(key_file),
                ..HttpOptions::new(base, outbox)
            })
            .unwrap(),
        );
        let mut k = Kiosk::new(source);
        k.model.lang = Lang::En;

        // The heavy citizen: overview, a category's detail, the log paged to its end.
        k.sign_in_with_token(heavy_token);
        let s = k.model.session.as_ref().unwrap();
        let citizen = s.citizen.ready().expect("the citizen over HTTP");
        assert_eq!(citizen.id, cid(HEAVY));
        let overview = *s.overview.ready().expect("the overview over HTTP");
        assert!(overview.access_events >= 1_200, "{overview:?}");
        k.keys("1");
        k.keys("1");
        k.keys("1");
        let category = k
            .model
            .session
            .as_ref()
            .unwrap()
            .category
            .ready()
            .expect("a category")
            .clone();
        assert!(!category.fields.is_empty());
        k.key(Key::Esc).key(Key::Esc).key(Key::Esc);
        k.keys("3");
        let mut steps = 0;
        let mut last_at = None;
        loop {
            let log = &k.model.session.as_ref().unwrap().log;
            assert!(log.error.is_none(), "{:?}", log.error);
            assert!(log.pages_held() <= indsigt::kiosk::access_log::MAX_PAGES);
            if let Some(e) = log.selected_entry() {
                if let Some(prev) = last_at {
                    assert!(e.at <= prev, "newest first");
                }
                last_at = Some(e.at);
            }
            if log.total().is_some_and(|t| log.selected + 1 == t) {
                break;
            }
            k.key(Key::PageDown);
            steps += 1;
            assert!(steps < 1_000, "the log never ended");
        }
        // The overview was counted before this visit was recorded: the log has one entry more.
        let log = &k.model.session.as_ref().unwrap().log;
        assert_eq!(log.total(), Some(overview.access_events as usize + 1));
        assert!(steps > 100, "paged through {} pages", steps / 5);
        // Sign out, skipping the question (its route has its own tests in server_feedback.rs).
        k.keys("x4");
        assert!(k.model.session.is_none());

        // The pensioner: a report and a withdrawal, checked in the server's database.
        k.sign_in_with_token(elderly_token);
        k.keys("3").key(Key::Down).key(Key::Enter);
        let Screen::AccessEntry { id } = *k.model.screen() else {
            panic!("{:?}", k.model.screen())
        };
        k.keys("r1");
        let Some(Notice::Reported(report)) = k.model.notice.clone() else {
            panic!("{:?}", k.model.notice)
        };
        assert_eq!(report.event_id, id);
        k.key(Key::Enter).key(Key::Esc).key(Key::Esc);
        k.keys("4");
        let consents = k
            .model
            .session
            .as_ref()
            .unwrap()
            .consents
            .ready()
            .unwrap()
            .clone();
        let active = consents
            .iter()
            .position(|c| c.is_active())
            .expect("an active consent");
        let consent_id = consents[active].id;
        k.send(Msg::Tap(
            Some(indsigt::kiosk::Intent::Item(active)),
            clock(),
        ));
        k.keys("1");
        assert_eq!(k.model.notice, Some(Notice::Withdrawn { pending: false }));

        let db =
            |sql: &str, params: &[serde_json::Value]| runtime.block_on(served.count(sql, params));
        let reported = db(
            "SELECT count(*) FROM access_reports r JOIN citizens c ON c.id = r.citizen_id
             WHERE c.public_id = ?1 AND r.event_id = ?2 AND r.reference = ?3",
            &[ELDERLY.into(), id.into(), report.reference.clone().into()],
        );
        assert_eq!(reported, 1, "the report is in the server's database");
        let withdrawn = db(
            "SELECT count(*) FROM citizen_consents k JOIN citizens c ON c.id = k.citizen_id
             WHERE c.public_id = ?1 AND k.id = ?2 AND k.withdrawn_at IS NOT NULL",
            &[ELDERLY.into(), consent_id.into()],
        );
        assert_eq!(
            withdrawn, 1,
            "the consent is withdrawn in the server's database"
        );
        // The report was filed in the kiosk's language, English.
        let lang = runtime.block_on(served.strings(
            "SELECT lang FROM requests WHERE reference = ?1",
            &[report.reference.clone().into()],
        ));
        assert_eq!(lang, ["en"]);
        // Everything she has seen so far is seen: she opens "Your requests", then signs out.
        k.key(Key::Esc).key(Key::Esc);
        k.keys("7");
        assert_eq!(*k.model.screen(), Screen::Requests);
        k.key(Key::Esc).keys("x4");

        // The DPO answers on the command line, in English only (the filing language).
        let config = dir_path.join("dpo.toml");
        std::fs::write(&config, dpo_config).unwrap();
        let out = common::indsigt(
            "en",
            &[
                "reports",
                "answer",
                &report.reference,
                "--lang",
                "en",
                "--text",
                "A colleague opened your case by mistake. It has been recorded.",
                "--config",
                config.to_str().unwrap(),
            ],
            &[],
        );
        assert!(out.status.success(), "{}", common::text(&out.stderr));

        // Her next sign-in: "new" on the overview and the answer on "Your requests", in both languages.
        k.sign_in_with_token(elderly_token_again);
        let overview = k.screen(120, 40);
        assert!(
            overview.contains("Your requests   New") && overview.contains("A new answer for you"),
            "{overview}"
        );
        k.keys("l");
        let overview = k.screen(120, 40);
        assert!(
            overview.contains("Dine henvendelser   Nyt")
                && overview.contains("Et nyt svar til dig"),
            "{overview}"
        );
        k.keys("7");
        let list = k.screen(120, 40);
        assert!(
            list.contains("Opslag meldt") && list.contains("Besvaret"),
            "{list}"
        );
        let at = k
            .model
            .session
            .as_ref()
            .unwrap()
            .requests
            .ready()
            .unwrap()
            .iter()
            .position(|r| r.reference == report.reference)
            .expect("the report is on \"Your requests\"");
        k.send(Msg::Tap(Some(indsigt::kiosk::Intent::Item(at)), clock()));
        let answer = k.screen(120, 40);
        assert!(
            answer.contains("Svaret")
                && answer.contains("A colleague opened your case by mistake."),
            "shown in the language it was given in: {answer}"
        );
        k.keys("l");
        let answer = k.screen(120, 40);
        assert!(
            answer.contains("The answer") && answer.contains(&report.reference),
            "{answer}"
        );
        // Seen now: back on the overview it is no longer new.
        k.key(Key::Esc).key(Key::Esc);
        let overview = k.screen(120, 40);
        assert!(!overview.contains("A new answer"), "{overview}");
    })
    .await
    .unwrap();
    drop(api);
}
