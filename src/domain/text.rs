use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroize;

/// The two languages of the kiosk. Danish is the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// The BCP 47 code, as used in URLs and config: `da` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parses `da`/`en` (and regional forms like `da-DK`, `en_GB`), case-insensitively.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "da" | "dk" | "dansk" => Some(Lang::Da),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language: what the language key switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text a citizen reads, in both languages. Data texts come bilingual from the source.
///
/// It may hold personal data (a value of a data category), so it is zeroized on drop.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Zeroize)]
#[zeroize(drop)]
pub struct Text {
    pub da: String,
    pub en: String,
}

impl Text {
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            da: da.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages (a name, a number, a case reference).
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            da: s.clone(),
            en: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }

    /// True when either language contains `needle` (case-insensitive; `needle` must be lowercase).
    pub fn contains_lower(&self, needle: &str) -> bool {
        self.da.to_lowercase().contains(needle) || self.en.to_lowercase().contains(needle)
    }
}

/// Debug shows no content: a text may be a citizen's personal data, and Debug output ends up in logs.
impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text([{} chars])", self.da.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parses_regional_forms() {
        assert_eq!(Lang::parse("da-DK"), Some(Lang::Da));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn text_debug_hides_content() {
        let t = Text::new("Hjemmehjælp", "Home care");
        let dbg = format!("{t:?}");
        assert!(!dbg.contains("Hjemme"));
        assert!(!dbg.contains("Home"));
    }
}
