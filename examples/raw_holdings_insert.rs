//! The baseline of `benches/ingest.sh`: the same holdings JSONL written into the same tables with plain batched
//! INSERTs (1,000 rows a transaction) and none of `indsigt ingest`'s checks against the catalogue, versions,
//! ownership or resume checkpoints. Only the citizen key (HMAC-SHA-256 with the pepper) is computed, as the
//! store must never see a CPR number.
//!
//! Usage: raw_holdings_insert DATABASE PEPPER_FILE SYSTEM_ID FILE.jsonl
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use indsigt::auth::citizen_key::Pepper;
use rusqlite::{Connection, params};
use std::io::BufRead;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, pepper, system, file] = args.as_slice() else {
        panic!("usage: raw_holdings_insert DATABASE PEPPER_FILE SYSTEM_ID FILE.jsonl");
    };
    let pepper = Pepper::from_file(std::path::Path::new(pepper)).unwrap();
    let mut conn = Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    let lines = std::io::BufReader::new(std::fs::File::open(file).unwrap()).lines();
    let mut batch: Vec<serde_json::Value> = Vec::with_capacity(1000);
    let mut written = 0u64;
    let flush = |conn: &mut Connection, batch: &mut Vec<serde_json::Value>| {
        let tx = conn.transaction().unwrap();
        for v in batch.drain(..) {
            let cpr = indsigt::ingest::cpr::parse_cpr(v["cpr"].as_str().unwrap()).unwrap();
            let key = pepper.citizen_key(&cpr);
            let masked = cpr.masked();
            tx.prepare_cached(
                "INSERT INTO citizens (public_id, subject, name, cpr, cpr_key) VALUES (?1, ?2, '', ?3, ?4)
                 ON CONFLICT DO NOTHING",
            )
            .unwrap()
            .execute(params![format!("k-{}", &key[..16]), format!("cpr-key:{key}"), masked, key])
            .unwrap();
            let citizen: i64 = tx
                .prepare_cached("SELECT id FROM citizens WHERE cpr_key = ?1")
                .unwrap()
                .query_row([&key], |r| r.get(0))
                .unwrap();
            let updated = v["updated_at"]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .unwrap()
                .as_second();
            let holding: i64 = tx
                .prepare_cached(
                    "INSERT INTO holdings (citizen_id, category_id, system_id, record_id, updated_at,
                        retention_start, case_ref, record_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                )
                .unwrap()
                .query_row(
                    params![
                        citizen,
                        v["category"].as_str().unwrap(),
                        system,
                        v["record_id"].as_str().unwrap(),
                        updated,
                        v["retention_start"].as_str(),
                        v["case_ref"].as_str(),
                        v["version"].as_i64().unwrap()
                    ],
                    |r| r.get(0),
                )
                .unwrap();
            for (field, value) in v["fields"].as_object().unwrap() {
                tx.prepare_cached(
                    "INSERT INTO holding_values (holding_id, field_id, value_da, value_en) VALUES (?1, ?2, ?3, ?4)",
                )
                .unwrap()
                .execute(params![holding, field, value["da"].as_str(), value["en"].as_str()])
                .unwrap();
            }
        }
        tx.commit().unwrap();
    };
    for line in lines {
        batch.push(serde_json::from_str(&line.unwrap()).unwrap());
        if batch.len() == 1000 {
            written += batch.len() as u64;
            flush(&mut conn, &mut batch);
        }
    }
    written += batch.len() as u64;
    flush(&mut conn, &mut batch);
    println!("{written}");
}
