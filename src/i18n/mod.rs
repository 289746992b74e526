//! Localized text: Fluent bundles for Danish and English, compiled in from `locales/`.
//!
//! Every user-visible sentence comes from `locales/da.ftl` or `locales/en.ftl`. The two files hold the same
//! message ids with the same variables (a test checks it). Isolation marks are off: they would show in a
//! terminal.

mod terminal;

pub use terminal::{choose_lang, terminal_lang};

use crate::domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

pub const DA_FTL: &str = include_str!("../../locales/da.ftl");
pub const EN_FTL: &str = include_str!("../../locales/en.ftl");

/// The two bundles.
pub struct Locales {
    da: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: LanguageIdentifier, source: &str) -> FluentBundle<FluentResource> {
    // A syntax error in a compiled-in file is caught by the tests; at run time we keep what parsed.
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, _errors)) => r,
    };
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    // Duplicate ids are caught by the tests; the first one wins here.
    let _ = bundle.add_resource(resource);
    bundle
}

impl Locales {
    fn load() -> Locales {
        Locales {
            da: bundle(unic_langid::langid!("da"), DA_FTL),
            en: bundle(unic_langid::langid!("en"), EN_FTL),
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }

    /// The message `id` in `lang`, with `args`. A missing id shows the id itself (never a panic);
    /// the parity test keeps that from reaching a citizen.
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

fn locales() -> &'static Locales {
    static LOCALES: OnceLock<Locales> = OnceLock::new();
    LOCALES.get_or_init(Locales::load)
}

/// The message `id` in `lang`.
pub fn t(lang: Lang, id: &str) -> String {
    locales().format(lang, id, None)
}

/// The message `id` in `lang`, with named arguments.
pub fn tr<'a>(lang: Lang, id: &str, args: &[(&'a str, FluentValue<'a>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    locales().format(lang, id, Some(&fargs))
}

/// The sentence that explains an entry made in another's name, from the side of the log it is in.
pub fn on_behalf_sentence(lang: Lang, side: &crate::domain::OnBehalf) -> String {
    use crate::domain::{Basis, OnBehalf};
    let id = match side {
        OnBehalf::By {
            basis: Basis::Custody,
            ..
        } => "entry-actor-by-custody",
        OnBehalf::By {
            basis: Basis::PowerOfAttorney,
            ..
        } => "entry-actor-by-power-of-attorney",
        OnBehalf::For {
            basis: Basis::Custody,
            ..
        } => "entry-actor-for-custody",
        OnBehalf::For {
            basis: Basis::PowerOfAttorney,
            ..
        } => "entry-actor-for-power-of-attorney",
        OnBehalf::Assisted => "entry-actor-assisted",
    };
    tr(lang, id, &[("name", side.name().to_owned().into())])
}

/// The kiosk's time zone. Falls back to UTC only if the bundled database lacks it.
pub fn copenhagen() -> TimeZone {
    TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC)
}

fn month(lang: Lang, m: i8) -> String {
    t(lang, &format!("month-short-{m}"))
}

/// `29. nov. 2026 kl. 14.05` in Danish, `29 Nov 2026, 14:05` in English, in Copenhagen time.
pub fn format_datetime(lang: Lang, at: Timestamp) -> String {
    let z = at.to_zoned_datetime(copenhagen());
    let (d, m, y, h, min) = (z.day(), z.month(), z.year(), z.hour(), z.minute());
    match lang {
        Lang::Da => format!("{d}. {} {y} kl. {h:02}.{min:02}", month(lang, m)),
        Lang::En => format!("{d} {} {y}, {h:02}:{min:02}", month(lang, m)),
    }
}

/// `29. nov. 2026` in Danish, `29 Nov 2026` in English.
pub fn format_date(lang: Lang, date: Date) -> String {
    let (d, m, y) = (date.day(), date.month(), date.year());
    match lang {
        Lang::Da => format!("{d}. {} {y}", month(lang, m)),
        Lang::En => format!("{d} {} {y}", month(lang, m)),
    }
}

/// The date of a timestamp in Copenhagen.
pub fn format_day(lang: Lang, at: Timestamp) -> String {
    format_date(lang, at.to_zoned_datetime(copenhagen()).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        // 13:05 UTC is 14:05 in Copenhagen in November (CET).
        let at: Timestamp = "2026-11-29T13:05:00Z".parse().unwrap();
        assert_eq!(format_datetime(Lang::Da, at), "29. nov. 2026 kl. 14.05");
        assert_eq!(format_datetime(Lang::En, at), "29 Nov 2026, 14:05");
        // Summer time: UTC+2.
        let summer: Timestamp = "2026-07-01T08:00:00Z".parse().unwrap();
        assert_eq!(format_datetime(Lang::Da, summer), "1. jul. 2026 kl. 10.00");
        assert_eq!(
            format_date(Lang::En, Date::constant(2031, 5, 3)),
            "3 May 2031"
        );
        assert_eq!(
            format_date(Lang::Da, Date::constant(2031, 5, 3)),
            "3. maj 2031"
        );
    }

    #[test]
    fn missing_ids_fall_back_to_the_id() {
        assert_eq!(t(Lang::Da, "no-such-message"), "no-such-message");
    }
}
