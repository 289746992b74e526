#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Requests out and answers back, with real processes: `indsigt serve` as a child process on a temp SQLite
//! file, webhook receivers on 127.0.0.1, and `indsigt reports` / `indsigt requests` as child processes.
//!
//! A withdrawal made at the kiosk (its core and HTTP source) shows up exactly once in the owning system's pull feed and never in another's, survives a
//! restart of the server before it is acknowledged, and is gone after the ack. The webhook's signature is
//! checked with the `hmac` and `sha2` crates (not the server's `ring`); the receiver answers 500, then 200,
//! and the request is delivered and recorded once. A DPO answers a report on the command line, and the
//! citizen sees it with `new_answers`.

mod common;
mod http_support;
mod requests_support;
mod support_server;

use common::kiosk::{Kiosk, clock};
use common::{
    ELDERLY, HEAVY, JOB_SEEKER, PARENT, STUDENT, cid, demo_without_requests, indsigt, open, text,
};
use http_support::{Reply, Req, Server as Receiver};
use indsigt::kiosk::{Intent, Msg, Notice};
use indsigt::source::DataSource;
use indsigt::source::http::{HttpOptions, HttpSource};
use requests_support::{
    Client, MOMENTUM_KEY, NEXUS_KEY, attempts, engine_db, free_port, serve, signature_ok, wait_for,
    wait_until, write_config,
};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support_server::{Issuer, Key};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn withdrawals_reach_their_system_once_and_answers_come_back_to_the_citizen() {
    indsigt::server::tls::install_crypto_provider();
    let d = demo_without_requests();
    // Two consents of one citizen, active and held by Momentum and by KMD Nexus (as if those systems had
    // sent them).
    let (subject, consents) = {
        let store = open(&d);
        let me = [ELDERLY, JOB_SEEKER, PARENT, STUDENT, HEAVY]
            .into_iter()
            .map(cid)
            .find(|c| store.consents(c).unwrap().len() >= 2)
            .expect("a demo citizen with two consents");
        let ids: Vec<i64> = store.consents(&me).unwrap().iter().map(|c| c.id).collect();
        (store.citizen(&me).unwrap().subject.clone(), ids)
    };
    {
        let conn = rusqlite::Connection::open(&d.path).unwrap();
        for (id, system, record) in [
            (consents[0], "momentum", "m-77"),
            (consents[1], "kmd_nexus", "n-88"),
        ] {
            conn.execute(
                "UPDATE citizen_consents SET system_id = ?2, record_id = ?3, withdrawn_at = NULL,
                        withdrawal_pending = 0 WHERE id = ?1",
                rusqlite::params![id, system, record],
            )
            .unwrap();
        }
    }

    // Momentum's receiver answers 500 to the first delivery and 200 after; Nexus's always redirects.
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let momentum_hook = Receiver::start(move |_| {
        if counted.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::error(500, "down")
        } else {
            Reply::Json(200, "{}".into())
        }
    });
    let nexus_hook = Receiver::start(|req: &Req| {
        let location = format!("http://{}/followed", req.header("host").unwrap_or_default());
        Reply::Raw(format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").into_bytes())
    });

    let issuer = Issuer::start(vec![Key::es256("k")]).await;
    let token = format!("Bearer {}", issuer.token(&subject));
    let port = free_port();
    // On PostgreSQL the server runs on a copy of the seeded file; `db` reads what it serves.
    let (pg, db) = engine_db(&d.path).await;
    let config = write_config(
        d.dir.path(),
        &d.path,
        pg.as_ref(),
        &issuer.url,
        port,
        [
            &format!("{}/hook", momentum_hook.url()),
            &format!("{}/hook", nexus_hook.url()),
        ],
    );
    let server = serve(&config, port);
    let api = Client {
        http: reqwest::Client::new(),
        base: format!("http://127.0.0.1:{port}"),
    };

    // The citizen withdraws at the kiosk, in English: the kiosk core and its HTTP source, over HTTP to the
    // server process (an old caller without a body still works for the other consent).
    let (raw, base, outbox, target) = (
        issuer.token(&subject),
        api.base.clone(),
        d.dir.path().join("kiosk-outbox.db"),
        consents[0],
    );
    tokio::task::spawn_blocking(move || {
        let source: Arc<dyn DataSource> =
            Arc::new(HttpSource::new(HttpOptions::new(base, outbox)).unwrap());
        let mut k = Kiosk::new(source);
        k.sign_in_with_token(raw);
        assert_eq!(k.model.lang, indsigt::domain::Lang::En);
        k.keys("4");
        let at = k
            .model
            .session
            .as_ref()
            .unwrap()
            .consents
            .ready()
            .unwrap()
            .iter()
            .position(|c| c.id == target)
            .unwrap();
        k.send(Msg::Tap(Some(Intent::Item(at)), clock()));
        k.keys("1");
        assert_eq!(k.model.notice, Some(Notice::Withdrawn { pending: false }));
    })
    .await
    .unwrap();
    let (status, body) = api
        .call(
            Some(json!({})),
            &format!("/v1/consents/{}/withdraw", consents[1]),
            &token,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A repeat changes nothing.
    api.call(
        Some(json!({ "lang": "en" })),
        &format!("/v1/consents/{}/withdraw", consents[0]),
        &token,
    )
    .await;

    let momentum = api.feed(MOMENTUM_KEY).await;
    assert_eq!(momentum.len(), 1, "{momentum:?}");
    assert_eq!(momentum[0]["record_id"], "m-77");
    assert_eq!(momentum[0]["lang"], "en");
    assert_eq!(momentum[0]["status"], "sent");
    assert!(
        !momentum[0].to_string().contains(&subject),
        "no citizen in the feed"
    );
    let request = momentum[0]["id"].as_i64().unwrap();
    let nexus = api.feed(NEXUS_KEY).await;
    assert_eq!(nexus.len(), 1);
    assert_eq!(nexus[0]["record_id"], "n-88", "Nexus sees only its own");
    assert_eq!(
        api.feed(MOMENTUM_KEY).await,
        momentum,
        "served again until acked"
    );

    // The webhook: 500, then 200 on the retry; both signed, checked independently, with one message id.
    wait_for("the retry to be delivered", || {
        calls.load(Ordering::SeqCst) >= 2
    });
    wait_until("the delivery to be recorded", async || {
        attempts(&db, request).await.len() >= 2
    })
    .await;
    std::thread::sleep(Duration::from_secs(3));
    let deliveries = momentum_hook.requests();
    assert_eq!(
        deliveries.len(),
        2,
        "delivered once after one failure, never again"
    );
    assert!(deliveries.iter().all(signature_ok), "signatures verify");
    assert_eq!(
        deliveries[0].header("webhook-id"),
        deliveries[1].header("webhook-id")
    );
    let payload: Value = serde_json::from_slice(&deliveries[1].body).unwrap();
    assert_eq!(payload["type"], "request.withdrawal");
    assert_eq!(payload["data"]["id"], request);
    assert_eq!(
        attempts(&db, request).await,
        vec![
            ("http_status".into(), Some(500)),
            ("delivered".into(), Some(200))
        ]
    );
    // Delivered is not done: the citizen still sees "sent", and the system still has it to ack.
    let (_, mine) = api.call(None, "/v1/requests", &token).await;
    let withdrawal = mine
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == request)
        .unwrap()
        .clone();
    assert_eq!(withdrawal["status"], "sent", "{withdrawal}");

    // Nexus's redirect is never followed, and is a failed attempt that the operator sees.
    let nexus_request = nexus[0]["id"].as_i64().unwrap();
    wait_until("two redirects", async || {
        attempts(&db, nexus_request).await.len() >= 2
    })
    .await;
    assert!(
        nexus_hook.requests().iter().all(|r| r.path() == "/hook"),
        "a redirect was followed"
    );
    assert!(
        attempts(&db, nexus_request)
            .await
            .iter()
            .all(|(o, s)| o == "redirect" && *s == Some(302))
    );
    let out = indsigt(
        "en_GB.UTF-8",
        &["requests", "failed", "--config", config.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    let nexus_reference = nexus[0]["reference"].as_str().unwrap();
    assert!(
        listed.contains(nexus_reference)
            && listed.contains("kmd_nexus")
            && listed.contains("redirect 302"),
        "{listed}"
    );
    assert!(
        !listed.contains(momentum[0]["reference"].as_str().unwrap()),
        "a delivered one is not failing: {listed}"
    );

    // A restart before the ack: the request is still there.
    drop(server);
    let server = serve(&config, port);
    assert_eq!(api.feed(MOMENTUM_KEY).await, momentum, "survives a restart");

    // Nexus cannot ack Momentum's request; Momentum refuses it, needing a reason in English.
    let ack = format!("/v1/systems/requests/{request}/ack");
    let (status, body) = api
        .call(
            Some(json!({ "outcome": "done" })),
            &ack,
            &format!("ApiKey {NEXUS_KEY}"),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("not_found")),
        "{body}"
    );
    let refused = json!({ "outcome": "refused", "reason": { "da": "Loven kræver, at vi gemmer dit CV i 5 år." } });
    let (status, body) = api
        .call(Some(refused), &ack, &format!("ApiKey {MOMENTUM_KEY}"))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("\"en\""),
        "names the language: {body}"
    );
    let refused = json!({ "outcome": "refused", "reason": { "en": "The law requires us to keep your CV for 5 years." } });
    let (status, body) = api
        .call(Some(refused), &ack, &format!("ApiKey {MOMENTUM_KEY}"))
        .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("refused")),
        "{body}"
    );
    let (status, again) = api
        .call(
            Some(json!({ "outcome": "done" })),
            &ack,
            &format!("ApiKey {MOMENTUM_KEY}"),
        )
        .await;
    assert_eq!(
        (status, again["status"].as_str()),
        (200, Some("refused")),
        "a repeat ack changes nothing"
    );
    assert!(
        api.feed(MOMENTUM_KEY).await.is_empty(),
        "gone after the ack"
    );
    let (status, _) = api
        .call(
            Some(json!({ "outcome": "done" })),
            &format!("/v1/systems/requests/{nexus_request}/ack"),
            &format!("ApiKey {NEXUS_KEY}"),
        )
        .await;
    assert_eq!(status, 200);

    let (_, mine) = api.call(None, "/v1/requests", &token).await;
    let find = |id: i64| {
        mine.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(find(request)["status"], "refused");
    assert_eq!(
        find(request)["answer"]["en"],
        "The law requires us to keep your CV for 5 years."
    );
    assert_eq!(find(request)["handled_by"]["en"], "Momentum");
    assert_eq!(find(nexus_request)["status"], "done");

    // A report, filed in English; the DPO answers it on the command line.
    let (_, page) = api.call(None, "/v1/access-log?limit=1", &token).await;
    let event = page["entries"][0]["id"].as_i64().unwrap();
    let (status, report) = api
        .call(
            Some(json!({ "lang": "en" })),
            &format!("/v1/access-log/{event}/report"),
            &token,
        )
        .await;
    assert_eq!(status, 201, "{report}");
    let reference = report["reference"].as_str().unwrap().to_owned();
    let cfg = config.to_str().unwrap();
    let out = indsigt(
        "da_DK.UTF-8",
        &["reports", "list", "--status", "sent", "--config", cfg],
        &[],
    );
    assert!(
        text(&out.stdout).contains(&reference),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stdout).contains("sendt") && text(&out.stdout).contains("engelsk"),
        "{}",
        text(&out.stdout)
    );
    let danish_only = [
        "reports",
        "answer",
        &reference,
        "--lang",
        "da",
        "--text",
        "Opslaget var en fejl.",
        "--config",
        cfg,
    ];
    let out = indsigt("en_GB.UTF-8", &danish_only, &[]);
    assert!(
        !out.status.success(),
        "an answer without the filing language is refused"
    );
    assert!(
        text(&out.stderr).contains("English"),
        "names the language: {}",
        text(&out.stderr)
    );
    let out = indsigt("da_DK.UTF-8", &danish_only, &[]);
    assert!(
        text(&out.stderr).contains("engelsk"),
        "in Danish too: {}",
        text(&out.stderr)
    );
    let (_, overview) = api.call(None, "/v1/overview", &token).await;
    let before = overview["new_answers"].as_i64().unwrap();
    api.call(Some(json!({})), "/v1/requests/seen", &token).await;
    let (_, overview) = api.call(None, "/v1/overview", &token).await;
    assert_eq!(overview["new_answers"], 0, "seen (was {before})");

    let both = [
        "reports",
        "answer",
        &reference,
        "--lang",
        "en",
        "--text",
        "The caseworker opened the wrong file. It has been logged.",
        "--lang",
        "da",
        "--text",
        "Sagsbehandleren åbnede den forkerte sag. Det er registreret.",
        "--config",
        cfg,
    ];
    let out = indsigt("da_DK.UTF-8", &both, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&reference) && text(&out.stdout).contains("besvaret"),
        "{}",
        text(&out.stdout)
    );
    let out = indsigt(
        "en_GB.UTF-8",
        &["reports", "show", &reference, "--config", cfg],
        &[],
    );
    assert!(
        text(&out.stdout).contains("Answer in English: The caseworker"),
        "{}",
        text(&out.stdout)
    );

    // The citizen's next visit: "new answer" on the overview, the answer in both languages.
    let (_, overview) = api.call(None, "/v1/overview", &token).await;
    assert_eq!(overview["new_answers"], 1, "{overview}");
    let (_, mine) = api.call(None, "/v1/requests", &token).await;
    let answered = &mine[0];
    assert_eq!(answered["reference"], reference.as_str(), "newest first");
    assert_eq!(
        (answered["status"].as_str(), answered["unseen"].as_bool()),
        (Some("answered"), Some(true))
    );
    assert_eq!(answered["lang"], "en");
    assert_eq!(
        answered["answer"]["da"],
        "Sagsbehandleren åbnede den forkerte sag. Det er registreret."
    );
    assert_eq!(
        answered["answer"]["en"],
        "The caseworker opened the wrong file. It has been logged."
    );
    let (status, _) = api.call(Some(json!({})), "/v1/requests/seen", &token).await;
    assert_eq!(status, 204);
    let (_, overview) = api.call(None, "/v1/overview", &token).await;
    assert_eq!(overview["new_answers"], 0);
    let (_, mine) = api.call(None, "/v1/requests", &token).await;
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|r| r["unseen"] == false)
    );
    drop(server);
}
