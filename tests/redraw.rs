//! Drawing only when something changed: an idle screen writes nothing to the terminal, and the idle
//! warning's countdown still draws once a second. The loop is simulated with the real parts it is made
//! of: `update`, the pure timer schedule (`kiosk::timers::next_wake`) and the painter that diffs frames,
//! on a terminal backend that counts every write.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::kiosk::{Kiosk, clock, demo_source};
use indsigt::app::frames::Painter;
use indsigt::domain::Lang;
use indsigt::kiosk::Msg;
use indsigt::kiosk::timers::next_wake;
use indsigt::ui::KioskView;
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A TestBackend that counts what would reach a real terminal.
struct Counting {
    inner: TestBackend,
    /// Calls to `draw` with at least one cell, and to the cursor, clear and flush calls.
    writes: usize,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<_> = content.collect();
        if !cells.is_empty() {
            self.writes += 1;
        }
        self.inner.draw(cells.into_iter())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.clear_region(t)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.writes += 1;
        self.inner.flush()
    }
}

fn terminal() -> Terminal<Counting> {
    Terminal::new(Counting {
        inner: TestBackend::new(120, 40),
        writes: 0,
    })
    .unwrap()
}

fn paint(k: &Kiosk, painter: &mut Painter, t: &mut Terminal<Counting>) -> bool {
    let view = KioskView {
        model: &k.model,
        theme: &k.theme,
    };
    painter.paint(t, &view).unwrap()
}

fn writes(t: &Terminal<Counting>) -> usize {
    t.backend().writes
}

#[test]
fn an_idle_attract_screen_writes_nothing_for_five_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 0));
    let (mut painter, mut t) = (Painter::new(), terminal());
    assert!(paint(&k, &mut painter, &mut t), "the first frame is drawn");
    let after_first = writes(&t);
    assert!(after_first > 0);

    // Nothing on the untouched attract screen depends on the clock: the loop sets no timer at all.
    assert_eq!(next_wake(&k.model), None);

    // Even if the loop is woken four times a second for five seconds (by anything: a resize, a stray
    // event), the picture is the same, so not one byte reaches the terminal.
    for quarter in 1..=20 {
        let now = clock() + SignedDuration::from_millis(250 * quarter);
        k.send(Msg::Tick(now));
        assert!(!paint(&k, &mut painter, &mut t), "redrawn at {now}");
        assert_eq!(next_wake(&k.model), None);
    }
    assert_eq!(
        writes(&t),
        after_first,
        "no terminal write after the first frame"
    );
}

#[test]
fn the_idle_warning_counts_down_with_one_frame_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 0));
    common::screens::signed_in(&mut k, Lang::En);
    assert!(k.model.signed_in());
    let (mut painter, mut t) = (Painter::new(), terminal());
    assert!(paint(&k, &mut painter, &mut t));
    let settings = k.model.settings.clone();
    let idle = SignedDuration::from_secs(settings.idle_timeout_secs as i64);
    let warn_at = clock() + idle - SignedDuration::from_secs(settings.idle_warning_secs as i64);

    // Simulate the loop: sleep until the next wake, tick, paint.
    let mut wakes_before_warning = 0;
    let mut frames: Vec<Timestamp> = Vec::new();
    while k.model.signed_in() {
        let Some(at) = next_wake(&k.model) else {
            panic!("a signed-in kiosk always has a timer (the idle timeout)")
        };
        assert!(at <= clock() + idle, "no wake later than the timeout");
        k.send(Msg::Tick(at));
        if at < warn_at {
            wakes_before_warning += 1;
        }
        if paint(&k, &mut painter, &mut t) && k.model.signed_in() {
            frames.push(at);
        }
    }
    // Reading the overview, the loop slept straight to the warning.
    assert!(
        wakes_before_warning <= 1,
        "{wakes_before_warning} wakes before the warning"
    );
    // The countdown drew once a second for the whole warning, and only then.
    let warning_secs = settings.idle_warning_secs as usize;
    assert!(
        (warning_secs - 1..=warning_secs + 1).contains(&frames.len()),
        "{} frames in a {warning_secs} s warning",
        frames.len()
    );
    assert!(frames[0] >= warn_at);
    for pair in frames.windows(2) {
        let gap = pair[1].duration_since(pair[0]);
        assert!(
            gap >= SignedDuration::from_millis(750) && gap <= SignedDuration::from_millis(1250),
            "frames {gap:?} apart"
        );
    }
}
