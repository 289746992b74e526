use super::Text;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A factor that mattered for a tool's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    pub name: Text,
    /// How it pulled the result, in plain words ("raised the need for training").
    pub effect: Text,
}

/// A use of a decision-support or AI tool in one of the citizen's cases (GDPR Art. 15(1)(h)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSupport {
    pub id: i64,
    /// The tool's name, e.g. "Rehabiliteringsplanlægning".
    pub tool: Text,
    /// What it is for.
    pub purpose: Text,
    /// Which of the citizen's data it used.
    pub inputs: Vec<Text>,
    /// How it helps the caseworker.
    pub how_it_helps: Text,
    /// What the person who decides does; a person always decides.
    pub human_role: Text,
    /// The result for this citizen.
    pub result: Text,
    pub factors: Vec<Factor>,
    pub how_to_object: Text,
    pub used_at: Timestamp,
    pub case_ref: Option<String>,
    pub area: String,
}
