//! The data protection officer's side of the reports: list them, look at one, move it to under review or
//! answer it. The DPO sees the reported entry (when, who, which system), never who the citizen is.

use super::requests::{answer_of, check_answer};
use super::{Store, StoreResult, opt_ts, ts};
use crate::domain::{Lang, ReportStatus, RequestStatus, Text};
use jiff::Timestamp;
use rusqlite::{TransactionBehavior, params};
use serde::{Deserialize, Serialize};

/// The access-log entry a report is about, as the DPO sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedEntry {
    pub at: Option<Timestamp>,
    pub organisation: Text,
    pub unit: Text,
    pub role: Text,
    pub system: String,
    pub case_ref: Option<String>,
}

/// One report, as the DPO sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DpoReport {
    pub id: i64,
    pub reference: String,
    pub filed_at: Timestamp,
    /// The citizen's filing language: an answer needs a text in it.
    pub lang: Lang,
    /// `sent`, `under_review` or `answered`.
    pub status: RequestStatus,
    pub answer: Option<Text>,
    pub updated_at: Timestamp,
    pub entry: ReportedEntry,
}

/// What the DPO does with a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DpoUpdate {
    UnderReview,
    /// Answered, with the answer in plain words (at least in the filing language).
    Answered(Text),
}

/// The DPO's reports with their entries; PostgreSQL reads them with the same text.
pub(crate) const SELECT: &str =
    "SELECT r.id, r.reference, r.filed_at, r.lang, r.status, r.answer_da, r.answer_en,
        r.updated_at, e.at, o.name_da, o.name_en, u.name_da, u.name_en, ro.name_da, ro.name_en,
        coalesce(s.name, r.entry_system, ''), e.case_ref
     FROM requests r
     JOIN access_reports ar ON ar.id = r.report_id
     LEFT JOIN access_events e ON e.id = ar.event_id
     LEFT JOIN organisations o ON o.id = e.organisation_id
     LEFT JOIN units u ON u.id = e.unit_id
     LEFT JOIN roles ro ON ro.id = e.role_id
     LEFT JOIN systems s ON s.id = e.system_id
     WHERE r.kind = 'report'";

fn opt_text(r: &rusqlite::Row<'_>, da: usize) -> rusqlite::Result<Text> {
    Ok(Text::new(
        r.get::<_, Option<String>>(da)?.unwrap_or_default(),
        r.get::<_, Option<String>>(da + 1)?.unwrap_or_default(),
    ))
}

fn row_to_report(r: &rusqlite::Row<'_>) -> rusqlite::Result<DpoReport> {
    let lang: String = r.get(3)?;
    let status: String = r.get(4)?;
    let bad = super::queries::categories::bad_code;
    Ok(DpoReport {
        id: r.get(0)?,
        reference: r.get(1)?,
        filed_at: ts(r.get(2)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| bad(3))?,
        status: RequestStatus::parse(&status).ok_or_else(|| bad(4))?,
        answer: answer_of(r.get(5)?, r.get(6)?),
        updated_at: ts(r.get(7)?)?,
        entry: ReportedEntry {
            at: opt_ts(r.get(8)?)?,
            organisation: opt_text(r, 9)?,
            unit: opt_text(r, 11)?,
            role: opt_text(r, 13)?,
            system: r.get(15)?,
            case_ref: r.get(16)?,
        },
    })
}

impl Store {
    /// The reports, oldest first, only those with `status` when given.
    pub fn dpo_reports(&self, status: Option<RequestStatus>) -> StoreResult<Vec<DpoReport>> {
        let sql = format!("{SELECT} AND (?1 IS NULL OR r.status = ?1) ORDER BY r.filed_at, r.id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([status.map(RequestStatus::code)], row_to_report)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One report by its request id or its reference.
    pub fn dpo_report(&self, id_or_reference: &str) -> StoreResult<DpoReport> {
        let id: Option<i64> = id_or_reference.parse().ok();
        let sql = format!("{SELECT} AND (r.id = ?1 OR r.reference = ?2)");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![id, id_or_reference], row_to_report)?)
    }

    /// Moves report `id` to under review, or answers it. An answer needs a text in the citizen's filing
    /// language ([`crate::store::StoreError::AnswerLacksLanguage`] names it); an answered report is not
    /// moved back to under review (NotFound is for ids that are no report).
    pub fn update_dpo_report(
        &mut self,
        id: i64,
        update: &DpoUpdate,
        now: Timestamp,
    ) -> StoreResult<DpoReport> {
        let report = self.dpo_report(&id.to_string())?;
        if report.id != id {
            return Err(super::StoreError::NotFound);
        }
        let (status, answer) = match update {
            DpoUpdate::UnderReview if report.status == RequestStatus::Answered => {
                return Err(super::StoreError::Forbidden);
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "UPDATE requests SET status = ?2, answer_da = coalesce(?3, answer_da), answer_en = coalesce(?4, answer_en),
                                 updated_at = ?5, changes = changes + 1
             WHERE id = ?1 AND kind = 'report'",
        )?
        .execute(params![
            id,
            status.code(),
            answer.map(|a| a.da.trim()),
            answer.map(|a| a.en.trim()),
            now.as_second()
        ])?;
        tx.prepare_cached(
            "UPDATE access_reports SET status = ?2 WHERE id = (SELECT report_id FROM requests WHERE id = ?1)",
        )?
        .execute(params![id, old.code()])?;
        tx.commit()?;
        tracing::info!(
            request = id,
            status = status.code(),
            "report updated by the DPO"
        );
        self.dpo_report(&id.to_string())
    }
}
