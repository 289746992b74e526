//! Legal bases (GDPR article, Danish law, plain words) and the purposes that rest on them.

use super::T;
use crate::domain::Lawfulness;

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

pub struct PurposeDef {
    pub key: &'static str,
    pub name: T,
    pub description: T,
    pub legal: &'static str,
    pub lawfulness: Lawfulness,
    pub object: T,
}

const OBJECT_LAW: T = T(
    "Loven kræver behandlingen. Er noget forkert, så bed om at få det rettet. Du kan gøre indsigelse hos kommunens databeskyttelsesrådgiver og klage til Datatilsynet.",
    "The law requires this processing. If something is wrong, ask to have it corrected. You can object to the municipality's data protection officer and complain to Datatilsynet.",
);
const OBJECT_CONSENT: T = T(
    "Du kan trække dit samtykke tilbage her på skærmen under Samtykker, eller i Borgerservice.",
    "You can withdraw your consent here on the screen under Consents, or at Citizen Service.",
);

const fn law(key: &'static str, legal: &'static str, name: T, description: T) -> PurposeDef {
    PurposeDef {
        key,
        name,
        description,
        legal,
        lawfulness: Lawfulness::RequiredByLaw,
        object: OBJECT_LAW,
    }
}

const fn consent(key: &'static str, legal: &'static str, name: T, description: T) -> PurposeDef {
    PurposeDef {
        key,
        name,
        description,
        legal,
        lawfulness: Lawfulness::Voluntary,
        object: OBJECT_CONSENT,
    }
}

pub const PURPOSES: &[PurposeDef] = &[
    law(
        "p_cpr",
        "cpr",
        T("Folkeregistrering", "Civil registration"),
        T(
            "At vide hvem du er, og hvor du bor, så du kan få post og ydelser.",
            "To know who you are and where you live, so you can get post and benefits.",
        ),
    ),
    law(
        "p_passport",
        "passport",
        T("Udstedelse af pas", "Issuing passports"),
        T(
            "At lave dit pas og kontrollere, at det er dig.",
            "To make your passport and check that it is you.",
        ),
    ),
    law(
        "p_licence",
        "licence",
        T("Udstedelse af kørekort", "Issuing driving licences"),
        T(
            "At lave dit kørekort og forny det.",
            "To make and renew your driving licence.",
        ),
    ),
    law(
        "p_home_care",
        "home_care",
        T("Hjemmepleje", "Home care"),
        T(
            "At give dig den hjælp i hjemmet, du er bevilget.",
            "To give you the help at home you were granted.",
        ),
    ),
    law(
        "p_rehab",
        "rehab",
        T("Træning og rehabilitering", "Training and rehabilitation"),
        T(
            "At træne med dig, så du kan klare mere selv.",
            "To train with you, so you can manage more on your own.",
        ),
    ),
    law(
        "p_hospital_rehab",
        "hospital_rehab",
        T(
            "Genoptræning efter sygehus",
            "Rehabilitation after hospital",
        ),
        T(
            "At følge genoptræningsplanen fra sygehuset.",
            "To follow the hospital's rehabilitation plan.",
        ),
    ),
    consent(
        "p_health_share",
        "consent_health",
        T(
            "Deling af helbredsoplysninger med din læge",
            "Sharing health data with your GP",
        ),
        T(
            "At din egen læge kan se, hvordan det går med plejen og træningen.",
            "So your own GP can see how care and training are going.",
        ),
    ),
    law(
        "p_job",
        "employment",
        T("Hjælp til at finde arbejde", "Help to find work"),
        T(
            "At planlægge samtaler, aktiviteter og job sammen med dig.",
            "To plan meetings, activities and jobs with you.",
        ),
    ),
    law(
        "p_job_health",
        "employment_health",
        T(
            "Skånehensyn i jobsagen",
            "Health considerations in your job case",
        ),
        T(
            "At tage hensyn til dit helbred, når vi finder job og aktiviteter.",
            "To take your health into account when finding jobs and activities.",
        ),
    ),
    consent(
        "p_job_project",
        "consent",
        T(
            "Deltagelse i jobtræningsprojekt",
            "Taking part in a job-training project",
        ),
        T(
            "At du kan være med i et frivilligt projekt med praktik.",
            "So you can take part in a voluntary project with a work placement.",
        ),
    ),
    law(
        "p_school",
        "school",
        T("Skolegang og trivsel", "Schooling and well-being"),
        T(
            "At dit barn får undervisning, og at skolen kan følge med i fravær og trivsel.",
            "So your child is taught, and the school can follow absence and well-being.",
        ),
    ),
    consent(
        "p_school_photos",
        "consent",
        T(
            "Billeder af dit barn i Aula",
            "Photos of your child in Aula",
        ),
        T(
            "At skolen må vise billeder fra skoledagen, hvor dit barn er med.",
            "So the school may show photos from the school day with your child in them.",
        ),
    ),
    law(
        "p_child_benefit",
        "child_benefit",
        T("Børne- og ungeydelse", "Child and youth benefit"),
        T(
            "At udbetale ydelsen for dine børn.",
            "To pay the benefit for your children.",
        ),
    ),
    law(
        "p_housing",
        "housing_benefit",
        T("Beregning af boligstøtte", "Working out housing benefit"),
        T(
            "At beregne og udbetale din boligstøtte.",
            "To work out and pay your housing benefit.",
        ),
    ),
    law(
        "p_pension",
        "pension",
        T("Folkepension og tillæg", "State pension and supplements"),
        T(
            "At udbetale din pension og de tillæg, du har ret til.",
            "To pay your pension and the supplements you are entitled to.",
        ),
    ),
    law(
        "p_control",
        "housing_benefit",
        T("Kontrol af udbetalinger", "Checking payments"),
        T(
            "Faste kørsler, der kontrollerer, at ydelser er beregnet rigtigt.",
            "Regular runs that check that benefits are worked out correctly.",
        ),
    ),
    law(
        "p_bbr",
        "bbr",
        T(
            "Registrering af bygninger og boliger",
            "Registering buildings and dwellings",
        ),
        T(
            "At holde BBR opdateret, bl.a. til ejendomsvurdering.",
            "To keep BBR up to date, among other things for property assessment.",
        ),
    ),
    law(
        "p_waste",
        "waste",
        T("Affaldsindsamling og gebyr", "Waste collection and fee"),
        T(
            "At hente dit affald og sende regningen.",
            "To collect your waste and send the bill.",
        ),
    ),
    law(
        "p_library",
        "library",
        T("Udlån af materialer", "Lending items"),
        T(
            "At låne dig bøger og andre materialer ud og få dem igen.",
            "To lend you books and other items and get them back.",
        ),
    ),
    consent(
        "p_newsletter",
        "consent",
        T("Bibliotekets nyhedsbrev", "The library's newsletter"),
        T(
            "At sende dig nyheder om arrangementer på e-mail.",
            "To e-mail you news about events.",
        ),
    ),
    law(
        "p_tax",
        "tax",
        T(
            "Indberetning til Skattestyrelsen",
            "Reporting to the Danish Tax Agency",
        ),
        T(
            "At give Skattestyrelsen oplysninger, der har betydning for din skat.",
            "To give the tax agency data that affect your tax.",
        ),
    ),
    law(
        "p_police",
        "police",
        T(
            "Efterforskning (udskudt indsigt)",
            "Investigation (deferred access)",
        ),
        T(
            "Oplysninger givet til politiet i en efterforskning.",
            "Data given to the police in an investigation.",
        ),
    ),
];
