//! Indsigt: a kiosk where citizens see what their municipality knows about them.
//!
//! The library holds everything; `src/main.rs` is a thin binary over it.
//! See `README.md` for the architecture.

pub mod app;
pub mod auth;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod domain;
pub mod feedback_report;
pub mod fhir;
pub mod i18n;
pub mod ingest;
pub mod kiosk;
pub mod messages;
pub mod server;
pub mod source;
pub mod store;
pub mod ui;
