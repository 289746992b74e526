//! Category templates for cases: care, employment, children and benefits tied to a case.

use super::categories::{CategoryDef, f, s};
use crate::domain::Text;

pub const CASE_CATEGORIES: &[CategoryDef] = &[
    CategoryDef {
        key: "home_care",
        fields: |_| {
            vec![
                f(
                    "help_granted",
                    Text::new(
                        "Personlig pleje morgen og aften. Rengøring hver 14. dag.",
                        "Personal care morning and evening. Cleaning every other week.",
                    ),
                ),
                f("hours_per_week", Text::new("4,5 timer", "4.5 hours")),
                f(
                    "health",
                    Text::new(
                        "Nedsat gangfunktion efter hoftebrud. Sukkersyge (type 2).",
                        "Reduced walking after a hip fracture. Diabetes (type 2).",
                    ),
                ),
                f(
                    "aids",
                    Text::new("Rollator og badebænk", "Walking frame and shower bench"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "rehab",
        fields: |_| {
            vec![
                f(
                    "goal",
                    Text::new(
                        "At kunne gå til købmanden selv",
                        "To walk to the grocer's on your own",
                    ),
                ),
                f(
                    "course",
                    Text::new("2 gange om ugen i 12 uger", "Twice a week for 12 weeks"),
                ),
                f(
                    "ability",
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
        fields: |_| {
            vec![
                f(
                    "diagnosis",
                    Text::new(
                        "Brud på lårbenshalsen, opereret august 2026",
                        "Hip fracture, operated on in August 2026",
                    ),
                ),
                f(
                    "plan_received",
                    Text::new("12. september 2026", "12 September 2026"),
                ),
                f(
                    "type",
                    Text::new("Almen genoptræning", "General rehabilitation"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_profile",
        fields: |_| {
            vec![
                f(
                    "status",
                    Text::new(
                        "Ledig, får dagpenge",
                        "Unemployed, receives unemployment benefit",
                    ),
                ),
                f(
                    "job_goals",
                    Text::new("Lagermedarbejder, chauffør", "Warehouse worker, driver"),
                ),
                f(
                    "next_meeting",
                    Text::new("18. november 2026", "18 November 2026"),
                ),
                f(
                    "education",
                    Text::new("Faglært lagerassistent", "Skilled warehouse assistant"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_health",
        fields: |_| {
            vec![
                f(
                    "limits",
                    Text::new(
                        "Må ikke løfte over 15 kg (ryg)",
                        "Must not lift more than 15 kg (back)",
                    ),
                ),
                f(
                    "medical_certificate",
                    Text::new("Modtaget 3. oktober 2026", "Received 3 October 2026"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "job_project",
        fields: |_| {
            vec![
                f(
                    "project",
                    Text::new(
                        "Grøn Start: praktik i kommunens parker",
                        "Green Start: placement in the municipal parks",
                    ),
                ),
                f(
                    "signed_up",
                    Text::new("1. september 2026", "1 September 2026"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "school",
        fields: |_| {
            vec![
                f("child", Text::new("Freja, 4.b", "Freja, year 4b")),
                f("child_2", Text::new("Oscar, 1.a", "Oscar, year 1a")),
                f(
                    "absence_this_year",
                    Text::new("Freja 3 dage, Oscar 5 dage", "Freja 3 days, Oscar 5 days"),
                ),
            ]
        },
    },
    CategoryDef {
        key: "child_benefit",
        fields: |_| {
            vec![
                f("paid", Text::new("Hvert kvartal", "Every quarter")),
                f("number_of_children", s("2")),
            ]
        },
    },
];
