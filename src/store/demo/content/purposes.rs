//! The purposes the municipality processes data for, each resting on a legal basis.

use super::T;
use crate::domain::Lawfulness;

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
