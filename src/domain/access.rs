use super::Text;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What was done with the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Viewed,
    Created,
    Changed,
    /// Handed to another authority (e.g. Udbetaling Danmark).
    Disclosed,
    /// Taken out of the system (e.g. a file or a print).
    Exported,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Viewed,
        Action::Created,
        Action::Changed,
        Action::Disclosed,
        Action::Exported,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::Viewed => "viewed",
            Action::Created => "created",
            Action::Changed => "changed",
            Action::Disclosed => "disclosed",
            Action::Exported => "exported",
        }
    }

    pub fn from_code(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == s)
    }
}

/// A batch run (bulk processing) grouped into one line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// The source system's id of the run.
    pub run_id: String,
    /// How many of the citizen's records the run touched.
    pub records: u32,
}

/// One line of the access log: who looked at the citizen's data, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessEvent {
    pub id: i64,
    pub at: Timestamp,
    pub organisation: Text,
    pub unit: Text,
    pub role: Text,
    /// Shown only when the kiosk is configured to show employee names.
    pub employee: Option<String>,
    pub system: String,
    pub area: String,
    pub category: Text,
    pub action: Action,
    pub purpose: Text,
    pub case_ref: Option<String>,
    /// Set when the line stands for a batch run.
    pub batch: Option<Batch>,
    /// A deferred entry (e.g. during a police investigation) is not shown before this time.
    pub hidden_until: Option<Timestamp>,
    /// A reference the citizen can quote, e.g. in an "I don't recognise this" report.
    pub reference: String,
    /// Set on a kiosk visit made by one person in another's name (both see it, each from their side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<super::OnBehalf>,
}

/// The IT system under which the kiosk records the citizen's own visits in their log.
pub const KIOSK_SYSTEM: &str = "Indsigt";

/// Who acted in an access-log entry: the sentence that explains the entry depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The citizen themself, looking at their own data at a kiosk.
    Citizen,
    /// A batch run of an IT system, over this many of the citizen's records.
    Batch { records: u32 },
    /// A member of staff.
    Staff,
    /// Someone the citizen gave power of attorney, or a parent, looked at the citizen's data at a kiosk.
    Representative,
    /// The citizen looked at someone else's data at a kiosk (a child's, or with power of attorney).
    ForOther,
    /// The citizen, at a visit a member of staff opened after checking their ID.
    Assisted,
}

impl AccessEvent {
    /// Who acted, from the entry's facts: a kiosk visit is a view recorded by the kiosk's own system with
    /// no employee; a batch run has its run; everything else was done by a member of staff.
    pub fn actor(&self) -> Actor {
        if let Some(b) = &self.batch {
            return Actor::Batch { records: b.records };
        }
        match &self.on_behalf {
            Some(super::OnBehalf::By { .. }) => return Actor::Representative,
            Some(super::OnBehalf::For { .. }) => return Actor::ForOther,
            Some(super::OnBehalf::Assisted) => return Actor::Assisted,
            None => {}
        }
        let kiosk_visit =
            self.action == Action::Viewed && self.system == KIOSK_SYSTEM && self.employee.is_none();
        if kiosk_visit {
            Actor::Citizen
        } else {
            Actor::Staff
        }
    }
}

/// The free-text parts of an entry may name staff or a case: wiped when the entry is dropped.
impl Drop for AccessEvent {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.employee.zeroize();
        self.case_ref.zeroize();
        self.reference.zeroize();
        if let Some(super::OnBehalf::By { name, .. } | super::OnBehalf::For { name, .. }) =
            &mut self.on_behalf
        {
            name.zeroize();
        }
    }
}

/// Filters for an access-log page. All of them are optional and combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessFilter {
    /// Only entries at or after this time.
    pub from: Option<Timestamp>,
    /// Only entries before this time.
    pub to: Option<Timestamp>,
    /// An area code.
    pub area: Option<String>,
    /// An organisation id, as listed by the store.
    pub organisation: Option<i64>,
    pub action: Option<Action>,
    /// Free text, matched case-insensitively against organisation, unit, role, purpose, data and case reference.
    pub text: Option<String>,
}

impl AccessFilter {
    pub fn is_empty(&self) -> bool {
        *self == AccessFilter::default()
    }
}

/// Where the next page starts: the last entry of the previous page (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessCursor {
    pub at: Timestamp,
    pub id: i64,
}

impl AccessCursor {
    /// An opaque token for URLs: `<unix seconds>.<id>`.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at.as_second(), self.id)
    }

    pub fn decode(s: &str) -> Option<AccessCursor> {
        let (secs, id) = s.split_once('.')?;
        let at = Timestamp::from_second(secs.parse().ok()?).ok()?;
        Some(AccessCursor {
            at,
            id: id.parse().ok()?,
        })
    }
}

/// One page of the access log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessPage {
    pub entries: Vec<AccessEvent>,
    /// `None` on the last page.
    pub next: Option<AccessCursor>,
}

/// The state of an "I don't recognise this" report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Saved on the kiosk while the server cannot be reached; sent as soon as it can. Never stored by
    /// the server.
    Queued,
    /// Filed; the data protection officer has not yet looked at it.
    Received,
    UnderReview,
    Answered,
}

impl ReportStatus {
    pub fn code(self) -> &'static str {
        match self {
            ReportStatus::Queued => "queued",
            ReportStatus::Received => "received",
            ReportStatus::UnderReview => "under_review",
            ReportStatus::Answered => "answered",
        }
    }

    pub fn from_code(s: &str) -> Option<ReportStatus> {
        match s {
            "queued" => Some(ReportStatus::Queued),
            "received" => Some(ReportStatus::Received),
            "under_review" => Some(ReportStatus::UnderReview),
            "answered" => Some(ReportStatus::Answered),
            _ => None,
        }
    }
}

/// An "I don't recognise this" report on an access-log entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessReport {
    /// The report's own reference, told to the citizen.
    pub reference: String,
    pub event_id: i64,
    pub filed_at: Timestamp,
    pub status: ReportStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        let c = AccessCursor {
            at: Timestamp::from_second(1_700_000_000).unwrap(),
            id: 42,
        };
        assert_eq!(AccessCursor::decode(&c.encode()), Some(c));
        assert_eq!(AccessCursor::decode("x.1"), None);
        assert_eq!(AccessCursor::decode("17"), None);
    }

    fn event(system: &str, batch: Option<Batch>) -> AccessEvent {
        AccessEvent {
            id: 1,
            at: Timestamp::UNIX_EPOCH,
            organisation: Text::same("Borgerservice"),
            unit: Text::same("Kiosk"),
            role: Text::same("Selvbetjeningskiosk"),
            employee: None,
            system: system.into(),
            area: "citizen-service".into(),
            category: Text::same("Dine data"),
            action: Action::Viewed,
            purpose: Text::same("Indsigt"),
            case_ref: None,
            batch,
            hidden_until: None,
            reference: "LOG-1".into(),
            on_behalf: None,
        }
    }

    #[test]
    fn the_actor_follows_the_facts_of_the_entry() {
        assert_eq!(event(KIOSK_SYSTEM, None).actor(), Actor::Citizen);
        assert_eq!(event("KMD Nexus", None).actor(), Actor::Staff);
        let run = Batch {
            run_id: "r1".into(),
            records: 12,
        };
        assert_eq!(
            event("KMD Nexus", Some(run)).actor(),
            Actor::Batch { records: 12 }
        );
        let mut changed = event(KIOSK_SYSTEM, None);
        changed.action = Action::Changed;
        assert_eq!(changed.actor(), Actor::Staff);
        let mut named = event(KIOSK_SYSTEM, None);
        named.employee = Some("Jens".into());
        assert_eq!(named.actor(), Actor::Staff);
    }

    #[test]
    fn action_codes_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_code(a.code()), Some(a));
        }
    }
}
