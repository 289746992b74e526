//! `POST /v1/feedback`: an answer to "Was this understandable?" from a registered kiosk. It carries no
//! citizen and no token; the kiosk's id is the server's, from the key in `X-Indsigt-Kiosk`.

use super::error::ApiError;
use super::extract::JsonBody;
use super::kiosk::RegisteredKiosk;
use super::state::ServerState;
use crate::domain::{Feedback, FeedbackAnswer, MAX_FEEDBACK_SCREENS, is_screen_name};
use axum::extract::State;
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::Deserialize;

/// The body: only the answer, the day and the screens seen. Anything else is refused (400).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackBody {
    pub answer: FeedbackAnswer,
    /// The kiosk's day in Europe/Copenhagen (`YYYY-MM-DD`): the server's today or the day before.
    pub date: Date,
    /// Screen names, e.g. `overview`; the server sorts them and keeps each once.
    pub screens: Vec<String>,
}

/// Checks the body against the server's own day and makes the answer to store.
pub fn feedback_of(
    body: FeedbackBody,
    kiosk_id: String,
    today: Date,
) -> Result<Feedback, ApiError> {
    let yesterday = today.yesterday().unwrap_or(today);
    if body.date != today && body.date != yesterday {
        return Err(ApiError::bad_request(
            "`date` must be today or yesterday in Europe/Copenhagen",
        ));
    }
    if body.screens.len() > MAX_FEEDBACK_SCREENS {
        return Err(ApiError::bad_request(format!(
            "`screens` holds at most {MAX_FEEDBACK_SCREENS} names"
        )));
    }
    if !body.screens.iter().all(|s| is_screen_name(s)) {
        return Err(ApiError::bad_request(
            "each of `screens` must be a screen name: 1 to 32 of a-z and -",
        ));
    }
    Ok(Feedback {
        answer: body.answer,
        kiosk_id,
        date: body.date,
        screens: body.screens.into_iter().collect(),
    })
}

pub async fn feedback(
    State(s): State<ServerState>,
    kiosk: RegisteredKiosk,
    JsonBody(body): JsonBody<FeedbackBody>,
) -> Result<StatusCode, ApiError> {
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(crate::i18n::copenhagen())
        .date();
    let feedback = feedback_of(body, kiosk.id, today)?;
    s.store.record_feedback(feedback).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(date: Date, screens: &[&str]) -> FeedbackBody {
        FeedbackBody {
            answer: FeedbackAnswer::Partly,
            date,
            screens: screens.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn takes_today_and_yesterday_only_and_sorts_the_screens() {
        let today = jiff::civil::date(2026, 12, 2);
        let f = feedback_of(
            body(today, &["overview", "areas", "overview"]),
            "k".into(),
            today,
        );
        let Ok(f) = f else {
            panic!("refused: {f:?}");
        };
        assert_eq!(f.screens.iter().collect::<Vec<_>>(), ["areas", "overview"]);
        assert!(feedback_of(body(jiff::civil::date(2026, 12, 1), &[]), "k".into(), today).is_ok());
        assert!(
            feedback_of(
                body(jiff::civil::date(2026, 11, 30), &[]),
                "k".into(),
                today
            )
            .is_err()
        );
        assert!(feedback_of(body(jiff::civil::date(2026, 12, 3), &[]), "k".into(), today).is_err());
        assert!(feedback_of(body(today, &["Kiosk 12"]), "k".into(), today).is_err());
    }
}
