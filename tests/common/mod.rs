//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod fixtures;

use std::process::{Command, Output};

/// The real binary with a clean environment: no `INDSIGT_` variables and the language set.
pub fn indsigt(lang: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_indsigt"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("INDSIGT_") {
            cmd.env_remove(name);
        }
    }
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    cmd.args(args).envs(env.iter().copied());
    cmd.output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
