//! The citizen's consents.

use crate::domain::{CitizenId, Consent};
use crate::store::{Store, StoreResult, opt_ts, text, ts};

pub(crate) const CONSENT_COLUMNS: &str =
    "id, scope_da, scope_en, recipient_da, recipient_en, purpose_da, purpose_en,
     given_at, withdrawn_at, withdrawal_pending";

pub(crate) fn row_to_consent(r: &rusqlite::Row<'_>) -> rusqlite::Result<Consent> {
    Ok(Consent {
        id: r.get(0)?,
        scope: text(r, 1)?,
        recipient: text(r, 3)?,
        purpose: text(r, 5)?,
        given_at: ts(r.get(7)?)?,
        withdrawn_at: opt_ts(r.get(8)?)?,
        withdrawal_pending: r.get(9)?,
    })
}

impl Store {
    /// The citizen's consents, withdrawn ones included, newest first.
    pub fn consents(&self, who: &CitizenId) -> StoreResult<Vec<Consent>> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT {CONSENT_COLUMNS} FROM consents WHERE citizen_id = ?1 ORDER BY given_at DESC, id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([key], row_to_consent)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
