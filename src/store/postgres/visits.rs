//! Kiosk visits on PostgreSQL: a `kiosk_visits` row and an entry in the citizen's own access log (and, for
//! a visit made in another's name, one in the actor's log too), in one transaction, with the entries' names
//! made once (get-or-create in `dims`). The texts are the SQLite store's (`store::kiosk_entry`).

use super::access_log::get;
use super::{PgStore, citizens, dims, pg};
use crate::domain::{Action, KIOSK_SYSTEM, OnBehalf};
use crate::source::KioskVisit;
use crate::store::dims::{NameTable, NewPurpose};
use crate::store::kiosk_entry::{
    CITIZEN_SERVICE_AREA, CITIZEN_SERVICE_SORT, VisitFor, helper_code, kiosk_entry,
};
use crate::store::queries::access_log::action_code;
use crate::store::{CitizenRef, StoreResult};
use deadpool_postgres::Transaction;

impl PgStore {
    /// Records a kiosk visit: a `kiosk_visits` row and an entry in the citizen's own access log, in one
    /// transaction. Nothing about the helper is kept beyond staff/volunteer.
    pub async fn record_visit(&self, who: &CitizenRef, visit: &KioskVisit) -> StoreResult<()> {
        self.record_visit_for(who, visit, None).await
    }

    /// Records a kiosk visit to `who`'s data; with `acting`, in both people's logs, the actor kept apart.
    pub async fn record_visit_for(
        &self,
        who: &CitizenRef,
        visit: &KioskVisit,
        acting: Option<&VisitFor>,
    ) -> StoreResult<()> {
        self.ensure_partitions([visit.started_at.as_second()])
            .await?;
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let actor = match acting {
            Some(a) => Some(citizens::citizen_key(&client, &a.actor).await?),
            None => None,
        };
        let tx = client.transaction().await.map_err(pg)?;
        let sides = acting.map(VisitFor::sides);
        let event = kiosk_event(&tx, key, visit, sides.as_ref().map(|(by, _)| by)).await?;
        let actor_event = match (&sides, actor) {
            (Some((_, for_other)), Some(actor)) => {
                Some(kiosk_event(&tx, actor, visit, Some(for_other)).await?)
            }
            _ => None,
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
                &actor,
                &acting.map(|a| a.basis.code()),
                &actor_event,
            ],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(event, on_behalf = acting.is_some(), "kiosk visit recorded");
        Ok(())
    }
}

impl PgStore {
    /// Records a visit a member of staff opened for `who`: the entry in their log says so, never who.
    pub async fn record_assisted_visit(
        &self,
        who: &CitizenRef,
        visit: &KioskVisit,
    ) -> StoreResult<()> {
        self.ensure_partitions([visit.started_at.as_second()])
            .await?;
        let mut client = self.client().await?;
        let key = citizens::citizen_key(&client, who).await?;
        let tx = client.transaction().await.map_err(pg)?;
        let event = kiosk_event(&tx, key, visit, Some(&OnBehalf::Assisted)).await?;
        let st = tx
            .prepare_cached(
                "INSERT INTO kiosk_visits (citizen_id, kiosk_id, location, started_at, helper, event_id, basis)
                 VALUES ($1, $2, $3, $4, $5, $6, 'staff_assisted')",
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
            ],
        )
        .await
        .map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!(event, "kiosk visit opened by staff recorded");
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
