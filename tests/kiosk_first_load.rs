//! The first load after sign-in fails, over HTTP: the kiosk says what went wrong and how to try again,
//! and R (or coming back to the overview) loads again once the server answers. `update` plus the effect
//! runner with `HttpSource`, against a real `indsigt serve` on 127.0.0.1 that is not there at first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod http_support;
mod support_server;

use common::kiosk::{Kiosk, demo_db};
use common::{ELDERLY, cid};
use indsigt::domain::Lang;
use indsigt::kiosk::{Key, Loadable, Screen};
use indsigt::source::DataSource;
use indsigt::source::http::{HttpOptions, HttpSource};
use indsigt::store::Store;
use std::sync::Arc;
use support_server::{Api, Issuer, Key as SigningKey, settings};

const UNREACHABLE: &str = "We cannot reach the municipality's system right now.";
const RETRY: &str = "Press R to try again.";
const GREETING: &str = "Hello Inger Marie Holm";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_first_load_says_so_and_loads_again_when_the_server_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), 100);
    let store = Store::open(&db).unwrap();
    let subject = store.citizen(&cid(ELDERLY)).unwrap().subject.clone();
    drop(store);
    let issuer = Issuer::start(vec![SigningKey::es256("k1")]).await;
    let token = issuer.token(&subject);
    // The server's port, with no one listening yet: every call is refused.
    let addr = http_support::closed_port();
    let mut options = HttpOptions::new(format!("http://{addr}"), dir.path().join("outbox.db"));
    options.retry_attempts = 1;

    let k = tokio::task::spawn_blocking(move || {
        // Made and dropped off the async threads: the source has a runtime of its own.
        let source: Arc<dyn DataSource> = Arc::new(HttpSource::new(options).unwrap());
        let mut k = Kiosk::new(source);
        k.model.lang = Lang::En;
        k.sign_in_with_token(token);
        let s = k.model.session.as_ref().unwrap();
        assert!(matches!(s.citizen, Loadable::Failed(_)), "{:?}", s.citizen);
        assert!(
            matches!(s.overview, Loadable::Failed(_)),
            "{:?}",
            s.overview
        );
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = k.screen(w, h);
            assert!(screen.contains(UNREACHABLE), "{screen}");
            assert!(screen.contains(RETRY), "{screen}");
            assert!(
                screen.contains("R  Try again"),
                "the footer has the key:\n{screen}"
            );
            assert!(!screen.contains("Loading"), "{screen}");
            assert!(!screen.contains(GREETING), "{screen}");
        }
        // The footer's "Try again" is a button too.
        let screen = k.screen(120, 40);
        let (row, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Try again"))
            .unwrap();
        let col = line[..line.find("Try again").unwrap()].chars().count() as u16;
        let area = ratatui::layout::Rect::new(0, 0, 120, 40);
        let tapped = indsigt::ui::hit_test(&k.model, area, col, row as u16);
        assert_eq!(tapped, Some(indsigt::kiosk::Intent::Retry));
        // Trying again while the server is still away: the same sentence, and the keys still answer.
        k.keys("R");
        assert!(k.screen(120, 40).contains(UNREACHABLE));
        // A section without data opens; coming back tries again, and still says what is wrong.
        k.keys("6");
        assert_eq!(*k.model.screen(), Screen::Rights);
        k.key(Key::Esc);
        assert_eq!(*k.model.screen(), Screen::Overview);
        assert!(k.screen(120, 40).contains(UNREACHABLE));
        k
    })
    .await
    .unwrap();

    // The server comes up on that port.
    let mut server = settings(&db, &issuer);
    server.listen = addr.to_string();
    let api = Api::start(&server).await;

    tokio::task::spawn_blocking(move || {
        let mut k = k;
        k.keys("r");
        let s = k.model.session.as_ref().unwrap();
        assert_eq!(s.citizen.ready().map(|c| c.id.clone()), Some(cid(ELDERLY)));
        assert!(s.overview.ready().is_some(), "{:?}", s.overview);
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = k.screen(w, h);
            assert!(screen.contains(GREETING), "{screen}");
            assert!(!screen.contains(UNREACHABLE), "{screen}");
            assert!(
                !screen.contains("Try again"),
                "the retry key is gone:\n{screen}"
            );
        }
    })
    .await
    .unwrap();
    drop(api);
}
