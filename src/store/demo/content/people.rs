//! The hand-written demo citizens, their consents and decision-support uses, and the name pools for
//! synthetic citizens.
//!
//! **CPR numbers cannot belong to real people:** every birth date is one that does not exist
//! (30 or 31 February, 31 April, 31 June, 31 September, 31 November). `Cpr::parse` accepts them.

use super::T;
use super::decisions::{DecisionDef, JOB_TOOL, REHAB_TOOL};

pub enum EventCount {
    Fixed(u32),
    /// `DemoOptions::heavy_events`.
    Heavy,
}

/// A consent of a catalogue consent type (`catalogue/consent_types.toml`, found by its scope).
pub struct ConsentDef {
    pub scope: T,
    pub given_days_ago: i64,
    pub withdrawn_days_ago: Option<i64>,
}

pub struct CitizenDef {
    pub id: &'static str,
    pub subject: &'static str,
    pub name: &'static str,
    pub cpr: &'static str,
    pub address: &'static str,
    pub city: &'static str,
    pub born: i32,
    pub situation: T,
    pub categories: &'static [&'static str],
    pub events: EventCount,
    pub consents: &'static [ConsentDef],
    pub decisions: &'static [DecisionDef],
}

pub const CITIZENS: &[CitizenDef] = &[
    CitizenDef {
        id: "c-7f3a9b",
        subject: "demo-sub-inger",
        name: "Inger Marie Holm",
        cpr: "310441-4822",
        address: "Kastanievej 4",
        city: "4000 Demoby",
        born: 1941,
        situation: T(
            "Pensionist, 85 år. Får hjemmehjælp og genoptræning.",
            "Pensioner, 85. Gets home care and rehabilitation.",
        ),
        categories: &[
            "cpr_basic",
            "cpr_family",
            "home_care",
            "rehab",
            "hospital_rehab",
            "pension",
            "housing_benefit",
            "library",
        ],
        events: EventCount::Fixed(600),
        consents: &[
            ConsentDef {
                scope: T(
                    "Del oplysninger om pleje og træning med din egen læge",
                    "Share care and training data with your own GP",
                ),
                given_days_ago: 70,
                withdrawn_days_ago: None,
            },
            ConsentDef {
                scope: T(
                    "Del din genoptræningsplan med sygehuset",
                    "Share your rehabilitation plan with the hospital",
                ),
                given_days_ago: 60,
                withdrawn_days_ago: Some(20),
            },
        ],
        decisions: &[REHAB_TOOL],
    },
    CitizenDef {
        id: "c-2b8e41",
        subject: "demo-sub-jonas",
        name: "Jonas Ahmad Larsen",
        cpr: "310688-1235",
        address: "Søndergade 17, 2. th.",
        city: "4000 Demoby",
        born: 1988,
        situation: T(
            "Ledig og jobsøgende. Har samtaler i jobcentret.",
            "Unemployed and looking for work. Has meetings at the jobcentre.",
        ),
        categories: &[
            "cpr_basic",
            "job_profile",
            "job_health",
            "job_project",
            "licence",
            "library",
        ],
        events: EventCount::Fixed(400),
        consents: &[
            ConsentDef {
                scope: T(
                    "Deltag i jobtræningsprojektet Grøn Start",
                    "Take part in the Green Start job-training project",
                ),
                given_days_ago: 61,
                withdrawn_days_ago: Some(17),
            },
            ConsentDef {
                scope: T(
                    "Vis dit CV til arbejdsgivere på Jobnet",
                    "Show your CV to employers on Jobnet",
                ),
                given_days_ago: 200,
                withdrawn_days_ago: None,
            },
        ],
        decisions: &[JOB_TOOL],
    },
    CitizenDef {
        id: "c-5c1d07",
        subject: "demo-sub-sofie",
        name: "Sofie Bach Nielsen",
        cpr: "300284-2468",
        address: "Bøgealle 9",
        city: "4000 Demoby",
        born: 1984,
        situation: T(
            "Forælder til to skolebørn. Ejer et rækkehus.",
            "Parent of two school children. Owns a terraced house.",
        ),
        categories: &[
            "cpr_basic",
            "cpr_family",
            "school",
            "child_benefit",
            "passport",
            "bbr",
            "waste",
            "library",
            "library_newsletter",
        ],
        events: EventCount::Fixed(500),
        consents: &[
            ConsentDef {
                scope: T(
                    "Billeder af dine børn i Aula",
                    "Photos of your children in Aula",
                ),
                given_days_ago: 430,
                withdrawn_days_ago: None,
            },
            ConsentDef {
                scope: T(
                    "Bibliotekets nyhedsbrev på e-mail",
                    "The library's newsletter by e-mail",
                ),
                given_days_ago: 900,
                withdrawn_days_ago: Some(90),
            },
        ],
        decisions: &[],
    },
    CitizenDef {
        id: "c-9e4f22",
        subject: "demo-sub-mikkel",
        name: "Mikkel Østergaard",
        cpr: "310903-3571",
        address: "Kollegievej 2, værelse 114",
        city: "4000 Demoby",
        born: 2003,
        situation: T(
            "Studerende. Bor på kollegium og får boligstøtte.",
            "Student. Lives in a hall of residence and gets housing benefit.",
        ),
        categories: &[
            "cpr_basic",
            "housing_benefit",
            "licence",
            "library",
            "library_newsletter",
        ],
        events: EventCount::Fixed(150),
        consents: &[ConsentDef {
            scope: T(
                "Bibliotekets nyhedsbrev på e-mail",
                "The library's newsletter by e-mail",
            ),
            given_days_ago: 300,
            withdrawn_days_ago: None,
        }],
        decisions: &[],
    },
    CitizenDef {
        id: "c-a0d3c6",
        subject: "demo-sub-birte",
        name: "Birte Lund",
        cpr: "311167-0012",
        address: "Mosevej 31",
        city: "4000 Demoby",
        born: 1967,
        situation: T(
            "Har næsten ingen data hos kommunen.",
            "Has hardly any data at the municipality.",
        ),
        categories: &["cpr_basic"],
        events: EventCount::Fixed(3),
        consents: &[],
        decisions: &[],
    },
    CitizenDef {
        id: "c-e61b5d",
        subject: "demo-sub-henrik",
        name: "Henrik Testrup Madsen",
        cpr: "300275-9991",
        address: "Industrivej 100",
        city: "4000 Demoby",
        born: 1975,
        situation: T(
            "Testperson med en meget lang log (mange opslag).",
            "Test person with a very long log (many look-ups).",
        ),
        categories: &[
            "cpr_basic",
            "cpr_family",
            "passport",
            "licence",
            "job_profile",
            "school",
            "housing_benefit",
            "bbr",
            "waste",
            "library",
        ],
        events: EventCount::Heavy,
        consents: &[ConsentDef {
            scope: T(
                "Bibliotekets nyhedsbrev på e-mail",
                "The library's newsletter by e-mail",
            ),
            given_days_ago: 500,
            withdrawn_days_ago: None,
        }],
        decisions: &[],
    },
];

/// The index in [`CITIZENS`] of the heavy citizen.
pub const HEAVY: usize = 5;

pub const FIRST_NAMES: &[&str] = &[
    "Anna", "Bo", "Camilla", "Dennis", "Emma", "Frederik", "Gitte", "Hassan", "Ida", "Jens",
    "Karin", "Lucas", "Maja", "Niels", "Olivia", "Poul", "Rikke", "Søren", "Tove", "Victor",
    "Yasmin", "Aksel", "Lærke", "Ømer",
];

pub const LAST_NAMES: &[&str] = &[
    "Andersen",
    "Bertelsen",
    "Christiansen",
    "Dahl",
    "Eriksen",
    "Frandsen",
    "Gregersen",
    "Hansen",
    "Iversen",
    "Jakobsen",
    "Kjeldsen",
    "Lauridsen",
    "Mortensen",
    "Nørgaard",
    "Olsen",
    "Pedersen",
    "Qvist",
    "Rasmussen",
    "Schmidt",
    "Thomsen",
    "Ulriksen",
    "Winther",
    "Yilmaz",
    "Østergaard",
];

pub const STREETS: &[&str] = &[
    "Algade",
    "Bakkevej",
    "Birkevej",
    "Engvej",
    "Fasanvej",
    "Havnegade",
    "Kirkevej",
    "Lindevej",
    "Møllevej",
    "Nørregade",
    "Parkvej",
    "Skolevej",
    "Stationsvej",
    "Torvet",
    "Vestergade",
    "Østergade",
];

/// Birth dates that do not exist, as (day, month).
pub const IMPOSSIBLE_DATES: &[(u32, u32)] =
    &[(30, 2), (31, 2), (31, 4), (31, 6), (31, 9), (31, 11)];

/// Category sets for synthetic citizens by life stage, beyond `cpr_basic` which everyone has.
pub const YOUNG: &[&str] = &[
    "housing_benefit",
    "licence",
    "library",
    "library_newsletter",
];
pub const ADULT: &[&str] = &[
    "cpr_family",
    "passport",
    "licence",
    "job_profile",
    "school",
    "child_benefit",
    "bbr",
    "waste",
    "library",
];
pub const OLDER: &[&str] = &[
    "cpr_family",
    "pension",
    "home_care",
    "housing_benefit",
    "bbr",
    "waste",
    "library",
];
