//! Configuration: serde types, the schema, loading and checking.
//!
//! `config/default.toml` is the demo profile and is compiled in as the base. `--config FILE` is merged over
//! it key by key, and `INDSIGT_<SECTION>_<KEY>` environment variables override both. The merged TOML is
//! checked against [`schema::SCHEMA`] (every problem is reported, with its key and what is allowed) and
//! only then deserialized into [`Config`].

mod check;
mod env;
mod errors;
mod kiosk_settings;
mod layers;
mod load;
mod messages;
pub mod schema;
mod schema_server;
mod types;
mod types_server;
mod url;

pub use env::{PREFIX as ENV_PREFIX, var_name as env_var_name};
pub use errors::{ConfigError, ConfigErrors, Origin, UrlProblem};
pub use kiosk_settings::demo_settings;
pub(crate) use load::line_column;
pub use load::{DEFAULT_FILE_NAME, DEFAULT_TOML};
pub use messages::summary;
pub use types::*;
pub use types_server::*;
