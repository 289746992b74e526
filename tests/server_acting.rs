#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Acting for someone else, over HTTP on both engines: custody relations from the CPR system (only it may
//! send them, and only for citizens the server knows), whom `GET /v1/represented` offers (a child under
//! the age limit, a person whose power of attorney is in the signed privilege list), and that everything
//! else reads nothing: a handle for a child past the limit, for a person the list does not name, a list
//! with a privilege the server does not take, a forged token. A visit made for someone is in both logs;
//! a power of attorney to see does not let one withdraw or report.

mod support_server;

use indsigt::auth::Pepper;
use indsigt::auth::privileges::{PRIVILEGES_CLAIM, encode_list};
use indsigt::config::{IngestKey, Representation};
use serde_json::{Value, json};
use support_server::{Api, Issuer, KIOSK_KEY, Key, NEXUS_KEY, assert_error, settings};

const CLAIM: &str = "https://data.gov.dk/model/core/eid/cprNumber";
const PEPPER: &[u8] = b"a test pepper that is at least 32 bytes long";
const CPR_KEY: &str = "cpr-system-secret-key";
const SEE: &str = "urn:dk:test:indsigt:see";
const ACT: &str = "urn:dk:test:indsigt:act";

/// The parent, who signs in.
const PARENT: &str = "010180-1234";
/// Born 1 March 2015 (seventh digit 4, year 15): under 15.
const CHILD: &str = "010315-4321";
/// Born 1 January 2008: past the limit.
const OLDER_CHILD: &str = "010108-4321";
/// Gave the parent power of attorney (to see only).
const GRANTOR: &str = "150540-1234";
/// Known to the server, but nothing links them to the parent.
const STRANGER: &str = "200550-1234";
/// Not known to the server at all.
const UNKNOWN: &str = "121260-1234";

struct Fixture {
    _dir: tempfile::TempDir,
    api: Api,
    issuer: Issuer,
    pepper: Pepper,
}

async fn setup() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = support_server::catalogue_db(dir.path());
    let pepper_file = support_server::pepper_file(dir.path(), PEPPER);
    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let mut s = settings(&db, &issuer);
    s.ingest_keys[1].system = "KMD Nexus".into();
    s.ingest_keys.push(IngestKey {
        system: "CPR".into(),
        key_sha256: indsigt::auth::sha256_hex(CPR_KEY),
        webhook_url: None,
        webhook_secret_file: None,
    });
    s.pepper_file = Some(pepper_file);
    s.cpr_claim = Some(CLAIM.into());
    s.representation = Some(Representation {
        privileges_claim: PRIVILEGES_CLAIM.into(),
        see_privilege: SEE.into(),
        act_privilege: ACT.into(),
        child_age_limit: 15,
        relations_system: "CPR".into(),
    });
    let api = Api::start(&s).await;
    let f = Fixture {
        _dir: dir,
        api,
        issuer,
        pepper: Pepper::from_bytes(PEPPER.to_vec()).unwrap(),
    };
    // Everyone but UNKNOWN becomes a citizen through a system's ingest; the grantor has a consent.
    for (i, cpr) in [PARENT, CHILD, OLDER_CHILD, GRANTOR, STRANGER]
        .iter()
        .enumerate()
    {
        let holding = json!({ "record_id": format!("h-{i}"), "cpr": cpr, "version": 1, "category": "home_care",
            "fields": { "help_granted": { "da": "Rengøring", "en": "Cleaning" } },
            "updated_at": "2026-11-20T09:30:00Z", "retention_start": "2026-06-01" });
        let (status, body) = f
            .ingest("holdings", NEXUS_KEY, json!({ "records": [holding] }))
            .await;
        assert_eq!(
            (status, body["accepted"].clone()),
            (200, json!(1)),
            "{body}"
        );
    }
    let consent = json!({ "record_id": "c-1", "cpr": GRANTOR, "version": 1, "consent_type": "cv_on_jobnet",
                          "given_at": "2026-02-01T10:00:00Z" });
    let (_, body) = f
        .ingest("consents", NEXUS_KEY, json!({ "records": [consent] }))
        .await;
    assert_eq!(body["accepted"], 1, "{body}");
    f
}

impl Fixture {
    async fn ingest(&self, kind: &str, key: &str, body: Value) -> (u16, Value) {
        let r = self
            .api
            .http
            .post(self.api.url(&format!("/v1/ingest/{kind}")))
            .header("Authorization", format!("ApiKey {key}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        support_server::split(r).await
    }

    /// The parent's token, with `privileges` (groups of scope CPR and privileges) in the claim.
    fn token(&self, cpr: &str, privileges: Option<String>) -> String {
        let mut claims = self.issuer.claims(&format!("pseudonym-{cpr}"));
        claims[CLAIM] = json!(cpr);
        claims["name"] = json!("Pia Forælder");
        if let Some(p) = privileges {
            claims[PRIVILEGES_CLAIM] = json!(p);
        }
        self.issuer.keys[0].sign(&claims)
    }

    fn parent_token(&self) -> String {
        let list = encode_list(&[
            (
                &format!("urn:dk:gov:saml:cprNumberIdentifier:{GRANTOR}"),
                &[SEE],
            ),
            (
                &format!("urn:dk:gov:saml:cprNumberIdentifier:{UNKNOWN}"),
                &[SEE, ACT],
            ),
            ("urn:dk:gov:saml:cvrNumberIdentifier:12345678", &[SEE]),
        ]);
        self.token(PARENT, Some(list))
    }

    /// The handle the server would make for `actor` acting for `person` (the pepper is the test's).
    fn handle(&self, actor: &str, person: &str) -> String {
        let key = |cpr: &str| {
            self.pepper
                .citizen_key(&indsigt::ingest::cpr::parse_cpr(cpr).unwrap())
        };
        self.pepper.tag(
            "acting-for",
            &[&format!("key:{}", key(actor)), &key(person)],
        )
    }

    /// A call with the token, acting for `handle` when given, from the registered kiosk.
    async fn call(
        &self,
        post: Option<Value>,
        path: &str,
        token: &str,
        handle: Option<&str>,
    ) -> (u16, Value) {
        let mut r = match post {
            Some(body) => self.api.http.post(self.api.url(path)).json(&body),
            None => self.api.http.get(self.api.url(path)),
        };
        r = r.bearer_auth(token).header("X-Indsigt-Kiosk", KIOSK_KEY);
        if let Some(h) = handle {
            r = r.header("X-Indsigt-Acting-For", h);
        }
        support_server::split(r.send().await.unwrap()).await
    }

    async fn relations(&self, key: &str, relations: Value) -> (u16, Value) {
        self.ingest("relations", key, json!({ "relations": relations }))
            .await
    }

    /// The citizen's log entries' `on_behalf`, newest first.
    async fn sides(&self, token: &str, handle: Option<&str>) -> Vec<Value> {
        let (status, page) = self.call(None, "/v1/access-log", token, handle).await;
        assert_eq!(status, 200, "{page}");
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e.get("on_behalf").cloned())
            .collect()
    }
}

fn relation(parent: &str, child: &str, from: &str) -> Value {
    json!({ "parent_cpr": parent, "child_cpr": child, "custody_from": from })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_cpr_system_sends_relations_and_only_for_known_citizens() {
    let f = setup().await;
    let (status, body) = f
        .relations(NEXUS_KEY, json!([relation(PARENT, CHILD, "2015-03-01")]))
        .await;
    assert_error(&(status, body), 403, "forbidden");
    let (status, body) = f
        .relations(
            CPR_KEY,
            json!([
                relation(PARENT, CHILD, "2015-03-01"),
                relation(PARENT, UNKNOWN, "2020-01-01"),
                relation(UNKNOWN, CHILD, "2020-01-01"),
                relation(PARENT, "31-12-1999", "2020-01-01"),
                relation(PARENT, PARENT, "2020-01-01"),
                { "parent_cpr": PARENT, "child_cpr": CHILD, "custody_from": "2015-03-01", "custody_to": "2014-01-01" },
                { "parent_cpr": PARENT, "child_cpr": CHILD, "custody_from": "soon" },
                { "parent_cpr": PARENT, "child_cpr": "300215-4321", "custody_from": "2015-03-01" },
                { "parent_cpr": PARENT, "child_cpr": CHILD, "custody_from": "2015-03-01", "shoe_size": 30 },
            ]),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accepted"], 1);
    let reasons: Vec<(i64, String)> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].as_i64().unwrap(),
                r["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: Vec<(i64, String)> = [
        (1, "unknown_child"),
        (2, "unknown_parent"),
        (3, "malformed_cpr"),
        (4, "same_citizen"),
        (5, "invalid"),
        (6, "bad_time"),
        (7, "bad_time"),
        (8, "invalid"),
    ]
    .into_iter()
    .map(|(i, r)| (i, r.to_owned()))
    .collect();
    assert_eq!(reasons, want);
    for cpr in [PARENT, CHILD, UNKNOWN, "3112991999"] {
        assert!(
            !body.to_string().contains(cpr),
            "no CPR number in the answer"
        );
    }
    assert_eq!(
        f.api.db.count("SELECT count(*) FROM relations", &[]).await,
        1
    );
    for cpr in ["010315-4321", "0103154321", "010180-1234", "0101801234"] {
        assert!(
            !f.api.db.contains_text(cpr).await,
            "no CPR number in the database"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_parent_may_act_for_a_young_child_and_see_for_the_grantor_and_no_one_else() {
    let f = setup().await;
    let (status, body) = f
        .relations(
            CPR_KEY,
            json!([
                relation(PARENT, CHILD, "2015-03-01"),
                relation(PARENT, OLDER_CHILD, "2008-01-01")
            ]),
        )
        .await;
    assert_eq!(
        (status, body["accepted"].clone()),
        (200, json!(2)),
        "{body}"
    );
    let token = f.parent_token();
    let (status, list) = f.call(None, "/v1/represented", &token, None).await;
    assert_eq!(status, 200, "{list}");
    let list = list.as_array().unwrap().clone();
    let got: Vec<(String, bool)> = list
        .iter()
        .map(|p| {
            (
                p["basis"].as_str().unwrap().to_owned(),
                p["may_act"].as_bool().unwrap(),
            )
        })
        .collect();
    // The child under 15 (custody, may act) and the grantor (power of attorney to see). Not the older
    // child, not the person the server does not know, not the company scope.
    assert_eq!(
        got,
        [
            ("custody".to_owned(), true),
            ("power_of_attorney".to_owned(), false)
        ]
    );
    let (child, grantor) = (
        list[0]["handle"].as_str().unwrap().to_owned(),
        list[1]["handle"].as_str().unwrap().to_owned(),
    );
    assert_eq!(child, f.handle(PARENT, CHILD));
    assert_eq!(grantor, f.handle(PARENT, GRANTOR));
    // The person's name is theirs (masked CPR when the store has none), never a CPR number in clear.
    assert_eq!(list[0]["name"], "010315-••••");

    // Acting for the child: their data, not the parent's.
    let (_, me) = f.call(None, "/v1/me", &token, Some(&child)).await;
    assert_eq!(me["cpr"], "010315-••••");
    let (status, _) = f
        .call(
            Some(json!({ "helper": "no_one" })),
            "/v1/kiosk-visits",
            &token,
            Some(&child),
        )
        .await;
    assert_eq!(status, 204);
    // Both logs: the child's says the parent looked, with custody; the parent's says they looked at the
    // child's. Actor and subject are stored apart.
    assert_eq!(
        f.sides(&token, Some(&child)).await,
        [json!({ "side": "by", "basis": "custody", "name": "Pia Forælder" })]
    );
    assert_eq!(
        f.sides(&token, None).await,
        [json!({ "side": "for", "basis": "custody", "name": "010315-••••" })]
    );
    let visits = f
        .api
        .db
        .rows(
            "SELECT count(*) FROM kiosk_visits WHERE actor_citizen_id IS NOT NULL AND actor_citizen_id <> citizen_id AND basis = 'custody'",
            &[],
        )
        .await;
    assert_eq!(visits[0][0], json!(1));

    // A power of attorney to see: reading works, acting does not.
    let (status, consents) = f.call(None, "/v1/consents", &token, Some(&grantor)).await;
    assert_eq!(status, 200);
    let consent = consents[0]["id"].as_i64().unwrap();
    let before = f
        .api
        .db
        .count(
            "SELECT count(*) FROM citizen_consents WHERE withdrawn_at IS NULL",
            &[],
        )
        .await;
    let refused = f
        .call(
            Some(json!({})),
            &format!("/v1/consents/{consent}/withdraw"),
            &token,
            Some(&grantor),
        )
        .await;
    assert_error(&refused, 403, "forbidden");
    let (_, page) = f.call(None, "/v1/access-log", &token, Some(&grantor)).await;
    if let Some(entry) = page["entries"].get(0) {
        let id = entry["id"].as_i64().unwrap();
        let refused = f
            .call(
                Some(json!({})),
                &format!("/v1/access-log/{id}/report"),
                &token,
                Some(&grantor),
            )
            .await;
        assert_error(&refused, 403, "forbidden");
    }
    let refused = f
        .call(Some(json!({})), "/v1/requests/seen", &token, Some(&child))
        .await;
    assert_error(&refused, 403, "forbidden");
    let after = f
        .api
        .db
        .count(
            "SELECT count(*) FROM citizen_consents WHERE withdrawn_at IS NULL",
            &[],
        )
        .await;
    assert_eq!(before, after, "nothing was withdrawn");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_past_the_limit_a_stranger_a_foreign_privilege_and_a_forged_token_read_nothing() {
    let f = setup().await;
    let (_, body) = f
        .relations(
            CPR_KEY,
            json!([relation(PARENT, OLDER_CHILD, "2008-01-01")]),
        )
        .await;
    assert_eq!(body["accepted"], 1);
    let token = f.parent_token();
    let mut paths = vec![
        "/v1/me",
        "/v1/overview",
        "/v1/consents",
        "/v1/access-log",
        "/v1/areas",
    ];
    paths.push("/v1/requests");
    // Well-formed handles, made with the server's own pepper, for people this sign-in may not act for.
    for person in [OLDER_CHILD, STRANGER, UNKNOWN] {
        let handle = f.handle(PARENT, person);
        for path in &paths {
            let got = f.call(None, path, &token, Some(&handle)).await;
            assert_error(&got, 403, "forbidden");
        }
        let got = f
            .call(
                Some(json!({ "helper": "no_one" })),
                "/v1/kiosk-visits",
                &token,
                Some(&handle),
            )
            .await;
        assert_error(&got, 403, "forbidden");
    }
    // A handle made for another person's sign-in does not work with this one.
    let theirs = f.handle(STRANGER, GRANTOR);
    assert_error(
        &f.call(None, "/v1/me", &token, Some(&theirs)).await,
        403,
        "forbidden",
    );
    assert_error(
        &f.call(None, "/v1/me", &token, Some("garbage")).await,
        403,
        "forbidden",
    );

    // A privilege the server does not take (or a list scoped to the stranger with it) offers no one.
    let foreign = encode_list(&[(
        &format!("urn:dk:gov:saml:cprNumberIdentifier:{STRANGER}"),
        &["urn:dk:other:municipality:see"],
    )]);
    let token = f.token(PARENT, Some(foreign));
    let (_, list) = f.call(None, "/v1/represented", &token, None).await;
    assert_eq!(list, json!([]));
    let handle = f.handle(PARENT, STRANGER);
    assert_error(
        &f.call(None, "/v1/me", &token, Some(&handle)).await,
        403,
        "forbidden",
    );

    // Bad lists: the citizen is signed in as themself only, with no error.
    for bad in [
        "not base64!".to_owned(),
        encode_list(&[(&format!("urn:dk:gov:saml:madeUp:{STRANGER}"), &[SEE])]),
    ] {
        let token = f.token(PARENT, Some(bad));
        let (status, list) = f.call(None, "/v1/represented", &token, None).await;
        assert_eq!((status, list), (200, json!([])));
        let (status, me) = f.call(None, "/v1/me", &token, None).await;
        assert_eq!((status, me["cpr"].clone()), (200, json!("010180-••••")));
    }

    // A forged token that names the stranger in its list: signed with a key the issuer never published.
    let forged_key = Key::es256("k");
    let mut claims = f.issuer.claims("pseudonym-forged");
    claims[CLAIM] = json!(PARENT);
    claims[PRIVILEGES_CLAIM] = json!(encode_list(&[(
        &format!("urn:dk:gov:saml:cprNumberIdentifier:{STRANGER}"),
        &[SEE, ACT],
    )]));
    let forged = forged_key.sign(&claims);
    assert_error(
        &f.call(None, "/v1/represented", &forged, None).await,
        401,
        "unauthorized",
    );
    assert_error(
        &f.call(None, "/v1/me", &forged, Some(&handle)).await,
        401,
        "unauthorized",
    );
    // Nothing was logged for the stranger.
    let stranger_key = f
        .pepper
        .citizen_key(&indsigt::ingest::cpr::parse_cpr(STRANGER).unwrap());
    let visits = f
        .api
        .db
        .count(
            "SELECT count(*) FROM kiosk_visits v JOIN citizens c ON c.id = v.citizen_id WHERE c.cpr_key = ?1",
            &[json!(stranger_key)],
        )
        .await;
    assert_eq!(visits, 0);
}
