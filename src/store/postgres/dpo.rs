//! The DPO's reports on PostgreSQL: a port of `store::dpo` (same rows, order and errors).

use super::{PgStore, opt_ts, pg, ts};
use crate::domain::{Lang, ReportStatus, RequestStatus, Text};
use crate::store::dpo::{DpoReport, DpoUpdate, ReportedEntry};
use crate::store::requests::{answer_of, check_answer};
use crate::store::{StoreError, StoreResult};
use jiff::Timestamp;
use tokio_postgres::Row;

/// The same text as SQLite's: it binds no parameter.
use crate::store::dpo::SELECT;

fn opt_text(r: &Row, da: usize) -> StoreResult<Text> {
    Ok(Text::new(
        r.try_get::<_, Option<String>>(da)
            .map_err(pg)?
            .unwrap_or_default(),
        r.try_get::<_, Option<String>>(da + 1)
            .map_err(pg)?
            .unwrap_or_default(),
    ))
}

fn row_to_report(r: &Row) -> StoreResult<DpoReport> {
    let lang: String = r.try_get(3).map_err(pg)?;
    let status: String = r.try_get(4).map_err(pg)?;
    let bad = |what: &str| StoreError::Corrupt(format!("reports: {what}"));
    Ok(DpoReport {
        id: r.try_get(0).map_err(pg)?,
        reference: r.try_get(1).map_err(pg)?,
        filed_at: ts(r.try_get(2).map_err(pg)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| bad("a language"))?,
        status: RequestStatus::parse(&status).ok_or_else(|| bad("a status"))?,
        answer: answer_of(r.try_get(5).map_err(pg)?, r.try_get(6).map_err(pg)?),
        updated_at: ts(r.try_get(7).map_err(pg)?)?,
        entry: ReportedEntry {
            at: opt_ts(r.try_get(8).map_err(pg)?)?,
            organisation: opt_text(r, 9)?,
            unit: opt_text(r, 11)?,
            role: opt_text(r, 13)?,
            system: r.try_get(15).map_err(pg)?,
            case_ref: r.try_get(16).map_err(pg)?,
        },
    })
}

impl PgStore {
    /// The reports, oldest first, only those with `status` when given.
    pub async fn dpo_reports(&self, status: Option<RequestStatus>) -> StoreResult<Vec<DpoReport>> {
        let client = self.client().await?;
        let sql =
            format!("{SELECT} AND ($1::TEXT IS NULL OR r.status = $1) ORDER BY r.filed_at, r.id");
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let code = status.map(RequestStatus::code);
        let rows = client.query(&st, &[&code]).await.map_err(pg)?;
        rows.iter().map(row_to_report).collect()
    }

    /// One report by its request id or its reference.
    pub async fn dpo_report(&self, id_or_reference: &str) -> StoreResult<DpoReport> {
        let client = self.client().await?;
        let id: Option<i64> = id_or_reference.parse().ok();
        let sql = format!("{SELECT} AND (r.id = $1 OR r.reference = $2)");
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let row = client
            .query_opt(&st, &[&id, &id_or_reference])
            .await
            .map_err(pg)?
            .ok_or(StoreError::NotFound)?;
        row_to_report(&row)
    }

    /// Moves report `id` to under review, or answers it (same rules as SQLite's twin).
    pub async fn update_dpo_report(
        &self,
        id: i64,
        update: &DpoUpdate,
        now: Timestamp,
    ) -> StoreResult<DpoReport> {
        let report = self.dpo_report(&id.to_string()).await?;
        if report.id != id {
            return Err(StoreError::NotFound);
        }
        let (status, answer) = match update {
            DpoUpdate::UnderReview if report.status == RequestStatus::Answered => {
                return Err(StoreError::Forbidden);
            }
            DpoUpdate::UnderReview if report.status == RequestStatus::UnderReview => {
                return Ok(report);
            }
            DpoUpdate::UnderReview => (RequestStatus::UnderReview, None),
            DpoUpdate::Answered(answer) => {
                check_answer(answer, report.lang)?;
                (RequestStatus::Answered, Some(answer))
            }
        };
        let old = match status {
            RequestStatus::Answered => ReportStatus::Answered,
            _ => ReportStatus::UnderReview,
        };
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let da = answer.map(|a: &Text| a.da.trim());
        let en = answer.map(|a: &Text| a.en.trim());
        tx.execute(
            "UPDATE requests SET status = $2, answer_da = coalesce($3, answer_da),
                 answer_en = coalesce($4, answer_en), updated_at = $5, changes = changes + 1
             WHERE id = $1 AND kind = 'report'",
            &[&id, &status.code(), &da, &en, &now.as_second()],
        )
        .await
        .map_err(pg)?;
        tx.execute(
            "UPDATE access_reports SET status = $2 WHERE id = (SELECT report_id FROM requests WHERE id = $1)",
            &[&id, &old.code()],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(
            request = id,
            status = status.code(),
            "report updated by the DPO"
        );
        drop(client);
        self.dpo_report(&id.to_string()).await
    }
}
