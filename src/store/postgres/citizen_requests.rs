//! "Your requests" on PostgreSQL: the citizen's withdrawals and reports with their status and answers,
//! and whether something changed since the citizen last looked. The port of `store::queries::requests`.

use super::access_log::get;
use super::{PgStore, citizens, opt_ts, pg, ts};
use crate::domain::{CitizenRequest, Lang, RequestKind, RequestStatus, Text};
use crate::i18n::format_datetime;
use crate::store::queries::categories::CURRENT;
use crate::store::requests::answer_of;
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::Timestamp;
use tokio_postgres::Row;

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

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("requests: {what}"))
}

/// Two optional columns as a text, an absent one empty.
fn opt_text(r: &Row, da: usize) -> StoreResult<Text> {
    Ok(Text::new(
        get::<Option<String>>(r, da)?.unwrap_or_default(),
        get::<Option<String>>(r, da + 1)?.unwrap_or_default(),
    ))
}

fn row_to_request(r: &Row) -> StoreResult<CitizenRequest> {
    let kind: String = get(r, 2)?;
    let lang: String = get(r, 4)?;
    let status: String = get(r, 5)?;
    let kind = match kind.as_str() {
        "withdrawal" => RequestKind::Withdrawal,
        "report" => RequestKind::Report,
        _ => return Err(corrupt("a kind")),
    };
    let (about, handled_by) = match kind {
        RequestKind::Withdrawal => {
            let system = get::<Option<String>>(r, 12)?.map_or_else(municipality, Text::same);
            (opt_text(r, 10)?, system)
        }
        RequestKind::Report => {
            let at = opt_ts(get(r, 13)?)?;
            let org = opt_text(r, 14)?;
            let about = |lang: Lang| match at {
                Some(at) => format!("{} · {}", format_datetime(lang, at), org.get(lang)),
                None => org.get(lang).to_owned(),
            };
            (Text::new(about(Lang::Da), about(Lang::En)), dpo())
        }
    };
    let changes: i64 = get(r, 16)?;
    let seen: i64 = get(r, 17)?;
    Ok(CitizenRequest {
        id: get(r, 0)?,
        reference: get(r, 1)?,
        kind,
        about,
        handled_by,
        filed_at: ts(get(r, 3)?)?,
        lang: Lang::parse(&lang).ok_or_else(|| corrupt("a language"))?,
        status: RequestStatus::parse(&status).ok_or_else(|| corrupt("a status"))?,
        answer: answer_of(get(r, 6)?, get(r, 7)?),
        updated_at: ts(get(r, 8)?)?,
        unseen: changes > seen,
    })
}

impl PgStore {
    /// The citizen's requests, newest first. `unseen` is true for those whose status or answer changed
    /// after the citizen last marked them seen ([`PgStore::mark_requests_seen`]).
    pub async fn citizen_requests(&self, who: &CitizenRef) -> StoreResult<Vec<CitizenRequest>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        // A report's entry is the citizen's own: `e.citizen_id` lets the entry be found by its index.
        let sql = format!(
            "SELECT r.id, r.reference, r.kind, r.filed_at, r.lang, r.status, r.answer_da, r.answer_en,
                    r.updated_at, r.seen_at, t.scope_da, t.scope_en, s.name, e.at, o.name_da, o.name_en,
                    r.changes, r.seen_changes
             FROM requests r
             LEFT JOIN citizen_consents k ON k.id = r.consent_id
             LEFT JOIN cat_consent_types t ON t.version_id = {CURRENT} AND t.id = k.consent_type_id
             LEFT JOIN cat_systems s ON s.version_id = {CURRENT} AND s.id = r.system_id
             LEFT JOIN access_reports ar ON ar.id = r.report_id
             LEFT JOIN access_events e ON e.citizen_id = ar.citizen_id AND e.id = ar.event_id
             LEFT JOIN organisations o ON o.id = e.organisation_id
             WHERE r.citizen_id = $1
             ORDER BY r.filed_at DESC, r.id DESC"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let rows = client.query(&st, &[&key]).await.map_err(pg)?;
        rows.iter().map(row_to_request).collect()
    }

    /// Marks every request of the citizen seen at `now`: what changed until now is no longer new.
    pub async fn mark_requests_seen(&self, who: &CitizenRef, now: Timestamp) -> StoreResult<()> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let st = client
            .prepare_cached(
                "UPDATE requests SET seen_at = $2, seen_changes = changes
                 WHERE citizen_id = $1 AND (seen_changes <> changes OR seen_at IS NULL)",
            )
            .await
            .map_err(pg)?;
        client
            .execute(&st, &[&key, &now.as_second()])
            .await
            .map_err(pg)?;
        Ok(())
    }
}
