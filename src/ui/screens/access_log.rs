//! Who has looked at your data: the access log as a table, newest first, paged lazily.

use super::{Ctx, count};
use crate::domain::AccessEvent;
use crate::i18n::{format_datetime, t, tr};
use crate::kiosk::Model;
use crate::ui::widgets::spinner;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct AccessLogScreen<'a>(pub Ctx<'a>);

/// Rows above the table: the filters, the status, the column heads.
const TOP_ROWS: u16 = 3;
/// Rows per entry.
const ENTRY_ROWS: u16 = 2;

/// The first entry on screen, and how many fit.
fn window(model: &Model, area: Rect) -> (usize, usize) {
    let visible = (area.height.saturating_sub(TOP_ROWS) / ENTRY_ROWS).max(1) as usize;
    let selected = model.session.as_ref().map(|s| s.log.selected).unwrap_or(0);
    ((selected / visible) * visible, visible)
}

/// Column x-offsets and widths: time/action, who, what data, why.
fn columns(width: u16) -> [(u16, u16); 4] {
    let time = 25u16.min(width / 3);
    let rest = width.saturating_sub(time + 2);
    let who = rest * 2 / 5;
    let data = rest / 4;
    let why = rest.saturating_sub(who + data);
    [
        (1, time),
        (1 + time, who),
        (1 + time + who, data),
        (1 + time + who + data, why),
    ]
}

fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) {
    if width < 2 {
        return;
    }
    let max = (width - 1) as usize;
    let s: String = if text.chars().count() > max {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    } else {
        text.to_owned()
    };
    buf.set_stringn(x, y, s, max, style);
}

/// The filter in words.
pub fn filter_line(c: Ctx) -> String {
    let Some(s) = c.model.session.as_ref() else {
        return String::new();
    };
    let lang = c.lang();
    let log = &s.log;
    let all = c.t("filter-all");
    let area = log
        .filter
        .area
        .as_ref()
        .and_then(|code| s.areas.ready()?.iter().find(|a| &a.code == code))
        .map(|a| a.name.get(lang).to_owned())
        .unwrap_or(all.clone());
    let org = log
        .filter
        .organisation
        .and_then(|id| log.organisations.ready()?.iter().find(|o| o.id == id))
        .map(|o| o.name.get(lang).to_owned())
        .unwrap_or(all.clone());
    let action = log
        .filter
        .action
        .map(|a| t(lang, &format!("action-{}", a.code())))
        .unwrap_or(all);
    let mut line = format!(
        "{}: {} · {}: {} · {}: {} · {}: {}",
        c.t("filter-period"),
        c.t(log.period.message_id()),
        c.t("filter-area"),
        area,
        c.t("filter-organisation"),
        org,
        c.t("filter-action"),
        action
    );
    if let Some(text) = &log.filter.text {
        line.push_str(&format!(" · {}: “{text}”", c.t("filter-search")));
    }
    line
}

/// An entry's cells, column by column, two rows each (the purpose is one text, split where it is drawn):
/// what the table draws, and what read-aloud says.
pub fn cells(c: Ctx, e: &AccessEvent) -> [[String; 2]; 4] {
    let lang = c.lang();
    let action = t(lang, &format!("action-{}", e.action.code()));
    let mut who = format!("{} · {}", e.unit.get(lang), e.role.get(lang));
    if c.model.settings.show_employee_names {
        if let Some(name) = &e.employee {
            who = format!("{name}, {who}");
        }
    }
    let second = match &e.batch {
        Some(b) => tr(
            lang,
            "log-batch",
            &[("records", count(lang, b.records).into())],
        ),
        None => e.case_ref.clone().unwrap_or_default(),
    };
    [
        [format_datetime(lang, e.at), action],
        [e.organisation.get(lang).to_owned(), who],
        [e.category.get(lang).to_owned(), second],
        [e.purpose.get(lang).to_owned(), String::new()],
    ]
}

fn entry_rows(c: Ctx, e: &AccessEvent, x: u16, y: u16, width: u16, style: Style, buf: &mut Buffer) {
    let cols = columns(width);
    let cells = cells(c, e);
    for (col, [first, second]) in cells.iter().enumerate().take(3) {
        put(buf, x + cols[col].0, y, cols[col].1, first, style);
        put(buf, x + cols[col].0, y + 1, cols[col].1, second, style);
    }
    let w = cols[3].1.saturating_sub(1) as usize;
    let (first, rest) = split_at_word(&cells[3][0], w);
    put(buf, x + cols[3].0, y, cols[3].1, first, style);
    put(buf, x + cols[3].0, y + 1, cols[3].1, rest, style);
}

/// Splits text at the last space that keeps the first part within `width` characters.
fn split_at_word(s: &str, width: usize) -> (&str, &str) {
    if s.chars().count() <= width {
        return (s, "");
    }
    let cut = s
        .char_indices()
        .take_while(|(i, _)| s[..*i].chars().count() <= width)
        .filter(|(_, ch)| *ch == ' ')
        .map(|(i, _)| i)
        .last()
        .unwrap_or_else(|| {
            s.char_indices()
                .nth(width)
                .map(|(i, _)| i)
                .unwrap_or(s.len())
        });
    (&s[..cut], s[cut..].trim_start())
}

impl Widget for &AccessLogScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        let log = &session.log;
        let lang = c.lang();
        put(
            buf,
            area.x + 1,
            area.y,
            area.width.saturating_sub(1),
            &filter_line(c),
            c.theme.muted(),
        );
        let status = if let Some(e) = &log.error {
            Line::styled(
                format!(" {} {}", t(lang, e.message_id()), c.t("log-retry")),
                c.theme.error(),
            )
        } else if log.loading.is_some() {
            Line::styled(
                format!(" {} {}", spinner(c.model.now), c.t("loading")),
                c.theme.muted(),
            )
        } else if log.is_empty() {
            Line::styled(format!(" {}", c.t("log-empty")), c.theme.base())
        } else {
            let text = match log.total() {
                Some(n) => tr(
                    lang,
                    "log-count",
                    &[
                        ("n", (n as u64).into()),
                        ("count", count(lang, n as u64).into()),
                    ],
                ),
                None => c.t("log-newest-first"),
            };
            Line::styled(format!(" {text}"), c.theme.base())
        };
        status.render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
        let cols = columns(area.width);
        let heads = ["log-col-when", "log-col-who", "log-col-what", "log-col-why"];
        for (i, id) in heads.iter().enumerate() {
            put(
                buf,
                area.x + cols[i].0,
                area.y + 2,
                cols[i].1,
                &c.t(id),
                c.theme.heading(),
            );
        }
        let (first, visible) = window(c.model, area);
        for k in 0..visible {
            let index = first + k;
            let y = area.y + TOP_ROWS + k as u16 * ENTRY_ROWS;
            if y + 1 >= area.bottom() {
                break;
            }
            let Some(entry) = log.entry(index) else {
                if log.total().is_none_or(|t| index < t) && log.loading.is_some() {
                    put(
                        buf,
                        area.x + 1,
                        y,
                        area.width,
                        &c.t("loading"),
                        c.theme.muted(),
                    );
                }
                break;
            };
            let selected = index == log.selected;
            let style = if selected {
                c.theme.focus()
            } else {
                c.theme.base()
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, ENTRY_ROWS), style);
                buf.set_string(area.x, y, "▶", style);
            }
            entry_rows(c, entry, area.x, y, area.width, style, buf);
        }
    }
}

/// The index of the entry under a tap.
pub fn hit(model: &Model, area: Rect, pos: Position) -> Option<usize> {
    let top = area.y + TOP_ROWS;
    if pos.y < top || !area.contains(pos) {
        return None;
    }
    let (first, visible) = window(model, area);
    let k = ((pos.y - top) / ENTRY_ROWS) as usize;
    let index = first + k;
    let held = model.session.as_ref()?.log.entry(index).is_some();
    (k < visible && held).then_some(index)
}

#[cfg(test)]
mod tests {
    use super::split_at_word;

    #[test]
    fn splits_at_a_space() {
        assert_eq!(
            split_at_word("Opfølgning på din jobplan", 14),
            ("Opfølgning på", "din jobplan")
        );
        assert_eq!(split_at_word("kort", 10), ("kort", ""));
        assert_eq!(split_at_word("abcdefghij", 4), ("abcd", "efghij"));
    }
}
