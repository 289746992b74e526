//! Citizen look-ups on PostgreSQL: the citizen a token names, and its internal key for the other queries.

use super::{PgStore, pg};
use crate::domain::{Citizen, CitizenId, Cpr};
use crate::store::{CitizenRef, StoreError, StoreResult};
use deadpool_postgres::GenericClient;
use tokio_postgres::Row;

const COLUMNS: &str = "public_id, subject, name, cpr";

/// The `WHERE` column and the bound value for a token's citizen.
fn by(who: &CitizenRef) -> (&'static str, &str) {
    match who {
        CitizenRef::Subject(s) => ("subject", s.as_str()),
        CitizenRef::CprKey(k) => ("cpr_key", k.as_str()),
    }
}

/// A `citizens` row (`COLUMNS`) as a citizen; the CPR number is stored masked and read as such.
fn row_to_citizen(r: &Row) -> StoreResult<Citizen> {
    let cpr: String = r.try_get(3).map_err(pg)?;
    let cpr = Cpr::parse(&cpr)
        .or_else(|| Cpr::from_masked(&cpr))
        .ok_or_else(|| StoreError::Corrupt("invalid CPR number".into()))?;
    Ok(Citizen {
        id: CitizenId(r.try_get(0).map_err(pg)?),
        subject: r.try_get(1).map_err(pg)?,
        name: r.try_get(2).map_err(pg)?,
        cpr,
    })
}

/// The internal `citizens.id` of a token's citizen; [`StoreError::UnknownCitizen`] if there is none.
pub(crate) async fn citizen_key<C: GenericClient>(
    client: &C,
    who: &CitizenRef,
) -> StoreResult<i64> {
    let (column, value) = by(who);
    let sql = format!("SELECT id FROM citizens WHERE {column} = $1");
    let st = client.prepare_cached(&sql).await.map_err(pg)?;
    let row = client.query_opt(&st, &[&value]).await.map_err(pg)?;
    row.ok_or(StoreError::UnknownCitizen)?
        .try_get(0)
        .map_err(pg)
}

/// The citizen with this key, created (with only the masked CPR number) when there is none: the twin of
/// SQLite's `records::citizen_for`. Two servers creating one citizen at once make one row.
pub(crate) async fn citizen_for<C: GenericClient>(
    tx: &C,
    key: &str,
    masked: &str,
) -> StoreResult<i64> {
    let find = tx
        .prepare_cached("SELECT id FROM citizens WHERE cpr_key = $1")
        .await
        .map_err(pg)?;
    if let Some(row) = tx.query_opt(&find, &[&key]).await.map_err(pg)? {
        return row.try_get(0).map_err(pg);
    }
    // The key is already a pseudonym; its first 16 hex digits name the citizen in the API.
    let public = format!("k-{}", key.get(..16).unwrap_or(key));
    let subject = format!("cpr-key:{key}");
    let insert = tx
        .prepare_cached(
            "INSERT INTO citizens (public_id, subject, name, cpr, cpr_key) VALUES ($1, $2, '', $3, $4)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .await
        .map_err(pg)?;
    if let Some(row) = tx
        .query_opt(&insert, &[&public, &subject, &masked, &key])
        .await
        .map_err(pg)?
    {
        return row.try_get(0).map_err(pg);
    }
    // Another transaction made it first.
    let row = tx.query_opt(&find, &[&key]).await.map_err(pg)?;
    row.ok_or(StoreError::UnknownCitizen)?
        .try_get(0)
        .map_err(pg)
}

impl PgStore {
    /// The citizen a token names; [`StoreError::UnknownCitizen`] if there is none.
    pub async fn citizen_by_ref(&self, who: &CitizenRef) -> StoreResult<Citizen> {
        let client = self.client().await?;
        let (column, value) = by(who);
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE {column} = $1");
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let row = client.query_opt(&st, &[&value]).await.map_err(pg)?;
        row_to_citizen(&row.ok_or(StoreError::UnknownCitizen)?)
    }
}
