//! Importing a checked catalogue on PostgreSQL as a new version, in one transaction: the port of
//! `store::catalogue`. An import never drops an entry that citizens still have rows for; it names each one
//! and changes nothing. Imports run one at a time (a lock on `catalogue_versions`), as on SQLite.

use super::{PgStore, pg};
use crate::catalogue::{Catalogue, Category, DecisionTool, RetentionRule};
use crate::store::{ImportError, Imported, StillInUse, StoreError};
use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;

/// The per-citizen tables and the catalogue entry each refers to.
const USES: &[(&str, &str, &str)] = &[
    ("category", "holdings", "category_id"),
    ("consent_type", "citizen_consents", "consent_type_id"),
    ("decision_tool", "decision_uses", "tool_id"),
];

fn err(e: tokio_postgres::Error) -> ImportError {
    ImportError::Store(pg(e))
}

/// A position or a count as stored.
fn int(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

impl PgStore {
    /// The current (newest) catalogue version, if one was imported.
    pub async fn catalogue_version(&self) -> Result<Option<i64>, StoreError> {
        let client = self.client().await?;
        let st = client
            .prepare_cached("SELECT max(id) FROM catalogue_versions")
            .await
            .map_err(pg)?;
        client
            .query_one(&st, &[])
            .await
            .map_err(pg)?
            .try_get(0)
            .map_err(pg)
    }

    /// Imports `catalogue` as a new version. `source` names where it came from, `digest` fingerprints
    /// its files, `now` is unix seconds. All or nothing.
    pub async fn import_catalogue(
        &self,
        catalogue: &Catalogue,
        source: &str,
        digest: &str,
        now: i64,
    ) -> Result<Imported, ImportError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(err)?;
        // Readers go on; a second import waits until this one is committed and then sees it.
        tx.batch_execute("LOCK TABLE catalogue_versions IN EXCLUSIVE MODE")
            .await
            .map_err(err)?;
        let previous: Option<i64> = tx
            .query_one("SELECT max(id) FROM catalogue_versions", &[])
            .await
            .map_err(err)?
            .try_get(0)
            .map_err(err)?;
        let missing = still_in_use(&tx, catalogue).await?;
        if !missing.is_empty() {
            return Err(ImportError::StillInUse(missing));
        }
        let version: i64 = tx
            .query_one(
                "INSERT INTO catalogue_versions (imported_at, source, digest) VALUES ($1, $2, $3)
                 RETURNING id",
                &[&now, &source, &digest],
            )
            .await
            .map_err(err)?
            .try_get(0)
            .map_err(err)?;
        write_catalogue(&tx, version, catalogue)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(Imported { version, previous })
    }
}

/// The ids citizens have rows for that `catalogue` does not have, with how many citizens have them.
async fn still_in_use<C: GenericClient>(
    tx: &C,
    catalogue: &Catalogue,
) -> Result<Vec<StillInUse>, ImportError> {
    let mut out = Vec::new();
    for (kind, table, column) in USES {
        let keeps = |id: &str| match *kind {
            "category" => catalogue.categories.iter().any(|c| c.id == id),
            "consent_type" => catalogue.consent_types.iter().any(|c| c.id == id),
            _ => catalogue.decision_tools.iter().any(|c| c.id == id),
        };
        // Table and column names are our own constants, not input. "C" sorts as SQLite does (by bytes).
        let sql = format!(
            "SELECT {column}, count(DISTINCT citizen_id) FROM {table} GROUP BY {column}
             ORDER BY {column} COLLATE \"C\""
        );
        for row in tx.query(&sql, &[]).await.map_err(err)? {
            let id: String = row.try_get(0).map_err(err)?;
            let citizens: i64 = row.try_get(1).map_err(err)?;
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

/// Runs one prepared statement once for each list of values.
async fn each<C: GenericClient>(
    tx: &C,
    sql: &str,
    rows: &[Vec<&(dyn ToSql + Sync)>],
) -> Result<(), tokio_postgres::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let st = tx.prepare_cached(sql).await?;
    for values in rows {
        tx.execute(&st, values).await?;
    }
    Ok(())
}

async fn write_catalogue<C: GenericClient>(
    tx: &C,
    v: i64,
    c: &Catalogue,
) -> Result<(), tokio_postgres::Error> {
    let pos: Vec<i64> = (0..c
        .areas
        .len()
        .max(c.purposes.len())
        .max(c.categories.len())
        .max(c.consent_types.len())
        .max(c.decision_tools.len())
        .max(c.purpose_codes.len()))
        .map(int)
        .collect();
    let areas: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .areas
        .iter()
        .zip(&pos)
        .map(|(a, p)| -> Vec<&(dyn ToSql + Sync)> {
            vec![
                &v,
                &a.id,
                p,
                &a.name.da,
                &a.name.en,
                &a.description.da,
                &a.description.en,
            ]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_areas (version_id, id, pos, name_da, name_en, description_da, description_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &areas,
    )
    .await?;
    let systems: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .systems
        .iter()
        .map(|s| -> Vec<&(dyn ToSql + Sync)> {
            vec![&v, &s.id, &s.name, &s.owner.da, &s.owner.en, &s.contact]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_systems (version_id, id, name, owner_da, owner_en, contact)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &systems,
    )
    .await?;
    let bases: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .legal_bases
        .iter()
        .map(|l| -> Vec<&(dyn ToSql + Sync)> {
            vec![
                &v,
                &l.id,
                &l.gdpr.da,
                &l.gdpr.en,
                &l.law.da,
                &l.law.en,
                &l.plain.da,
                &l.plain.en,
            ]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_legal_bases (version_id, id, gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &bases,
    )
    .await?;
    let lawfulness: Vec<&str> = c.purposes.iter().map(|p| p.lawfulness.code()).collect();
    let purposes: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .purposes
        .iter()
        .zip(&pos)
        .zip(&lawfulness)
        .map(|((p, i), l)| -> Vec<&(dyn ToSql + Sync)> {
            vec![
                &v,
                &p.id,
                i,
                &p.name.da,
                &p.name.en,
                &p.description.da,
                &p.description.en,
                &p.legal_basis,
                l,
                &p.how_to_object.da,
                &p.how_to_object.en,
            ]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_purposes (version_id, id, pos, name_da, name_en, description_da, description_en,
            legal_basis_id, lawfulness, how_to_object_da, how_to_object_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &purposes,
    )
    .await?;
    for (cat, p) in c.categories.iter().zip(&pos) {
        write_category(tx, v, *p, cat).await?;
    }
    let consents: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .consent_types
        .iter()
        .zip(&pos)
        .map(|(t, p)| -> Vec<&(dyn ToSql + Sync)> {
            vec![
                &v,
                &t.id,
                p,
                &t.scope.da,
                &t.scope.en,
                &t.recipient.da,
                &t.recipient.en,
                &t.purpose,
            ]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_consent_types (version_id, id, pos, scope_da, scope_en, recipient_da, recipient_en,
            purpose_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &consents,
    )
    .await?;
    for (d, p) in c.decision_tools.iter().zip(&pos) {
        write_tool(tx, v, *p, d).await?;
    }
    let codes: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .purpose_codes
        .iter()
        .zip(&pos)
        .map(|(pc, p)| -> Vec<&(dyn ToSql + Sync)> {
            vec![&v, &pc.id, p, &pc.system, &pc.code, &pc.purpose]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_purpose_codes (version_id, id, pos, system, code, purpose_id)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &codes,
    )
    .await
}

async fn write_category<C: GenericClient>(
    tx: &C,
    v: i64,
    pos: i64,
    c: &Category,
) -> Result<(), tokio_postgres::Error> {
    let (years, after, end_of_year) = match c.retention.rule() {
        RetentionRule::Years {
            years,
            after,
            end_of_year,
        } => (Some(i64::from(years)), Some(after.code()), end_of_year),
        RetentionRule::AsLongAsLawRequires => (None, None, false),
    };
    tx.execute(
        "INSERT INTO cat_categories (version_id, id, pos, area_id, name_da, name_en, description_da,
            description_en, special, legal_basis_id, lawfulness, system_id, origin_kind, origin_da, origin_en,
            retention_years, retention_after, retention_end_of_year)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        &[
            &v,
            &c.id,
            &pos,
            &c.area,
            &c.name.da,
            &c.name.en,
            &c.description.da,
            &c.description.en,
            &i64::from(c.special_category),
            &c.legal_basis,
            &c.lawfulness.code(),
            &c.system,
            &c.origin.kind.code(),
            &c.origin.name.da,
            &c.origin.name.en,
            &years,
            &after,
            &i64::from(end_of_year),
        ],
    )
    .await?;
    let pos: Vec<i64> = (0..c.fields.len().max(c.purposes.len()).max(c.recipients.len()))
        .map(int)
        .collect();
    let sensitive: Vec<i64> = c.fields.iter().map(|f| i64::from(f.sensitive)).collect();
    let fields: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .fields
        .iter()
        .zip(&pos)
        .zip(&sensitive)
        .map(|((f, p), s)| -> Vec<&(dyn ToSql + Sync)> {
            vec![&v, &c.id, &f.id, p, &f.label.da, &f.label.en, s]
        })
        .collect();
    each(
        tx,
        "INSERT INTO cat_category_fields (version_id, category_id, id, pos, label_da, label_en, sensitive)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &fields,
    )
    .await?;
    let purposes: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .purposes
        .iter()
        .zip(&pos)
        .map(|(pu, p)| -> Vec<&(dyn ToSql + Sync)> { vec![&v, &c.id, pu, p] })
        .collect();
    each(
        tx,
        "INSERT INTO cat_category_purposes (version_id, category_id, purpose_id, pos) VALUES ($1, $2, $3, $4)",
        &purposes,
    )
    .await?;
    let recipients: Vec<Vec<&(dyn ToSql + Sync)>> = c
        .recipients
        .iter()
        .zip(&pos)
        .map(|(r, p)| -> Vec<&(dyn ToSql + Sync)> { vec![&v, &c.id, p, &r.da, &r.en] })
        .collect();
    each(
        tx,
        "INSERT INTO cat_category_recipients (version_id, category_id, pos, name_da, name_en)
         VALUES ($1, $2, $3, $4, $5)",
        &recipients,
    )
    .await
}

async fn write_tool<C: GenericClient>(
    tx: &C,
    v: i64,
    pos: i64,
    d: &DecisionTool,
) -> Result<(), tokio_postgres::Error> {
    tx.execute(
        "INSERT INTO cat_decision_tools (version_id, id, pos, area_id, name_da, name_en, used_for_da, used_for_en,
            how_it_helps_da, how_it_helps_en, human_role_da, human_role_en, how_to_object_da, how_to_object_en,
            system_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            &v,
            &d.id,
            &pos,
            &d.area,
            &d.name.da,
            &d.name.en,
            &d.used_for.da,
            &d.used_for.en,
            &d.how_it_helps.da,
            &d.how_it_helps.en,
            &d.human_role.da,
            &d.human_role.en,
            &d.how_to_object.da,
            &d.how_to_object.en,
            &d.system,
        ],
    )
    .await?;
    let pos: Vec<i64> = (0..d.inputs.len()).map(int).collect();
    let inputs: Vec<Vec<&(dyn ToSql + Sync)>> = d
        .inputs
        .iter()
        .zip(&pos)
        .map(|(t, p)| -> Vec<&(dyn ToSql + Sync)> { vec![&v, &d.id, p, &t.da, &t.en] })
        .collect();
    each(
        tx,
        "INSERT INTO cat_decision_inputs (version_id, tool_id, pos, text_da, text_en) VALUES ($1, $2, $3, $4, $5)",
        &inputs,
    )
    .await
}
