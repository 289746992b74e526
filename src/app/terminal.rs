//! The terminal loop: read events, run `update`, start effects, draw.

use super::AppError;
use super::frames::Painter;
use super::input::to_msg;
use super::purge::purge_screen;
use super::runner::{Control, Runner};
use crate::domain::port::DataSource;
use crate::kiosk::timers::next_wake;
use crate::kiosk::{Model, Msg, update};
use crate::ui::{KioskView, Theme};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::layout::Rect;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// What the log may say about the model: screen names, counters and flags, never personal data.
#[derive(PartialEq, Eq)]
struct Trace {
    screen: &'static str,
    signed_in: bool,
    generation: u64,
    pin_failures: u32,
    warning: bool,
}

impl Trace {
    fn of(model: &Model) -> Trace {
        Trace {
            screen: model.screen().name(),
            signed_in: model.signed_in(),
            generation: model.generation,
            pin_failures: model.pin.failures,
            warning: model.warning.is_some(),
        }
    }

    fn log_changes(&self, before: &Trace, by_clock: bool) {
        if self == before {
            return;
        }
        if self.screen != before.screen {
            tracing::debug!(from = before.screen, to = self.screen, "screen");
        }
        if before.signed_in && !self.signed_in {
            let reason = if by_clock { "timeout" } else { "sign-out" };
            tracing::info!(reason, generation = self.generation, "session ended");
        }
        if !before.signed_in && self.signed_in {
            tracing::info!(generation = self.generation, "session started");
        }
        if self.warning && !before.warning {
            tracing::info!("timeout warning shown");
        }
        if self.pin_failures > before.pin_failures {
            tracing::warn!(failures = self.pin_failures, "wrong operator PIN");
        }
    }
}

/// What reaches the loop: a terminal event, or a msg from an effect.
#[allow(clippy::large_enum_variant)] // a few per second, moved once
enum Incoming {
    Terminal(Event),
    Msg(Msg),
}

fn read_terminal(tx: UnboundedSender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(ev) => {
                    if tx.send(Incoming::Terminal(ev)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "reading the terminal failed");
                    break;
                }
            }
        }
    });
}

pub async fn run(
    mut model: Model,
    theme: Theme,
    source: Arc<dyn DataSource>,
    pin_hash: Option<String>,
    brokers: super::runner::Brokers,
    speech: super::speech::SpeechOptions,
) -> Result<(), AppError> {
    let mut terminal = ratatui::try_init().map_err(|e| AppError::Terminal(e.to_string()))?;
    // Without mouse support the kiosk still works with keys alone.
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let (tx, mut rx): (UnboundedSender<Incoming>, UnboundedReceiver<Incoming>) =
        unbounded_channel();
    let (msg_tx, mut msg_rx) = unbounded_channel::<Msg>();
    read_terminal(tx);
    let private_audio = speech.private_audio;
    let runner = Runner {
        source,
        brokers,
        pin_hash,
        speaker: super::speech::Speaker::new(speech),
        tx: msg_tx,
    };
    let mut painter = Painter::new();

    let result = loop {
        let area = match terminal.size() {
            Ok(s) => Rect::new(0, 0, s.width, s.height),
            Err(e) => break Err(AppError::Terminal(e.to_string())),
        };
        let view = KioskView {
            model: &model,
            theme: &theme,
        };
        if let Err(e) = painter.paint(&mut terminal, &view) {
            break Err(AppError::Terminal(e.to_string()));
        }
        let wake = next_wake(&model).map(sleep_for);
        let incoming = tokio::select! {
            Some(ev) = rx.recv() => ev,
            Some(msg) = msg_rx.recv() => Incoming::Msg(msg),
            () = sleep_or_forever(wake) => Incoming::Msg(Msg::Tick(jiff::Timestamp::now())),
        };
        let msg = match incoming {
            Incoming::Terminal(ev) => to_msg(ev, &model, area, jiff::Timestamp::now()),
            Incoming::Msg(m) => Some(m),
        };
        let Some(msg) = msg else { continue };
        let before = Trace::of(&model);
        let is_tick = matches!(msg, Msg::Tick(_));
        let effects = update(&mut model, msg);
        Trace::of(&model).log_changes(&before, is_tick);
        let mut quit = false;
        for effect in effects {
            match runner.run(effect) {
                Some(Control::Purge) => {
                    purge_screen(&mut terminal);
                    painter.forget();
                }
                Some(Control::Quit) => quit = true,
                Some(Control::Speak(u)) => {
                    runner.speak(u, crate::ui::screens::script(&model, private_audio));
                }
                None => {}
            }
        }
        if quit {
            break Ok(());
        }
    };
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    purge_screen(&mut terminal);
    ratatui::restore();
    result
}

/// The longest the loop sleeps on a timer before it looks at the clock again, should the wall clock jump.
const MAX_SLEEP: Duration = Duration::from_secs(10);

/// How long until `at`, by the wall clock (zero if it has passed), at most [`MAX_SLEEP`].
fn sleep_for(at: jiff::Timestamp) -> Duration {
    let left = at.duration_since(jiff::Timestamp::now());
    Duration::try_from(left)
        .unwrap_or(Duration::ZERO)
        .min(MAX_SLEEP)
}

/// Sleeps for `d`, or forever when no timer is due (only input can then change anything).
async fn sleep_or_forever(d: Option<Duration>) {
    match d {
        Some(d) => tokio::time::sleep(d).await,
        None => std::future::pending().await,
    }
}
