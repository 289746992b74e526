//! Terminal events into kiosk msgs: keys become [`Key`]s, taps become commands by the view's hit map.

use crate::kiosk::{Command, Key, Model, Msg};
use crate::ui::hit_test;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use jiff::Timestamp;
use ratatui::layout::Rect;

/// The kiosk key for a terminal key, if the kiosk knows it.
pub fn key(ev: KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    Some(match ev.code {
        KeyCode::Char(c) if ctrl && alt => Key::CtrlAlt(c.to_ascii_lowercase()),
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) if alt => Key::Alt(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

/// The msg for a terminal event, given the model and the screen size it was drawn at.
pub fn to_msg(ev: Event, model: &Model, area: Rect, now: Timestamp) -> Option<Msg> {
    match ev {
        Event::Key(k) => key(k).map(|k| Msg::Key(k, now)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Msg::Tap(hit_test(model, area, m.column, m.row), now))
            }
            MouseEventKind::ScrollUp => Some(Msg::Tap(Some(Command::Up), now)),
            MouseEventKind::ScrollDown => Some(Msg::Tap(Some(Command::Down), now)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}
