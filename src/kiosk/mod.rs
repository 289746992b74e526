//! The kiosk core: the model, msgs, the pure `update`, effects, and the keymap.
//! It knows nothing of terminals, HTTP or SQL.

pub mod access_log;
pub mod device;
pub mod effect;
pub mod keymap;
pub mod menu;
pub mod model;
pub mod msg;
pub mod screen;
pub mod speech;
pub mod staff;
pub mod timers;
pub mod update;
pub mod url;

pub use effect::{AuthEffect, Effect, Pin, Request, Utterance};
pub use keymap::{Intent, Key};
pub use model::{
    Blind, Layer, Loadable, Model, Notice, PinEntry, Place, Session, Settings, Warning, WarningKind,
};
pub use msg::{Loaded, Msg};
pub use screen::{Screen, View};
pub use update::update;
