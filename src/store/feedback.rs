//! Answers to "Was this understandable?": counted per day, kiosk, answer and set of screens, with nothing
//! that points to a citizen (see `schema_v5.sql`).

use super::{Store, StoreError, StoreResult};
use crate::domain::{Feedback, FeedbackAnswer};
use jiff::civil::Date;
use rusqlite::params;

/// How many answers of one kind a kiosk got on one day (all sets of screens together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackCount {
    pub day: Date,
    pub kiosk_id: String,
    pub answer: FeedbackAnswer,
    pub answers: u64,
}

impl Store {
    /// Counts one answer.
    pub fn record_feedback(&self, feedback: &Feedback) -> StoreResult<()> {
        let screens: Vec<&str> = feedback.screens.iter().map(String::as_str).collect();
        self.conn.execute(
            "INSERT INTO feedback (day, kiosk_id, answer, screens, answers) VALUES (?1, ?2, ?3, ?4, 1)
             ON CONFLICT (day, kiosk_id, answer, screens) DO UPDATE SET answers = answers + 1",
            params![
                feedback.date.to_string(),
                feedback.kiosk_id,
                feedback.answer.code(),
                screens.join(","),
            ],
        )?;
        Ok(())
    }

    /// The answers from `since` on, per day, kiosk and answer, oldest day first.
    pub fn feedback_counts(&self, since: Date) -> StoreResult<Vec<FeedbackCount>> {
        let mut st = self.conn.prepare_cached(
            "SELECT day, kiosk_id, answer, sum(answers) FROM feedback WHERE day >= ?1
             GROUP BY day, kiosk_id, answer ORDER BY day, kiosk_id, answer",
        )?;
        let rows = st.query_map([since.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (day, kiosk_id, answer, answers) = row?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("feedback: {what}"));
            out.push(FeedbackCount {
                day: day.parse().map_err(|_| corrupt("a day is not a date"))?,
                kiosk_id,
                answer: FeedbackAnswer::from_code(&answer).ok_or_else(|| corrupt("an answer"))?,
                answers: u64::try_from(answers).map_err(|_| corrupt("a count"))?,
            });
        }
        Ok(out)
    }
}
