//! Every screen of the kiosk, as a named setup from a fresh kiosk: shared by the snapshot, contrast and
//! NO_COLOR tests.

use super::ELDERLY;
use super::kiosk::Kiosk;
use indsigt::domain::Lang;
use indsigt::kiosk::{Intent, Key, Msg};

pub type Setup = fn(&mut Kiosk, Lang);

pub fn signed_in(k: &mut Kiosk, lang: Lang) {
    k.sign_in(ELDERLY, lang);
}

/// The people a signed-in parent may act for, as the server would list them.
pub fn represented() -> Vec<indsigt::domain::Represented> {
    use indsigt::domain::{Basis, Represented};
    vec![
        Represented {
            handle: "h-1".into(),
            name: "Emil Jensen".into(),
            basis: Basis::Custody,
            may_act: true,
        },
        Represented {
            handle: "h-2".into(),
            name: "Karl Hansen".into(),
            basis: Basis::PowerOfAttorney,
            may_act: false,
        },
    ]
}

/// Signed in, with the chooser's list from the server on screen (the demo store acts for no one, so the
/// answer is put in as the server would give it).
pub fn choosing(k: &mut Kiosk, lang: Lang) {
    signed_in(k, lang);
    let session = k.model.session.as_mut().unwrap();
    session.represented = indsigt::kiosk::Loadable::Ready(represented());
    k.model.stack = vec![indsigt::kiosk::Place::new(
        indsigt::kiosk::Screen::ChooseWho,
    )];
}

/// Signed in and showing the data of the person with power of attorney to see (the view reads only
/// `acting`; the data on screen is the demo citizen's).
pub fn acting_see_only(k: &mut Kiosk, lang: Lang) {
    signed_in(k, lang);
    let session = k.model.session.as_mut().unwrap();
    session.represented = indsigt::kiosk::Loadable::Ready(represented());
    // The person is the demo citizen whose data the screens show.
    session.acting = represented().pop().map(|mut p| {
        p.name = "Inger Marie Holm".into();
        p
    });
}

fn tap(k: &mut Kiosk, index: usize) {
    k.send(Msg::Tap(Some(Intent::Item(index)), super::kiosk::clock()));
}

pub const SCREENS: &[(&str, Setup)] = &[
    ("attract", |k, lang| {
        if lang == Lang::En {
            k.keys("l");
        }
    }),
    ("sign_in", |k, lang| {
        k.keys(if lang == Lang::Da { "1" } else { "2" });
    }),
    ("device_sign_in", |k, lang| {
        device_waiting(k, lang);
    }),
    ("device_sign_in_staff_offer", |k, lang| {
        k.model.settings.staff_sign_in = true;
        device_waiting(k, lang);
    }),
    ("staff_sign_in", |k, lang| {
        k.model.settings.staff_sign_in = true;
        device_waiting(k, lang);
        k.keys("s");
        deliver_code(k);
    }),
    ("staff_cpr", |k, lang| {
        staff_cpr(k, lang);
        k.keys("310241");
    }),
    ("staff_cpr_refused", |k, lang| {
        staff_cpr(k, lang);
        k.keys("3102414822");
        k.key(Key::Enter);
        let generation = k.model.generation;
        k.send(Msg::Loaded {
            generation,
            result: indsigt::kiosk::Loaded::AssistedOpened(Err(
                indsigt::source::SourceError::NotFound,
            )),
        });
    }),
    ("device_denied", |k, lang| {
        device_waiting(k, lang);
        let attempt = k.model.device_attempt;
        k.send(Msg::Polled {
            attempt,
            poll: indsigt::kiosk::device::Poll::Denied,
        });
    }),
    ("sign_in_store_error", |k, lang| {
        k.keys(if lang == Lang::Da { "1" } else { "2" });
        let generation = k.model.generation;
        k.send(Msg::Loaded {
            generation,
            result: indsigt::kiosk::Loaded::DemoCitizens(Err(
                indsigt::source::SourceError::Storage("disk I/O error".into()),
            )),
        });
    }),
    ("error_notice", |k, l| {
        signed_in(k, l);
        k.keys("4");
        let generation = k.model.generation;
        k.send(Msg::Loaded {
            generation,
            result: indsigt::kiosk::Loaded::Withdrawn(Err(indsigt::source::SourceError::Timeout)),
        });
    }),
    ("helper", |k, lang| {
        k.keys(if lang == Lang::Da { "1" } else { "2" });
        tap(k, 0);
    }),
    ("choose_who", choosing),
    ("overview", signed_in),
    ("overview_acting", acting_see_only),
    ("consents_acting", |k, l| {
        acting_see_only(k, l);
        k.keys("4").key(Key::Down);
    }),
    ("overview_failed", |k, l| {
        signed_in(k, l);
        let generation = k.model.generation;
        for result in [
            indsigt::kiosk::Loaded::Citizen(Err(indsigt::source::SourceError::Unreachable(
                "connection refused".into(),
            ))),
            indsigt::kiosk::Loaded::Overview(Err(indsigt::source::SourceError::Unreachable(
                "connection refused".into(),
            ))),
        ] {
            k.send(Msg::Loaded { generation, result });
        }
    }),
    ("areas", |k, l| {
        signed_in(k, l);
        k.keys("1");
    }),
    ("categories", |k, l| {
        signed_in(k, l);
        k.keys("1").keys("3");
    }),
    ("category", |k, l| {
        signed_in(k, l);
        k.keys("1").keys("3").keys("1");
    }),
    ("purposes", |k, l| {
        signed_in(k, l);
        k.keys("2");
    }),
    ("purpose", |k, l| {
        signed_in(k, l);
        k.keys("2").key(Key::Down).key(Key::Enter);
    }),
    ("access_log", |k, l| {
        signed_in(k, l);
        k.keys("3");
    }),
    ("access_filter", |k, l| {
        signed_in(k, l);
        k.keys("3f4");
    }),
    ("access_search", |k, l| {
        signed_in(k, l);
        k.keys("3/").keys("hjem");
    }),
    ("access_entry", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Down).key(Key::Enter);
    }),
    ("access_entry_batch", |k, l| {
        signed_in(k, l);
        k.keys("3");
        let log = &k.model.session.as_ref().unwrap().log;
        let batch = (0..log.held().end)
            .find(|&i| log.entry(i).is_some_and(|e| e.batch.is_some()))
            .expect("a batch run among the first entries");
        tap(k, batch);
    }),
    ("confirm_report", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Enter).keys("r");
    }),
    ("report_filed", |k, l| {
        signed_in(k, l);
        k.keys("3").key(Key::Enter).keys("r1");
    }),
    ("consents", |k, l| {
        signed_in(k, l);
        k.keys("4");
    }),
    ("confirm_withdraw", |k, l| {
        signed_in(k, l);
        k.keys("4");
        let consents = k.model.session.as_ref().unwrap().consents.ready().unwrap();
        let active = consents
            .iter()
            .position(|c| c.is_active())
            .expect("an active consent");
        tap(k, active);
    }),
    ("decisions", |k, l| {
        signed_in(k, l);
        k.keys("5");
    }),
    ("decision", |k, l| {
        signed_in(k, l);
        k.keys("51");
    }),
    ("rights", |k, l| {
        signed_in(k, l);
        k.keys("6");
    }),
    ("requests", |k, l| {
        signed_in(k, l);
        k.keys("7");
    }),
    ("request_answered", |k, l| {
        signed_in(k, l);
        k.keys("71");
    }),
    ("online", |k, l| {
        signed_in(k, l);
        k.keys("8");
    }),
    ("category_revealed", |k, l| {
        signed_in(k, l);
        k.keys("1").keys("1").keys("1").keys("v");
    }),
    ("hidden", |k, l| {
        signed_in(k, l);
        k.keys("h");
    }),
    ("hidden_confirm", |k, l| {
        signed_in(k, l);
        k.keys("hh");
    }),
    ("idle_warning", |k, l| {
        signed_in(k, l);
        k.keys("3");
        k.send(Msg::Tick(
            super::kiosk::clock() + jiff::SignedDuration::from_secs(95),
        ));
    }),
    ("operator", |k, l| {
        signed_in(k, l);
        k.key(Key::CtrlAlt('o')).keys("12");
    }),
    ("help", |k, l| {
        signed_in(k, l);
        k.keys("?");
    }),
    ("feedback", |k, l| {
        signed_in(k, l);
        k.keys("1").key(Key::Esc).keys("x");
    }),
];

/// A member of staff has signed in on a kiosk set up for it: the CPR entry (the sign-in's answers are
/// sent as msgs).
pub fn staff_cpr(k: &mut Kiosk, lang: Lang) {
    k.model.settings.staff_sign_in = true;
    device_waiting(k, lang);
    k.keys("s");
    deliver_code(k);
    let attempt = k.model.device_attempt;
    k.send(Msg::Polled {
        attempt,
        poll: indsigt::kiosk::device::Poll::Tokens(indsigt::kiosk::device::Tokens {
            access: indsigt::source::AccessToken::new("staff-token"),
            refresh: None,
        }),
    });
}

/// The device sign-in screen, with a code from the broker (no network: the answer is sent as a msg).
pub fn device_waiting(k: &mut Kiosk, lang: Lang) {
    k.model.settings.device_sign_in = true;
    k.keys(if lang == Lang::Da { "1" } else { "2" });
    deliver_code(k);
}

/// The broker's code for the device sign-in on screen.
fn deliver_code(k: &mut Kiosk) {
    let attempt = k.model.device_attempt;
    k.send(Msg::DeviceStarted {
        attempt,
        result: Ok(indsigt::kiosk::device::DeviceAuthorization {
            device_code: indsigt::source::AccessToken::new("dc"),
            user_code: "WDJBMJHT".into(),
            verification_uri: "https://mitid-broker.eksempel-kommune.dk/device".into(),
            verification_uri_complete: Some(
                "https://mitid-broker.eksempel-kommune.dk/device?user_code=WDJBMJHT".into(),
            ),
            expires_in: 600,
            interval: Some(5),
        }),
    });
}
