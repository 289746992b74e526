//! Menus are data in the core: for every fixed menu, the view draws exactly the items of its `ALL`
//! list, and the help screen lists every key of the keymap that applies (Ctrl-C only when unlocked).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, clock, demo_source};
use indsigt::domain::Lang;
use indsigt::kiosk::menu::FixedMenu;
use indsigt::kiosk::{Intent, Msg};
use std::collections::BTreeSet;

/// The numbers of the menu items drawn on the screen: "▶ 1  Title" or "  2  Title".
fn drawn_items(screen: &str) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for line in screen.lines() {
        let c: Vec<char> = format!(" {line}").chars().collect();
        for w in c.windows(6) {
            let starts = matches!(w[0], '▶' | ' ') && w[1] == ' ';
            let number = w[2].is_ascii_digit() && w[2] != '0';
            if starts && number && w[3] == ' ' && w[4] == ' ' && w[5] != ' ' {
                out.insert(w[2].to_digit(10).unwrap() as usize);
            }
        }
    }
    out
}

fn tap(k: &mut Kiosk, index: usize) {
    k.send(Msg::Tap(Some(Intent::Item(index)), clock()));
}

/// A kiosk showing the fixed menu `menu`.
fn showing(menu: FixedMenu, dir: &std::path::Path) -> Vec<Kiosk> {
    let mut k = Kiosk::new(demo_source(dir, 100));
    let signed_in = |k: &mut Kiosk| {
        k.sign_in(ELDERLY, Lang::En);
    };
    match menu {
        FixedMenu::Attract => {}
        FixedMenu::Helper => {
            k.keys("2");
            tap(&mut k, 0);
        }
        FixedMenu::Overview => signed_in(&mut k),
        FixedMenu::Filters => {
            signed_in(&mut k);
            k.keys("3f");
        }
        FixedMenu::Confirm => {
            signed_in(&mut k);
            k.keys("3").keys("1").keys("r");
            let second = dir.join("second");
            std::fs::create_dir(&second).unwrap();
            let mut withdraw = Kiosk::new(demo_source(&second, 100));
            signed_in(&mut withdraw);
            withdraw.keys("4");
            let consents = withdraw.model.session.as_ref().unwrap().consents.ready();
            let active = consents
                .unwrap()
                .iter()
                .position(|c| c.is_active())
                .unwrap();
            tap(&mut withdraw, active);
            return vec![k, withdraw];
        }
        FixedMenu::Blind => {
            signed_in(&mut k);
            k.keys("hh");
        }
        FixedMenu::Feedback => {
            signed_in(&mut k);
            k.keys("x");
        }
    }
    vec![k]
}

#[test]
fn every_fixed_menu_draws_exactly_its_items() {
    for menu in FixedMenu::ALL {
        let dir = tempfile::tempdir().unwrap();
        for k in showing(menu, dir.path()) {
            assert_eq!(
                FixedMenu::of(&k.model),
                Some(menu),
                "{:?}",
                k.model.screen()
            );
            let want: BTreeSet<usize> = (1..=menu.item_count()).collect();
            for (w, h) in [(80, 24), (120, 40)] {
                let screen = k.screen(w, h);
                assert_eq!(drawn_items(&screen), want, "{menu:?} at {w}x{h}:\n{screen}");
            }
        }
    }
}

#[test]
fn the_help_screen_lists_ctrl_c_when_unlocked_and_the_blind_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 100));
    k.sign_in(ELDERLY, Lang::En);
    k.keys("?");
    // The help is longer than one screen: read it all, scrolling a page at a time.
    let mut help = k.screen(120, 40);
    for _ in 0..3 {
        k.key(indsigt::kiosk::Key::PageDown);
        help.push_str(&k.screen(120, 40));
    }
    assert!(help.contains("A       Read the screen aloud"), "{help}");
    for line in [
        "Ctrl+C    Quit the program at once",
        "H       While the screen is hidden: ask to show it again.",
        "1       Show the hidden screen again, when you are asked.",
        "2       Keep the screen hidden, when you are asked.",
        "R       Load your overview again if it could not be loaded.",
    ] {
        assert!(
            help.contains(line),
            "{line:?} is not on the help screen:\n{help}"
        );
    }
    k.model.settings.locked = true;
    let locked = k.screen(120, 40);
    assert!(!locked.contains("Ctrl+C"), "{locked}");
    assert!(locked.contains("While the screen is hidden"), "{locked}");
}
