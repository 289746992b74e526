//! The kiosk's data adapters: the implementations of the [`DataSource`] port.
//!
//! The kiosk never knows whether its data comes from the embedded SQLite store ([`LocalSource`]) or from
//! `indsigt serve` over HTTPS ([`HttpSource`]). Calls are blocking; the effect runner runs them on
//! tokio's blocking pool, off the render loop. The port itself (the trait and its types) lives in
//! [`crate::domain::port`].

pub mod http;
mod local;

pub use crate::domain::port::{
    AccessToken, DataSource, Helper, KioskVisit, Organisation, Principal, SourceError, SourceResult,
};
pub use http::HttpSource;
pub use local::LocalSource;
