//! Writes the demo content into an open transaction, with prepared statements.

use super::content::MUNICIPALITY;
use super::content::categories::{self, CategoryDef, Person};
use super::content::events::{DEFERRED, EVENTS, EventDef};
use super::content::people::{self, CITIZENS, EventCount};
use super::rng::Rng;
use super::{DemoError, DemoOptions, DemoSummary};
use crate::catalogue::Catalogue;
use crate::domain::{CitizenId, LegalBasis};
use crate::store::dims::{self, NameTable, NewPurpose};
use rusqlite::{Connection, Statement};
use std::collections::HashMap;

pub(super) const DAY: i64 = 86_400;
pub(super) const SPAN: i64 = 3 * 365 * DAY;

/// The ids an event template resolves to.
pub(super) struct EventIds {
    pub(super) def: &'static EventDef,
    pub(super) org: i64,
    pub(super) unit: i64,
    pub(super) role: i64,
    pub(super) system: i64,
    pub(super) area: i64,
    pub(super) kind: i64,
    pub(super) purpose: i64,
}

/// Ids of everything shared, resolved once.
pub(super) struct Ids {
    pub(super) legal: HashMap<String, i64>,
    pub(super) purposes: HashMap<String, i64>,
    pub(super) areas: HashMap<String, i64>,
    pub(super) kinds: HashMap<String, i64>,
    /// By the system's name.
    pub(super) systems: HashMap<String, i64>,
    pub(super) events: Vec<EventIds>,
    pub(super) deferred: EventIds,
}

pub(super) struct Statements<'c> {
    pub(super) citizen: Statement<'c>,
    pub(super) category: Statement<'c>,
    pub(super) field: Statement<'c>,
    pub(super) cat_purpose: Statement<'c>,
    pub(super) cat_recipient: Statement<'c>,
    pub(super) event: Statement<'c>,
    pub(super) holding: Statement<'c>,
    pub(super) holding_value: Statement<'c>,
}

pub(super) fn missing(what: &str, key: &str) -> DemoError {
    DemoError::Store(crate::store::StoreError::Corrupt(format!(
        "demo content: unknown {what} {key}"
    )))
}

pub(super) fn get(map: &HashMap<String, i64>, what: &str, key: &str) -> Result<i64, DemoError> {
    map.get(key).copied().ok_or_else(|| missing(what, key))
}

pub(super) fn year_of(secs: i64) -> i16 {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
        .unwrap_or(2026)
}

/// The catalogue's category for a content template.
pub(super) fn catalogue_category<'c>(
    catalogue: &'c Catalogue,
    key: &str,
) -> Result<&'c crate::catalogue::Category, DemoError> {
    catalogue
        .category(key)
        .ok_or_else(|| missing("catalogue category", key))
}

/// The shared rows, from the catalogue, in the order the demo content lists them (so ids stay the same).
fn resolve(conn: &Connection, catalogue: &Catalogue) -> Result<Ids, DemoError> {
    let mut areas = HashMap::new();
    for (i, a) in catalogue.areas.iter().enumerate() {
        areas.insert(
            a.id.clone(),
            dims::area_id(conn, &a.id, i as i64, &a.name, &a.description)?,
        );
    }
    let mut legal_ids = HashMap::new();
    for l in &catalogue.legal_bases {
        let lb = LegalBasis {
            gdpr: l.gdpr.clone(),
            law: l.law.clone(),
            plain: l.plain.clone(),
        };
        legal_ids.insert(l.id.clone(), dims::legal_basis_id(conn, &lb)?);
    }
    let mut purposes = HashMap::new();
    for p in &catalogue.purposes {
        let np = NewPurpose {
            name: &p.name,
            description: &p.description,
            legal_basis: get(&legal_ids, "legal basis", &p.legal_basis)?,
            lawfulness: p.lawfulness,
            how_to_object: &p.how_to_object,
        };
        purposes.insert(p.id.clone(), dims::purpose_id(conn, &np)?);
    }
    let mut kinds = HashMap::new();
    let mut systems = HashMap::new();
    for c in categories::all() {
        let cc = catalogue_category(catalogue, c.key)?;
        kinds.insert(
            cc.id.clone(),
            dims::name_id(conn, NameTable::DataKinds, &cc.name)?,
        );
        let system = system_name(catalogue, &cc.system)?;
        systems.insert(system.to_owned(), dims::system_id(conn, system)?);
    }
    let resolve_event = |def: &'static EventDef| -> Result<EventIds, DemoError> {
        let cat = catalogue_category(catalogue, def.category)?;
        Ok(EventIds {
            def,
            org: dims::name_id(conn, NameTable::Organisations, &def.org.text())?,
            unit: dims::name_id(conn, NameTable::Units, &def.unit.text())?,
            role: dims::name_id(conn, NameTable::Roles, &def.role.text())?,
            system: get(&systems, "system", system_name(catalogue, &cat.system)?)?,
            area: get(&areas, "area", &cat.area)?,
            kind: get(&kinds, "category", &cat.id)?,
            purpose: get(&purposes, "purpose", def.purpose)?,
        })
    };
    let events = EVENTS
        .iter()
        .map(resolve_event)
        .collect::<Result<Vec<_>, _>>()?;
    let deferred = resolve_event(&DEFERRED)?;
    Ok(Ids {
        legal: legal_ids,
        purposes,
        areas,
        kinds,
        systems,
        events,
        deferred,
    })
}

/// The name of the catalogue system `id`.
pub(super) fn system_name<'c>(catalogue: &'c Catalogue, id: &str) -> Result<&'c str, DemoError> {
    catalogue
        .systems
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.as_str())
        .ok_or_else(|| missing("system", id))
}

pub(super) fn generate(
    conn: &Connection,
    opts: &DemoOptions,
    catalogue: &Catalogue,
) -> Result<DemoSummary, DemoError> {
    dims::set_meta(conn, "municipality_da", MUNICIPALITY.0)?;
    dims::set_meta(conn, "municipality_en", MUNICIPALITY.1)?;
    let ids = resolve(conn, catalogue)?;
    let mut st = Statements {
        citizen: conn.prepare(
            "INSERT INTO citizens (public_id, subject, name, cpr, demo, situation_da, situation_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?,
        category: conn.prepare(
            "INSERT INTO categories (citizen_id, area_id, kind_id, description_da, description_en, origin_kind,
                origin_da, origin_en, legal_basis_id, lawfulness, retention_da, retention_en, delete_on, system_id,
                special, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?,
        field: conn.prepare(
            "INSERT INTO category_fields (category_id, pos, label_da, label_en, value_da, value_en, sensitive)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?,
        cat_purpose: conn.prepare("INSERT INTO category_purposes (category_id, purpose_id) VALUES (?1, ?2)")?,
        cat_recipient: conn.prepare("INSERT INTO category_recipients (category_id, recipient_id) VALUES (?1, ?2)")?,
        holding: conn.prepare(
            "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, updated_at, retention_start,
                record_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
        )?,
        holding_value: conn.prepare(
            "INSERT INTO holding_values (holding_id, field_id, value_da, value_en) VALUES (?1, ?2, ?3, ?4)",
        )?,
        event: conn.prepare(
            "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, employee, system_id,
                area_id, kind_id, action, purpose_id, case_ref, batch_run_id, batch_records, hidden_until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?,
    };
    let mut summary = DemoSummary {
        citizens: 0,
        categories: 0,
        access_events: 0,
        deferred_events: 0,
        consents: 0,
        decision_support: 0,
        heavy_citizen: CitizenId(CITIZENS[people::HEAVY].id.to_owned()),
    };
    for (i, def) in CITIZENS.iter().enumerate() {
        let mut rng = Rng::fork(opts.seed, i as u64);
        let person = Person {
            name: def.name.into(),
            cpr: def.cpr.into(),
            address: def.address.into(),
            city: def.city.into(),
            born: def.born,
            variant: rng.next_u64() % 1_000_000,
        };
        let key = super::writer_rows::insert_citizen(
            &mut st,
            def.id,
            def.subject,
            &person,
            Some(def.situation),
        )?;
        summary.citizens += 1;
        let cats = def
            .categories
            .iter()
            .map(|k| categories::find(k).ok_or_else(|| missing("category", k)));
        let cats = cats.collect::<Result<Vec<_>, _>>()?;
        super::writer_rows::write_categories(
            conn,
            catalogue,
            &mut st,
            &ids,
            key,
            &person,
            &cats,
            &mut rng,
            &mut summary,
        )?;
        super::writer_rows::write_consents_and_decisions(conn, catalogue, &ids, key, def)?;
        summary.consents += def.consents.len() as u64;
        summary.decision_support += def.decisions.len() as u64;
        let n = match def.events {
            EventCount::Fixed(n) => n,
            EventCount::Heavy => opts.heavy_events,
        };
        super::writer_events::write_events(
            &mut st,
            &ids,
            key,
            i as u64,
            &cats,
            n,
            true,
            &mut rng,
            &mut summary,
        )?;
    }
    for j in 0..u64::from(opts.citizens - super::MIN_CITIZENS) {
        let mut rng = Rng::fork(opts.seed, 1_000 + j);
        let born = 1930 + rng.below(86) as i32;
        let (day, month) = rng
            .pick(people::IMPOSSIBLE_DATES)
            .copied()
            .unwrap_or((30, 2));
        let first = rng.pick(people::FIRST_NAMES).copied().unwrap_or("Anna");
        let last = rng.pick(people::LAST_NAMES).copied().unwrap_or("Hansen");
        let street = rng.pick(people::STREETS).copied().unwrap_or("Algade");
        let person = Person {
            name: format!("{first} {last}"),
            cpr: format!(
                "{day:02}{month:02}{:02}-{:04}",
                born % 100,
                rng.below(10_000)
            ),
            address: format!("{street} {}", 1 + rng.below(120)),
            city: "4000 Demoby".into(),
            born,
            variant: rng.next_u64() % 1_000_000,
        };
        // Bijections on u32, so ids never collide (and are longer than the hand-written ones).
        let n32 = j as u32;
        let id = format!(
            "c-{:08x}",
            n32.wrapping_mul(0x9E37_79B1) ^ (opts.seed as u32)
        );
        let subject = format!("sub-{:08x}", n32.wrapping_mul(0x85EB_CA6B) ^ 0x5BD1_E995);
        let key = super::writer_rows::insert_citizen(&mut st, &id, &subject, &person, None)?;
        summary.citizens += 1;
        let stage = match 2026 - born {
            ..26 => people::YOUNG,
            26..67 => people::ADULT,
            _ => people::OLDER,
        };
        let mut cats: Vec<&'static CategoryDef> =
            categories::find("cpr_basic").into_iter().collect();
        for k in stage {
            if rng.chance(50) {
                cats.extend(categories::find(k));
            }
        }
        super::writer_rows::write_categories(
            conn,
            catalogue,
            &mut st,
            &ids,
            key,
            &person,
            &cats,
            &mut rng,
            &mut summary,
        )?;
        super::writer_events::write_events(
            &mut st,
            &ids,
            key,
            1_000 + j,
            &cats,
            opts.events_per_citizen,
            false,
            &mut rng,
            &mut summary,
        )?;
    }
    // Every catalogue system sent its data on the morning of the demo day, so the coverage note is calm.
    for s in &catalogue.systems {
        conn.prepare_cached(
            "INSERT INTO system_ingests (system_id, last_ingest_at) VALUES (?1, ?2)",
        )?
        .execute(rusqlite::params![s.id, super::BASE + 6 * 3600])?;
    }
    Ok(summary)
}
