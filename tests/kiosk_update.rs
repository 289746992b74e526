//! Pure `update` tests: msgs in, state and exact effects out. No IO; time is injected.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::*;
use indsigt::domain::{AccessReport, Action, Lang, ReportStatus};
use indsigt::kiosk::access_log::{MAX_PAGES, PAGE_SIZE};
use indsigt::kiosk::{Effect, Intent, Key, Loaded, Model, Msg, Notice, Request, Screen, update};
use indsigt::source::{Helper, KioskVisit, SourceError};

/// The single page request among `effects`, as (page, filter).
fn only_page(effects: &[Effect]) -> (usize, indsigt::domain::AccessFilter) {
    match requests(effects).as_slice() {
        [Request::AccessPage { page, filter, .. }] => (*page, filter.clone()),
        other => panic!("expected one page request, got {other:?}"),
    }
}

/// Signs in demo citizen 1 with the given helper answer (1 no one, 2 staff, 3 volunteer).
fn signed_in(helper_key: char) -> Model {
    let mut m = model();
    ch(&mut m, '1');
    loaded(&mut m, Loaded::DemoCitizens(Ok(citizens())));
    ch(&mut m, '1');
    ch(&mut m, helper_key);
    m
}

#[test]
fn attract_digit_picks_language_and_asks_for_demo_citizens() {
    let mut m = model();
    let fx = ch(&mut m, '2');
    assert_eq!(m.lang, Lang::En);
    assert_eq!(*m.screen(), Screen::SignIn);
    assert_eq!(
        fx,
        vec![Effect::Fetch {
            generation: 0,
            principal: None,
            request: Request::DemoCitizens
        }]
    );
}

#[test]
fn enter_starts_in_the_default_language() {
    let mut s = settings();
    s.default_lang = Lang::En;
    let mut m = Model::new(s, now());
    m.lang = Lang::En;
    key(&mut m, Key::Enter);
    assert_eq!(m.lang, Lang::En);
    assert_eq!(*m.screen(), Screen::SignIn);
}

#[test]
fn the_language_key_on_the_start_screen_also_starts_in_that_language() {
    let mut m = model();
    ch(&mut m, 'l');
    assert_eq!(m.lang, Lang::En);
    key(&mut m, Key::Enter);
    assert_eq!(m.lang, Lang::En);
    assert_eq!(*m.screen(), Screen::SignIn);
}

#[test]
fn sign_in_records_who_helps_and_loads_the_overview() {
    let mut m = model();
    ch(&mut m, '1');
    loaded(&mut m, Loaded::DemoCitizens(Ok(citizens())));
    ch(&mut m, '3');
    assert_eq!(*m.screen(), Screen::Helper { citizen: 2 });
    let fx = ch(&mut m, '2');
    assert_eq!(*m.screen(), Screen::Overview);
    let s = m.session.as_ref().unwrap();
    assert_eq!(s.principal, principal(3));
    assert_eq!(s.helper, Helper::Staff);
    assert_eq!(m.generation, 1);
    assert_eq!(
        requests(&fx),
        vec![
            Request::Citizen,
            Request::Overview,
            Request::Systems,
            Request::RecordVisit(KioskVisit {
                kiosk_id: "kiosk-7".into(),
                location: "Hovedbiblioteket".into(),
                started_at: now(),
                helper: Helper::Staff,
            })
        ]
    );
    for e in &fx {
        let Effect::Fetch {
            principal: p,
            generation,
            ..
        } = e
        else {
            panic!()
        };
        assert_eq!(p.as_ref(), Some(&principal(3)));
        assert_eq!(*generation, 1);
    }
}

#[test]
fn overview_sections_open_and_esc_goes_back() {
    let mut m = signed_in('1');
    let fx = ch(&mut m, '1');
    assert_eq!(*m.screen(), Screen::Areas);
    assert_eq!(requests(&fx), vec![Request::Areas]);
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::Overview);
    // Esc on the overview stays: sign-out is the way out.
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::Overview);
    for (k, screen, req) in [
        ('2', Screen::Purposes, Some(Request::Purposes)),
        ('4', Screen::Consents, Some(Request::Consents)),
        ('5', Screen::Decisions, Some(Request::Decisions)),
        ('6', Screen::Rights, None),
    ] {
        let fx = ch(&mut m, k);
        assert_eq!(*m.screen(), screen);
        assert_eq!(requests(&fx), req.into_iter().collect::<Vec<_>>());
        key(&mut m, Key::Esc);
    }
}

#[test]
fn arrows_and_enter_select_like_digits() {
    let mut m = signed_in('1');
    key(&mut m, Key::Down);
    key(&mut m, Key::Down);
    assert_eq!(m.place().selected, 2);
    let fx = key(&mut m, Key::Enter);
    assert_eq!(*m.screen(), Screen::AccessLog);
    assert_eq!(requests(&fx).len(), 1);
    // Selection stops at the ends.
    key(&mut m, Key::Esc);
    for _ in 0..20 {
        key(&mut m, Key::Down);
    }
    assert_eq!(
        m.place().selected,
        indsigt::kiosk::menu::OverviewItem::ALL.len() - 1
    );
}

#[test]
fn language_switches_without_losing_the_place() {
    let mut m = signed_in('1');
    ch(&mut m, '1');
    loaded(&mut m, Loaded::Areas(Ok(vec![])));
    let stack = m.stack.clone();
    ch(&mut m, 'l');
    assert_eq!(m.lang, Lang::En);
    assert_eq!(m.stack, stack);
    ch(&mut m, 'l');
    assert_eq!(m.lang, Lang::Da);
}

#[test]
fn sign_out_forgets_everything_and_drops_late_answers() {
    let mut m = signed_in('2');
    ch(&mut m, 'l');
    let old_generation = m.generation;
    // The sign-out key asks "Was this understandable?"; the skip signs out.
    assert!(ch(&mut m, 'x').is_empty());
    let fx = ch(&mut m, '4');
    assert_eq!(fx, vec![Effect::PurgeScreen, Effect::EndSession]);
    assert!(m.session.is_none());
    assert_eq!(*m.screen(), Screen::Attract);
    assert_eq!(m.stack.len(), 1);
    assert_eq!(m.lang, Lang::Da);
    assert!(m.generation > old_generation);
    // A page that was on its way for the old session is dropped unread.
    let before = m.clone();
    let fx = update(
        &mut m,
        Msg::Loaded {
            generation: old_generation,
            result: Loaded::AccessPage(0, Ok(page(0, 50, 100))),
        },
    );
    assert!(fx.is_empty());
    assert_eq!(m, before);
}

#[test]
fn sign_out_key_is_not_on_the_attract_screen() {
    let mut m = model();
    let before = m.clone();
    assert!(ch(&mut m, 'x').is_empty());
    assert_eq!(m, before);
}

fn open_log(total: usize) -> Model {
    let mut m = signed_in('1');
    let fx = ch(&mut m, '3');
    assert_eq!(
        requests(&fx),
        vec![Request::AccessPage {
            page: 0,
            filter: Default::default(),
            after: None,
            limit: PAGE_SIZE
        }]
    );
    loaded(
        &mut m,
        Loaded::AccessPage(0, Ok(page(0, PAGE_SIZE as usize, total))),
    );
    m
}

#[test]
fn scrolling_the_log_fetches_the_next_page_lazily() {
    let total = 1000;
    let mut m = open_log(total);
    let log = &m.session.as_ref().unwrap().log;
    assert_eq!(log.held(), 0..50);
    // Moving within the first page fetches nothing until near its end.
    for _ in 0..30 {
        assert!(key(&mut m, Key::Down).is_empty());
    }
    let mut fetched = Vec::new();
    for _ in 0..15 {
        fetched.extend(requests(&key(&mut m, Key::Down)));
    }
    let [
        Request::AccessPage {
            page: 1,
            after: Some(cursor),
            ..
        },
    ] = fetched.as_slice()
    else {
        panic!("expected one request for page 1, got {fetched:?}");
    };
    assert_eq!(cursor.id, 50);
    assert!(m.session.as_ref().unwrap().log.loading.is_some());
    loaded(&mut m, Loaded::AccessPage(1, Ok(page(1, 50, total))));
    assert_eq!(m.session.as_ref().unwrap().log.held(), 0..100);
}

#[test]
fn the_log_window_never_holds_more_than_a_few_pages() {
    let total = 100_000;
    let mut m = open_log(total);
    let mut pages_fetched = 1;
    for _ in 0..600 {
        for req in requests(&key(&mut m, Key::PageDown)) {
            let Request::AccessPage { page: k, .. } = req else {
                continue;
            };
            loaded(&mut m, Loaded::AccessPage(k, Ok(page(k, 50, total))));
            pages_fetched += 1;
        }
        assert!(m.session.as_ref().unwrap().log.pages_held() <= MAX_PAGES);
    }
    let log = &m.session.as_ref().unwrap().log;
    assert!(pages_fetched > 100, "{pages_fetched}");
    assert!(log.selected >= 5000);
    assert_eq!(log.selected_entry().unwrap().id as usize, log.selected + 1);
    // Back to the top: earlier pages are fetched again by their cursors.
    let mut back = 0;
    for _ in 0..700 {
        for req in requests(&key(&mut m, Key::PageUp)) {
            let Request::AccessPage { page: k, .. } = req else {
                continue;
            };
            loaded(&mut m, Loaded::AccessPage(k, Ok(page(k, 50, total))));
            back += 1;
        }
    }
    let log = &m.session.as_ref().unwrap().log;
    assert!(back > 90);
    assert_eq!(log.selected, 0);
    assert_eq!(log.selected_entry().unwrap().id, 1);
}

#[test]
fn the_end_of_the_log_stops_paging() {
    let mut m = open_log(60);
    let mut fetched = Vec::new();
    for _ in 0..45 {
        fetched.extend(requests(&key(&mut m, Key::Down)));
    }
    assert_eq!(fetched.len(), 1);
    loaded(&mut m, Loaded::AccessPage(1, Ok(page(1, 50, 60))));
    for _ in 0..100 {
        assert!(requests(&key(&mut m, Key::Down)).is_empty());
    }
    let log = &m.session.as_ref().unwrap().log;
    assert_eq!(log.selected, 59);
    assert_eq!(log.total(), Some(60));
}

#[test]
fn a_failed_page_shows_an_error_and_can_be_retried() {
    let mut m = open_log(1000);
    for _ in 0..45 {
        key(&mut m, Key::Down);
    }
    loaded(&mut m, Loaded::AccessPage(1, Err(SourceError::Timeout)));
    let log = &m.session.as_ref().unwrap().log;
    assert_eq!(log.error, Some(SourceError::Timeout));
    assert!(log.loading.is_none());
    let fx = key(&mut m, Key::Down);
    assert!(matches!(
        requests(&fx).as_slice(),
        [Request::AccessPage { page: 1, .. }]
    ));
}

#[test]
fn filters_restart_the_log_with_the_filter() {
    let mut m = open_log(1000);
    let fx = ch(&mut m, 'f');
    assert_eq!(*m.screen(), Screen::AccessFilter);
    assert_eq!(requests(&fx), vec![Request::Organisations, Request::Areas]);
    let fx = ch(&mut m, '4');
    let (p, filter) = only_page(&fx);
    assert_eq!(p, 0);
    assert_eq!(filter.action, Some(Action::Viewed));
    // The period filter turns into a `from` time relative to the injected clock.
    let fx = ch(&mut m, '1');
    let (_, filter) = only_page(&fx);
    assert_eq!(
        filter.from,
        Some(now() - jiff::SignedDuration::from_hours(24 * 30))
    );
    assert_eq!(filter.action, Some(Action::Viewed));
    // "Remove all filters".
    let fx = ch(&mut m, '6');
    let (_, filter) = only_page(&fx);
    assert!(filter.is_empty());
    ch(&mut m, '7');
    assert_eq!(*m.screen(), Screen::AccessLog);
}

#[test]
fn search_text_is_typed_and_applied() {
    let mut m = open_log(1000);
    ch(&mut m, '/');
    assert_eq!(*m.screen(), Screen::AccessSearch);
    for c in "jobx".chars() {
        ch(&mut m, c);
    }
    key(&mut m, Key::Backspace);
    // Letters that are keys elsewhere are typed here.
    assert_eq!(m.search_input, "job");
    let fx = key(&mut m, Key::Enter);
    assert_eq!(*m.screen(), Screen::AccessLog);
    let (p, filter) = only_page(&fx);
    assert_eq!(p, 0);
    assert_eq!(filter.text.as_deref(), Some("job"));
    // Esc leaves the search as it was.
    ch(&mut m, '/');
    ch(&mut m, 'z');
    assert!(key(&mut m, Key::Esc).is_empty());
    assert_eq!(
        m.session.as_ref().unwrap().log.filter.text.as_deref(),
        Some("job")
    );
}

#[test]
fn report_flow_confirms_files_and_tells_what_happens_next() {
    let mut m = open_log(100);
    key(&mut m, Key::Down);
    let fx = key(&mut m, Key::Enter);
    assert_eq!(*m.screen(), Screen::AccessEntry { id: 2 });
    assert_eq!(requests(&fx), vec![Request::Reports]);
    ch(&mut m, 'r');
    assert_eq!(*m.screen(), Screen::ConfirmReport { id: 2 });
    // "No" files nothing.
    assert!(ch(&mut m, '2').is_empty());
    assert_eq!(*m.screen(), Screen::AccessEntry { id: 2 });
    ch(&mut m, 'r');
    let fx = ch(&mut m, '1');
    assert_eq!(requests(&fx), vec![Request::Report(2, Lang::Da)]);
    assert_eq!(*m.screen(), Screen::AccessEntry { id: 2 });
    let report = AccessReport {
        reference: "IND-2026-000001".into(),
        event_id: 2,
        filed_at: now(),
        status: ReportStatus::Received,
    };
    loaded(&mut m, Loaded::Reported(Ok(report.clone())));
    assert_eq!(m.notice, Some(Notice::Reported(report.clone())));
    assert_eq!(m.session.as_ref().unwrap().reports, vec![report]);
    // Any key closes the notice and does nothing else.
    assert!(ch(&mut m, 'x').is_empty());
    assert!(m.notice.is_none());
    assert!(m.session.is_some());
}

#[test]
fn a_failed_report_says_so() {
    let mut m = open_log(100);
    key(&mut m, Key::Enter);
    ch(&mut m, 'r');
    ch(&mut m, '1');
    loaded(
        &mut m,
        Loaded::Reported(Err(SourceError::Unreachable("x".into()))),
    );
    assert_eq!(
        m.notice,
        Some(Notice::Error(SourceError::Unreachable("x".into())))
    );
}

#[test]
fn withdraw_flow_confirms_files_and_shows_the_result() {
    let mut m = signed_in('1');
    ch(&mut m, '4');
    loaded(
        &mut m,
        Loaded::Consents(Ok(vec![consent(7, true), consent(8, false)])),
    );
    // The first consent is already withdrawn: nothing to confirm.
    assert!(ch(&mut m, 'w').is_empty());
    assert_eq!(*m.screen(), Screen::Consents);
    key(&mut m, Key::Down);
    ch(&mut m, 'w');
    assert_eq!(*m.screen(), Screen::ConfirmWithdraw { id: 8 });
    let fx = ch(&mut m, '1');
    assert_eq!(requests(&fx), vec![Request::Withdraw(8, Lang::Da)]);
    assert_eq!(*m.screen(), Screen::Consents);
    let pending =
        |m: &Model| m.session.as_ref().unwrap().consents.ready().unwrap()[1].withdrawal_pending;
    assert!(pending(&m));
    let mut done = consent(8, true);
    done.withdrawal_pending = false;
    let fx = loaded(&mut m, Loaded::Withdrawn(Ok(done.clone())));
    assert_eq!(requests(&fx), vec![Request::Overview]);
    assert_eq!(m.notice, Some(Notice::Withdrawn { pending: false }));
    assert_eq!(
        m.session.as_ref().unwrap().consents.ready().unwrap()[1],
        done
    );
}

#[test]
fn a_failed_withdrawal_is_not_shown_as_pending() {
    let mut m = signed_in('1');
    ch(&mut m, '4');
    loaded(&mut m, Loaded::Consents(Ok(vec![consent(8, false)])));
    ch(&mut m, 'w');
    ch(&mut m, '1');
    loaded(&mut m, Loaded::Withdrawn(Err(SourceError::Timeout)));
    assert_eq!(m.notice, Some(Notice::Error(SourceError::Timeout)));
    assert!(!m.session.as_ref().unwrap().consents.ready().unwrap()[0].withdrawal_pending);
}

#[test]
fn keys_and_taps_that_do_nothing_change_nothing() {
    let mut m = signed_in('1');
    let before = m.clone();
    for k in [
        Key::Char('z'),
        Key::Char('9'),
        Key::F(5),
        Key::Alt('f'),
        Key::Tab,
        Key::Char('r'),
        Key::Char('w'),
    ] {
        assert!(key(&mut m, k).is_empty(), "{k:?}");
    }
    assert!(update(&mut m, Msg::Tap(None, now())).is_empty());
    assert_eq!(m, before);
}

#[test]
fn taps_pick_items_by_index() {
    let mut m = signed_in('1');
    let fx = update(&mut m, Msg::Tap(Some(Intent::Item(5)), now()));
    assert!(fx.is_empty());
    assert_eq!(*m.screen(), Screen::Rights);
    update(&mut m, Msg::Tap(Some(Intent::Back), now()));
    update(&mut m, Msg::Tap(Some(Intent::Item(99)), now()));
    assert_eq!(*m.screen(), Screen::Overview);
}

#[test]
fn ctrl_c_quits_only_when_unlocked() {
    let mut m = model();
    assert_eq!(
        key(&mut m, Key::Ctrl('c')),
        vec![Effect::PurgeScreen, Effect::Quit]
    );
    let mut s = settings();
    s.locked = true;
    let mut m = Model::new(s, now());
    assert!(key(&mut m, Key::Ctrl('c')).is_empty());
    assert!(ch(&mut m, 'q').is_empty());
    assert!(!m.quit);
}

#[test]
fn continue_online_opens_for_the_current_view() {
    let mut m = open_log(10);
    ch(&mut m, 'o');
    assert_eq!(
        *m.screen(),
        Screen::Online {
            view: indsigt::kiosk::View::AccessLog
        }
    );
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::AccessLog);
}

#[test]
fn text_screens_scroll_and_forget_the_scroll_when_left() {
    let mut m = signed_in('1');
    ch(&mut m, '6');
    assert_eq!(*m.screen(), Screen::Rights);
    key(&mut m, Key::Down);
    key(&mut m, Key::Down);
    key(&mut m, Key::PageDown);
    assert_eq!(m.place().scroll, 12);
    key(&mut m, Key::Up);
    assert_eq!(m.place().scroll, 11);
    for _ in 0..5 {
        key(&mut m, Key::PageUp);
    }
    assert_eq!(m.place().scroll, 0);
    key(&mut m, Key::Esc);
    ch(&mut m, '6');
    assert_eq!(m.place().scroll, 0);
}

#[test]
fn a_purpose_opens_in_full() {
    let mut m = signed_in('1');
    ch(&mut m, '2');
    loaded(&mut m, Loaded::Purposes(Ok(vec![])));
    // Nothing to open in an empty list.
    assert!(key(&mut m, Key::Enter).is_empty());
    assert_eq!(*m.screen(), Screen::Purposes);
}

#[test]
fn help_lists_keys_and_esc_closes_it() {
    let mut m = signed_in('1');
    ch(&mut m, '?');
    assert_eq!(*m.screen(), Screen::Help);
    key(&mut m, Key::Esc);
    assert_eq!(*m.screen(), Screen::Overview);
}

#[test]
fn unknown_citizen_is_told_in_words() {
    let mut m = signed_in('1');
    loaded(&mut m, Loaded::Citizen(Err(SourceError::UnknownCitizen)));
    assert_eq!(m.notice, Some(Notice::Error(SourceError::UnknownCitizen)));
}
