//! Requests out: filing a withdrawal or a report as a request (inside the caller's transaction), and the
//! pull feed of each system with its acknowledgement.
//!
//! A withdrawal goes to the catalogue system that holds the consent (`citizen_consents.system_id`); a
//! report goes to the DPO (see [`super::dpo`]). A system knows its requests by its own `record_id` of the
//! consent: nothing that names the citizen leaves in a feed item or a webhook.

use super::queries::categories::CURRENT;
use super::{Store, StoreError, StoreResult, ts};
use crate::domain::{Lang, RequestKind, RequestStatus, Text};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

/// The longest answer or reason taken, in characters per language.
pub const MAX_ANSWER_CHARS: usize = 4000;
/// The most items one page of a system's feed holds.
pub const MAX_FEED_PAGE: u32 = 500;

/// One request as a system sees it in its feed and in a webhook: no citizen, only the system's own
/// record id of the consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemRequest {
    /// The request's id: the feed's cursor and the id to acknowledge.
    pub id: i64,
    pub reference: String,
    pub kind: RequestKind,
    /// The system's own id of the consent (as sent to `/v1/ingest/consents`).
    pub record_id: Option<String>,
    /// The catalogue consent type.
    pub consent_type: String,
    pub filed_at: Timestamp,
    /// The citizen's filing language: a refusal's reason must have a text in it.
    pub lang: Lang,
    pub status: RequestStatus,
    /// A refusal's reason.
    pub reason: Option<Text>,
}

/// What a system answers to a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AckOutcome {
    Done,
    /// Not carried out, with the reason in plain words.
    Refused(Text),
}

impl AckOutcome {
    /// The request's new status and the answer it stores; a refusal's reason must have a text in `lang`,
    /// the citizen's filing language.
    pub fn status_and_answer(&self, lang: Lang) -> StoreResult<(RequestStatus, Option<&Text>)> {
        match self {
            AckOutcome::Done => Ok((RequestStatus::Done, None)),
            AckOutcome::Refused(reason) => {
                check_answer(reason, lang)?;
                Ok((RequestStatus::Refused, Some(reason)))
            }
        }
    }
}

/// Refuses an answer or reason without a text in `lang`, or with a text that is too long.
pub fn check_answer(answer: &Text, lang: Lang) -> StoreResult<()> {
    if answer.get(lang).trim().is_empty() {
        return Err(StoreError::AnswerLacksLanguage { lang });
    }
    if [Lang::Da, Lang::En]
        .iter()
        .any(|l| answer.get(*l).chars().count() > MAX_ANSWER_CHARS)
    {
        return Err(StoreError::AnswerTooLong {
            max: MAX_ANSWER_CHARS,
        });
    }
    Ok(())
}

/// Files report `report_id` (already written, with its reference) as a request for the DPO.
pub(crate) fn file_report(
    tx: &Transaction<'_>,
    key: i64,
    report_id: i64,
    event_id: i64,
    reference: &str,
    lang: Lang,
    now: Timestamp,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO requests (citizen_id, kind, reference, report_id, entry_organisation_id, entry_system, lang,
                               status, filed_at, updated_at)
         SELECT ?1, 'report', ?2, ?3, e.organisation_id, s.name, ?5, 'sent', ?6, ?6
         FROM access_events e JOIN systems s ON s.id = e.system_id
         WHERE e.id = ?4 AND e.citizen_id = ?1",
    )?
    .execute(params![
        key,
        reference,
        report_id,
        event_id,
        lang.code(),
        now.as_second()
    ])?;
    Ok(())
}

/// Files the withdrawal of consent `consent_id` and queues it for the system that holds the consent.
/// A consent no system sent has no outbox row: the request is kept, shown to the citizen as sent.
pub(crate) fn file_withdrawal(
    tx: &Transaction<'_>,
    key: i64,
    consent_id: i64,
    lang: Lang,
    now: Timestamp,
) -> StoreResult<()> {
    let year = now.to_zoned_datetime(TimeZone::UTC).year();
    let reference = format!("IND-{year}-W{consent_id:06}");
    let inserted = tx
        .prepare_cached(
            "INSERT INTO requests (citizen_id, kind, reference, consent_id, system_id, lang, status, filed_at,
                                   updated_at)
             SELECT ?1, 'withdrawal', ?2, k.id, k.system_id, ?4, 'sent', ?5, ?5
             FROM citizen_consents k WHERE k.id = ?3 AND k.citizen_id = ?1
             ON CONFLICT (consent_id) DO NOTHING",
        )?
        .execute(params![key, reference, consent_id, lang.code(), now.as_second()])?;
    if inserted > 0 {
        let request = tx.last_insert_rowid();
        tx.prepare_cached(
            "INSERT INTO request_outbox (request_id, system_id, created_at, next_attempt_at)
             SELECT id, system_id, filed_at, filed_at FROM requests WHERE id = ?1 AND system_id IS NOT NULL",
        )?
        .execute([request])?;
        tracing::info!(request, "withdrawal filed");
    }
    Ok(())
}

const SYSTEM_REQUEST: &str =
    "SELECT r.id, r.reference, k.record_id, k.consent_type_id, r.filed_at, r.lang,
        r.status, r.answer_da, r.answer_en
     FROM request_outbox o
     JOIN requests r ON r.id = o.request_id
     JOIN citizen_consents k ON k.id = r.consent_id";

fn row_to_system_request(r: &rusqlite::Row<'_>) -> rusqlite::Result<SystemRequest> {
    let lang: String = r.get(5)?;
    let status: String = r.get(6)?;
    let bad = || super::queries::categories::bad_code(6);
    let answer = answer_of(r.get(7)?, r.get(8)?);
    let status = RequestStatus::parse(&status).ok_or_else(bad)?;
    Ok(SystemRequest {
        id: r.get(0)?,
        reference: r.get(1)?,
        kind: RequestKind::Withdrawal,
        record_id: r.get(2)?,
        consent_type: r.get(3)?,
        filed_at: ts(r.get(4)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| super::queries::categories::bad_code(5))?,
        reason: if status == RequestStatus::Refused {
            answer
        } else {
            None
        },
        status,
    })
}

/// The answer columns as a text, when there is one.
pub(crate) fn answer_of(da: Option<String>, en: Option<String>) -> Option<Text> {
    match (da, en) {
        (None, None) => None,
        (da, en) => Some(Text::new(da.unwrap_or_default(), en.unwrap_or_default())),
    }
}

impl Store {
    /// The catalogue id of the system called `name` (its id or its name, as ingest keys name it).
    pub fn catalogue_system_id(&self, name: &str) -> StoreResult<Option<String>> {
        let sql = format!(
            "SELECT id FROM cat_systems WHERE version_id = {CURRENT} AND (id = ?1 OR name = ?1)
             ORDER BY id = ?1 DESC LIMIT 1"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    /// One page of system `system_id`'s unacknowledged requests after request id `after`, in order.
    pub fn system_requests(
        &self,
        system_id: &str,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<SystemRequest>> {
        let sql = format!(
            "{SYSTEM_REQUEST} WHERE o.system_id = ?1 AND o.acked_at IS NULL AND o.request_id > ?2
             ORDER BY o.request_id LIMIT ?3"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![system_id, after, limit.clamp(1, MAX_FEED_PAGE)],
            row_to_system_request,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One of system `system_id`'s requests, acknowledged or not; another system's is NotFound.
    pub fn system_request(&self, system_id: &str, id: i64) -> StoreResult<SystemRequest> {
        let sql = format!("{SYSTEM_REQUEST} WHERE o.system_id = ?1 AND o.request_id = ?2");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![system_id, id], row_to_system_request)?)
    }

    /// Marks request `id` handled by system `system_id` with `outcome`, which sets what the citizen sees.
    /// Idempotent: a repeat ack changes nothing and answers the first outcome. Another system's request is
    /// NotFound; a refusal without a reason in the filing language is [`StoreError::AnswerLacksLanguage`].
    pub fn ack_system_request(
        &mut self,
        system_id: &str,
        id: i64,
        outcome: &AckOutcome,
        now: Timestamp,
    ) -> StoreResult<SystemRequest> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (lang, acked): (String, Option<i64>) = tx
            .prepare_cached(
                "SELECT r.lang, o.acked_at FROM request_outbox o JOIN requests r ON r.id = o.request_id
                 WHERE o.system_id = ?1 AND o.request_id = ?2",
            )?
            .query_row(params![system_id, id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if acked.is_none() {
            let lang = Lang::parse(&lang).unwrap_or_default();
            let (status, answer) = outcome.status_and_answer(lang)?;
            tx.prepare_cached(
                "UPDATE requests SET status = ?2, answer_da = ?3, answer_en = ?4, updated_at = ?5, changes = changes + 1
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                status.code(),
                answer.map(|a| a.da.as_str()),
                answer.map(|a| a.en.as_str()),
                now.as_second()
            ])?;
            tx.prepare_cached("UPDATE request_outbox SET acked_at = ?2 WHERE request_id = ?1")?
                .execute(params![id, now.as_second()])?;
            tracing::info!(request = id, status = status.code(), "request acknowledged");
        }
        tx.commit()?;
        self.system_request(system_id, id)
    }
}
