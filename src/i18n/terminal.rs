//! The language of messages on the command line, chosen from the locale variables.
//!
//! The choice is a pure function of the variables' values, tested with a table; reading the environment is
//! kept apart in [`terminal_lang`].

use crate::domain::Lang;

/// The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides, as POSIX orders
/// them; a value that names neither Danish nor English (`C`, `POSIX`, `de_DE.UTF-8`) gives Danish, the
/// default. An empty value counts as unset.
pub fn choose_lang(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
    [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// The language of messages on the command line, from `LC_ALL`, `LC_MESSAGES` or `LANG` (Danish if unset).
pub fn terminal_lang() -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    choose_lang(
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, and the language they give.
    type Row = (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Lang,
    );

    #[test]
    fn the_locale_variables_choose_the_language() {
        let table: &[Row] = &[
            (None, None, None, Lang::Da),
            (None, None, Some("en_GB.UTF-8"), Lang::En),
            (None, None, Some("da_DK.UTF-8"), Lang::Da),
            (None, None, Some("en"), Lang::En),
            (None, None, Some("C"), Lang::Da),
            (None, None, Some("POSIX"), Lang::Da),
            (None, None, Some("de_DE.UTF-8"), Lang::Da),
            (None, Some("en_US.UTF-8"), Some("da_DK.UTF-8"), Lang::En),
            (
                Some("da_DK.UTF-8"),
                Some("en_US.UTF-8"),
                Some("en_GB"),
                Lang::Da,
            ),
            (Some("en_DK.UTF-8"), None, Some("da_DK.UTF-8"), Lang::En),
            (Some(""), None, Some("en_GB.UTF-8"), Lang::En),
            (Some(""), Some(""), Some(""), Lang::Da),
        ];
        for &(all, messages, lang, want) in table {
            assert_eq!(
                choose_lang(all, messages, lang),
                want,
                "LC_ALL={all:?} LC_MESSAGES={messages:?} LANG={lang:?}"
            );
        }
    }
}
