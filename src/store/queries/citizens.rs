//! Citizen look-ups: by pseudonymous id, by sign-in subject, and the demo sign-in list.

use crate::domain::{Citizen, CitizenId, CitizenSummary, Cpr};
use crate::store::{Store, StoreError, StoreResult, text};

const COLUMNS: &str = "public_id, subject, name, cpr";

fn row_to_citizen(r: &rusqlite::Row<'_>) -> rusqlite::Result<Citizen> {
    let cpr: String = r.get(3)?;
    let cpr = Cpr::parse(&cpr)
        .or_else(|| Cpr::from_masked(&cpr))
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                "invalid CPR number".into(),
            )
        })?;
    Ok(Citizen {
        id: CitizenId(r.get(0)?),
        subject: r.get(1)?,
        name: r.get(2)?,
        cpr,
    })
}

fn no_rows_is_unknown(e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::QueryReturnedNoRows => StoreError::UnknownCitizen,
        other => other.into(),
    }
}

/// How a verified token names its citizen: by the sign-in subject, or (with `cpr_claim`) by the citizen
/// key of the CPR number, which is all the store ever sees of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitizenRef {
    Subject(String),
    CprKey(String),
}

impl Store {
    /// The citizen a token names.
    pub fn citizen_by_ref(&self, who: &CitizenRef) -> StoreResult<Citizen> {
        match who {
            CitizenRef::Subject(s) => self.citizen_by_subject(s),
            CitizenRef::CprKey(k) => self.citizen_by_cpr_key(k),
        }
    }

    /// The citizen with this pseudonymous id.
    pub fn citizen(&self, id: &CitizenId) -> StoreResult<Citizen> {
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE public_id = ?1");
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_row([&id.0], row_to_citizen)
            .map_err(no_rows_is_unknown)
    }

    /// The citizen that sign-in's subject identifier (`sub`) maps to.
    pub fn citizen_by_subject(&self, subject: &str) -> StoreResult<Citizen> {
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE subject = ?1");
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_row([subject], row_to_citizen)
            .map_err(no_rows_is_unknown)
    }

    /// The citizen known by this citizen key (`Pepper::citizen_key` of the CPR number sign-in gave).
    pub fn citizen_by_cpr_key(&self, key: &str) -> StoreResult<Citizen> {
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE cpr_key = ?1");
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_row([key], row_to_citizen)
            .map_err(no_rows_is_unknown)
    }

    /// The demo citizens for the demo sign-in list, in the order they were written.
    pub fn demo_citizens(&self) -> StoreResult<Vec<CitizenSummary>> {
        let sql = format!(
            "SELECT {COLUMNS}, situation_da, situation_en FROM citizens WHERE demo = 1 ORDER BY id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], |r| Ok((row_to_citizen(r)?, text(r, 4)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (citizen, situation) = row?;
            out.push(CitizenSummary { citizen, situation });
        }
        Ok(out)
    }
}
