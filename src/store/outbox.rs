//! The webhook side of the outbox: which deliveries are due, every attempt recorded (time and status or
//! error, never the body), and the deliveries that keep failing, for the operator.

use super::requests::SystemRequest;
use super::{Store, StoreResult, opt_ts, ts};
use jiff::Timestamp;
use rusqlite::{TransactionBehavior, params};
use serde::Serialize;

/// A delivery whose time has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub request: SystemRequest,
    /// Failed attempts so far.
    pub attempts: u32,
    /// When the request was queued: retries stop a fixed time after it.
    pub created_at: Timestamp,
}

/// How one attempt went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AttemptOutcome {
    /// A 2xx answer.
    Delivered(u16),
    /// Any other status but a redirect.
    HttpStatus(u16),
    /// A 3xx answer: never followed, a failed attempt.
    Redirect(u16),
    Timeout,
    Connect,
    Failed,
}

impl AttemptOutcome {
    pub fn code(self) -> &'static str {
        match self {
            AttemptOutcome::Delivered(_) => "delivered",
            AttemptOutcome::HttpStatus(_) => "http_status",
            AttemptOutcome::Redirect(_) => "redirect",
            AttemptOutcome::Timeout => "timeout",
            AttemptOutcome::Connect => "connect",
            AttemptOutcome::Failed => "failed",
        }
    }

    pub fn status(self) -> Option<u16> {
        match self {
            AttemptOutcome::Delivered(s)
            | AttemptOutcome::HttpStatus(s)
            | AttemptOutcome::Redirect(s) => Some(s),
            _ => None,
        }
    }
}

/// What follows a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    At(Timestamp),
    /// The retries ran out: the delivery is kept, marked given up, and listed for the operator.
    GiveUp,
}

/// One recorded attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub at: Timestamp,
    pub outcome: String,
    pub http_status: Option<u16>,
}

/// A delivery that has failed at least once and is not delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedDelivery {
    pub request_id: i64,
    pub reference: String,
    pub system_id: String,
    pub attempts: u32,
    pub next_attempt_at: Option<Timestamp>,
    pub gave_up_at: Option<Timestamp>,
    pub last: Option<Attempt>,
}

impl Store {
    /// System `system_id`'s deliveries due at `now`, oldest first: not delivered, not acknowledged (a
    /// system that pulled and acked needs no webhook), not given up.
    pub fn due_deliveries(
        &self,
        system_id: &str,
        now: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<Due>> {
        let mut st = self.conn.prepare_cached(
            "SELECT o.request_id, o.attempts, o.created_at FROM request_outbox o
             WHERE o.system_id = ?1 AND o.delivered_at IS NULL AND o.acked_at IS NULL
               AND o.gave_up_at IS NULL AND o.next_attempt_at <= ?2
             ORDER BY o.next_attempt_at, o.request_id LIMIT ?3",
        )?;
        let rows = st
            .query_map(params![system_id, now.as_second(), limit], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?, ts(r.get(2)?)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, attempts, created_at)| {
                Ok(Due {
                    request: self.system_request(system_id, id)?,
                    attempts,
                    created_at,
                })
            })
            .collect()
    }

    /// Records one attempt at `at`: a delivery marks the request delivered (not done: that comes by ack);
    /// a failure counts and schedules the next try, or gives up.
    pub fn record_attempt(
        &mut self,
        request_id: i64,
        at: Timestamp,
        outcome: AttemptOutcome,
        retry: Retry,
    ) -> StoreResult<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT INTO delivery_attempts (request_id, at, outcome, http_status) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            request_id,
            at.as_second(),
            outcome.code(),
            outcome.status()
        ])?;
        match (outcome, retry) {
            (AttemptOutcome::Delivered(_), _) => tx
                .prepare_cached(
                    "UPDATE request_outbox SET delivered_at = ?2 WHERE request_id = ?1 AND delivered_at IS NULL",
                )?
                .execute(params![request_id, at.as_second()])?,
            (_, Retry::At(next)) => tx
                .prepare_cached(
                    "UPDATE request_outbox SET attempts = attempts + 1, next_attempt_at = ?2 WHERE request_id = ?1",
                )?
                .execute(params![request_id, next.as_second()])?,
            (_, Retry::GiveUp) => tx
                .prepare_cached(
                    "UPDATE request_outbox SET attempts = attempts + 1, gave_up_at = ?2 WHERE request_id = ?1",
                )?
                .execute(params![request_id, at.as_second()])?,
        };
        tx.commit()?;
        Ok(())
    }

    /// Every attempt at request `request_id`, oldest first.
    pub fn delivery_attempts(&self, request_id: i64) -> StoreResult<Vec<Attempt>> {
        let mut st = self.conn.prepare_cached(
            "SELECT at, outcome, http_status FROM delivery_attempts WHERE request_id = ?1 ORDER BY at, id",
        )?;
        let rows = st.query_map([request_id], |r| {
            Ok(Attempt {
                at: ts(r.get(0)?)?,
                outcome: r.get(1)?,
                http_status: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether request `request_id` was delivered by webhook, and when.
    pub fn delivered_at(&self, request_id: i64) -> StoreResult<Option<Timestamp>> {
        let at: Option<i64> = self
            .conn
            .prepare_cached("SELECT delivered_at FROM request_outbox WHERE request_id = ?1")?
            .query_row([request_id], |r| r.get(0))?;
        Ok(opt_ts(at)?)
    }

    /// The deliveries that failed at least once and are neither delivered nor acknowledged, given up or
    /// still retrying, oldest first.
    pub fn failed_deliveries(&self) -> StoreResult<Vec<FailedDelivery>> {
        let mut st = self.conn.prepare_cached(
            "SELECT o.request_id, r.reference, o.system_id, o.attempts, o.next_attempt_at, o.gave_up_at
             FROM request_outbox o JOIN requests r ON r.id = o.request_id
             WHERE o.attempts > 0 AND o.delivered_at IS NULL AND o.acked_at IS NULL
             ORDER BY o.created_at, o.request_id",
        )?;
        let rows = st
            .query_map([], |r| {
                let gave_up_at = opt_ts(r.get(5)?)?;
                Ok(FailedDelivery {
                    request_id: r.get(0)?,
                    reference: r.get(1)?,
                    system_id: r.get(2)?,
                    attempts: r.get(3)?,
                    next_attempt_at: if gave_up_at.is_some() {
                        None
                    } else {
                        Some(ts(r.get(4)?)?)
                    },
                    gave_up_at,
                    last: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|mut f| {
                f.last = self.delivery_attempts(f.request_id)?.pop();
                Ok(f)
            })
            .collect()
    }
}
