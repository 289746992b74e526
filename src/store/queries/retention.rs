//! The retention rule in plain words, from the catalogue's rule as data (a citizen reads it on the category
//! screen), and the concrete deletion date from a holding's retention start.

use crate::catalogue::{Retention, RetentionRule, RetentionStart};
use crate::domain::Text;

/// The retention rule of a catalogue category (`retention_years`, `retention_after`, `retention_end_of_year`
/// as stored) as the catalogue's own type.
pub(crate) fn from_columns(
    years: Option<i64>,
    after: Option<String>,
    end_of_year: bool,
) -> Retention {
    let after = after.as_deref().and_then(|a| match a {
        "last_use" => Some(RetentionStart::LastUse),
        "case_closed" => Some(RetentionStart::CaseClosed),
        "collected" => Some(RetentionStart::Collected),
        "decision" => Some(RetentionStart::Decision),
        _ => None,
    });
    let years = years.and_then(|y| u8::try_from(y).ok());
    Retention {
        years,
        after,
        end_of_year,
        as_long_as_law_requires: years.is_none() || after.is_none(),
    }
}

/// The rule in plain Danish and English.
pub fn rule_text(retention: &Retention) -> Text {
    match retention.rule() {
        RetentionRule::AsLongAsLawRequires => Text::new(
            "Gemmes, så længe loven kræver det. Der er ingen fast slettedato.",
            "Kept as long as the law requires. There is no set deletion date.",
        ),
        RetentionRule::Years {
            years,
            after,
            end_of_year,
        } => {
            let (da_event, en_event) = match after {
                RetentionStart::LastUse => {
                    ("oplysningerne sidst blev brugt", "the data was last used")
                }
                RetentionStart::CaseClosed => ("sagen blev lukket", "the case was closed"),
                RetentionStart::Collected => {
                    ("oplysningerne blev indsamlet", "the data was collected")
                }
                RetentionStart::Decision => ("afgørelsen blev truffet", "the decision was made"),
            };
            let plural = if years == 1 { "" } else { "s" };
            if end_of_year {
                Text::new(
                    format!("Gemmes i {years} år fra udgangen af det år, hvor {da_event}."),
                    format!("Kept for {years} year{plural} from the end of the year {en_event}."),
                )
            } else {
                Text::new(
                    format!("Gemmes i {years} år fra den dag, {da_event}."),
                    format!("Kept for {years} year{plural} from the day {en_event}."),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_reads_as_the_catalogue_says() {
        let r = from_columns(Some(5), Some("last_use".into()), true);
        assert_eq!(
            rule_text(&r).da,
            "Gemmes i 5 år fra udgangen af det år, hvor oplysningerne sidst blev brugt."
        );
        assert_eq!(
            rule_text(&from_columns(Some(1), Some("case_closed".into()), false)).en,
            "Kept for 1 year from the day the case was closed."
        );
        let none = from_columns(None, None, false);
        assert_eq!(none.rule(), RetentionRule::AsLongAsLawRequires);
        assert!(
            rule_text(&none)
                .en
                .starts_with("Kept as long as the law requires")
        );
    }
}
