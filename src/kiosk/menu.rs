//! The fixed menus of the kiosk, as data: each is an item enum with its `ALL` list. `update` matches on
//! the item, the list length is `ALL.len()`, and the views draw their labels from the same list. No index
//! carries meaning anywhere else.

use super::model::{Blind, Model};
use super::screen::{Helper, Screen};
use crate::domain::{FeedbackAnswer, Lang};

/// Defines a menu's item enum with `ALL` (the items in the order they are drawn), `at` and `index`.
macro_rules! menu_items {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every item, in the order the menu shows them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The item at a position of the menu (0-based).
            pub fn at(index: usize) -> Option<$name> {
                Self::ALL.get(index).copied()
            }

            /// The item's position in the menu (0-based).
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

menu_items! {
    /// The attract screen: the language to start in.
    AttractItem { Dansk, English }
}

impl AttractItem {
    pub fn lang(self) -> Lang {
        match self {
            AttractItem::Dansk => Lang::Da,
            AttractItem::English => Lang::En,
        }
    }

    pub fn for_lang(lang: Lang) -> AttractItem {
        match lang {
            Lang::Da => AttractItem::Dansk,
            Lang::En => AttractItem::English,
        }
    }
}

menu_items! {
    /// "Is someone helping you today?"
    HelperItem { NoOne, Staff, Volunteer }
}

impl HelperItem {
    pub fn helper(self) -> Helper {
        match self {
            HelperItem::NoOne => Helper::NoOne,
            HelperItem::Staff => Helper::Staff,
            HelperItem::Volunteer => Helper::Volunteer,
        }
    }
}

/// An item of "Whose data do you want to see?": the signed-in citizen first, then each person the
/// server listed, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhoItem {
    Myself,
    /// The person at this place of the server's list.
    Other(usize),
}

impl WhoItem {
    /// The items the chooser shows: the view draws and `update` counts this same list.
    pub fn shown(session: &super::model::Session) -> Vec<WhoItem> {
        let others = session.represented.ready().map_or(0, Vec::len);
        std::iter::once(WhoItem::Myself)
            .chain((0..others).map(WhoItem::Other))
            .collect()
    }
}

menu_items! {
    /// The overview's sections.
    OverviewItem { Data, Purposes, AccessLog, Consents, Decisions, Rights, Requests, Online }
}

menu_items! {
    /// The access-log filters.
    FilterItem { Period, Area, Organisation, Action, Search, Clear, Show }
}

menu_items! {
    /// A confirmation (report an entry, withdraw a consent). Yes is never the default of a stray key.
    ConfirmItem { Yes, No }
}

menu_items! {
    /// The privacy blind's question: show the screen again?
    BlindItem { Show, Keep }
}

menu_items! {
    /// "Was this understandable?" at sign-out: three answers and a skip.
    FeedbackItem { Mostly, Partly, Hard, Skip }
}

impl FeedbackItem {
    /// The answer this item gives; the skip gives none.
    pub fn answer(self) -> Option<FeedbackAnswer> {
        match self {
            FeedbackItem::Mostly => Some(FeedbackAnswer::Mostly),
            FeedbackItem::Partly => Some(FeedbackAnswer::Partly),
            FeedbackItem::Hard => Some(FeedbackAnswer::Hard),
            FeedbackItem::Skip => None,
        }
    }
}

/// A fixed menu: one whose items do not depend on the citizen's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FixedMenu {
    Attract,
    Helper,
    Overview,
    Filters,
    Confirm,
    Blind,
    Feedback,
}

impl FixedMenu {
    /// Every fixed menu, for tests that must cover them all.
    pub const ALL: [FixedMenu; 7] = [
        FixedMenu::Attract,
        FixedMenu::Helper,
        FixedMenu::Overview,
        FixedMenu::Filters,
        FixedMenu::Confirm,
        FixedMenu::Blind,
        FixedMenu::Feedback,
    ];

    /// How many items the menu has.
    pub fn item_count(self) -> usize {
        match self {
            FixedMenu::Attract => AttractItem::ALL.len(),
            FixedMenu::Helper => HelperItem::ALL.len(),
            FixedMenu::Overview => OverviewItem::ALL.len(),
            FixedMenu::Filters => FilterItem::ALL.len(),
            FixedMenu::Confirm => ConfirmItem::ALL.len(),
            FixedMenu::Blind => BlindItem::ALL.len(),
            FixedMenu::Feedback => FeedbackItem::ALL.len(),
        }
    }

    /// The fixed menu of a screen, if it has one.
    pub fn of_screen(screen: &Screen) -> Option<FixedMenu> {
        match screen {
            Screen::Attract => Some(FixedMenu::Attract),
            Screen::Helper { .. } => Some(FixedMenu::Helper),
            Screen::Overview => Some(FixedMenu::Overview),
            Screen::AccessFilter => Some(FixedMenu::Filters),
            Screen::ConfirmReport { .. } | Screen::ConfirmWithdraw { .. } => {
                Some(FixedMenu::Confirm)
            }
            Screen::Feedback => Some(FixedMenu::Feedback),
            _ => None,
        }
    }

    /// The fixed menu that takes input now: the blind's question on top, else the screen's.
    pub fn of(model: &Model) -> Option<FixedMenu> {
        if model.blind == Blind::Confirm {
            return Some(FixedMenu::Blind);
        }
        FixedMenu::of_screen(model.screen())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_know_their_place() {
        for (i, item) in OverviewItem::ALL.iter().enumerate() {
            assert_eq!(item.index(), i);
            assert_eq!(OverviewItem::at(i), Some(*item));
        }
        assert_eq!(OverviewItem::at(OverviewItem::ALL.len()), None);
        assert_eq!(AttractItem::for_lang(Lang::En).lang(), Lang::En);
    }
}
