//! The citizen's consents: `citizen_consents`, with scope, recipient and purpose from the current catalogue.

use super::categories::CURRENT;
use crate::domain::{CitizenId, Consent};
use crate::store::{Store, StoreResult, opt_ts, text, ts};

/// The columns of a consent `k` joined to its type `t` and the type's purpose `p`.
pub(crate) fn consent_select() -> String {
    format!(
        "SELECT k.id, t.scope_da, t.scope_en, t.recipient_da, t.recipient_en, p.name_da, p.name_en,
                k.given_at, k.withdrawn_at, k.withdrawal_pending
         FROM citizen_consents k
         JOIN cat_consent_types t ON t.version_id = {CURRENT} AND t.id = k.consent_type_id
         JOIN cat_purposes p ON p.version_id = t.version_id AND p.id = t.purpose_id"
    )
}

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
            "{} WHERE k.citizen_id = ?1 ORDER BY k.given_at DESC, k.id DESC",
            consent_select()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([key], row_to_consent)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
