//! Custody relations on PostgreSQL: the twin of `store::relations`.

use super::{PgStore, citizens, dims, pg};
use crate::store::relations::{NewRelation, Person, RelationRejected, born_after};
use crate::store::{CitizenRef, StoreResult};
use jiff::Timestamp;
use jiff::civil::Date;
use tokio_postgres::Row;

/// A `date` parameter: PostgreSQL casts the ISO text.
fn day(d: Date) -> String {
    d.to_string()
}

fn person(r: &Row) -> StoreResult<Person> {
    Ok(Person {
        key: r.try_get(0).map_err(pg)?,
        name: r.try_get(1).map_err(pg)?,
        masked_cpr: r.try_get(2).map_err(pg)?,
    })
}

impl PgStore {
    /// Writes (or replaces) the custody relation of `r`'s parent and child, sent by `system`.
    pub async fn upsert_relation(
        &self,
        system: &str,
        r: &NewRelation,
        now: Timestamp,
    ) -> StoreResult<Result<(), RelationRejected>> {
        if r.parent_key == r.child_key {
            return Ok(Err(RelationRejected::SameCitizen));
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(pg)?;
        let find = tx
            .prepare_cached("SELECT id FROM citizens WHERE cpr_key = $1")
            .await
            .map_err(pg)?;
        let Some(parent) = tx.query_opt(&find, &[&r.parent_key]).await.map_err(pg)? else {
            return Ok(Err(RelationRejected::UnknownParent));
        };
        let Some(child) = tx.query_opt(&find, &[&r.child_key]).await.map_err(pg)? else {
            return Ok(Err(RelationRejected::UnknownChild));
        };
        let (parent, child): (i64, i64) = (
            parent.try_get(0).map_err(pg)?,
            child.try_get(0).map_err(pg)?,
        );
        let system = dims::system_id(&tx, system).await?;
        let st = tx
            .prepare_cached(
                "INSERT INTO relations (parent_id, child_id, child_born, custody_from, custody_to, system_id, updated_at)
                 VALUES ($1, $2, $3::text::date, $4::text::date, $5::text::date, $6, $7)
                 ON CONFLICT (parent_id, child_id) DO UPDATE SET
                   child_born = excluded.child_born, custody_from = excluded.custody_from,
                   custody_to = excluded.custody_to, system_id = excluded.system_id,
                   updated_at = excluded.updated_at",
            )
            .await
            .map_err(pg)?;
        tx.execute(
            &st,
            &[
                &parent,
                &child,
                &day(r.child_born),
                &day(r.custody_from),
                &r.custody_to.map(day),
                &system,
                &now.as_second(),
            ],
        )
        .await
        .map_err(pg)?;
        if let Some(name) = &r.child_name {
            let st = tx
                .prepare_cached("UPDATE citizens SET name = $1 WHERE id = $2")
                .await
                .map_err(pg)?;
            tx.execute(&st, &[name, &child]).await.map_err(pg)?;
        }
        tx.commit().await.map_err(pg)?;
        Ok(Ok(()))
    }

    /// The children in `parent`'s custody on `today` who are younger than `age_limit` years.
    pub async fn children_in_custody(
        &self,
        parent: &CitizenRef,
        today: Date,
        age_limit: u32,
    ) -> StoreResult<Vec<Person>> {
        let client = self.client().await?;
        let parent = citizens::citizen_key(&client, parent).await?;
        let st = client
            .prepare_cached(
                "SELECT c.cpr_key, c.name, c.cpr FROM relations r
                 JOIN citizens c ON c.id = r.child_id
                 WHERE r.parent_id = $1 AND r.custody_from <= $2::text::date
                   AND (r.custody_to IS NULL OR r.custody_to > $2::text::date)
                   AND r.child_born > $3::text::date AND c.cpr_key IS NOT NULL
                 ORDER BY r.child_born, c.id",
            )
            .await
            .map_err(pg)?;
        let rows = client
            .query(
                &st,
                &[&parent, &day(today), &day(born_after(today, age_limit))],
            )
            .await
            .map_err(pg)?;
        rows.iter().map(person).collect()
    }

    /// The citizen with this citizen key, if the store knows them.
    pub async fn person_by_key(&self, key: &str) -> StoreResult<Option<Person>> {
        let client = self.client().await?;
        let st = client
            .prepare_cached("SELECT cpr_key, name, cpr FROM citizens WHERE cpr_key = $1")
            .await
            .map_err(pg)?;
        let row = client.query_opt(&st, &[&key]).await.map_err(pg)?;
        row.as_ref().map(person).transpose()
    }
}
