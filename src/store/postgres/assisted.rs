//! Staff-opened visits on PostgreSQL: the twin of `store::assisted`.

use super::{PgStore, pg};
use crate::store::assisted::{AssistedSession, StaffAttempt, StaffOutcome};
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::Timestamp;

impl PgStore {
    /// Writes one attempt into the audit, and for an opened session the session. `Ok(false)`: no such
    /// citizen.
    pub async fn record_staff_attempt(
        &self,
        attempt: &StaffAttempt,
        session: Option<(&str, &str, Timestamp)>,
    ) -> StoreResult<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let citizen: Option<i64> = match session {
            Some((key, _, _)) => {
                let st = tx
                    .prepare_cached("SELECT id FROM citizens WHERE cpr_key = $1")
                    .await
                    .map_err(pg)?;
                match tx.query_opt(&st, &[&key]).await.map_err(pg)? {
                    Some(row) => Some(row.try_get(0).map_err(pg)?),
                    None => None,
                }
            }
            None => None,
        };
        let outcome = match (session, citizen) {
            (Some(_), None) => StaffOutcome::UnknownCitizen,
            _ => attempt.outcome,
        };
        let st = tx
            .prepare_cached(
                "INSERT INTO staff_sign_ins (at, kiosk_id, staff_subject, staff_name, outcome, citizen_id)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .await
            .map_err(pg)?;
        let row = tx
            .query_one(
                &st,
                &[
                    &attempt.at.as_second(),
                    &attempt.kiosk_id,
                    &attempt.staff,
                    &attempt.staff_name,
                    &outcome.code(),
                    &citizen,
                ],
            )
            .await
            .map_err(pg)?;
        let audit: i64 = row.try_get(0).map_err(pg)?;
        if let (Some((_, hash, expires)), Some(citizen)) = (session, citizen) {
            let st = tx
                .prepare_cached(
                    "INSERT INTO assisted_sessions (token_sha256, citizen_id, sign_in_id, kiosk_id, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .await
                .map_err(pg)?;
            tx.execute(
                &st,
                &[
                    &hash,
                    &citizen,
                    &audit,
                    &attempt.kiosk_id,
                    &attempt.at.as_second(),
                    &expires.as_second(),
                ],
            )
            .await
            .map_err(pg)?;
        }
        tx.commit().await.map_err(pg)?;
        Ok(session.is_none() || citizen.is_some())
    }

    /// The open session whose token has this hash, if it has not expired or ended.
    pub async fn assisted_session(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<AssistedSession>> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "SELECT c.cpr_key, c.subject, s.expires_at FROM assisted_sessions s
                 JOIN citizens c ON c.id = s.citizen_id
                 WHERE s.token_sha256 = $1 AND s.ended_at IS NULL AND s.expires_at > $2",
            )
            .await
            .map_err(pg)?;
        let Some(row) = client
            .query_opt(&st, &[&hash, &now.as_second()])
            .await
            .map_err(pg)?
        else {
            return Ok(None);
        };
        let key: Option<String> = row.try_get(0).map_err(pg)?;
        let subject: String = row.try_get(1).map_err(pg)?;
        let expires: i64 = row.try_get(2).map_err(pg)?;
        Ok(Some(AssistedSession {
            citizen: key.map_or(CitizenRef::Subject(subject), CitizenRef::CprKey),
            expires_at: Timestamp::from_second(expires)
                .map_err(|_| StoreError::Corrupt("assisted session: a time".into()))?,
        }))
    }

    /// Ends the session at sign-out.
    pub async fn end_assisted_session(&self, hash: &str, now: Timestamp) -> StoreResult<()> {
        let client = self.client().await?;
        let st = client
            .prepare_cached(
                "UPDATE assisted_sessions SET ended_at = $2 WHERE token_sha256 = $1 AND ended_at IS NULL",
            )
            .await
            .map_err(pg)?;
        client
            .execute(&st, &[&hash, &now.as_second()])
            .await
            .map_err(pg)?;
        Ok(())
    }
}
