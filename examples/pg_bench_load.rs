//! Loads a PostgreSQL database for `benches/pg_scale.sh`: the demo catalogue and dimensions (copied from a
//! demo SQLite file), then `citizens` bench citizens, whose subjects are their numbers (`0` … ; `0` is the heavy one), and
//! `events` access events by binary COPY, spread evenly over the 24 months before now: `heavy` of them the
//! heavy citizen's, `regular` for each of the 1,000 measured normal citizens (subjects `1 + k * step`,
//! `step = (citizens - 1) / 1000`; the same number at every size, so that their page holds the same rows
//! however large the log), and the rest spread over the other citizens. Then ANALYZE, and it prints what it
//! did as `key=value` lines, and writes the page statements the server runs (`all`, `area` filter) to `out/`.
//!
//! `cargo run --release --example pg_bench_load -- <url> <events> <citizens> <heavy> <regular> <out dir> [defer]`
//! (the password in `INDSIGT_PG_PASSWORD`; TLS off: loopback only). With `defer`, the log's secondary
//! indexes are dropped before the COPY and made again after it (the same definitions, read from
//! `pg_indexes`), as a bulk load of a large log would do; without it, every row updates every index.

use indsigt::config::{PgTls, Postgres};
use indsigt::domain::AccessFilter;
use indsigt::store::CitizenRef;
use indsigt::store::postgres::PgStore;
use std::path::PathBuf;
use std::time::Instant;
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::{ToSql, Type};

type Error = Box<dyn std::error::Error + Send + Sync>;

const MONTHS: i64 = 24;
/// How many normal citizens the bench measures.
const MEASURED: u64 = 1000;

/// A small, fast, reproducible generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

async fn ids(client: &tokio_postgres::Client, table: &str) -> Result<Vec<i64>, Error> {
    let rows = client
        .query(&format!("SELECT id FROM {table} ORDER BY id"), &[])
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.get(0)).collect();
    if ids.is_empty() {
        return Err(format!("{table} is empty").into());
    }
    Ok(ids)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (url, events, citizens, heavy, regular, out, defer) = match args.as_slice() {
        [url, e, c, h, r, o] => (url, e, c, h, r, o, false),
        [url, e, c, h, r, o, d] if d == "defer" => (url, e, c, h, r, o, true),
        _ => {
            return Err("usage: pg_bench_load <url> <events> <citizens> <heavy> <regular> <out dir> [defer]"
                .into());
        }
    };
    let (events, citizens, heavy, regular): (u64, u64, u64, u64) = (
        events.parse()?,
        citizens.parse()?,
        heavy.parse()?,
        regular.parse()?,
    );
    // The measured normal citizens: 1,000 spread over the numbers, as `benches/pg_scale.sh` picks them.
    let step = (citizens.saturating_sub(1) / MEASURED).max(1);
    let measured = |who: u64| who >= 1 && (who - 1) % step == 0 && (who - 1) / step < MEASURED;
    let fixed = heavy + MEASURED * regular;
    if citizens <= MEASURED * 2 || events < fixed {
        return Err(format!(
            "needs more than {} citizens and at least {fixed} events (heavy + 1,000 × regular)",
            MEASURED * 2
        )
        .into());
    }
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out)?;
    let now = jiff::Timestamp::now();
    let settings = Postgres {
        url: url.clone(),
        password_file: None,
        pool_size: 2,
        tls: PgTls::Disable,
        ca_file: None,
        connect_timeout_secs: 10,
        access_log_months_ahead: 3,
        access_log_keep_months: None,
    };
    let store = PgStore::open(&settings, now).await?;

    // The demo's catalogue and dimension tables (and its few citizens and events).
    let demo = out.join("demo.db");
    let _ = std::fs::remove_file(&demo);
    indsigt::store::demo::write_demo_database(
        &demo,
        &indsigt::store::demo::DemoOptions {
            citizens: 6,
            heavy_events: 10,
            events_per_citizen: 1,
            seed: 7,
            overwrite: true,
        },
    )?;
    indsigt::store::postgres::copy::copy_from_sqlite(&demo, &store).await?;
    let client = store.client().await?;
    let orgs = ids(&client, "organisations").await?;
    let units = ids(&client, "units").await?;
    let roles = ids(&client, "roles").await?;
    let systems = ids(&client, "systems").await?;
    let areas = ids(&client, "areas").await?;
    let kinds = ids(&client, "data_kinds").await?;
    let purposes = ids(&client, "purposes").await?;

    let started = Instant::now();
    let first_citizen: i64 = client
        .query_one("SELECT coalesce(max(id), 0) + 1 FROM citizens", &[])
        .await?
        .get(0);
    let sink = client
        .copy_in("COPY citizens (id, public_id, subject, name, cpr) FROM STDIN BINARY")
        .await?;
    let writer = BinaryCopyInWriter::new(
        sink,
        &[Type::INT8, Type::TEXT, Type::TEXT, Type::TEXT, Type::TEXT],
    );
    let mut writer = std::pin::pin!(writer);
    for i in 0..citizens {
        let id = first_citizen + i as i64;
        let (public, subject, name, cpr) = (
            format!("b-{i}"),
            i.to_string(),
            format!("Bench {i}"),
            "010170-••••".to_owned(),
        );
        let row: [&(dyn ToSql + Sync); 5] = [&id, &public, &subject, &name, &cpr];
        writer.as_mut().write(&row).await?;
    }
    writer.finish().await?;
    client
        .batch_execute(
            "SELECT setval(pg_get_serial_sequence('citizens', 'id'), (SELECT max(id) FROM citizens))",
        )
        .await?;
    let citizens_secs = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let deferred: Vec<(String, String)> = if defer {
        let rows = client
            .query(
                "SELECT indexname, indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename = 'access_events'
                   AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'access_events'::regclass)
                 ORDER BY indexname",
                &[],
            )
            .await?;
        let defs: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        for (name, _) in &defs {
            client.batch_execute(&format!("DROP INDEX {name}")).await?;
        }
        defs
    } else {
        Vec::new()
    };
    let first_event: i64 = client
        .query_one("SELECT coalesce(max(id), 0) + 1 FROM access_events", &[])
        .await?
        .get(0);
    // The generated rows point only at rows that exist: the foreign-key triggers are off for the bulk
    // load (as `pg_restore --disable-triggers` does; needs a superuser), on for everything after it.
    client
        .batch_execute("SET session_replication_role = replica")
        .await?;
    let sink = client
        .copy_in(
            "COPY access_events (id, citizen_id, at, organisation_id, unit_id, role_id, system_id, area_id,
                                 kind_id, action, purpose_id) FROM STDIN BINARY",
        )
        .await?;
    let writer = BinaryCopyInWriter::new(sink, &[Type::INT8; 11]);
    let mut writer = std::pin::pin!(writer);
    let mut rng = Rng(42);
    let span = MONTHS * 30 * 86_400;
    let end = now.as_second() - 3_600;
    for n in 0..events {
        let id = first_event + n as i64;
        let who = if n < heavy {
            0
        } else if n < fixed {
            1 + ((n - heavy) % MEASURED) * step
        } else {
            // Any other citizen: the measured ones have their `regular` events and no more.
            loop {
                let who = 1 + rng.below(citizens - 1);
                if !measured(who) {
                    break who;
                }
            }
        };
        let citizen = first_citizen + who as i64;
        let at = end - rng.below(span as u64) as i64;
        let pick = |v: &Vec<i64>, r: u64| v[(r % v.len() as u64) as usize];
        let r = rng.next();
        let (org, unit, role, system, area, kind, purpose) = (
            pick(&orgs, r),
            pick(&units, r >> 8),
            pick(&roles, r >> 16),
            pick(&systems, r >> 24),
            pick(&areas, r >> 32),
            pick(&kinds, r >> 40),
            pick(&purposes, r >> 48),
        );
        let action = (r >> 56) as i64 % 5;
        let row: [&(dyn ToSql + Sync); 11] = [
            &id, &citizen, &at, &org, &unit, &role, &system, &area, &kind, &action, &purpose,
        ];
        writer.as_mut().write(&row).await?;
    }
    writer.finish().await?;
    client
        .batch_execute("SET session_replication_role = origin")
        .await?;
    client
        .batch_execute(
            "SELECT setval('access_events_id_seq', (SELECT max(id) FROM access_events)); ANALYZE;",
        )
        .await?;
    let events_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    if !deferred.is_empty() {
        client
            .batch_execute(
                "SET maintenance_work_mem = '2GB'; SET max_parallel_maintenance_workers = 1",
            )
            .await?;
        for (_, def) in &deferred {
            // `pg_indexes` shows a partitioned table's index `ON ONLY` the parent; made so, it would not
            // reach the partitions.
            client
                .batch_execute(&def.replacen(" ON ONLY ", " ON ", 1))
                .await?;
        }
        let invalid: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indrelid
                 WHERE h.inhparent = 'access_events'::regclass AND NOT i.indisvalid",
                &[],
            )
            .await?
            .get(0);
        if invalid > 0 {
            return Err(format!("{invalid} partition indexes are not valid").into());
        }
        client.batch_execute("ANALYZE access_events").await?;
    }
    let index_secs = started.elapsed().as_secs_f64();

    let size: i64 = client
        .query_one(
            "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint FROM pg_inherits
             WHERE inhparent = 'access_events'::regclass",
            &[],
        )
        .await?
        .get(0);
    let partitions: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'access_events'::regclass",
            &[],
        )
        .await?
        .get(0);
    let area_code: String = client
        .query_one("SELECT code FROM areas ORDER BY id LIMIT 1", &[])
        .await?
        .get(0);
    // The statements the server runs for a page of 50 (`$1` the citizen, `$2` now, then the area, then
    // the number of rows fetched).
    let who = CitizenRef::Subject("0".into());
    let all = store
        .access_page_sql(&who, &AccessFilter::default(), None, 50, now)
        .await?
        .ok_or("no statement")?;
    let by_area = AccessFilter {
        area: Some(area_code.clone()),
        ..AccessFilter::default()
    };
    let area_sql = store
        .access_page_sql(&who, &by_area, None, 50, now)
        .await?
        .ok_or("no statement")?;
    let area_id: i64 = client
        .query_one("SELECT id FROM areas WHERE code = $1", &[&area_code])
        .await?
        .get(0);
    std::fs::write(out.join("page_all.sql"), all)?;
    std::fs::write(out.join("page_area.sql"), area_sql)?;
    // EXPLAIN (ANALYZE, BUFFERS) of each page, for the heavy citizen and a normal one.
    for (name, subject) in [("heavy", "0"), ("normal", "1")] {
        let who = CitizenRef::Subject(subject.into());
        for (shape, filter) in [("all", AccessFilter::default()), ("area", by_area.clone())] {
            let plan = store
                .access_page_plan(&who, &filter, None, 50, now, true)
                .await?
                .unwrap_or_default();
            std::fs::write(out.join(format!("explain_{name}_{shape}.txt")), plan)?;
        }
    }
    println!("citizens={citizens}");
    println!("events={events}");
    println!("heavy={heavy}");
    println!("regular={regular}");
    println!("step={step}");
    println!("first_citizen={first_citizen}");
    println!("now={}", now.as_second());
    println!("area_code={area_code}");
    println!("area_id={area_id}");
    println!("partitions={partitions}");
    println!("citizens_secs={citizens_secs:.1}");
    println!("events_secs={events_secs:.1}");
    println!(
        "events_per_sec={:.0}",
        events as f64 / events_secs.max(0.001)
    );
    println!("index_secs={index_secs:.1}");
    println!("log_bytes={size}");
    Ok(())
}
