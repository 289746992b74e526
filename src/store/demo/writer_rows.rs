//! A citizen's holdings, consents and decision-support uses, as the records a line-of-business system
//! sends: each a [`RecordItem`], checked by [`check_item`] and written by the store's record ingest.

use super::content::categories::{CategoryDef, Person};
use super::content::people::CitizenDef;
use super::rng::Rng;
use super::writer::{Ctx, DAY, catalogue_category, missing, refused, rfc3339};
use super::{BASE, DemoError};
use crate::catalogue::Catalogue;
use crate::ingest::records::{FactorItem, Kind, Name, RecordItem, check_item};
use crate::store::records::{Record, RecordOutcome, write_records};

fn name(t: super::content::T) -> Name {
    Name::new(t.0, t.1)
}

/// Checks the items (all sent by their own system) and writes them; every one must be taken.
fn ingest(cx: &mut Ctx<'_>, items: Vec<(Kind, String, RecordItem)>) -> Result<(), DemoError> {
    let mut records: Vec<Record> = Vec::with_capacity(items.len());
    for (kind, system, item) in items {
        let id = item.record_id.clone();
        let record = check_item(kind, &system, item, &cx.view, &cx.pepper)
            .map_err(|e| refused(&id, e.code()))?;
        records.push(record);
    }
    let outcomes = write_records(cx.conn, &records, cx.now)?;
    for (r, o) in records.iter().zip(&outcomes) {
        if *o != RecordOutcome::Accepted {
            return Err(refused(&r.record_id, "not accepted"));
        }
        match r.body {
            crate::store::records::Body::Holding { .. } => cx.summary.categories += 1,
            crate::store::records::Body::Consent { .. } => cx.summary.consents += 1,
            crate::store::records::Body::Decision { .. } => cx.summary.decision_support += 1,
        }
    }
    Ok(())
}

/// A citizen's holdings: one record a category, by the catalogue's field ids, sent by the category's system.
pub(super) fn write_holdings(
    cx: &mut Ctx<'_>,
    citizen: &str,
    person: &Person,
    cats: &[&'static CategoryDef],
    rng: &mut Rng,
) -> Result<(), DemoError> {
    let mut items = Vec::with_capacity(cats.len());
    for c in cats {
        let cc = catalogue_category(cx.catalogue, c.key)?;
        let updated = BASE - rng.below(400) as i64 * DAY - rng.below(DAY as u64) as i64;
        let start = jiff::Timestamp::from_second(updated)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
            .map_err(|_| missing("time", c.key))?;
        let values = (c.fields)(person);
        let declared: Vec<&str> = cc.fields.iter().map(|f| f.id.as_str()).collect();
        let given: Vec<&str> = values.iter().map(|f| f.id).collect();
        if declared != given {
            return Err(missing("fields of category", c.key));
        }
        let fields = values
            .into_iter()
            .map(|f| {
                (
                    f.id.to_owned(),
                    Name::new(f.value.da.clone(), f.value.en.clone()),
                )
            })
            .collect();
        let item = RecordItem {
            record_id: format!("demo-{citizen}-{}", cc.id),
            cpr: person.cpr.clone(),
            version: Some(1),
            updated_at: Some(rfc3339(updated)?),
            category: Some(cc.id.clone()),
            fields: Some(fields),
            retention_start: Some(start.to_string()),
            ..RecordItem::default()
        };
        items.push((Kind::Holdings, cc.system.clone(), item));
    }
    ingest(cx, items)
}

/// The system that sends consents of this type: the first catalogue category serving the type's purpose
/// (consent types name no system), else the first system.
fn consent_system(catalogue: &Catalogue, consent_type: &str) -> Option<String> {
    let t = catalogue
        .consent_types
        .iter()
        .find(|t| t.id == consent_type)?;
    catalogue
        .categories
        .iter()
        .find(|c| c.purposes.contains(&t.purpose))
        .map(|c| c.system.clone())
        .or_else(|| catalogue.systems.first().map(|s| s.id.clone()))
}

/// The hand-written citizen's consents and decision-support uses, by the catalogue's consent types and tools.
pub(super) fn write_consents_and_decisions(
    cx: &mut Ctx<'_>,
    def: &CitizenDef,
    person: &Person,
) -> Result<(), DemoError> {
    let mut items = Vec::new();
    for (i, c) in def.consents.iter().enumerate() {
        let kind = cx
            .catalogue
            .consent_types
            .iter()
            .find(|t| t.scope == c.scope.text())
            .ok_or_else(|| missing("consent type", c.scope.0))?;
        let system = consent_system(cx.catalogue, &kind.id)
            .ok_or_else(|| missing("system for consent type", &kind.id))?;
        let item = RecordItem {
            record_id: format!("demo-{}-consent-{i}", def.id),
            cpr: person.cpr.clone(),
            version: Some(1),
            consent_type: Some(kind.id.clone()),
            given_at: Some(rfc3339(BASE - c.given_days_ago * DAY + 10 * 3600)?),
            withdrawn_at: c
                .withdrawn_days_ago
                .map(|d| rfc3339(BASE - d * DAY + 14 * 3600))
                .transpose()?,
            ..RecordItem::default()
        };
        items.push((Kind::Consents, system, item));
    }
    for (i, d) in def.decisions.iter().enumerate() {
        let tool = cx
            .catalogue
            .decision_tools
            .iter()
            .find(|t| t.name == d.tool.text())
            .ok_or_else(|| missing("decision tool", d.tool.0))?;
        let system = tool
            .system
            .clone()
            .or_else(|| {
                cx.catalogue
                    .categories
                    .iter()
                    .find(|c| c.area == tool.area)
                    .map(|c| c.system.clone())
            })
            .ok_or_else(|| missing("system for tool", &tool.id))?;
        let item = RecordItem {
            record_id: format!("demo-{}-decision-{i}", def.id),
            cpr: person.cpr.clone(),
            version: Some(1),
            tool: Some(tool.id.clone()),
            case_ref: Some(d.case_ref.to_owned()),
            decided_at: Some(rfc3339(BASE - d.days_ago * DAY + 11 * 3600)?),
            result: Some(name(d.result)),
            factors: Some(
                d.factors
                    .iter()
                    .map(|(n, e)| FactorItem {
                        name: name(*n),
                        effect: name(*e),
                    })
                    .collect(),
            ),
            ..RecordItem::default()
        };
        items.push((Kind::Decisions, system, item));
    }
    ingest(cx, items)
}
