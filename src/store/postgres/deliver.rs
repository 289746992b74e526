//! Requests on PostgreSQL: the systems' pull feed and acknowledgements, webhook deliveries claimed with
//! `FOR UPDATE SKIP LOCKED`, and the kiosks' feedback. Ports of `store::{requests, outbox, feedback}`.

use super::{PgStore, opt_ts, pg, ts};
use crate::domain::{Feedback, FeedbackAnswer, Lang, RequestKind, RequestStatus, Text};
use crate::store::feedback::FeedbackCount;
use crate::store::outbox::{Attempt, AttemptOutcome, Due, FailedDelivery, Retry};
use crate::store::requests::{AckOutcome, MAX_FEED_PAGE, SystemRequest, answer_of};
use crate::store::{StoreError, StoreResult};
use jiff::Timestamp;
use tokio_postgres::Row;

const CURRENT: &str = "(SELECT max(id) FROM catalogue_versions)";

const SYSTEM_REQUEST: &str =
    "SELECT r.id, r.reference, k.record_id, k.consent_type_id, r.filed_at, r.lang,
        r.status, r.answer_da, r.answer_en
     FROM request_outbox o
     JOIN requests r ON r.id = o.request_id
     JOIN citizen_consents k ON k.id = r.consent_id";

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("requests: {what}"))
}

fn row_to_system_request(r: &Row) -> StoreResult<SystemRequest> {
    let lang: String = r.try_get(5).map_err(pg)?;
    let status: String = r.try_get(6).map_err(pg)?;
    let answer = answer_of(r.try_get(7).map_err(pg)?, r.try_get(8).map_err(pg)?);
    let status = RequestStatus::parse(&status).ok_or_else(|| corrupt("a status"))?;
    Ok(SystemRequest {
        id: r.try_get(0).map_err(pg)?,
        reference: r.try_get(1).map_err(pg)?,
        kind: RequestKind::Withdrawal,
        record_id: r.try_get(2).map_err(pg)?,
        consent_type: r.try_get(3).map_err(pg)?,
        filed_at: ts(r.try_get(4).map_err(pg)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| corrupt("a language"))?,
        reason: if status == RequestStatus::Refused {
            answer
        } else {
            None
        },
        status,
    })
}

impl PgStore {
    /// The catalogue id of the system called `name` (its id or its name, as ingest keys name it).
    pub async fn catalogue_system_id(&self, name: &str) -> StoreResult<Option<String>> {
        let client = self.client().await?;
        let sql = format!(
            "SELECT id FROM cat_systems WHERE version_id = {CURRENT} AND (id = $1 OR name = $1)
             ORDER BY (id = $1) DESC LIMIT 1"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let row = client.query_opt(&st, &[&name]).await.map_err(pg)?;
        row.map(|r| r.try_get(0).map_err(pg)).transpose()
    }

    /// One page of system `system_id`'s unacknowledged requests after request id `after`, in order.
    pub async fn system_requests(
        &self,
        system_id: &str,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<SystemRequest>> {
        let client = self.client().await?;
        let sql = format!(
            "{SYSTEM_REQUEST} WHERE o.system_id = $1 AND o.acked_at IS NULL AND o.request_id > $2
             ORDER BY o.request_id LIMIT $3"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let limit = i64::from(limit.clamp(1, MAX_FEED_PAGE));
        let rows = client
            .query(&st, &[&system_id, &after, &limit])
            .await
            .map_err(pg)?;
        rows.iter().map(row_to_system_request).collect()
    }

    async fn system_request(
        client: &tokio_postgres::Client,
        system_id: &str,
        id: i64,
    ) -> StoreResult<SystemRequest> {
        let sql = format!("{SYSTEM_REQUEST} WHERE o.system_id = $1 AND o.request_id = $2");
        let row = client
            .query_opt(&sql, &[&system_id, &id])
            .await
            .map_err(pg)?
            .ok_or(StoreError::NotFound)?;
        row_to_system_request(&row)
    }

    /// Marks request `id` handled by system `system_id` (idempotent; another system's is NotFound).
    pub async fn ack_system_request(
        &self,
        system_id: &str,
        id: i64,
        outcome: &AckOutcome,
        now: Timestamp,
    ) -> StoreResult<SystemRequest> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let row = tx
            .query_opt(
                "SELECT r.lang, o.acked_at FROM request_outbox o JOIN requests r ON r.id = o.request_id
                 WHERE o.system_id = $1 AND o.request_id = $2 FOR UPDATE OF o",
                &[&system_id, &id],
            )
            .await
            .map_err(pg)?
            .ok_or(StoreError::NotFound)?;
        let lang: String = row.try_get(0).map_err(pg)?;
        let acked: Option<i64> = row.try_get(1).map_err(pg)?;
        if acked.is_none() {
            let lang = Lang::parse(&lang).unwrap_or_default();
            let (status, answer) = outcome.status_and_answer(lang)?;
            let da = answer.map(|a: &Text| a.da.as_str());
            let en = answer.map(|a: &Text| a.en.as_str());
            tx.execute(
                "UPDATE requests SET status = $2, answer_da = $3, answer_en = $4, updated_at = $5,
                 changes = changes + 1 WHERE id = $1",
                &[&id, &status.code(), &da, &en, &now.as_second()],
            )
            .await
            .map_err(pg)?;
            tx.execute(
                "UPDATE request_outbox SET acked_at = $2 WHERE request_id = $1",
                &[&id, &now.as_second()],
            )
            .await
            .map_err(pg)?;
            tracing::info!(request = id, status = status.code(), "request acknowledged");
        }
        tx.commit().await.map_err(pg)?;
        Self::system_request(&client, system_id, id).await
    }

    /// The due deliveries of a system, each leased to this server until `lease_until`: two servers
    /// claiming at once never get the same delivery.
    pub async fn claim_deliveries(
        &self,
        system_id: &str,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<Due>> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "WITH due AS (
                   SELECT request_id, next_attempt_at FROM request_outbox
                   WHERE system_id = $1 AND delivered_at IS NULL AND acked_at IS NULL
                     AND gave_up_at IS NULL AND next_attempt_at <= $2
                   ORDER BY next_attempt_at, request_id LIMIT $4 FOR UPDATE SKIP LOCKED)
                 UPDATE request_outbox o SET next_attempt_at = $3 FROM due
                 WHERE o.request_id = due.request_id
                 RETURNING o.request_id, o.attempts, o.created_at, due.next_attempt_at",
            )
            .await
            .map_err(pg)?;
        let rows = client
            .query(
                &st,
                &[
                    &system_id,
                    &now.as_second(),
                    &lease_until.as_second(),
                    &i64::from(limit),
                ],
            )
            .await
            .map_err(pg)?;
        let mut claimed = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get(0).map_err(pg)?;
            let attempts: i64 = r.try_get(1).map_err(pg)?;
            let created_at = ts(r.try_get(2).map_err(pg)?)?;
            let was_due: i64 = r.try_get(3).map_err(pg)?;
            claimed.push((was_due, id, attempts, created_at));
        }
        // The order of RETURNING is not guaranteed: answer oldest first, as SQLite does.
        claimed.sort_by_key(|&(was_due, id, _, _)| (was_due, id));
        let mut out = Vec::with_capacity(claimed.len());
        for (_, id, attempts, created_at) in claimed {
            out.push(Due {
                request: Self::system_request(&client, system_id, id).await?,
                attempts: u32::try_from(attempts).map_err(|_| corrupt("attempts"))?,
                created_at,
            });
        }
        Ok(out)
    }

    /// Records one attempt at `at`: a delivery marks the request delivered; a failure counts and
    /// schedules the next try (replacing the lease), or gives up.
    pub async fn record_attempt(
        &self,
        request_id: i64,
        at: Timestamp,
        outcome: AttemptOutcome,
        retry: Retry,
    ) -> StoreResult<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let status = outcome.status().map(i64::from);
        tx.execute(
            "INSERT INTO delivery_attempts (request_id, at, outcome, http_status) VALUES ($1, $2, $3, $4)",
            &[&request_id, &at.as_second(), &outcome.code(), &status],
        )
        .await
        .map_err(pg)?;
        let (sql, when) = match (outcome, retry) {
            (AttemptOutcome::Delivered(_), _) => (
                "UPDATE request_outbox SET delivered_at = $2 WHERE request_id = $1 AND delivered_at IS NULL",
                at.as_second(),
            ),
            (_, Retry::At(next)) => (
                "UPDATE request_outbox SET attempts = attempts + 1, next_attempt_at = $2 WHERE request_id = $1",
                next.as_second(),
            ),
            (_, Retry::GiveUp) => (
                "UPDATE request_outbox SET attempts = attempts + 1, gave_up_at = $2 WHERE request_id = $1",
                at.as_second(),
            ),
        };
        tx.execute(sql, &[&request_id, &when]).await.map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        Ok(())
    }

    /// The deliveries that failed at least once and are neither delivered nor acknowledged, given up or
    /// still retrying, oldest first, each with its last attempt (by time, then id), as SQLite answers.
    pub async fn failed_deliveries(&self) -> StoreResult<Vec<FailedDelivery>> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "SELECT o.request_id, r.reference, o.system_id, o.attempts, o.next_attempt_at, o.gave_up_at,
                        a.at, a.outcome, a.http_status
                 FROM request_outbox o JOIN requests r ON r.id = o.request_id
                 LEFT JOIN LATERAL (
                     SELECT at, outcome, http_status FROM delivery_attempts d
                     WHERE d.request_id = o.request_id ORDER BY at DESC, id DESC LIMIT 1
                 ) a ON true
                 WHERE o.attempts > 0 AND o.delivered_at IS NULL AND o.acked_at IS NULL
                 ORDER BY o.created_at, o.request_id",
            )
            .await
            .map_err(pg)?;
        let mut out = Vec::new();
        for r in client.query(&st, &[]).await.map_err(pg)? {
            let gave_up_at = opt_ts(r.try_get(5).map_err(pg)?)?;
            let attempts: i64 = r.try_get(3).map_err(pg)?;
            let last = match opt_ts(r.try_get(6).map_err(pg)?)? {
                Some(at) => {
                    let status: Option<i64> = r.try_get(8).map_err(pg)?;
                    Some(Attempt {
                        at,
                        outcome: r.try_get(7).map_err(pg)?,
                        http_status: status
                            .map(u16::try_from)
                            .transpose()
                            .map_err(|_| corrupt("an HTTP status"))?,
                    })
                }
                None => None,
            };
            out.push(FailedDelivery {
                request_id: r.try_get(0).map_err(pg)?,
                reference: r.try_get(1).map_err(pg)?,
                system_id: r.try_get(2).map_err(pg)?,
                attempts: u32::try_from(attempts).map_err(|_| corrupt("a count of attempts"))?,
                next_attempt_at: match gave_up_at {
                    Some(_) => None,
                    None => Some(ts(r.try_get(4).map_err(pg)?)?),
                },
                gave_up_at,
                last,
            });
        }
        Ok(out)
    }

    /// Counts one answer.
    pub async fn record_feedback(&self, feedback: &Feedback) -> StoreResult<()> {
        let client = self.client().await?;
        let screens: Vec<&str> = feedback.screens.iter().map(String::as_str).collect();
        client
            .execute(
                "INSERT INTO feedback (day, kiosk_id, answer, screens, answers) VALUES ($1, $2, $3, $4, 1)
                 ON CONFLICT (day, kiosk_id, answer, screens) DO UPDATE SET answers = feedback.answers + 1",
                &[
                    &feedback.date.to_string(),
                    &feedback.kiosk_id,
                    &feedback.answer.code(),
                    &screens.join(","),
                ],
            )
            .await
            .map_err(pg)?;
        Ok(())
    }

    /// The answers from `since` on, per day, kiosk and answer, oldest day first.
    pub async fn feedback_counts(
        &self,
        since: jiff::civil::Date,
    ) -> StoreResult<Vec<FeedbackCount>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT day, kiosk_id, answer, sum(answers)::BIGINT FROM feedback WHERE day >= $1
                 GROUP BY day, kiosk_id, answer ORDER BY day, kiosk_id, answer",
                &[&since.to_string()],
            )
            .await
            .map_err(pg)?;
        let bad = |what: &str| StoreError::Corrupt(format!("feedback: {what}"));
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let day: String = r.try_get(0).map_err(pg)?;
            let answer: String = r.try_get(2).map_err(pg)?;
            let answers: i64 = r.try_get(3).map_err(pg)?;
            out.push(FeedbackCount {
                day: day.parse().map_err(|_| bad("a day is not a date"))?,
                kiosk_id: r.try_get(1).map_err(pg)?,
                answer: FeedbackAnswer::from_code(&answer).ok_or_else(|| bad("an answer"))?,
                answers: u64::try_from(answers).map_err(|_| bad("a count"))?,
            });
        }
        Ok(out)
    }
}
