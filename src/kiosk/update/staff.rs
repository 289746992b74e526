//! Sign-in with a member of staff, for a citizen without MitID on their phone (pure logic). On a kiosk
//! configured for it, the device sign-in offers it: the member of staff signs in with their own staff
//! account (a device flow at the staff issuer), checks the citizen's ID and types the citizen's CPR
//! number, which is never shown. The server opens a session for that citizen, bound to the staff sign-in;
//! from then on it is an ordinary session, with "a member of staff" as the helper.

use super::super::effect::{Effect, Request};
use super::super::model::{Model, Notice};
use super::super::screen::Screen;
use super::super::staff::{Broker, CPR_DIGITS, StaffEntry, StaffProblem};
use super::{Key, push};
use crate::domain::Cpr;
use crate::domain::port::{AccessToken, SourceError};

/// "I don't have MitID on my phone": the device sign-in starts over at the staff issuer.
pub fn start(model: &mut Model) -> Vec<Effect> {
    if !model.settings.staff_sign_in || model.device_broker == Broker::Staff {
        return Vec::new();
    }
    model.device_broker = Broker::Staff;
    super::device::start(model)
}

/// The member of staff has signed in: the CPR entry opens.
pub fn signed_in(model: &mut Model, staff: AccessToken) {
    model.device_broker = Broker::Citizen;
    if *model.screen() == Screen::DeviceSignIn {
        model.stack.pop();
    }
    model.staff = Some(StaffEntry {
        staff,
        digits: String::new(),
        sending: false,
        problem: None,
    });
    push(model, Screen::StaffCpr);
}

/// Leaves the CPR entry: the digits and the staff token are forgotten.
pub fn cancel(model: &mut Model) {
    model.staff = None;
    if *model.screen() == Screen::StaffCpr {
        model.stack.pop();
    }
}

/// A key on the CPR entry: digits, Backspace, Enter to open the visit, Esc to cancel. Other keys are the
/// screen's commands (`None`).
pub fn key(model: &mut Model, key: Key) -> Option<Vec<Effect>> {
    let entry = model.staff.as_mut()?;
    if entry.sending {
        return Some(Vec::new());
    }
    match key {
        Key::Char(c) if c.is_ascii_digit() => {
            if entry.digits.len() < CPR_DIGITS {
                entry.digits.push(c);
            }
            entry.problem = None;
            Some(Vec::new())
        }
        Key::Backspace => {
            entry.digits.pop();
            entry.problem = None;
            Some(Vec::new())
        }
        Key::Esc => {
            cancel(model);
            Some(Vec::new())
        }
        Key::Enter => Some(submit(model)),
        _ => None,
    }
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let Some(entry) = model.staff.as_mut() else {
        return Vec::new();
    };
    let cpr = (entry.digits.len() == CPR_DIGITS)
        .then(|| Cpr::parse(&entry.digits))
        .flatten();
    let Some(cpr) = cpr else {
        entry.problem = Some(StaffProblem::Incomplete);
        return Vec::new();
    };
    entry.sending = true;
    let staff = entry.staff.clone();
    vec![Effect::Fetch {
        generation: model.generation,
        principal: None,
        request: Request::OpenAssisted { staff, cpr },
    }]
}

/// The server's answer: a session for the citizen (then an ordinary sign-in, with staff as the helper),
/// or why not, said to the member of staff on the entry screen.
pub fn opened(model: &mut Model, result: Result<AccessToken, SourceError>) -> Vec<Effect> {
    let Some(entry) = model.staff.as_mut() else {
        return Vec::new();
    };
    entry.sending = false;
    match result {
        Ok(token) => {
            model.staff = None;
            super::sign_in::sign_in_with(
                model,
                crate::domain::port::Principal::Bearer(token),
                None,
                super::super::screen::Helper::Staff,
            )
        }
        Err(SourceError::Unauthorized) => {
            // The staff sign-in has expired: start over.
            cancel(model);
            model.notice = Some(Notice::Error(SourceError::Unauthorized));
            Vec::new()
        }
        Err(e) => {
            entry.problem = Some(match e {
                SourceError::UnknownCitizen | SourceError::NotFound => StaffProblem::UnknownCitizen,
                SourceError::Forbidden(code) if code == "not_configured" => {
                    StaffProblem::KioskNotAllowed
                }
                SourceError::Forbidden(_) => StaffProblem::NoRole,
                _ => StaffProblem::Failed,
            });
            zeroize::Zeroize::zeroize(&mut entry.digits);
            Vec::new()
        }
    }
}
