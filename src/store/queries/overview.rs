//! The counts on the overview screen.

use super::categories::CURRENT;
use crate::domain::{CitizenId, Overview};
use crate::store::{Store, StoreResult};
use jiff::Timestamp;

impl Store {
    /// The overview counts. Access events count only visible entries (none with `hidden_until` after `now`).
    pub fn overview(&self, who: &CitizenId, now: Timestamp) -> StoreResult<Overview> {
        let key = self.citizen_key(who)?;
        let live = format!(
            "holdings h JOIN cat_categories c ON c.version_id = {CURRENT} AND c.id = h.category_id
             WHERE h.citizen_id = ?1 AND h.deleted_at IS NULL"
        );
        let sql = format!(
            "SELECT
               (SELECT count(*) FROM {live}),
               (SELECT count(DISTINCT c.area_id) FROM {live}),
               (SELECT count(DISTINCT cp.purpose_id) FROM holdings h
                  JOIN cat_category_purposes cp ON cp.version_id = {CURRENT} AND cp.category_id = h.category_id
                  WHERE h.citizen_id = ?1 AND h.deleted_at IS NULL),
               (SELECT count(*) FROM {consents} AND k.withdrawn_at IS NULL),
               (SELECT count(*) FROM {consents}),
               (SELECT count(*) FROM decision_uses d
                  JOIN cat_decision_tools t ON t.version_id = {CURRENT} AND t.id = d.tool_id
                  WHERE d.citizen_id = ?1)",
            consents = format!(
                "citizen_consents k JOIN cat_consent_types t ON t.version_id = {CURRENT}
                   AND t.id = k.consent_type_id WHERE k.citizen_id = ?1"
            ),
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut overview = st.query_row([key], |r| {
            Ok(Overview {
                categories: r.get(0)?,
                areas: r.get(1)?,
                purposes: r.get(2)?,
                access_events: 0,
                active_consents: r.get(3)?,
                consents: r.get(4)?,
                decision_support: r.get(5)?,
                new_answers: 0,
            })
        })?;
        overview.access_events = self.visible_event_count(key, now)?;
        overview.new_answers = self.new_answer_count(key)?;
        Ok(overview)
    }
}
