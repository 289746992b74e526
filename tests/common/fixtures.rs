//! Domain values for pure `update` tests: no store, no IO.

use indsigt::domain::*;
use indsigt::kiosk::{Model, Settings};
use indsigt::source::Principal;
use jiff::Timestamp;

pub fn now() -> Timestamp {
    "2026-11-29T13:05:00Z".parse().unwrap()
}

/// The demo profile's settings, on kiosk "kiosk-7".
pub fn settings() -> Settings {
    let mut s = indsigt::config::demo_settings().unwrap();
    s.kiosk_id = "kiosk-7".into();
    s
}

pub fn model() -> Model {
    Model::new(settings(), now())
}

pub fn citizen(i: usize) -> CitizenSummary {
    CitizenSummary {
        citizen: Citizen {
            id: CitizenId(format!("c-{i}")),
            subject: format!("sub-{i}"),
            name: format!("Borger {i}"),
            cpr: Cpr::parse(&format!("3102{:02}1234", 40 + i)).unwrap(),
        },
        situation: Text::new("Pensionist", "Pensioner"),
    }
}

pub fn citizens() -> Vec<CitizenSummary> {
    (1..=6).map(citizen).collect()
}

pub fn principal(i: usize) -> Principal {
    Principal::Demo(CitizenId(format!("c-{i}")))
}

/// An access event `id`, `minutes` before `now()`.
pub fn event(id: i64) -> AccessEvent {
    AccessEvent {
        id,
        at: now() - jiff::SignedDuration::from_mins(id),
        organisation: Text::new("Jobcenter", "Jobcentre"),
        unit: Text::same("Jobrådgivning"),
        role: Text::new("Jobkonsulent", "Job consultant"),
        employee: Some("Medarbejder A".into()),
        system: "Momentum".into(),
        area: "employment".into(),
        category: Text::new("Ledighed", "Unemployment"),
        action: Action::Viewed,
        purpose: Text::new("Opfølgning på din jobplan", "Follow-up on your job plan"),
        case_ref: Some(format!("SAG-{id}")),
        batch: None,
        hidden_until: None,
        reference: format!("LOG-{id}"),
        on_behalf: None,
    }
}

/// Page `k` of a log of `total` events, `size` per page.
pub fn page(k: usize, size: usize, total: usize) -> AccessPage {
    let start = k * size;
    let end = (start + size).min(total);
    let entries: Vec<AccessEvent> = (start..end).map(|i| event(i as i64 + 1)).collect();
    let next = (end < total).then(|| {
        let last = entries.last().unwrap();
        AccessCursor {
            at: last.at,
            id: last.id,
        }
    });
    AccessPage { entries, next }
}

pub fn consent(id: i64, withdrawn: bool) -> Consent {
    Consent {
        id,
        scope: Text::new(
            "Del helbredsdata med egen læge",
            "Share health data with your GP",
        ),
        recipient: Text::new("Din praktiserende læge", "Your GP"),
        purpose: Text::new("Sammenhængende pleje", "Joined-up care"),
        given_at: now() - jiff::SignedDuration::from_hours(24 * 400),
        withdrawn_at: withdrawn.then(|| now() - jiff::SignedDuration::from_hours(24 * 10)),
        withdrawal_pending: false,
    }
}
