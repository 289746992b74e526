//! The feedback table holds nothing that could point to a citizen: its columns, and the values a real
//! visit (the kiosk over the demo store) leaves in it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, copy_source, demo_db};
use indsigt::domain::Lang;
use indsigt::kiosk::Key;
use indsigt::store::Store;

#[test]
fn the_table_has_only_the_day_the_kiosk_the_answer_the_screens_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("f.db")).unwrap();
    let conn = store.connection();
    let mut st = conn
        .prepare("SELECT name FROM pragma_table_info('feedback')")
        .unwrap();
    let columns: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(columns, ["day", "kiosk_id", "answer", "screens", "answers"]);
    // No row id: nothing orders the answers of a day.
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'feedback'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    assert!(
        conn.query_row("SELECT rowid FROM feedback", [], |r| r.get::<_, i64>(0))
            .is_err()
    );
}

#[test]
fn after_a_visit_the_stored_values_name_no_citizen_and_no_time_of_day() {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 50);
    let path = dir.path().join("visit.db");
    let source = copy_source(&template, dir.path(), "visit");
    let mut k = Kiosk::new(source);
    k.sign_in(ELDERLY, Lang::Da);
    // Your data, one area, one category, back; the access log and one entry.
    k.keys("11");
    k.key(Key::Enter);
    k.key(Key::Esc).key(Key::Esc).key(Key::Esc);
    k.keys("3");
    k.key(Key::Enter);
    k.key(Key::Esc).key(Key::Esc);
    k.keys("x2");
    assert!(k.model.session.is_none());
    // The same visit again, with the same answer, adds to the count: still one row.
    k.sign_in(ELDERLY, Lang::Da);
    k.keys("11");
    k.key(Key::Enter);
    k.key(Key::Esc).key(Key::Esc).key(Key::Esc);
    k.keys("3");
    k.key(Key::Enter);
    k.key(Key::Esc).key(Key::Esc);
    k.keys("x2");
    drop(k);

    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    let rows: Vec<(String, String, String, String, i64)> = conn
        .prepare("SELECT day, kiosk_id, answer, screens, answers FROM feedback")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        [(
            // The kiosk's clock in these tests: 1 November 2026 in Copenhagen.
            "2026-11-01".to_owned(),
            "kiosk-7".to_owned(),
            "partly".to_owned(),
            "access-entry,access-log,areas,categories,category,overview".to_owned(),
            2
        )]
    );
    let values: Vec<String> = rows
        .iter()
        .flat_map(|(a, b, c, d, _)| [a.clone(), b.clone(), c.clone(), d.clone()])
        .collect();
    let mut st = conn
        .prepare("SELECT public_id, subject, cpr, name FROM citizens")
        .unwrap();
    let people: Vec<[String; 4]> = st
        .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!people.is_empty());
    for person in &people {
        for secret in person {
            for v in &values {
                assert!(!v.contains(secret.as_str()), "{v:?} holds {secret:?}");
            }
        }
    }
    for v in &values {
        assert!(!v.contains(':'), "a time of day in {v:?}");
    }
    // No number in the answer or the screens (no ids); the day is a date and nothing more.
    for (day, _, answer, screens, _) in &rows {
        assert_eq!(day.len(), "YYYY-MM-DD".len());
        assert!(
            !answer
                .chars()
                .chain(screens.chars())
                .any(|c| c.is_ascii_digit())
        );
    }
}
