//! "Was this understandable?": the one question at sign-out, and all that is kept of an answer. Nothing
//! in it can point to the citizen: no id, no subject, no time of day, no order of the screens.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The citizen's answer to "Was this understandable?". A skip is no answer and sends nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackAnswer {
    /// "Yes, most of it".
    Mostly,
    /// "Some of it".
    Partly,
    /// "No, it was hard".
    Hard,
}

impl FeedbackAnswer {
    /// Every answer, in the order reports list them.
    pub const ALL: [FeedbackAnswer; 3] = [
        FeedbackAnswer::Mostly,
        FeedbackAnswer::Partly,
        FeedbackAnswer::Hard,
    ];

    /// The answer as stored and sent.
    pub fn code(self) -> &'static str {
        match self {
            FeedbackAnswer::Mostly => "mostly",
            FeedbackAnswer::Partly => "partly",
            FeedbackAnswer::Hard => "hard",
        }
    }

    pub fn from_code(code: &str) -> Option<FeedbackAnswer> {
        FeedbackAnswer::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// One answer, as the kiosk sends it: after the session's data is dropped and without the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub answer: FeedbackAnswer,
    /// The kiosk's own id (`[kiosk] id`; the server takes it from its registry instead).
    pub kiosk_id: String,
    /// The day in Europe/Copenhagen, never the time.
    pub date: Date,
    /// The names of the screens visited in the session (`Screen::name`): sorted, each once.
    pub screens: BTreeSet<String>,
}

/// The most screen names one answer may carry.
pub const MAX_FEEDBACK_SCREENS: usize = 40;

/// Whether `name` looks like a screen name: 1–32 of `a`–`z` and `-`.
pub fn is_screen_name(name: &str) -> bool {
    (1..=32).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_their_codes() {
        for a in FeedbackAnswer::ALL {
            assert_eq!(FeedbackAnswer::from_code(a.code()), Some(a));
        }
        assert_eq!(FeedbackAnswer::from_code("skip"), None);
        assert!(is_screen_name("access-log"));
        assert!(!is_screen_name("Access log"));
        assert!(!is_screen_name(""));
    }
}
