//! Every screen, in Danish and English, at 80×24 and 120×40: whole-screen insta snapshots over a real
//! demo store.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, copy_source, demo_db, demo_source};
use common::screens::SCREENS;
use indsigt::domain::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

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
                let expects_notice = ["report_filed", "error_notice"].contains(name);
                assert_eq!(
                    k.model.notice.is_some(),
                    expects_notice,
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
