//! The keymap's own rules: digits, contexts, case, distinct keys, footers.

use super::*;

#[test]
fn digits_pick_their_number() {
    assert_eq!(
        lookup(Key::Char('3'), &Screen::Overview, true),
        Some(Intent::Pick(3))
    );
    assert_eq!(lookup(Key::Char('0'), &Screen::Overview, true), None);
}

#[test]
fn letter_commands_work_in_either_case() {
    for (lower, upper) in [('l', 'L'), ('x', 'X'), ('k', 'K'), ('h', 'H'), ('o', 'O')] {
        let want = lookup(Key::Char(lower), &Screen::Overview, true);
        assert!(want.is_some(), "{lower}");
        assert_eq!(lookup(Key::Char(upper), &Screen::Overview, true), want);
    }
    assert_eq!(
        lookup(Key::Char('Q'), &Screen::Attract, false),
        Some(Intent::Quit)
    );
    assert_eq!(
        lookup(Key::Char('V'), &Screen::Category { id: 1 }, true),
        Some(Intent::Reveal)
    );
    assert_eq!(Key::Char('?').folded(), Key::Char('?'));
    assert_eq!(Key::Char('Ø').folded(), Key::Char('ø'));
}

#[test]
fn keys_only_work_where_they_belong() {
    assert_eq!(lookup(Key::Char('r'), &Screen::Overview, true), None);
    assert_eq!(lookup(Key::Char('x'), &Screen::Attract, false), None);
    assert_eq!(lookup(Key::Char('q'), &Screen::Overview, true), None);
    assert_eq!(
        lookup(Key::Char('q'), &Screen::Attract, false),
        Some(Intent::Quit)
    );
}

#[test]
fn every_binding_has_distinct_keys_within_a_context_set() {
    for (i, a) in KEYMAP.iter().enumerate() {
        for b in &KEYMAP[i + 1..] {
            if a.keys == b.keys {
                assert_ne!(
                    a.context, b.context,
                    "{:?} and {:?} clash",
                    a.command, b.command
                );
            }
        }
    }
}

#[test]
fn text_screens_scroll_with_the_arrows() {
    let entry = Screen::AccessEntry { id: 1 };
    assert_eq!(lookup(Key::Down, &entry, true), Some(Intent::Down));
    assert_eq!(
        lookup(Key::PageUp, &Screen::Rights, true),
        Some(Intent::PageUp)
    );
    assert!(
        footer(&Screen::Help, true)
            .iter()
            .any(|b| b.command == Intent::Down)
    );
}

#[test]
fn footer_always_has_language_and_sign_out_when_signed_in() {
    // Screens where letters are typed show only Esc: there L and X are text.
    let typing = [Screen::AccessSearch, Screen::Operator];
    for screen in Screen::all_for_tests() {
        let f = footer(&screen, true);
        if typing.contains(&screen) {
            assert_eq!(f.len(), 1, "{screen:?}");
            assert_eq!(f[0].command, Intent::Back);
            continue;
        }
        assert!(
            f.iter().any(|b| b.command == Intent::Language),
            "{screen:?}"
        );
        assert!(f.iter().any(|b| b.command == Intent::SignOut), "{screen:?}");
    }
}

#[test]
fn a_screens_own_binding_of_a_key_hides_the_global_one_in_the_footer() {
    // On the sign-out question Esc skips: the footer says so, and not "Back" as well.
    let esc = |screen: &Screen| -> Vec<&'static str> {
        footer(screen, true)
            .iter()
            .filter(|b| b.keys == Keys::One(Key::Esc))
            .map(|b| b.hint)
            .collect()
    };
    assert_eq!(esc(&Screen::Feedback), ["hint-skip"]);
    assert_eq!(esc(&Screen::Consents), ["hint-back"]);
    // Both keys still give Back, which the question takes as its skip.
    assert_eq!(
        lookup(Key::Esc, &Screen::Feedback, true),
        Some(Intent::Back)
    );
    // No screen shows one key twice.
    for screen in Screen::all_for_tests() {
        let f = footer(&screen, true);
        for (i, b) in f.iter().enumerate() {
            assert!(
                f[i + 1..].iter().all(|o| o.keys != b.keys),
                "{screen:?} shows {} twice",
                b.label
            );
        }
    }
}
