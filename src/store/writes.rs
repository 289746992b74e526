//! Writes: "I don't recognise this" reports, consent withdrawal, and kiosk visits.

use crate::domain::port::KioskVisit;
use crate::domain::{AccessReport, CitizenId, Consent, Lang, ReportStatus, Text};
use crate::store::dims::{self, NameTable, NewPurpose};
use crate::store::kiosk_entry::{
    CITIZEN_SERVICE_AREA, CITIZEN_SERVICE_SORT, Visitor, helper_code, kiosk_entry,
};
use crate::store::queries::consents::{consent_select, row_to_consent};
use crate::store::requests;
use crate::store::{Store, StoreResult, queries::access_log::action_code, ts};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

pub(crate) fn row_to_report(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccessReport> {
    let status: String = r.get(3)?;
    Ok(AccessReport {
        reference: r.get(0)?,
        event_id: r.get(1)?,
        filed_at: ts(r.get(2)?)?,
        status: ReportStatus::from_code(&status)
            .ok_or_else(|| crate::store::queries::categories::bad_code(3))?,
    })
}

/// The municipality's name as stored in `meta` (the demo writes it), else "Kommunen".
pub(crate) fn municipality(conn: &rusqlite::Connection) -> StoreResult<Text> {
    let da = dims::meta(conn, "municipality_da")?.unwrap_or_else(|| "Kommunen".into());
    let en = dims::meta(conn, "municipality_en")?.unwrap_or_else(|| "The municipality".into());
    Ok(Text::new(da, en))
}

impl Store {
    /// Files "I don't recognise this" on a visible entry of the citizen's log. Filing twice on the same
    /// entry returns the first report. Another citizen's entry, or a deferred one, is NotFound.
    pub fn report_access(
        &mut self,
        who: &CitizenId,
        event_id: i64,
        now: Timestamp,
    ) -> StoreResult<AccessReport> {
        self.report_access_in(who, event_id, Lang::Da, now)
    }

    /// [`Store::report_access`], filed in `lang` (the language the citizen used). The report is also filed
    /// as a request for the DPO, in the same transaction.
    pub fn report_access_in(
        &mut self,
        who: &CitizenId,
        event_id: i64,
        lang: Lang,
        now: Timestamp,
    ) -> StoreResult<AccessReport> {
        let key = self.citizen_key(who)?;
        self.visible_event(key, event_id, now)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .prepare_cached(
                "SELECT reference, event_id, filed_at, status FROM access_reports WHERE citizen_id = ?1 AND event_id = ?2",
            )?
            .query_row([key, event_id], row_to_report)
            .optional()?;
        if let Some(report) = existing {
            return Ok(report);
        }
        let year = now.to_zoned_datetime(TimeZone::UTC).year();
        tx.prepare_cached(
            "INSERT INTO access_reports (citizen_id, event_id, reference, filed_at, status)
             VALUES (?1, ?2, 'pending-' || ?2 || '-' || ?1, ?3, 'received')",
        )?
        .execute(params![key, event_id, now.as_second()])?;
        let id = tx.last_insert_rowid();
        let reference = format!("IND-{year}-{id:06}");
        tx.prepare_cached("UPDATE access_reports SET reference = ?1 WHERE id = ?2")?
            .execute(params![reference, id])?;
        requests::file_report(&tx, key, id, event_id, &reference, lang, now)?;
        tx.commit()?;
        tracing::info!(report = id, event = event_id, "access report filed");
        Ok(AccessReport {
            reference,
            event_id,
            // As stored (whole seconds), so the first answer equals every later one.
            filed_at: Timestamp::from_second(now.as_second()).unwrap_or(now),
            status: ReportStatus::Received,
        })
    }

    /// Withdraws one of the citizen's consents at `now`. Idempotent: an already withdrawn consent keeps its
    /// first withdrawal time. Another citizen's consent is NotFound.
    pub fn withdraw_consent(
        &mut self,
        who: &CitizenId,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<Consent> {
        self.withdraw_consent_in(who, id, Lang::Da, now)
    }

    /// [`Store::withdraw_consent`], filed in `lang`. A new withdrawal is filed as a request and queued for
    /// the system that holds the consent, in the same transaction.
    pub fn withdraw_consent_in(
        &mut self,
        who: &CitizenId,
        id: i64,
        lang: Lang,
        now: Timestamp,
    ) -> StoreResult<Consent> {
        let key = self.citizen_key(who)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx
            .prepare_cached(
                "UPDATE citizen_consents SET withdrawn_at = ?3, withdrawal_pending = 0
                 WHERE id = ?1 AND citizen_id = ?2 AND withdrawn_at IS NULL",
            )?
            .execute(params![id, key, now.as_second()])?;
        let sql = format!("{} WHERE k.id = ?1 AND k.citizen_id = ?2", consent_select());
        let consent = tx
            .prepare_cached(&sql)?
            .query_row([id, key], row_to_consent)?;
        if changed > 0 {
            requests::file_withdrawal(&tx, key, id, lang, now)?;
        }
        tx.commit()?;
        if changed > 0 {
            tracing::info!(consent = id, "consent withdrawn");
        }
        Ok(consent)
    }

    /// Records a kiosk visit: a `kiosk_visits` row and an entry in the citizen's own access log.
    /// Returns the id of the log entry. Nothing about the helper is kept beyond staff/volunteer.
    pub fn record_visit(&mut self, who: &CitizenId, visit: &KioskVisit) -> StoreResult<i64> {
        self.record_visit_by(who, visit, &Visitor::Citizen)
    }

    /// Records a kiosk visit to `who`'s data by `visitor`. Someone acting for them: the visit is in both
    /// logs (each from its side), and the `kiosk_visits` row keeps the actor apart from the subject. A visit
    /// staff opened: the entry says so; who the staff member was stays in the municipality's audit. Returns
    /// the id of the entry in `who`'s log.
    pub fn record_visit_by(
        &mut self,
        who: &CitizenId,
        visit: &KioskVisit,
        visitor: &Visitor,
    ) -> StoreResult<i64> {
        let key = self.citizen_key(who)?;
        let actor = visitor
            .actor_side()
            .map(|(actor, side)| {
                let id = self.citizen_by_ref(actor)?.id.clone();
                Ok::<_, crate::store::StoreError>((self.citizen_key(&id)?, side))
            })
            .transpose()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let event = kiosk_event(&tx, key, visit, visitor.subject_side().as_ref())?;
        let actor_event = actor
            .as_ref()
            .map(|(actor, side)| kiosk_event(&tx, *actor, visit, Some(side)))
            .transpose()?;
        tx.prepare_cached(
            "INSERT INTO kiosk_visits (citizen_id, kiosk_id, location, started_at, helper, event_id,
                                       actor_citizen_id, basis, actor_event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            key,
            visit.kiosk_id,
            visit.location,
            visit.started_at.as_second(),
            helper_code(visit.helper),
            event,
            actor.map(|(a, _)| a),
            visitor.basis_code(),
            actor_event
        ])?;
        tx.commit()?;
        tracing::info!(event, basis = visitor.basis_code(), "kiosk visit recorded");
        Ok(event)
    }
}

/// One kiosk visit's entry in the log of citizen `key`, seen from `side`.
fn kiosk_event(
    tx: &rusqlite::Transaction<'_>,
    key: i64,
    visit: &KioskVisit,
    side: Option<&crate::domain::OnBehalf>,
) -> StoreResult<i64> {
    let e = kiosk_entry(&municipality(tx)?, visit, side);
    let org = dims::name_id(tx, NameTable::Organisations, &e.organisation)?;
    let unit = dims::name_id(tx, NameTable::Units, &e.unit)?;
    let role = dims::name_id(tx, NameTable::Roles, &e.role)?;
    let kind = dims::name_id(tx, NameTable::DataKinds, &e.kind)?;
    let system = dims::system_id(tx, crate::domain::KIOSK_SYSTEM)?;
    let area = dims::area_id(
        tx,
        CITIZEN_SERVICE_AREA,
        CITIZEN_SERVICE_SORT,
        &e.area_name,
        &e.area_description,
    )?;
    let lb = dims::legal_basis_id(tx, &e.legal_basis)?;
    let purpose = dims::purpose_id(
        tx,
        &NewPurpose {
            name: &e.purpose,
            description: &e.purpose_description,
            legal_basis: lb,
            lawfulness: e.lawfulness,
            how_to_object: &e.how_to_object,
        },
    )?;
    tx.prepare_cached(
        "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                                    area_id, kind_id, action, purpose_id, case_ref, batch_run_id,
                                    batch_records, hidden_until, on_behalf, on_behalf_name)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8, ?9, ?10, NULL, NULL, NULL, NULL, ?11, ?12)",
    )?
    .execute(params![
        key,
        visit.started_at.as_second(),
        org,
        unit,
        role,
        system,
        area,
        kind,
        action_code(crate::domain::Action::Viewed),
        purpose,
        side.map(|s| s.code()),
        side.map(|s| s.name())
    ])?;
    Ok(tx.last_insert_rowid())
}
