//! A kiosk driven through `update` with its effects run at once against a real demo store, and drawn
//! on ratatui's TestBackend: the whole kiosk minus the terminal.

use indsigt::app::run_effect;
use indsigt::domain::Lang;
use indsigt::kiosk::device::{DeviceAuthorization, Poll, Tokens};
use indsigt::kiosk::{Effect, Key, Model, Msg, Screen, update};
use indsigt::source::AccessToken;
use indsigt::source::{DataSource, LocalSource};
use indsigt::store::demo::{BASE, DemoOptions, write_demo_database};
use indsigt::ui::{KioskView, Theme};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::Path;
use std::sync::Arc;

/// The kiosk's clock in these tests: 1 Nov 2026, 14:00 in Copenhagen.
pub fn clock() -> Timestamp {
    Timestamp::from_second(BASE + 13 * 3600).unwrap()
}

pub use super::fixtures::settings;

/// A fresh copy of a demo database, so what one test writes (kiosk visits, reports) never shows in another.
pub fn copy_source(template: &Path, dir: &Path, name: &str) -> Arc<dyn DataSource> {
    let path = dir.join(format!("{name}.db"));
    std::fs::copy(template, &path).unwrap();
    Arc::new(LocalSource::open(&path).unwrap().with_clock(clock))
}

/// Writes the small demo database (6 citizens, a heavy log of `heavy_events`) into `dir`.
pub fn demo_db(dir: &Path, heavy_events: u32) -> std::path::PathBuf {
    let path = dir.join("template.db");
    let opts = DemoOptions {
        citizens: 6,
        heavy_events,
        events_per_citizen: 40,
        seed: 1,
        overwrite: false,
    };
    write_demo_database(&path, &opts).unwrap();
    path
}

/// A source over the small demo database (6 citizens, a heavy log of `heavy_events`) in `dir`.
pub fn demo_source(dir: &Path, heavy_events: u32) -> Arc<dyn DataSource> {
    let path = demo_db(dir, heavy_events);
    Arc::new(LocalSource::open(&path).unwrap().with_clock(clock))
}

pub struct Kiosk {
    pub model: Model,
    pub source: Arc<dyn DataSource>,
    pub theme: Theme,
}

impl Kiosk {
    pub fn new(source: Arc<dyn DataSource>) -> Kiosk {
        Kiosk {
            model: Model::new(settings(), clock()),
            source,
            theme: Theme::NORMAL,
        }
    }

    /// Sends a msg and runs every effect it leads to until nothing is pending.
    pub fn send(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.model, msg) {
                match effect {
                    Effect::Fetch {
                        generation,
                        principal,
                        request,
                    } => {
                        let result = run_effect(self.source.as_ref(), principal.as_ref(), request);
                        queue.insert(0, Msg::Loaded { generation, result });
                    }
                    Effect::EndSession => self.source.end_session(),
                    _ => {}
                }
            }
        }
    }

    pub fn key(&mut self, k: Key) -> &mut Kiosk {
        self.send(Msg::Key(k, clock()));
        self
    }

    /// Types each character as a key.
    pub fn keys(&mut self, s: &str) -> &mut Kiosk {
        for c in s.chars() {
            self.key(Key::Char(c));
        }
        self
    }

    /// Signs in the demo citizen with `id`, with no helper, in `lang`.
    pub fn sign_in(&mut self, id: &str, lang: Lang) -> &mut Kiosk {
        self.keys(if lang == Lang::Da { "1" } else { "2" });
        let list = self.model.demo_citizens.ready().expect("demo citizens");
        let index = list
            .iter()
            .position(|c| c.citizen.id.0 == id)
            .expect("citizen in the demo list");
        self.send(Msg::Tap(Some(indsigt::kiosk::Intent::Item(index)), clock()));
        self.keys("1");
        self
    }

    /// Signs in through the device-flow msgs with a token minted by the test, answering "no one is helping".
    pub fn sign_in_with_token(&mut self, token: String) -> &mut Kiosk {
        self.model.settings.device_sign_in = true;
        self.keys("2");
        assert_eq!(*self.model.screen(), Screen::DeviceSignIn);
        let attempt = self.model.device_attempt;
        self.send(Msg::DeviceStarted {
            attempt,
            result: Ok(DeviceAuthorization {
                device_code: AccessToken::new("dc"),
                user_code: "ABCD".into(),
                verification_uri: "https://broker.test/device".into(),
                verification_uri_complete: None,
                expires_in: 600,
                interval: Some(5),
            }),
        });
        self.send(Msg::Polled {
            attempt,
            poll: Poll::Tokens(Tokens {
                access: AccessToken::new(token),
                refresh: None,
            }),
        });
        self.keys("1");
        assert_eq!(
            *self.model.screen(),
            Screen::Overview,
            "{:?}",
            self.model.notice
        );
        self
    }

    pub fn buffer(&self, width: u16, height: u16) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
        t.draw(|f| {
            f.render_widget(
                &KioskView {
                    model: &self.model,
                    theme: &self.theme,
                },
                f.area(),
            )
        })
        .unwrap();
        t.backend().buffer().clone()
    }

    /// The screen as text, one line per row, trailing blanks trimmed.
    pub fn screen(&self, width: u16, height: u16) -> String {
        text_of(&self.buffer(width, height))
    }
}

pub fn text_of(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
