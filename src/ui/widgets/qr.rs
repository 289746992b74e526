//! A QR code drawn with half-block cells: each cell holds two modules, top and bottom. Dark modules are
//! drawn black and light ones white on every theme, with a quiet zone, so phones read it whatever the
//! kiosk's colours. Without colours (`NO_COLOR`) the modules are drawn as block characters in the
//! terminal's own colour.

use crate::ui::Theme;
use qrcode::{Color as QrColor, EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// The quiet zone around the code, in modules.
pub const QUIET: usize = 2;
pub const DARK: Color = Color::Rgb(0, 0, 0);
pub const LIGHT: Color = Color::Rgb(255, 255, 255);

/// The modules of a QR code, row by row; `true` is dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub modules: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `data` at the lowest error-correction level that keeps the code small; `None` if it
    /// cannot be encoded.
    pub fn encode(data: &str) -> Option<QrMatrix> {
        let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::L).ok()?;
        let width = code.width();
        let modules = code
            .to_colors()
            .into_iter()
            .map(|c| c == QrColor::Dark)
            .collect();
        Some(QrMatrix { width, modules })
    }

    /// Dark or light at (x, y) including the quiet zone; outside the code is light.
    fn dark(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (x.checked_sub(QUIET), y.checked_sub(QUIET)) else {
            return false;
        };
        x < self.width && y < self.width && self.modules[y * self.width + x]
    }

    /// Cells needed: (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        let side = self.width + 2 * QUIET;
        (side as u16, side.div_ceil(2) as u16)
    }
}

pub struct QrWidget<'a> {
    pub matrix: &'a QrMatrix,
    pub theme: &'a Theme,
}

impl Widget for &QrWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cols, rows) = self.matrix.size();
        if cols > area.width || rows > area.height {
            return;
        }
        let side = self.matrix.width + 2 * QUIET;
        for row in 0..rows as usize {
            for col in 0..cols as usize {
                let top = self.matrix.dark(col, row * 2);
                let bottom = row * 2 + 1 < side && self.matrix.dark(col, row * 2 + 1);
                let Some(cell) = buf.cell_mut((area.x + col as u16, area.y + row as u16)) else {
                    continue;
                };
                if self.theme.monochrome {
                    let symbol = match (top, bottom) {
                        (true, true) => "█",
                        (true, false) => "▀",
                        (false, true) => "▄",
                        (false, false) => " ",
                    };
                    cell.set_symbol(symbol).set_style(Style::reset());
                } else {
                    let color = |dark: bool| if dark { DARK } else { LIGHT };
                    cell.set_symbol("▀")
                        .set_style(Style::new().fg(color(top)).bg(color(bottom)));
                }
            }
        }
    }
}
