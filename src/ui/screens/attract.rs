//! The attract screen: the municipality's name in big letters, what the kiosk does, and the language.

use super::{Ctx, draw_menu, split};
use crate::kiosk::menu::AttractItem;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

pub struct Attract<'a>(pub Ctx<'a>);

/// How the name is drawn: the pixel size, the lines, and the rows they take.
fn big_layout(name: &str, width: u16, max_rows: u16) -> Option<(PixelSize, Vec<String>, u16)> {
    let fits = |chars: usize, per: usize| (chars * per) as u16 + 2 <= width;
    let len = name.chars().count();
    if fits(len, 8) && max_rows >= 4 {
        return Some((PixelSize::HalfHeight, vec![name.to_owned()], 4));
    }
    let words: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
    let rows = words.len() as u16 * 4;
    if words.len() > 1 && words.iter().all(|w| fits(w.chars().count(), 8)) && rows <= max_rows {
        return Some((PixelSize::HalfHeight, words, rows));
    }
    if fits(len, 4) && max_rows >= 2 {
        return Some((PixelSize::Octant, vec![name.to_owned()], 2));
    }
    None
}

/// The language items, each in its own language.
fn items() -> Vec<MenuItem> {
    AttractItem::ALL
        .iter()
        .map(|item| match item {
            AttractItem::Dansk => MenuItem::new("Dansk").detail("Se dine data på dansk"),
            AttractItem::English => MenuItem::new("English").detail("See your data in English"),
        })
        .collect()
}

pub fn menu(c: Ctx, area: Rect) -> (Rect, Vec<MenuItem>) {
    (menu_area(c, area), items())
}

pub fn menu_area(c: Ctx, area: Rect) -> Rect {
    let rows = intro_rows(c, area);
    let (_, menu_area) = split(area, rows);
    let width = 44.min(menu_area.width);
    Rect::new(
        menu_area.x + (menu_area.width - width) / 2,
        menu_area.y,
        width,
        menu_area.height,
    )
}

fn intro_rows(c: Ctx, area: Rect) -> u16 {
    let big = big_layout(&c.model.settings.municipality, area.width, area.height / 2)
        .map(|(_, _, rows)| rows)
        .unwrap_or(1);
    big + 4
}

impl Widget for &Attract<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let name = &c.model.settings.municipality;
        let rows = intro_rows(c, area);
        let (intro, _) = split(area, rows);
        let y = match big_layout(name, area.width, area.height / 2) {
            Some((size, lines, h)) => {
                let big = BigText::builder()
                    .pixel_size(size)
                    .style(c.theme.heading())
                    .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                    .centered()
                    .build();
                big.render(Rect::new(intro.x, intro.y, intro.width, h), buf);
                intro.y + h + 1
            }
            None => {
                Line::styled(name.clone(), c.theme.heading())
                    .centered()
                    .render(Rect::new(intro.x, intro.y, intro.width, 1), buf);
                intro.y + 2
            }
        };
        let lines = [c.t("attract-tagline"), c.t("attract-choose-language")];
        for (i, text) in lines.into_iter().enumerate() {
            let style = if i == 0 {
                c.theme.base()
            } else {
                c.theme.muted()
            };
            let row = y + i as u16;
            if row < intro.bottom() {
                Line::styled(text, style)
                    .centered()
                    .render(Rect::new(intro.x, row, intro.width, 1), buf);
            }
        }
        let (menu_area, items) = menu(c, area);
        draw_menu(c, menu_area, &items, buf);
    }
}
