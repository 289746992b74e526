#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Citizen A's token cannot read or change anything of citizen B's, on any citizen endpoint: B's real ids
//! (categories, log entries, consents, area codes) are taken from the store, A gets 404 or A's own data,
//! and B's rows are the same before and after.

mod common;
mod support_server;

use common::{ELDERLY, JOB_SEEKER, cid, demo, open};
use indsigt::store::Store;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use support_server::{Api, Issuer, Key, assert_error, settings};

fn key(store: &Store, public_id: &str) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT id FROM citizens WHERE public_id = ?1",
            [public_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn ids(store: &Store, sql: &str, citizen: i64) -> BTreeSet<i64> {
    let mut st = store.connection().prepare(sql).unwrap();
    st.query_map([citizen], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn codes(store: &Store, citizen: i64) -> BTreeSet<String> {
    let mut st = store
        .connection()
        .prepare("SELECT DISTINCT c.area_id FROM holdings h JOIN cat_categories c ON c.id = h.category_id WHERE h.citizen_id = ?1")
        .unwrap();
    st.query_map([citizen], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Everything of B's that a write could touch, as text, read from the database the server serves.
async fn snapshot(db: &support_server::db::Db, citizen: i64) -> String {
    let mut out = String::new();
    for sql in [
        "SELECT id, withdrawn_at, withdrawal_pending FROM citizen_consents WHERE citizen_id = ?1 ORDER BY id",
        "SELECT id, event_id, status FROM access_reports WHERE citizen_id = ?1 ORDER BY id",
        "SELECT count(*), max(id) FROM access_events WHERE citizen_id = ?1",
        "SELECT count(*) FROM kiosk_visits WHERE citizen_id = ?1",
    ] {
        for row in db.rows(sql, &[json!(citizen)]).await {
            let row: Vec<String> = row.iter().map(Value::to_string).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

fn ids_in(list: &Value, field: &str) -> BTreeSet<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_i64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_a_cannot_read_or_change_citizen_b() {
    let d = demo();
    let store = open(&d);
    let (a_sub, b_sub) = (
        store.citizen(&cid(ELDERLY)).unwrap().subject.clone(),
        store.citizen(&cid(JOB_SEEKER)).unwrap().subject.clone(),
    );
    let (a, b) = (key(&store, ELDERLY), key(&store, JOB_SEEKER));
    let b_categories = ids(&store, "SELECT id FROM holdings WHERE citizen_id = ?1", b);
    let b_events = ids(
        &store,
        "SELECT id FROM access_events WHERE citizen_id = ?1",
        b,
    );
    let b_consents = ids(
        &store,
        "SELECT id FROM citizen_consents WHERE citizen_id = ?1",
        b,
    );
    let a_categories = ids(&store, "SELECT id FROM holdings WHERE citizen_id = ?1", a);
    let a_events = ids(
        &store,
        "SELECT id FROM access_events WHERE citizen_id = ?1",
        a,
    );
    let a_consents = ids(
        &store,
        "SELECT id FROM citizen_consents WHERE citizen_id = ?1",
        a,
    );
    let (a_codes, b_codes) = (codes(&store, a), codes(&store, b));
    assert!(!b_categories.is_empty() && !b_events.is_empty() && !b_consents.is_empty());
    assert!(
        b_codes.difference(&a_codes).count() > 0,
        "B needs an area A has nothing in"
    );

    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let api = Api::start(&settings(&d.path, &issuer)).await;
    let token = issuer.token(&a_sub);
    let before = snapshot(&api.db, b).await;
    assert!(before.lines().count() >= b_consents.len() + 2, "{before}");

    // Reads by B's ids: 404, exactly like ids that do not exist.
    for id in &b_categories {
        assert_error(
            &api.get(&format!("/v1/categories/{id}"), &token).await,
            404,
            "not_found",
        );
    }
    for id in b_events.iter().step_by(7) {
        assert_error(
            &api.get(&format!("/v1/access-log/{id}"), &token).await,
            404,
            "not_found",
        );
    }
    // Writes on B's ids: 404, nothing changes.
    for id in b_events.iter().step_by(11) {
        let got = api
            .post(&format!("/v1/access-log/{id}/report"), &token, &json!({}))
            .await;
        assert_error(&got, 404, "not_found");
    }
    for id in &b_consents {
        let got = api
            .post(&format!("/v1/consents/{id}/withdraw"), &token, &json!({}))
            .await;
        assert_error(&got, 404, "not_found");
    }
    // Areas: one A has nothing in is 404; a shared one lists only A's categories.
    for code in &b_codes {
        let got = api
            .get(&format!("/v1/areas/{code}/categories"), &token)
            .await;
        if a_codes.contains(code) {
            assert_eq!(got.0, 200);
            assert!(ids_in(&got.1, "id").is_subset(&a_categories), "{code}");
        } else {
            assert_error(&got, 404, "not_found");
        }
    }
    // Lists hold only A's data.
    let (status, me) = api.get("/v1/me", &token).await;
    assert_eq!(
        (status, me["subject"].as_str()),
        (200, Some(a_sub.as_str()))
    );
    assert!(ids_in(&api.get("/v1/consents", &token).await.1, "id").is_subset(&a_consents));
    let mut after = None;
    loop {
        let path = match &after {
            None => "/v1/access-log?limit=200".to_owned(),
            Some(c) => format!("/v1/access-log?limit=200&after={c}"),
        };
        let (status, page) = api.get(&path, &token).await;
        assert_eq!(status, 200);
        assert!(ids_in(&page["entries"], "id").is_subset(&a_events));
        match page["next"].as_object() {
            Some(n) => {
                let at: jiff::Timestamp = n["at"].as_str().unwrap().parse().unwrap();
                after = Some(format!("{}.{}", at.as_second(), n["id"]));
            }
            None => break,
        }
    }
    for path in [
        "/v1/overview",
        "/v1/areas",
        "/v1/purposes",
        "/v1/organisations",
        "/v1/reports",
        "/v1/decision-support",
    ] {
        assert_eq!(api.get(path, &token).await.0, 200, "{path}");
    }
    // A's own writes land in A's data only.
    let own = *a_events.iter().next().unwrap();
    assert_eq!(
        api.post(&format!("/v1/access-log/{own}/report"), &token, &json!({}))
            .await
            .0,
        201
    );
    let own_consent = *a_consents.iter().next().unwrap();
    assert_eq!(
        api.post(
            &format!("/v1/consents/{own_consent}/withdraw"),
            &token,
            &json!({})
        )
        .await
        .0,
        200
    );
    let visit = json!({ "helper": "staff" });
    assert_eq!(
        api.post_from_kiosk("/v1/kiosk-visits", &token, &visit)
            .await
            .0,
        204
    );

    assert_eq!(snapshot(&api.db, b).await, before, "B's data changed");
    // And B still sees B's own data.
    let b_token = issuer.token(&b_sub);
    let b_seen = ids_in(&api.get("/v1/consents", &b_token).await.1, "id");
    assert_eq!(b_seen, b_consents);
}
