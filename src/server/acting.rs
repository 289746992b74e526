//! Whose data a request is about: the signed-in person's own, or, with `X-Indsigt-Acting-For`, someone
//! they may act for. The server works out whom from what it verified itself: custody relations the CPR
//! system sent (a child under `child_age_limit`), and the privilege list inside the signed token (power of
//! attorney). The handle a kiosk sends back is a keyed tag, good only with the same sign-in; a handle
//! the server did not give this person is refused, and nothing is read.

use super::bearer::Subject;
use super::citizen::citizen_ref;
use super::error::ApiError;
use super::state::ServerState;
use crate::auth::privileges;
use crate::domain::{Basis, Represented};
use crate::store::CitizenRef;
use crate::store::relations::Person;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use jiff::Timestamp;

/// The header a kiosk names the person it acts for in: a handle from `GET /v1/represented`.
pub const ACTING_HEADER: &str = "x-indsigt-acting-for";

/// What the server needs of `[server.representation]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepresentationPolicy {
    pub see_privilege: String,
    pub act_privilege: String,
    pub child_age_limit: u32,
    pub relations_system: String,
}

/// A person the signed-in citizen may act for, with what the server knows of them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub handle: String,
    pub person: Person,
    pub basis: Basis,
    pub may_act: bool,
}

impl Candidate {
    /// The name shown for them: their name, or their masked CPR number when the store has none.
    pub fn display_name(&self) -> String {
        if self.person.name.trim().is_empty() {
            self.person.masked_cpr.clone()
        } else {
            self.person.name.clone()
        }
    }

    pub fn to_represented(&self) -> Represented {
        Represented {
            handle: self.handle.clone(),
            name: self.display_name(),
            basis: self.basis,
            may_act: self.may_act,
        }
    }
}

/// How a citizen ref is written into a handle's tag.
fn ref_text(who: &CitizenRef) -> String {
    match who {
        CitizenRef::Subject(s) => format!("sub:{s}"),
        CitizenRef::CprKey(k) => format!("key:{k}"),
    }
}

/// Everyone `subject` may act for now, custody first, each person once.
pub async fn candidates(
    state: &ServerState,
    subject: &Subject,
) -> Result<Vec<Candidate>, ApiError> {
    let (Some(policy), Some(pepper), None) =
        (&state.representation, &state.pepper, &subject.assisted)
    else {
        // A visit staff opened is for the citizen alone: no one else's data.
        return Ok(Vec::new());
    };
    let actor = citizen_ref(state, &subject.id)?;
    let today = Timestamp::now()
        .to_zoned_datetime(crate::i18n::copenhagen())
        .date();
    let mut found: Vec<(Person, Basis, bool)> = Vec::new();
    match state
        .store
        .children_in_custody(&actor, today, policy.child_age_limit)
        .await
    {
        Ok(children) => found.extend(children.into_iter().map(|c| (c, Basis::Custody, true))),
        // A person the store does not know has no children in it; they may still hold powers of attorney.
        Err(e) if e.code == "unknown_citizen" => {}
        Err(e) => return Err(e),
    }
    if let Some(list) = &subject.privileges {
        match privileges::parse(list) {
            Err(e) => {
                tracing::warn!(error = %e, "privilege list refused: signed in as themself only")
            }
            Ok(people) => {
                for p in people {
                    let see = p.holds(&policy.see_privilege);
                    let act = p.holds(&policy.act_privilege);
                    if !see && !act {
                        continue;
                    }
                    let key = pepper.citizen_key(&p.cpr);
                    if actor == CitizenRef::CprKey(key.clone()) {
                        continue;
                    }
                    if let Some(known) = found.iter_mut().find(|(f, _, _)| f.key == key) {
                        known.2 |= act;
                        continue;
                    }
                    match state.store.person_by_key(key).await? {
                        Some(person) => found.push((person, Basis::PowerOfAttorney, act)),
                        None => tracing::warn!(
                            "a privilege list names a person the server does not know; left out"
                        ),
                    }
                }
            }
        }
    }
    let actor_text = ref_text(&actor);
    Ok(found
        .into_iter()
        .map(|(person, basis, may_act)| Candidate {
            handle: pepper.tag("acting-for", &[&actor_text, &person.key]),
            person,
            basis,
            may_act,
        })
        .collect())
}

/// A request's citizen: whose data it reads or writes, and, when that is someone else, on what grounds.
#[derive(Debug, Clone)]
pub struct Acting {
    /// The signed-in person, as verified.
    pub subject: Subject,
    /// The citizen whose data this is.
    pub citizen: CitizenRef,
    /// Set when the signed-in person acts for someone else.
    pub on_behalf: Option<OnBehalfOf>,
}

/// Acting for someone else: the signed-in person's own ref, and the checked grounds.
#[derive(Debug, Clone)]
pub struct OnBehalfOf {
    pub actor: CitizenRef,
    pub candidate: Candidate,
}

impl Acting {
    /// Refuses a write (withdraw, report) that the grounds do not cover.
    pub fn may_act(&self) -> Result<(), ApiError> {
        match &self.on_behalf {
            Some(o) if !o.candidate.may_act => Err(forbidden(
                "this power of attorney lets you see this person's data, not act for them",
            )),
            _ => Ok(()),
        }
    }

    /// Refuses what only the citizen themself may do.
    pub fn only_self(&self) -> Result<(), ApiError> {
        match self.on_behalf {
            Some(_) => Err(forbidden("only the citizen themself can do this")),
            None => Ok(()),
        }
    }
}

fn forbidden(message: &str) -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
}

impl FromRequestParts<ServerState> for Acting {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ServerState,
    ) -> Result<Acting, ApiError> {
        let subject = Subject::from_request_parts(parts, state).await?;
        let own = match &subject.assisted {
            Some(citizen) => citizen.clone(),
            None => citizen_ref(state, &subject.id)?,
        };
        let Some(value) = parts.headers.get(ACTING_HEADER) else {
            return Ok(Acting {
                subject,
                citizen: own,
                on_behalf: None,
            });
        };
        let refused = || forbidden("you may not see this person's data");
        let handle = value.to_str().map_err(|_| refused())?.trim().to_owned();
        let candidate = candidates(state, &subject)
            .await?
            .into_iter()
            .find(|c| {
                bool::from(subtle::ConstantTimeEq::ct_eq(
                    c.handle.as_bytes(),
                    handle.as_bytes(),
                ))
            })
            .ok_or_else(|| {
                tracing::warn!("acting for someone the sign-in does not cover: refused");
                refused()
            })?;
        Ok(Acting {
            subject,
            citizen: CitizenRef::CprKey(candidate.person.key.clone()),
            on_behalf: Some(OnBehalfOf {
                actor: own,
                candidate,
            }),
        })
    }
}
