//! The terminal loop: read events, run `update`, start effects, draw.

use super::AppError;
use super::input::to_msg;
use super::runner::spawn;
use crate::kiosk::{Effect, Model, Msg, update};
use crate::source::DataSource;
use crate::ui::{KioskView, Theme};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::layout::Rect;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

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
        let effects = update(&mut model, msg);
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
