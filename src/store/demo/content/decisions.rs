//! Uses of decision-support tools in the demo citizens' cases (GDPR Art. 15(1)(h)).

use super::T;

/// One use of a catalogue tool (`catalogue/decision_tools.toml`, found by its name): only what the
/// catalogue does not say, the citizen's result and the factors that mattered.
pub struct DecisionDef {
    pub tool: T,
    pub result: T,
    pub factors: &'static [(T, T)],
    pub days_ago: i64,
    pub case_ref: &'static str,
}

pub const REHAB_TOOL: DecisionDef = DecisionDef {
    tool: T(
        "Rehabiliteringsplanlægning (beslutningsstøtte i KMD Nexus)",
        "Rehabilitation planning (decision support in KMD Nexus)",
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
    days_ago: 48,
    case_ref: "SAG-2026-04417",
};

pub const JOB_TOOL: DecisionDef = DecisionDef {
    tool: T(
        "Min Plan: jobmatch og profilafklaring",
        "My Plan: job match and profiling",
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
    days_ago: 30,
    case_ref: "JOB-2026-11873",
};
