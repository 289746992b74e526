//! The demo content: realistic Danish municipal data, every citizen-facing text in Danish and English.
//! All names of people are fictional.

pub mod categories;
pub mod categories_cases;
pub mod decisions;
pub mod events;
pub mod people;

use crate::domain::Text;

/// A static bilingual text: (Danish, English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T(pub &'static str, pub &'static str);

impl T {
    pub fn text(self) -> Text {
        Text::new(self.0, self.1)
    }
}

/// The fictional municipality of the demo.
pub const MUNICIPALITY: T = T("Eksempel Kommune", "Eksempel Kommune");
