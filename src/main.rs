//! The `indsigt` binary: parse the command line, run it, map errors to exit codes.

use clap::Parser;
use indsigt::cli::{Cli, run};
use indsigt::i18n::terminal_lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            for line in err.localized(terminal_lang()) {
                eprintln!("{line}");
            }
            ExitCode::from(err.exit_code())
        }
    }
}
