//! Access-event templates: who looks at which category, in what role, why.

use super::T;
use crate::domain::Action;

pub struct EventDef {
    /// The category template the event touches (its kind, area and system).
    pub category: &'static str,
    pub org: T,
    pub unit: T,
    pub role: T,
    pub actions: &'static [Action],
    pub purpose: &'static str,
    pub case_prefix: Option<&'static str>,
    /// A batch run: the prefix of its run id.
    pub batch: Option<&'static str>,
    /// A person did it (an employee name may be logged).
    pub staff: bool,
    /// Relative frequency.
    pub weight: u32,
}

use Action::{Changed, Created, Disclosed, Exported, Viewed};

const BORGERSERVICE: T = T(
    "Borgerservice, Eksempel Kommune",
    "Citizen Service, Eksempel Kommune",
);
const SUNDHED: T = T(
    "Sundhed og Omsorg, Eksempel Kommune",
    "Health and Care, Eksempel Kommune",
);
const JOBCENTER: T = T("Jobcenter Demo", "Demo Jobcentre");
const BOERN: T = T(
    "Børn og Familie, Eksempel Kommune",
    "Children and Family, Eksempel Kommune",
);
const SKOLE: T = T("Demo Skole", "Demo School");
const YDELSER: T = T(
    "Økonomi og Ydelser, Eksempel Kommune",
    "Money and Benefits, Eksempel Kommune",
);
const TEKNIK: T = T(
    "Teknik og Miljø, Eksempel Kommune",
    "Technical and Environment, Eksempel Kommune",
);
const BIBLIOTEK: T = T("Demo Bibliotekerne", "Demo Libraries");
const UDK: T = T(
    "Udbetaling Danmark",
    "Udbetaling Danmark (Payments Denmark)",
);
const SKAT: T = T("Skattestyrelsen", "The Danish Tax Agency");
const STAR: T = T(
    "Styrelsen for Arbejdsmarked og Rekruttering (STAR)",
    "Danish Agency for Labour Market and Recruitment (STAR)",
);
const VURDST: T = T(
    "Vurderingsstyrelsen",
    "The Danish Property Assessment Agency",
);

const AUTO: T = T("Automatisk kørsel", "Automated run");
const BS_ROLE: T = T("Borgerservicemedarbejder", "Citizen service officer");
const CASEWORKER: T = T("Sagsbehandler", "Caseworker");

#[allow(clippy::too_many_arguments)] // a table row of demo content
const fn staff(
    category: &'static str,
    org: T,
    unit: T,
    role: T,
    actions: &'static [Action],
    purpose: &'static str,
    case_prefix: Option<&'static str>,
    weight: u32,
) -> EventDef {
    EventDef {
        category,
        org,
        unit,
        role,
        actions,
        purpose,
        case_prefix,
        batch: None,
        staff: true,
        weight,
    }
}

const fn batch(
    category: &'static str,
    org: T,
    unit: T,
    actions: &'static [Action],
    purpose: &'static str,
    run: &'static str,
    weight: u32,
) -> EventDef {
    EventDef {
        category,
        org,
        unit,
        role: AUTO,
        actions,
        purpose,
        case_prefix: None,
        batch: Some(run),
        staff: false,
        weight,
    }
}

#[rustfmt::skip]
pub const EVENTS: &[EventDef] = &[
    staff("cpr_basic", BORGERSERVICE, T("Borgerservice, Rådhuset", "Citizen Service, Town Hall"), BS_ROLE, &[Viewed, Viewed, Viewed, Changed], "p_cpr", Some("BS"), 6),
    staff("cpr_basic", BORGERSERVICE, T("Folkeregistret", "Civil Registration Office"), T("Folkeregistermedarbejder", "Civil registration officer"), &[Viewed, Changed], "p_cpr", Some("FLYT"), 2),
    batch("cpr_basic", UDK, T("Udbetaling Danmark, Kontrol", "Udbetaling Danmark, Control"), &[Viewed], "p_control", "UDK-CPR", 3),
    batch("cpr_basic", SKAT, T("Skattestyrelsen, Personskat", "Danish Tax Agency, Personal Tax"), &[Disclosed], "p_tax", "SKAT-IND", 2),
    staff("cpr_family", BORGERSERVICE, T("Folkeregistret", "Civil Registration Office"), T("Folkeregistermedarbejder", "Civil registration officer"), &[Viewed], "p_cpr", None, 1),
    staff("passport", BORGERSERVICE, T("Pas og kørekort", "Passports and Licences"), BS_ROLE, &[Created, Viewed, Changed], "p_passport", Some("PAS"), 2),
    staff("licence", BORGERSERVICE, T("Pas og kørekort", "Passports and Licences"), BS_ROLE, &[Created, Viewed], "p_licence", Some("KK"), 2),
    staff("home_care", SUNDHED, T("Hjemmeplejen Nord", "Home Care North"), T("Social- og sundhedsassistent", "Social and healthcare assistant"), &[Viewed, Viewed, Viewed, Changed], "p_home_care", None, 14),
    staff("home_care", SUNDHED, T("Hjemmeplejen Nord", "Home Care North"), T("Social- og sundhedshjælper", "Social and healthcare helper"), &[Viewed, Viewed, Changed], "p_home_care", None, 10),
    staff("home_care", SUNDHED, T("Visitationen", "Needs Assessment"), T("Visitator", "Needs assessor"), &[Viewed, Changed, Created], "p_home_care", Some("SAG"), 2),
    staff("home_care", SUNDHED, T("Sygeplejen", "Home Nursing"), T("Sygeplejerske", "Nurse"), &[Disclosed], "p_health_share", Some("SAG"), 1),
    staff("rehab", SUNDHED, T("Træningscenter Syd", "Training Centre South"), T("Fysioterapeut", "Physiotherapist"), &[Viewed, Changed, Created], "p_rehab", Some("SAG"), 5),
    staff("hospital_rehab", SUNDHED, T("Træningscenter Syd", "Training Centre South"), T("Ergoterapeut", "Occupational therapist"), &[Viewed, Changed], "p_hospital_rehab", Some("SAG"), 3),
    staff("job_profile", JOBCENTER, T("Jobcenter, Team Dagpenge", "Jobcentre, Unemployment Benefit Team"), T("Jobkonsulent", "Job consultant"), &[Viewed, Viewed, Changed, Created], "p_job", Some("JOB"), 8),
    batch("job_profile", STAR, T("Jobnet", "Jobnet"), &[Disclosed], "p_job", "STAR-JOBNET", 2),
    staff("job_profile", JOBCENTER, T("Jobcenter, Team Dagpenge", "Jobcentre, Unemployment Benefit Team"), T("Jobkonsulent", "Job consultant"), &[Disclosed], "p_job", Some("JOB"), 1),
    staff("job_health", JOBCENTER, T("Rehabiliteringsteamet", "Rehabilitation Team"), CASEWORKER, &[Viewed], "p_job_health", Some("JOB"), 2),
    staff("job_project", JOBCENTER, T("Projekt Grøn Start", "Project Green Start"), T("Projektleder", "Project manager"), &[Viewed, Created], "p_job_project", None, 2),
    staff("school", SKOLE, T("Demo Skole, 4.b", "Demo School, year 4b"), T("Lærer", "Teacher"), &[Viewed, Created, Changed], "p_school", None, 8),
    staff("school", BOERN, T("Skoleadministrationen", "School Administration"), T("Skolesekretær", "School secretary"), &[Viewed, Changed], "p_school", None, 2),
    staff("school", BOERN, T("Pædagogisk Psykologisk Rådgivning (PPR)", "Educational Psychology Service (PPR)"), T("Psykolog", "Psychologist"), &[Viewed], "p_school", Some("PPR"), 1),
    batch("child_benefit", UDK, T("Familieydelser", "Family Benefits"), &[Viewed], "p_child_benefit", "UDK-BUY", 2),
    staff("housing_benefit", UDK, T("Boligstøtte", "Housing Benefit"), CASEWORKER, &[Viewed, Changed], "p_housing", Some("UDK"), 3),
    batch("housing_benefit", UDK, T("Boligstøtte", "Housing Benefit"), &[Viewed], "p_control", "UDK-BOST", 3),
    staff("housing_benefit", YDELSER, T("Ydelsesservice", "Benefits Service"), CASEWORKER, &[Disclosed], "p_housing", Some("YD"), 1),
    batch("pension", UDK, T("Pension", "Pensions"), &[Viewed], "p_pension", "UDK-PEN", 2),
    staff("pension", YDELSER, T("Ydelsesservice", "Benefits Service"), CASEWORKER, &[Viewed, Changed], "p_pension", Some("YD"), 1),
    staff("bbr", TEKNIK, T("Byggesag og BBR", "Building Permits and BBR"), T("Byggesagsbehandler", "Building case officer"), &[Viewed, Changed], "p_bbr", Some("BYG"), 2),
    batch("bbr", VURDST, T("Ejendomsvurdering", "Property Assessment"), &[Viewed], "p_bbr", "VUR", 1),
    staff("waste", TEKNIK, T("Affald og Genbrug", "Waste and Recycling"), T("Administrativ medarbejder", "Administrative officer"), &[Viewed, Changed], "p_waste", None, 1),
    batch("waste", TEKNIK, T("Affald og Genbrug", "Waste and Recycling"), &[Exported], "p_waste", "AFF-OPKR", 1),
    staff("library", BIBLIOTEK, T("Hovedbiblioteket", "Main Library"), T("Bibliotekar", "Librarian"), &[Viewed, Changed], "p_library", None, 4),
    batch("library", BIBLIOTEK, T("Hovedbiblioteket", "Main Library"), &[Exported], "p_library", "BIB-RYK", 1),
    batch("library_newsletter", BIBLIOTEK, T("Kommunikation", "Communications"), &[Exported], "p_newsletter", "BIB-NYH", 1),
];

/// The deferred entry every citizen with events gets: a disclosure to the police, hidden until `hidden_until`.
pub const DEFERRED: EventDef = EventDef {
    category: "cpr_basic",
    org: T("Politiet", "The Police"),
    unit: T("Politiet, Efterforskning", "Police, Investigations"),
    role: T("Efterforsker", "Investigator"),
    actions: &[Disclosed],
    purpose: "p_police",
    case_prefix: Some("POL"),
    batch: None,
    staff: false,
    weight: 0,
};

/// Fictional employee names, shown only when the kiosk is configured to show names.
pub const EMPLOYEES: &[&str] = &[
    "Mette Skovgaard",
    "Lars Brandt",
    "Anne Vestergaard",
    "Kim Holmgaard",
    "Sara Lindholm",
    "Peter Damgaard",
    "Hanne Kjærsgaard",
    "Ali Rasmussen",
    "Lone Bredahl",
    "Thomas Krogh",
];
