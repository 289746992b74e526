//! Writes the demo content into an open transaction, with prepared statements.

use super::content::categories::{self, CategoryDef, Person};
use super::content::events::{DEFERRED, EMPLOYEES, EVENTS, EventDef};
use super::content::people::{self, CITIZENS, CitizenDef, EventCount};
use super::content::{MUNICIPALITY, T, areas::AREAS, legal};
use super::rng::Rng;
use super::{BASE, DEFERRED_UNTIL, DemoError, DemoOptions, DemoSummary, SHORT_DEFERRED_UNTIL};
use crate::domain::{CitizenId, LegalBasis};
use crate::store::access_log::action_code;
use crate::store::dims::{self, NameTable, NewPurpose};
use rusqlite::{Connection, Statement, params};
use std::collections::HashMap;

const DAY: i64 = 86_400;
const SPAN: i64 = 3 * 365 * DAY;

/// The ids an event template resolves to.
struct EventIds {
    def: &'static EventDef,
    org: i64,
    unit: i64,
    role: i64,
    system: i64,
    area: i64,
    kind: i64,
    purpose: i64,
}

/// Ids of everything shared, resolved once.
struct Ids {
    legal: HashMap<&'static str, i64>,
    purposes: HashMap<&'static str, i64>,
    areas: HashMap<&'static str, i64>,
    kinds: HashMap<&'static str, i64>,
    systems: HashMap<&'static str, i64>,
    events: Vec<EventIds>,
    deferred: EventIds,
}

struct Statements<'c> {
    citizen: Statement<'c>,
    category: Statement<'c>,
    field: Statement<'c>,
    cat_purpose: Statement<'c>,
    cat_recipient: Statement<'c>,
    event: Statement<'c>,
}

fn missing(what: &str, key: &str) -> DemoError {
    DemoError::Store(crate::store::StoreError::Corrupt(format!(
        "demo content: unknown {what} {key}"
    )))
}

fn get(map: &HashMap<&'static str, i64>, what: &str, key: &str) -> Result<i64, DemoError> {
    map.get(key).copied().ok_or_else(|| missing(what, key))
}

fn year_of(secs: i64) -> i16 {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
        .unwrap_or(2026)
}

fn resolve(conn: &Connection) -> Result<Ids, DemoError> {
    let mut areas = HashMap::new();
    for (i, a) in AREAS.iter().enumerate() {
        areas.insert(
            a.code,
            dims::area_id(
                conn,
                a.code,
                i as i64,
                &a.name.text(),
                &a.description.text(),
            )?,
        );
    }
    let mut legal_ids = HashMap::new();
    for l in legal::LEGAL {
        let lb = LegalBasis {
            gdpr: l.gdpr.text(),
            law: l.law.text(),
            plain: l.plain.text(),
        };
        legal_ids.insert(l.key, dims::legal_basis_id(conn, &lb)?);
    }
    let mut purposes = HashMap::new();
    for p in legal::PURPOSES {
        let np = NewPurpose {
            name: &p.name.text(),
            description: &p.description.text(),
            legal_basis: get(&legal_ids, "legal basis", p.legal)?,
            lawfulness: p.lawfulness,
            how_to_object: &p.object.text(),
        };
        purposes.insert(p.key, dims::purpose_id(conn, &np)?);
    }
    let mut kinds = HashMap::new();
    let mut systems = HashMap::new();
    for c in categories::CATEGORIES {
        kinds.insert(
            c.key,
            dims::name_id(conn, NameTable::DataKinds, &c.kind.text())?,
        );
        systems.insert(c.system, dims::system_id(conn, c.system)?);
    }
    let resolve_event = |def: &'static EventDef| -> Result<EventIds, DemoError> {
        let cat =
            categories::find(def.category).ok_or_else(|| missing("category", def.category))?;
        Ok(EventIds {
            def,
            org: dims::name_id(conn, NameTable::Organisations, &def.org.text())?,
            unit: dims::name_id(conn, NameTable::Units, &def.unit.text())?,
            role: dims::name_id(conn, NameTable::Roles, &def.role.text())?,
            system: get(&systems, "system", cat.system)?,
            area: get(&areas, "area", cat.area)?,
            kind: get(&kinds, "category", cat.key)?,
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

pub(super) fn generate(conn: &Connection, opts: &DemoOptions) -> Result<DemoSummary, DemoError> {
    dims::set_meta(conn, "municipality_da", MUNICIPALITY.0)?;
    dims::set_meta(conn, "municipality_en", MUNICIPALITY.1)?;
    let ids = resolve(conn)?;
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
        let key = insert_citizen(&mut st, def.id, def.subject, &person, Some(def.situation))?;
        summary.citizens += 1;
        let cats = def
            .categories
            .iter()
            .map(|k| categories::find(k).ok_or_else(|| missing("category", k)));
        let cats = cats.collect::<Result<Vec<_>, _>>()?;
        write_categories(
            conn,
            &mut st,
            &ids,
            key,
            &person,
            &cats,
            &mut rng,
            &mut summary,
        )?;
        write_consents_and_decisions(conn, &ids, key, def)?;
        summary.consents += def.consents.len() as u64;
        summary.decision_support += def.decisions.len() as u64;
        let n = match def.events {
            EventCount::Fixed(n) => n,
            EventCount::Heavy => opts.heavy_events,
        };
        write_events(
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
        let key = insert_citizen(&mut st, &id, &subject, &person, None)?;
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
        write_categories(
            conn,
            &mut st,
            &ids,
            key,
            &person,
            &cats,
            &mut rng,
            &mut summary,
        )?;
        write_events(
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
    Ok(summary)
}

fn insert_citizen(
    st: &mut Statements<'_>,
    id: &str,
    subject: &str,
    p: &Person,
    situation: Option<T>,
) -> Result<i64, DemoError> {
    let (da, en) = situation.map(|s| (s.0, s.1)).unwrap_or(("", ""));
    Ok(st.citizen.insert(params![
        id,
        subject,
        p.name,
        p.cpr,
        situation.is_some(),
        da,
        en
    ])?)
}

#[allow(clippy::too_many_arguments)]
fn write_categories(
    conn: &Connection,
    st: &mut Statements<'_>,
    ids: &Ids,
    citizen: i64,
    person: &Person,
    cats: &[&'static CategoryDef],
    rng: &mut Rng,
    summary: &mut DemoSummary,
) -> Result<(), DemoError> {
    for c in cats {
        let updated = BASE - rng.below(400) as i64 * DAY - rng.below(DAY as u64) as i64;
        let (rule_da, rule_en, delete_on) = match c.keep_years {
            Some(y) => (
                format!(
                    "Gemmes i {y} år fra udgangen af det år, hvor oplysningerne sidst blev brugt."
                ),
                format!(
                    "Kept for {y} year{} from the end of the year the data was last used.",
                    if y == 1 { "" } else { "s" }
                ),
                Some(format!("{}-01-01", year_of(updated) + y + 1)),
            ),
            None => (
                "Gemmes, så længe loven kræver det. Der er ingen fast slettedato.".to_owned(),
                "Kept as long as the law requires. There is no set deletion date.".to_owned(),
                None,
            ),
        };
        let cat = st.category.insert(params![
            citizen,
            get(&ids.areas, "area", c.area)?,
            get(&ids.kinds, "category", c.key)?,
            c.description.0,
            c.description.1,
            c.origin.code(),
            c.origin_name.0,
            c.origin_name.1,
            get(&ids.legal, "legal basis", c.legal)?,
            c.lawfulness.code(),
            rule_da,
            rule_en,
            delete_on,
            get(&ids.systems, "system", c.system)?,
            c.special,
            updated
        ])?;
        for (pos, f) in (c.fields)(person).iter().enumerate() {
            st.field.execute(params![
                cat,
                pos as i64,
                f.label.0,
                f.label.1,
                f.value.da,
                f.value.en,
                f.sensitive
            ])?;
        }
        for p in c.purposes {
            st.cat_purpose
                .execute(params![cat, get(&ids.purposes, "purpose", p)?])?;
        }
        for r in c.recipients {
            let rid = dims::name_id(conn, NameTable::Recipients, &r.text())?;
            st.cat_recipient.execute(params![cat, rid])?;
        }
        summary.categories += 1;
    }
    Ok(())
}

fn write_consents_and_decisions(
    conn: &Connection,
    ids: &Ids,
    citizen: i64,
    def: &CitizenDef,
) -> Result<(), DemoError> {
    for c in def.consents {
        conn.prepare_cached(
            "INSERT INTO consents (citizen_id, scope_da, scope_en, recipient_da, recipient_en, purpose_da, purpose_en,
                                   given_at, withdrawn_at, withdrawal_pending)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
        )?
        .execute(params![
            citizen, c.scope.0, c.scope.1, c.recipient.0, c.recipient.1, c.purpose.0, c.purpose.1,
            BASE - c.given_days_ago * DAY + 10 * 3600,
            c.withdrawn_days_ago.map(|d| BASE - d * DAY + 14 * 3600)
        ])?;
    }
    for d in def.decisions {
        conn.prepare_cached(
            "INSERT INTO decision_support (citizen_id, area_id, tool_da, tool_en, purpose_da, purpose_en,
                how_it_helps_da, how_it_helps_en, human_role_da, human_role_en, result_da, result_en,
                how_to_object_da, how_to_object_en, used_at, case_ref)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            citizen, get(&ids.areas, "area", d.area)?, d.tool.0, d.tool.1, d.purpose.0, d.purpose.1,
            d.how_it_helps.0, d.how_it_helps.1, d.human_role.0, d.human_role.1, d.result.0, d.result.1,
            d.how_to_object.0, d.how_to_object.1, BASE - d.days_ago * DAY + 11 * 3600, d.case_ref
        ])?;
        let id = conn.last_insert_rowid();
        for (pos, t) in d.inputs.iter().enumerate() {
            conn.prepare_cached("INSERT INTO decision_inputs (decision_id, pos, text_da, text_en) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![id, pos as i64, t.0, t.1])?;
        }
        for (pos, (name, effect)) in d.factors.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO decision_factors (decision_id, pos, name_da, name_en, effect_da, effect_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![id, pos as i64, name.0, name.1, effect.0, effect.1])?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn write_events(
    st: &mut Statements<'_>,
    ids: &Ids,
    citizen: i64,
    citizen_no: u64,
    cats: &[&'static CategoryDef],
    n: u32,
    hand_written: bool,
    rng: &mut Rng,
    summary: &mut DemoSummary,
) -> Result<(), DemoError> {
    if n == 0 {
        return Ok(());
    }
    let candidates: Vec<&EventIds> = ids
        .events
        .iter()
        .filter(|e| cats.iter().any(|c| c.key == e.def.category))
        .collect();
    let total_weight: u64 = candidates.iter().map(|e| u64::from(e.def.weight)).sum();
    let mut deferred: Vec<(i64, i64)> = vec![(BASE - 100 * DAY - 3600 * 9, DEFERRED_UNTIL)];
    if hand_written && n >= 10 {
        deferred.push((BASE - 20 * DAY - 3600 * 13, SHORT_DEFERRED_UNTIL));
    }
    let regular = u64::from(n).saturating_sub(deferred.len() as u64);
    let gap = (SPAN / regular.max(1) as i64).max(1);
    let mut t = BASE - SPAN;
    for _ in 0..regular {
        // Now and then two entries share a second (as in a batch run); the id orders them.
        let step = if rng.chance(3) {
            0
        } else {
            rng.below(2 * gap as u64 + 1) as i64
        };
        t = (t + step).min(BASE - 60);
        // Pick a template by weight.
        let mut r = rng.below(total_weight.max(1));
        let mut chosen = candidates.first().copied();
        for e in &candidates {
            let w = u64::from(e.def.weight);
            if r < w {
                chosen = Some(e);
                break;
            }
            r -= w;
        }
        let Some(e) = chosen.or(Some(&ids.deferred)) else {
            continue;
        };
        insert_event(st, e, citizen, citizen_no, t, None, rng)?;
    }
    let deferred_count = deferred.len() as u64;
    for (at, until) in deferred {
        insert_event(st, &ids.deferred, citizen, citizen_no, at, Some(until), rng)?;
        summary.deferred_events += 1;
    }
    summary.access_events += regular + deferred_count;
    Ok(())
}

fn insert_event(
    st: &mut Statements<'_>,
    e: &EventIds,
    citizen: i64,
    citizen_no: u64,
    at: i64,
    hidden_until: Option<i64>,
    rng: &mut Rng,
) -> Result<(), DemoError> {
    let def = e.def;
    let action = rng
        .pick(def.actions)
        .copied()
        .unwrap_or(crate::domain::Action::Viewed);
    let employee = if def.staff && rng.chance(35) {
        rng.pick(EMPLOYEES).copied()
    } else {
        None
    };
    let case_ref = def.case_prefix.map(|p| {
        let num =
            (citizen_no.wrapping_mul(7919) + u64::from(def.weight) * 13 + p.len() as u64) % 100_000;
        format!("{p}-{}-{num:05}", year_of(at))
    });
    let (run_id, records) = match def.batch {
        Some(run) => (
            Some(format!("{run}-{}", at / DAY)),
            Some(1 + rng.below(60) as i64),
        ),
        None => (None, None),
    };
    st.event.execute(params![
        citizen,
        at,
        e.org,
        e.unit,
        e.role,
        employee,
        e.system,
        e.area,
        e.kind,
        action_code(action),
        e.purpose,
        case_ref,
        run_id,
        records,
        hidden_until
    ])?;
    Ok(())
}
