//! Version 2 of the PostgreSQL schema re-partitions the access log on `(at, id)` with no default partition:
//! a database made at version 1, with entries in monthly partitions and in the default one, keeps every
//! entry (id, time and all), each in its own month's partition, and the id sequence goes on past them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pg_support;

use indsigt::store::postgres::{MIGRATIONS, PgStore, connect_config};

/// 1 March 2025, 00:00 UTC.
const MARCH: i64 = 1_740_787_200;
const DAY: i64 = 86_400;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_version_1_log_moves_whole_into_the_new_partitions() {
    let dir = tempfile::tempdir().unwrap();
    let Some(settings) = pg_support::fresh_database(dir.path()).await else {
        return;
    };
    let (client, conn) = connect_config(&settings)
        .unwrap()
        .connect(tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(conn);
    // Version 1 as a server of that version left it: two months with partitions, the default one for the
    // rest (an entry from 2019 and one from 2031).
    client.batch_execute(MIGRATIONS[0]).await.unwrap();
    client
        .batch_execute(&format!(
            "CREATE TABLE schema_version (version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
             INSERT INTO schema_version (version) VALUES (1);
             CREATE TABLE access_events_p202503 PARTITION OF access_events FOR VALUES FROM ({MARCH}) TO ({april});
             CREATE TABLE access_events_p202504 PARTITION OF access_events FOR VALUES FROM ({april}) TO ({may});
             INSERT INTO citizens (public_id, subject, name, cpr) VALUES ('c1', 's1', 'Test', '010101-xxxx');
             INSERT INTO organisations (name_da, name_en) VALUES ('Kommune', 'Municipality');
             INSERT INTO units (name_da, name_en) VALUES ('Enhed', 'Unit');
             INSERT INTO roles (name_da, name_en) VALUES ('Rolle', 'Role');
             INSERT INTO data_kinds (name_da, name_en) VALUES ('Art', 'Kind');
             INSERT INTO systems (name) VALUES ('sys');
             INSERT INTO areas (code, sort, name_da, name_en, description_da, description_en)
                 VALUES ('a', 1, 'A', 'A', '', '');
             INSERT INTO legal_bases (gdpr_da, gdpr_en, law_da, law_en, plain_da, plain_en)
                 VALUES ('g', 'g', 'l', 'l', 'p', 'p');
             INSERT INTO purposes (name_da, name_en, description_da, description_en, legal_basis_id, lawfulness,
                                   how_to_object_da, how_to_object_en)
                 VALUES ('P', 'P', '', '', 1, 'voluntary', '', '');",
            april = MARCH + 31 * DAY,
            may = MARCH + 61 * DAY,
        ))
        .await
        .unwrap();
    let times = [
        1_560_000_000,        // June 2019: the default partition
        MARCH,                // the first second of March
        MARCH + 31 * DAY - 1, // the last second of March
        MARCH + 31 * DAY,     // the first of April
        MARCH + 40 * DAY,
        1_950_000_000, // October 2031: the default partition
    ];
    for at in times {
        client
            .execute(
                "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, system_id,
                                            area_id, kind_id, action, purpose_id, case_ref)
                 VALUES (1, $1, 1, 1, 1, 1, 1, 1, 0, 1, $2)",
                &[&at, &format!("case at {at}")],
            )
            .await
            .unwrap();
    }
    let before: Vec<(i64, i64, Option<String>)> = client
        .query(
            "SELECT id, at, case_ref FROM access_events ORDER BY id",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(before.len(), times.len());

    let store = PgStore::open(&settings, jiff::Timestamp::now())
        .await
        .unwrap();
    assert_eq!(
        store.schema_version().await.unwrap(),
        indsigt::store::postgres::SUPPORTED_VERSION
    );
    let after: Vec<(i64, i64, Option<String>, String)> = client
        .query(
            "SELECT id, at, case_ref, tableoid::regclass::text FROM access_events ORDER BY id",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    let want_partition = [
        "access_events_p201906",
        "access_events_p202503",
        "access_events_p202503",
        "access_events_p202504",
        "access_events_p202504",
        "access_events_p203110",
    ];
    for ((b, a), part) in before.iter().zip(&after).zip(want_partition) {
        assert_eq!((&b.0, &b.1, &b.2), (&a.0, &a.1, &a.2));
        assert_eq!(a.3, part, "the entry at {}", a.1);
    }
    assert_eq!(after.len(), before.len());
    let default: bool = client
        .query_one(
            "SELECT to_regclass('access_events_default') IS NOT NULL",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert!(!default, "no default partition is left");
    let key: String = client
        .query_one("SELECT pg_get_partkeydef('access_events'::regclass)", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(key, "RANGE (at, id)");
    // The new table has the names a fresh database of version 2 has.
    let pkey: String = client
        .query_one(
            "SELECT conname::text FROM pg_constraint WHERE conrelid = 'access_events'::regclass AND contype = 'p'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(pkey, "access_events_pkey");
    // The sequence is the new table's and goes on past the moved entries.
    let next: i64 = client
        .query_one(
            "INSERT INTO access_events (citizen_id, at, organisation_id, unit_id, role_id, system_id,
                                        area_id, kind_id, action, purpose_id)
             VALUES (1, $1, 1, 1, 1, 1, 1, 1, 0, 1) RETURNING id",
            &[&(MARCH + DAY)],
        )
        .await
        .unwrap()
        .get(0);
    assert!(next > before.iter().map(|b| b.0).max().unwrap());
    let owned: Option<String> = client
        .query_one("SELECT pg_get_serial_sequence('access_events', 'id')", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(owned.as_deref(), Some("public.access_events_id_seq"));
}
