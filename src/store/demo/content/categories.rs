//! Data category templates. A citizen's category is its catalogue entry plus the citizen's own field values.

use crate::domain::Text;

/// What a category's field values are made from.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// `ddmmyy-ssss`, with a birth date that does not exist (see `people`).
    pub cpr: String,
    pub address: String,
    pub city: String,
    pub born: i32,
    /// Varies the generated values between synthetic citizens.
    pub variant: u64,
}

/// One field's value, by the id its category declares in the catalogue (`[[category.fields]]`).
pub struct Field {
    pub id: &'static str,
    pub value: Text,
}

pub(super) fn f(id: &'static str, value: Text) -> Field {
    Field { id, value }
}

pub(super) fn s(v: impl Into<String>) -> Text {
    Text::same(v)
}

/// A category template: the catalogue category (`catalogue/categories/*.toml`) it belongs to, and how a
/// citizen's values for its fields are made. Everything else about the category is in the catalogue.
pub struct CategoryDef {
    pub key: &'static str,
    pub fields: fn(&Person) -> Vec<Field>,
}

/// Categories most citizens have: registers, benefits, housing, library.
pub const CATEGORIES: &[CategoryDef] = &[
    CategoryDef {
        key: "cpr_basic",
        fields: |p| {
            vec![
                f("name", s(p.name.clone())),
                f("cpr_number", s(p.cpr.clone())),
                f("address", s(format!("{}, {}", p.address, p.city))),
            ]
        },
    },
    CategoryDef {
        key: "cpr_family",
        fields: |p| {
            vec![
                f(
                    "marital_status",
                    match p.variant % 3 {
                        0 => Text::new("Gift", "Married"),
                        1 => Text::new("Ugift", "Unmarried"),
                        _ => Text::new("Enke/enkemand", "Widowed"),
                    },
                ),
                f(
                    "children_under_18_in_the_household",
                    s((p.variant % 3).to_string()),
                ),
            ]
        },
    },
    CategoryDef {
        key: "passport",
        fields: |p| {
            vec![
                f(
                    "passport_number",
                    s(format!("2{:08}", p.variant % 100_000_000)),
                ),
                f(
                    "expires",
                    Text::new(
                        format!("{}. maj 2034", 1 + p.variant % 28),
                        format!("{} May 2034", 1 + p.variant % 28),
                    ),
                ),
                f(
                    "fingerprints",
                    Text::new(
                        "Slettet, da passet blev udleveret",
                        "Deleted when the passport was handed out",
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "licence",
        fields: |p| {
            vec![
                f("category", s("B")),
                f(
                    "valid_until",
                    Text::new(
                        format!("{}. marts 2036", 1 + p.variant % 28),
                        format!("{} March 2036", 1 + p.variant % 28),
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "housing_benefit",
        fields: |p| {
            vec![
                f(
                    "rent",
                    Text::new(
                        format!("{} kr. om måneden", 4000 + 250 * (p.variant % 12)),
                        format!("DKK {} a month", 4000 + 250 * (p.variant % 12)),
                    ),
                ),
                f(
                    "housing_benefit",
                    Text::new(
                        format!("{} kr. om måneden", 900 + 40 * (p.variant % 30)),
                        format!("DKK {} a month", 900 + 40 * (p.variant % 30)),
                    ),
                ),
                f(
                    "household_income",
                    Text::new(
                        format!("{} kr. om året", 150_000 + 1000 * (p.variant % 90)),
                        format!("DKK {} a year", 150_000 + 1000 * (p.variant % 90)),
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "pension",
        fields: |p| {
            vec![
                f("state_pension_since", s((p.born + 67).to_string())),
                f(
                    "supplements",
                    Text::new(
                        "Pensionstillæg og ældrecheck",
                        "Pension supplement and senior cheque",
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "bbr",
        fields: |p| {
            vec![
                f(
                    "home",
                    Text::new(
                        format!("Rækkehus, {} m²", 80 + p.variant % 70),
                        format!("Terraced house, {} m²", 80 + p.variant % 70),
                    ),
                ),
                f("built", s((1950 + p.variant % 70).to_string())),
                f("heating", Text::new("Fjernvarme", "District heating")),
            ]
        },
    },
    CategoryDef {
        key: "waste",
        fields: |p| {
            vec![
                f(
                    "scheme",
                    Text::new(
                        "Restaffald og madaffald hver 14. dag",
                        "General and food waste every other week",
                    ),
                ),
                f(
                    "fee",
                    Text::new(
                        format!("{} kr. om året", 2000 + 50 * (p.variant % 20)),
                        format!("DKK {} a year", 2000 + 50 * (p.variant % 20)),
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "library",
        fields: |p| {
            vec![
                f("library_card", Text::new("Aktivt", "Active")),
                f("current_loans", s((p.variant % 6).to_string())),
                f("reservations", s((p.variant % 3).to_string())),
            ]
        },
    },
    CategoryDef {
        key: "library_newsletter",
        fields: |p| {
            vec![f(
                "e_mail",
                s(format!("laaner{}@example.dk", p.variant % 10_000)),
            )]
        },
    },
];

/// Every category template.
pub fn all() -> impl Iterator<Item = &'static CategoryDef> {
    CATEGORIES
        .iter()
        .chain(super::categories_cases::CASE_CATEGORIES)
}

pub fn find(key: &str) -> Option<&'static CategoryDef> {
    all().find(|c| c.key == key)
}
