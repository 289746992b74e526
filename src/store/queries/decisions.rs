//! Uses of decision-support tools in the citizen's cases (GDPR Art. 15(1)(h)): `decision_uses` and their
//! factors, with what the tool is, its inputs and how to object from the current catalogue.

use super::categories::CURRENT;
use crate::domain::{CitizenId, DecisionSupport, Factor};
use crate::store::{Store, StoreResult, text, ts};

impl Store {
    /// Every use of a decision-support tool in the citizen's cases, newest first, with inputs and factors.
    pub fn decision_support(&self, who: &CitizenId) -> StoreResult<Vec<DecisionSupport>> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT d.id, t.name_da, t.name_en, t.used_for_da, t.used_for_en, t.how_it_helps_da,
                    t.how_it_helps_en, t.human_role_da, t.human_role_en, d.result_da, d.result_en,
                    t.how_to_object_da, t.how_to_object_en, d.used_at, d.case_ref, t.area_id, t.version_id, t.id
             FROM decision_uses d
             JOIN cat_decision_tools t ON t.version_id = {CURRENT} AND t.id = d.tool_id
             WHERE d.citizen_id = ?1
             ORDER BY d.used_at DESC, d.id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut out: Vec<(DecisionSupport, i64, String)> = st
            .query_map([key], |r| {
                Ok((
                    DecisionSupport {
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
                    },
                    r.get(16)?,
                    r.get(17)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut factors = self.conn.prepare_cached(
            "SELECT name_da, name_en, effect_da, effect_en FROM decision_use_factors WHERE use_id = ?1 ORDER BY pos",
        )?;
        for (d, version, tool) in &mut out {
            d.inputs = self.catalogue_names(
                "SELECT text_da, text_en FROM cat_decision_inputs WHERE version_id = ?1 AND tool_id = ?2
                 ORDER BY pos",
                *version,
                tool,
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
        Ok(out.into_iter().map(|(d, _, _)| d).collect())
    }
}
