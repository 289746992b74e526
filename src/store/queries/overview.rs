//! The counts on the overview screen.

use crate::domain::{CitizenId, Overview};
use crate::store::{Store, StoreResult};
use jiff::Timestamp;

impl Store {
    /// The overview counts. Access events count only visible entries (none with `hidden_until` after `now`).
    pub fn overview(&self, who: &CitizenId, now: Timestamp) -> StoreResult<Overview> {
        let key = self.citizen_key(who)?;
        let mut st = self.conn.prepare_cached(
            "SELECT
               (SELECT count(*) FROM categories WHERE citizen_id = ?1),
               (SELECT count(DISTINCT area_id) FROM categories WHERE citizen_id = ?1),
               (SELECT count(DISTINCT cp.purpose_id) FROM categories c
                  JOIN category_purposes cp ON cp.category_id = c.id WHERE c.citizen_id = ?1),
               (SELECT count(*) FROM consents WHERE citizen_id = ?1 AND withdrawn_at IS NULL),
               (SELECT count(*) FROM consents WHERE citizen_id = ?1),
               (SELECT count(*) FROM decision_support WHERE citizen_id = ?1)",
        )?;
        let mut overview = st.query_row([key], |r| {
            Ok(Overview {
                categories: r.get(0)?,
                areas: r.get(1)?,
                purposes: r.get(2)?,
                access_events: 0,
                active_consents: r.get(3)?,
                consents: r.get(4)?,
                decision_support: r.get(5)?,
            })
        })?;
        overview.access_events = self.visible_event_count(key, now)?;
        Ok(overview)
    }
}
