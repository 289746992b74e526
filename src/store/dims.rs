//! Get-or-create for the small shared tables (names, systems, legal bases, purposes, areas).
//! Used by the writes and by the demo generator.

use crate::domain::{Lawfulness, LegalBasis, Text};
use crate::store::StoreResult;
use rusqlite::{Connection, OptionalExtension, params};

/// A bilingual name table of the access log: `organisations`, `units`, `roles` or `data_kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameTable {
    Organisations,
    Units,
    Roles,
    DataKinds,
}

impl NameTable {
    fn table(self) -> &'static str {
        match self {
            NameTable::Organisations => "organisations",
            NameTable::Units => "units",
            NameTable::Roles => "roles",
            NameTable::DataKinds => "data_kinds",
        }
    }
}

pub fn name_id(conn: &Connection, table: NameTable, name: &Text) -> StoreResult<i64> {
    let t = table.table();
    // The table name is one of our constants; the values are bound.
    let insert =
        format!("INSERT INTO {t} (name_da, name_en) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    conn.prepare_cached(&insert)?
        .execute(params![name.da, name.en])?;
    let select = format!("SELECT id FROM {t} WHERE name_da = ?1 AND name_en = ?2");
    Ok(conn
        .prepare_cached(&select)?
        .query_row(params![name.da, name.en], |r| r.get(0))?)
}

pub fn system_id(conn: &Connection, name: &str) -> StoreResult<i64> {
    conn.prepare_cached("INSERT INTO systems (name) VALUES (?1) ON CONFLICT DO NOTHING")?
        .execute([name])?;
    Ok(conn
        .prepare_cached("SELECT id FROM systems WHERE name = ?1")?
        .query_row([name], |r| r.get(0))?)
}

pub fn legal_basis_id(conn: &Connection, lb: &LegalBasis) -> StoreResult<i64> {
    conn.prepare_cached(
        "INSERT INTO legal_bases (gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        lb.gdpr.da,
        lb.gdpr.en,
        lb.law.da,
        lb.law.en,
        lb.plain.da,
        lb.plain.en
    ])?;
    Ok(conn
        .prepare_cached("SELECT id FROM legal_bases WHERE gdpr_da = ?1 AND law_da = ?2")?
        .query_row(params![lb.gdpr.da, lb.law.da], |r| r.get(0))?)
}

/// A purpose as written: its texts and the id of its legal basis.
#[derive(Debug, Clone)]
pub struct NewPurpose<'a> {
    pub name: &'a Text,
    pub description: &'a Text,
    pub legal_basis: i64,
    pub lawfulness: Lawfulness,
    pub how_to_object: &'a Text,
}

pub fn purpose_id(conn: &Connection, p: &NewPurpose<'_>) -> StoreResult<i64> {
    conn.prepare_cached(
        "INSERT INTO purposes (name_da, name_en, description_da, description_en, legal_basis_id, lawfulness,
                               how_to_object_da, how_to_object_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        p.name.da,
        p.name.en,
        p.description.da,
        p.description.en,
        p.legal_basis,
        p.lawfulness.code(),
        p.how_to_object.da,
        p.how_to_object.en
    ])?;
    Ok(conn
        .prepare_cached("SELECT id FROM purposes WHERE name_da = ?1 AND name_en = ?2")?
        .query_row(params![p.name.da, p.name.en], |r| r.get(0))?)
}

/// An area by code, created (last in order) with these texts if it is not there.
pub fn area_id(
    conn: &Connection,
    code: &str,
    sort: i64,
    name: &Text,
    description: &Text,
) -> StoreResult<i64> {
    if let Some(id) = conn
        .prepare_cached("SELECT id FROM areas WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?
    {
        return Ok(id);
    }
    conn.prepare_cached(
        "INSERT INTO areas (code, sort, name_da, name_en, description_da, description_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        code,
        sort,
        name.da,
        name.en,
        description.da,
        description.en
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn meta(conn: &Connection, key: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub fn set_meta(conn: &Connection, key: &str, value: &str) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute([key, value])?;
    Ok(())
}
