//! The keymap is data: every key, the command it gives, where it works, and the text that explains it.
//! The footer hints and the help screen are generated from [`KEYMAP`].

use super::route::Route;

/// A key as the kiosk core sees it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Backspace,
    Delete,
    /// Ctrl plus a lowercase letter.
    Ctrl(char),
    /// Alt plus a lowercase letter.
    Alt(char),
    /// Ctrl and Alt plus a lowercase letter (the operator's chord).
    CtrlAlt(char),
    F(u8),
}

/// What a key or a tap asks the kiosk to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Pick the numbered item 1–9 of the current list or menu.
    Pick(u8),
    /// Pick an item by its index (0-based), from a tap on it.
    Item(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Open the selected item (Enter).
    Open,
    /// Go back one screen (Esc).
    Back,
    Help,
    /// Switch between Danish and English, staying on the same screen.
    Language,
    SignOut,
    /// Show the QR code to continue on the municipality's portal.
    ContinueOnline,
    /// Leave the program (only when the kiosk is not locked).
    Quit,
    /// Access log: open the filters.
    Filter,
    /// Access log: search text.
    Search,
    /// Access log: clear all filters.
    ClearFilters,
    /// Access-log entry: "I don't recognise this".
    Report,
    /// Consents: withdraw the selected consent.
    Withdraw,
    /// Blank the screen at once (the privacy blind).
    Hide,
    /// Switch the high-contrast theme on or off.
    Contrast,
    /// Show the next masked value in clear (one at a time).
    Reveal,
    /// The operator's chord: ask for the PIN that leaves a locked kiosk.
    Operator,
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Every screen.
    Global,
    /// Screens with a list or menu.
    List,
    /// Screens of text that scroll.
    Scroll,
    /// The attract screen.
    Attract,
    /// The access log.
    AccessLog,
    /// An access-log entry.
    AccessEntry,
    /// The consents list.
    Consents,
    /// A screen with masked values.
    Masked,
    /// Screens with a signed-in citizen.
    Session,
}

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// The digits 1–9, each giving [`Command::Pick`].
    Digits,
    One(Key),
    Two(Key, Key),
}

impl Keys {
    fn matches(self, key: Key) -> bool {
        match self {
            Keys::Digits => matches!(key, Key::Char('1'..='9')),
            Keys::One(k) => k == key,
            Keys::Two(a, b) => a == key || b == key,
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub keys: Keys,
    pub command: Command,
    pub context: Context,
    /// The key as printed in hints, e.g. `L`. A Fluent id when it starts with `key-`.
    pub label: &'static str,
    /// The Fluent id of the short hint in the footer.
    pub hint: &'static str,
    /// The Fluent id of the sentence on the help screen.
    pub help: &'static str,
    /// Shown in the footer (the help screen shows every binding).
    pub footer: bool,
}

const fn b(
    keys: Keys,
    command: Command,
    context: Context,
    label: &'static str,
    hint: &'static str,
    help: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        command,
        context,
        label,
        hint,
        help,
        footer,
    }
}

use Command as C;
use Context as X;

/// Every key of the kiosk. Order matters: it is the order of the footer and the help screen.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    //  keys                                      command         context          label            footer hint         help text                footer
    b(Keys::Digits,                               C::Pick(0),     X::List,         "1–9",           "hint-pick",        "help-pick",             true),
    b(Keys::One(Key::Up),                         C::Up,          X::List,         "↑",             "hint-up",          "help-up",               false),
    b(Keys::One(Key::Down),                       C::Down,        X::List,         "↓",             "hint-down",        "help-down",             false),
    b(Keys::One(Key::PageUp),                     C::PageUp,      X::List,         "key-page-up",   "hint-page-up",     "help-page-up",          false),
    b(Keys::One(Key::PageDown),                   C::PageDown,    X::List,         "key-page-down", "hint-page-down",   "help-page-down",        false),
    b(Keys::One(Key::Home),                       C::Home,        X::List,         "key-home",      "hint-home",        "help-home",             false),
    b(Keys::One(Key::End),                        C::End,         X::List,         "key-end",       "hint-end",         "help-end",              false),
    b(Keys::One(Key::Enter),                      C::Open,        X::List,         "Enter",         "hint-open",        "help-open",             true),
    b(Keys::One(Key::Up),                         C::Up,          X::Scroll,       "↑",             "hint-scroll-up",   "help-scroll-up",        false),
    b(Keys::One(Key::Down),                       C::Down,        X::Scroll,       "↓",             "hint-scroll-down", "help-scroll-down",      true),
    b(Keys::One(Key::PageUp),                     C::PageUp,      X::Scroll,       "key-page-up",   "hint-page-up",     "help-scroll-page-up",   false),
    b(Keys::One(Key::PageDown),                   C::PageDown,    X::Scroll,       "key-page-down", "hint-page-down",   "help-scroll-page-down", false),
    b(Keys::One(Key::Char('f')),                  C::Filter,      X::AccessLog,    "F",             "hint-filter",      "help-filter",           true),
    b(Keys::One(Key::Char('/')),                  C::Search,      X::AccessLog,    "/",             "hint-search",      "help-search",           true),
    b(Keys::One(Key::Char('c')),                  C::ClearFilters, X::AccessLog,   "C",             "hint-clear",       "help-clear",            false),
    b(Keys::One(Key::Char('r')),                  C::Report,      X::AccessEntry,  "R",             "hint-report",      "help-report",           true),
    b(Keys::One(Key::Char('w')),                  C::Withdraw,    X::Consents,     "W",             "hint-withdraw",    "help-withdraw",         true),
    b(Keys::One(Key::Char('v')),                  C::Reveal,      X::Masked,       "V",             "hint-reveal",      "help-reveal",           true),
    b(Keys::One(Key::Esc),                        C::Back,        X::Global,       "Esc",           "hint-back",        "help-back",             true),
    b(Keys::One(Key::Char('o')),                  C::ContinueOnline, X::Global,    "O",             "hint-online",      "help-online",           true),
    b(Keys::One(Key::Char('?')),                  C::Help,        X::Global,       "?",             "hint-help",        "help-help",             true),
    b(Keys::One(Key::Char('l')),                  C::Language,    X::Global,       "L",             "hint-language",    "help-language",         true),
    b(Keys::One(Key::Char('k')),                  C::Contrast,    X::Global,       "K",             "hint-contrast",    "help-contrast",         true),
    b(Keys::One(Key::Char('h')),                  C::Hide,        X::Global,       "H",             "hint-hide",        "help-hide",             true),
    b(Keys::One(Key::Char('x')),                  C::SignOut,     X::Session,      "X",             "hint-sign-out",    "help-sign-out",         true),
    b(Keys::One(Key::Char('q')),                  C::Quit,        X::Attract,      "Q",             "hint-quit",        "help-quit",             true),
    b(Keys::One(Key::CtrlAlt('o')),               C::Operator,    X::Global,       "Ctrl+Alt+O",    "hint-operator",    "help-operator",         false),
];

/// The contexts that are active on a route.
pub fn contexts(route: &Route, signed_in: bool) -> Vec<Context> {
    let mut out = vec![Context::Global];
    if route.has_list() {
        out.push(Context::List);
    } else if route.scrolls() {
        out.push(Context::Scroll);
    }
    match route {
        Route::Attract => out.push(Context::Attract),
        Route::AccessLog => out.push(Context::AccessLog),
        Route::AccessEntry { .. } => out.push(Context::AccessEntry),
        Route::Consents => out.push(Context::Consents),
        Route::Category { .. } => out.push(Context::Masked),
        _ => {}
    }
    if signed_in {
        out.push(Context::Session);
    }
    out
}

/// The command a key gives on a route, if any.
pub fn lookup(key: Key, route: &Route, signed_in: bool) -> Option<Command> {
    let active = contexts(route, signed_in);
    KEYMAP
        .iter()
        .filter(|b| active.contains(&b.context))
        .find(|b| b.keys.matches(key))
        .map(|b| match (b.command, key) {
            (Command::Pick(_), Key::Char(c)) => Command::Pick(c as u8 - b'0'),
            (cmd, _) => cmd,
        })
}

/// The bindings the footer shows on a route, in keymap order.
pub fn footer(route: &Route, signed_in: bool) -> Vec<&'static Binding> {
    let active = contexts(route, signed_in);
    KEYMAP
        .iter()
        .filter(|b| b.footer && active.contains(&b.context))
        .filter(|b| route.allows(b.command))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_pick_their_number() {
        assert_eq!(
            lookup(Key::Char('3'), &Route::Overview, true),
            Some(Command::Pick(3))
        );
        assert_eq!(lookup(Key::Char('0'), &Route::Overview, true), None);
    }

    #[test]
    fn keys_only_work_where_they_belong() {
        assert_eq!(lookup(Key::Char('r'), &Route::Overview, true), None);
        assert_eq!(lookup(Key::Char('x'), &Route::Attract, false), None);
        assert_eq!(lookup(Key::Char('q'), &Route::Overview, true), None);
        assert_eq!(
            lookup(Key::Char('q'), &Route::Attract, false),
            Some(Command::Quit)
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
        let entry = Route::AccessEntry { id: 1 };
        assert_eq!(lookup(Key::Down, &entry, true), Some(Command::Down));
        assert_eq!(
            lookup(Key::PageUp, &Route::Rights, true),
            Some(Command::PageUp)
        );
        assert!(
            footer(&Route::Help, true)
                .iter()
                .any(|b| b.command == Command::Down)
        );
    }

    #[test]
    fn footer_always_has_language_and_sign_out_when_signed_in() {
        // Screens where letters are typed show only Esc: there L and X are text.
        let typing = [Route::AccessSearch, Route::Operator];
        for route in Route::all_for_tests() {
            let f = footer(&route, true);
            if typing.contains(&route) {
                assert_eq!(f.len(), 1, "{route:?}");
                assert_eq!(f[0].command, Command::Back);
                continue;
            }
            assert!(
                f.iter().any(|b| b.command == Command::Language),
                "{route:?}"
            );
            assert!(f.iter().any(|b| b.command == Command::SignOut), "{route:?}");
        }
    }
}
