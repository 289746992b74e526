#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a benchmark: setup failures end it
//! Render time and key-to-frame time on the heavy citizen's access log at 200×60.
//!
//! Targets: render ≤ 2 ms, key → frame ≤ 16 ms. "Key → frame" is `update` for a Down key, the page fetch it
//! may start (run at once against the real SQLite store), and drawing the next frame.

use criterion::{Criterion, criterion_group, criterion_main};
use indsigt::app::run_effect;
use indsigt::kiosk::{Effect, Intent, Key, Model, Msg, update};
use indsigt::source::{DataSource, LocalSource};
use indsigt::store::demo::{BASE, DemoOptions, write_demo_database};
use indsigt::ui::{KioskView, Theme};
use jiff::Timestamp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;

const HEAVY: &str = "c-e61b5d";

fn now() -> Timestamp {
    Timestamp::from_second(BASE + 13 * 3600).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn send(model: &mut Model, source: &dyn DataSource, msg: Msg) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for effect in update(model, msg) {
            if let Effect::Fetch {
                generation,
                principal,
                request,
            } = effect
            {
                let result = run_effect(source, principal.as_ref(), request);
                queue.insert(0, Msg::Loaded { generation, result });
            }
        }
    }
}

fn setup() -> (tempfile::TempDir, LocalSource, Model) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("bench.db");
    let opts = DemoOptions {
        citizens: 6,
        heavy_events: 100_000,
        events_per_citizen: 40,
        seed: 1,
        overwrite: false,
    };
    write_demo_database(&path, &opts).unwrap_or_else(|e| panic!("demo data: {e}"));
    let source = LocalSource::open(&path)
        .unwrap_or_else(|e| panic!("open: {e}"))
        .with_clock(now);
    let mut settings =
        indsigt::config::demo_settings().unwrap_or_else(|| panic!("the demo profile loads"));
    settings.kiosk_id = "bench".into();
    let mut model = Model::new(settings, now());
    send(&mut model, &source, Msg::Key(Key::Char('1'), now()));
    let index = model
        .demo_citizens
        .ready()
        .and_then(|l| l.iter().position(|c| c.citizen.id.0 == HEAVY))
        .unwrap_or_else(|| panic!("the heavy citizen is in the demo"));
    send(
        &mut model,
        &source,
        Msg::Tap(Some(Intent::Item(index)), now()),
    );
    send(&mut model, &source, Msg::Key(Key::Char('1'), now()));
    send(&mut model, &source, Msg::Key(Key::Char('3'), now()));
    (dir, source, model)
}

fn render(model: &Model, buf: &mut Buffer) {
    buf.reset();
    (&KioskView {
        model,
        theme: &Theme::NORMAL,
    })
        .render(buf.area, buf);
}

fn benches(c: &mut Criterion) {
    let (_dir, source, mut model) = setup();
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    c.bench_function("render access log 200x60", |b| {
        b.iter(|| render(black_box(&model), &mut buf))
    });
    c.bench_function("key to frame (Down) on the access log 200x60", |b| {
        b.iter(|| {
            send(&mut model, &source, Msg::Key(Key::Down, now()));
            render(&model, &mut buf);
        })
    });
    c.bench_function("key to frame (PageDown, fetches pages) 200x60", |b| {
        b.iter(|| {
            send(&mut model, &source, Msg::Key(Key::PageDown, now()));
            render(&model, &mut buf);
        })
    });
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
