//! The municipality's areas, in the order the kiosk shows them.

use super::T;

pub struct AreaDef {
    pub code: &'static str,
    pub name: T,
    pub description: T,
}

pub const AREAS: &[AreaDef] = &[
    AreaDef {
        code: "cpr",
        name: T("Folkeregister (CPR)", "Civil registration (CPR)"),
        description: T(
            "Dit navn, din adresse og din familie, som de står i CPR-registret.",
            "Your name, address and family, as held in the CPR register.",
        ),
    },
    AreaDef {
        code: crate::store::writes::CITIZEN_SERVICE_AREA,
        name: T("Borgerservice", "Citizen Service"),
        description: T(
            "Pas, kørekort og hjælp til selvbetjening.",
            "Passports, driving licences and self-service help.",
        ),
    },
    AreaDef {
        code: "health",
        name: T("Sundhed og Omsorg", "Health and Care"),
        description: T(
            "Hjemmepleje, sygepleje og genoptræning.",
            "Home care, home nursing and rehabilitation.",
        ),
    },
    AreaDef {
        code: "employment",
        name: T("Beskæftigelse (Jobcenter)", "Employment (Jobcentre)"),
        description: T(
            "Hjælp til at finde arbejde, når du er ledig.",
            "Help to find work when you are unemployed.",
        ),
    },
    AreaDef {
        code: "children",
        name: T("Børn, Familie og Skole", "Children, Family and School"),
        description: T(
            "Skole, dagtilbud og støtte til familier.",
            "School, childcare and support for families.",
        ),
    },
    AreaDef {
        code: "benefits",
        name: T("Økonomi og Ydelser", "Money and Benefits"),
        description: T(
            "Boligstøtte, pension og andre ydelser. Mange udbetales af Udbetaling Danmark.",
            "Housing benefit, pension and other benefits. Many are paid by Udbetaling Danmark.",
        ),
    },
    AreaDef {
        code: "technical",
        name: T("Teknik og Miljø", "Technical and Environment"),
        description: T(
            "Bygninger og boliger (BBR) og affald.",
            "Buildings and dwellings (BBR) and waste collection.",
        ),
    },
    AreaDef {
        code: "library",
        name: T("Bibliotek", "Library"),
        description: T(
            "Dine lån, reserveringer og nyhedsbreve.",
            "Your loans, reservations and newsletters.",
        ),
    },
];
