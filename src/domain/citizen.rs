use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroize;

/// A pseudonymous citizen id, stable across the store, the server and the logs.
/// It says nothing about the person (it is not derived from the CPR number).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CitizenId(pub String);

impl fmt::Display for CitizenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CPR number (`ddmmyy-ssss`). Shown masked (`ddmmyy-••••`), never logged, zeroized on drop.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize)]
#[zeroize(drop)]
#[serde(transparent)]
pub struct Cpr(String);

impl Cpr {
    /// Accepts `ddmmyyssss` or `ddmmyy-ssss`; stores it as `ddmmyy-ssss`.
    pub fn parse(s: &str) -> Option<Cpr> {
        let digits: String = s.chars().filter(|c| *c != '-').collect();
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let day: u32 = digits[0..2].parse().ok()?;
        let month: u32 = digits[2..4].parse().ok()?;
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            return None;
        }
        Some(Cpr(format!("{}-{}", &digits[0..6], &digits[6..])))
    }

    /// A number known only masked (`ddmmyy-••••`), as the store keeps it for a citizen created by ingest:
    /// [`Cpr::masked`] gives it back, and there is nothing more to reveal.
    pub fn from_masked(s: &str) -> Option<Cpr> {
        let (date, rest) = (s.get(0..6)?, s.get(6..)?);
        (date.chars().all(|c| c.is_ascii_digit()) && rest == "-••••").then(|| Cpr(s.to_owned()))
    }

    /// `ddmmyy-••••`: the birth date part and four dots.
    pub fn masked(&self) -> String {
        format!("{}-••••", self.0.get(0..6).unwrap_or("??????"))
    }

    /// The whole number, for the privacy screen's explicit reveal.
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cpr([REDACTED])")
    }
}

/// A citizen as the store knows them. Personal data; zeroized on drop.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citizen {
    pub id: CitizenId,
    /// The subject identifier that sign-in maps to (the `sub` claim of the MitID broker's token).
    pub subject: String,
    pub name: String,
    pub cpr: Cpr,
}

impl Drop for Citizen {
    fn drop(&mut self) {
        self.name.zeroize();
        self.subject.zeroize();
    }
}

impl fmt::Debug for Citizen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Citizen")
            .field("id", &self.id)
            .field("name", &"[REDACTED]")
            .field("cpr", &self.cpr)
            .finish_non_exhaustive()
    }
}

/// A line in the demo sign-in list: who the demo citizen is, in a few words.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenSummary {
    pub citizen: Citizen,
    /// Their life situation, e.g. "Pensioner with home care".
    pub situation: super::Text,
}

impl fmt::Debug for CitizenSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CitizenSummary")
            .field("citizen", &self.citizen)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_masks_the_serial() {
        let cpr = Cpr::parse("0101709999").unwrap();
        assert_eq!(cpr.masked(), "010170-••••");
        assert_eq!(cpr.reveal(), "010170-9999");
        assert!(!format!("{cpr:?}").contains("9999"));
    }

    #[test]
    fn cpr_rejects_garbage() {
        assert!(Cpr::parse("abc").is_none());
        assert!(Cpr::parse("3213701234").is_none());
        assert!(Cpr::parse("01017012345").is_none());
    }

    #[test]
    fn citizen_debug_hides_name() {
        let c = Citizen {
            id: CitizenId("c-1".into()),
            subject: "sub".into(),
            name: "Karen Jensen".into(),
            cpr: Cpr::parse("010170-9999").unwrap(),
        };
        assert!(!format!("{c:?}").contains("Karen"));
    }
}
