//! The keymap is data: every key, the command it gives, where it works, and the text that explains it.
//! The footer hints and the help screen are generated from [`KEYMAP`].

use super::model::{Blind, Layer, Model};
use super::screen::Screen;

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

impl Key {
    /// The key with a letter in lowercase, so commands work with Caps Lock or Shift. Typed text (search,
    /// PIN) never goes through this: it keeps its case.
    pub fn folded(self) -> Key {
        match self {
            Key::Char(c) if c.is_uppercase() => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => Key::Char(l),
                    _ => self,
                }
            }
            k => k,
        }
    }
}

/// What a key or a tap asks the kiosk to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intent {
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
    /// Load again what failed to load on the screen (the overview's greeting and counts).
    Retry,
    /// While the blind is down: ask whether to show the screen again.
    BlindAsk,
    /// After that question: show the screen again.
    BlindShow,
    /// After that question: keep the screen hidden.
    BlindKeep,
    /// Read the screen aloud, or stop reading.
    ReadAloud,
    /// Read aloud faster.
    SpeechFaster,
    /// Read aloud slower.
    SpeechSlower,
    /// "I don't have MitID on my phone": a member of staff signs in to open the visit.
    StaffSignIn,
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
    /// The overview when its own loads failed.
    Retry,
    /// Every screen of a kiosk that is not locked.
    Unlocked,
    /// The privacy blind is down (nothing else answers).
    Blind,
    /// The blind asks whether to show the screen again.
    BlindConfirm,
    /// "Was this understandable?" at sign-out, where Esc skips the question.
    Feedback,
    /// Every screen of a kiosk that offers read-aloud.
    Speech,
    /// The citizen's device sign-in on a kiosk that offers sign-in with a member of staff.
    StaffOffer,
    /// The CPR entry of a member of staff.
    CprEntry,
}

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// The digits 1–9, each giving [`Intent::Pick`].
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
    pub command: Intent,
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
    command: Intent,
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

use Context as X;
use Intent as C;

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
    b(Keys::One(Key::Char('r')),                  C::Retry,       X::Retry,        "R",             "hint-retry",       "help-retry",            true),
    b(Keys::One(Key::Char('s')),                  C::StaffSignIn, X::StaffOffer,   "S",             "hint-staff-sign-in", "help-staff-sign-in",  true),
    b(Keys::One(Key::Enter),                      C::Open,        X::CprEntry,     "Enter",         "hint-open-visit",  "help-open-visit",       true),
    b(Keys::One(Key::Esc),                        C::Back,        X::Feedback,     "Esc",           "hint-skip",        "help-skip",             true),
    b(Keys::One(Key::Esc),                        C::Back,        X::Global,       "Esc",           "hint-back",        "help-back",             true),
    b(Keys::One(Key::Char('o')),                  C::ContinueOnline, X::Global,    "O",             "hint-online",      "help-online",           true),
    b(Keys::One(Key::Char('?')),                  C::Help,        X::Global,       "?",             "hint-help",        "help-help",             true),
    b(Keys::One(Key::Char('l')),                  C::Language,    X::Global,       "L",             "hint-language",    "help-language",         true),
    b(Keys::One(Key::Char('a')),                  C::ReadAloud,   X::Speech,       "A",             "hint-read-aloud",  "help-read-aloud",       true),
    b(Keys::One(Key::Char('+')),                  C::SpeechFaster, X::Speech,      "+",             "hint-speech-faster", "help-speech-faster",  false),
    b(Keys::One(Key::Char('-')),                  C::SpeechSlower, X::Speech,      "-",             "hint-speech-slower", "help-speech-slower",  false),
    b(Keys::One(Key::Char('k')),                  C::Contrast,    X::Global,       "K",             "hint-contrast",    "help-contrast",         true),
    b(Keys::One(Key::Char('h')),                  C::Hide,        X::Global,       "H",             "hint-hide",        "help-hide",             true),
    b(Keys::One(Key::Char('x')),                  C::SignOut,     X::Session,      "X",             "hint-sign-out",    "help-sign-out",         true),
    b(Keys::One(Key::Char('q')),                  C::Quit,        X::Attract,      "Q",             "hint-quit",        "help-quit",             true),
    b(Keys::One(Key::CtrlAlt('o')),               C::Operator,    X::Global,       "Ctrl+Alt+O",    "hint-operator",    "help-operator",         false),
    b(Keys::One(Key::Ctrl('c')),                  C::Quit,        X::Unlocked,     "Ctrl+C",        "hint-quit",        "help-interrupt",        false),
    b(Keys::One(Key::Char('h')),                  C::BlindAsk,    X::Blind,        "H",             "hint-blind-ask",   "help-blind-ask",        false),
    b(Keys::One(Key::Char('1')),                  C::BlindShow,   X::BlindConfirm, "1",             "hint-blind-show",  "help-blind-show",       false),
    b(Keys::Two(Key::Char('2'), Key::Esc),        C::BlindKeep,   X::BlindConfirm, "2",             "hint-blind-keep",  "help-blind-keep",       false),
];

/// The contexts that are active on a screen.
pub fn contexts(screen: &Screen, signed_in: bool) -> Vec<Context> {
    let mut out = vec![Context::Global];
    if screen.has_list() {
        out.push(Context::List);
    } else if screen.scrolls() {
        out.push(Context::Scroll);
    }
    match screen {
        Screen::Attract => out.push(Context::Attract),
        Screen::AccessLog => out.push(Context::AccessLog),
        Screen::AccessEntry { .. } => out.push(Context::AccessEntry),
        Screen::Consents => out.push(Context::Consents),
        Screen::Category { .. } => out.push(Context::Masked),
        Screen::Feedback => out.push(Context::Feedback),
        Screen::StaffCpr => out.push(Context::CprEntry),
        _ => {}
    }
    if signed_in {
        out.push(Context::Session);
    }
    out
}

/// The contexts that are active now: the blind's alone while it is down; else the screen's, the retry
/// on a failed overview, and the unlocked kiosk's.
pub fn active(model: &Model) -> Vec<Context> {
    match model.layer() {
        Layer::Blind(Blind::Confirm) => return vec![Context::BlindConfirm],
        Layer::Blind(_) => return vec![Context::Blind],
        _ => {}
    }
    let mut out = contexts(model.screen(), model.signed_in());
    // Acting for someone whose power of attorney covers seeing only: no report, no withdrawal.
    if model.session.as_ref().is_some_and(|s| !s.may_act()) {
        out.retain(|c| !matches!(c, Context::AccessEntry | Context::Consents));
    }
    if *model.screen() == Screen::Overview && model.overview_failed() {
        out.push(Context::Retry);
    }
    if !model.settings.locked {
        out.push(Context::Unlocked);
    }
    if model.settings.read_aloud {
        out.push(Context::Speech);
    }
    let citizen_sign_in = *model.screen() == Screen::DeviceSignIn
        && model.device_broker == super::staff::Broker::Citizen;
    if model.settings.staff_sign_in && citizen_sign_in {
        out.push(Context::StaffOffer);
    }
    out
}

/// The command a key gives in these contexts, if any. Letters work in either case.
pub fn lookup_in(key: Key, active: &[Context]) -> Option<Intent> {
    let key = key.folded();
    KEYMAP
        .iter()
        .filter(|b| active.contains(&b.context))
        .find(|b| b.keys.matches(key))
        .map(|b| match (b.command, key) {
            (Intent::Pick(_), Key::Char(c)) => Intent::Pick(c as u8 - b'0'),
            (cmd, _) => cmd,
        })
}

/// The command a key gives on a screen, if any.
pub fn lookup(key: Key, screen: &Screen, signed_in: bool) -> Option<Intent> {
    lookup_in(key, &contexts(screen, signed_in))
}

/// The command a key gives now.
pub fn command(key: Key, model: &Model) -> Option<Intent> {
    lookup_in(key, &active(model))
}

/// Whether the key interrupts the program from any screen (Ctrl-C on a kiosk that is not locked).
pub fn interrupts(key: Key, model: &Model) -> bool {
    !model.settings.locked && lookup_in(key, &[Context::Unlocked]) == Some(Intent::Quit)
}

fn footer_in(screen: &Screen, active: &[Context]) -> Vec<&'static Binding> {
    let shown: Vec<&'static Binding> = KEYMAP
        .iter()
        .filter(|b| b.footer && active.contains(&b.context))
        .filter(|b| screen.allows(b.command))
        .collect();
    // A screen's own binding of a key says what the key does here; the global one of the same key is not
    // shown beside it (on the sign-out question, Esc skips rather than goes back).
    shown
        .iter()
        .copied()
        .filter(|b| {
            b.context != Context::Global
                || !shown
                    .iter()
                    .any(|o| o.context != Context::Global && o.keys == b.keys)
        })
        .collect()
}

/// The bindings the footer shows on a screen, in keymap order.
pub fn footer(screen: &Screen, signed_in: bool) -> Vec<&'static Binding> {
    footer_in(screen, &contexts(screen, signed_in))
}

/// The bindings the footer shows now, in keymap order.
pub fn footer_now(model: &Model) -> Vec<&'static Binding> {
    footer_in(model.screen(), &active(model))
}

/// The bindings the help screen lists: every one, except Ctrl-C on a locked kiosk.
pub fn help(model: &Model) -> impl Iterator<Item = &'static Binding> {
    let locked = model.settings.locked;
    let speech = model.settings.read_aloud;
    let staff = model.settings.staff_sign_in;
    KEYMAP
        .iter()
        .filter(move |b| !(locked && b.context == Context::Unlocked))
        .filter(move |b| speech || b.context != Context::Speech)
        .filter(move |b| staff || !matches!(b.context, Context::StaffOffer | Context::CprEntry))
}

#[cfg(test)]
mod tests;
