//! Data category templates. A citizen's category is a template plus the citizen's own field values.

use super::T;
use crate::domain::{Lawfulness, OriginKind, Text};

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

pub struct Field {
    pub label: T,
    pub value: Text,
    pub sensitive: bool,
}

pub(super) fn f(label: T, value: Text) -> Field {
    Field {
        label,
        value,
        sensitive: false,
    }
}

pub(super) fn secret(label: T, value: Text) -> Field {
    Field {
        label,
        value,
        sensitive: true,
    }
}

pub(super) fn s(v: impl Into<String>) -> Text {
    Text::same(v)
}

pub struct CategoryDef {
    pub key: &'static str,
    pub area: &'static str,
    pub kind: T,
    pub description: T,
    pub origin: OriginKind,
    pub origin_name: T,
    pub legal: &'static str,
    pub lawfulness: Lawfulness,
    /// Kept this many years from the end of the year of the last change; `None`: as long as the law requires.
    pub keep_years: Option<i16>,
    pub system: &'static str,
    pub special: bool,
    pub purposes: &'static [&'static str],
    pub recipients: &'static [T],
    pub fields: fn(&Person) -> Vec<Field>,
}

const UDK: T = T(
    "Udbetaling Danmark",
    "Udbetaling Danmark (Payments Denmark)",
);
const SKAT: T = T("Skattestyrelsen", "The Danish Tax Agency");
const CPR_REG: T = T("CPR-registret", "The CPR register");
const VURDST: T = T(
    "Vurderingsstyrelsen",
    "The Danish Property Assessment Agency",
);

const ADDRESS: T = T("Adresse", "Address");

/// Categories most citizens have: registers, benefits, housing, library.
pub const CATEGORIES: &[CategoryDef] = &[
    CategoryDef {
        key: "cpr_basic",
        area: "cpr",
        kind: T(
            "Navn, CPR-nummer og adresse",
            "Name, CPR number and address",
        ),
        description: T(
            "Det, der står om dig i CPR-registret.",
            "What the CPR register holds about you.",
        ),
        origin: OriginKind::CprRegister,
        origin_name: CPR_REG,
        legal: "cpr",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: None,
        system: "CPR",
        special: false,
        purposes: &["p_cpr"],
        recipients: &[UDK, SKAT],
        fields: |p| {
            vec![
                f(T("Navn", "Name"), s(p.name.clone())),
                secret(T("CPR-nummer", "CPR number"), s(p.cpr.clone())),
                f(ADDRESS, s(format!("{}, {}", p.address, p.city))),
            ]
        },
    },
    CategoryDef {
        key: "cpr_family",
        area: "cpr",
        kind: T("Familieforhold", "Family relations"),
        description: T(
            "Civilstand og børn, som de står i CPR.",
            "Marital status and children, as held in CPR.",
        ),
        origin: OriginKind::CprRegister,
        origin_name: CPR_REG,
        legal: "cpr",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: None,
        system: "CPR",
        special: false,
        purposes: &["p_cpr"],
        recipients: &[UDK],
        fields: |p| {
            vec![
                f(
                    T("Civilstand", "Marital status"),
                    match p.variant % 3 {
                        0 => Text::new("Gift", "Married"),
                        1 => Text::new("Ugift", "Unmarried"),
                        _ => Text::new("Enke/enkemand", "Widowed"),
                    },
                ),
                f(
                    T(
                        "Børn under 18 år i husstanden",
                        "Children under 18 in the household",
                    ),
                    s((p.variant % 3).to_string()),
                ),
            ]
        },
    },
    CategoryDef {
        key: "passport",
        area: crate::store::writes::CITIZEN_SERVICE_AREA,
        kind: T("Pas", "Passport"),
        description: T(
            "Din ansøgning om pas og dit pas.",
            "Your passport application and your passport.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig (din ansøgning)", "You (your application)"),
        legal: "passport",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(10),
        system: "Pasregistret",
        special: false,
        purposes: &["p_passport"],
        recipients: &[T(
            "Rigspolitiet (pasregistret)",
            "The Danish National Police (passport register)",
        )],
        fields: |p| {
            vec![
                secret(
                    T("Pasnummer", "Passport number"),
                    s(format!("2{:08}", p.variant % 100_000_000)),
                ),
                f(
                    T("Udløber", "Expires"),
                    Text::new(
                        format!("{}. maj 2034", 1 + p.variant % 28),
                        format!("{} May 2034", 1 + p.variant % 28),
                    ),
                ),
                f(
                    T("Fingeraftryk", "Fingerprints"),
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
        area: crate::store::writes::CITIZEN_SERVICE_AREA,
        kind: T("Kørekort", "Driving licence"),
        description: T(
            "Dit kørekort og fornyelser.",
            "Your driving licence and renewals.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig (din ansøgning)", "You (your application)"),
        legal: "licence",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Kørekortregistret",
        special: false,
        purposes: &["p_licence"],
        recipients: &[T("Færdselsstyrelsen", "The Danish Road Traffic Authority")],
        fields: |p| {
            vec![
                f(T("Kategori", "Category"), s("B")),
                f(
                    T("Gyldigt til", "Valid until"),
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
        area: "benefits",
        kind: T("Boligstøtte", "Housing benefit"),
        description: T(
            "Din boligstøtte og det, den er beregnet ud fra.",
            "Your housing benefit and what it is worked out from.",
        ),
        origin: OriginKind::Authority,
        origin_name: UDK,
        legal: "housing_benefit",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "KMD Boligstøtte",
        special: false,
        purposes: &["p_housing", "p_control"],
        recipients: &[UDK, SKAT],
        fields: |p| {
            vec![
                f(
                    T("Husleje", "Rent"),
                    Text::new(
                        format!("{} kr. om måneden", 4000 + 250 * (p.variant % 12)),
                        format!("DKK {} a month", 4000 + 250 * (p.variant % 12)),
                    ),
                ),
                f(
                    T("Boligstøtte", "Housing benefit"),
                    Text::new(
                        format!("{} kr. om måneden", 900 + 40 * (p.variant % 30)),
                        format!("DKK {} a month", 900 + 40 * (p.variant % 30)),
                    ),
                ),
                secret(
                    T("Husstandens indkomst", "Household income"),
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
        area: "benefits",
        kind: T("Folkepension", "State pension"),
        description: T(
            "Din folkepension og dine tillæg.",
            "Your state pension and supplements.",
        ),
        origin: OriginKind::Authority,
        origin_name: UDK,
        legal: "pension",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Udbetaling Danmark",
        special: false,
        purposes: &["p_pension"],
        recipients: &[SKAT],
        fields: |p| {
            vec![
                f(
                    T("Folkepension siden", "State pension since"),
                    s((p.born + 67).to_string()),
                ),
                f(
                    T("Tillæg", "Supplements"),
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
        area: "technical",
        kind: T("Din bolig i BBR", "Your home in BBR"),
        description: T(
            "Oplysninger om din bygning og bolig i Bygnings- og Boligregistret.",
            "Data about your building and home in the Building and Dwelling Register.",
        ),
        origin: OriginKind::Authority,
        origin_name: T(
            "Bygnings- og Boligregistret (BBR)",
            "The Building and Dwelling Register (BBR)",
        ),
        legal: "bbr",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: None,
        system: "BBR",
        special: false,
        purposes: &["p_bbr"],
        recipients: &[VURDST],
        fields: |p| {
            vec![
                f(
                    T("Bolig", "Home"),
                    Text::new(
                        format!("Rækkehus, {} m²", 80 + p.variant % 70),
                        format!("Terraced house, {} m²", 80 + p.variant % 70),
                    ),
                ),
                f(T("Opført", "Built"), s((1950 + p.variant % 70).to_string())),
                f(
                    T("Varme", "Heating"),
                    Text::new("Fjernvarme", "District heating"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "waste",
        area: "technical",
        kind: T("Affaldsordning", "Waste collection"),
        description: T(
            "Hvornår dit affald hentes, og hvad det koster.",
            "When your waste is collected, and what it costs.",
        ),
        origin: OriginKind::Authority,
        origin_name: T(
            "Affald og Genbrug, Teknik og Miljø",
            "Waste and Recycling, Technical and Environment",
        ),
        legal: "waste",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "KMD Affald",
        special: false,
        purposes: &["p_waste"],
        recipients: &[],
        fields: |p| {
            vec![
                f(
                    T("Ordning", "Scheme"),
                    Text::new(
                        "Restaffald og madaffald hver 14. dag",
                        "General and food waste every other week",
                    ),
                ),
                f(
                    T("Gebyr", "Fee"),
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
        area: "library",
        kind: T("Lånerkonto", "Library account"),
        description: T(
            "Dit lånerkort, dine lån og reserveringer. Lån slettes, når du har afleveret.",
            "Your library card, loans and reservations. Loans are deleted once returned.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig", "You"),
        legal: "library",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(1),
        system: "Cicero",
        special: false,
        purposes: &["p_library"],
        recipients: &[],
        fields: |p| {
            vec![
                f(
                    T("Lånerkort", "Library card"),
                    Text::new("Aktivt", "Active"),
                ),
                f(
                    T("Lån lige nu", "Current loans"),
                    s((p.variant % 6).to_string()),
                ),
                f(
                    T("Reserveringer", "Reservations"),
                    s((p.variant % 3).to_string()),
                ),
            ]
        },
    },
    CategoryDef {
        key: "library_newsletter",
        area: "library",
        kind: T("Nyhedsbrev fra biblioteket", "Library newsletter"),
        description: T(
            "Din e-mail til bibliotekets nyhedsbrev.",
            "Your e-mail for the library's newsletter.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig (din tilmelding)", "You (your sign-up)"),
        legal: "consent",
        lawfulness: Lawfulness::Voluntary,
        keep_years: Some(1),
        system: "Cicero",
        special: false,
        purposes: &["p_newsletter"],
        recipients: &[],
        fields: |p| {
            vec![f(
                T("E-mail", "E-mail"),
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
