//! Kiosk visits on PostgreSQL: a `kiosk_visits` row and an entry in the citizen's own access log, in one
//! transaction, with the entry's names made once (get-or-create in `dims`). The texts are the SQLite
//! store's (`store::kiosk_entry`).

use super::access_log::get;
use super::{PgStore, citizens, dims, pg};
use crate::domain::{Action, KIOSK_SYSTEM};
use crate::source::KioskVisit;
use crate::store::dims::{NameTable, NewPurpose};
use crate::store::kiosk_entry::{
    CITIZEN_SERVICE_AREA, CITIZEN_SERVICE_SORT, helper_code, kiosk_entry,
};
use crate::store::queries::access_log::action_code;
use crate::store::{CitizenRef, StoreResult};

impl PgStore {
    /// Records a kiosk visit: a `kiosk_visits` row and an entry in the citizen's own access log, in one
    /// transaction. Nothing about the helper is kept beyond staff/volunteer.
    pub async fn record_visit(&self, who: &CitizenRef, visit: &KioskVisit) -> StoreResult<()> {
        self.ensure_partitions([visit.started_at.as_second()])
            .await?;
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let tx = client.transaction().await.map_err(pg)?;
        let e = kiosk_entry(&dims::municipality(&tx).await?, visit);
        let org = dims::name_id(&tx, NameTable::Organisations, &e.organisation).await?;
        let unit = dims::name_id(&tx, NameTable::Units, &e.unit).await?;
        let role = dims::name_id(&tx, NameTable::Roles, &e.role).await?;
        let kind = dims::name_id(&tx, NameTable::DataKinds, &e.kind).await?;
        let system = dims::system_id(&tx, KIOSK_SYSTEM).await?;
        let area = dims::area_id(
            &tx,
            CITIZEN_SERVICE_AREA,
            CITIZEN_SERVICE_SORT,
            &e.area_name,
            &e.area_description,
        )
        .await?;
        let lb = dims::legal_basis_id(&tx, &e.legal_basis).await?;
        let purpose = dims::purpose_id(
            &tx,
            &NewPurpose {
                name: &e.purpose,
                description: &e.purpose_description,
                legal_basis: lb,
                lawfulness: e.lawfulness,
                how_to_object: &e.how_to_object,
            },
        )
        .await?;
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
