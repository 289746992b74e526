//! The effect runner: the one place where an [`Effect`] becomes IO. Source calls, sign-in calls and the
//! PIN check run on tokio's blocking pool, off the render loop, and their answers come back as msgs. The
//! two effects that belong to the terminal (purging the screen, quitting) are handed back to the loop.

use crate::auth::Broker;
use crate::domain::port::{DataSource, Principal, SourceError};
use crate::kiosk::device::{AuthError, Poll};
use crate::kiosk::{AuthEffect, Effect, Loaded, Msg, Request};
use std::sync::Arc;
use tokio::sync::mpsc::UnboundedSender;

/// What an effect asks of the terminal loop itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Clear the screen and the scrollback.
    Purge,
    /// End the program.
    Quit,
    /// Read the screen aloud: the loop, which holds the model, says what (`ui::screens::script`).
    Speak(crate::kiosk::Utterance),
}

/// Everything the effects need: the data source, the sign-in broker, the PIN hash, and the way back.
/// The sign-in brokers: the citizen's (MitID), and the staff issuer for sign-in with a member of staff.
#[derive(Clone, Default)]
pub struct Brokers {
    pub citizen: Option<Arc<dyn Broker>>,
    pub staff: Option<Arc<dyn Broker>>,
}

pub struct Runner {
    pub source: Arc<dyn DataSource>,
    pub brokers: Brokers,
    pub pin_hash: Option<String>,
    pub speaker: super::speech::Speaker,
    pub tx: UnboundedSender<Msg>,
}

impl Runner {
    /// Starts one effect. Every effect is named here, so none can fall through unhandled.
    pub fn run(&self, effect: Effect) -> Option<Control> {
        match effect {
            Effect::Fetch {
                generation,
                principal,
                request,
            } => self.fetch(generation, principal, request),
            Effect::PurgeScreen => return Some(Control::Purge),
            Effect::Quit => return Some(Control::Quit),
            Effect::EndSession => {
                let source = self.source.clone();
                tokio::task::spawn_blocking(move || source.end_session());
            }
            Effect::CheckPin(pin) => {
                let (hash, tx) = (self.pin_hash.clone(), self.tx.clone());
                tokio::task::spawn_blocking(move || {
                    let ok = super::pin::verify(hash.as_deref(), &pin);
                    let _ = tx.send(Msg::PinChecked(ok));
                });
            }
            Effect::Auth(call) => self.sign_in(call),
            Effect::Speak(u) => return Some(Control::Speak(u)),
            Effect::StopSpeaking => self.speaker.stop(),
        }
        None
    }

    /// Says `sentences` for utterance `u` (the screen's script, from the model).
    pub fn speak(&self, u: crate::kiosk::Utterance, sentences: Vec<String>) {
        self.speaker.speak(u, sentences, self.tx.clone());
    }

    /// Runs a call to the sign-in broker in the background; its answer, if any, comes back as a msg.
    fn sign_in(&self, call: AuthEffect) {
        match call {
            AuthEffect::Start { attempt } => self.auth(move |b| {
                Some(Msg::DeviceStarted {
                    attempt,
                    result: b.map_or(Err(AuthError::Unreachable), |b| b.start()),
                })
            }),
            AuthEffect::Poll {
                attempt,
                device_code,
            } => self.auth(move |b| {
                Some(Msg::Polled {
                    attempt,
                    poll: b.map_or(Poll::Unreachable, |b| b.poll(&device_code)),
                })
            }),
            AuthEffect::Refresh {
                generation,
                refresh,
            } => self.auth(move |b| {
                Some(Msg::Refreshed {
                    generation,
                    result: b.map_or(Err(AuthError::Unreachable), |b| b.refresh(&refresh)),
                })
            }),
            AuthEffect::Revoke(token) => self.auth(move |b| {
                if let Some(b) = b {
                    b.revoke(&token);
                }
                None
            }),
            AuthEffect::StaffStart { attempt } => self.staff_auth(move |b| {
                Some(Msg::DeviceStarted {
                    attempt,
                    result: b.map_or(Err(AuthError::Unreachable), |b| b.start()),
                })
            }),
            AuthEffect::StaffPoll {
                attempt,
                device_code,
            } => self.staff_auth(move |b| {
                Some(Msg::Polled {
                    attempt,
                    poll: b.map_or(Poll::Unreachable, |b| b.poll(&device_code)),
                })
            }),
        }
    }

    /// [`Runner::auth`] at the staff issuer.
    fn staff_auth<F>(&self, call: F)
    where
        F: FnOnce(Option<&dyn Broker>) -> Option<Msg> + Send + 'static,
    {
        self.auth_at(self.brokers.staff.clone(), call);
    }

    /// Starts a source call in the background; its answer is sent as `Msg::Loaded`.
    fn fetch(&self, generation: u64, principal: Option<Principal>, request: Request) {
        let (source, tx) = (self.source.clone(), self.tx.clone());
        let name = request_name(&request);
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let result = run_effect(source.as_ref(), principal.as_ref(), request);
            let ms = started.elapsed().as_millis() as u64;
            match result.error().map(SourceError::message_id) {
                Some(error) => tracing::warn!(request = name, ms, error, "source call failed"),
                None => tracing::debug!(request = name, ms, "source call done"),
            }
            // The loop may have ended; then nobody needs the answer.
            let _ = tx.send(Msg::Loaded { generation, result });
        });
    }

    /// Runs a call to the citizens' broker in the background; its answer, if any, comes back as a msg.
    fn auth<F>(&self, call: F)
    where
        F: FnOnce(Option<&dyn Broker>) -> Option<Msg> + Send + 'static,
    {
        self.auth_at(self.brokers.citizen.clone(), call);
    }

    fn auth_at<F>(&self, broker: Option<Arc<dyn Broker>>, call: F)
    where
        F: FnOnce(Option<&dyn Broker>) -> Option<Msg> + Send + 'static,
    {
        let tx = self.tx.clone();
        tokio::task::spawn_blocking(move || {
            if let Some(msg) = call(broker.as_deref()) {
                let _ = tx.send(msg);
            }
        });
    }
}

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
        Request::Represented => Loaded::Represented(who().and_then(|p| source.represented(p))),
        Request::Overview => Loaded::Overview(who().and_then(|p| source.overview(p))),
        Request::Systems => Loaded::Systems(who().and_then(|p| source.systems(p))),
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
        Request::Report(id, lang) => {
            Loaded::Reported(who().and_then(|p| source.report_access(p, id, lang)))
        }
        Request::Reports => Loaded::Reports(who().and_then(|p| source.access_reports(p))),
        Request::Consents => Loaded::Consents(who().and_then(|p| source.consents(p))),
        Request::Withdraw(id, lang) => {
            Loaded::Withdrawn(who().and_then(|p| source.withdraw_consent(p, id, lang)))
        }
        Request::Decisions => Loaded::Decisions(who().and_then(|p| source.decision_support(p))),
        Request::Requests => Loaded::Requests(who().and_then(|p| source.requests(p))),
        Request::MarkRequestsSeen => {
            Loaded::RequestsSeen(who().and_then(|p| source.mark_requests_seen(p)))
        }
        Request::RecordVisit(visit) => {
            Loaded::VisitRecorded(who().and_then(|p| source.record_visit(p, &visit)))
        }
        Request::OpenAssisted { staff, cpr } => {
            Loaded::AssistedOpened(source.open_assisted(&staff, &cpr))
        }
        Request::EndAssisted => {
            if let Some(p) = principal {
                source.end_assisted(p);
            }
            Loaded::AssistedEnded
        }
        // Never with a principal: the answer is not tied to the citizen.
        Request::Feedback(feedback) => Loaded::FeedbackRecorded(source.record_feedback(&feedback)),
    }
}

/// The request's name, for logs (never its arguments).
fn request_name(r: &Request) -> &'static str {
    match r {
        Request::DemoCitizens => "demo_citizens",
        Request::Citizen => "citizen",
        Request::OpenAssisted { .. } => "open_assisted",
        Request::EndAssisted => "end_assisted",
        Request::Represented => "represented",
        Request::Overview => "overview",
        Request::Systems => "systems",
        Request::Areas => "areas",
        Request::Categories(_) => "categories",
        Request::Category(_) => "category",
        Request::Purposes => "purposes",
        Request::Organisations => "organisations",
        Request::AccessPage { .. } => "access_page",
        Request::AccessEntry(_) => "access_entry",
        Request::Report(..) => "report",
        Request::Reports => "reports",
        Request::Consents => "consents",
        Request::Withdraw(..) => "withdraw",
        Request::Decisions => "decisions",
        Request::Requests => "requests",
        Request::MarkRequestsSeen => "mark_requests_seen",
        Request::RecordVisit(_) => "record_visit",
        Request::Feedback(_) => "feedback",
    }
}
