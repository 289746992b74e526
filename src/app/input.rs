//! Terminal events into kiosk msgs: keys become [`Key`]s, taps become commands by the view's hit map.

use crate::kiosk::{Intent, Key, Model, Msg};
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
            MouseEventKind::ScrollUp => Some(Msg::Tap(Some(Intent::Up), now)),
            MouseEventKind::ScrollDown => Some(Msg::Tap(Some(Intent::Down), now)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn keys_map_to_kiosk_keys() {
        let ca = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(key(press(KeyCode::Char('o'), ca)), Some(Key::CtrlAlt('o')));
        assert_eq!(
            key(press(KeyCode::Char('C'), KeyModifiers::CONTROL)),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(
            key(press(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Key::Char('x'))
        );
        let mut release = press(KeyCode::Enter, KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key(release), None);
    }

    #[test]
    fn capital_letters_keep_their_case_for_typed_text() {
        // Shift or Caps Lock: the letter comes in as a capital; the keymap folds it for commands.
        assert_eq!(
            key(press(KeyCode::Char('L'), KeyModifiers::SHIFT)),
            Some(Key::Char('L'))
        );
        assert_eq!(
            key(press(KeyCode::Char('X'), KeyModifiers::NONE)),
            Some(Key::Char('X'))
        );
    }

    #[test]
    fn wheel_scrolls_and_a_tap_on_nothing_is_a_tap_on_nothing() {
        let model = Model::new(
            crate::config::demo_settings().unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        let area = Rect::new(0, 0, 80, 24);
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 0,
                row: 0,
                modifiers: KeyModifiers::NONE,
            })
        };
        let t = Timestamp::UNIX_EPOCH;
        assert_eq!(
            to_msg(mouse(MouseEventKind::ScrollDown), &model, area, t),
            Some(Msg::Tap(Some(Intent::Down), t))
        );
        assert_eq!(
            to_msg(
                mouse(MouseEventKind::Down(MouseButton::Left)),
                &model,
                area,
                t
            ),
            Some(Msg::Tap(None, t))
        );
    }
}
