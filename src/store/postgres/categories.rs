//! Areas, data categories (list and detail) and purposes of one citizen on PostgreSQL: what systems
//! ingested about them (`holdings`, `holding_values`), with every text from the current catalogue
//! version. A port of `store::queries::categories` (same rows, order and errors).

use super::reads::{catalogue_names, code, count, flag, text};
use super::{PgStore, citizens, pg, ts};
use crate::domain::{
    Area, CategorySummary, DataCategory, FieldValue, Lawfulness, LegalBasis, Origin, OriginKind,
    Purpose, Retention, Text,
};
use crate::store::queries::categories::{CURRENT, LB_COLUMNS};
use crate::store::queries::retention;
use crate::store::{CitizenRef, StoreError, StoreResult};
use jiff::civil::Date;
use std::collections::BTreeMap;
use tokio_postgres::Row;

/// A citizen's live holdings `h` joined to their catalogue category `c` of the current version.
fn holdings_join() -> String {
    format!("holdings h JOIN cat_categories c ON c.version_id = {CURRENT} AND c.id = h.category_id")
}

/// Six columns from `col` ([`LB_COLUMNS`]): gdpr, law and plain words, each Danish then English.
fn legal_basis(r: &Row, col: usize) -> StoreResult<LegalBasis> {
    Ok(LegalBasis {
        gdpr: text(r, col)?,
        law: text(r, col + 2)?,
        plain: text(r, col + 4)?,
    })
}

/// A stored `YYYY-MM-DD` date, if any.
fn date(s: Option<String>) -> StoreResult<Option<Date>> {
    s.map(|s| {
        s.parse::<Date>()
            .map_err(|_| StoreError::Corrupt("a date".into()))
    })
    .transpose()
}

fn row_to_summary(r: &Row) -> StoreResult<CategorySummary> {
    Ok(CategorySummary {
        id: r.try_get(0).map_err(pg)?,
        area: r.try_get(1).map_err(pg)?,
        name: text(r, 2)?,
        lawfulness: code(r, 4, Lawfulness::from_code)?,
        special: flag(r, 5)?,
        updated_at: ts(r.try_get(6).map_err(pg)?)?,
    })
}

/// The detail columns of `PgStore::category`'s first query, without fields, purposes and recipients.
fn row_to_category(r: &Row) -> StoreResult<DataCategory> {
    let rule = retention::from_columns(
        r.try_get(16).map_err(pg)?,
        r.try_get(17).map_err(pg)?,
        flag(r, 18)?,
    );
    let start = date(r.try_get(19).map_err(pg)?)?;
    Ok(DataCategory {
        id: r.try_get(0).map_err(pg)?,
        area: r.try_get(1).map_err(pg)?,
        name: text(r, 2)?,
        description: text(r, 4)?,
        fields: Vec::new(),
        origin: Origin {
            kind: code(r, 6, OriginKind::from_code)?,
            name: text(r, 7)?,
        },
        purposes: Vec::new(),
        legal_basis: legal_basis(r, 9)?,
        lawfulness: code(r, 15, Lawfulness::from_code)?,
        retention: Retention {
            rule: retention::rule_text(&rule),
            delete_on: start.and_then(|s| rule.deletion_date(s)),
        },
        recipients: Vec::new(),
        system: r.try_get(20).map_err(pg)?,
        special: flag(r, 21)?,
        updated_at: ts(r.try_get(22).map_err(pg)?)?,
    })
}

impl PgStore {
    /// The areas in which the citizen has data, with the number of categories in each, in the areas' order.
    pub async fn areas(&self, who: &CitizenRef) -> StoreResult<Vec<Area>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "SELECT a.id, a.name_da, a.name_en, a.description_da, a.description_en, count(*)
             FROM {} JOIN cat_areas a ON a.version_id = c.version_id AND a.id = c.area_id
             WHERE h.citizen_id = $1 AND h.deleted_at IS NULL
             GROUP BY a.version_id, a.id ORDER BY a.pos, a.id COLLATE \"C\"",
            holdings_join()
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let rows = client.query(&st, &[&key]).await.map_err(pg)?;
        rows.iter()
            .map(|r| {
                Ok(Area {
                    code: r.try_get(0).map_err(pg)?,
                    name: text(r, 1)?,
                    description: text(r, 3)?,
                    categories: count(r, 5)?,
                })
            })
            .collect()
    }

    /// The citizen's categories in one area (by area code); an area the citizen has nothing in, or one
    /// that does not exist, is [`StoreError::NotFound`] (as SQLite's `area_categories`).
    pub async fn area_categories(
        &self,
        who: &CitizenRef,
        area: &str,
    ) -> StoreResult<Vec<CategorySummary>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "SELECT h.id, c.area_id, c.name_da, c.name_en, c.lawfulness, c.special, h.updated_at
             FROM {}
             WHERE h.citizen_id = $1 AND c.area_id = $2 AND h.deleted_at IS NULL
             ORDER BY h.id",
            holdings_join()
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let rows = client.query(&st, &[&key, &area]).await.map_err(pg)?;
        let found = rows
            .iter()
            .map(row_to_summary)
            .collect::<StoreResult<Vec<_>>>()?;
        if found.is_empty() {
            return Err(StoreError::NotFound);
        }
        Ok(found)
    }

    /// One of the citizen's data categories with its fields, purposes and recipients, and the deletion
    /// date computed from the holding's retention start and the category's rule. Another citizen's
    /// category is [`StoreError::NotFound`].
    pub async fn category(&self, who: &CitizenRef, id: i64) -> StoreResult<DataCategory> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "SELECT h.id, c.area_id, c.name_da, c.name_en, c.description_da, c.description_en,
                    c.origin_kind, coalesce(h.origin_da, c.origin_da), coalesce(h.origin_en, c.origin_en),
                    {LB_COLUMNS}, c.lawfulness, c.retention_years, c.retention_after,
                    c.retention_end_of_year, h.retention_start, s.name, c.special, h.updated_at, c.version_id,
                    c.id
             FROM {}
             JOIN cat_legal_bases lb ON lb.version_id = c.version_id AND lb.id = c.legal_basis_id
             JOIN cat_systems s ON s.version_id = c.version_id AND s.id = c.system_id
             WHERE h.id = $1 AND h.citizen_id = $2 AND h.deleted_at IS NULL",
            holdings_join()
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let row = client
            .query_opt(&st, &[&id, &key])
            .await
            .map_err(pg)?
            .ok_or(StoreError::NotFound)?;
        let mut cat = row_to_category(&row)?;
        let version: i64 = row.try_get(23).map_err(pg)?;
        let category: String = row.try_get(24).map_err(pg)?;
        let st = client
            .prepare_cached(
                "SELECT f.label_da, f.label_en, v.value_da, v.value_en, f.sensitive
                 FROM cat_category_fields f
                 JOIN holding_values v ON v.holding_id = $1 AND v.field_id = f.id
                 WHERE f.version_id = $2 AND f.category_id = $3 ORDER BY f.pos",
            )
            .await
            .map_err(pg)?;
        cat.fields = client
            .query(&st, &[&id, &version, &category])
            .await
            .map_err(pg)?
            .iter()
            .map(|r| {
                Ok(FieldValue {
                    label: text(r, 0)?,
                    value: text(r, 2)?,
                    sensitive: flag(r, 4)?,
                })
            })
            .collect::<StoreResult<_>>()?;
        cat.purposes = catalogue_names(
            &client,
            "SELECT p.name_da, p.name_en FROM cat_category_purposes cp
             JOIN cat_purposes p ON p.version_id = cp.version_id AND p.id = cp.purpose_id
             WHERE cp.version_id = $1 AND cp.category_id = $2 ORDER BY p.pos",
            version,
            &category,
        )
        .await?;
        cat.recipients = catalogue_names(
            &client,
            "SELECT name_da, name_en FROM cat_category_recipients
             WHERE version_id = $1 AND category_id = $2 ORDER BY pos",
            version,
            &category,
        )
        .await?;
        Ok(cat)
    }

    /// The purposes the citizen's data is used for, each with the citizen's categories it uses, in the
    /// purposes' order.
    pub async fn purposes(&self, who: &CitizenRef) -> StoreResult<Vec<Purpose>> {
        let client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let sql = format!(
            "SELECT p.pos, p.id, c.name_da, c.name_en
             FROM {}
             JOIN cat_category_purposes cp ON cp.version_id = c.version_id AND cp.category_id = c.id
             JOIN cat_purposes p ON p.version_id = cp.version_id AND p.id = cp.purpose_id
             WHERE h.citizen_id = $1 AND h.deleted_at IS NULL
             ORDER BY p.pos, h.id",
            holdings_join()
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let mut uses: BTreeMap<i64, (String, Vec<Text>)> = BTreeMap::new();
        for r in client.query(&st, &[&key]).await.map_err(pg)? {
            let pos: i64 = r.try_get(0).map_err(pg)?;
            let purpose: String = r.try_get(1).map_err(pg)?;
            uses.entry(pos)
                .or_insert_with(|| (purpose, Vec::new()))
                .1
                .push(text(&r, 2)?);
        }
        let sql = format!(
            "SELECT p.pos, p.name_da, p.name_en, p.description_da, p.description_en, {LB_COLUMNS},
                    p.lawfulness, p.how_to_object_da, p.how_to_object_en
             FROM cat_purposes p
             JOIN cat_legal_bases lb ON lb.version_id = p.version_id AND lb.id = p.legal_basis_id
             WHERE p.version_id = {CURRENT} AND p.id = $1"
        );
        let st = client.prepare_cached(&sql).await.map_err(pg)?;
        let mut out = Vec::with_capacity(uses.len());
        for (_, (id, categories)) in uses {
            let r = client
                .query_opt(&st, &[&id])
                .await
                .map_err(pg)?
                .ok_or(StoreError::NotFound)?;
            out.push(Purpose {
                id: r.try_get::<_, i64>(0).map_err(pg)? + 1,
                name: text(&r, 1)?,
                description: text(&r, 3)?,
                legal_basis: legal_basis(&r, 5)?,
                lawfulness: code(&r, 11, Lawfulness::from_code)?,
                how_to_object: text(&r, 12)?,
                categories,
            });
        }
        Ok(out)
    }
}
