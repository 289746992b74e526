//! Record ingest and the catalogue import on PostgreSQL answer what SQLite answers: the same catalogue rows
//! and view, the same outcome for every record (new, newer, equal, stale, deleted, foreign), the same rows
//! afterwards, the same refusal of a catalogue that drops entries in use, on fresh databases and on the demo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_records_support;
mod pg_support;

use indsigt::ingest::records::Kind;
use indsigt::store::records::{Record, RecordOutcome};
use indsigt::store::{ImportError, Store};
use pg_records_support::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// A day and the items sent that day.
type Batch<'a> = (u32, Vec<(Kind, &'a str, Value)>);

#[tokio::test(flavor = "multi_thread")]
async fn imports_and_record_batches_leave_the_same_rows_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mut store, pg)) = fresh(dir.path()).await else {
        return;
    };
    assert_eq!(store.catalogue_version().unwrap(), None);
    assert_eq!(pg.catalogue_version().await.unwrap(), None);
    assert!(pg.catalogue_view().await.unwrap().is_empty());
    let (cat, digest) = shipped();
    let a = store
        .import_catalogue(&cat, "catalogue", &digest, 100)
        .unwrap();
    let b = pg
        .import_catalogue(&cat, "catalogue", &digest, 100)
        .await
        .unwrap();
    assert_eq!((a.version, a.previous), (1, None));
    assert_eq!(a, b);
    let rows = same_rows(&store, &pg, CATALOGUE_TABLES).await;
    assert!(rows > 100, "only {rows} catalogue rows");
    let (sv, pv) = (
        store.catalogue_view().unwrap(),
        pg.catalogue_view().await.unwrap(),
    );
    same_view(&sv, &pv, &cat);
    let views = (&sv, &pv);

    use Kind::{Consents, Decisions, Holdings};
    let batches: Vec<Batch> = vec![
        // New records, two new citizens, and a duplicate and a stale one in the same batch.
        (
            2,
            vec![
                (Holdings, "kmd_nexus", holding("h-1", A, 2, "Rengøring")),
                (Holdings, "KMD Nexus", holding("h-1", A, 2, "Rengøring")),
                (Holdings, "kmd_nexus", holding("h-1", A, 1, "Gammel")),
                (Holdings, "kmd_nexus", holding("h-2", B, 1, "Indkøb")),
                (Consents, "kmd_nexus", consent("k-1", 1, None)),
                (
                    Decisions,
                    "kmd_nexus",
                    decision("d-1", "2026-03-01T00:00:00Z", &["Alder", "Bolig"]),
                ),
            ],
        ),
        // Newer versions (fields and factors replaced), an equal and an older one, a deletion.
        (
            3,
            vec![
                (Holdings, "kmd_nexus", holding("h-1", A, 3, "Bad")),
                (Holdings, "kmd_nexus", holding("h-1", A, 3, "Bad igen")),
                (Holdings, "kmd_nexus", holding("h-2", B, 1, "Samme")),
                (
                    Consents,
                    "kmd_nexus",
                    consent("k-1", 2, Some("2026-06-01T00:00:00Z")),
                ),
                (Consents, "kmd_nexus", consent("k-1", 1, None)),
                (
                    Decisions,
                    "kmd_nexus",
                    decision("d-1", "2026-04-01T00:00:00Z", &["Alder"]),
                ),
                (
                    Decisions,
                    "kmd_nexus",
                    decision("d-1", "2026-02-01T00:00:00Z", &["Gammel"]),
                ),
            ],
        ),
        // Another system's record ids are refused, a deletion drops the values; nothing new is stale.
        (
            4,
            vec![
                (Consents, "momentum", consent("k-1", 9, None)),
                (Decisions, "Momentum", {
                    let mut v = decision("d-1", "2027-01-01T00:00:00Z", &[]);
                    v["tool"] = json!("job_match");
                    v
                }),
                (Holdings, "kmd_nexus", {
                    let mut v = holding("h-2", B, 2, "Væk");
                    v["deleted"] = json!(true);
                    v
                }),
            ],
        ),
        // Only refusals: the systems' last ingest stays as it was.
        (
            5,
            vec![(Holdings, "kmd_nexus", holding("h-1", A, 1, "Gammel"))],
        ),
    ];
    let mut outcomes = Vec::new();
    for (day, items) in batches {
        let records: Vec<Record> = items
            .into_iter()
            .map(|(k, s, v)| checked(views, k, s, v).unwrap())
            .collect();
        let a = store.ingest_records(&records, now(day)).unwrap();
        let b = pg.ingest_records(&records, now(day)).await.unwrap();
        assert_eq!(a, b, "day {day}");
        outcomes.extend(a);
        same_rows(&store, &pg, RECORD_TABLES).await;
    }
    use RecordOutcome::{Accepted, ForeignRecord, Stale};
    assert_eq!(
        outcomes,
        [
            [Accepted, Stale, Stale, Accepted, Accepted, Accepted].as_slice(),
            &[Accepted, Stale, Stale, Accepted, Stale, Accepted, Stale],
            &[ForeignRecord, ForeignRecord, Accepted],
            &[Stale],
        ]
        .concat()
    );
    let rows = same_rows(&store, &pg, RECORD_TABLES).await;
    // 2 citizens, 2 holdings, h-1's 2 values (h-2 is deleted), 1 consent, 1 use, its 1 factor, 1 system.
    assert_eq!(rows, 2 + 2 + 2 + 1 + 1 + 1 + 1);

    // Items the views refuse are refused alike, before any write.
    for (kind, system, v, code) in [
        (
            Holdings,
            "kmd_nexus",
            json!({"category": "no_such"}),
            "unknown_category",
        ),
        (Holdings, "momentum", json!({}), "wrong_system"),
        (Holdings, "no_such_system", json!({}), "unknown_system"),
        (
            Consents,
            "kmd_nexus",
            json!({"consent_type": "nope"}),
            "unknown_consent_type",
        ),
        (
            Decisions,
            "kmd_nexus",
            json!({"tool": "job_match"}),
            "wrong_system",
        ),
    ] {
        let mut item = match kind {
            Holdings => holding("h-9", A, 1, "x"),
            Consents => consent("k-9", 1, None),
            Decisions => decision("d-9", "2026-03-01T00:00:00Z", &[]),
        };
        for (k, val) in v.as_object().unwrap() {
            item[k] = val.clone();
        }
        let err = checked(views, kind, system, item).unwrap_err();
        assert_eq!(err, code, "{kind:?} {system} {v}");
    }

    // A second version of the catalogue, then one that drops entries citizens have data in.
    let a = store
        .import_catalogue(&cat, "catalogue-2", "other", 200)
        .unwrap();
    let b = pg
        .import_catalogue(&cat, "catalogue-2", "other", 200)
        .await
        .unwrap();
    assert_eq!((a.version, a.previous), (2, Some(1)));
    assert_eq!(a, b);
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
    same_rows(&store, &pg, CATALOGUE_TABLES).await;
    let mut smaller = cat.clone();
    smaller.categories.retain(|c| c.id != "home_care");
    smaller.consent_types.retain(|c| c.id != "share_with_gp");
    smaller.decision_tools.retain(|c| c.id != "rehab_planning");
    let a = store.import_catalogue(&smaller, "small", "s", 300);
    let b = pg.import_catalogue(&smaller, "small", "s", 300).await;
    let (Err(ImportError::StillInUse(a)), Err(ImportError::StillInUse(b))) = (a, b) else {
        panic!("both refuse the smaller catalogue");
    };
    assert_eq!(a, b);
    let named: Vec<(&str, &str, u64)> = a
        .iter()
        .map(|u| (u.kind, u.id.as_str(), u.citizens))
        .collect();
    assert_eq!(
        named,
        [
            ("category", "home_care", 2),
            ("consent_type", "share_with_gp", 1),
            ("decision_tool", "rehab_planning", 1)
        ]
    );
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
    same_rows(&store, &pg, CATALOGUE_TABLES).await;
    same_view(
        &store.catalogue_view().unwrap(),
        &pg.catalogue_view().await.unwrap(),
        &cat,
    );
}

/// The demo's own records (copied into PostgreSQL, sequences and all) take newer versions, refuse old ones
/// and other systems, and new records get the same ids on both engines.
#[tokio::test(flavor = "multi_thread")]
async fn the_demo_records_take_the_same_batches_on_both_engines() {
    use indsigt::domain::Text;
    use indsigt::store::records::Body;
    let d = common::demo();
    let dir = tempfile::tempdir().unwrap();
    let Some((_settings, pg)) = pg_support::copy_of(&d.path, dir.path()).await else {
        return;
    };
    let mut store = Store::open(&d.path).unwrap();
    same_view(
        &store.catalogue_view().unwrap(),
        &pg.catalogue_view().await.unwrap(),
        &shipped().0,
    );
    let before = same_rows(&store, &pg, RECORD_TABLES).await;
    // (table, record id, owner, version, category/type/tool, citizen's key)
    let known: Vec<(String, String, String, i64, String, Option<String>)> = store
        .connection()
        .prepare(
            "SELECT 'h', t.record_id, t.system_id, t.record_version, t.category_id, c.cpr_key
               FROM holdings t JOIN citizens c ON c.id = t.citizen_id
             UNION ALL SELECT 'k', t.record_id, t.system_id, t.record_version, t.consent_type_id, c.cpr_key
               FROM citizen_consents t JOIN citizens c ON c.id = t.citizen_id WHERE t.record_id IS NOT NULL
             UNION ALL SELECT 'd', t.record_id, t.system_id, t.record_version, t.tool_id, c.cpr_key
               FROM decision_uses t JOIN citizens c ON c.id = t.citizen_id WHERE t.record_id IS NOT NULL
             ORDER BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let kinds: BTreeSet<&str> = known.iter().map(|k| k.0.as_str()).collect();
    assert_eq!(kinds.len(), 3, "the demo has each kind: {kinds:?}");
    let at: jiff::Timestamp = "2026-11-01T10:00:00Z".parse().unwrap();
    let text = |s: &str| Text::new(s, s);
    let mut records = Vec::new();
    for (i, (kind, id, owner, version, what, key)) in known.iter().enumerate() {
        let body = match kind.as_str() {
            "h" => Body::Holding {
                category: what.clone(),
                values: vec![("note".into(), text(&format!("ny {i}")))],
                origin: Some(text("Borgeren")),
                updated_at: at,
                retention_start: None,
                case_ref: Some(format!("S-{i}")),
                deleted: i % 3 == 0,
            },
            "k" => Body::Consent {
                consent_type: what.clone(),
                given_at: at,
                withdrawn_at: (i % 2 == 0).then_some(at),
            },
            _ => Body::Decision {
                tool: what.clone(),
                case_ref: None,
                decided_at: at,
                result: text("Nyt forslag"),
                factors: vec![(text("Alder"), text("Lidt"))],
            },
        };
        let key = key.clone().unwrap_or_else(|| format!("{:064x}", i + 1));
        let record = |system: &str, version: i64| Record {
            system: system.into(),
            record_id: id.clone(),
            citizen_key: key.clone(),
            cpr_masked: "010190-••••".into(),
            version,
            body: body.clone(),
        };
        // A newer version, then the same again, an older one and another system's.
        records.extend([
            record(owner, version + 1),
            record(owner, version + 1),
            record(owner, *version),
            record("no_such_owner", version + 5),
        ]);
        // And a new record of the same kind for the same citizen.
        records.push(Record {
            record_id: format!("new-{id}"),
            ..record(owner, 1)
        });
    }
    let a = store.ingest_records(&records, now(3)).unwrap();
    let b = pg.ingest_records(&records, now(3)).await.unwrap();
    assert_eq!(a, b);
    use RecordOutcome::{Accepted, ForeignRecord, Stale};
    let each = [Accepted, Stale, Stale, ForeignRecord, Accepted];
    assert_eq!(a, each.repeat(known.len()));
    let after = same_rows(&store, &pg, RECORD_TABLES).await;
    assert!(before > 100 && after > 100, "{before} -> {after}");
}
