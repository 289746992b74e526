//! The hand-written demo citizens, their consents and decision-support uses, and the name pools for
//! synthetic citizens.
//!
//! **CPR numbers cannot belong to real people:** every birth date is one that does not exist
//! (30 or 31 February, 31 April, 31 June, 31 September, 31 November). `Cpr::parse` accepts them.

use super::T;

pub enum EventCount {
    Fixed(u32),
    /// `DemoOptions::heavy_events`.
    Heavy,
}

pub struct ConsentDef {
    pub scope: T,
    pub recipient: T,
    pub purpose: T,
    pub given_days_ago: i64,
    pub withdrawn_days_ago: Option<i64>,
}

pub struct DecisionDef {
    pub area: &'static str,
    pub tool: T,
    pub purpose: T,
    pub inputs: &'static [T],
    pub how_it_helps: T,
    pub human_role: T,
    pub result: T,
    pub factors: &'static [(T, T)],
    pub how_to_object: T,
    pub days_ago: i64,
    pub case_ref: &'static str,
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

const REHAB_TOOL: DecisionDef = DecisionDef {
    area: "health",
    tool: T(
        "Rehabiliteringsplanlægning (beslutningsstøtte i KMD Nexus)",
        "Rehabilitation planning (decision support in KMD Nexus)",
    ),
    purpose: T(
        "Værktøjet foreslår, hvilken træning der kan gøre dig mere selvhjulpen.",
        "The tool suggests which training can help you manage more on your own.",
    ),
    inputs: &[
        T(
            "Din funktionsevne (FSIII-vurdering)",
            "Your ability to manage (FSIII assessment)",
        ),
        T(
            "Genoptræningsplanen fra sygehuset",
            "The hospital's rehabilitation plan",
        ),
        T("Den hjælp, du får i dag", "The help you get today"),
        T(
            "Din alder, og om du bor alene",
            "Your age, and whether you live alone",
        ),
    ],
    how_it_helps: T(
        "Det sammenligner din situation med træningsforløb, der har hjulpet andre. Terapeuten får et forslag med en begrundelse.",
        "It compares your situation with training courses that have helped others. The therapist gets a suggestion with reasons.",
    ),
    human_role: T(
        "En terapeut og en visitator taler med dig og beslutter forløbet. Værktøjet beslutter ikke noget.",
        "A therapist and a needs assessor talk with you and decide the course. The tool decides nothing.",
    ),
    result: T(
        "Forslag: 12 ugers træning i dit hjem, 2 gange om ugen, med vægt på gang og trapper.",
        "Suggestion: 12 weeks of training at home, twice a week, focusing on walking and stairs.",
    ),
    factors: &[
        (
            T("Gangfunktion", "Walking"),
            T(
                "Dine problemer med at gå gjorde træning i gang og balance vigtigst.",
                "Your difficulty walking made walking and balance training the priority.",
            ),
        ),
        (
            T("Hoftebrud for nylig", "Recent hip fracture"),
            T(
                "Gjorde et forløb på 12 uger mere sandsynligt end 8 uger.",
                "Made a 12-week course more likely than 8 weeks.",
            ),
        ),
        (
            T("Bor alene", "Lives alone"),
            T(
                "Pegede på træning i dit hjem frem for i træningscentret.",
                "Pointed to training at home rather than at the training centre.",
            ),
        ),
    ],
    how_to_object: T(
        "Sig det til din terapeut eller visitator. Du kan klage over afgørelsen til Ankestyrelsen. Du kan gøre indsigelse mod brugen af værktøjet hos kommunens databeskyttelsesrådgiver.",
        "Tell your therapist or needs assessor. You can appeal the decision to the National Social Appeals Board. You can object to the use of the tool to the municipality's data protection officer.",
    ),
    days_ago: 48,
    case_ref: "SAG-2026-04417",
};

const JOB_TOOL: DecisionDef = DecisionDef {
    area: "employment",
    tool: T(
        "Min Plan: jobmatch og profilafklaring",
        "My Plan: job match and profiling",
    ),
    purpose: T(
        "Værktøjet vurderer, hvilke job der passer til din erfaring, og hvor meget støtte du kan få brug for.",
        "The tool assesses which jobs fit your experience, and how much support you may need.",
    ),
    inputs: &[
        T(
            "Dit CV og dine jobmål fra Jobnet",
            "Your CV and job goals from Jobnet",
        ),
        T(
            "Hvor længe du har været ledig",
            "How long you have been unemployed",
        ),
        T(
            "Dine svar i spørgeskemaet i Min Plan",
            "Your answers to the My Plan questionnaire",
        ),
        T(
            "Skånehensyn fra din lægeattest",
            "Limits from your medical certificate",
        ),
    ],
    how_it_helps: T(
        "Det giver din jobkonsulent en liste med jobforslag og en vurdering af risikoen for lang ledighed.",
        "It gives your job consultant a list of job suggestions and an assessment of the risk of long unemployment.",
    ),
    human_role: T(
        "Din jobkonsulent ser forslaget igennem sammen med dig. Det er konsulenten, der beslutter din plan.",
        "Your job consultant goes through the suggestion with you. The consultant decides your plan.",
    ),
    result: T(
        "Forslag: job som lagermedarbejder eller chauffør. Middel risiko for lang ledighed. En samtale hver 4. uge.",
        "Suggestion: jobs as a warehouse worker or driver. Medium risk of long unemployment. A meeting every 4 weeks.",
    ),
    factors: &[
        (
            T("Erfaring fra lager", "Warehouse experience"),
            T(
                "Gav et godt match med lagerjob.",
                "Gave a good match with warehouse jobs.",
            ),
        ),
        (
            T("Skånehensyn: højst 15 kg", "Limit: at most 15 kg"),
            T(
                "Fjernede job med tunge løft fra listen.",
                "Removed jobs with heavy lifting from the list.",
            ),
        ),
        (
            T("Ledig i 7 måneder", "Unemployed for 7 months"),
            T(
                "Hævede risikoen for lang ledighed.",
                "Raised the risk of long unemployment.",
            ),
        ),
    ],
    how_to_object: T(
        "Sig det til din jobkonsulent. Du kan bede om, at forslaget ikke bruges i din sag, og klage over afgørelser til Ankestyrelsen.",
        "Tell your job consultant. You can ask that the suggestion is not used in your case, and appeal decisions to the National Social Appeals Board.",
    ),
    days_ago: 30,
    case_ref: "JOB-2026-11873",
};

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
                recipient: T("Din egen læge", "Your own GP"),
                purpose: T(
                    "Deling af helbredsoplysninger med din læge",
                    "Sharing health data with your GP",
                ),
                given_days_ago: 70,
                withdrawn_days_ago: None,
            },
            ConsentDef {
                scope: T(
                    "Del din genoptræningsplan med sygehuset",
                    "Share your rehabilitation plan with the hospital",
                ),
                recipient: T(
                    "Sygehuset, Ortopædkirurgisk afdeling",
                    "The hospital, Orthopaedic department",
                ),
                purpose: T("Opfølgning efter operation", "Follow-up after surgery"),
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
                recipient: T("Projekt Grøn Start", "Project Green Start"),
                purpose: T(
                    "Deltagelse i jobtræningsprojekt",
                    "Taking part in a job-training project",
                ),
                given_days_ago: 61,
                withdrawn_days_ago: Some(17),
            },
            ConsentDef {
                scope: T(
                    "Vis dit CV til arbejdsgivere på Jobnet",
                    "Show your CV to employers on Jobnet",
                ),
                recipient: T("Arbejdsgivere på Jobnet", "Employers on Jobnet"),
                purpose: T("Hjælp til at finde arbejde", "Help to find work"),
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
                recipient: T("Demo Skole", "Demo School"),
                purpose: T(
                    "Billeder af dit barn i Aula",
                    "Photos of your child in Aula",
                ),
                given_days_ago: 430,
                withdrawn_days_ago: None,
            },
            ConsentDef {
                scope: T(
                    "Bibliotekets nyhedsbrev på e-mail",
                    "The library's newsletter by e-mail",
                ),
                recipient: T("Demo Bibliotekerne", "Demo Libraries"),
                purpose: T("Bibliotekets nyhedsbrev", "The library's newsletter"),
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
            recipient: T("Demo Bibliotekerne", "Demo Libraries"),
            purpose: T("Bibliotekets nyhedsbrev", "The library's newsletter"),
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
            recipient: T("Demo Bibliotekerne", "Demo Libraries"),
            purpose: T("Bibliotekets nyhedsbrev", "The library's newsletter"),
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
