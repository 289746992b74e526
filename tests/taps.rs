//! Taps: a tap on what the screen shows gives the command of that thing, from the same layout the views
//! draw with. Found by looking for the text on the rendered screen, as a finger would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, clock, demo_source};
use indsigt::domain::Lang;
use indsigt::kiosk::{Intent, Msg, Screen};
use indsigt::ui::hit_test;
use ratatui::layout::Rect;

/// The (column, row) of the first place `text` is drawn.
fn find(k: &Kiosk, w: u16, h: u16, text: &str) -> (u16, u16) {
    let screen = k.screen(w, h);
    for (row, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(text) {
            let col = line[..byte].chars().count();
            return (col as u16, row as u16);
        }
    }
    panic!("{text:?} is not on the screen:\n{screen}");
}

fn tap(k: &mut Kiosk, w: u16, h: u16, text: &str) -> Option<Intent> {
    let (col, row) = find(k, w, h, text);
    let command = hit_test(&k.model, Rect::new(0, 0, w, h), col + 1, row);
    k.send(Msg::Tap(command, clock()));
    command
}

#[test]
fn tapping_items_and_footer_keys_does_what_the_screen_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 300));
    for (w, h) in [(80, 24), (120, 40)] {
        k.sign_in(ELDERLY, Lang::Da);
        // A menu item, in the second column at 80×24.
        assert_eq!(tap(&mut k, w, h, "Dine rettigheder"), Some(Intent::Item(5)));
        assert_eq!(*k.model.screen(), Screen::Rights);
        // Footer keys are buttons too.
        assert_eq!(tap(&mut k, w, h, "English"), Some(Intent::Language));
        assert_eq!(k.model.lang, Lang::En);
        assert_eq!(tap(&mut k, w, h, "Back"), Some(Intent::Back));
        assert_eq!(*k.model.screen(), Screen::Overview);
        // An access-log row opens that entry.
        tap(&mut k, w, h, "Who has looked at your data");
        assert_eq!(*k.model.screen(), Screen::AccessLog);
        let second = k.model.session.as_ref().unwrap().log.entry(1).unwrap().id;
        let row = find(&k, w, h, "When · what").1 + 3;
        let command = hit_test(&k.model, Rect::new(0, 0, w, h), 5, row);
        assert_eq!(command, Some(Intent::Item(1)));
        k.send(Msg::Tap(command, clock()));
        assert_eq!(*k.model.screen(), Screen::AccessEntry { id: second });
        // A tap on nothing does nothing; the digits legend is not a button.
        assert_eq!(hit_test(&k.model, Rect::new(0, 0, w, h), 0, 0), None);
        assert_eq!(tap(&mut k, w, h, "Sign out"), Some(Intent::SignOut));
        // The question at sign-out takes taps too: an answer signs out.
        assert_eq!(*k.model.screen(), Screen::Feedback);
        assert_eq!(tap(&mut k, w, h, "Some of it"), Some(Intent::Item(1)));
        assert!(k.model.session.is_none());
    }
}
