//! Custody relations, as the CPR system (the Folkeregister) sends them, and the people a signed-in
//! citizen may act for. The twin on PostgreSQL is `postgres::relations`; the SQL is the same but for the
//! placeholders and the date type.

use crate::store::{CitizenRef, Store, StoreResult};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

/// One custody relation to write. Both people are named by their citizen keys; the CPR numbers are gone.
#[derive(Clone, PartialEq, Eq)]
pub struct NewRelation {
    pub parent_key: String,
    pub child_key: String,
    pub child_born: Date,
    pub custody_from: Date,
    /// The day custody ended (the first day without it); `None` while it lasts.
    pub custody_to: Option<Date>,
    /// The child's name as the Folkeregister has it, shown in the parent's chooser.
    pub child_name: Option<String>,
}

impl std::fmt::Debug for NewRelation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewRelation([REDACTED])")
    }
}

/// Why a relation was not written. For the sending system's operator: names no one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RelationRejected {
    #[error("the parent is not a citizen the server knows")]
    UnknownParent,
    #[error("the child is not a citizen the server knows")]
    UnknownChild,
    #[error("the parent and the child are the same person")]
    SameCitizen,
}

impl RelationRejected {
    pub fn code(self) -> &'static str {
        match self {
            RelationRejected::UnknownParent => "unknown_parent",
            RelationRejected::UnknownChild => "unknown_child",
            RelationRejected::SameCitizen => "same_citizen",
        }
    }
}

/// A person someone may act for, as the store knows them: the citizen key, the name (empty if none was
/// ever sent) and the masked CPR number (`ddmmyy-••••`).
#[derive(Clone, PartialEq, Eq)]
pub struct Person {
    pub key: String,
    pub name: String,
    pub masked_cpr: String,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Person([REDACTED])")
    }
}

impl Drop for Person {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.name);
    }
}

/// The children in custody on `today` who were born after `born_after` (younger than the age limit).
const CHILDREN_SQL: &str = "SELECT c.cpr_key, c.name, c.cpr FROM relations r
JOIN citizens c ON c.id = r.child_id
WHERE r.parent_id = ?1 AND r.custody_from <= ?2 AND (r.custody_to IS NULL OR r.custody_to > ?2)
  AND r.child_born > ?3 AND c.cpr_key IS NOT NULL
ORDER BY r.child_born, c.id";

impl Store {
    /// Writes (or replaces) the custody relation of `r`'s parent and child, sent by `system`.
    pub fn upsert_relation(
        &mut self,
        system: &str,
        r: &NewRelation,
        now: Timestamp,
    ) -> StoreResult<Result<(), RelationRejected>> {
        if r.parent_key == r.child_key {
            return Ok(Err(RelationRejected::SameCitizen));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let find = |key: &str| -> StoreResult<Option<i64>> {
            Ok(tx
                .prepare_cached("SELECT id FROM citizens WHERE cpr_key = ?1")?
                .query_row([key], |row| row.get(0))
                .optional()?)
        };
        let Some(parent) = find(&r.parent_key)? else {
            return Ok(Err(RelationRejected::UnknownParent));
        };
        let Some(child) = find(&r.child_key)? else {
            return Ok(Err(RelationRejected::UnknownChild));
        };
        let system = crate::store::dims::system_id(&tx, system)?;
        tx.prepare_cached(
            "INSERT INTO relations (parent_id, child_id, child_born, custody_from, custody_to, system_id, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (parent_id, child_id) DO UPDATE SET
               child_born = excluded.child_born, custody_from = excluded.custody_from,
               custody_to = excluded.custody_to, system_id = excluded.system_id,
               updated_at = excluded.updated_at",
        )?
        .execute(params![
            parent,
            child,
            r.child_born.to_string(),
            r.custody_from.to_string(),
            r.custody_to.map(|d| d.to_string()),
            system,
            now.as_second()
        ])?;
        if let Some(name) = &r.child_name {
            tx.prepare_cached("UPDATE citizens SET name = ?1 WHERE id = ?2")?
                .execute(params![name, child])?;
        }
        tx.commit()?;
        Ok(Ok(()))
    }

    /// The children in `parent`'s custody on `today` who are younger than `age_limit` years.
    pub fn children_in_custody(
        &self,
        parent: &CitizenRef,
        today: Date,
        age_limit: u32,
    ) -> StoreResult<Vec<Person>> {
        let parent = self.citizen_by_ref(parent)?.id.clone();
        let parent = self.citizen_key(&parent)?;
        let born_after = born_after(today, age_limit).to_string();
        let mut st = self.conn.prepare_cached(CHILDREN_SQL)?;
        let rows = st.query_map(params![parent, today.to_string(), born_after], |r| {
            Ok(Person {
                key: r.get(0)?,
                name: r.get(1)?,
                masked_cpr: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The citizen with this citizen key, if the store knows them.
    pub fn person_by_key(&self, key: &str) -> StoreResult<Option<Person>> {
        Ok(self
            .conn
            .prepare_cached("SELECT cpr_key, name, cpr FROM citizens WHERE cpr_key = ?1")?
            .query_row([key], |r| {
                Ok(Person {
                    key: r.get(0)?,
                    name: r.get(1)?,
                    masked_cpr: r.get(2)?,
                })
            })
            .optional()?)
    }
}

/// The day `age_limit` years before `today`: a child born after it is younger than the limit.
pub fn born_after(today: Date, age_limit: u32) -> Date {
    let years = i16::try_from(age_limit).unwrap_or(i16::MAX);
    today
        .checked_sub(jiff::Span::new().years(years))
        .unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_is_under_the_limit_until_the_birthday() {
        let today = jiff::civil::date(2026, 12, 4);
        assert_eq!(born_after(today, 15), jiff::civil::date(2011, 12, 4));
        // Born 2011-12-04: fifteen today, so not after the day: no longer shown.
        assert!(jiff::civil::date(2011, 12, 4) <= born_after(today, 15));
        assert!(jiff::civil::date(2011, 12, 5) > born_after(today, 15));
    }
}
