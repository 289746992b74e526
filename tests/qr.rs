//! The "continue online" QR code, decoded from the rendered TestBackend buffer with rqrr (no image crate):
//! it holds exactly the portal link for the view and language, and nothing about the citizen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kiosk::{Kiosk, demo_source};
use common::{ELDERLY, HEAVY};
use indsigt::domain::Lang;
use indsigt::kiosk::url::continue_online;
use indsigt::kiosk::{Key, Route, View};
use indsigt::ui::widgets::qr::{DARK, LIGHT};
use ratatui::buffer::Buffer;

/// Reads the QR code's modules back out of the half-block cells and decodes them.
fn decode(buf: &Buffer) -> String {
    let area = buf.area;
    // The QR cells: '▀' with pure black/white colours.
    let is_qr = |x: u16, y: u16| {
        let c = &buf[(x, y)];
        c.symbol() == "▀" && [DARK, LIGHT].contains(&c.fg) && [DARK, LIGHT].contains(&c.bg)
    };
    let cells: Vec<(u16, u16)> = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| is_qr(x, y))
        .collect();
    assert!(!cells.is_empty(), "no QR code on screen");
    let (x0, y0) = (
        cells.iter().map(|c| c.0).min().unwrap(),
        cells.iter().map(|c| c.1).min().unwrap(),
    );
    let (x1, y1) = (
        cells.iter().map(|c| c.0).max().unwrap(),
        cells.iter().map(|c| c.1).max().unwrap(),
    );
    let (w, h) = ((x1 - x0 + 1) as usize, ((y1 - y0 + 1) * 2) as usize);
    const SCALE: usize = 6;
    let module = |mx: usize, my: usize| -> bool {
        let c = &buf[(x0 + mx as u16, y0 + (my / 2) as u16)];
        let color = if my % 2 == 0 { c.fg } else { c.bg };
        color == DARK
    };
    // A white margin around it, as a phone camera would see the screen.
    let pad = 4 * SCALE;
    let (pw, ph) = (w * SCALE + 2 * pad, h * SCALE + 2 * pad);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(pw, ph, |x, y| {
        if x < pad || y < pad || x >= pad + w * SCALE || y >= pad + h * SCALE {
            return 255;
        }
        if module((x - pad) / SCALE, (y - pad) / SCALE) {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "expected one QR code");
    let (_, content) = grids[0].decode().unwrap();
    content
}

fn online_from(k: &mut Kiosk, keys: &str) -> String {
    k.keys(keys).keys("o");
    assert!(
        matches!(k.model.route(), Route::Online { .. }),
        "{:?}",
        k.model.route()
    );
    decode(&k.buffer(120, 40))
}

#[test]
fn the_qr_code_holds_the_exact_link_for_two_views() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source(dir.path(), 200);
    let portal = common::kiosk::settings().portal_url;

    let mut k = Kiosk::new(source.clone());
    k.sign_in(ELDERLY, Lang::Da);
    let url = online_from(&mut k, "3");
    assert_eq!(url, continue_online(&portal, View::AccessLog, Lang::Da));
    assert_eq!(
        url,
        "https://indsigt.eksempel-kommune.dk/?view=access-log&lang=da"
    );

    k.key(Key::Esc).key(Key::Esc);
    k.keys("l");
    let url = online_from(&mut k, "6");
    assert_eq!(
        url,
        "https://indsigt.eksempel-kommune.dk/?view=rights&lang=en"
    );

    // It also reads at the smallest screen.
    k.key(Key::Esc).key(Key::Esc).keys("1");
    k.keys("o");
    let url = decode(&k.buffer(80, 24));
    assert_eq!(
        url,
        "https://indsigt.eksempel-kommune.dk/?view=data&lang=en"
    );
}

#[test]
fn the_link_carries_nothing_of_the_citizen() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source(dir.path(), 200);
    for id in [ELDERLY, HEAVY] {
        let mut k = Kiosk::new(source.clone());
        k.sign_in(id, Lang::Da);
        let citizen = k
            .model
            .session
            .as_ref()
            .unwrap()
            .citizen
            .ready()
            .unwrap()
            .clone();
        let cpr_digits: String = citizen
            .cpr
            .reveal()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        for keys in ["", "1", "13", "131", "2", "3", "3\r", "4", "5", "51", "6"] {
            let mut k2 = Kiosk::new(source.clone());
            k2.sign_in(id, Lang::Da);
            for c in keys.chars() {
                if c == '\r' {
                    k2.key(Key::Enter);
                } else {
                    k2.keys(&c.to_string());
                }
            }
            k2.keys("o");
            let Route::Online { view } = *k2.model.route() else {
                panic!("{keys}")
            };
            let url = continue_online(&k2.model.settings.portal_url, view, k2.model.lang);
            let (base, query) = url.split_once('?').unwrap();
            assert_eq!(base, "https://indsigt.eksempel-kommune.dk/");
            let keys_in_query: Vec<&str> = query
                .split('&')
                .map(|kv| kv.split('=').next().unwrap())
                .collect();
            assert_eq!(keys_in_query, ["view", "lang"], "{url}");
            for part in citizen.name.split_whitespace() {
                assert!(
                    !url.to_lowercase().contains(&part.to_lowercase()),
                    "{url} has {part}"
                );
            }
            assert!(!url.contains(&cpr_digits[..6]), "{url}");
            assert!(!url.contains(&citizen.id.0), "{url}");
            assert!(!url.contains(&citizen.subject), "{url}");
            assert_eq!(decode(&k2.buffer(120, 40)), url);
        }
    }
}
