//! Drawing only when something changed.
//!
//! Every wake-up of the loop renders the view into a scratch buffer and compares it with the last frame
//! that was drawn. Only a different picture (or a new terminal size) reaches the terminal, so an idle
//! screen writes nothing at all, and a countdown in whole seconds writes once a second.

use crate::ui::KioskView;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Remembers the last frame drawn.
#[derive(Debug, Default)]
pub struct Painter {
    last: Option<Buffer>,
}

impl Painter {
    pub fn new() -> Painter {
        Painter::default()
    }

    /// Draws `view` if it differs from the last frame. Returns whether the terminal was written to.
    pub fn paint<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        view: &KioskView<'_>,
    ) -> Result<bool, B::Error> {
        let size = terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        let mut next = Buffer::empty(area);
        view.render(area, &mut next);
        if self.last.as_ref() == Some(&next) {
            return Ok(false);
        }
        terminal.draw(|f| f.render_widget(view, f.area()))?;
        self.last = Some(next);
        Ok(true)
    }

    /// Forgets the last frame, so the next one is drawn whole (after the screen was purged).
    pub fn forget(&mut self) {
        self.last = None;
    }
}
