//! The terminal loop: read events, run `update`, start effects, draw.

use super::AppError;
use super::input::to_msg;
use super::runner::spawn;
use crate::auth::Broker;
use crate::kiosk::{Effect, Model, Msg, update};
use crate::source::DataSource;
use crate::ui::{KioskView, Theme};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::layout::Rect;
use std::io::Write;
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
            screen: model.route().name(),
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

/// Clears the screen and the scrollback, so nothing of the session can be scrolled back to.
///
/// `Terminal::clear` asks the terminal for the cursor position, and the answer would race with the input
/// thread; so a blank frame is drawn instead, which also makes the next frame draw every cell.
fn purge(terminal: &mut ratatui::DefaultTerminal) {
    let _ = terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()));
    let mut out = std::io::stdout();
    let _ = out.write_all(b"\x1b[2J\x1b[3J\x1b[H");
    let _ = out.flush();
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
    broker: Option<Arc<dyn Broker>>,
) -> Result<(), AppError> {
    let mut terminal = ratatui::try_init().map_err(|e| AppError::Terminal(e.to_string()))?;
    // Without mouse support the kiosk still works with keys alone.
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let (tx, mut rx): (UnboundedSender<Incoming>, UnboundedReceiver<Incoming>) =
        unbounded_channel();
    let (msg_tx, mut msg_rx) = unbounded_channel::<Msg>();
    read_terminal(tx);
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    let mut area = terminal
        .size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default();

    let result = loop {
        if let Err(e) = terminal.draw(|f| {
            area = f.area();
            f.render_widget(
                &KioskView {
                    model: &model,
                    theme: &theme,
                },
                f.area(),
            );
        }) {
            break Err(AppError::Terminal(e.to_string()));
        }
        let incoming = tokio::select! {
            Some(ev) = rx.recv() => ev,
            Some(msg) = msg_rx.recv() => Incoming::Msg(msg),
            _ = tick.tick() => Incoming::Msg(Msg::Tick(jiff::Timestamp::now())),
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
            match effect {
                Effect::Fetch {
                    generation,
                    principal,
                    request,
                } => spawn(
                    source.clone(),
                    generation,
                    principal,
                    request,
                    msg_tx.clone(),
                ),
                Effect::PurgeScreen => purge(&mut terminal),
                Effect::EndSession => {
                    let source = source.clone();
                    tokio::task::spawn_blocking(move || source.end_session());
                }
                Effect::StartDeviceSignIn { .. }
                | Effect::PollToken { .. }
                | Effect::RefreshToken { .. }
                | Effect::RevokeToken(_) => {
                    super::runner::spawn_auth(broker.clone(), effect, msg_tx.clone());
                }
                Effect::CheckPin(pin) => {
                    let (hash, tx) = (pin_hash.clone(), msg_tx.clone());
                    tokio::task::spawn_blocking(move || {
                        let ok = super::pin::verify(hash.as_deref(), &pin);
                        let _ = tx.send(Msg::PinChecked(ok));
                    });
                }
                Effect::Quit => quit = true,
            }
        }
        if quit {
            break Ok(());
        }
    };
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    purge(&mut terminal);
    ratatui::restore();
    result
}
