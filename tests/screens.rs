//! Every screen, in Danish and English, at 80×24 and 120×40: whole-screen insta snapshots over a real
//! demo store.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, copy_source, demo_db, demo_source};
use indsigt::domain::Lang;
use indsigt::kiosk::{Command, Key, Msg};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

type Setup = fn(&mut Kiosk, Lang);

fn signed_in(k: &mut Kiosk, lang: Lang) {
    k.sign_in(ELDERLY, lang);
}

fn tap(k: &mut Kiosk, index: usize) {
    k.send(Msg::Tap(Some(Command::Item(index)), common::kiosk::clock()));
}

const SCREENS: &[(&str, Setup)] = &[
    ("attract", |k, lang| {
        if lang == Lang::En {
            k.keys("l");
        }
    }),
    ("sign_in", |k, lang| {
        k.keys(if lang == Lang::Da { "1" } else { "2" });
    }),
    ("helper", |k, lang| {
        k.keys(if lang == Lang::Da { "1" } else { "2" });
        tap(k, 0);
    }),
    ("overview", signed_in),
    ("areas", |k, l| {
        signed_in(k, l);
        k.keys("1");
    }),
    ("categories", |k, l| {
        signed_in(k, l);
        k.keys("1").keys("3");
    }),
    ("category", |k, l| {
        signed_in(k, l);
        k.keys("1").keys("3").keys("1");
    }),
    ("purposes", |k, l| {
        signed_in(k, l);
        k.keys("2");
    }),
    ("purpose", |k, l| {
        signed_in(k, l);
        k.keys("2").key(Key::Down).key(Key::Enter);
    }),
    ("access_log", |k, l| {
        signed_in(k, l);
        k.keys("3");
    }),
    ("access_filter", |k, l| {
        signed_in(k, l);
        k.keys("3f4");
    }),
    ("access_search", |k, l| {
        signed_in(k, l);
        k.keys("3/").keys("hjem");
    }),
    ("access_entry", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Down).key(Key::Enter);
    }),
    ("confirm_report", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Enter).keys("r");
    }),
    ("report_filed", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Enter).keys("r1");
    }),
    ("consents", |k, l| {
        signed_in(k, l);
        k.keys("4");
    }),
    ("confirm_withdraw", |k, l| {
        signed_in(k, l);
        k.keys("4");
        let consents = k.model.session.as_ref().unwrap().consents.ready().unwrap();
        let active = consents
            .iter()
            .position(|c| c.is_active())
            .expect("an active consent");
        tap(k, active);
    }),
    ("decisions", |k, l| {
        signed_in(k, l);
        k.keys("5");
    }),
    ("decision", |k, l| {
        signed_in(k, l);
        k.keys("51");
    }),
    ("rights", |k, l| {
        signed_in(k, l);
        k.keys("6");
    }),
    ("online", |k, l| {
        signed_in(k, l);
        k.keys("7");
    }),
    ("help", |k, l| {
        signed_in(k, l);
        k.keys("?");
    }),
];

#[test]
fn every_screen_in_both_languages_and_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 3_000);
    for (name, setup) in SCREENS {
        for lang in [Lang::Da, Lang::En] {
            for (w, h) in SIZES {
                let source = copy_source(
                    &template,
                    dir.path(),
                    &format!("{name}-{}-{w}", lang.code()),
                );
                let mut k = Kiosk::new(source);
                setup(&mut k, lang);
                assert!(
                    k.model.notice.is_none() || *name == "report_filed",
                    "{name}: {:?}",
                    k.model.notice
                );
                let screen = k.screen(w, h);
                insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
            }
        }
    }
}

#[test]
fn too_small_asks_for_a_bigger_window_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source(dir.path(), 100);
    let mut k = Kiosk::new(source);
    k.sign_in(ELDERLY, Lang::Da);
    insta::assert_snapshot!("too_small_da_60x20", k.screen(60, 20));
    k.keys("l");
    insta::assert_snapshot!("too_small_en_79x24", k.screen(79, 24));
    for (w, h) in [(1, 1), (0, 0), (1, 80), (200, 1), (80, 23), (5, 3)] {
        // Never a panic, at any size.
        let _ = k.buffer(w, h);
    }
}
