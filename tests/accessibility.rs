//! Contrast and colour on every cell of every screen: WCAG 1.4.6 (7:1) in the high-contrast theme,
//! 4.5:1 in the normal one, and no colours at all with NO_COLOR while focus stays visible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kiosk::{Kiosk, copy_source, demo_db};
use common::screens::SCREENS;
use indsigt::domain::Lang;
use indsigt::ui::Theme;
use indsigt::ui::widgets::qr::{DARK, LIGHT};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn luminance(c: Color) -> f64 {
    let Color::Rgb(r, g, b) = c else {
        panic!("not an explicit RGB colour: {c:?}");
    };
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Every screen in both languages at both sizes, with the kiosk set up by `prepare`.
fn each_screen(mut check: impl FnMut(&str, &Buffer), prepare: impl Fn(&mut Kiosk)) {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 300);
    for (name, setup) in SCREENS {
        for lang in [Lang::Da, Lang::En] {
            let source = copy_source(&template, dir.path(), &format!("{name}-{}", lang.code()));
            let mut k = Kiosk::new(source);
            prepare(&mut k);
            setup(&mut k, lang);
            for (w, h) in [(80, 24), (120, 40)] {
                check(&format!("{name} {lang} {w}x{h}"), &k.buffer(w, h));
            }
        }
    }
}

fn min_contrast(buf: &Buffer) -> (f64, String) {
    let mut worst = (f64::MAX, String::new());
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let ratio = contrast(cell.fg, cell.bg);
            let qr = [DARK, LIGHT];
            if cell.symbol() == "▀" && qr.contains(&cell.fg) && qr.contains(&cell.bg) {
                // A QR module pair is a picture, not text: black and white on every theme.
                continue;
            }
            if cell.symbol().trim().is_empty() && !cell.modifier.contains(Modifier::REVERSED) {
                // A blank cell shows only its background; still, its colours must be explicit.
                continue;
            }
            if ratio < worst.0 {
                worst = (
                    ratio,
                    format!(
                        "({x},{y}) {:?} on {:?} '{}'",
                        cell.fg,
                        cell.bg,
                        cell.symbol()
                    ),
                );
            }
        }
    }
    worst
}

#[test]
fn every_cell_of_every_screen_has_enough_contrast_in_both_themes() {
    for (high, minimum) in [(false, 4.5), (true, 7.0)] {
        each_screen(
            |name, buf| {
                // Blank cells too must carry explicit colours (never the terminal's own).
                for cell in buf.content() {
                    luminance(cell.fg);
                    luminance(cell.bg);
                }
                let (ratio, at) = min_contrast(buf);
                assert!(
                    ratio >= minimum,
                    "{name} (high contrast: {high}): {ratio:.2}:1 at {at}"
                );
            },
            |k| {
                k.theme = Theme::NORMAL;
                k.model.high_contrast = high;
            },
        );
    }
}

#[test]
fn the_theme_colours_meet_their_targets_pair_by_pair() {
    for (t, minimum) in [(Theme::NORMAL, 4.5), (Theme::HIGH_CONTRAST, 7.0)] {
        for (fg, bg) in [
            (t.fg, t.bg),
            (t.accent, t.bg),
            (t.muted, t.bg),
            (t.error, t.bg),
            (t.focus_fg, t.focus_bg),
            (t.voluntary_fg, t.voluntary_bg),
            (t.required_fg, t.required_bg),
            (t.notice_fg, t.notice_bg),
            (t.key_fg, t.key_bg),
        ] {
            let r = contrast(fg, bg);
            assert!(r >= minimum, "{fg:?} on {bg:?}: {r:.2}");
        }
    }
}

#[test]
fn with_no_color_no_cell_has_a_colour_and_focus_stays_visible() {
    assert!(Theme::from_env(Some("1")).monochrome);
    assert!(!Theme::from_env(Some("")).monochrome);
    assert!(!Theme::from_env(None).monochrome);
    each_screen(
        |name, buf| {
            for cell in buf.content() {
                assert_eq!(
                    (cell.fg, cell.bg),
                    (Color::Reset, Color::Reset),
                    "{name}: '{}'",
                    cell.symbol()
                );
            }
            let text = common::kiosk::text_of(buf);
            let menu_screen = !name.starts_with("category")
                && ![
                    "rights",
                    "help",
                    "online",
                    "decision ",
                    "access_entry",
                    "purpose ",
                    "access_search",
                    "hidden ",
                    "operator",
                    "report_filed",
                    "too_small",
                ]
                .iter()
                .any(|n| name.starts_with(n));
            if menu_screen && buf.area.height >= 24 {
                let focused = text.contains('▶')
                    || buf
                        .content()
                        .iter()
                        .any(|c| c.modifier.contains(Modifier::REVERSED));
                assert!(focused, "{name}: no visible focus without colour\n{text}");
            }
        },
        |k| {
            k.theme = Theme::MONOCHROME;
            // The contrast switch changes nothing without colours.
            k.model.high_contrast = true;
        },
    );
}
