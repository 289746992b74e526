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
use std::sync::{Arc, Mutex};

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

    /// The matrix for `data`, encoded once per URL: the views draw on every frame that changes (a
    /// countdown beside the code moves every second), and encoding is the costly part. Only the last
    /// [`CACHED`] URLs are kept; they carry no personal data (a sign-in link's one-time code expires, and the
    /// continue-online link holds only a view and a language), and [`forget`] drops them at sign-out.
    pub fn cached(data: &str) -> Option<Arc<QrMatrix>> {
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(pos) = cache.iter().position(|(url, _)| url == data) {
            let hit = cache.remove(pos);
            let matrix = Arc::clone(&hit.1);
            cache.push(hit);
            return Some(matrix);
        }
        let matrix = Arc::new(QrMatrix::encode(data)?);
        if cache.len() == CACHED {
            cache.remove(0);
        }
        cache.push((data.to_owned(), Arc::clone(&matrix)));
        Some(matrix)
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

/// How many encoded URLs are kept.
pub const CACHED: usize = 4;

static CACHE: Mutex<Vec<(String, Arc<QrMatrix>)>> = Mutex::new(Vec::new());

/// Drops every cached code (at sign-out, with the rest of the session).
pub fn forget() {
    CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clear();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_encoded_once_and_forgotten_at_sign_out() {
        let url = "https://indsigt.example/?view=overview&lang=da&cache-test";
        let a = QrMatrix::cached(url).unwrap();
        let b = QrMatrix::cached(url).unwrap();
        assert!(Arc::ptr_eq(&a, &b), "the same URL is not encoded again");
        assert_eq!(*a, QrMatrix::encode(url).unwrap());
        forget();
        let c = QrMatrix::cached(url).unwrap();
        assert!(!Arc::ptr_eq(&a, &c), "forget drops the cache");
    }
}
