//! A citizen's access log, as the access events the systems send: regular entries spread over three years,
//! plus deferred ones. Each is an [`AccessItem`] named by the citizen's CPR number, checked by
//! [`access::check_item`] and written by the store's event ingest, in batches.

use super::content::categories::{CategoryDef, Person};
use super::content::events::{DEFERRED, EMPLOYEES, EVENTS, EventDef};
use super::rng::Rng;
use super::writer::{
    Ctx, DAY, SPAN, catalogue_category, missing, refused, rfc3339, system_name, year_of,
};
use super::{BASE, DEFERRED_UNTIL, DemoError, SHORT_DEFERRED_UNTIL};
use crate::catalogue::Catalogue;
use crate::ingest::access::{self, AccessItem, BatchItem};
use crate::ingest::records::Name;
use crate::store::ingest::{IngestEvent, IngestOutcome, write_events as ingest_events};

/// Events checked and waiting to be written, at most this many at a time.
const BATCH: usize = 5_000;

/// An event template with what the catalogue says about its category.
struct Template {
    def: &'static EventDef,
    system: String,
    area: String,
    category: Name,
    purpose: Name,
}

/// The templates, resolved once, and the checked events not yet written.
pub(super) struct EventWriter {
    templates: Vec<Template>,
    deferred: Template,
    pending: Vec<IngestEvent>,
}

fn name(t: &crate::domain::Text) -> Name {
    Name::new(t.da.clone(), t.en.clone())
}

fn template(catalogue: &Catalogue, def: &'static EventDef) -> Result<Template, DemoError> {
    let cat = catalogue_category(catalogue, def.category)?;
    let purpose = catalogue
        .purpose(def.purpose)
        .ok_or_else(|| missing("purpose", def.purpose))?;
    Ok(Template {
        def,
        system: system_name(catalogue, &cat.system)?.to_owned(),
        area: cat.area.clone(),
        category: name(&cat.name),
        purpose: name(&purpose.name),
    })
}

impl EventWriter {
    pub(super) fn new(catalogue: &Catalogue) -> Result<EventWriter, DemoError> {
        Ok(EventWriter {
            templates: EVENTS
                .iter()
                .map(|d| template(catalogue, d))
                .collect::<Result<_, _>>()?,
            deferred: template(catalogue, &DEFERRED)?,
            pending: Vec::with_capacity(BATCH),
        })
    }
}

/// Writes the pending events; every one must be taken.
pub(super) fn flush(cx: &mut Ctx<'_>) -> Result<(), DemoError> {
    let pending = std::mem::take(&mut cx.events.pending);
    for o in ingest_events(cx.conn, &pending, cx.now)? {
        if let IngestOutcome::Rejected(why) = o {
            return Err(refused("an access event", why.code()));
        }
    }
    cx.summary.access_events += pending.len() as u64;
    cx.events.pending = pending;
    cx.events.pending.clear();
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn write_events(
    cx: &mut Ctx<'_>,
    person: &Person,
    citizen_no: u64,
    cats: &[&'static CategoryDef],
    n: u32,
    hand_written: bool,
    rng: &mut Rng,
) -> Result<(), DemoError> {
    if n == 0 {
        return Ok(());
    }
    let candidates: Vec<usize> = (0..cx.events.templates.len())
        .filter(|&i| {
            let e = &cx.events.templates[i];
            cats.iter().any(|c| c.key == e.def.category)
        })
        .collect();
    let total_weight: u64 = candidates
        .iter()
        .map(|&i| u64::from(cx.events.templates[i].def.weight))
        .sum();
    let mut deferred: Vec<(i64, i64)> = vec![(BASE - 100 * DAY - 3600 * 9, DEFERRED_UNTIL)];
    if hand_written && n >= 10 {
        deferred.push((BASE - 20 * DAY - 3600 * 13, SHORT_DEFERRED_UNTIL));
    }
    let regular = u64::from(n).saturating_sub(deferred.len() as u64);
    let gap = (SPAN / regular.max(1) as i64).max(1);
    let mut t = BASE - SPAN;
    let mut seq = 0u64;
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
        for &i in &candidates {
            let w = u64::from(cx.events.templates[i].def.weight);
            if r < w {
                chosen = Some(i);
                break;
            }
            r -= w;
        }
        push_event(cx, chosen, person, citizen_no, seq, t, None, rng)?;
        seq += 1;
    }
    for (at, until) in deferred {
        push_event(cx, None, person, citizen_no, seq, at, Some(until), rng)?;
        seq += 1;
        cx.summary.deferred_events += 1;
    }
    Ok(())
}

/// One event of template `index` (or the deferred template), checked and queued.
#[allow(clippy::too_many_arguments)]
fn push_event(
    cx: &mut Ctx<'_>,
    index: Option<usize>,
    person: &Person,
    citizen_no: u64,
    seq: u64,
    at: i64,
    hidden_until: Option<i64>,
    rng: &mut Rng,
) -> Result<(), DemoError> {
    let e = index
        .and_then(|i| cx.events.templates.get(i))
        .unwrap_or(&cx.events.deferred);
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
    let batch = def.batch.map(|run| BatchItem {
        run_id: format!("{run}-{}", at / DAY),
        records: 1 + rng.below(60) as u32,
    });
    let item = AccessItem {
        event_id: format!("demo-{citizen_no}-{seq}"),
        cpr: Some(person.cpr.clone()),
        citizen: None,
        at: rfc3339(at)?,
        organisation: Name::new(def.org.0, def.org.1),
        unit: Name::new(def.unit.0, def.unit.1),
        role: Name::new(def.role.0, def.role.1),
        employee: employee.map(str::to_owned),
        system: e.system.clone(),
        area: e.area.clone(),
        category: e.category.clone(),
        action: action.code().to_owned(),
        purpose: e.purpose.clone(),
        case_ref,
        batch,
        hidden_until: hidden_until.map(rfc3339).transpose()?,
    };
    let system = item.system.clone();
    let event = access::check_item(item, &system, Some(&cx.pepper))
        .map_err(|e| refused("an access event", e.code()))?;
    cx.events.pending.push(event);
    if cx.events.pending.len() >= BATCH {
        flush(cx)?;
    }
    Ok(())
}
