//! The "hide now" blind: a blank screen that shows nothing of the citizen. Showing the screen again takes a
//! second press and a confirmation.

use super::menu::{Menu, MenuItem};
use crate::i18n::t;
use crate::kiosk::menu::{BlindItem, FixedMenu};
use crate::kiosk::{Blind, Model};
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

fn menu_area(area: Rect) -> Rect {
    let width = 44.min(area.width);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + area.height / 2,
        width,
        6.min(area.height / 2),
    )
}

pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let y = area.y + area.height / 2 - 2;
    let line = |text: String, row: u16, buf: &mut Buffer| {
        Line::styled(text, theme.muted())
            .centered()
            .render(Rect::new(area.x, row, area.width, 1), buf);
    };
    match model.blind {
        Blind::Confirm => {
            line(t(lang, "blind-confirm"), y, buf);
            let items: Vec<MenuItem> = BlindItem::ALL
                .iter()
                .map(|item| {
                    MenuItem::new(t(
                        lang,
                        match item {
                            BlindItem::Show => "blind-show",
                            BlindItem::Keep => "blind-keep",
                        },
                    ))
                })
                .collect();
            (&Menu {
                items: &items,
                selected: 0,
                theme,
            })
                .render(menu_area(area), buf);
        }
        _ => line(t(lang, "blind-hidden"), y, buf),
    }
}

/// The item of the confirmation under a tap.
pub fn hit(area: Rect, pos: Position) -> Option<usize> {
    super::menu::hit(menu_area(area), FixedMenu::Blind.item_count(), 0, pos)
}
