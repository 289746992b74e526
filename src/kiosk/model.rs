//! The kiosk's state. Only `update` changes it; the views only read it.

use super::access_log::AccessLog;
use super::screen::{Helper, Screen};
use crate::domain::port::{Principal, SourceError};
use crate::domain::{
    AccessEvent, AccessReport, Area, CategorySummary, Citizen, CitizenRequest, CitizenSummary,
    Consent, DataCategory, DecisionSupport, Lang, Overview, Purpose, Represented,
};
use jiff::Timestamp;
use std::collections::BTreeSet;

/// What the core needs from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub municipality: String,
    pub portal_url: String,
    pub dpo_contact: String,
    pub kiosk_id: String,
    pub location: String,
    pub default_lang: Lang,
    pub show_employee_names: bool,
    pub idle_timeout_secs: u64,
    pub idle_warning_secs: u64,
    pub session_max_secs: u64,
    pub locked: bool,
    /// Sign in on the citizen's phone (device flow) instead of the demo list.
    pub device_sign_in: bool,
    /// Read-aloud is offered.
    pub read_aloud: bool,
    /// "I don't have MitID on my phone": a member of staff may open the visit (`[auth.staff]`).
    pub staff_sign_in: bool,
}

/// Data that is fetched from the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Loadable<T> {
    #[default]
    NotAsked,
    Loading,
    Ready(T),
    Failed(SourceError),
}

impl<T> Loadable<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loadable::Ready(t) => Some(t),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Loadable::Loading)
    }

    pub fn from_result(result: Result<T, SourceError>) -> Loadable<T> {
        match result {
            Ok(t) => Loadable::Ready(t),
            Err(e) => Loadable::Failed(e),
        }
    }
}

/// A place in the navigation stack: the screen and where the citizen is on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub screen: Screen,
    /// The selected item of the screen's list (0-based).
    pub selected: usize,
    /// Lines scrolled down, on screens of text.
    pub scroll: u16,
    /// The one masked value shown in clear on this screen (privacy screen). Leaving the screen drops it.
    pub revealed: Option<usize>,
}

impl Place {
    /// The attract screen, with `lang` (the default language) selected, so Enter starts in it.
    pub fn attract(lang: Lang) -> Place {
        Place {
            screen: Screen::Attract,
            selected: super::menu::AttractItem::for_lang(lang).index(),
            scroll: 0,
            revealed: None,
        }
    }

    pub fn new(screen: Screen) -> Place {
        Place {
            screen,
            selected: 0,
            scroll: 0,
            revealed: None,
        }
    }
}

/// A notice shown on top of the current screen until the next key (a confirmation, an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A report was filed; tells what happens next.
    Reported(AccessReport),
    /// A consent was withdrawn (or the withdrawal is on its way).
    Withdrawn { pending: bool },
    /// A call to the source failed.
    Error(SourceError),
    /// Read-aloud could not speak.
    Speech(super::speech::SpeechFault),
}

/// Why the session is about to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// No key or tap for a while; any key or tap continues.
    Idle,
    /// The session's absolute limit; it cannot be extended.
    Cap,
}

/// The warning before the session ends, with the time it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    pub ends_at: Timestamp,
}

/// The "hide now" privacy blind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Blind {
    #[default]
    Open,
    /// The screen is blank.
    Down,
    /// Blank, asking "show the screen again?".
    Confirm,
}

/// The operator's PIN entry (to leave a locked kiosk).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct PinEntry {
    /// The digits typed so far; zeroized when cleared.
    pub input: String,
    /// Wrong PINs in a row.
    pub failures: u32,
    /// No PIN is checked before this time (a growing delay after failures).
    pub locked_until: Option<Timestamp>,
    /// A check is running.
    pub checking: bool,
}

impl PinEntry {
    /// Forgets the digits typed.
    pub fn clear(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.input);
    }
}

impl std::fmt::Debug for PinEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinEntry")
            .field("input", &"[REDACTED]")
            .field("failures", &self.failures)
            .field("locked_until", &self.locked_until)
            .finish()
    }
}

/// Everything about the signed-in citizen. Dropped whole at sign-out; the personal texts inside are
/// zeroized on drop by their own types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub principal: Principal,
    pub helper: Helper,
    pub started_at: Timestamp,
    pub citizen: Loadable<Citizen>,
    pub overview: Loadable<Overview>,
    pub areas: Loadable<Vec<Area>>,
    /// The categories of the area on screen.
    pub categories: Loadable<(String, Vec<CategorySummary>)>,
    /// The category on screen.
    pub category: Loadable<DataCategory>,
    pub purposes: Loadable<Vec<Purpose>>,
    pub log: AccessLog,
    /// The access-log entry on screen.
    pub entry: Loadable<AccessEvent>,
    pub reports: Vec<AccessReport>,
    pub consents: Loadable<Vec<Consent>>,
    pub decisions: Loadable<Vec<DecisionSupport>>,
    /// The citizen's requests ("Your requests"), loaded each time the screen opens.
    pub requests: Loadable<Vec<CitizenRequest>>,
    /// Which systems are connected (the overview's coverage note).
    pub systems: Loadable<Vec<crate::domain::ConnectedSystem>>,
    /// The citizen has seen the warning about the session's absolute limit.
    pub cap_warned: bool,
    /// The refresh token of a device sign-in, if the broker gave one.
    pub refresh: Option<crate::domain::port::AccessToken>,
    /// The access token has been refreshed once after a 401; a second 401 ends the session.
    pub refreshed: bool,
    /// The names of the screens seen in this session (`Screen::name`), for the sign-out question: no
    /// ids, no order, no counts. Dropped with the session.
    pub visited: BTreeSet<&'static str>,
    /// Whom the signed-in citizen may act for, as the server answered after sign-in.
    pub represented: Loadable<Vec<Represented>>,
    /// The person whose data the session shows, when it is not the signed-in citizen's own.
    pub acting: Option<Represented>,
}

impl Session {
    pub fn new(principal: Principal, helper: Helper, started_at: Timestamp) -> Session {
        Session {
            principal,
            helper,
            started_at,
            citizen: Loadable::Loading,
            overview: Loadable::Loading,
            areas: Loadable::NotAsked,
            categories: Loadable::NotAsked,
            category: Loadable::NotAsked,
            purposes: Loadable::NotAsked,
            log: AccessLog::default(),
            entry: Loadable::NotAsked,
            reports: Vec::new(),
            consents: Loadable::NotAsked,
            decisions: Loadable::NotAsked,
            requests: Loadable::NotAsked,
            systems: Loadable::NotAsked,
            cap_warned: false,
            refresh: None,
            refreshed: false,
            visited: BTreeSet::new(),
            represented: Loadable::NotAsked,
            acting: None,
        }
    }

    /// Whether the session may withdraw consents and file reports: always for one's own data, and for
    /// someone else only when the grounds cover acting (custody does; a power of attorney may not).
    pub fn may_act(&self) -> bool {
        self.acting.as_ref().is_none_or(|r| r.may_act)
    }
}

/// The whole kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub settings: Settings,
    pub lang: Lang,
    /// The latest time a msg brought in.
    pub now: Timestamp,
    /// The navigation stack; never empty (the attract screen is at the bottom).
    pub stack: Vec<Place>,
    /// The demo citizens for demo sign-in.
    pub demo_citizens: Loadable<Vec<CitizenSummary>>,
    pub session: Option<Session>,
    /// Bumped at every sign-in and sign-out; results of an older generation are dropped.
    pub generation: u64,
    pub notice: Option<Notice>,
    /// The text being typed on the search screen.
    pub search_input: String,
    /// The program should end (only when not locked).
    pub quit: bool,
    /// The last key or tap.
    pub last_activity: Timestamp,
    /// Shown when the session is about to end.
    pub warning: Option<Warning>,
    pub blind: Blind,
    pub high_contrast: bool,
    pub pin: PinEntry,
    /// The device sign-in in progress.
    pub device: Option<super::device::DeviceFlow>,
    /// Bumped at every new device sign-in or cancel; answers for an older attempt are dropped.
    pub device_attempt: u64,
    /// Read-aloud.
    pub speech: super::speech::Speech,
    /// Whose device sign-in is on screen: the citizen's, or a member of staff's.
    pub device_broker: super::staff::Broker,
    /// The CPR entry after a member of staff signed in.
    pub staff: Option<super::staff::StaffEntry>,
}

impl Model {
    pub fn new(settings: Settings, now: Timestamp) -> Model {
        let lang = settings.default_lang;
        Model {
            settings,
            lang,
            now,
            stack: vec![Place::attract(lang)],
            demo_citizens: Loadable::NotAsked,
            session: None,
            generation: 0,
            notice: None,
            search_input: String::new(),
            quit: false,
            last_activity: now,
            warning: None,
            blind: Blind::Open,
            high_contrast: false,
            pin: PinEntry::default(),
            device: None,
            device_attempt: 0,
            speech: super::speech::Speech::default(),
            device_broker: Default::default(),
            staff: None,
        }
    }

    pub fn place(&self) -> &Place {
        // The stack is never empty: `update` keeps the attract screen at the bottom.
        match self.stack.last() {
            Some(p) => p,
            None => &ATTRACT,
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.place().screen
    }

    pub fn signed_in(&self) -> bool {
        self.session.is_some()
    }
}

static ATTRACT: Place = Place {
    screen: Screen::Attract,
    selected: 0,
    scroll: 0,
    revealed: None,
};

/// Who takes input now, from the top: the privacy blind, the idle warning, the operator's PIN, a notice,
/// text entry, the device sign-in, the screen. Keys, taps, the tap map and rendering all follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The screen is blank (`Down`) or asks whether to show it again (`Confirm`); never `Open`.
    Blind(Blind),
    /// "The session ends soon": any key or tap continues.
    Warning,
    /// The operator's PIN screen: digits are typed.
    Pin,
    /// A notice on top of the screen: any key or tap closes it.
    Notice,
    /// The search screen: letters are typed.
    Text,
    /// The device sign-in: Esc cancels, Enter starts again after a refusal.
    DeviceSignIn,
    /// A member of staff types the citizen's CPR number: digits, Backspace, Enter, Esc.
    CprEntry,
    /// The screen itself, through the keymap.
    Screen,
}

impl Model {
    /// The layer that takes input now.
    pub fn layer(&self) -> Layer {
        if self.blind != Blind::Open {
            return Layer::Blind(self.blind);
        }
        if self.warning.is_some() {
            return Layer::Warning;
        }
        match self.screen() {
            Screen::Operator => Layer::Pin,
            _ if self.notice.is_some() => Layer::Notice,
            Screen::AccessSearch => Layer::Text,
            Screen::DeviceSignIn => Layer::DeviceSignIn,
            Screen::StaffCpr => Layer::CprEntry,
            _ => Layer::Screen,
        }
    }

    /// Whether a load of the overview screen's own data (the citizen, the counts) failed.
    pub fn overview_failed(&self) -> bool {
        self.overview_error().is_some()
    }

    /// The error of the overview's failed load, if one failed (the citizen's first).
    pub fn overview_error(&self) -> Option<&SourceError> {
        let s = self.session.as_ref()?;
        match (&s.citizen, &s.overview) {
            (Loadable::Failed(e), _) | (_, Loadable::Failed(e)) => Some(e),
            _ => None,
        }
    }
}
