//! The effect runner: each source call runs on tokio's blocking pool, and its answer comes back as a msg.

use crate::kiosk::{Loaded, Msg, Request};
use crate::source::{DataSource, Principal, SourceError};
use std::sync::Arc;

/// Carries out one source call. Blocking: call it from `spawn_blocking`.
pub fn run_effect(
    source: &dyn DataSource,
    principal: Option<&Principal>,
    request: Request,
) -> Loaded {
    let who = || principal.ok_or(SourceError::Unauthorized);
    match request {
        Request::DemoCitizens => Loaded::DemoCitizens(source.demo_citizens()),
        Request::Citizen => Loaded::Citizen(who().and_then(|p| source.citizen(p))),
        Request::Overview => Loaded::Overview(who().and_then(|p| source.overview(p))),
        Request::Areas => Loaded::Areas(who().and_then(|p| source.areas(p))),
        Request::Categories(area) => {
            let r = who().and_then(|p| source.categories(p, &area));
            Loaded::Categories(area, r)
        }
        Request::Category(id) => Loaded::Category(who().and_then(|p| source.category(p, id))),
        Request::Purposes => Loaded::Purposes(who().and_then(|p| source.purposes(p))),
        Request::Organisations => {
            Loaded::Organisations(who().and_then(|p| source.organisations(p)))
        }
        Request::AccessPage {
            page,
            filter,
            after,
            limit,
        } => Loaded::AccessPage(
            page,
            who().and_then(|p| source.access_page(p, &filter, after, limit)),
        ),
        Request::AccessEntry(id) => {
            Loaded::AccessEntry(who().and_then(|p| source.access_event(p, id)))
        }
        Request::Report(id) => Loaded::Reported(who().and_then(|p| source.report_access(p, id))),
        Request::Reports => Loaded::Reports(who().and_then(|p| source.access_reports(p))),
        Request::Consents => Loaded::Consents(who().and_then(|p| source.consents(p))),
        Request::Withdraw(id) => {
            Loaded::Withdrawn(who().and_then(|p| source.withdraw_consent(p, id)))
        }
        Request::Decisions => Loaded::Decisions(who().and_then(|p| source.decision_support(p))),
        Request::RecordVisit(visit) => {
            Loaded::VisitRecorded(who().and_then(|p| source.record_visit(p, &visit)))
        }
    }
}

/// Starts a source call in the background; its answer is sent as `Msg::Loaded`.
pub fn spawn(
    source: Arc<dyn DataSource>,
    generation: u64,
    principal: Option<Principal>,
    request: Request,
    tx: tokio::sync::mpsc::UnboundedSender<Msg>,
) {
    let name = request_name(&request);
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        let result = run_effect(source.as_ref(), principal.as_ref(), request);
        let ms = started.elapsed().as_millis() as u64;
        match failure(&result) {
            Some(error) => tracing::warn!(request = name, ms, error, "source call failed"),
            None => tracing::debug!(request = name, ms, "source call done"),
        }
        // The loop may have ended; then nobody needs the answer.
        let _ = tx.send(Msg::Loaded { generation, result });
    });
}

/// The kind of error a result holds, for logs (the error's code, never its text).
fn failure(l: &Loaded) -> Option<&'static str> {
    let e = match l {
        Loaded::DemoCitizens(r) => r.as_ref().err(),
        Loaded::Citizen(r) => r.as_ref().err(),
        Loaded::Overview(r) => r.as_ref().err(),
        Loaded::Areas(r) => r.as_ref().err(),
        Loaded::Categories(_, r) => r.as_ref().err(),
        Loaded::Category(r) => r.as_ref().err(),
        Loaded::Purposes(r) => r.as_ref().err(),
        Loaded::Organisations(r) => r.as_ref().err(),
        Loaded::AccessPage(_, r) => r.as_ref().err(),
        Loaded::AccessEntry(r) => r.as_ref().err(),
        Loaded::Reported(r) => r.as_ref().err(),
        Loaded::Reports(r) => r.as_ref().err(),
        Loaded::Consents(r) => r.as_ref().err(),
        Loaded::Withdrawn(r) => r.as_ref().err(),
        Loaded::Decisions(r) => r.as_ref().err(),
        Loaded::VisitRecorded(r) => r.as_ref().err(),
    };
    e.map(|e| e.message_id())
}

/// The request's name, for logs (never its arguments).
fn request_name(r: &Request) -> &'static str {
    match r {
        Request::DemoCitizens => "demo_citizens",
        Request::Citizen => "citizen",
        Request::Overview => "overview",
        Request::Areas => "areas",
        Request::Categories(_) => "categories",
        Request::Category(_) => "category",
        Request::Purposes => "purposes",
        Request::Organisations => "organisations",
        Request::AccessPage { .. } => "access_page",
        Request::AccessEntry(_) => "access_entry",
        Request::Report(_) => "report",
        Request::Reports => "reports",
        Request::Consents => "consents",
        Request::Withdraw(_) => "withdraw",
        Request::Decisions => "decisions",
        Request::RecordVisit(_) => "record_visit",
    }
}

/// Runs a sign-in effect in the background; its answer (if any) comes back as a msg.
pub fn spawn_auth(
    broker: Option<Arc<dyn crate::auth::Broker>>,
    effect: crate::kiosk::Effect,
    tx: tokio::sync::mpsc::UnboundedSender<Msg>,
) {
    use crate::kiosk::Effect;
    use crate::kiosk::device::{AuthError, Poll};
    tokio::task::spawn_blocking(move || {
        let msg = match (effect, broker) {
            (Effect::StartDeviceSignIn { attempt }, b) => Some(Msg::DeviceStarted {
                attempt,
                result: b.map_or(Err(AuthError::Unreachable), |b| b.start()),
            }),
            (
                Effect::PollToken {
                    attempt,
                    device_code,
                },
                b,
            ) => Some(Msg::Polled {
                attempt,
                poll: b.map_or(Poll::Unreachable, |b| b.poll(&device_code)),
            }),
            (
                Effect::RefreshToken {
                    generation,
                    refresh,
                },
                b,
            ) => Some(Msg::Refreshed {
                generation,
                result: b.map_or(Err(AuthError::Unreachable), |b| b.refresh(&refresh)),
            }),
            (Effect::RevokeToken(token), Some(b)) => {
                b.revoke(&token);
                None
            }
            _ => None,
        };
        if let Some(msg) = msg {
            let _ = tx.send(msg);
        }
    });
}
