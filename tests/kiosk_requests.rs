//! "Your requests" in the pure core: opening it always asks the source afresh; answers the citizen has not
//! seen are marked seen once they are shown, and the overview stops calling them new; Enter opens one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::*;
use common::update::*;
use indsigt::domain::{CitizenRequest, Lang, Overview, RequestKind, RequestStatus, Text};
use indsigt::kiosk::menu::OverviewItem;
use indsigt::kiosk::{Key, Loadable, Loaded, Model, Request, Screen};
use indsigt::source::SourceError;

fn request(id: i64, status: RequestStatus, unseen: bool) -> CitizenRequest {
    CitizenRequest {
        id,
        reference: format!("H-{id}"),
        kind: RequestKind::Report,
        about: Text::new("Opslag 3. nov.", "Look-up 3 Nov"),
        handled_by: Text::new("Databeskyttelsesrådgiveren", "The data protection officer"),
        filed_at: now(),
        lang: Lang::Da,
        status,
        answer: (status == RequestStatus::Answered).then(|| Text::new("Opslaget var lovligt.", "")),
        updated_at: now(),
        unseen,
    }
}

/// Signed in, the overview loaded with one new answer, on the overview.
fn on_overview() -> Model {
    let mut m = model();
    key(&mut m, Key::Char('1'));
    loaded(&mut m, Loaded::DemoCitizens(Ok(citizens())));
    key(&mut m, Key::Char('1'));
    key(&mut m, Key::Char('1'));
    loaded(
        &mut m,
        Loaded::Overview(Ok(Overview {
            new_answers: 1,
            ..Overview::default()
        })),
    );
    assert_eq!(*m.screen(), Screen::Overview);
    m
}

fn digit_of(item: OverviewItem) -> char {
    let at = OverviewItem::ALL.iter().position(|&i| i == item).unwrap();
    char::from_digit(at as u32 + 1, 10).unwrap()
}

fn new_answers(m: &Model) -> u32 {
    match &m.session.as_ref().unwrap().overview {
        Loadable::Ready(o) => o.new_answers,
        other => panic!("overview not ready: {other:?}"),
    }
}

#[test]
fn opening_your_requests_loads_them_every_time() {
    let mut m = on_overview();
    let fx = key(&mut m, Key::Char(digit_of(OverviewItem::Requests)));
    assert_eq!(*m.screen(), Screen::Requests);
    assert_eq!(requests(&fx), vec![Request::Requests]);
    loaded(
        &mut m,
        Loaded::Requests(Ok(vec![request(1, RequestStatus::Sent, false)])),
    );
    key(&mut m, Key::Esc);
    // Already loaded, but an answer may have come meanwhile: asked again.
    let fx = key(&mut m, Key::Char(digit_of(OverviewItem::Requests)));
    assert_eq!(requests(&fx), vec![Request::Requests]);
    assert_eq!(m.session.as_ref().unwrap().requests, Loadable::Loading);
}

#[test]
fn unseen_answers_are_marked_seen_once_shown_and_stop_being_new() {
    let mut m = on_overview();
    key(&mut m, Key::Char(digit_of(OverviewItem::Requests)));
    let list = vec![
        request(2, RequestStatus::Answered, true),
        request(1, RequestStatus::Sent, false),
    ];
    let fx = loaded(&mut m, Loaded::Requests(Ok(list.clone())));
    assert_eq!(requests(&fx), vec![Request::MarkRequestsSeen]);
    // Still marked on this screen, so the citizen sees which one is new.
    assert_eq!(m.session.as_ref().unwrap().requests, Loadable::Ready(list));
    assert_eq!(new_answers(&m), 0);
    // Enter opens the first, the new answer.
    key(&mut m, Key::Enter);
    assert_eq!(*m.screen(), Screen::Request { index: 0 });
}

#[test]
fn nothing_unseen_sends_nothing() {
    let mut m = on_overview();
    key(&mut m, Key::Char(digit_of(OverviewItem::Requests)));
    let fx = loaded(
        &mut m,
        Loaded::Requests(Ok(vec![request(1, RequestStatus::Answered, false)])),
    );
    assert!(requests(&fx).is_empty(), "{fx:?}");
    assert_eq!(
        new_answers(&m),
        1,
        "the overview's count stays as the source said"
    );
}

#[test]
fn a_failed_load_says_so_and_marks_nothing() {
    let mut m = on_overview();
    key(&mut m, Key::Char(digit_of(OverviewItem::Requests)));
    let fx = loaded(&mut m, Loaded::Requests(Err(SourceError::Timeout)));
    assert!(requests(&fx).is_empty(), "{fx:?}");
    assert_eq!(
        m.session.as_ref().unwrap().requests,
        Loadable::Failed(SourceError::Timeout)
    );
    assert_eq!(new_answers(&m), 1);
}
