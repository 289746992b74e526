//! FHIR R4 AuditEvent ingest (IHE Basic Audit Log Patterns): a typed subset of R4 written once
//! ([`model`]), the mapping of one AuditEvent to an access-log entry ([`audit`]), its problems
//! ([`error`]) and the FHIR answers ([`outcome`]). The routes are in `server::fhir`.
//!
//! No FHIR crate: the ones on crates.io generate every resource of a release (hundreds of thousands of
//! lines; minutes of build on two cores) and R4 is not always among them, while ingest needs three
//! resources and strict refusal of unknown elements.

mod action;
pub mod audit;
pub mod error;
pub mod model;
pub mod outcome;
mod parse;
