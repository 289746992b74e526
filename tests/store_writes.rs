//! Writes: "I don't recognise this" reports, consent withdrawal, kiosk visits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use indsigt::domain::{AccessFilter, Action, ReportStatus};
use indsigt::source::{Helper, KioskVisit};
use jiff::Timestamp;

#[test]
fn filing_a_report_gives_a_reference_and_is_idempotent() {
    let d = demo();
    let mut store = open(&d);
    let who = cid(PARENT);
    let page = store
        .access_page(&who, &AccessFilter::default(), None, 5, now())
        .unwrap();
    let event = page.entries[2].id;
    let report = store.report_access(&who, event, now()).unwrap();
    assert_eq!(report.status, ReportStatus::Received);
    assert_eq!(report.event_id, event);
    assert!(
        report.reference.starts_with("IND-2026-"),
        "{}",
        report.reference
    );
    assert_eq!(report.reference.len(), "IND-2026-000001".len());
    let again = store.report_access(&who, event, now()).unwrap();
    assert_eq!(again, report);
    let other = store
        .report_access(&who, page.entries[3].id, now())
        .unwrap();
    assert_ne!(other.reference, report.reference);
    let reports = store.access_reports(&who).unwrap();
    assert_eq!(reports.len(), 2);
    // Another citizen's reports are not among them.
    assert!(
        store
            .access_reports(&cid(ELDERLY))
            .unwrap()
            .iter()
            .all(|r| r.reference != report.reference && r.reference != other.reference)
    );
}

#[test]
fn withdrawing_a_consent_is_idempotent() {
    let d = demo();
    let mut store = open(&d);
    let who = cid(ELDERLY);
    let active = store
        .consents(&who)
        .unwrap()
        .into_iter()
        .find(|c| c.is_active())
        .unwrap();
    let t1 = Timestamp::from_second(now().as_second() + 3600).unwrap();
    let c = store.withdraw_consent(&who, active.id, t1).unwrap();
    assert_eq!(c.withdrawn_at, Some(t1));
    assert!(!c.withdrawal_pending);
    let t2 = Timestamp::from_second(t1.as_second() + 3600).unwrap();
    let again = store.withdraw_consent(&who, active.id, t2).unwrap();
    assert_eq!(again.withdrawn_at, Some(t1));
    assert_eq!(store.overview(&who, t2).unwrap().active_consents, 0);
}

#[test]
fn a_kiosk_visit_is_logged_in_the_citizens_own_log() {
    let d = demo();
    let mut store = open(&d);
    let who = cid(SPARSE);
    let at = Timestamp::from_second(now().as_second() + 60).unwrap();
    let before = store.overview(&who, at).unwrap().access_events;
    let visit = KioskVisit {
        kiosk_id: "kiosk-07".into(),
        location: "Hovedbiblioteket".into(),
        started_at: at,
        helper: Helper::Volunteer,
    };
    let id = store.record_visit(&who, &visit).unwrap();
    let e = store.access_event(&who, id, at).unwrap();
    assert_eq!(e.action, Action::Viewed);
    assert_eq!(e.organisation.da, "Borgerservice, Eksempel Kommune");
    assert_eq!(e.unit.da, "Hovedbiblioteket");
    assert!(e.role.da.starts_with("Selvbetjeningskiosk") && e.role.en.contains("volunteer"));
    assert_eq!(e.purpose.en, "Your own access (GDPR art. 15)");
    assert_eq!(e.employee, None);
    let page = store
        .access_page(&who, &AccessFilter::default(), None, 1, at)
        .unwrap();
    assert_eq!(page.entries[0].id, id);
    assert_eq!(store.overview(&who, at).unwrap().access_events, before + 1);
    let visits: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM kiosk_visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(visits, 1);
    // Without help: the plain kiosk role.
    let visit = KioskVisit {
        helper: Helper::NoOne,
        ..visit
    };
    let id = store.record_visit(&who, &visit).unwrap();
    assert_eq!(
        store.access_event(&who, id, at).unwrap().role.en,
        "Self-service kiosk"
    );
}

#[test]
fn a_report_answers_the_same_the_first_time_and_after() {
    let d = common::demo();
    let mut store = common::open(&d);
    let citizen = common::cid(common::ELDERLY);
    let page = store
        .access_page(&citizen, &Default::default(), None, 1, common::now())
        .unwrap();
    let event = page.entries[0].id;
    let at = common::now() + jiff::SignedDuration::from_millis(1_234);
    let first = store.report_access(&citizen, event, at).unwrap();
    let again = store
        .report_access(&citizen, event, at + jiff::SignedDuration::from_secs(60))
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(first.filed_at.subsec_nanosecond(), 0);
}
