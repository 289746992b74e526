//! The screens of the kiosk, as places in a navigation stack.

use super::keymap::Intent;

/// Who helps the citizen, as asked at sign-in.
pub use crate::domain::port::Helper;

/// A screen. The model keeps a stack of them; `Esc` pops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The municipality's name, one line on the kiosk, and the language choice.
    Attract,
    /// Demo sign-in: the demo citizens.
    SignIn,
    /// Sign-in on the citizen's phone: the QR code and the user code.
    DeviceSignIn,
    /// "Is someone helping you today?", after the citizen is chosen.
    Helper {
        citizen: usize,
    },
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
    /// The QR code to continue on the portal, for the view it was opened from.
    Online {
        view: View,
    },
    Help,
    /// The operator's PIN, to leave a locked kiosk.
    Operator,
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
            View::Rights => "rights",
        }
    }
}

impl Route {
    /// The portal view that matches this screen.
    pub fn view(&self) -> View {
        match self {
            Route::Attract
            | Route::SignIn
            | Route::DeviceSignIn
            | Route::Helper { .. }
            | Route::Help
            | Route::Operator => View::Start,
            Route::Overview => View::Overview,
            Route::Areas | Route::Categories { .. } | Route::Category { .. } => View::Data,
            Route::Purposes | Route::Purpose { .. } => View::Purposes,
            Route::AccessLog
            | Route::AccessFilter
            | Route::AccessSearch
            | Route::AccessEntry { .. }
            | Route::ConfirmReport { .. } => View::AccessLog,
            Route::Consents | Route::ConfirmWithdraw { .. } => View::Consents,
            Route::Decisions | Route::Decision { .. } => View::Decisions,
            Route::Rights => View::Rights,
            Route::Online { view } => *view,
        }
    }

    /// A short name for logs (no personal data).
    pub fn name(&self) -> &'static str {
        match self {
            Route::Attract => "attract",
            Route::SignIn => "sign-in",
            Route::DeviceSignIn => "device-sign-in",
            Route::Helper { .. } => "helper",
            Route::Overview => "overview",
            Route::Areas => "areas",
            Route::Categories { .. } => "categories",
            Route::Category { .. } => "category",
            Route::Purposes => "purposes",
            Route::Purpose { .. } => "purpose",
            Route::AccessLog => "access-log",
            Route::AccessFilter => "access-filter",
            Route::AccessSearch => "access-search",
            Route::AccessEntry { .. } => "access-entry",
            Route::ConfirmReport { .. } => "confirm-report",
            Route::Consents => "consents",
            Route::ConfirmWithdraw { .. } => "confirm-withdraw",
            Route::Decisions => "decisions",
            Route::Decision { .. } => "decision",
            Route::Rights => "rights",
            Route::Online { .. } => "online",
            Route::Help => "help",
            Route::Operator => "operator",
        }
    }

    /// Whether the screen shows a list or menu that arrows, digits and Enter work on.
    pub fn has_list(&self) -> bool {
        !matches!(
            self,
            Route::Category { .. }
                | Route::Purpose { .. }
                | Route::Rights
                | Route::Online { .. }
                | Route::Help
                | Route::Operator
                | Route::DeviceSignIn
                | Route::AccessSearch
                | Route::AccessEntry { .. }
                | Route::Decision { .. }
        )
    }

    /// Whether the screen is text that scrolls.
    pub fn scrolls(&self) -> bool {
        matches!(
            self,
            Route::Category { .. }
                | Route::Purpose { .. }
                | Route::Rights
                | Route::Help
                | Route::AccessEntry { .. }
                | Route::Decision { .. }
        )
    }

    /// Whether a command applies here (for the footer; `update` ignores the rest).
    pub fn allows(&self, command: Intent) -> bool {
        // Screens that take typed text use every key for the text, except Esc.
        if matches!(self, Route::AccessSearch | Route::Operator) {
            return command == Intent::Back;
        }
        match command {
            Intent::Back => !matches!(self, Route::Attract | Route::Overview),
            Intent::ContinueOnline => !matches!(
                self,
                Route::Online { .. } | Route::AccessSearch | Route::Operator
            ),
            Intent::Help => !matches!(self, Route::Help | Route::AccessSearch | Route::Operator),
            Intent::Operator => *self != Route::Operator,
            _ => true,
        }
    }

    /// Every kind of route, for tests that must cover them all.
    pub fn all_for_tests() -> Vec<Route> {
        vec![
            Route::Attract,
            Route::SignIn,
            Route::DeviceSignIn,
            Route::Helper { citizen: 0 },
            Route::Overview,
            Route::Areas,
            Route::Categories {
                area: "health".into(),
            },
            Route::Category { id: 1 },
            Route::Purposes,
            Route::Purpose { index: 0 },
            Route::AccessLog,
            Route::AccessFilter,
            Route::AccessSearch,
            Route::AccessEntry { id: 1 },
            Route::ConfirmReport { id: 1 },
            Route::Consents,
            Route::ConfirmWithdraw { id: 1 },
            Route::Decisions,
            Route::Decision { index: 0 },
            Route::Rights,
            Route::Online { view: View::Data },
            Route::Help,
            Route::Operator,
        ]
    }
}
