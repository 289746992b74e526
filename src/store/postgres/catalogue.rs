//! Importing a checked catalogue on PostgreSQL as a new version, in one transaction: the port of
//! `store::catalogue`. An import never drops an entry that citizens still have rows for; it names each one
//! and changes nothing. Imports run one at a time (a lock on `catalogue_versions`), as on SQLite.

use super::{PgStore, pg};
use crate::catalogue::{Catalogue, Category, DecisionTool, RetentionRule};
use crate::store::{ImportError, Imported, StillInUse, StoreError};
use deadpool_postgres::GenericClient;

/// The per-citizen tables and the catalogue entry each refers to.
const USES: &[(&str, &str, &str)] = &[
    ("category", "holdings", "category_id"),
    ("consent_type", "citizen_consents", "consent_type_id"),
    ("decision_tool", "decision_uses", "tool_id"),
];

fn err(e: tokio_postgres::Error) -> ImportError {
    ImportError::Store(pg(e))
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

async fn write_catalogue<C: GenericClient>(
    tx: &C,
    v: i64,
    c: &Catalogue,
) -> Result<(), tokio_postgres::Error> {
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_areas (version_id, id, pos, name_da, name_en, description_da, description_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .await?;
    for (a, pos) in c.areas.iter().zip(0_i64..) {
        let (name, description) = (&a.name, &a.description);
        tx.execute(
            &st,
            &[
                &v,
                &a.id,
                &pos,
                &name.da,
                &name.en,
                &description.da,
                &description.en,
            ],
        )
        .await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_systems (version_id, id, name, owner_da, owner_en, contact)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await?;
    for s in &c.systems {
        tx.execute(
            &st,
            &[&v, &s.id, &s.name, &s.owner.da, &s.owner.en, &s.contact],
        )
        .await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_legal_bases (version_id, id, gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .await?;
    for l in &c.legal_bases {
        let (g, w, p) = (&l.gdpr, &l.law, &l.plain);
        tx.execute(&st, &[&v, &l.id, &g.da, &g.en, &w.da, &w.en, &p.da, &p.en])
            .await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_purposes (version_id, id, pos, name_da, name_en, description_da, description_en,
                legal_basis_id, lawfulness, how_to_object_da, how_to_object_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .await?;
    for (p, pos) in c.purposes.iter().zip(0_i64..) {
        let (n, d, o) = (&p.name, &p.description, &p.how_to_object);
        let lawfulness = p.lawfulness.code();
        tx.execute(
            &st,
            &[
                &v,
                &p.id,
                &pos,
                &n.da,
                &n.en,
                &d.da,
                &d.en,
                &p.legal_basis,
                &lawfulness,
                &o.da,
                &o.en,
            ],
        )
        .await?;
    }
    for (cat, pos) in c.categories.iter().zip(0_i64..) {
        write_category(tx, v, pos, cat).await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_consent_types (version_id, id, pos, scope_da, scope_en, recipient_da, recipient_en,
                purpose_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .await?;
    for (t, pos) in c.consent_types.iter().zip(0_i64..) {
        let (s, r) = (&t.scope, &t.recipient);
        tx.execute(
            &st,
            &[&v, &t.id, &pos, &s.da, &s.en, &r.da, &r.en, &t.purpose],
        )
        .await?;
    }
    for (d, pos) in c.decision_tools.iter().zip(0_i64..) {
        write_tool(tx, v, pos, d).await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_purpose_codes (version_id, id, pos, system, code, purpose_id)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await?;
    for (p, pos) in c.purpose_codes.iter().zip(0_i64..) {
        tx.execute(&st, &[&v, &p.id, &pos, &p.system, &p.code, &p.purpose])
            .await?;
    }
    Ok(())
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
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_category_fields (version_id, category_id, id, pos, label_da, label_en, sensitive)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .await?;
    for (f, pos) in c.fields.iter().zip(0_i64..) {
        let sensitive = i64::from(f.sensitive);
        tx.execute(
            &st,
            &[&v, &c.id, &f.id, &pos, &f.label.da, &f.label.en, &sensitive],
        )
        .await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_category_purposes (version_id, category_id, purpose_id, pos) VALUES ($1, $2, $3, $4)",
        )
        .await?;
    for (p, pos) in c.purposes.iter().zip(0_i64..) {
        tx.execute(&st, &[&v, &c.id, p, &pos]).await?;
    }
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_category_recipients (version_id, category_id, pos, name_da, name_en)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .await?;
    for (r, pos) in c.recipients.iter().zip(0_i64..) {
        tx.execute(&st, &[&v, &c.id, &pos, &r.da, &r.en]).await?;
    }
    Ok(())
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
    let st = tx
        .prepare_cached(
            "INSERT INTO cat_decision_inputs (version_id, tool_id, pos, text_da, text_en) VALUES ($1, $2, $3, $4, $5)",
        )
        .await?;
    for (t, pos) in d.inputs.iter().zip(0_i64..) {
        tx.execute(&st, &[&v, &d.id, &pos, &t.da, &t.en]).await?;
    }
    Ok(())
}
