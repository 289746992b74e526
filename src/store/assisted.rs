//! Visits a member of staff opens for a citizen without MitID on their phone: the session (a random token,
//! kept only as its SHA-256, for at most the kiosk's session time) and the municipality's own audit of
//! every attempt, with the staff member's identity. The citizen's log shows the visit, never who the staff
//! member was. The twin on PostgreSQL is `postgres::assisted`.

use crate::store::{CitizenRef, Store, StoreResult};
use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

/// What an attempt came to, as the audit keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffOutcome {
    Opened,
    BadToken,
    NoRole,
    KioskNotAllowed,
    MalformedCpr,
    UnknownCitizen,
}

impl StaffOutcome {
    pub fn code(self) -> &'static str {
        match self {
            StaffOutcome::Opened => "opened",
            StaffOutcome::BadToken => "bad_token",
            StaffOutcome::NoRole => "no_role",
            StaffOutcome::KioskNotAllowed => "kiosk_not_allowed",
            StaffOutcome::MalformedCpr => "malformed_cpr",
            StaffOutcome::UnknownCitizen => "unknown_citizen",
        }
    }
}

/// One attempt, for the audit.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffAttempt {
    pub at: Timestamp,
    pub kiosk_id: String,
    /// The staff member's subject, when their token was valid.
    pub staff: Option<String>,
    pub staff_name: Option<String>,
    pub outcome: StaffOutcome,
}

impl std::fmt::Debug for StaffAttempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaffAttempt")
            .field("kiosk_id", &self.kiosk_id)
            .field("outcome", &self.outcome)
            .finish_non_exhaustive()
    }
}

/// An open session: whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssistedSession {
    pub citizen: CitizenRef,
    pub expires_at: Timestamp,
}

impl Store {
    /// Writes one attempt into the audit; for an opened session also the session (by its token's hash)
    /// for the citizen with `citizen_key`. `Ok(false)`: no such citizen (the attempt is audited as such).
    pub fn record_staff_attempt(
        &mut self,
        attempt: &StaffAttempt,
        session: Option<(&str, &str, Timestamp)>,
    ) -> StoreResult<bool> {
        let tx = self.conn.transaction()?;
        let citizen: Option<i64> = match session {
            Some((key, _, _)) => tx
                .prepare_cached("SELECT id FROM citizens WHERE cpr_key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?,
            None => None,
        };
        let outcome = match (session, citizen) {
            (Some(_), None) => StaffOutcome::UnknownCitizen,
            _ => attempt.outcome,
        };
        tx.prepare_cached(
            "INSERT INTO staff_sign_ins (at, kiosk_id, staff_subject, staff_name, outcome, citizen_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            attempt.at.as_second(),
            attempt.kiosk_id,
            attempt.staff,
            attempt.staff_name,
            outcome.code(),
            citizen
        ])?;
        let audit = tx.last_insert_rowid();
        if let (Some((_, hash, expires)), Some(citizen)) = (session, citizen) {
            tx.prepare_cached(
                "INSERT INTO assisted_sessions (token_sha256, citizen_id, sign_in_id, kiosk_id, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                hash,
                citizen,
                audit,
                attempt.kiosk_id,
                attempt.at.as_second(),
                expires.as_second()
            ])?;
        }
        tx.commit()?;
        Ok(session.is_none() || citizen.is_some())
    }

    /// The open session whose token has this hash, if it has not expired or ended.
    pub fn assisted_session(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<AssistedSession>> {
        let row: Option<(Option<String>, String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT c.cpr_key, c.subject, s.expires_at FROM assisted_sessions s
                 JOIN citizens c ON c.id = s.citizen_id
                 WHERE s.token_sha256 = ?1 AND s.ended_at IS NULL AND s.expires_at > ?2",
            )?
            .query_row(params![hash, now.as_second()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        row.map(|(key, subject, expires)| {
            Ok(AssistedSession {
                citizen: key.map_or(CitizenRef::Subject(subject), CitizenRef::CprKey),
                expires_at: crate::store::ts(expires)?,
            })
        })
        .transpose()
    }

    /// Ends the session at sign-out: its token opens nothing from now on.
    pub fn end_assisted_session(&mut self, hash: &str, now: Timestamp) -> StoreResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE assisted_sessions SET ended_at = ?2 WHERE token_sha256 = ?1 AND ended_at IS NULL",
            )?
            .execute(params![hash, now.as_second()])?;
        Ok(())
    }
}
