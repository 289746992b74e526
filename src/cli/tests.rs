//! Parsing the command line.

use super::*;
use clap::CommandFactory;

#[test]
fn the_cli_is_well_formed() {
    Cli::command().debug_assert();
}

#[test]
fn demo_data_defaults() {
    let cli = Cli::parse_from(["indsigt", "demo-data", "--out", "x.db"]);
    let Some(Command::DemoData(args)) = cli.command else {
        panic!("expected demo-data");
    };
    assert_eq!(
        args,
        DemoDataArgs {
            out: PathBuf::from("x.db"),
            citizens: 6,
            heavy_events: 100_000,
            events_per_citizen: 200,
            seed: 1,
            force: false,
        }
    );
}

#[test]
fn catalogue_check_and_import_take_a_folder() {
    let cli = Cli::parse_from(["indsigt", "catalogue", "check", "catalogue"]);
    assert!(matches!(
        cli.command,
        Some(Command::Catalogue(CatalogueCommand::Check { dir })) if dir == Path::new("catalogue")
    ));
    let cli = Cli::parse_from(["indsigt", "catalogue", "import", "c", "--config", "s.toml"]);
    assert_eq!(cli.config, Some(PathBuf::from("s.toml")));
    assert!(matches!(
        cli.command,
        Some(Command::Catalogue(CatalogueCommand::Import { dir })) if dir == Path::new("c")
    ));
}

#[test]
fn config_is_global() {
    let cli = Cli::parse_from(["indsigt", "check-config", "--config", "a.toml"]);
    assert_eq!(cli.config, Some(PathBuf::from("a.toml")));
    let cli = Cli::parse_from(["indsigt", "--config", "b.toml", "kiosk"]);
    assert_eq!(cli.config, Some(PathBuf::from("b.toml")));
    assert!(matches!(cli.command, Some(Command::Kiosk)));
}
