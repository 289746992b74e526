//! Uses of decision-support tools in the demo citizens' cases (GDPR Art. 15(1)(h)).

use super::T;

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

pub const REHAB_TOOL: DecisionDef = DecisionDef {
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

pub const JOB_TOOL: DecisionDef = DecisionDef {
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
