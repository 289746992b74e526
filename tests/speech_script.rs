//! What read-aloud says, as a pure function of the model, on every screen in both languages over a real
//! demo store: the title first, then the item in focus; without a headset, no personal data at all.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, copy_source, demo_db};
use common::screens::SCREENS;
use indsigt::domain::Lang;
use indsigt::i18n::t;
use indsigt::ui::screens::{personal, script};

/// The citizen's own words on screen: name, CPR digits, and every value of the category on screen.
fn personal_values(k: &Kiosk) -> Vec<String> {
    let Some(s) = k.model.session.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(c) = s.citizen.ready() {
        out.push(c.name.clone());
        out.push(c.cpr.masked());
    }
    if let Some(cat) = s.category.ready() {
        for f in &cat.fields {
            out.push(f.value.get(k.model.lang).to_owned());
        }
    }
    out.retain(|v| v.chars().count() >= 3);
    out
}

#[test]
fn without_a_headset_no_screen_says_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 200);
    let mut checked_personal = 0;
    for (name, setup) in SCREENS {
        for lang in [Lang::Da, Lang::En] {
            let source = copy_source(&template, dir.path(), &format!("{name}-{}", lang.code()));
            let mut k = Kiosk::new(source);
            setup(&mut k, lang);
            let said = script(&k.model, false);
            let title = t(lang, indsigt::ui::title_id(k.model.screen()));
            assert_eq!(said.first(), Some(&title), "{name} {lang:?}: title first");
            assert!(
                said.last()
                    .unwrap()
                    .starts_with(&t(lang, "speech-keys")[..4]),
                "{name}: the keys last: {said:?}"
            );
            if personal(k.model.screen()) {
                checked_personal += 1;
                assert_eq!(said.len(), 3, "{name}: {said:?}");
                assert_eq!(said[1], t(lang, "speech-headset"), "{name}");
            }
            let text = said.join(" ");
            for v in personal_values(&k) {
                assert!(!text.contains(&v), "{name} {lang:?} says {v:?}: {text}");
            }
        }
    }
    assert!(checked_personal > 20, "{checked_personal}");
}

#[test]
fn the_category_says_none_of_its_values_without_a_headset_and_its_open_ones_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 200);
    for lang in [Lang::Da, Lang::En] {
        let mut k = Kiosk::new(copy_source(&template, dir.path(), lang.code()));
        k.sign_in(ELDERLY, lang);
        k.keys("1").keys("3").keys("1");
        let cat = k
            .model
            .session
            .as_ref()
            .unwrap()
            .category
            .ready()
            .unwrap()
            .clone();
        assert!(!cat.fields.is_empty());
        let without = script(&k.model, false).join(" ");
        let with = script(&k.model, true).join(" ");
        for f in &cat.fields {
            let value = f.value.get(lang);
            assert!(!without.contains(value), "{value:?} in {without}");
            if f.sensitive || cat.special {
                // Masked on screen, so masked when read: the V key shows (and reads) one at a time.
                assert!(!with.contains(value), "masked {value:?} in {with}");
            } else {
                assert!(with.contains(value), "{value:?} missing from {with}");
            }
        }
        assert!(with.contains(cat.name.get(lang)));
        assert!(
            !without.contains(cat.name.get(lang)),
            "the category's name is personal too"
        );
    }
}

#[test]
fn a_menu_says_the_item_in_focus_right_after_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let template = demo_db(dir.path(), 200);
    for lang in [Lang::Da, Lang::En] {
        let mut k = Kiosk::new(copy_source(&template, dir.path(), lang.code()));
        k.sign_in(ELDERLY, lang);
        k.key(indsigt::kiosk::Key::Down)
            .key(indsigt::kiosk::Key::Down);
        let said = script(&k.model, true);
        assert_eq!(said[0], t(lang, "title-overview"));
        assert!(
            said[1].starts_with(&t(lang, "section-access-log")),
            "{said:?}"
        );
        // Then the greeting, with the citizen's name (there is a headset).
        let name = &k
            .model
            .session
            .as_ref()
            .unwrap()
            .citizen
            .ready()
            .unwrap()
            .name;
        assert!(said[2].contains(name.as_str()), "{said:?}");
        // Every other section is said once.
        for id in [
            "section-data",
            "section-purposes",
            "section-consents",
            "section-rights",
        ] {
            let n = said.iter().filter(|s| s.starts_with(&t(lang, id))).count();
            assert_eq!(n, 1, "{id}: {said:?}");
        }
    }
}
