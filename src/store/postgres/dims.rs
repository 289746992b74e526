//! Get-or-create for the small shared tables on PostgreSQL (names, systems, legal bases, purposes, areas):
//! the twin of `store::dims`. Each looks the row up first, so an existing name takes no id from its
//! sequence (the ids stay those SQLite gives); a new one is inserted with `ON CONFLICT DO NOTHING` and read
//! again, so two servers adding one name at once make one row. An area or a purpose that the access log
//! lacks is copied from the current catalogue.

use super::pg;
use crate::domain::{Lawfulness, LegalBasis, Text};
use crate::store::dims::NameTable;
use crate::store::{StoreError, StoreResult};
use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;

/// The current catalogue version, as an SQL expression.
pub(crate) use crate::store::queries::categories::CURRENT;

/// A purpose as written: the SQLite store's.
pub(crate) use crate::store::dims::NewPurpose;

fn table(t: NameTable) -> &'static str {
    match t {
        NameTable::Organisations => "organisations",
        NameTable::Units => "units",
        NameTable::Roles => "roles",
        NameTable::DataKinds => "data_kinds",
    }
}

/// The first column of the one row `sql` finds, if any.
pub(crate) async fn lookup<C: GenericClient>(
    c: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> StoreResult<Option<i64>> {
    let st = c.prepare_cached(sql).await.map_err(pg)?;
    c.query_opt(&st, params)
        .await
        .map_err(pg)?
        .map(|r| r.try_get(0).map_err(pg))
        .transpose()
}

/// `find`'s id, else `insert`'s (`... ON CONFLICT DO NOTHING RETURNING id`), else `find`'s again (another
/// transaction inserted the row first).
async fn get_or_insert<C: GenericClient>(
    c: &C,
    find: &str,
    find_params: &[&(dyn ToSql + Sync)],
    insert: &str,
    insert_params: &[&(dyn ToSql + Sync)],
) -> StoreResult<i64> {
    if let Some(id) = lookup(c, find, find_params).await? {
        return Ok(id);
    }
    if let Some(id) = lookup(c, insert, insert_params).await? {
        return Ok(id);
    }
    lookup(c, find, find_params)
        .await?
        .ok_or_else(|| StoreError::Postgres("a dimension row vanished".into()))
}

/// The id of a bilingual name, created when new.
pub(crate) async fn name_id<C: GenericClient>(
    c: &C,
    t: NameTable,
    name: &Text,
) -> StoreResult<i64> {
    let t = table(t);
    // The table name is one of our constants; the values are bound.
    let find = format!("SELECT id FROM {t} WHERE name_da = $1 AND name_en = $2");
    let insert = format!(
        "INSERT INTO {t} (name_da, name_en) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id"
    );
    let p: [&(dyn ToSql + Sync); 2] = [&name.da, &name.en];
    get_or_insert(c, &find, &p, &insert, &p).await
}

/// The id of the access log's system called `name`, created when new.
pub(crate) async fn system_id<C: GenericClient>(c: &C, name: &str) -> StoreResult<i64> {
    get_or_insert(
        c,
        "SELECT id FROM systems WHERE name = $1",
        &[&name],
        "INSERT INTO systems (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id",
        &[&name],
    )
    .await
}

pub(crate) async fn legal_basis_id<C: GenericClient>(c: &C, lb: &LegalBasis) -> StoreResult<i64> {
    get_or_insert(
        c,
        "SELECT id FROM legal_bases WHERE gdpr_da = $1 AND law_da = $2",
        &[&lb.gdpr.da, &lb.law.da],
        "INSERT INTO legal_bases (gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
        &[
            &lb.gdpr.da,
            &lb.gdpr.en,
            &lb.law.da,
            &lb.law.en,
            &lb.plain.da,
            &lb.plain.en,
        ],
    )
    .await
}

pub(crate) async fn purpose_id<C: GenericClient>(c: &C, p: &NewPurpose<'_>) -> StoreResult<i64> {
    get_or_insert(
        c,
        "SELECT id FROM purposes WHERE name_da = $1 AND name_en = $2",
        &[&p.name.da, &p.name.en],
        "INSERT INTO purposes (name_da, name_en, description_da, description_en, legal_basis_id, lawfulness,
                               how_to_object_da, how_to_object_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
        &[
            &p.name.da,
            &p.name.en,
            &p.description.da,
            &p.description.en,
            &p.legal_basis,
            &p.lawfulness.code(),
            &p.how_to_object.da,
            &p.how_to_object.en,
        ],
    )
    .await
}

/// An area by code, created (last in order) with these texts if it is not there.
pub(crate) async fn area_id<C: GenericClient>(
    c: &C,
    code: &str,
    sort: i64,
    name: &Text,
    description: &Text,
) -> StoreResult<i64> {
    get_or_insert(
        c,
        "SELECT id FROM areas WHERE code = $1",
        &[&code],
        "INSERT INTO areas (code, sort, name_da, name_en, description_da, description_en)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
        &[
            &code,
            &sort,
            &name.da,
            &name.en,
            &description.da,
            &description.en,
        ],
    )
    .await
}

pub(crate) async fn meta<C: GenericClient>(c: &C, key: &str) -> StoreResult<Option<String>> {
    let st = c
        .prepare_cached("SELECT value FROM meta WHERE key = $1")
        .await
        .map_err(pg)?;
    c.query_opt(&st, &[&key])
        .await
        .map_err(pg)?
        .map(|r| r.try_get(0).map_err(pg))
        .transpose()
}

/// The municipality's name (`meta`), as `store::writes::municipality` gives it.
pub(crate) async fn municipality<C: GenericClient>(c: &C) -> StoreResult<Text> {
    let da = meta(c, "municipality_da")
        .await?
        .unwrap_or_else(|| "Kommunen".into());
    let en = meta(c, "municipality_en")
        .await?
        .unwrap_or_else(|| "The municipality".into());
    Ok(Text::new(da, en))
}

/// Columns `da` and `da + 1` of a row as a text.
pub(crate) fn text(r: &tokio_postgres::Row, da: usize) -> StoreResult<Text> {
    Ok(Text::new(
        r.try_get::<_, String>(da).map_err(pg)?,
        r.try_get::<_, String>(da + 1).map_err(pg)?,
    ))
}

/// The shared `areas` row of the current catalogue's area `code`, created when new; `None` when the
/// catalogue has no such area.
pub(crate) async fn catalogue_area<C: GenericClient>(
    c: &C,
    code: &str,
) -> StoreResult<Option<i64>> {
    let sql = format!(
        "SELECT pos, name_da, name_en, description_da, description_en FROM cat_areas
         WHERE version_id = {CURRENT} AND id = $1"
    );
    let st = c.prepare_cached(&sql).await.map_err(pg)?;
    let Some(r) = c.query_opt(&st, &[&code]).await.map_err(pg)? else {
        return Ok(None);
    };
    let pos: i64 = r.try_get(0).map_err(pg)?;
    let name = text(&r, 1)?;
    let description = text(&r, 3)?;
    Ok(Some(area_id(c, code, pos, &name, &description).await?))
}

/// The shared `purposes` row (with its legal basis) of the current catalogue's purpose matching `condition`
/// (on `p`, the catalogue purpose), the first in `order`; created when new. `None` when none matches.
pub(crate) async fn catalogue_purpose<C: GenericClient>(
    c: &C,
    condition: &str,
    order: &str,
    values: &[&(dyn ToSql + Sync)],
) -> StoreResult<Option<i64>> {
    // `condition` and `order` are our own constants; the values are bound.
    let sql = format!(
        "SELECT p.name_da, p.name_en, p.description_da, p.description_en, p.lawfulness,
                p.how_to_object_da, p.how_to_object_en,
                lb.gdpr_da, lb.gdpr_en, lb.law_da, lb.law_en, lb.plain_da, lb.plain_en
         FROM cat_purposes p
         JOIN cat_legal_bases lb ON lb.version_id = p.version_id AND lb.id = p.legal_basis_id
         WHERE p.version_id = {CURRENT} AND {condition}
         ORDER BY {order} LIMIT 1"
    );
    let st = c.prepare_cached(&sql).await.map_err(pg)?;
    let Some(r) = c.query_opt(&st, values).await.map_err(pg)? else {
        return Ok(None);
    };
    let text = |da: usize| text(&r, da);
    let code: String = r.try_get(4).map_err(pg)?;
    let lawfulness = Lawfulness::from_code(&code)
        .ok_or_else(|| StoreError::Corrupt("a purpose's lawfulness".into()))?;
    let lb = LegalBasis {
        gdpr: text(7)?,
        law: text(9)?,
        plain: text(11)?,
    };
    let (name, description, how_to_object) = (text(0)?, text(2)?, text(5)?);
    let legal_basis = legal_basis_id(c, &lb).await?;
    Ok(Some(
        purpose_id(
            c,
            &NewPurpose {
                name: &name,
                description: &description,
                legal_basis,
                lawfulness,
                how_to_object: &how_to_object,
            },
        )
        .await?,
    ))
}
