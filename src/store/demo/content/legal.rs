//! Legal bases: the GDPR article, the Danish law, and plain words.

use super::T;

pub struct LegalDef {
    pub key: &'static str,
    pub gdpr: T,
    pub law: T,
    pub plain: T,
}

const G6C: T = T("GDPR art. 6, stk. 1, litra c", "GDPR Art. 6(1)(c)");
const G6E: T = T("GDPR art. 6, stk. 1, litra e", "GDPR Art. 6(1)(e)");
const G6A: T = T("GDPR art. 6, stk. 1, litra a", "GDPR Art. 6(1)(a)");
const G9H: T = T(
    "GDPR art. 6, stk. 1, litra e, og art. 9, stk. 2, litra h",
    "GDPR Art. 6(1)(e) and 9(2)(h)",
);
const G9B: T = T(
    "GDPR art. 6, stk. 1, litra e, og art. 9, stk. 2, litra b",
    "GDPR Art. 6(1)(e) and 9(2)(b)",
);

pub const LEGAL: &[LegalDef] = &[
    LegalDef {
        key: "cpr",
        gdpr: G6C,
        law: T(
            "CPR-loven (lov om Det Centrale Personregister)",
            "The CPR Act (Act on the Central Person Register)",
        ),
        plain: T(
            "Loven siger, at kommunen skal registrere, hvem du er, og hvor du bor.",
            "The law says the municipality must register who you are and where you live.",
        ),
    },
    LegalDef {
        key: "passport",
        gdpr: G6E,
        law: T(
            "Pasloven og pasbekendtgørelsen",
            "The Passport Act and the Passport Order",
        ),
        plain: T(
            "Kommunen laver pas for staten. Derfor skal vi have dine oplysninger.",
            "The municipality issues passports for the state. That is why we need your data.",
        ),
    },
    LegalDef {
        key: "licence",
        gdpr: G6E,
        law: T(
            "Færdselsloven og kørekortbekendtgørelsen",
            "The Road Traffic Act and the Driving Licence Order",
        ),
        plain: T(
            "Kommunen laver kørekort for staten. Derfor skal vi have dine oplysninger.",
            "The municipality issues driving licences for the state. That is why we need your data.",
        ),
    },
    LegalDef {
        key: "home_care",
        gdpr: G9H,
        law: T(
            "Serviceloven § 83",
            "Consolidated Act on Social Services, section 83",
        ),
        plain: T(
            "Kommunen skal hjælpe dig, hvis du ikke selv kan klare personlig pleje eller rengøring.",
            "The municipality must help you if you cannot manage personal care or cleaning yourself.",
        ),
    },
    LegalDef {
        key: "rehab",
        gdpr: G9H,
        law: T(
            "Serviceloven § 86",
            "Consolidated Act on Social Services, section 86",
        ),
        plain: T(
            "Kommunen skal tilbyde træning, hvis du har svært ved at klare dig på grund af sygdom.",
            "The municipality must offer training if illness makes it hard for you to manage.",
        ),
    },
    LegalDef {
        key: "hospital_rehab",
        gdpr: G9H,
        law: T("Sundhedsloven § 140", "Health Act, section 140"),
        plain: T(
            "Når du kommer hjem fra sygehuset med en genoptræningsplan, skal kommunen tilbyde dig genoptræning.",
            "When you leave hospital with a rehabilitation plan, the municipality must offer you rehabilitation.",
        ),
    },
    LegalDef {
        key: "employment",
        gdpr: G6E,
        law: T(
            "Lov om en aktiv beskæftigelsesindsats (LAB-loven)",
            "Act on an Active Employment Effort (the LAB Act)",
        ),
        plain: T(
            "Jobcentret skal hjælpe dig i arbejde og følge op på din sag.",
            "The jobcentre must help you into work and follow up on your case.",
        ),
    },
    LegalDef {
        key: "employment_health",
        gdpr: G9B,
        law: T(
            "Lov om en aktiv beskæftigelsesindsats (LAB-loven)",
            "Act on an Active Employment Effort (the LAB Act), health data",
        ),
        plain: T(
            "Jobcentret må bruge oplysninger om dit helbred, når det er nødvendigt for at finde det rigtige job til dig.",
            "The jobcentre may use information about your health when it is needed to find the right job for you.",
        ),
    },
    LegalDef {
        key: "school",
        gdpr: G6E,
        law: T("Folkeskoleloven", "The Folkeskole Act (public schools)"),
        plain: T(
            "Kommunen skal sørge for, at dit barn går i skole og trives.",
            "The municipality must make sure your child goes to school and is doing well.",
        ),
    },
    LegalDef {
        key: "child_benefit",
        gdpr: G6E,
        law: T(
            "Lov om en børne- og ungeydelse",
            "Act on Child and Youth Benefit",
        ),
        plain: T(
            "Udbetaling Danmark udbetaler børne- og ungeydelse til familier med børn.",
            "Udbetaling Danmark pays child and youth benefit to families with children.",
        ),
    },
    LegalDef {
        key: "housing_benefit",
        gdpr: G6E,
        law: T(
            "Lov om individuel boligstøtte",
            "Act on Individual Housing Benefit",
        ),
        plain: T(
            "Udbetaling Danmark beregner din boligstøtte ud fra din husleje og din indkomst.",
            "Udbetaling Danmark works out your housing benefit from your rent and your income.",
        ),
    },
    LegalDef {
        key: "pension",
        gdpr: G6E,
        law: T("Lov om social pension", "Act on Social Pensions"),
        plain: T(
            "Udbetaling Danmark udbetaler folkepension. Kommunen hjælper med tillæg.",
            "Udbetaling Danmark pays the state pension. The municipality helps with supplements.",
        ),
    },
    LegalDef {
        key: "bbr",
        gdpr: G6C,
        law: T(
            "Lov om bygnings- og boligregistrering (BBR)",
            "Act on Building and Dwelling Registration (BBR)",
        ),
        plain: T(
            "Kommunen skal registrere alle bygninger og boliger.",
            "The municipality must register all buildings and dwellings.",
        ),
    },
    LegalDef {
        key: "waste",
        gdpr: G6E,
        law: T(
            "Miljøbeskyttelsesloven og affaldsbekendtgørelsen",
            "The Environmental Protection Act and the Waste Order",
        ),
        plain: T(
            "Kommunen skal hente dit affald og opkræve et gebyr for det.",
            "The municipality must collect your waste and charge a fee for it.",
        ),
    },
    LegalDef {
        key: "library",
        gdpr: G6E,
        law: T("Lov om biblioteksvirksomhed", "Act on Library Services"),
        plain: T(
            "Biblioteket skal vide, hvem der har lånt hvad, for at få materialerne tilbage.",
            "The library must know who borrowed what, to get the items back.",
        ),
    },
    LegalDef {
        key: "consent",
        gdpr: G6A,
        law: T("Dit samtykke", "Your consent"),
        plain: T(
            "Du har selv sagt ja. Du kan trække dit ja tilbage når som helst.",
            "You said yes yourself. You can withdraw your yes at any time.",
        ),
    },
    LegalDef {
        key: "consent_health",
        gdpr: T(
            "GDPR art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a",
            "GDPR Art. 6(1)(a) and 9(2)(a)",
        ),
        law: T(
            "Dit samtykke og sundhedsloven",
            "Your consent and the Health Act",
        ),
        plain: T(
            "Vi deler kun dine helbredsoplysninger, fordi du har sagt ja. Du kan trække dit ja tilbage.",
            "We share your health data only because you said yes. You can withdraw your yes.",
        ),
    },
    LegalDef {
        key: "tax",
        gdpr: G6C,
        law: T("Skattekontrolloven", "The Tax Control Act"),
        plain: T(
            "Kommunen skal give Skattestyrelsen de oplysninger, der har betydning for din skat.",
            "The municipality must give the Danish Tax Agency the data that affect your tax.",
        ),
    },
    LegalDef {
        key: "police",
        gdpr: G6C,
        law: T("Retsplejeloven", "The Administration of Justice Act"),
        plain: T(
            "Politiet kan få oplysninger til en efterforskning. Du kan først se det, når det ikke længere skader efterforskningen.",
            "The police can get data for an investigation. You can see it once it no longer harms the investigation.",
        ),
    },
];
