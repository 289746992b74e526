//! Kiosk visits on PostgreSQL: a `kiosk_visits` row and an entry in the citizen's own access log (and, for
//! a visit made in another's name, one in the actor's log too), in one transaction, with the entries' names
//! made once (get-or-create in `dims`). The texts are the SQLite store's (`store::kiosk_entry`).

use super::access_log::get;
use super::{PgStore, citizens, dims, pg};
use crate::domain::{Action, KIOSK_SYSTEM, OnBehalf};
use crate::source::KioskVisit;
use crate::store::dims::{NameTable, NewPurpose};
use crate::store::kiosk_entry::{
    CITIZEN_SERVICE_AREA, CITIZEN_SERVICE_SORT, Visitor, helper_code, kiosk_entry,
};
use crate::store::queries::access_log::action_code;
use crate::store::{CitizenRef, StoreResult};
use deadpool_postgres::Transaction;

impl PgStore {
    /// Records a kiosk visit: a `kiosk_visits` row and an entry in the citizen's own access log, in one
    /// transaction. Nothing about the helper is kept beyond staff/volunteer.
    pub async fn record_visit(&self, who: &CitizenRef, visit: &KioskVisit) -> StoreResult<()> {
        self.record_visit_by(who, visit, &Visitor::Citizen).await
    }

    /// Records a kiosk visit to `who`'s data by `visitor` (the twin of SQLite's `record_visit_by`): for
    /// someone acting for them, in both people's logs with the actor kept apart.
    pub async fn record_visit_by(
        &self,
        who: &CitizenRef,
        visit: &KioskVisit,
        visitor: &Visitor,
    ) -> StoreResult<()> {
        self.ensure_partitions([visit.started_at.as_second()])
            .await?;
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let actor = match visitor.actor_side() {
            Some((actor, side)) => Some((citizens::citizen_key(&client, actor).await?, side)),
            None => None,
        };
        let tx = client.transaction().await.map_err(pg)?;
        let event = kiosk_event(&tx, key, visit, visitor.subject_side().as_ref()).await?;
        let actor_event = match &actor {
            Some((actor, side)) => Some(kiosk_event(&tx, *actor, visit, Some(side)).await?),
            None => None,
        };
        let st = tx
            .prepare_cached(
                "INSERT INTO kiosk_visits (citizen_id, kiosk_id, location, started_at, helper, event_id,
                                           actor_citizen_id, basis, actor_event_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .await
            .map_err(pg)?;
        tx.execute(
            &st,
            &[
                &key,
                &visit.kiosk_id,
                &visit.location,
                &visit.started_at.as_second(),
                &helper_code(visit.helper),
                &event,
                &actor.as_ref().map(|(a, _)| *a),
                &visitor.basis_code(),
                &actor_event,
            ],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(event, basis = visitor.basis_code(), "kiosk visit recorded");
        Ok(())
    }
}

/// One kiosk visit's entry in the log of citizen `key`, seen from `side`.
async fn kiosk_event(
    tx: &Transaction<'_>,
    key: i64,
    visit: &KioskVisit,
    side: Option<&OnBehalf>,
) -> StoreResult<i64> {
    let e = kiosk_entry(&dims::municipality(tx).await?, visit, side);
    let org = dims::name_id(tx, NameTable::Organisations, &e.organisation).await?;
    let unit = dims::name_id(tx, NameTable::Units, &e.unit).await?;
    let role = dims::name_id(tx, NameTable::Roles, &e.role).await?;
    let kind = dims::name_id(tx, NameTable::DataKinds, &e.kind).await?;
    let system = dims::system_id(tx, KIOSK_SYSTEM).await?;
    let area = dims::area_id(
        tx,
        CITIZEN_SERVICE_AREA,
        CITIZEN_SERVICE_SORT,
        &e.area_name,
        &e.area_description,
    )
    .await?;
    let lb = dims::legal_basis_id(tx, &e.legal_basis).await?;
    let purpose = dims::purpose_id(
        tx,
        &NewPurpose {
            name: &e.purpose,
            description: &e.purpose_description,
            legal_basis: lb,
            lawfulness: e.lawfulness,
            how_to_object: &e.how_to_object,
        },
    )
    .await?;
    let st = tx
        .prepare_cached(
            "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                                        area_id, kind_id, action, purpose_id, case_ref, batch_run_id,
                                        batch_records, hidden_until, on_behalf, on_behalf_name)
             VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $10, NULL, NULL, NULL, NULL, $11, $12)
             RETURNING id",
        )
        .await
        .map_err(pg)?;
    let action = action_code(Action::Viewed);
    let code = side.map(OnBehalf::code);
    let name = side.map(OnBehalf::name);
    let row = tx
        .query_one(
            &st,
            &[
                &key,
                &visit.started_at.as_second(),
                &org,
                &unit,
                &role,
                &system,
                &area,
                &kind,
                &action,
                &purpose,
                &code,
                &name,
            ],
        )
        .await
        .map_err(pg)?;
    get(&row, 0)
}
