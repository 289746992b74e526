//! What the portal's templates show, made of plain strings already in the page's language: the pages
//! (one enum, as the kiosk's menus are), the frame around every page, and the cards most pages are lists of.

use crate::domain::Lang;
use crate::i18n::t;

/// The portal's sections, in the order of the menu. `view=` in the kiosk's link names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Overview,
    Data,
    Purposes,
    AccessLog,
    Consents,
    Requests,
    Decisions,
    Systems,
    Rights,
    Copy,
}

impl Page {
    pub const MENU: [Page; 10] = [
        Page::Overview,
        Page::Data,
        Page::Purposes,
        Page::AccessLog,
        Page::Consents,
        Page::Requests,
        Page::Decisions,
        Page::Systems,
        Page::Rights,
        Page::Copy,
    ];

    /// The `view=` value and the page's path (`/{code}`).
    pub fn code(self) -> &'static str {
        match self {
            Page::Overview => "overview",
            Page::Data => "data",
            Page::Purposes => "purposes",
            Page::AccessLog => "access-log",
            Page::Consents => "consents",
            Page::Requests => "requests",
            Page::Decisions => "decisions",
            Page::Systems => "systems",
            Page::Rights => "rights",
            Page::Copy => "copy",
        }
    }

    /// The page a `view=` value names; an unknown one (or none) is the overview.
    pub fn from_code(code: Option<&str>) -> Page {
        Page::MENU
            .into_iter()
            .find(|p| Some(p.code()) == code)
            .unwrap_or(Page::Overview)
    }

    /// The message id of the page's title (the kiosk's where the words are the same).
    pub fn title_id(self) -> &'static str {
        match self {
            Page::Overview => "title-overview",
            Page::Data => "title-data",
            Page::Purposes => "title-purposes",
            Page::AccessLog => "title-access-log",
            Page::Consents => "title-consents",
            Page::Requests => "title-requests",
            Page::Decisions => "title-decisions",
            Page::Systems => "portal-title-systems",
            Page::Rights => "title-rights",
            Page::Copy => "portal-title-copy",
        }
    }

    /// `/{code}?lang=xx`.
    pub fn href(self, lang: Lang) -> String {
        format!("/{}?lang={}", self.code(), lang.code())
    }
}

/// The language a `lang=` value names; an unknown one (or none) is Danish.
pub fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::parse).unwrap_or(Lang::Da)
}

/// One item of the menu.
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The frame of every page: its language, title, menu, language switch and sign-out.
pub struct Chrome {
    pub lang: &'static str,
    pub title: String,
    pub app: String,
    pub skip: String,
    pub nav_label: String,
    pub nav: Vec<NavItem>,
    /// The same page in the other language.
    pub switch_href: String,
    pub switch_label: String,
    pub switch_lang: &'static str,
    /// Set when signed in: the sign-out form's CSRF token and label.
    pub signout: Option<(String, String)>,
}

impl Chrome {
    /// The frame for `page` (`None`: a page outside the menu) in `lang`; `here` is the page's path and
    /// query without `lang`, for the language switch.
    pub fn new(
        lang: Lang,
        title: String,
        page: Option<Page>,
        here: &str,
        csrf: Option<&str>,
    ) -> Chrome {
        let other = lang.other();
        let sep = if here.contains('?') { '&' } else { '?' };
        Chrome {
            lang: lang.code(),
            title,
            app: t(lang, "title-attract"),
            skip: t(lang, "portal-skip"),
            nav_label: t(lang, "portal-menu"),
            nav: if csrf.is_some() {
                Page::MENU
                    .into_iter()
                    .map(|p| NavItem {
                        href: p.href(lang),
                        label: t(lang, p.title_id()),
                        current: Some(p) == page,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            switch_href: format!("{here}{sep}lang={}", other.code()),
            switch_label: t(lang, "portal-other-language"),
            switch_lang: other.code(),
            signout: csrf.map(|c| (c.to_owned(), t(lang, "portal-sign-out"))),
        }
    }
}

/// A form on a card that changes something: posted with the session's CSRF token.
pub struct Action {
    pub href: String,
    pub label: String,
    pub csrf: String,
}

/// One labelled value of a card.
pub struct Row {
    pub label: String,
    pub value: String,
    /// A link that shows a hidden value (sensitive data, masked until asked for).
    pub reveal: Option<(String, String)>,
}

impl Row {
    pub fn new(label: String, value: impl Into<String>) -> Row {
        Row {
            label,
            value: value.into(),
            reveal: None,
        }
    }
}

/// A card: a heading (perhaps a link), a badge, labelled values, notes and perhaps a form.
#[derive(Default)]
pub struct Card {
    pub title: String,
    pub href: Option<String>,
    pub badge: Option<String>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
    pub action: Option<Action>,
}

/// A link under the cards (e.g. older entries, back).
pub struct Link {
    pub href: String,
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_views_and_languages_fall_back_to_the_danish_overview() {
        assert_eq!(Page::from_code(Some("access-log")), Page::AccessLog);
        assert_eq!(Page::from_code(Some("start")), Page::Overview);
        assert_eq!(Page::from_code(Some("<script>")), Page::Overview);
        assert_eq!(Page::from_code(None), Page::Overview);
        assert_eq!(lang_of(Some("en")), Lang::En);
        assert_eq!(lang_of(Some("fr")), Lang::Da);
        assert_eq!(lang_of(None), Lang::Da);
    }

    #[test]
    fn every_kiosk_view_has_its_page() {
        use crate::kiosk::screen::View;
        for v in [
            View::Overview,
            View::Data,
            View::Purposes,
            View::AccessLog,
            View::Consents,
            View::Decisions,
            View::Rights,
            View::Requests,
        ] {
            assert_eq!(Page::from_code(Some(v.code())).code(), v.code());
        }
    }
}
