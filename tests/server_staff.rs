#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Sign-in with a member of staff, over HTTP on both engines: a staff token with the role, at a kiosk set
//! up for it, opens a session for a known citizen; the session reads that citizen's data only and ends at
//! sign-out or expiry; the citizen's log says a member of staff opened the visit, never who; the
//! municipality's audit has every attempt with the staff member. A token without the role, another
//! issuer's token, a kiosk not set up for it and an unknown CPR number open nothing.

mod support_server;

use indsigt::config::{KioskKey, ServerStaff};
use serde_json::{Value, json};
use support_server::{AUDIENCE, Api, Issuer, KIOSK_KEY, Key, NEXUS_KEY, assert_error, settings};

const CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
const PEPPER: &[u8] = b"a test pepper that is at least 32 bytes long";
const CITIZEN: &str = "300241-1234";
const ROLE: &str = "indsigt-borgerservice";
/// A registered kiosk where staff may not open visits.
const LIBRARY_KEY: &str = "library-kiosk-key";

struct Fixture {
    _dir: tempfile::TempDir,
    api: Api,
    staff: Issuer,
    citizens: Issuer,
}

async fn setup() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = support_server::catalogue_db(dir.path());
    let pepper_file = support_server::pepper_file(dir.path(), PEPPER);
    let citizens = Issuer::start(vec![Key::es256("citizen")]).await;
    let staff = Issuer::start(vec![Key::es256("staff")]).await;
    let mut s = settings(&db, &citizens);
    s.ingest_keys[1].system = "KMD Nexus".into();
    s.pepper_file = Some(pepper_file);
    s.cpr_claim = Some(CLAIM.into());
    s.kiosks[0].staff_sign_in = true;
    s.kiosks.push(KioskKey {
        id: "library".into(),
        location: "Hovedbiblioteket".into(),
        key_sha256: indsigt::auth::sha256_hex(LIBRARY_KEY),
        staff_sign_in: false,
    });
    s.staff = Some(ServerStaff {
        issuer: staff.url.clone(),
        audience: AUDIENCE.into(),
        role_claim: "roles".into(),
        role: ROLE.into(),
        session_max_secs: 1200,
    });
    let api = Api::start(&s).await;
    let f = Fixture {
        _dir: dir,
        api,
        staff,
        citizens,
    };
    let holding = json!({ "record_id": "h-1", "cpr": CITIZEN, "version": 1, "category": "home_care",
        "fields": { "help_granted": { "da": "Rengøring", "en": "Cleaning" } },
        "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01" });
    let r = f
        .api
        .http
        .post(f.api.url("/v1/ingest/holdings"))
        .header("Authorization", format!("ApiKey {NEXUS_KEY}"))
        .json(&json!({ "records": [holding] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    f
}

impl Fixture {
    fn staff_token(&self, roles: Value) -> String {
        let mut claims = self.staff.claims("staff-hanne");
        claims["name"] = json!("Hanne Medarbejder");
        claims["roles"] = roles;
        self.staff.keys[0].sign(&claims)
    }

    async fn open(&self, token: &str, kiosk: &str, cpr: &str) -> (u16, Value) {
        let r = self
            .api
            .http
            .post(self.api.url("/v1/assisted-sessions"))
            .bearer_auth(token)
            .header("X-Indsigt-Kiosk", kiosk)
            .json(&json!({ "cpr": cpr }))
            .send()
            .await
            .unwrap();
        support_server::split(r).await
    }

    async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let r = self
            .api
            .http
            .get(self.api.url(path))
            .bearer_auth(token)
            .header("X-Indsigt-Kiosk", KIOSK_KEY)
            .send()
            .await
            .unwrap();
        support_server::split(r).await
    }

    async fn audit(&self) -> Vec<(String, Option<String>)> {
        self.api
            .db
            .rows(
                "SELECT outcome, staff_subject FROM staff_sign_ins ORDER BY id",
                &[],
            )
            .await
            .into_iter()
            .map(|r| {
                (
                    r[0].as_str().unwrap().to_owned(),
                    r[1].as_str().map(str::to_owned),
                )
            })
            .collect()
    }

    async fn sessions(&self) -> i64 {
        self.api
            .db
            .count("SELECT count(*) FROM assisted_sessions", &[])
            .await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_with_the_role_open_a_visit_that_reads_only_that_citizen_and_is_logged_without_them()
{
    let f = setup().await;
    let staff = f.staff_token(json!(["other", ROLE]));
    let (status, opened) = f.open(&staff, KIOSK_KEY, CITIZEN).await;
    assert_eq!(status, 201, "{opened}");
    let token = opened["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("ias_") && token.len() > 40);
    assert!(
        !opened.to_string().contains("300241"),
        "no CPR number in the answer"
    );

    // The session is the citizen's: their data, and no one else's.
    let (status, me) = f.get(&token, "/v1/me").await;
    assert_eq!((status, me["cpr"].clone()), (200, json!("300241-••••")));
    let (status, list) = f.get(&token, "/v1/represented").await;
    assert_eq!((status, list), (200, json!([])));
    let r = f
        .api
        .http
        .get(f.api.url("/v1/me"))
        .bearer_auth(&token)
        .header("X-Indsigt-Acting-For", "anyone")
        .send()
        .await
        .unwrap();
    assert_error(&support_server::split(r).await, 403, "forbidden");

    // The visit: the citizen's log says a member of staff opened it after checking their ID.
    let r = f
        .api
        .http
        .post(f.api.url("/v1/kiosk-visits"))
        .bearer_auth(&token)
        .header("X-Indsigt-Kiosk", KIOSK_KEY)
        .json(&json!({ "helper": "staff" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (_, page) = f.get(&token, "/v1/access-log").await;
    let entry = &page["entries"][0];
    assert_eq!(entry["on_behalf"], json!({ "side": "assisted" }), "{page}");
    assert_eq!(
        entry["role"]["en"],
        "Self-service kiosk, opened by a member of staff"
    );
    let text = page.to_string();
    assert!(
        !text.contains("Hanne") && !text.contains("staff-hanne"),
        "{text}"
    );
    // The municipality's audit keeps who it was.
    assert_eq!(
        f.audit().await,
        [("opened".to_owned(), Some("staff-hanne".to_owned()))]
    );
    let names = f
        .api
        .db
        .strings("SELECT staff_name FROM staff_sign_ins", &[])
        .await;
    assert_eq!(names, ["Hanne Medarbejder"]);
    // Only the token's hash is stored.
    assert!(!f.api.db.contains_text(&token).await);
    let stored = f
        .api
        .db
        .strings("SELECT token_sha256 FROM assisted_sessions", &[])
        .await;
    assert_eq!(stored, [indsigt::auth::sha256_hex(&token)]);

    // Sign-out ends it.
    let r = f
        .api
        .http
        .post(f.api.url("/v1/assisted-sessions/end"))
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_error(&f.get(&token, "/v1/me").await, 401, "unauthorized");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_visit_opens_nothing() {
    let f = setup().await;
    let (_, opened) = f
        .open(&f.staff_token(json!(ROLE)), KIOSK_KEY, CITIZEN)
        .await;
    let token = opened["token"].as_str().unwrap().to_owned();
    assert_eq!(f.get(&token, "/v1/me").await.0, 200);
    f.api
        .db
        .rows(
            "UPDATE assisted_sessions SET expires_at = ?1",
            &[json!(jiff::Timestamp::now().as_second() - 1)],
        )
        .await;
    assert_error(&f.get(&token, "/v1/overview").await, 401, "unauthorized");
    // A made-up token of the same shape opens nothing either.
    assert_error(
        &f.get("ias_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/v1/me")
            .await,
        401,
        "unauthorized",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_role_another_issuer_a_kiosk_not_set_up_and_an_unknown_cpr_open_nothing() {
    let f = setup().await;
    // A staff token without the role.
    let no_role = f.staff_token(json!(["indsigt-reader"]));
    assert_error(
        &f.open(&no_role, KIOSK_KEY, CITIZEN).await,
        403,
        "forbidden",
    );
    // The citizen issuer's token (not the staff issuer's), with the role claim even.
    let mut claims = f.citizens.claims("staff-hanne");
    claims["roles"] = json!([ROLE]);
    let foreign = f.citizens.keys[0].sign(&claims);
    assert_error(
        &f.open(&foreign, KIOSK_KEY, CITIZEN).await,
        401,
        "unauthorized",
    );
    // A kiosk that is registered but not set up for staff sign-in.
    let staff = f.staff_token(json!([ROLE]));
    assert_error(
        &f.open(&staff, LIBRARY_KEY, CITIZEN).await,
        403,
        "not_configured",
    );
    // An unregistered kiosk.
    assert_error(
        &f.open(&staff, "no-such-kiosk", CITIZEN).await,
        403,
        "unknown_kiosk",
    );
    // A CPR number the server does not know, and one that is not a CPR number.
    assert_error(
        &f.open(&staff, KIOSK_KEY, "010203-4444").await,
        404,
        "unknown_citizen",
    );
    assert_error(
        &f.open(&staff, KIOSK_KEY, "12345").await,
        400,
        "bad_request",
    );
    assert_eq!(f.sessions().await, 0, "no session was opened");
    assert_eq!(
        f.audit().await,
        [
            ("no_role".to_owned(), Some("staff-hanne".to_owned())),
            ("bad_token".to_owned(), None),
            (
                "kiosk_not_allowed".to_owned(),
                Some("staff-hanne".to_owned())
            ),
            ("unknown_citizen".to_owned(), Some("staff-hanne".to_owned())),
            ("malformed_cpr".to_owned(), Some("staff-hanne".to_owned())),
        ]
    );
    // The staff member's own token opens no citizen's data.
    assert_error(&f.get(&staff, "/v1/me").await, 401, "unauthorized");
}
