#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `locales/da.ftl` and `locales/en.ftl` parse, have no duplicate or empty messages, hold the same message
//! ids, and each message uses the same variables in both files (in selectors, variants and attributes too).
//! Every message id the code asks for exists in both files.

mod locale_ids;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

type Vars = BTreeSet<String>;

struct Locale {
    /// Message id (and `-term` id) → the variables it uses.
    messages: BTreeMap<String, Vars>,
}

fn load(name: &str) -> Locale {
    let path = format!("{}/locales/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name}: syntax errors: {errors:?}"),
    };
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            Entry::Junk { content } => panic!("{name}: junk: {content}"),
            _ => continue,
        };
        let mut vars = Vars::new();
        match value {
            Some(pattern) => {
                assert!(!is_empty(pattern), "{name}: `{id}` is empty");
                pattern_vars(pattern, &mut vars);
            }
            None => assert!(!attributes.is_empty(), "{name}: `{id}` has no value"),
        }
        for attribute in attributes {
            assert!(
                !is_empty(&attribute.value),
                "{name}: `{id}.{}` is empty",
                attribute.id.name
            );
            pattern_vars(&attribute.value, &mut vars);
        }
        assert!(
            messages.insert(id.clone(), vars).is_none(),
            "{name}: `{id}` is defined twice"
        );
    }
    Locale { messages }
}

fn is_empty(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().all(|e| match e {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable { .. } => false,
    })
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut Vars) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut Vars) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut Vars) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn danish_and_english_have_the_same_messages_and_variables() {
    let da = load("da.ftl");
    let en = load("en.ftl");

    let da_ids: BTreeSet<&String> = da.messages.keys().collect();
    let en_ids: BTreeSet<&String> = en.messages.keys().collect();
    let only_da: Vec<_> = da_ids.difference(&en_ids).collect();
    let only_en: Vec<_> = en_ids.difference(&da_ids).collect();
    assert!(
        only_da.is_empty() && only_en.is_empty(),
        "message ids differ: only in da.ftl: {only_da:?}; only in en.ftl: {only_en:?}"
    );

    let mismatched: Vec<String> = da
        .messages
        .iter()
        .filter_map(|(id, da_vars)| {
            let en_vars = &en.messages[id];
            (da_vars != en_vars)
                .then(|| format!("`{id}`: da.ftl uses {da_vars:?}, en.ftl uses {en_vars:?}"))
        })
        .collect();
    assert!(
        mismatched.is_empty(),
        "variables differ:\n{}",
        mismatched.join("\n")
    );
}

#[test]
fn variables_are_found_in_selectors_variants_and_attributes() {
    let source = "a = { $n ->\n    [one] x { $y }\n   *[other] z\n}\n    .title = { $t }\n";
    let resource = fluent_syntax::parser::parse(source).unwrap();
    let Entry::Message(m) = &resource.body[0] else {
        panic!("expected a message");
    };
    let mut vars = Vars::new();
    pattern_vars(m.value.as_ref().unwrap(), &mut vars);
    for attribute in &m.attributes {
        pattern_vars(&attribute.value, &mut vars);
    }
    assert_eq!(vars, Vars::from(["n".into(), "y".into(), "t".into()]));
}

#[test]
fn every_message_id_the_code_asks_for_exists_in_both_files() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let used = locale_ids::ids_used_in(&src);
    // The reader must see the code's ids at all: far more than a handful are in use.
    assert!(used.len() > 200, "only {} ids found in src/", used.len());
    for (file, locale) in [("da.ftl", load("da.ftl")), ("en.ftl", load("en.ftl"))] {
        let missing: Vec<String> = used
            .iter()
            .filter(|(id, _)| !locale.messages.contains_key(*id))
            .map(|(id, at)| format!("`{id}` (used at {at})"))
            .collect();
        assert!(
            missing.is_empty(),
            "{file} lacks ids the code uses:\n{}",
            missing.join("\n")
        );
    }
}

#[test]
fn the_id_reader_sees_calls_returned_ids_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("kiosk")).unwrap();
    std::fs::write(
        src.join("a.rs"),
        r#"fn f(c: &C) { c.t("one-id"); t(lang, "two-id"); tr(model.lang, "three-id", &[]); format!("not-an-id"); }
impl E { pub fn message_id(&self) -> &'static str { match self { E::A => "four-id", E::B => "five-id" } } }
fn name(self) -> &'static str { "route-name" }
"#,
    )
    .unwrap();
    std::fs::write(
        src.join("kiosk/keymap.rs"),
        r#"b(Keys::One(Key::Up), C::Up, "key-up", "hint-up", "help-up", "other-thing");"#,
    )
    .unwrap();
    let found: Vec<String> = locale_ids::ids_used_in(&src).into_keys().collect();
    assert_eq!(
        found,
        [
            "five-id", "four-id", "help-up", "hint-up", "key-up", "one-id", "three-id", "two-id"
        ]
    );
}
