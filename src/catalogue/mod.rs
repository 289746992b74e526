//! The processing catalogue (GDPR Art. 30, the DPO's *fortegnelse over behandlingsaktiviteter*): a folder
//! of TOML files with areas, systems, legal bases, purposes, data categories, consent types and
//! decision-support tools. `docs/catalogue.md` describes the format.
//!
//! [`load`] checks a folder against [`schema`] and reports every problem with its file, line and key
//! (`indsigt catalogue check DIR`); only a valid folder becomes a [`Catalogue`].

mod errors;
mod load;
mod messages;
mod model;
pub mod schema;
mod walk;

pub use errors::{CatalogueError, CatalogueErrors, Loc};
pub use load::{load, load_texts, load_with_digest};
pub use messages::summary;
pub use model::*;
