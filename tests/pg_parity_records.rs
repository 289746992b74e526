//! Record ingest and the catalogue import on PostgreSQL answer what SQLite answers: the same catalogue rows
//! and view, the same outcome for every record (new, newer, equal, stale, deleted, foreign), the same rows
//! afterwards, the same refusal of a catalogue that drops entries in use; concurrent batches for one
//! record let the highest version win once; and `indsigt catalogue import` writes into `[server.postgres]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pg_support;

use indsigt::auth::citizen_key::Pepper;
use indsigt::catalogue::Catalogue;
use indsigt::ingest::records::{Kind, check};
use indsigt::store::postgres::PgStore;
use indsigt::store::records::{CatalogueView, Record, RecordOutcome};
use indsigt::store::{ImportError, Store};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const A: &str = "310241-4822";
const B: &str = "300214-1234";

/// The tables an import writes, and the tables record ingest writes.
const CATALOGUE_TABLES: &[&str] = &[
    "catalogue_versions",
    "cat_areas",
    "cat_systems",
    "cat_legal_bases",
    "cat_purposes",
    "cat_categories",
    "cat_category_fields",
    "cat_category_purposes",
    "cat_category_recipients",
    "cat_consent_types",
    "cat_decision_tools",
    "cat_decision_inputs",
    "cat_purpose_codes",
];
const RECORD_TABLES: &[&str] = &[
    "citizens",
    "holdings",
    "holding_values",
    "citizen_consents",
    "decision_uses",
    "decision_use_factors",
    "system_ingests",
];

fn catalogue_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue")
}

fn shipped() -> (Catalogue, String) {
    indsigt::catalogue::load_with_digest(&catalogue_dir()).unwrap()
}

fn pepper() -> Pepper {
    Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
}

fn now(day: u32) -> jiff::Timestamp {
    format!("2026-12-{day:02}T12:00:00Z").parse().unwrap()
}

/// A fresh SQLite file and a fresh PostgreSQL database, or `None` without a cluster.
async fn fresh(dir: &Path) -> Option<(Store, PgStore)> {
    let settings = pg_support::fresh_database(dir).await?;
    let pg = PgStore::open(&settings, now(1)).await.unwrap();
    Some((Store::open(&dir.join("t.db")).unwrap(), pg))
}

/// A table's rows as JSON texts, sorted: every column SQLite has, read alike from both engines.
fn sqlite_rows(store: &Store, table: &str) -> (Vec<String>, Vec<String>) {
    let c = store.connection();
    let mut st = c
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap();
    let columns: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let sql = format!("SELECT {} FROM {table}", columns.join(", "));
    let mut st = c.prepare(&sql).unwrap();
    let mut rows: Vec<String> = st
        .query_map([], |r| {
            let mut row = Vec::new();
            for i in 0..columns.len() {
                row.push(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => json!(n),
                    rusqlite::types::ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    other => panic!("{table}: unexpected {other:?}"),
                });
            }
            Ok(Value::Array(row).to_string())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    (columns, rows)
}

async fn pg_rows(pg: &PgStore, table: &str, columns: &[String]) -> Vec<String> {
    let client = pg.client().await.unwrap();
    let sql = format!("SELECT {} FROM {table}", columns.join(", "));
    let mut rows: Vec<String> = client
        .query(&sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let row: Vec<Value> = (0..columns.len())
                .map(|i| match *r.columns()[i].type_() {
                    tokio_postgres::types::Type::INT8 => json!(r.get::<_, Option<i64>>(i)),
                    tokio_postgres::types::Type::TEXT => json!(r.get::<_, Option<String>>(i)),
                    ref t => panic!("{table}: unexpected type {t}"),
                })
                .collect();
            Value::Array(row).to_string()
        })
        .collect();
    rows.sort();
    rows
}

/// Every row of `tables` is the same on both engines; answers the number of rows compared.
async fn same_rows(store: &Store, pg: &PgStore, tables: &[&str]) -> usize {
    let mut n = 0;
    for table in tables {
        let (columns, want) = sqlite_rows(store, table);
        assert_eq!(pg_rows(pg, table, &columns).await, want, "{table}");
        n += want.len();
    }
    n
}

/// The two views agree on every id and name the catalogue has, and on ids it lacks.
fn same_view(a: &CatalogueView, b: &CatalogueView, c: &Catalogue) {
    assert_eq!(a.is_empty(), b.is_empty());
    for s in &c.systems {
        for name in [&s.id, &s.name] {
            assert_eq!(a.system_id(name), b.system_id(name), "{name}");
            assert_eq!(a.system_id(name), Some(s.id.as_str()));
        }
    }
    for cat in c.categories.iter().map(|c| c.id.as_str()).chain(["nope"]) {
        let (x, y) = (a.category(cat), b.category(cat));
        assert_eq!(x.is_some(), y.is_some(), "{cat}");
        if let (Some(x), Some(y)) = (x, y) {
            assert_eq!((&x.system, &x.fields), (&y.system, &y.fields), "{cat}");
            assert!(!x.fields.is_empty(), "{cat}");
        }
    }
    for t in c
        .consent_types
        .iter()
        .map(|t| t.id.as_str())
        .chain(["nope"])
    {
        assert_eq!(a.has_consent_type(t), b.has_consent_type(t), "{t}");
    }
    for t in c
        .decision_tools
        .iter()
        .map(|t| t.id.as_str())
        .chain(["nope"])
    {
        assert_eq!(a.tool_system(t), b.tool_system(t), "{t}");
    }
}

fn holding(record: &str, cpr: &str, version: i64, help: &str) -> Value {
    json!({
        "record_id": record, "cpr": cpr, "version": version, "category": "home_care",
        "fields": { "help_granted": { "da": help, "en": help },
                    "hours_per_week": { "da": "4 timer", "en": "4 hours" } },
        "updated_at": "2026-11-01T10:00:00Z", "retention_start": "2026-05-02", "case_ref": "S-1"
    })
}

fn consent(record: &str, version: i64, withdrawn: Option<&str>) -> Value {
    let mut v = json!({"record_id": record, "cpr": A, "version": version,
        "consent_type": "share_with_gp", "given_at": "2026-01-02T10:00:00Z"});
    if let Some(w) = withdrawn {
        v["withdrawn_at"] = json!(w);
    }
    v
}

fn decision(record: &str, updated: &str, factors: &[&str]) -> Value {
    let factors: Vec<Value> = factors
        .iter()
        .map(|f| json!({"name": {"da": f, "en": f}, "effect": {"da": "Lidt", "en": "A little"}}))
        .collect();
    json!({"record_id": record, "cpr": B, "updated_at": updated,
        "tool": "rehab_planning", "case_ref": "S-9", "decided_at": "2026-02-28T11:00:00Z",
        "result": {"da": "Træning anbefalet", "en": "Training recommended"}, "factors": factors})
}

/// One item checked against both engines' views: the same record, or the same error code.
fn checked(
    views: (&CatalogueView, &CatalogueView),
    kind: Kind,
    system: &str,
    v: Value,
) -> Result<Record, String> {
    let p = pepper();
    let a = check(kind, system, v.clone(), views.0, &p).map_err(|(_, e)| e.code().to_owned());
    let b = check(kind, system, v, views.1, &p).map_err(|(_, e)| e.code().to_owned());
    assert_eq!(a, b);
    a
}

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

/// Four batches at once, each with versions of the same two records (in opposite orders, so row locks
/// taken one by one would cross) for one new citizen: the highest version wins, each record is one row,
/// its values are that version's, and no batch fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_batches_for_one_record_let_the_highest_version_win_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mut store, pg)) = fresh(dir.path()).await else {
        return;
    };
    let (cat, digest) = shipped();
    store.import_catalogue(&cat, "c", &digest, 1).unwrap();
    pg.import_catalogue(&cat, "c", &digest, 1).await.unwrap();
    let view = pg.catalogue_view().await.unwrap();
    for round in 0..8 {
        let (x, y) = (format!("x-{round}"), format!("y-{round}"));
        let cpr = format!("0{}0190-1234", round + 1);
        let mut tasks = Vec::new();
        for version in 1..=4_i64 {
            let mut batch: Vec<Record> = [&x, &y]
                .iter()
                .map(|id| {
                    let v = holding(id, &cpr, version, &format!("v{version}"));
                    check(Kind::Holdings, "kmd_nexus", v, &view, &pepper()).unwrap()
                })
                .collect();
            if version % 2 == 0 {
                batch.reverse();
            }
            let pg = pg.clone();
            tasks.push(tokio::spawn(async move {
                (version, pg.ingest_records(&batch, now(2)).await.unwrap())
            }));
        }
        let mut accepted = 0;
        for t in tasks {
            let (version, out) = t.await.unwrap();
            assert!(out[0] == out[1], "both records alike: {out:?}");
            if version == 4 {
                assert_eq!(out, [RecordOutcome::Accepted; 2]);
            }
            accepted += usize::from(out[0] == RecordOutcome::Accepted);
        }
        assert!((1..=4).contains(&accepted));
        let client = pg.client().await.unwrap();
        for id in [&x, &y] {
            let rows = client
                .query(
                    "SELECT h.record_version, v.value_da FROM holdings h
                     JOIN holding_values v ON v.holding_id = h.id AND v.field_id = 'help_granted'
                     WHERE h.record_id = $1",
                    &[id],
                )
                .await
                .unwrap();
            assert_eq!(rows.len(), 1, "{id}");
            assert_eq!(rows[0].get::<_, i64>(0), 4);
            assert_eq!(rows[0].get::<_, String>(1), "v4");
        }
        let values: i64 = client
            .query_one(
                "SELECT count(*) FROM holding_values v JOIN holdings h ON h.id = v.holding_id
                 WHERE h.record_id = ANY($1)",
                &[&vec![x.clone(), y.clone()]],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(values, 4, "two fields for each record, no leftovers");
    }
    let client = pg.client().await.unwrap();
    let citizens: i64 = client
        .query_one("SELECT count(*) FROM citizens", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(citizens, 8, "one citizen a round");
}

fn pg_config(dir: &Path, settings: &indsigt::config::Postgres, password_file: &Path) -> PathBuf {
    let path = dir.join("server.toml");
    let text = format!(
        "[server]\ndatabase = {:?}\n\n[server.postgres]\nurl = {:?}\npassword_file = {:?}\ntls = \"disable\"\n",
        dir.join("unused.db").to_str().unwrap(),
        settings.url,
        password_file.to_str().unwrap(),
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_catalogue_import_command_writes_into_the_configured_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let Some(settings) = pg_support::fresh_database(dir.path()).await else {
        return;
    };
    let password_file = settings.password_file.clone().unwrap();
    let cfg = pg_config(dir.path(), &settings, &password_file);
    let catalogue = catalogue_dir();
    let args = [
        "catalogue",
        "import",
        catalogue.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    for version in 1..=2 {
        let out = common::indsigt("en_GB.UTF-8", &args, &[]);
        assert!(out.status.success(), "{}", common::text(&out.stderr));
        let said = common::text(&out.stdout);
        assert!(
            said.contains(&format!("as catalogue version {version}."))
                && said.contains(&settings.url),
            "{said}"
        );
    }
    assert!(
        !dir.path().join("unused.db").exists(),
        "no SQLite file made"
    );
    let pg = PgStore::open(&settings, now(1)).await.unwrap();
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
    let client = pg.client().await.unwrap();
    let (cat, digest) = shipped();
    let n: i64 = client
        .query_one(
            "SELECT count(*) FROM cat_categories WHERE version_id = 2",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(n as usize, cat.categories.len());
    let stored: String = client
        .query_one("SELECT digest FROM catalogue_versions WHERE id = 2", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(stored, digest);

    // A wrong password: the localized sentence, exit 1, nothing imported.
    let wrong = dir.path().join("wrong.pw");
    std::fs::write(&wrong, "not-the-password\n").unwrap();
    let cfg = pg_config(dir.path(), &settings, &wrong);
    let args = [
        "catalogue",
        "import",
        catalogue.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
    ];
    let out = common::indsigt("da_DK.UTF-8", &args, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::text(&out.stderr);
    assert!(
        err.contains("PostgreSQL") && err.contains("adgangskode"),
        "{err}"
    );
    assert_eq!(pg.catalogue_version().await.unwrap(), Some(2));
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
