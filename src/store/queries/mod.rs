//! Read queries, one file per area of the API. Every query is scoped by the citizen.

pub(crate) mod access_log;
pub(crate) mod categories;
pub(super) mod citizens;
pub(crate) mod consents;
mod decisions;
mod overview;
mod requests;
pub(crate) mod retention;
pub(crate) mod systems;
