//! The demo's requests, through the same store calls as the kiosk, the systems and the DPO: the elderly
//! citizen withdrew a consent (the system has carried it out, and she has seen that), and reported two
//! look-ups: the DPO has answered one since her last visit and is looking into the other.

use super::writer::DAY;
use super::{BASE, DemoError};
use crate::domain::{CitizenId, Lang, Text};
use crate::store::dpo::DpoUpdate;
use crate::store::requests::AckOutcome;
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use rusqlite::{OptionalExtension, TransactionBehavior};

/// The hand-written citizen whose requests the demo shows (Inger Marie Holm).
const CITIZEN: &str = "c-7f3a9b";

fn at(days_ago: i64, hour: i64) -> Result<Timestamp, DemoError> {
    Timestamp::from_second(BASE - days_ago * DAY + hour * 3600)
        .map_err(|_| super::writer::missing("time", "request"))
}

pub(super) fn write(store: &mut Store) -> Result<(), DemoError> {
    let who = CitizenId(CITIZEN.to_owned());
    let key = store.citizen_key(&who)?;
    // Her withdrawn consent: the withdrawal went to the system that holds it, which carried it out.
    let withdrawn: Option<(i64, i64, String)> = store
        .conn
        .query_row(
            "SELECT id, withdrawn_at, system_id FROM citizen_consents
             WHERE citizen_id = ?1 AND withdrawn_at IS NOT NULL ORDER BY id LIMIT 1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((consent, when, system)) = withdrawn {
        let filed =
            Timestamp::from_second(when).map_err(|_| super::writer::missing("time", "consent"))?;
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        crate::store::requests::file_withdrawal(&tx, key, consent, Lang::Da, filed)?;
        tx.commit()?;
        let id: i64 = store.conn.query_row(
            "SELECT id FROM requests WHERE citizen_id = ?1 AND consent_id = ?2",
            [key, consent],
            |r| r.get(0),
        )?;
        store.ack_system_request(
            &system,
            id,
            &AckOutcome::Done,
            filed + jiff::SignedDuration::from_hours(50),
        )?;
    }
    // Two reports on older look-ups in her log (not among the newest ten, which stay unreported).
    let events: Vec<i64> = store
        .conn
        .prepare(
            "SELECT id FROM access_events WHERE citizen_id = ?1 AND hidden_until IS NULL AND at < ?2
             ORDER BY at DESC, id DESC LIMIT 2 OFFSET 10",
        )?
        .query_map([key, BASE - 30 * DAY], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let [answered, reviewed] = events.as_slice() else {
        return Err(super::writer::missing("access events", CITIZEN));
    };
    let first = store.report_access_in(&who, *reviewed, Lang::Da, at(20, 11)?)?;
    let second = store.report_access_in(&who, *answered, Lang::Da, at(12, 10)?)?;
    let id_of = |store: &Store, reference: &str| -> Result<i64, StoreError> {
        Ok(store.conn.query_row(
            "SELECT id FROM requests WHERE reference = ?1",
            [reference],
            |r| r.get(0),
        )?)
    };
    let reviewed_id = id_of(store, &first.reference)?;
    store.update_dpo_report(reviewed_id, &DpoUpdate::UnderReview, at(18, 9)?)?;
    // She looked at her requests on a visit 15 days ago; the answer came after that.
    store.mark_requests_seen(&who, at(15, 13)?)?;
    let answered_id = id_of(store, &second.reference)?;
    let answer = Text::new(
        "Vi har undersøgt opslaget. Medarbejderen skulle bruge oplysningerne i en sag om dig. Det var i orden.",
        "We have looked into it. The employee needed the data for a case about you. That was in order.",
    );
    store.update_dpo_report(answered_id, &DpoUpdate::Answered(answer), at(3, 14)?)?;
    Ok(())
}
