//! Reading a QR code back off a screen of half-block cells ('▀' with a black or white top half as the
//! foreground and the bottom half as the background), from a TestBackend buffer or from
//! `tmux capture-pane -e`, and decoding it with rqrr (no image crate).

use ratatui::buffer::Buffer;
use ratatui::style::Color;

pub type Rgb = (u8, u8, u8);

/// One terminal cell: its symbol and colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub symbol: String,
    pub fg: Option<Rgb>,
    pub bg: Option<Rgb>,
}

const BLACK: Rgb = (0, 0, 0);
const WHITE: Rgb = (255, 255, 255);

fn rgb(c: Color) -> Option<Rgb> {
    match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    }
}

/// The cells of a ratatui buffer.
pub fn cells_of_buffer(buf: &Buffer) -> Vec<Vec<Cell>> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| {
                    let c = &buf[(x, y)];
                    Cell {
                        symbol: c.symbol().to_owned(),
                        fg: rgb(c.fg),
                        bg: rgb(c.bg),
                    }
                })
                .collect()
        })
        .collect()
}

/// The cells of `tmux capture-pane -e -p` output: text with SGR colour sequences.
pub fn cells_of_ansi(text: &str) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let (mut fg, mut bg) = (None, None);
        let mut row = Vec::new();
        let mut chars = line.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '\u{1b}' && chars.peek() == Some(&'[') {
                chars.next();
                let mut params = String::new();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        if c == 'm' {
                            apply_sgr(&params, &mut fg, &mut bg);
                        }
                        break;
                    }
                    params.push(c);
                }
                continue;
            }
            row.push(Cell {
                symbol: ch.to_string(),
                fg,
                bg,
            });
        }
        rows.push(row);
    }
    rows
}

fn apply_sgr(params: &str, fg: &mut Option<Rgb>, bg: &mut Option<Rgb>) {
    let p: Vec<u32> = params.split(';').map(|s| s.parse().unwrap_or(0)).collect();
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            0 => {
                *fg = None;
                *bg = None;
            }
            39 => *fg = None,
            49 => *bg = None,
            38 | 48 if p.get(i + 1) == Some(&2) && i + 4 < p.len() => {
                let c = Some((p[i + 2] as u8, p[i + 3] as u8, p[i + 4] as u8));
                if p[i] == 38 {
                    *fg = c
                } else {
                    *bg = c
                }
                i += 4;
            }
            38 | 48 if p.get(i + 1) == Some(&5) => i += 2,
            _ => {}
        }
        i += 1;
    }
}

/// Finds the QR code among `cells` and decodes it.
pub fn decode(cells: &[Vec<Cell>]) -> String {
    match try_decode(cells) {
        Ok(text) => text,
        Err(why) => panic!("{why}"),
    }
}

/// Like [`decode`], but says why it could not (a screen caught while it was being drawn).
pub fn try_decode(cells: &[Vec<Cell>]) -> Result<String, &'static str> {
    let qr = |c: &Cell| {
        c.symbol == "▀"
            && matches!(c.fg, Some(BLACK | WHITE))
            && matches!(c.bg, Some(BLACK | WHITE))
    };
    let found: Vec<(usize, usize)> = cells
        .iter()
        .enumerate()
        .flat_map(|(y, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, c)| qr(c))
                .map(move |(x, _)| (x, y))
        })
        .collect();
    if found.is_empty() {
        return Err("no QR code on screen");
    }
    let x0 = found.iter().map(|c| c.0).min().unwrap();
    let y0 = found.iter().map(|c| c.1).min().unwrap();
    let x1 = found.iter().map(|c| c.0).max().unwrap();
    let y1 = found.iter().map(|c| c.1).max().unwrap();
    let (w, h) = (x1 - x0 + 1, (y1 - y0 + 1) * 2);
    // A screen caught while it is drawn may have short rows: a cell that is not there is light.
    let dark = |mx: usize, my: usize| -> bool {
        let Some(c) = cells.get(y0 + my / 2).and_then(|row| row.get(x0 + mx)) else {
            return false;
        };
        let colour = if my % 2 == 0 { c.fg } else { c.bg };
        colour == Some(BLACK)
    };
    const SCALE: usize = 6;
    let pad = 4 * SCALE;
    let (pw, ph) = (w * SCALE + 2 * pad, h * SCALE + 2 * pad);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(pw, ph, |x, y| {
        if x < pad || y < pad || x >= pad + w * SCALE || y >= pad + h * SCALE {
            return 255;
        }
        if dark((x - pad) / SCALE, (y - pad) / SCALE) {
            0
        } else {
            255
        }
    });
    match img.detect_grids().as_slice() {
        [grid] => grid
            .decode()
            .map(|d| d.1)
            .map_err(|_| "the QR code does not decode"),
        _ => Err("expected one QR code"),
    }
}
