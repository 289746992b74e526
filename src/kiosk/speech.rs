//! Read-aloud (EN 301 549 §5.1.3): one key reads the screen aloud, any key stops it, and the speed can be
//! changed. The core only keeps what is being spoken and how fast; what is said comes from the model by a
//! pure function at the edge (`ui::speech`), and the effect runner speaks it off the render loop.

use super::effect::{Effect, Utterance};
use super::model::{Model, Notice};
use jiff::Timestamp;

/// The speeds offered, in words per minute (espeak-ng's `-s`), slowest first.
pub const RATES: [u16; 5] = [120, 145, 170, 195, 230];
/// The speed a visit starts at (an index into [`RATES`]).
pub const DEFAULT_RATE: usize = 2;

/// Why an utterance could not be spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpeechFault {
    /// Speech is turned off in the configuration, or the speech program is not installed.
    #[error("read-aloud is not available")]
    Unavailable,
    /// The speech program ran and failed.
    #[error("read-aloud failed")]
    Failed,
}

impl SpeechFault {
    /// The message id of the sentence that explains it.
    pub fn message_id(&self) -> &'static str {
        match self {
            SpeechFault::Unavailable => "speech-unavailable",
            SpeechFault::Failed => "speech-failed",
        }
    }
}

/// What the kiosk is saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speech {
    /// The utterance being spoken, if any.
    pub speaking: Option<u64>,
    /// The last utterance's number: an end for an older one is dropped.
    pub last: u64,
    /// The speed, an index into [`RATES`].
    pub rate: usize,
}

impl Default for Speech {
    fn default() -> Speech {
        Speech {
            speaking: None,
            last: 0,
            rate: DEFAULT_RATE,
        }
    }
}

impl Speech {
    pub fn words_per_minute(&self) -> u16 {
        RATES[self.rate.min(RATES.len() - 1)]
    }
}

/// The read-aloud key: reads the screen, or stops when it is already reading.
pub fn toggle(model: &mut Model) -> Vec<Effect> {
    if model.speech.speaking.is_some() {
        return stop(model);
    }
    start(model)
}

fn start(model: &mut Model) -> Vec<Effect> {
    model.speech.last += 1;
    model.speech.speaking = Some(model.speech.last);
    vec![Effect::Speak(Utterance {
        id: model.speech.last,
        lang: model.lang,
        words_per_minute: model.speech.words_per_minute(),
    })]
}

/// Stops what is being said (any key, a tap, the screen going away).
pub fn stop(model: &mut Model) -> Vec<Effect> {
    match model.speech.speaking.take() {
        Some(_) => vec![Effect::StopSpeaking],
        None => Vec::new(),
    }
}

/// Faster (`step` 1) or slower (-1); what is being said starts again at the new speed.
pub fn change_rate(model: &mut Model, step: isize) -> Vec<Effect> {
    let rate = model.speech.rate.saturating_add_signed(step);
    model.speech.rate = rate.min(RATES.len() - 1);
    if model.speech.speaking.is_some() {
        let mut effects = stop(model);
        effects.extend(start(model));
        return effects;
    }
    Vec::new()
}

/// The speech program finished utterance `id` at `at`: listening counts as activity, and a failure
/// says read-aloud is not available.
pub fn ended(model: &mut Model, id: u64, result: Result<(), SpeechFault>, at: Timestamp) {
    if model.speech.speaking != Some(id) {
        return;
    }
    model.speech.speaking = None;
    model.now = model.now.max(at);
    model.last_activity = model.last_activity.max(at);
    if let Err(fault) = result {
        model.notice = Some(Notice::Speech(fault));
    }
}
