//! Acting for someone else: a parent for a child in their custody, a person with digital power of
//! attorney. The server decides whom a signed-in citizen may act for; the kiosk only shows its answer.

use serde::{Deserialize, Serialize};

/// On what grounds a person may see another person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A child in the person's custody (from the Folkeregister).
    Custody,
    /// Digital power of attorney (from the sign-in's privilege list).
    PowerOfAttorney,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::Custody => "custody",
            Basis::PowerOfAttorney => "power_of_attorney",
        }
    }

    pub fn from_code(s: &str) -> Option<Basis> {
        [Basis::Custody, Basis::PowerOfAttorney]
            .into_iter()
            .find(|b| b.code() == s)
    }
}

/// A person the signed-in citizen may act for, as the server checked it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Represented {
    /// What the kiosk sends back to act for this person: opaque, and good only with the same sign-in.
    pub handle: String,
    pub name: String,
    pub basis: Basis,
    /// The privilege covers acting too: withdrawing a consent, filing a report. Custody always does.
    pub may_act: bool,
}

impl std::fmt::Debug for Represented {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Represented")
            .field("name", &"[REDACTED]")
            .field("basis", &self.basis)
            .field("may_act", &self.may_act)
            .finish()
    }
}

impl Drop for Represented {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.handle.zeroize();
        self.name.zeroize();
    }
}

/// An access-log entry that one person made in another's name, as each of them sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "side", rename_all = "snake_case")]
pub enum OnBehalf {
    /// Someone looked at this citizen's data, on this basis; `name` is theirs.
    By { basis: Basis, name: String },
    /// This citizen looked at someone else's data; `name` is the other person's.
    For { basis: Basis, name: String },
    /// A member of staff opened the visit for this citizen after checking their ID (no MitID on their
    /// phone). Who the staff member was is kept for the municipality's audit, not here.
    Assisted,
}

impl OnBehalf {
    /// How it is stored: `by_custody`, `for_power_of_attorney`, …, with the other person's name apart.
    pub fn code(&self) -> String {
        match self {
            OnBehalf::By { basis, .. } => format!("by_{}", basis.code()),
            OnBehalf::For { basis, .. } => format!("for_{}", basis.code()),
            OnBehalf::Assisted => "assisted".into(),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            OnBehalf::By { name, .. } | OnBehalf::For { name, .. } => name,
            OnBehalf::Assisted => "",
        }
    }

    /// From the stored code and name; `None` for an unknown code.
    pub fn from_code(code: &str, name: String) -> Option<OnBehalf> {
        if code == "assisted" {
            return Some(OnBehalf::Assisted);
        }
        if let Some(b) = code.strip_prefix("by_") {
            return Basis::from_code(b).map(|basis| OnBehalf::By { basis, name });
        }
        code.strip_prefix("for_")
            .and_then(Basis::from_code)
            .map(|basis| OnBehalf::For { basis, name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_go_both_ways() {
        for basis in [Basis::Custody, Basis::PowerOfAttorney] {
            for e in [
                OnBehalf::By {
                    basis,
                    name: "A".into(),
                },
                OnBehalf::For {
                    basis,
                    name: "A".into(),
                },
            ] {
                assert_eq!(OnBehalf::from_code(&e.code(), "A".into()), Some(e));
            }
        }
        assert_eq!(OnBehalf::from_code("by_friend", String::new()), None);
        assert_eq!(
            OnBehalf::from_code("assisted", String::new()),
            Some(OnBehalf::Assisted)
        );
    }
}
