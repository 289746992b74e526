//! Writes a citizen's row, categories, consents and decision-support uses.

use super::content::T;
use super::content::categories::{CategoryDef, Person};
use super::content::people::CitizenDef;
use super::rng::Rng;
use super::writer::{DAY, Ids, Statements, catalogue_category, get, missing, system_name};
use super::{BASE, DemoError, DemoSummary};
use crate::catalogue::Catalogue;
use crate::store::dims::{self, NameTable};
use rusqlite::{Connection, params};

pub(super) fn insert_citizen(
    st: &mut Statements<'_>,
    id: &str,
    subject: &str,
    p: &Person,
    situation: Option<T>,
) -> Result<i64, DemoError> {
    let (da, en) = situation.map(|s| (s.0, s.1)).unwrap_or(("", ""));
    Ok(st.citizen.insert(params![
        id,
        subject,
        p.name,
        p.cpr,
        situation.is_some(),
        da,
        en
    ])?)
}

/// A citizen's categories: the v1 rows the kiosk reads, with every catalogue text from the catalogue, and
/// the same data as holdings (schema v3) with their field values by the catalogue's field ids.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_categories(
    conn: &Connection,
    catalogue: &Catalogue,
    st: &mut Statements<'_>,
    ids: &Ids,
    citizen: i64,
    person: &Person,
    cats: &[&'static CategoryDef],
    rng: &mut Rng,
    summary: &mut DemoSummary,
) -> Result<(), DemoError> {
    for c in cats {
        let cc = catalogue_category(catalogue, c.key)?;
        let updated = BASE - rng.below(400) as i64 * DAY - rng.below(DAY as u64) as i64;
        let start = jiff::Timestamp::from_second(updated)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
            .map_err(|_| missing("time", c.key))?;
        let rule = crate::store::queries::retention::rule_text(&cc.retention);
        let (rule_da, rule_en) = (rule.da.clone(), rule.en.clone());
        let delete_on = cc.retention.deletion_date(start).map(|d| d.to_string());
        let system = system_name(catalogue, &cc.system)?;
        let cat = st.category.insert(params![
            citizen,
            get(&ids.areas, "area", &cc.area)?,
            get(&ids.kinds, "category", &cc.id)?,
            cc.description.da,
            cc.description.en,
            cc.origin.kind.code(),
            cc.origin.name.da,
            cc.origin.name.en,
            get(&ids.legal, "legal basis", &cc.legal_basis)?,
            cc.lawfulness.code(),
            rule_da,
            rule_en,
            delete_on,
            get(&ids.systems, "system", system)?,
            cc.special_category,
            updated
        ])?;
        let values = (c.fields)(person);
        let declared: Vec<&str> = cc.fields.iter().map(|f| f.id.as_str()).collect();
        let given: Vec<&str> = values.iter().map(|f| f.id).collect();
        if declared != given {
            return Err(missing("fields of category", c.key));
        }
        let holding = st.holding.insert(params![
            citizen,
            cc.id,
            cc.system,
            format!("demo-{citizen}-{}", cc.id),
            updated,
            start.to_string()
        ])?;
        for (pos, (f, decl)) in values.iter().zip(&cc.fields).enumerate() {
            st.field.execute(params![
                cat,
                pos as i64,
                decl.label.da,
                decl.label.en,
                f.value.da,
                f.value.en,
                decl.sensitive
            ])?;
            st.holding_value
                .execute(params![holding, decl.id, f.value.da, f.value.en])?;
        }
        for p in &cc.purposes {
            st.cat_purpose
                .execute(params![cat, get(&ids.purposes, "purpose", p)?])?;
        }
        for r in &cc.recipients {
            let rid = dims::name_id(conn, NameTable::Recipients, r)?;
            st.cat_recipient.execute(params![cat, rid])?;
        }
        summary.categories += 1;
    }
    Ok(())
}

pub(super) fn write_consents_and_decisions(
    conn: &Connection,
    catalogue: &Catalogue,
    ids: &Ids,
    citizen: i64,
    def: &CitizenDef,
) -> Result<(), DemoError> {
    for c in def.consents {
        conn.prepare_cached(
            "INSERT INTO consents (citizen_id, scope_da, scope_en, recipient_da, recipient_en, purpose_da, purpose_en,
                                   given_at, withdrawn_at, withdrawal_pending)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
        )?
        .execute(params![
            citizen, c.scope.0, c.scope.1, c.recipient.0, c.recipient.1, c.purpose.0, c.purpose.1,
            BASE - c.given_days_ago * DAY + 10 * 3600,
            c.withdrawn_days_ago.map(|d| BASE - d * DAY + 14 * 3600)
        ])?;
        let kind = catalogue
            .consent_types
            .iter()
            .find(|t| t.scope == c.scope.text())
            .ok_or_else(|| missing("consent type", c.scope.0))?;
        conn.prepare_cached(
            "INSERT INTO citizen_consents (citizen_id, consent_type_id, given_at, withdrawn_at, withdrawal_pending)
             VALUES (?1, ?2, ?3, ?4, 0)",
        )?
        .execute(params![
            citizen,
            kind.id,
            BASE - c.given_days_ago * DAY + 10 * 3600,
            c.withdrawn_days_ago.map(|d| BASE - d * DAY + 14 * 3600)
        ])?;
    }
    for d in def.decisions {
        conn.prepare_cached(
            "INSERT INTO decision_support (citizen_id, area_id, tool_da, tool_en, purpose_da, purpose_en,
                how_it_helps_da, how_it_helps_en, human_role_da, human_role_en, result_da, result_en,
                how_to_object_da, how_to_object_en, used_at, case_ref)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            citizen, get(&ids.areas, "area", d.area)?, d.tool.0, d.tool.1, d.purpose.0, d.purpose.1,
            d.how_it_helps.0, d.how_it_helps.1, d.human_role.0, d.human_role.1, d.result.0, d.result.1,
            d.how_to_object.0, d.how_to_object.1, BASE - d.days_ago * DAY + 11 * 3600, d.case_ref
        ])?;
        let id = conn.last_insert_rowid();
        let tool = catalogue
            .decision_tools
            .iter()
            .find(|t| t.name == d.tool.text())
            .ok_or_else(|| missing("decision tool", d.tool.0))?;
        conn.prepare_cached(
            "INSERT INTO decision_uses (citizen_id, tool_id, system_id, used_at, case_ref, result_da, result_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            citizen,
            tool.id,
            tool.system,
            BASE - d.days_ago * DAY + 11 * 3600,
            d.case_ref,
            d.result.0,
            d.result.1
        ])?;
        let use_id = conn.last_insert_rowid();
        for (pos, (name, effect)) in d.factors.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO decision_use_factors (use_id, pos, name_da, name_en, effect_da, effect_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![use_id, pos as i64, name.0, name.1, effect.0, effect.1])?;
        }
        for (pos, t) in d.inputs.iter().enumerate() {
            conn.prepare_cached("INSERT INTO decision_inputs (decision_id, pos, text_da, text_en) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![id, pos as i64, t.0, t.1])?;
        }
        for (pos, (name, effect)) in d.factors.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO decision_factors (decision_id, pos, name_da, name_en, effect_da, effect_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![id, pos as i64, name.0, name.1, effect.0, effect.1])?;
        }
    }
    Ok(())
}
