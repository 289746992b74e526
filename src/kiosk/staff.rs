//! Sign-in with a member of staff, as state: whose device sign-in is on screen, the CPR entry after a
//! member of staff signed in, and why a visit was not opened. The logic is `update::staff`.

use crate::domain::port::AccessToken;

/// The digits of a CPR number.
pub const CPR_DIGITS: usize = 10;

/// Who the device sign-in on screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Broker {
    /// The citizen, on their phone with MitID.
    #[default]
    Citizen,
    /// A member of staff, with their staff account.
    Staff,
}

/// Why the visit was not opened, as the member of staff is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffProblem {
    /// Fewer than ten digits, or not a CPR number.
    Incomplete,
    /// The staff account lacks the role that may open visits.
    NoRole,
    /// This kiosk is not set up for it on the server.
    KioskNotAllowed,
    /// The server knows no citizen with this number.
    UnknownCitizen,
    /// The server could not be asked.
    Failed,
}

impl StaffProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            StaffProblem::Incomplete => "staff-cpr-incomplete",
            StaffProblem::NoRole => "staff-refused-role",
            StaffProblem::KioskNotAllowed => "staff-refused-kiosk",
            StaffProblem::UnknownCitizen => "staff-unknown-cpr",
            StaffProblem::Failed => "staff-failed",
        }
    }
}

/// The CPR entry after the member of staff signed in: their token and the digits typed so far.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffEntry {
    pub staff: AccessToken,
    pub digits: String,
    /// The server is asked now.
    pub sending: bool,
    pub problem: Option<StaffProblem>,
}

impl std::fmt::Debug for StaffEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaffEntry")
            .field("digits", &self.digits.len())
            .field("sending", &self.sending)
            .field("problem", &self.problem)
            .finish_non_exhaustive()
    }
}

impl Drop for StaffEntry {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.digits);
    }
}
