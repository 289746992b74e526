//! Driving the pure core in tests: a key, a character, a source result, and the source calls among effects.

use super::fixtures::now;
use indsigt::kiosk::{Effect, Key, Loaded, Model, Msg, Request, update};

pub fn key(m: &mut Model, k: Key) -> Vec<Effect> {
    update(m, Msg::Key(k, now()))
}

pub fn ch(m: &mut Model, c: char) -> Vec<Effect> {
    key(m, Key::Char(c))
}

/// A source result for the current session generation.
pub fn loaded(m: &mut Model, result: Loaded) -> Vec<Effect> {
    let generation = m.generation;
    update(m, Msg::Loaded { generation, result })
}

/// The source calls among `effects`, in order.
pub fn requests(effects: &[Effect]) -> Vec<Request> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Fetch { request, .. } => Some(request.clone()),
            _ => None,
        })
        .collect()
}
