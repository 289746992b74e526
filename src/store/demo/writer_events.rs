//! Writes a citizen's access log: regular entries spread over three years, plus deferred ones.

use super::content::categories::CategoryDef;
use super::content::events::EMPLOYEES;
use super::rng::Rng;
use super::writer::{DAY, EventIds, Ids, SPAN, Statements, year_of};
use super::{BASE, DEFERRED_UNTIL, DemoError, DemoSummary, SHORT_DEFERRED_UNTIL};
use crate::store::queries::access_log::action_code;
use rusqlite::params;

#[allow(clippy::too_many_arguments)]
pub(super) fn write_events(
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
