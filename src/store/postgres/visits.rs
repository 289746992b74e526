//! Kiosk visits on PostgreSQL: a `kiosk_visits` row and an entry in the citizen's own access log, with the
//! entry's names made once (get-or-create). The port of `store::writes::record_visit` and the parts of
//! `store::dims` it uses.
//!
//! Each name is looked up before it is inserted, so an existing name uses up no id of its sequence and
//! both engines give a new name the same id; two servers making one name at once make one row.

use super::access_log::get;
use super::{PgStore, citizens, pg};
use crate::domain::{Action, KIOSK_SYSTEM, Lawfulness, Text};
use crate::source::{Helper, KioskVisit};
use crate::store::queries::access_log::action_code;
use crate::store::{CitizenRef, StoreError, StoreResult};
use deadpool_postgres::Transaction;
use tokio_postgres::types::ToSql;

/// The area code of Borgerservice, where kiosk visits are logged (as `store::writes`).
const CITIZEN_SERVICE_AREA: &str = "citizen_service";

fn kiosk_role(helper: Helper) -> Text {
    match helper {
        Helper::NoOne => Text::new("Selvbetjeningskiosk", "Self-service kiosk"),
        Helper::Staff => Text::new(
            "Selvbetjeningskiosk, med hjælp fra en medarbejder",
            "Self-service kiosk, with help from staff",
        ),
        Helper::Volunteer => Text::new(
            "Selvbetjeningskiosk, med hjælp fra en frivillig",
            "Self-service kiosk, with help from a volunteer",
        ),
    }
}

fn helper_code(helper: Helper) -> &'static str {
    match helper {
        Helper::NoOne => "no_one",
        Helper::Staff => "staff",
        Helper::Volunteer => "volunteer",
    }
}

/// The id `find` answers for `key`, else the id of the row `insert` makes (`ON CONFLICT DO NOTHING
/// RETURNING id`), else (another transaction made it first) `find` again.
async fn find_or_insert(
    tx: &Transaction<'_>,
    find: &str,
    key: &[&(dyn ToSql + Sync)],
    insert: &str,
    values: &[&(dyn ToSql + Sync)],
) -> StoreResult<i64> {
    let find = tx.prepare_cached(find).await.map_err(pg)?;
    if let Some(row) = tx.query_opt(&find, key).await.map_err(pg)? {
        return get(&row, 0);
    }
    let insert = tx.prepare_cached(insert).await.map_err(pg)?;
    if let Some(row) = tx.query_opt(&insert, values).await.map_err(pg)? {
        return get(&row, 0);
    }
    let row = tx.query_opt(&find, key).await.map_err(pg)?;
    get(&row.ok_or_else(|| StoreError::Corrupt("a name".into()))?, 0)
}

/// The id of a name in a bilingual name table (`table` is one of our constants, never input).
async fn name_id(tx: &Transaction<'_>, table: &str, name: &Text) -> StoreResult<i64> {
    find_or_insert(
        tx,
        &format!("SELECT id FROM {table} WHERE name_da = $1 AND name_en = $2"),
        &[&name.da, &name.en],
        &format!(
            "INSERT INTO {table} (name_da, name_en) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id"
        ),
        &[&name.da, &name.en],
    )
    .await
}

async fn meta(tx: &Transaction<'_>, key: &str) -> StoreResult<Option<String>> {
    let st = tx
        .prepare_cached("SELECT value FROM meta WHERE key = $1")
        .await
        .map_err(pg)?;
    let row = tx.query_opt(&st, &[&key]).await.map_err(pg)?;
    row.map(|r| get(&r, 0)).transpose()
}

/// The Borgerservice organisation of the municipality named in `meta` (else "Kommunen").
async fn citizen_service_org(tx: &Transaction<'_>) -> StoreResult<Text> {
    let da = meta(tx, "municipality_da")
        .await?
        .unwrap_or_else(|| "Kommunen".into());
    let en = meta(tx, "municipality_en")
        .await?
        .unwrap_or_else(|| "The municipality".into());
    Ok(Text::new(
        format!("Borgerservice, {da}"),
        format!("Citizen Service, {en}"),
    ))
}

async fn kiosk_area(tx: &Transaction<'_>) -> StoreResult<i64> {
    let (name, description) = (
        Text::new("Borgerservice", "Citizen Service"),
        Text::new(
            "Pas, kørekort og hjælp til selvbetjening.",
            "Passports, driving licences and self-service help.",
        ),
    );
    find_or_insert(
        tx,
        "SELECT id FROM areas WHERE code = $1",
        &[&CITIZEN_SERVICE_AREA],
        "INSERT INTO areas (code, sort, name_da, name_en, description_da, description_en)
         VALUES ($1, 99, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING id",
        &[
            &CITIZEN_SERVICE_AREA,
            &name.da,
            &name.en,
            &description.da,
            &description.en,
        ],
    )
    .await
}

/// The purpose of a kiosk visit (the citizen's own access, GDPR art. 15) with its legal basis.
async fn kiosk_purpose(tx: &Transaction<'_>) -> StoreResult<i64> {
    let (gdpr, law, plain) = (
        Text::new("GDPR art. 15", "GDPR Art. 15"),
        Text::new(
            "Databeskyttelsesforordningen art. 15",
            "General Data Protection Regulation Art. 15",
        ),
        Text::new(
            "Du har ret til at se, hvad kommunen ved om dig.",
            "You have the right to see what the municipality knows about you.",
        ),
    );
    let basis = find_or_insert(
        tx,
        "SELECT id FROM legal_bases WHERE gdpr_da = $1 AND law_da = $2",
        &[&gdpr.da, &law.da],
        "INSERT INTO legal_bases (gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
        &[&gdpr.da, &gdpr.en, &law.da, &law.en, &plain.da, &plain.en],
    )
    .await?;
    let name = Text::new(
        "Din egen indsigt (GDPR art. 15)",
        "Your own access (GDPR art. 15)",
    );
    let description = Text::new(
        "Du så dine egne data på en kiosk. Besøget står i din log, så alt er åbent.",
        "You looked at your own data at a kiosk. The visit is in your log, so everything is open.",
    );
    let object = Text::new(
        "Kontakt kommunens databeskyttelsesrådgiver, hvis du har spørgsmål.",
        "Contact the municipality's data protection officer if you have questions.",
    );
    let lawfulness = Lawfulness::RequiredByLaw.code();
    find_or_insert(
        tx,
        "SELECT id FROM purposes WHERE name_da = $1 AND name_en = $2",
        &[&name.da, &name.en],
        "INSERT INTO purposes (name_da, name_en, description_da, description_en, legal_basis_id, lawfulness,
                               how_to_object_da, how_to_object_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
        &[
            &name.da,
            &name.en,
            &description.da,
            &description.en,
            &basis,
            &lawfulness,
            &object.da,
            &object.en,
        ],
    )
    .await
}

impl PgStore {
    /// Records a kiosk visit: a `kiosk_visits` row and an entry in the citizen's own access log, in one
    /// transaction. Nothing about the helper is kept beyond staff/volunteer.
    pub async fn record_visit(&self, who: &CitizenRef, visit: &KioskVisit) -> StoreResult<()> {
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let tx = client.transaction().await.map_err(pg)?;
        let org = name_id(&tx, "organisations", &citizen_service_org(&tx).await?).await?;
        let unit = name_id(&tx, "units", &Text::same(visit.location.clone())).await?;
        let role = name_id(&tx, "roles", &kiosk_role(visit.helper)).await?;
        let kind = name_id(
            &tx,
            "data_kinds",
            &Text::new("Dine data i Indsigt", "Your data in Indsigt"),
        )
        .await?;
        let system = find_or_insert(
            &tx,
            "SELECT id FROM systems WHERE name = $1",
            &[&KIOSK_SYSTEM],
            "INSERT INTO systems (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id",
            &[&KIOSK_SYSTEM],
        )
        .await?;
        let area = kiosk_area(&tx).await?;
        let purpose = kiosk_purpose(&tx).await?;
        let at = visit.started_at.as_second();
        let st = tx
            .prepare_cached(
                "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                                            area_id, kind_id, action, purpose_id, case_ref, batch_run_id,
                                            batch_records, hidden_until)
                 VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $10, NULL, NULL, NULL, NULL)
                 RETURNING id",
            )
            .await
            .map_err(pg)?;
        let action = action_code(Action::Viewed);
        let row = tx
            .query_one(
                &st,
                &[
                    &key, &at, &org, &unit, &role, &system, &area, &kind, &action, &purpose,
                ],
            )
            .await
            .map_err(pg)?;
        let event: i64 = get(&row, 0)?;
        let st = tx
            .prepare_cached(
                "INSERT INTO kiosk_visits (citizen_id, kiosk_id, location, started_at, helper, event_id)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .await
            .map_err(pg)?;
        tx.execute(
            &st,
            &[
                &key,
                &visit.kiosk_id,
                &visit.location,
                &at,
                &helper_code(visit.helper),
                &event,
            ],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(event, "kiosk visit recorded");
        Ok(())
    }
}
