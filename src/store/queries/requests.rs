//! The citizen's requests ("Your requests"): withdrawals and reports with their status and answers, and
//! whether something changed since the citizen last looked.

use super::categories::{CURRENT, bad_code};
use crate::domain::{CitizenId, CitizenRequest, Lang, RequestKind, RequestStatus, Text};
use crate::i18n::format_datetime;
use crate::store::requests::answer_of;
use crate::store::{Store, StoreResult, ts};
use jiff::Timestamp;
use rusqlite::params;

/// Who handles a report: the municipality's data protection officer.
fn dpo() -> Text {
    Text::new(
        "Kommunens databeskyttelsesrådgiver",
        "The municipality's data protection officer",
    )
}

/// Who handles a withdrawal of a consent that no system sent.
fn municipality() -> Text {
    Text::new("Kommunen", "The municipality")
}

fn row_to_request(r: &rusqlite::Row<'_>) -> rusqlite::Result<CitizenRequest> {
    let kind: String = r.get(2)?;
    let lang: String = r.get(4)?;
    let status: String = r.get(5)?;
    let kind = match kind.as_str() {
        "withdrawal" => RequestKind::Withdrawal,
        "report" => RequestKind::Report,
        _ => return Err(bad_code(2)),
    };
    let (about, handled_by) = match kind {
        RequestKind::Withdrawal => {
            let scope = Text::new(
                r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            );
            let system = r
                .get::<_, Option<String>>(12)?
                .map_or_else(municipality, Text::same);
            (scope, system)
        }
        RequestKind::Report => {
            let at = r.get::<_, Option<i64>>(13)?.map(ts).transpose()?;
            let org = Text::new(
                r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                r.get::<_, Option<String>>(15)?.unwrap_or_default(),
            );
            let about = |lang: Lang| match at {
                Some(at) => format!("{} · {}", format_datetime(lang, at), org.get(lang)),
                None => org.get(lang).to_owned(),
            };
            (Text::new(about(Lang::Da), about(Lang::En)), dpo())
        }
    };
    let changes: i64 = r.get(16)?;
    let seen: i64 = r.get(17)?;
    Ok(CitizenRequest {
        id: r.get(0)?,
        reference: r.get(1)?,
        kind,
        about,
        handled_by,
        filed_at: ts(r.get(3)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| bad_code(4))?,
        status: RequestStatus::parse(&status).ok_or_else(|| bad_code(5))?,
        answer: answer_of(r.get(6)?, r.get(7)?),
        updated_at: ts(r.get(8)?)?,
        unseen: changes > seen,
    })
}

impl Store {
    /// The citizen's requests, newest first. `unseen` is true for those whose status or answer changed
    /// after the citizen last marked them seen ([`Store::mark_requests_seen`]).
    pub fn citizen_requests(&self, who: &CitizenId) -> StoreResult<Vec<CitizenRequest>> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT r.id, r.reference, r.kind, r.filed_at, r.lang, r.status, r.answer_da, r.answer_en,
                    r.updated_at, r.seen_at, t.scope_da, t.scope_en, s.name, e.at, o.name_da, o.name_en,
                    r.changes, r.seen_changes
             FROM requests r
             LEFT JOIN citizen_consents k ON k.id = r.consent_id
             LEFT JOIN cat_consent_types t ON t.version_id = {CURRENT} AND t.id = k.consent_type_id
             LEFT JOIN cat_systems s ON s.version_id = {CURRENT} AND s.id = r.system_id
             LEFT JOIN access_reports ar ON ar.id = r.report_id
             LEFT JOIN access_events e ON e.id = ar.event_id
             LEFT JOIN organisations o ON o.id = e.organisation_id
             WHERE r.citizen_id = ?1
             ORDER BY r.filed_at DESC, r.id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([key], row_to_request)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks every request of the citizen seen at `now`: what changed until now is no longer new.
    pub fn mark_requests_seen(&mut self, who: &CitizenId, now: Timestamp) -> StoreResult<()> {
        let key = self.citizen_key(who)?;
        self.conn
            .prepare_cached(
                "UPDATE requests SET seen_at = ?2, seen_changes = changes
                 WHERE citizen_id = ?1 AND (seen_changes <> changes OR seen_at IS NULL)",
            )?
            .execute(params![key, now.as_second()])?;
        Ok(())
    }

    /// How many of the citizen's requests changed since they last looked (the overview's `new_answers`).
    pub(crate) fn new_answer_count(&self, key: i64) -> StoreResult<u32> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM requests WHERE citizen_id = ?1 AND changes > seen_changes",
            )?
            .query_row([key], |r| r.get(0))?)
    }
}
