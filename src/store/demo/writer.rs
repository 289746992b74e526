//! Writes the demo content into an open transaction, through the ingest path of production: every holding,
//! consent and decision-support use is a [`RecordItem`](crate::ingest::records::RecordItem) and every access
//! event an [`AccessItem`](crate::ingest::access::AccessItem), checked by the same functions as
//! `indsigt ingest` and the HTTP ingest, and written by the same store functions. Only the citizens' own rows
//! (their name and situation for the demo sign-in list) are written here, with the citizen key and the masked
//! CPR number: never the number in clear.

use super::content::MUNICIPALITY;
use super::content::categories::{self, CategoryDef, Person};
use super::content::people::{self, CITIZENS, EventCount};
use super::rng::Rng;
use super::{DemoError, DemoOptions, DemoSummary, demo_pepper};
use crate::auth::citizen_key::Pepper;
use crate::catalogue::Catalogue;
use crate::domain::{CitizenId, Cpr};
use crate::store::catalogue_view::{CatalogueView, catalogue_view_in};
use crate::store::dims;
use jiff::Timestamp;
use rusqlite::{Connection, Statement, params};
use std::collections::HashSet;

pub(super) const DAY: i64 = 86_400;
pub(super) const SPAN: i64 = 3 * 365 * DAY;

/// The moment the demo's systems "sent" their data: the morning of the demo day. `demo_generated_at` in
/// `meta`, against which the coverage note of a demo database measures staleness.
pub const GENERATED_AT: i64 = super::BASE + 6 * 3600;

/// What every writer needs: the open transaction, the catalogue, the demo pepper and the running summary.
pub(super) struct Ctx<'c> {
    pub(super) conn: &'c Connection,
    pub(super) catalogue: &'c Catalogue,
    pub(super) view: CatalogueView,
    pub(super) pepper: Pepper,
    /// When the records and events are ingested ([`GENERATED_AT`]).
    pub(super) now: Timestamp,
    pub(super) summary: DemoSummary,
    pub(super) events: super::writer_events::EventWriter,
    citizen: Statement<'c>,
    /// The CPR numbers given out, as numbers: synthetic citizens never share one.
    used: HashSet<u64>,
}

pub(super) fn missing(what: &str, key: &str) -> DemoError {
    DemoError::Store(crate::store::StoreError::Corrupt(format!(
        "demo content: unknown {what} {key}"
    )))
}

/// A demo record or event the ingest refused: a mistake in the demo content.
pub(super) fn refused(what: &str, code: &str) -> DemoError {
    DemoError::Store(crate::store::StoreError::Corrupt(format!(
        "demo content: the ingest refused {what} ({code})"
    )))
}

pub(super) fn year_of(secs: i64) -> i16 {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
        .unwrap_or(2026)
}

/// RFC 3339, as a sending system writes times.
pub(super) fn rfc3339(secs: i64) -> Result<String, DemoError> {
    Timestamp::from_second(secs)
        .map(|t| t.to_string())
        .map_err(|_| missing("time", &secs.to_string()))
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

/// The name of the catalogue system `id`.
pub(super) fn system_name<'c>(catalogue: &'c Catalogue, id: &str) -> Result<&'c str, DemoError> {
    catalogue
        .systems
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.as_str())
        .ok_or_else(|| missing("system", id))
}

fn digits(cpr: &str) -> u64 {
    cpr.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, d| n * 10 + u64::from(d - b'0'))
}

impl<'c> Ctx<'c> {
    /// A demo citizen's own row: the ids the demo sign-in uses, the name and situation it lists, the citizen
    /// key of the CPR number and its masked form. Answers the CPR number as ingest will be sent it.
    fn insert_citizen(
        &mut self,
        id: &str,
        subject: &str,
        p: &Person,
        situation: Option<super::content::T>,
    ) -> Result<(), DemoError> {
        let cpr = Cpr::parse(&p.cpr).ok_or_else(|| missing("CPR number of", id))?;
        let (da, en) = situation.map(|s| (s.0, s.1)).unwrap_or(("", ""));
        self.citizen.execute(params![
            id,
            subject,
            p.name,
            cpr.masked(),
            self.pepper.citizen_key(&cpr),
            situation.is_some(),
            da,
            en
        ])?;
        self.summary.citizens += 1;
        Ok(())
    }

    /// `cpr` if no one has it yet, else the next free serial number on the same birth date.
    fn unique_cpr(&mut self, date: &str, serial: u64) -> String {
        let mut serial = serial % 10_000;
        loop {
            let cpr = format!("{date}-{serial:04}");
            if self.used.insert(digits(&cpr)) {
                return cpr;
            }
            serial = (serial + 1) % 10_000;
        }
    }
}

pub(super) fn generate(
    conn: &Connection,
    opts: &DemoOptions,
    catalogue: &Catalogue,
) -> Result<DemoSummary, DemoError> {
    dims::set_meta(conn, "municipality_da", MUNICIPALITY.0)?;
    dims::set_meta(conn, "municipality_en", MUNICIPALITY.1)?;
    dims::set_meta(
        conn,
        crate::store::DEMO_GENERATED_AT,
        &GENERATED_AT.to_string(),
    )?;
    let now = Timestamp::from_second(GENERATED_AT).map_err(|_| missing("time", "base"))?;
    let mut cx = Ctx {
        conn,
        catalogue,
        view: catalogue_view_in(conn)?,
        pepper: demo_pepper(),
        now,
        summary: DemoSummary {
            citizens: 0,
            categories: 0,
            access_events: 0,
            deferred_events: 0,
            consents: 0,
            decision_support: 0,
            heavy_citizen: CitizenId(CITIZENS[people::HEAVY].id.to_owned()),
        },
        events: super::writer_events::EventWriter::new(catalogue)?,
        citizen: conn.prepare(
            "INSERT INTO citizens (public_id, subject, name, cpr, cpr_key, demo, situation_da, situation_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?,
        used: CITIZENS.iter().map(|c| digits(c.cpr)).collect(),
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
        cx.insert_citizen(def.id, def.subject, &person, Some(def.situation))?;
        let cats = def
            .categories
            .iter()
            .map(|k| categories::find(k).ok_or_else(|| missing("category", k)));
        let cats = cats.collect::<Result<Vec<_>, _>>()?;
        super::writer_rows::write_holdings(&mut cx, def.id, &person, &cats, &mut rng)?;
        super::writer_rows::write_consents_and_decisions(&mut cx, def, &person)?;
        let n = match def.events {
            EventCount::Fixed(n) => n,
            EventCount::Heavy => opts.heavy_events,
        };
        super::writer_events::write_events(&mut cx, &person, i as u64, &cats, n, true, &mut rng)?;
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
        let date = format!("{day:02}{month:02}{:02}", born % 100);
        let serial = rng.below(10_000);
        let person = Person {
            name: format!("{first} {last}"),
            cpr: cx.unique_cpr(&date, serial),
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
        cx.insert_citizen(&id, &subject, &person, None)?;
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
        super::writer_rows::write_holdings(&mut cx, &id, &person, &cats, &mut rng)?;
        super::writer_events::write_events(
            &mut cx,
            &person,
            1_000 + j,
            &cats,
            opts.events_per_citizen,
            false,
            &mut rng,
        )?;
    }
    super::writer_events::flush(&mut cx)?;
    Ok(cx.summary)
}
