//! Areas, data categories (list and detail) and purposes of one citizen.

use crate::domain::{
    Area, CategorySummary, CitizenId, DataCategory, FieldValue, Lawfulness, LegalBasis, Origin,
    OriginKind, Purpose, Retention, Text,
};
use crate::store::{Store, StoreResult, date, text, ts};
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

const LB_COLUMNS: &str = "lb.gdpr_da, lb.gdpr_en, lb.law_da, lb.law_en, lb.plain_da, lb.plain_en";

impl Store {
    /// The areas in which the citizen has data, with the number of categories in each, in the areas' order.
    pub fn areas(&self, who: &CitizenId) -> StoreResult<Vec<Area>> {
        let key = self.citizen_key(who)?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.code, a.name_da, a.name_en, a.description_da, a.description_en, count(*)
             FROM categories c JOIN areas a ON a.id = c.area_id
             WHERE c.citizen_id = ?1
             GROUP BY a.id ORDER BY a.sort, a.id",
        )?;
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
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, a.code, k.name_da, k.name_en, c.lawfulness, c.special, c.updated_at
             FROM categories c
             JOIN areas a ON a.id = c.area_id
             JOIN data_kinds k ON k.id = c.kind_id
             WHERE c.citizen_id = ?1 AND a.code = ?2
             ORDER BY c.id",
        )?;
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

    /// One of the citizen's data categories with its fields, purposes and recipients.
    /// Another citizen's category is [`crate::store::StoreError::NotFound`].
    pub fn category(&self, who: &CitizenId, id: i64) -> StoreResult<DataCategory> {
        let key = self.citizen_key(who)?;
        let sql = format!(
            "SELECT c.id, a.code, k.name_da, k.name_en, c.description_da, c.description_en,
                    c.origin_kind, c.origin_da, c.origin_en, {LB_COLUMNS}, c.lawfulness,
                    c.retention_da, c.retention_en, c.delete_on, s.name, c.special, c.updated_at
             FROM categories c
             JOIN areas a ON a.id = c.area_id
             JOIN data_kinds k ON k.id = c.kind_id
             JOIN legal_bases lb ON lb.id = c.legal_basis_id
             JOIN systems s ON s.id = c.system_id
             WHERE c.id = ?1 AND c.citizen_id = ?2"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut cat = st.query_row([id, key], |r| {
            Ok(DataCategory {
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
                    rule: text(r, 16)?,
                    delete_on: date(r.get(18)?)?,
                },
                recipients: Vec::new(),
                system: r.get(19)?,
                special: r.get(20)?,
                updated_at: ts(r.get(21)?)?,
            })
        })?;
        let mut st = self.conn.prepare_cached(
            "SELECT label_da, label_en, value_da, value_en, sensitive FROM category_fields
             WHERE category_id = ?1 ORDER BY pos",
        )?;
        cat.fields = st
            .query_map([id], |r| {
                Ok(FieldValue {
                    label: text(r, 0)?,
                    value: text(r, 2)?,
                    sensitive: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        cat.purposes = self.names(
            "SELECT p.name_da, p.name_en FROM category_purposes cp JOIN purposes p ON p.id = cp.purpose_id
             WHERE cp.category_id = ?1 ORDER BY p.id",
            id,
        )?;
        cat.recipients = self.names(
            "SELECT x.name_da, x.name_en FROM category_recipients cr JOIN recipients x ON x.id = cr.recipient_id
             WHERE cr.category_id = ?1 ORDER BY x.id",
            id,
        )?;
        Ok(cat)
    }

    /// The bilingual names a `SELECT name_da, name_en … WHERE … = ?1` query gives for `id`.
    pub(crate) fn names(&self, sql: &str, id: i64) -> StoreResult<Vec<Text>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let names = st
            .query_map([id], |r| text(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// The purposes the citizen's data is used for, each with the citizen's categories it uses.
    pub fn purposes(&self, who: &CitizenId) -> StoreResult<Vec<Purpose>> {
        let key = self.citizen_key(who)?;
        let mut uses: BTreeMap<i64, Vec<Text>> = BTreeMap::new();
        let mut st = self.conn.prepare_cached(
            "SELECT cp.purpose_id, k.name_da, k.name_en
             FROM categories c
             JOIN category_purposes cp ON cp.category_id = c.id
             JOIN data_kinds k ON k.id = c.kind_id
             WHERE c.citizen_id = ?1
             ORDER BY cp.purpose_id, c.id",
        )?;
        let rows = st.query_map([key], |r| Ok((r.get::<_, i64>(0)?, text(r, 1)?)))?;
        for row in rows {
            let (purpose, name) = row?;
            uses.entry(purpose).or_default().push(name);
        }
        let sql = format!(
            "SELECT p.id, p.name_da, p.name_en, p.description_da, p.description_en, {LB_COLUMNS},
                    p.lawfulness, p.how_to_object_da, p.how_to_object_en
             FROM purposes p JOIN legal_bases lb ON lb.id = p.legal_basis_id
             WHERE p.id = ?1"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::with_capacity(uses.len());
        for (id, categories) in uses {
            let mut purpose = st.query_row([id], |r| {
                Ok(Purpose {
                    id: r.get(0)?,
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
