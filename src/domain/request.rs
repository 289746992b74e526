//! The citizen's requests: a consent withdrawal (sent to the system that holds the consent) or a report of
//! an access they do not recognise (sent to the data protection officer), with where each stands and the
//! answer that came back.
//!
//! The server keeps them; the kiosk shows them on "Your requests", and the overview says when an answer
//! has come that the citizen has not seen.

use super::{Lang, Text};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What the citizen asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Withdraw a consent. Goes to the system that holds it.
    Withdrawal,
    /// "I don't recognise this" on an access-log entry. Goes to the DPO.
    Report,
}

/// Where a request stands. A withdrawal ends `Done` or `Refused`; a report ends `Answered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Filed and handed to the system or the DPO; nobody has acted on it yet.
    Sent,
    /// The DPO is looking into it.
    UnderReview,
    /// The DPO has answered.
    Answered,
    /// The system has carried out the withdrawal.
    Done,
    /// The system did not carry it out, and says why (for example, that the law requires keeping the data).
    Refused,
}

impl RequestKind {
    /// The message id of what the citizen asked for.
    pub fn message_id(self) -> &'static str {
        match self {
            RequestKind::Withdrawal => "request-kind-withdrawal",
            RequestKind::Report => "request-kind-report",
        }
    }
}

impl RequestStatus {
    /// The message id of where a request stands.
    pub fn message_id(self) -> &'static str {
        match self {
            RequestStatus::Sent => "request-status-sent",
            RequestStatus::UnderReview => "request-status-under-review",
            RequestStatus::Answered => "request-status-answered",
            RequestStatus::Done => "request-status-done",
            RequestStatus::Refused => "request-status-refused",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Sent => "sent",
            RequestStatus::UnderReview => "under_review",
            RequestStatus::Answered => "answered",
            RequestStatus::Done => "done",
            RequestStatus::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        Some(match s {
            "sent" => RequestStatus::Sent,
            "under_review" => RequestStatus::UnderReview,
            "answered" => RequestStatus::Answered,
            "done" => RequestStatus::Done,
            "refused" => RequestStatus::Refused,
            _ => return None,
        })
    }

    /// True once the request has its final answer.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RequestStatus::Answered | RequestStatus::Done | RequestStatus::Refused
        )
    }
}

/// One request, as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenRequest {
    pub id: i64,
    /// The reference told to the citizen when they filed it.
    pub reference: String,
    pub kind: RequestKind,
    /// What it is about, in plain words: the consent's scope, or the entry ("when · who").
    pub about: Text,
    /// Who handles it: the system's name, or the data protection officer.
    pub handled_by: Text,
    pub filed_at: Timestamp,
    /// The language the citizen used when filing; an answer always has a text in it.
    pub lang: Lang,
    pub status: RequestStatus,
    /// The answer, or the reason for a refusal, in plain words. A language may be empty when the answer was
    /// given only in the filing language; the kiosk then shows that one.
    pub answer: Option<Text>,
    /// When the status last changed.
    pub updated_at: Timestamp,
    /// True when the status or answer changed after the citizen last opened "Your requests".
    pub unseen: bool,
}

impl CitizenRequest {
    /// The answer in `lang`, or in the filing language when it was given only in that one.
    pub fn answer_in(&self, lang: Lang) -> Option<&str> {
        let a = self.answer.as_ref()?;
        let text = a.get(lang);
        if text.is_empty() {
            Some(a.get(self.lang)).filter(|s| !s.is_empty())
        } else {
            Some(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_round_trip() {
        for s in [
            RequestStatus::Sent,
            RequestStatus::UnderReview,
            RequestStatus::Answered,
            RequestStatus::Done,
            RequestStatus::Refused,
        ] {
            assert_eq!(RequestStatus::parse(s.code()), Some(s));
        }
        assert_eq!(RequestStatus::parse("received"), None);
    }

    #[test]
    fn an_answer_in_one_language_is_shown_in_the_other() {
        let r = CitizenRequest {
            id: 1,
            reference: "R-1".into(),
            kind: RequestKind::Report,
            about: Text::same("x"),
            handled_by: Text::same("DPO"),
            filed_at: Timestamp::UNIX_EPOCH,
            lang: Lang::Da,
            status: RequestStatus::Answered,
            answer: Some(Text::new("Svar", "")),
            updated_at: Timestamp::UNIX_EPOCH,
            unseen: true,
        };
        assert_eq!(r.answer_in(Lang::En), Some("Svar"));
        assert_eq!(r.answer_in(Lang::Da), Some("Svar"));
    }
}
