//! What a kiosk visit writes into the citizen's own access log, the same on both engines: who (Borgerservice
//! of the municipality, the kiosk's place, self-service with or without help), in which area, for which
//! purpose and on which legal basis (the citizen's own access, GDPR art. 15).

use crate::domain::port::{Helper, KioskVisit};
use crate::domain::{Basis, Lawfulness, LegalBasis, OnBehalf, Text};
use crate::store::CitizenRef;

/// A visit made in another person's name: who was at the kiosk, on what basis, and the two names each log
/// shows (the actor's in the subject's log, the subject's in the actor's).
#[derive(Clone, PartialEq, Eq)]
pub struct VisitFor {
    pub actor: CitizenRef,
    pub basis: Basis,
    pub actor_name: String,
    pub subject_name: String,
}

impl std::fmt::Debug for VisitFor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VisitFor")
            .field("basis", &self.basis)
            .finish_non_exhaustive()
    }
}

/// Who was at the kiosk for a visit to a citizen's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visitor {
    /// The citizen themself.
    Citizen,
    /// Someone who may act for them: the visit is in both logs.
    For(VisitFor),
    /// The citizen, at a visit a member of staff opened after checking their ID.
    StaffOpened,
}

impl Visitor {
    /// The side the citizen's own entry shows, if it is not their own plain visit.
    pub(crate) fn subject_side(&self) -> Option<OnBehalf> {
        match self {
            Visitor::Citizen => None,
            Visitor::For(a) => Some(OnBehalf::By {
                basis: a.basis,
                name: a.actor_name.clone(),
            }),
            Visitor::StaffOpened => Some(OnBehalf::Assisted),
        }
    }

    /// The actor and the side their own entry shows, for a visit made in another's name.
    pub(crate) fn actor_side(&self) -> Option<(&CitizenRef, OnBehalf)> {
        match self {
            Visitor::For(a) => Some((
                &a.actor,
                OnBehalf::For {
                    basis: a.basis,
                    name: a.subject_name.clone(),
                },
            )),
            Visitor::Citizen | Visitor::StaffOpened => None,
        }
    }

    /// `kiosk_visits.basis`: why someone other than the citizen alone opened it.
    pub(crate) fn basis_code(&self) -> Option<&'static str> {
        match self {
            Visitor::Citizen => None,
            Visitor::For(a) => Some(a.basis.code()),
            Visitor::StaffOpened => Some("staff_assisted"),
        }
    }
}

/// The area code of Borgerservice, where kiosk visits are logged.
pub(crate) const CITIZEN_SERVICE_AREA: &str = "citizen_service";
/// Where Borgerservice sorts among the areas when the catalogue has no such area: last.
pub(crate) const CITIZEN_SERVICE_SORT: i64 = 99;

/// The names and texts of one visit's log entry.
pub(crate) struct KioskEntry {
    pub organisation: Text,
    pub unit: Text,
    pub role: Text,
    pub kind: Text,
    pub area_name: Text,
    pub area_description: Text,
    pub legal_basis: LegalBasis,
    pub purpose: Text,
    pub purpose_description: Text,
    pub lawfulness: Lawfulness,
    pub how_to_object: Text,
}

/// The entry for `visit` in `municipality`, in the log of the citizen whose data was seen (`side` none or
/// `By`) or of the person who saw another's (`For`). Names are never in these texts: they are shared.
pub(crate) fn kiosk_entry(
    municipality: &Text,
    visit: &KioskVisit,
    side: Option<&OnBehalf>,
) -> KioskEntry {
    let own = own_entry(municipality, visit);
    match side {
        None => own,
        Some(OnBehalf::By { basis, .. }) => KioskEntry {
            role: match basis {
                Basis::Custody => {
                    Text::new("Forælder med forældremyndighed", "Parent with custody")
                }
                Basis::PowerOfAttorney => Text::new(
                    "Person med din fuldmagt",
                    "Person with your power of attorney",
                ),
            },
            purpose: Text::new(
                "Indsigt på dine vegne (GDPR art. 15)",
                "Access on your behalf (GDPR art. 15)",
            ),
            purpose_description: Text::new(
                "En person, der må se dine data, så dem på en kiosk. Besøget står i begges log.",
                "Someone who may see your data looked at it at a kiosk. The visit is in both logs.",
            ),
            ..own
        },
        Some(OnBehalf::Assisted) => KioskEntry {
            role: Text::new(
                "Selvbetjeningskiosk, åbnet af en medarbejder",
                "Self-service kiosk, opened by a member of staff",
            ),
            purpose_description: Text::new(
                "En medarbejder i Borgerservice åbnede besøget, efter at have tjekket dit ID. Så så du dine data.",
                "A member of staff at Citizen Service opened the visit after checking your ID. Then you looked at your data.",
            ),
            ..own
        },
        Some(OnBehalf::For { .. }) => KioskEntry {
            purpose: Text::new(
                "Indsigt for en anden (GDPR art. 15)",
                "Access for someone else (GDPR art. 15)",
            ),
            purpose_description: Text::new(
                "Du så en andens data på en kiosk. Besøget står også i den andens log.",
                "You looked at someone else's data at a kiosk. The visit is in their log too.",
            ),
            ..own
        },
    }
}

fn own_entry(municipality: &Text, visit: &KioskVisit) -> KioskEntry {
    KioskEntry {
        organisation: Text::new(
            format!("Borgerservice, {}", municipality.da),
            format!("Citizen Service, {}", municipality.en),
        ),
        unit: Text::same(visit.location.clone()),
        role: kiosk_role(visit.helper),
        kind: Text::new("Dine data i Indsigt", "Your data in Indsigt"),
        area_name: Text::new("Borgerservice", "Citizen Service"),
        area_description: Text::new(
            "Pas, kørekort og hjælp til selvbetjening.",
            "Passports, driving licences and self-service help.",
        ),
        legal_basis: LegalBasis {
            gdpr: Text::new("GDPR art. 15", "GDPR Art. 15"),
            law: Text::new(
                "Databeskyttelsesforordningen art. 15",
                "General Data Protection Regulation Art. 15",
            ),
            plain: Text::new(
                "Du har ret til at se, hvad kommunen ved om dig.",
                "You have the right to see what the municipality knows about you.",
            ),
        },
        purpose: Text::new(
            "Din egen indsigt (GDPR art. 15)",
            "Your own access (GDPR art. 15)",
        ),
        purpose_description: Text::new(
            "Du så dine egne data på en kiosk. Besøget står i din log, så alt er åbent.",
            "You looked at your own data at a kiosk. The visit is in your log, so everything is open.",
        ),
        lawfulness: Lawfulness::RequiredByLaw,
        how_to_object: Text::new(
            "Kontakt kommunens databeskyttelsesrådgiver, hvis du har spørgsmål.",
            "Contact the municipality's data protection officer if you have questions.",
        ),
    }
}

fn kiosk_role(helper: Helper) -> Text {
    match helper {
        Helper::NoOne => Text::new("Selvbetjeningskiosk", "Self-service kiosk"),
        Helper::Staff => Text::new(
            "Selvbetjeningskiosk, med hjælp fra en medarbejder",
            "Self-service kiosk, with help from staff",
        ),
        Helper::Volunteer => Text::new(
            "Selvbetjeningskiosk, med hjælp fra en frivillig",
            "Self-service kiosk, with help from a volunteer",
        ),
    }
}

/// How the helper is stored in `kiosk_visits.helper`.
pub(crate) fn helper_code(helper: Helper) -> &'static str {
    match helper {
        Helper::NoOne => "no_one",
        Helper::Staff => "staff",
        Helper::Volunteer => "volunteer",
    }
}
