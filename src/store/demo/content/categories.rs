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

fn f(label: T, value: Text) -> Field {
    Field {
        label,
        value,
        sensitive: false,
    }
}

fn secret(label: T, value: Text) -> Field {
    Field {
        label,
        value,
        sensitive: true,
    }
}

fn s(v: impl Into<String>) -> Text {
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
const GP: T = T("Din egen læge", "Your own GP");
const STAR: T = T(
    "Styrelsen for Arbejdsmarked og Rekruttering (STAR)",
    "Danish Agency for Labour Market and Recruitment (STAR)",
);
const AKASSE: T = T("Din a-kasse", "Your unemployment insurance fund");
const CPR_REG: T = T("CPR-registret", "The CPR register");
const VURDST: T = T(
    "Vurderingsstyrelsen",
    "The Danish Property Assessment Agency",
);

const ADDRESS: T = T("Adresse", "Address");

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
        key: "home_care",
        area: "health",
        kind: T("Hjemmepleje", "Home care"),
        description: T(
            "Den hjælp i hjemmet, du er bevilget, og hvordan den går.",
            "The help at home you were granted, and how it goes.",
        ),
        origin: OriginKind::Authority,
        origin_name: T(
            "Visitationen, Sundhed og Omsorg",
            "Needs Assessment, Health and Care",
        ),
        legal: "home_care",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "KMD Nexus",
        special: true,
        purposes: &["p_home_care", "p_health_share"],
        recipients: &[GP],
        fields: |_| {
            vec![
                f(
                    T("Bevilget hjælp", "Help granted"),
                    Text::new(
                        "Personlig pleje morgen og aften. Rengøring hver 14. dag.",
                        "Personal care morning and evening. Cleaning every other week.",
                    ),
                ),
                f(
                    T("Timer om ugen", "Hours per week"),
                    Text::new("4,5 timer", "4.5 hours"),
                ),
                secret(
                    T("Helbred", "Health"),
                    Text::new(
                        "Nedsat gangfunktion efter hoftebrud. Sukkersyge (type 2).",
                        "Reduced walking after a hip fracture. Diabetes (type 2).",
                    ),
                ),
                f(
                    T("Hjælpemidler", "Aids"),
                    Text::new("Rollator og badebænk", "Walking frame and shower bench"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "rehab",
        area: "health",
        kind: T(
            "Træning efter serviceloven § 86",
            "Training under the Social Services Act s. 86",
        ),
        description: T(
            "Træning, så du kan klare mere selv i hverdagen.",
            "Training so you can manage more on your own.",
        ),
        origin: OriginKind::Authority,
        origin_name: T("Træningscenter Syd", "Training Centre South"),
        legal: "rehab",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "KMD Nexus",
        special: true,
        purposes: &["p_rehab"],
        recipients: &[],
        fields: |_| {
            vec![
                f(
                    T("Mål", "Goal"),
                    Text::new(
                        "At kunne gå til købmanden selv",
                        "To walk to the grocer's on your own",
                    ),
                ),
                f(
                    T("Forløb", "Course"),
                    Text::new("2 gange om ugen i 12 uger", "Twice a week for 12 weeks"),
                ),
                secret(
                    T("Funktionsevne", "Ability"),
                    Text::new(
                        "Moderate problemer med at gå og med trapper (FSIII)",
                        "Moderate problems walking and with stairs (FSIII)",
                    ),
                ),
            ]
        },
    },
    CategoryDef {
        key: "hospital_rehab",
        area: "health",
        kind: T(
            "Genoptræningsplan fra sygehuset",
            "Rehabilitation plan from the hospital",
        ),
        description: T(
            "Planen for din genoptræning efter indlæggelsen.",
            "The plan for your rehabilitation after your hospital stay.",
        ),
        origin: OriginKind::Authority,
        origin_name: T(
            "Sygehuset, Ortopædkirurgisk afdeling",
            "The hospital, Orthopaedic department",
        ),
        legal: "hospital_rehab",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(10),
        system: "KMD Nexus",
        special: true,
        purposes: &["p_hospital_rehab"],
        recipients: &[GP],
        fields: |_| {
            vec![
                secret(
                    T("Diagnose", "Diagnosis"),
                    Text::new(
                        "Brud på lårbenshalsen, opereret august 2026",
                        "Hip fracture, operated on in August 2026",
                    ),
                ),
                f(
                    T("Plan modtaget", "Plan received"),
                    Text::new("12. september 2026", "12 September 2026"),
                ),
                f(
                    T("Type", "Type"),
                    Text::new("Almen genoptræning", "General rehabilitation"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_profile",
        area: "employment",
        kind: T("Jobsøgning og CV", "Job search and CV"),
        description: T(
            "Din status som ledig, dine jobmål og dine samtaler.",
            "Your status as unemployed, your job goals and your meetings.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig (via Jobnet)", "You (via Jobnet)"),
        legal: "employment",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Momentum",
        special: false,
        purposes: &["p_job"],
        recipients: &[STAR, AKASSE],
        fields: |_| {
            vec![
                f(
                    T("Status", "Status"),
                    Text::new(
                        "Ledig, får dagpenge",
                        "Unemployed, receives unemployment benefit",
                    ),
                ),
                f(
                    T("Jobmål", "Job goals"),
                    Text::new("Lagermedarbejder, chauffør", "Warehouse worker, driver"),
                ),
                f(
                    T("Næste samtale", "Next meeting"),
                    Text::new("18. november 2026", "18 November 2026"),
                ),
                f(
                    T("Uddannelse", "Education"),
                    Text::new("Faglært lagerassistent", "Skilled warehouse assistant"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_health",
        area: "employment",
        kind: T("Helbred i jobsagen", "Health in your job case"),
        description: T(
            "Skånehensyn fra din læge, som jobcentret tager hensyn til.",
            "Limits from your GP that the jobcentre takes into account.",
        ),
        origin: OriginKind::Authority,
        origin_name: T(
            "Din egen læge (lægeattest)",
            "Your GP (medical certificate)",
        ),
        legal: "employment_health",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Momentum",
        special: true,
        purposes: &["p_job_health"],
        recipients: &[],
        fields: |_| {
            vec![
                secret(
                    T("Skånehensyn", "Limits"),
                    Text::new(
                        "Må ikke løfte over 15 kg (ryg)",
                        "Must not lift more than 15 kg (back)",
                    ),
                ),
                f(
                    T("Lægeattest", "Medical certificate"),
                    Text::new("Modtaget 3. oktober 2026", "Received 3 October 2026"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_project",
        area: "employment",
        kind: T("Jobtræningsprojekt", "Job-training project"),
        description: T(
            "Dit frivillige forløb i projektet Grøn Start.",
            "Your voluntary course in the Green Start project.",
        ),
        origin: OriginKind::Citizen,
        origin_name: T("Dig (din tilmelding)", "You (your sign-up)"),
        legal: "consent",
        lawfulness: Lawfulness::Voluntary,
        keep_years: Some(1),
        system: "Momentum",
        special: false,
        purposes: &["p_job_project"],
        recipients: &[T(
            "Projekt Grøn Start (kommunens parker)",
            "Project Green Start (municipal parks)",
        )],
        fields: |_| {
            vec![
                f(
                    T("Projekt", "Project"),
                    Text::new(
                        "Grøn Start: praktik i kommunens parker",
                        "Green Start: placement in the municipal parks",
                    ),
                ),
                f(
                    T("Tilmeldt", "Signed up"),
                    Text::new("1. september 2026", "1 September 2026"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "school",
        area: "children",
        kind: T("Dine børns skolegang", "Your children's schooling"),
        description: T(
            "Klasse, fravær og beskeder fra skolen.",
            "Class, absence and messages from the school.",
        ),
        origin: OriginKind::Authority,
        origin_name: T("Demo Skole", "Demo School"),
        legal: "school",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Aula",
        special: false,
        purposes: &["p_school", "p_school_photos"],
        recipients: &[T(
            "Pædagogisk Psykologisk Rådgivning (PPR)",
            "Educational Psychology Service (PPR)",
        )],
        fields: |_| {
            vec![
                f(
                    T("Barn", "Child"),
                    Text::new("Freja, 4.b", "Freja, year 4b"),
                ),
                f(
                    T("Barn", "Child"),
                    Text::new("Oscar, 1.a", "Oscar, year 1a"),
                ),
                f(
                    T("Fravær i år", "Absence this year"),
                    Text::new("Freja 3 dage, Oscar 5 dage", "Freja 3 days, Oscar 5 days"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "child_benefit",
        area: "benefits",
        kind: T("Børne- og ungeydelse", "Child and youth benefit"),
        description: T(
            "Den ydelse, du får for dine børn.",
            "The benefit you get for your children.",
        ),
        origin: OriginKind::Authority,
        origin_name: UDK,
        legal: "child_benefit",
        lawfulness: Lawfulness::RequiredByLaw,
        keep_years: Some(5),
        system: "Udbetaling Danmark",
        special: false,
        purposes: &["p_child_benefit"],
        recipients: &[SKAT],
        fields: |_| {
            vec![
                f(
                    T("Udbetales", "Paid"),
                    Text::new("Hvert kvartal", "Every quarter"),
                ),
                f(T("Antal børn", "Number of children"), s("2")),
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

pub fn find(key: &str) -> Option<&'static CategoryDef> {
    CATEGORIES.iter().find(|c| c.key == key)
}
