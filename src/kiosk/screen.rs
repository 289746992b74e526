//! The screens of the kiosk, as places in a navigation stack.

use super::keymap::Intent;

/// Who helps the citizen, as asked at sign-in.
pub use crate::domain::port::Helper;

/// A screen. The model keeps a stack of them; `Esc` pops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The municipality's name, one line on the kiosk, and the language choice.
    Attract,
    /// Demo sign-in: the demo citizens.
    SignIn,
    /// Sign-in on the citizen's phone: the QR code and the user code.
    DeviceSignIn,
    /// A member of staff types the citizen's CPR number, after signing in and checking their ID.
    StaffCpr,
    /// "Is someone helping you today?", after the citizen is chosen.
    Helper {
        citizen: usize,
    },
    /// "Whose data do you want to see?": yourself, or someone the server says you may act for.
    ChooseWho,
    Overview,
    /// The areas of the citizen's data.
    Areas,
    /// The categories in one area.
    Categories {
        area: String,
    },
    /// One category with every field.
    Category {
        id: i64,
    },
    Purposes,
    /// One purpose in detail.
    Purpose {
        index: usize,
    },
    AccessLog,
    /// The access-log filters.
    AccessFilter,
    /// Typing a search text for the access log.
    AccessSearch,
    /// One access-log entry.
    AccessEntry {
        id: i64,
    },
    /// "Do you want to report this entry?"
    ConfirmReport {
        id: i64,
    },
    Consents,
    /// "Do you want to withdraw this consent?"
    ConfirmWithdraw {
        id: i64,
    },
    /// The computer-assisted decisions, one tool per item.
    Decisions,
    /// One decision-support use in detail.
    Decision {
        index: usize,
    },
    Rights,
    /// "Your requests": the withdrawals and reports the citizen has made, and the answers.
    Requests,
    /// One request with its answer.
    Request {
        index: usize,
    },
    /// The QR code to continue on the portal, for the view it was opened from.
    Online {
        view: View,
    },
    Help,
    /// The operator's PIN, to leave a locked kiosk.
    Operator,
    /// "Was this understandable?", asked once when the citizen signs out with the sign-out key.
    Feedback,
}

/// A view of the portal that "continue online" links to. It names a section, never a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Start,
    Overview,
    Data,
    Purposes,
    AccessLog,
    Consents,
    Decisions,
    Rights,
    Requests,
}

impl View {
    /// The `view=` value in the portal URL.
    pub fn code(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Overview => "overview",
            View::Data => "data",
            View::Purposes => "purposes",
            View::AccessLog => "access-log",
            View::Consents => "consents",
            View::Decisions => "decisions",
            View::Requests => "requests",
            View::Rights => "rights",
        }
    }
}

impl Screen {
    /// The portal view that matches this screen.
    pub fn view(&self) -> View {
        match self {
            Screen::Attract
            | Screen::SignIn
            | Screen::DeviceSignIn
            | Screen::StaffCpr
            | Screen::Helper { .. }
            | Screen::ChooseWho
            | Screen::Help
            | Screen::Operator
            | Screen::Feedback => View::Start,
            Screen::Overview => View::Overview,
            Screen::Areas | Screen::Categories { .. } | Screen::Category { .. } => View::Data,
            Screen::Purposes | Screen::Purpose { .. } => View::Purposes,
            Screen::AccessLog
            | Screen::AccessFilter
            | Screen::AccessSearch
            | Screen::AccessEntry { .. }
            | Screen::ConfirmReport { .. } => View::AccessLog,
            Screen::Consents | Screen::ConfirmWithdraw { .. } => View::Consents,
            Screen::Decisions | Screen::Decision { .. } => View::Decisions,
            Screen::Rights => View::Rights,
            Screen::Requests | Screen::Request { .. } => View::Requests,
            Screen::Online { view } => *view,
        }
    }

    /// A short name for logs (no personal data).
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Attract => "attract",
            Screen::SignIn => "sign-in",
            Screen::DeviceSignIn => "device-sign-in",
            Screen::StaffCpr => "staff-cpr",
            Screen::Helper { .. } => "helper",
            Screen::ChooseWho => "choose-who",
            Screen::Overview => "overview",
            Screen::Areas => "areas",
            Screen::Categories { .. } => "categories",
            Screen::Category { .. } => "category",
            Screen::Purposes => "purposes",
            Screen::Purpose { .. } => "purpose",
            Screen::AccessLog => "access-log",
            Screen::AccessFilter => "access-filter",
            Screen::AccessSearch => "access-search",
            Screen::AccessEntry { .. } => "access-entry",
            Screen::ConfirmReport { .. } => "confirm-report",
            Screen::Consents => "consents",
            Screen::ConfirmWithdraw { .. } => "confirm-withdraw",
            Screen::Decisions => "decisions",
            Screen::Decision { .. } => "decision",
            Screen::Rights => "rights",
            Screen::Requests => "requests",
            Screen::Request { .. } => "request",
            Screen::Online { .. } => "online",
            Screen::Help => "help",
            Screen::Operator => "operator",
            Screen::Feedback => "feedback",
        }
    }

    /// Whether the screen shows a list or menu that arrows, digits and Enter work on.
    pub fn has_list(&self) -> bool {
        !matches!(
            self,
            Screen::Category { .. }
                | Screen::Purpose { .. }
                | Screen::Rights
                | Screen::Online { .. }
                | Screen::Help
                | Screen::Operator
                | Screen::DeviceSignIn
                | Screen::StaffCpr
                | Screen::AccessSearch
                | Screen::AccessEntry { .. }
                | Screen::Decision { .. }
                | Screen::Request { .. }
        )
    }

    /// Whether the screen is text that scrolls.
    pub fn scrolls(&self) -> bool {
        matches!(
            self,
            Screen::Category { .. }
                | Screen::Purpose { .. }
                | Screen::Rights
                | Screen::Help
                | Screen::AccessEntry { .. }
                | Screen::Decision { .. }
                | Screen::Request { .. }
        )
    }

    /// Whether a command applies here (for the footer; `update` ignores the rest).
    pub fn allows(&self, command: Intent) -> bool {
        // Screens that take typed text use every key for the text, except Esc.
        if matches!(self, Screen::AccessSearch | Screen::Operator) {
            return command == Intent::Back;
        }
        // The question at sign-out: answer, skip, or the keys that keep the room safe.
        if *self == Screen::Feedback && matches!(command, Intent::ContinueOnline | Intent::Help) {
            return false;
        }
        match command {
            Intent::Back => !matches!(self, Screen::Attract | Screen::Overview | Screen::ChooseWho),
            // Not while a member of staff types a citizen's CPR number: the QR code is the citizen's.
            Intent::ContinueOnline => !matches!(
                self,
                Screen::Online { .. } | Screen::AccessSearch | Screen::Operator | Screen::StaffCpr
            ),
            Intent::Help => !matches!(self, Screen::Help | Screen::AccessSearch | Screen::Operator),
            Intent::Operator => *self != Screen::Operator,
            _ => true,
        }
    }

    /// Every kind of screen, for tests that must cover them all.
    pub fn all_for_tests() -> Vec<Screen> {
        vec![
            Screen::Attract,
            Screen::SignIn,
            Screen::DeviceSignIn,
            Screen::StaffCpr,
            Screen::Helper { citizen: 0 },
            Screen::ChooseWho,
            Screen::Overview,
            Screen::Areas,
            Screen::Categories {
                area: "health".into(),
            },
            Screen::Category { id: 1 },
            Screen::Purposes,
            Screen::Purpose { index: 0 },
            Screen::AccessLog,
            Screen::AccessFilter,
            Screen::AccessSearch,
            Screen::AccessEntry { id: 1 },
            Screen::ConfirmReport { id: 1 },
            Screen::Consents,
            Screen::ConfirmWithdraw { id: 1 },
            Screen::Decisions,
            Screen::Decision { index: 0 },
            Screen::Rights,
            Screen::Requests,
            Screen::Request { index: 0 },
            Screen::Online { view: View::Data },
            Screen::Help,
            Screen::Operator,
            Screen::Feedback,
        ]
    }
}
