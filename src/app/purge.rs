//! Wiping the terminal: the screen and its scrollback, so nothing of a session can be scrolled back to.

use std::io::Write;

/// The escape sequence that clears the screen (`CSI 2J`), the scrollback (`CSI 3J`) and homes the cursor.
pub const PURGE_SEQUENCE: &[u8] = b"\x1b[2J\x1b[3J\x1b[H";

/// Writes [`PURGE_SEQUENCE`] straight to standard output. Used where no terminal handle is left (the
/// crash guard) and after the blank frame of [`purge_screen`].
pub fn purge_stdout() {
    let mut out = std::io::stdout();
    let _ = out.write_all(PURGE_SEQUENCE);
    let _ = out.flush();
}

/// Clears the screen and the scrollback at sign-out and at exit.
///
/// `Terminal::clear` asks the terminal for the cursor position, and the answer would race with the input
/// thread; so a blank frame is drawn instead, which also makes the next frame draw every cell.
pub fn purge_screen(terminal: &mut ratatui::DefaultTerminal) {
    crate::ui::widgets::qr::forget();
    let _ = terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()));
    purge_stdout();
}
