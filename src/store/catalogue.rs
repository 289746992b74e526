//! Importing a checked catalogue as a new version, in one transaction (schema version 3).
//!
//! An import never drops an entry that citizens still have rows for: a category with holdings, a
//! consent type with consents, a tool with recorded uses. It names each one and changes nothing.

use super::Store;
use super::error::StoreError;
use crate::catalogue::{Catalogue, Category, DecisionTool, RetentionRule};
use rusqlite::{Connection, TransactionBehavior, params};

/// An entry the new catalogue lacks that citizens still have data in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillInUse {
    /// `category`, `consent_type` or `decision_tool`.
    pub kind: &'static str,
    pub id: String,
    /// How many citizens have rows for it.
    pub citizens: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the catalogue would drop entries that citizens still have data in: {}", .0.iter().map(|u| format!("{} {}", u.kind, u.id)).collect::<Vec<_>>().join(", "))]
    StillInUse(Vec<StillInUse>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    pub fn message_id(&self) -> &'static str {
        match self {
            ImportError::StillInUse(_) => "catalogue-import-still-in-use",
            ImportError::Store(e) => e.message_id(),
        }
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub version: i64,
    /// The version it replaced, if any.
    pub previous: Option<i64>,
}

/// The per-citizen tables and the catalogue entry each refers to.
const USES: &[(&str, &str, &str)] = &[
    ("category", "holdings", "category_id"),
    ("consent_type", "citizen_consents", "consent_type_id"),
    ("decision_tool", "decision_uses", "tool_id"),
];

impl Store {
    /// The current (newest) catalogue version, if one was imported.
    pub fn catalogue_version(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT max(id) FROM catalogue_versions", [], |r| r.get(0))?)
    }

    /// Imports `catalogue` as a new version. `source` names where it came from, `digest` fingerprints
    /// its files, `now` is unix seconds. All or nothing.
    pub fn import_catalogue(
        &mut self,
        catalogue: &Catalogue,
        source: &str,
        digest: &str,
        now: i64,
    ) -> Result<Imported, ImportError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = import_in(&tx, catalogue, source, digest, now)?;
        tx.commit()?;
        Ok(done)
    }
}

/// The import, inside a transaction the caller holds (and commits only if this succeeds).
pub(crate) fn import_in(
    tx: &Connection,
    catalogue: &Catalogue,
    source: &str,
    digest: &str,
    now: i64,
) -> Result<Imported, ImportError> {
    let previous: Option<i64> =
        tx.query_row("SELECT max(id) FROM catalogue_versions", [], |r| r.get(0))?;
    let missing = still_in_use(tx, catalogue)?;
    if !missing.is_empty() {
        return Err(ImportError::StillInUse(missing));
    }
    tx.execute(
        "INSERT INTO catalogue_versions (imported_at, source, digest) VALUES (?1, ?2, ?3)",
        params![now, source, digest],
    )?;
    let version = tx.last_insert_rowid();
    write_catalogue(tx, version, catalogue)?;
    Ok(Imported { version, previous })
}

/// The ids citizens have rows for that `catalogue` does not have, with how many citizens have them.
fn still_in_use(tx: &Connection, catalogue: &Catalogue) -> Result<Vec<StillInUse>, ImportError> {
    let mut out = Vec::new();
    for (kind, table, column) in USES {
        let keeps = |id: &str| match *kind {
            "category" => catalogue.categories.iter().any(|c| c.id == id),
            "consent_type" => catalogue.consent_types.iter().any(|c| c.id == id),
            _ => catalogue.decision_tools.iter().any(|c| c.id == id),
        };
        // Table and column names are our own constants, not input.
        let sql = format!(
            "SELECT {column}, count(DISTINCT citizen_id) FROM {table} GROUP BY {column} ORDER BY {column}"
        );
        let mut st = tx.prepare(&sql)?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (id, citizens) = row?;
            if !keeps(&id) {
                out.push(StillInUse {
                    kind,
                    id,
                    citizens: u64::try_from(citizens).unwrap_or(0),
                });
            }
        }
    }
    Ok(out)
}

fn write_catalogue(tx: &Connection, v: i64, c: &Catalogue) -> Result<(), rusqlite::Error> {
    for (pos, a) in c.areas.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_areas (version_id, id, pos, name_da, name_en, description_da, description_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            v,
            a.id,
            pos as i64,
            a.name.da,
            a.name.en,
            a.description.da,
            a.description.en
        ])?;
    }
    for s in &c.systems {
        tx.prepare_cached(
            "INSERT INTO cat_systems (version_id, id, name, owner_da, owner_en, contact)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![v, s.id, s.name, s.owner.da, s.owner.en, s.contact])?;
    }
    for l in &c.legal_bases {
        tx.prepare_cached(
            "INSERT INTO cat_legal_bases (version_id, id, gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            v, l.id, l.gdpr.da, l.gdpr.en, l.law.da, l.law.en, l.plain.da, l.plain.en
        ])?;
    }
    for (pos, p) in c.purposes.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_purposes (version_id, id, pos, name_da, name_en, description_da, description_en,
                legal_basis_id, lawfulness, how_to_object_da, how_to_object_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            v,
            p.id,
            pos as i64,
            p.name.da,
            p.name.en,
            p.description.da,
            p.description.en,
            p.legal_basis,
            p.lawfulness.code(),
            p.how_to_object.da,
            p.how_to_object.en
        ])?;
    }
    for (pos, cat) in c.categories.iter().enumerate() {
        write_category(tx, v, pos, cat)?;
    }
    for (pos, t) in c.consent_types.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_consent_types (version_id, id, pos, scope_da, scope_en, recipient_da, recipient_en,
                purpose_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            v,
            t.id,
            pos as i64,
            t.scope.da,
            t.scope.en,
            t.recipient.da,
            t.recipient.en,
            t.purpose
        ])?;
    }
    for (pos, d) in c.decision_tools.iter().enumerate() {
        write_tool(tx, v, pos, d)?;
    }
    for (pos, p) in c.purpose_codes.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_purpose_codes (version_id, id, pos, system, code, purpose_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![v, p.id, pos as i64, p.system, p.code, p.purpose])?;
    }
    Ok(())
}

fn write_category(
    tx: &Connection,
    v: i64,
    pos: usize,
    c: &Category,
) -> Result<(), rusqlite::Error> {
    let (years, after, end_of_year) = match c.retention.rule() {
        RetentionRule::Years {
            years,
            after,
            end_of_year,
        } => (Some(i64::from(years)), Some(after.code()), end_of_year),
        RetentionRule::AsLongAsLawRequires => (None, None, false),
    };
    tx.prepare_cached(
        "INSERT INTO cat_categories (version_id, id, pos, area_id, name_da, name_en, description_da,
            description_en, special, legal_basis_id, lawfulness, system_id, origin_kind, origin_da, origin_en,
            retention_years, retention_after, retention_end_of_year)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        v,
        c.id,
        pos as i64,
        c.area,
        c.name.da,
        c.name.en,
        c.description.da,
        c.description.en,
        c.special_category,
        c.legal_basis,
        c.lawfulness.code(),
        c.system,
        c.origin.kind.code(),
        c.origin.name.da,
        c.origin.name.en,
        years,
        after,
        end_of_year
    ])?;
    for (pos, f) in c.fields.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_category_fields (version_id, category_id, id, pos, label_da, label_en, sensitive)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            v,
            c.id,
            f.id,
            pos as i64,
            f.label.da,
            f.label.en,
            f.sensitive
        ])?;
    }
    for (pos, p) in c.purposes.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_category_purposes (version_id, category_id, purpose_id, pos) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![v, c.id, p, pos as i64])?;
    }
    for (pos, r) in c.recipients.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_category_recipients (version_id, category_id, pos, name_da, name_en)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![v, c.id, pos as i64, r.da, r.en])?;
    }
    Ok(())
}

fn write_tool(
    tx: &Connection,
    v: i64,
    pos: usize,
    d: &DecisionTool,
) -> Result<(), rusqlite::Error> {
    tx.prepare_cached(
        "INSERT INTO cat_decision_tools (version_id, id, pos, area_id, name_da, name_en, used_for_da, used_for_en,
            how_it_helps_da, how_it_helps_en, human_role_da, human_role_en, how_to_object_da, how_to_object_en,
            system_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        v,
        d.id,
        pos as i64,
        d.area,
        d.name.da,
        d.name.en,
        d.used_for.da,
        d.used_for.en,
        d.how_it_helps.da,
        d.how_it_helps.en,
        d.human_role.da,
        d.human_role.en,
        d.how_to_object.da,
        d.how_to_object.en,
        d.system
    ])?;
    for (pos, t) in d.inputs.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO cat_decision_inputs (version_id, tool_id, pos, text_da, text_en) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![v, d.id, pos as i64, t.da, t.en])?;
    }
    Ok(())
}
