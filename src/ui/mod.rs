//! The views. They read the model and never change it: `impl Widget for &T` throughout.
//!
//! [`KioskView`] draws the whole screen: the header, the current screen's body, the footer (from the
//! keymap) and any notice on top. Below 80×24 it asks for a bigger window instead. [`hit_test`] maps a tap
//! to a command with the same layout functions the views draw with.

pub mod screens;
pub mod theme;
pub mod widgets;

use crate::kiosk::{Blind, Intent, Layer, Model, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
pub use theme::Theme;

/// The smallest screen the kiosk draws on.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The whole kiosk screen.
pub struct KioskView<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
}

/// The three bands of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// Splits the screen into header, body and footer. The footer grows to fit the hints.
pub fn chrome(model: &Model, area: Rect) -> Chrome {
    let footer_h = widgets::footer::height(model, area.width).min(area.height / 3);
    let header_h = 2.min(area.height);
    let body_h = area.height.saturating_sub(header_h + footer_h);
    Chrome {
        header: Rect::new(area.x, area.y, area.width, header_h),
        body: Rect::new(area.x, area.y + header_h, area.width, body_h),
        footer: Rect::new(area.x, area.y + header_h + body_h, area.width, footer_h),
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

impl Widget for &KioskView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let model = self.model;
        let theme = &self.theme.effective(model.high_contrast);
        buf.set_style(area, theme.base());
        if too_small(area) {
            widgets::too_small::render(model.lang, theme, area, buf);
            return;
        }
        let layer = model.layer();
        if let Layer::Blind(_) = layer {
            widgets::blind::render(model, theme, area, buf);
            return;
        }
        let c = chrome(model, area);
        widgets::header::render(model, theme, c.header, buf);
        screens::render(model, theme, c.body, buf);
        widgets::footer::render(model, theme, c.footer, buf);
        // The layers above the screen draw on top of it: a notice under the warning, if both are up.
        if let (Layer::Warning | Layer::Notice, Some(notice)) = (layer, &model.notice) {
            widgets::notice::render(model, theme, notice, c.body, buf);
        }
        if let (Layer::Warning, Some(warning)) = (layer, &model.warning) {
            widgets::warning::render(model, theme, warning, c.body, buf);
        }
    }
}

/// The command a tap at (`col`, `row`) gives on a screen of size `area`, if any.
pub fn hit_test(model: &Model, area: Rect, col: u16, row: u16) -> Option<Intent> {
    if too_small(area) {
        return None;
    }
    let pos = Position::new(col, row);
    match model.layer() {
        Layer::Blind(Blind::Confirm) => return widgets::blind::hit(area, pos).map(Intent::Item),
        // A tap anywhere asks to show the screen, continues the session, or closes the notice: `update`
        // does that for any tap.
        Layer::Blind(_) | Layer::Warning | Layer::Notice => return None,
        Layer::Pin | Layer::Text | Layer::DeviceSignIn | Layer::CprEntry | Layer::Screen => {}
    }
    let c = chrome(model, area);
    if widgets::header::language_area(c.header).is_some_and(|r| r.contains(pos)) {
        return model
            .screen()
            .allows(Intent::Language)
            .then_some(Intent::Language);
    }
    if c.footer.contains(pos) {
        return widgets::footer::hit(model, c.footer, pos);
    }
    if c.body.contains(pos) {
        return screens::hit(model, c.body, pos);
    }
    None
}

/// The screen's title, for the header.
pub fn title_id(screen: &Screen) -> &'static str {
    match screen {
        Screen::Attract => "title-attract",
        Screen::SignIn | Screen::DeviceSignIn => "title-sign-in",
        Screen::StaffCpr => "title-staff-cpr",
        Screen::Helper { .. } => "title-helper",
        Screen::ChooseWho => "title-choose-who",
        Screen::Overview => "title-overview",
        Screen::Areas | Screen::Categories { .. } | Screen::Category { .. } => "title-data",
        Screen::Purposes | Screen::Purpose { .. } => "title-purposes",
        Screen::AccessLog | Screen::AccessEntry { .. } | Screen::ConfirmReport { .. } => {
            "title-access-log"
        }
        Screen::AccessFilter | Screen::AccessSearch => "title-access-filter",
        Screen::Consents | Screen::ConfirmWithdraw { .. } => "title-consents",
        Screen::Decisions | Screen::Decision { .. } => "title-decisions",
        Screen::Rights => "title-rights",
        Screen::Requests | Screen::Request { .. } => "title-requests",
        Screen::Online { .. } => "title-online",
        Screen::Help => "title-help",
        Screen::Operator => "title-operator",
        Screen::Feedback => "title-feedback",
    }
}
