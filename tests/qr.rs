//! The "continue online" QR code, decoded from the rendered TestBackend buffer with rqrr (no image crate):
//! it holds exactly the portal link for the view and language, and nothing about the citizen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kiosk::{Kiosk, demo_source};
use common::qr_decode;
use common::{ELDERLY, HEAVY};
use indsigt::domain::Lang;
use indsigt::kiosk::url::continue_online;
use indsigt::kiosk::{Key, Screen, View};
use ratatui::buffer::Buffer;

/// Reads the QR code's modules back out of the half-block cells and decodes them.
fn decode(buf: &Buffer) -> String {
    qr_decode::decode(&qr_decode::cells_of_buffer(buf))
}

fn online_from(k: &mut Kiosk, keys: &str) -> String {
    k.keys(keys).keys("o");
    assert!(
        matches!(k.model.screen(), Screen::Online { .. }),
        "{:?}",
        k.model.screen()
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
            let Screen::Online { view } = *k2.model.screen() else {
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

#[test]
fn a_sign_in_link_too_long_for_the_qr_code_still_shows_the_code_and_the_address() {
    use indsigt::kiosk::Msg;
    use indsigt::kiosk::device::DeviceAuthorization;
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 50));
    k.model.settings.device_sign_in = true;
    k.keys("2");
    let long = format!("https://login.example.dk/{}/device", "x".repeat(300));
    let attempt = k.model.device_attempt;
    k.send(Msg::DeviceStarted {
        attempt,
        result: Ok(DeviceAuthorization {
            device_code: indsigt::source::AccessToken::new("dc"),
            user_code: "WDJBMJHT".into(),
            verification_uri: "https://login.example.dk/device".into(),
            verification_uri_complete: Some(format!("{long}?user_code=WDJBMJHT")),
            expires_in: 600,
            interval: None,
        }),
    });
    let screen = k.screen(80, 24);
    assert!(screen.contains("too small for the QR code"), "{screen}");
    assert!(screen.contains("The code is WDJB-MJHT"), "{screen}");
    assert!(
        screen.contains("https://login.example.dk/device"),
        "{screen}"
    );
    // At a size where it fits, the QR code holds the complete link.
    let url = decode(&k.buffer(200, 100));
    assert_eq!(url, format!("{long}?user_code=WDJBMJHT"));
}
