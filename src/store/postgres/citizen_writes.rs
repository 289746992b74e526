//! What the citizen changes on PostgreSQL: reports of an entry and withdrawals, each filed as a request
//! (with its outbox row) in the same transaction. Ports of `store::writes::{report_access_in,
//! withdraw_consent_in}` and `store::requests::{file_report, file_withdrawal}`.
//!
//! Ids are taken from the identity sequences only for rows that are written (an `INSERT .. ON CONFLICT`
//! whose row already exists would use one up), so the same writes give the same ids and references on
//! both engines.

use super::access_log::{get, row_to_report, text, visible_event};
use super::{PgStore, citizens, opt_ts, pg, ts};
use crate::domain::{AccessReport, Consent, Lang, ReportStatus};
use crate::store::queries::categories::CURRENT;
use crate::store::{CitizenRef, StoreError, StoreResult};
use deadpool_postgres::{GenericClient, Transaction};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use tokio_postgres::Row;

const REPORT: &str = "SELECT reference, event_id, filed_at, status FROM access_reports
     WHERE citizen_id = $1 AND event_id = $2";

/// A consent `k` with its type's scope and recipient and the purpose's name, from the current catalogue.
fn consent_select() -> String {
    format!(
        "SELECT k.id, t.scope_da, t.scope_en, t.recipient_da, t.recipient_en, p.name_da, p.name_en,
                k.given_at, k.withdrawn_at, k.withdrawal_pending
         FROM citizen_consents k
         JOIN cat_consent_types t ON t.version_id = {CURRENT} AND t.id = k.consent_type_id
         JOIN cat_purposes p ON p.version_id = t.version_id AND p.id = t.purpose_id"
    )
}

fn row_to_consent(r: &Row) -> StoreResult<Consent> {
    Ok(Consent {
        id: get(r, 0)?,
        scope: text(r, 1)?,
        recipient: text(r, 3)?,
        purpose: text(r, 5)?,
        given_at: ts(get(r, 7)?)?,
        withdrawn_at: opt_ts(get(r, 8)?)?,
        withdrawal_pending: get::<i64>(r, 9)? != 0,
    })
}

/// The citizen's report of `event`, if there is one.
async fn existing_report<C: GenericClient>(
    c: &C,
    key: i64,
    event: i64,
) -> StoreResult<Option<AccessReport>> {
    let st = c.prepare_cached(REPORT).await.map_err(pg)?;
    let row = c.query_opt(&st, &[&key, &event]).await.map_err(pg)?;
    row.as_ref().map(row_to_report).transpose()
}

/// Files report `report_id` (already written, with its reference) as a request for the DPO.
async fn file_report(
    tx: &Transaction<'_>,
    key: i64,
    report_id: i64,
    event_id: i64,
    reference: &str,
    lang: Lang,
    now: i64,
) -> StoreResult<()> {
    let st = tx
        .prepare_cached(
            "INSERT INTO requests (citizen_id, kind, reference, report_id, entry_organisation_id, entry_system,
                                   lang, status, filed_at, updated_at)
             SELECT $1, 'report', $2, $3, e.organisation_id, s.name, $5, 'sent', $6, $6
             FROM access_events e JOIN systems s ON s.id = e.system_id
             WHERE e.id = $4 AND e.citizen_id = $1",
        )
        .await
        .map_err(pg)?;
    tx.execute(
        &st,
        &[&key, &reference, &report_id, &event_id, &lang.code(), &now],
    )
    .await
    .map_err(pg)?;
    Ok(())
}

/// Files the withdrawal of consent `consent_id` and queues it for the system that holds the consent
/// (a consent no system sent has no outbox row). A consent withdrawn before keeps its first request.
async fn file_withdrawal(
    tx: &Transaction<'_>,
    key: i64,
    consent_id: i64,
    lang: Lang,
    now: Timestamp,
) -> StoreResult<()> {
    let year = now.to_zoned_datetime(TimeZone::UTC).year();
    let reference = format!("IND-{year}-W{consent_id:06}");
    let st = tx
        .prepare_cached(
            "INSERT INTO requests (citizen_id, kind, reference, consent_id, system_id, lang, status, filed_at,
                                   updated_at)
             SELECT $1, 'withdrawal', $2, k.id, k.system_id, $4, 'sent', $5, $5
             FROM citizen_consents k
             WHERE k.id = $3 AND k.citizen_id = $1
               AND NOT EXISTS (SELECT 1 FROM requests q WHERE q.consent_id = k.id)
             ON CONFLICT (consent_id) DO NOTHING
             RETURNING id",
        )
        .await
        .map_err(pg)?;
    let row = tx
        .query_opt(
            &st,
            &[
                &key,
                &reference,
                &consent_id,
                &lang.code(),
                &now.as_second(),
            ],
        )
        .await
        .map_err(pg)?;
    if let Some(row) = row {
        let request: i64 = get(&row, 0)?;
        let st = tx
            .prepare_cached(
                "INSERT INTO request_outbox (request_id, system_id, created_at, next_attempt_at)
                 SELECT id, system_id, filed_at, filed_at FROM requests WHERE id = $1 AND system_id IS NOT NULL",
            )
            .await
            .map_err(pg)?;
        tx.execute(&st, &[&request]).await.map_err(pg)?;
        tracing::info!(request, "withdrawal filed");
    }
    Ok(())
}

impl PgStore {
    /// Files "I don't recognise this" on a visible entry of the citizen's log, as a report and a request
    /// for the DPO in one transaction; `true` when it is new. Filing twice, or from two servers at once,
    /// gives one report: the second answers the first. Another citizen's or a deferred entry is NotFound.
    pub async fn report_access(
        &self,
        who: &CitizenRef,
        event: i64,
        lang: Lang,
        now: Timestamp,
    ) -> StoreResult<(bool, AccessReport)> {
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        visible_event(&client, key, event, now).await?;
        if let Some(report) = existing_report(&client, key, event).await? {
            return Ok((false, report));
        }
        let now_s = now.as_second();
        let tx = client.transaction().await.map_err(pg)?;
        // A placeholder reference, unique to (citizen, entry), until the id is known. A report filed at
        // the same time by another transaction makes this one wait, then write nothing.
        let st = tx
            .prepare_cached(
                "INSERT INTO access_reports (citizen_id, event_id, reference, filed_at, status)
                 VALUES ($1, $2, $4, $3, 'received')
                 ON CONFLICT (citizen_id, event_id) DO NOTHING
                 RETURNING id",
            )
            .await
            .map_err(pg)?;
        let pending = format!("pending-{event}-{key}");
        let inserted = tx
            .query_opt(&st, &[&key, &event, &now_s, &pending])
            .await
            .map_err(pg)?;
        let Some(row) = inserted else {
            // Filed meanwhile and committed: this statement sees it (read committed).
            let report = existing_report(&tx, key, event)
                .await?
                .ok_or(StoreError::NotFound)?;
            tx.commit().await.map_err(pg)?;
            return Ok((false, report));
        };
        let id: i64 = get(&row, 0)?;
        let year = now.to_zoned_datetime(TimeZone::UTC).year();
        let reference = format!("IND-{year}-{id:06}");
        let st = tx
            .prepare_cached("UPDATE access_reports SET reference = $1 WHERE id = $2")
            .await
            .map_err(pg)?;
        tx.execute(&st, &[&reference, &id]).await.map_err(pg)?;
        file_report(&tx, key, id, event, &reference, lang, now_s).await?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(report = id, event, "access report filed");
        Ok((
            true,
            AccessReport {
                reference,
                event_id: event,
                // As stored (whole seconds), so the first answer equals every later one.
                filed_at: ts(now_s)?,
                status: ReportStatus::Received,
            },
        ))
    }

    /// Withdraws one of the citizen's consents at `now`, filed in `lang` as a request and queued for the
    /// system that holds it, in one transaction. Idempotent: an already withdrawn consent keeps its first
    /// withdrawal time. Another citizen's consent is NotFound.
    pub async fn withdraw_consent(
        &self,
        who: &CitizenRef,
        id: i64,
        lang: Lang,
        now: Timestamp,
    ) -> StoreResult<Consent> {
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let tx = client.transaction().await.map_err(pg)?;
        let st = tx
            .prepare_cached(
                "UPDATE citizen_consents SET withdrawn_at = $3, withdrawal_pending = 0
                 WHERE id = $1 AND citizen_id = $2 AND withdrawn_at IS NULL",
            )
            .await
            .map_err(pg)?;
        let changed = tx
            .execute(&st, &[&id, &key, &now.as_second()])
            .await
            .map_err(pg)?;
        let sql = format!("{} WHERE k.id = $1 AND k.citizen_id = $2", consent_select());
        let st = tx.prepare_cached(&sql).await.map_err(pg)?;
        let row = tx
            .query_opt(&st, &[&id, &key])
            .await
            .map_err(pg)?
            .ok_or(StoreError::NotFound)?;
        let consent = row_to_consent(&row)?;
        if changed > 0 {
            file_withdrawal(&tx, key, id, lang, now).await?;
        }
        tx.commit().await.map_err(pg)?;
        if changed > 0 {
            tracing::info!(consent = id, "consent withdrawn");
        }
        Ok(consent)
    }
}
