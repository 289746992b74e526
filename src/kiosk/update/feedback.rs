//! "Was this understandable?" at sign-out. The sign-out key asks it once; an answer or a skip ends the
//! session exactly as before. The answer is sent after the session's data is dropped, with no principal:
//! only the answer, the kiosk, the day and the names of the screens seen.

use super::super::effect::{Effect, Request};
use super::super::model::Model;
use super::super::screen::Screen;
use super::{push, sign_out};
use crate::domain::{Feedback, FeedbackAnswer};

/// The sign-out key: a signed-in citizen is asked the question first; on the question itself, or
/// without a session, it signs out at once (a second press is a skip).
pub fn sign_out_key(model: &mut Model) -> Vec<Effect> {
    if model.session.is_none() || *model.screen() == Screen::Feedback {
        return sign_out(model);
    }
    model.notice = None;
    push(model, Screen::Feedback);
    Vec::new()
}

/// Notes the screen on show in the session's set of visited screens (the question itself is not one).
pub fn note_screen(model: &mut Model) {
    let name = match model.screen() {
        Screen::Feedback => return,
        screen => screen.name(),
    };
    if let Some(session) = model.session.as_mut() {
        session.visited.insert(name);
    }
}

/// An answer (or `None`, a skip): the session ends, then the answer alone is sent.
pub fn answer(model: &mut Model, answer: Option<FeedbackAnswer>) -> Vec<Effect> {
    let screens = model
        .session
        .as_ref()
        .map(|s| s.visited.iter().map(|n| (*n).to_owned()).collect())
        .unwrap_or_default();
    let had_session = model.session.is_some();
    let tz = jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap_or(jiff::tz::TimeZone::UTC);
    let date = model.now.to_zoned_datetime(tz).date();
    let mut effects = sign_out(model);
    if let (Some(answer), true) = (answer, had_session) {
        let feedback = Feedback {
            answer,
            kiosk_id: model.settings.kiosk_id.clone(),
            date,
            screens,
        };
        // After sign-out: no principal, and a generation no session's answers share.
        effects.push(Effect::Fetch {
            generation: model.generation,
            principal: None,
            request: Request::Feedback(feedback),
        });
    }
    effects
}
