//! Taking in the results of source calls.

use super::super::effect::{Effect, Request};
use super::super::model::{Loadable, Model, Notice};
use super::super::msg::Loaded;
use super::fetch;
use crate::domain::port::SourceError;

pub fn apply(model: &mut Model, result: Loaded) -> Vec<Effect> {
    let bearer = model
        .session
        .as_ref()
        .is_some_and(|s| s.principal.token().is_some());
    if bearer && is_unauthorized(&result) {
        return super::device::unauthorized(model);
    }
    if let Loaded::DemoCitizens(r) = result {
        model.demo_citizens = Loadable::from_result(r);
        return Vec::new();
    }
    if let Loaded::Represented(r) = result {
        return represented(model, r);
    }
    if let Loaded::AssistedOpened(r) = result {
        return super::staff::opened(model, r);
    }
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    match result {
        Loaded::DemoCitizens(_) => {}
        Loaded::Citizen(r) => {
            if let Err(e) = &r {
                if matches!(e, SourceError::Unauthorized | SourceError::UnknownCitizen) {
                    model.notice = Some(Notice::Error(e.clone()));
                }
            }
            session.citizen = Loadable::from_result(r);
        }
        Loaded::Represented(_) | Loaded::AssistedOpened(_) | Loaded::AssistedEnded => {}
        Loaded::Overview(r) => session.overview = Loadable::from_result(r),
        Loaded::Systems(r) => session.systems = Loadable::from_result(r),
        Loaded::Areas(r) => session.areas = Loadable::from_result(r),
        Loaded::Categories(area, r) => {
            session.categories = Loadable::from_result(r.map(|list| (area, list)));
        }
        Loaded::Category(r) => session.category = Loadable::from_result(r),
        Loaded::Purposes(r) => session.purposes = Loadable::from_result(r),
        Loaded::Organisations(r) => session.log.set_organisations(r),
        Loaded::AccessPage(page, r) => session.log.receive(page, r),
        Loaded::AccessEntry(r) => session.entry = Loadable::from_result(r),
        Loaded::Reported(r) => match r {
            Ok(report) => {
                session.reports.retain(|x| x.event_id != report.event_id);
                session.reports.push(report.clone());
                model.notice = Some(Notice::Reported(report));
            }
            Err(e) => model.notice = Some(Notice::Error(e)),
        },
        Loaded::Reports(r) => {
            if let Ok(list) = r {
                session.reports = list;
            }
        }
        Loaded::Consents(r) => session.consents = Loadable::from_result(r),
        Loaded::Withdrawn(r) => match r {
            Ok(consent) => {
                let pending = consent.withdrawal_pending;
                if let Loadable::Ready(list) = &mut session.consents {
                    if let Some(c) = list.iter_mut().find(|c| c.id == consent.id) {
                        *c = consent;
                    }
                }
                model.notice = Some(Notice::Withdrawn { pending });
                return vec![fetch(model, Request::Overview)];
            }
            Err(e) => {
                if let Loadable::Ready(list) = &mut session.consents {
                    list.iter_mut().for_each(|c| c.withdrawal_pending = false);
                }
                model.notice = Some(Notice::Error(e));
            }
        },
        Loaded::Decisions(r) => session.decisions = Loadable::from_result(r),
        Loaded::Requests(r) => {
            let unseen = r.as_ref().is_ok_and(|l| l.iter().any(|x| x.unseen));
            session.requests = Loadable::from_result(r);
            // Shown as new this once: the source is told they are seen, and the overview stops saying so.
            // Not for someone acted for: what is new is new to them, when they look themself.
            if unseen && session.acting.is_none() {
                if let Loadable::Ready(o) = &mut session.overview {
                    o.new_answers = 0;
                }
                return vec![fetch(model, Request::MarkRequestsSeen)];
            }
        }
        // If it failed, the answers are shown as new again next time: nothing is lost.
        Loaded::RequestsSeen(_) => {}
        // A visit that could not be recorded is logged by the effect runner; the citizen goes on.
        Loaded::VisitRecorded(_) => {}
        // Feedback is sent after the session has ended, so this arm is only reached if a new session
        // began meanwhile; a lost answer is logged by the effect runner and the citizen is never told.
        Loaded::FeedbackRecorded(_) => {}
    }
    Vec::new()
}

/// Whom the citizen may act for: with no one, the visit begins with their own data at once; else the
/// chooser shows the list.
fn represented(
    model: &mut Model,
    result: Result<Vec<crate::domain::Represented>, SourceError>,
) -> Vec<Effect> {
    let waiting = *model.screen() == super::super::screen::Screen::ChooseWho;
    let Some(session) = model.session.as_mut() else {
        return Vec::new();
    };
    // If the server could not say, the citizen goes on as themself (the effect runner logs the error, and
    // the next calls show it if the server is down).
    let list = result.unwrap_or_default();
    let alone = list.is_empty();
    session.represented = Loadable::Ready(list);
    if alone && waiting {
        return super::sign_in::begin_visit(model, None);
    }
    Vec::new()
}

/// Whether the source said the sign-in is no longer valid (a 401).
/// A 401 on any call but the demo list: the sign-in has ended.
fn is_unauthorized(l: &Loaded) -> bool {
    !matches!(l, Loaded::DemoCitizens(_)) && l.error() == Some(&SourceError::Unauthorized)
}
