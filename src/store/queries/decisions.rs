//! Uses of decision-support tools in the citizen's cases (GDPR Art. 15(1)(h)).

use crate::domain::{CitizenId, DecisionSupport, Factor};
use crate::store::{Store, StoreResult, text, ts};

impl Store {
    /// Every use of a decision-support tool in the citizen's cases, newest first, with inputs and factors.
    pub fn decision_support(&self, who: &CitizenId) -> StoreResult<Vec<DecisionSupport>> {
        let key = self.citizen_key(who)?;
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.tool_da, d.tool_en, d.purpose_da, d.purpose_en, d.how_it_helps_da, d.how_it_helps_en,
                    d.human_role_da, d.human_role_en, d.result_da, d.result_en, d.how_to_object_da,
                    d.how_to_object_en, d.used_at, d.case_ref, a.code
             FROM decision_support d JOIN areas a ON a.id = d.area_id
             WHERE d.citizen_id = ?1
             ORDER BY d.used_at DESC, d.id DESC",
        )?;
        let mut out: Vec<DecisionSupport> = st
            .query_map([key], |r| {
                Ok(DecisionSupport {
                    id: r.get(0)?,
                    tool: text(r, 1)?,
                    purpose: text(r, 3)?,
                    inputs: Vec::new(),
                    how_it_helps: text(r, 5)?,
                    human_role: text(r, 7)?,
                    result: text(r, 9)?,
                    factors: Vec::new(),
                    how_to_object: text(r, 11)?,
                    used_at: ts(r.get(13)?)?,
                    case_ref: r.get(14)?,
                    area: r.get(15)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut factors = self.conn.prepare_cached(
            "SELECT name_da, name_en, effect_da, effect_en FROM decision_factors WHERE decision_id = ?1 ORDER BY pos",
        )?;
        for d in &mut out {
            d.inputs = self.names(
                "SELECT text_da, text_en FROM decision_inputs WHERE decision_id = ?1 ORDER BY pos",
                d.id,
            )?;
            d.factors = factors
                .query_map([d.id], |r| {
                    Ok(Factor {
                        name: text(r, 0)?,
                        effect: text(r, 2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }
}
