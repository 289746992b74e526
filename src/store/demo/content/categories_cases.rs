//! Category templates for cases: care, employment, children and benefits tied to a case.

use super::T;
use super::categories::{CategoryDef, f, s, secret};
use crate::domain::{Lawfulness, OriginKind, Text};

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

pub const CASE_CATEGORIES: &[CategoryDef] = &[
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
];
