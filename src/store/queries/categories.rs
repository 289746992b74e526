//! Areas, data categories (list and detail) and purposes of one citizen: what systems ingested about them
//! (`holdings`, `holding_values`), with every text from the current catalogue version.

use super::retention;
use crate::domain::{
    Area, CategorySummary, CitizenId, DataCategory, FieldValue, Lawfulness, LegalBasis, Origin,
    OriginKind, Purpose, Retention, Text,
};
use crate::store::{Store, StoreResult, text, ts};
use std::collections::BTreeMap;

pub(crate) fn bad_code(col: usize) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        "unknown code".into(),
    )
}

pub(crate) fn lawfulness(r: &rusqlite::Row<'_>, col: usize) -> rusqlite::Result<Lawfulness> {
    Lawfulness::from_code(&r.get::<_, String>(col)?).ok_or_else(|| bad_code(col))
}

/// Six columns: gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en.
pub(crate) fn legal_basis(r: &rusqlite::Row<'_>, col: usize) -> rusqlite::Result<LegalBasis> {
    Ok(LegalBasis {
        gdpr: text(r, col)?,
        law: text(r, col + 2)?,
        plain: text(r, col + 4)?,
    })
}

pub(crate) const LB_COLUMNS: &str =
    "lb.gdpr_da, lb.gdpr_en, lb.law_da, lb.law_en, lb.plain_da, lb.plain_en";

/// The current catalogue version, as an SQL expression (evaluated once per statement).
pub(crate) const CURRENT: &str = "(SELECT max(id) FROM catalogue_versions)";

/// A citizen's live holdings `h` joined to their catalogue category `c` of the current version.
fn holdings_join() -> String {
    format!("holdings h JOIN cat_categories c ON c.version_id = {CURRENT} AND c.id = h.category_id")
}

impl Store {
    /// The areas in which the citizen has data, with the number of categories in each, in the areas' order.
    pub fn areas(&self, who: &CitizenId) -> StoreResult<Vec<Area>> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT a.id, a.name_da, a.name_en, a.description_da, a.description_en, count(*)
             FROM {} JOIN cat_areas a ON a.version_id = c.version_id AND a.id = c.area_id
             WHERE h.citizen_id = ?1 AND h.deleted_at IS NULL
             GROUP BY a.id ORDER BY a.pos, a.id",
            holdings_join()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([key], |r| {
            Ok(Area {
                code: r.get(0)?,
                name: text(r, 1)?,
                description: text(r, 3)?,
                categories: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The citizen's data categories in one area (by area code). An unknown area gives an empty list.
    pub fn categories(&self, who: &CitizenId, area: &str) -> StoreResult<Vec<CategorySummary>> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT h.id, c.area_id, c.name_da, c.name_en, c.lawfulness, c.special, h.updated_at
             FROM {}
             WHERE h.citizen_id = ?1 AND c.area_id = ?2 AND h.deleted_at IS NULL
             ORDER BY h.id",
            holdings_join()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![key, area], |r| {
            Ok(CategorySummary {
                id: r.get(0)?,
                area: r.get(1)?,
                name: text(r, 2)?,
                lawfulness: lawfulness(r, 4)?,
                special: r.get(5)?,
                updated_at: ts(r.get(6)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The citizen's categories in one area, for the data port: an area the citizen has nothing in is
    /// [`crate::store::StoreError::NotFound`], like an area that does not exist, so every source (the
    /// local store and the server) answers it the same way.
    pub fn area_categories(
        &self,
        who: &CitizenId,
        area: &str,
    ) -> StoreResult<Vec<CategorySummary>> {
        let found = self.categories(who, area)?;
        if found.is_empty() {
            return Err(crate::store::StoreError::NotFound);
        }
        Ok(found)
    }

    /// One of the citizen's data categories with its fields, purposes and recipients, and the deletion date
    /// computed from the holding's retention start and the category's rule.
    /// Another citizen's category is [`crate::store::StoreError::NotFound`].
    pub fn category(&self, who: &CitizenId, id: i64) -> StoreResult<DataCategory> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT h.id, c.area_id, c.name_da, c.name_en, c.description_da, c.description_en,
                    c.origin_kind, coalesce(h.origin_da, c.origin_da), coalesce(h.origin_en, c.origin_en),
                    {LB_COLUMNS}, c.lawfulness, c.retention_years, c.retention_after,
                    c.retention_end_of_year, h.retention_start, s.name, c.special, h.updated_at, c.version_id,
                    c.id
             FROM {}
             JOIN cat_legal_bases lb ON lb.version_id = c.version_id AND lb.id = c.legal_basis_id
             JOIN cat_systems s ON s.version_id = c.version_id AND s.id = c.system_id
             WHERE h.id = ?1 AND h.citizen_id = ?2 AND h.deleted_at IS NULL",
            holdings_join()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let (mut cat, version, category) = st.query_row([id, key], |r| {
            let rule = retention::from_columns(r.get(16)?, r.get(17)?, r.get(18)?);
            let start = crate::store::date(r.get(19)?)?;
            Ok((
                DataCategory {
                    id: r.get(0)?,
                    area: r.get(1)?,
                    name: text(r, 2)?,
                    description: text(r, 4)?,
                    fields: Vec::new(),
                    origin: Origin {
                        kind: OriginKind::from_code(&r.get::<_, String>(6)?)
                            .ok_or_else(|| bad_code(6))?,
                        name: text(r, 7)?,
                    },
                    purposes: Vec::new(),
                    legal_basis: legal_basis(r, 9)?,
                    lawfulness: lawfulness(r, 15)?,
                    retention: Retention {
                        rule: retention::rule_text(&rule),
                        delete_on: start.and_then(|s| rule.deletion_date(s)),
                    },
                    recipients: Vec::new(),
                    system: r.get(20)?,
                    special: r.get(21)?,
                    updated_at: ts(r.get(22)?)?,
                },
                r.get::<_, i64>(23)?,
                r.get::<_, String>(24)?,
            ))
        })?;
        let mut st = self.conn.prepare_cached(
            "SELECT f.label_da, f.label_en, v.value_da, v.value_en, f.sensitive
             FROM cat_category_fields f
             JOIN holding_values v ON v.holding_id = ?1 AND v.field_id = f.id
             WHERE f.version_id = ?2 AND f.category_id = ?3 ORDER BY f.pos",
        )?;
        cat.fields = st
            .query_map(rusqlite::params![id, version, category], |r| {
                Ok(FieldValue {
                    label: text(r, 0)?,
                    value: text(r, 2)?,
                    sensitive: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        cat.purposes = self.catalogue_names(
            "SELECT p.name_da, p.name_en FROM cat_category_purposes cp
             JOIN cat_purposes p ON p.version_id = cp.version_id AND p.id = cp.purpose_id
             WHERE cp.version_id = ?1 AND cp.category_id = ?2 ORDER BY p.pos",
            version,
            &category,
        )?;
        cat.recipients = self.catalogue_names(
            "SELECT name_da, name_en FROM cat_category_recipients
             WHERE version_id = ?1 AND category_id = ?2 ORDER BY pos",
            version,
            &category,
        )?;
        Ok(cat)
    }

    /// The bilingual names a `SELECT name_da, name_en … WHERE version_id = ?1 AND … = ?2` query gives.
    pub(crate) fn catalogue_names(
        &self,
        sql: &str,
        version: i64,
        id: &str,
    ) -> StoreResult<Vec<Text>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let names = st
            .query_map(rusqlite::params![version, id], |r| text(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// The purposes the citizen's data is used for, each with the citizen's categories it uses.
    pub fn purposes(&self, who: &CitizenId) -> StoreResult<Vec<Purpose>> {
        let key = self.citizen_key(who)?;
        let mut uses: BTreeMap<i64, (String, Vec<Text>)> = BTreeMap::new();
        let sql = format!(
            "SELECT p.pos, p.id, c.name_da, c.name_en
             FROM {}
             JOIN cat_category_purposes cp ON cp.version_id = c.version_id AND cp.category_id = c.id
             JOIN cat_purposes p ON p.version_id = cp.version_id AND p.id = cp.purpose_id
             WHERE h.citizen_id = ?1 AND h.deleted_at IS NULL
             ORDER BY p.pos, h.id",
            holdings_join()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([key], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, text(r, 2)?))
        })?;
        for row in rows {
            let (pos, purpose, name) = row?;
            uses.entry(pos)
                .or_insert_with(|| (purpose, Vec::new()))
                .1
                .push(name);
        }
        let sql = format!(
            "SELECT p.pos, p.name_da, p.name_en, p.description_da, p.description_en, {LB_COLUMNS},
                    p.lawfulness, p.how_to_object_da, p.how_to_object_en
             FROM cat_purposes p
             JOIN cat_legal_bases lb ON lb.version_id = p.version_id AND lb.id = p.legal_basis_id
             WHERE p.version_id = {CURRENT} AND p.id = ?1"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::with_capacity(uses.len());
        for (_, (id, categories)) in uses {
            let mut purpose = st.query_row([id], |r| {
                Ok(Purpose {
                    id: r.get::<_, i64>(0)? + 1,
                    name: text(r, 1)?,
                    description: text(r, 3)?,
                    legal_basis: legal_basis(r, 5)?,
                    lawfulness: lawfulness(r, 11)?,
                    how_to_object: text(r, 12)?,
                    categories: Vec::new(),
                })
            })?;
            purpose.categories = categories;
            out.push(purpose);
        }
        Ok(out)
    }
}
