#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The overview's coverage note: systems not updated for too long, and those that never sent anything, are
//! named with the date they last sent data.

mod common;

use common::ELDERLY;
use common::kiosk::{Kiosk, demo_source};
use indsigt::domain::{ConnectedSystem, Lang};
use indsigt::kiosk::{Loaded, Msg};

fn at(s: &str) -> Option<jiff::Timestamp> {
    Some(s.parse().unwrap())
}

#[test]
fn stale_and_silent_systems_are_named_on_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 10));
    k.sign_in(ELDERLY, Lang::En);
    let generation = k.model.generation;
    let systems = vec![
        ConnectedSystem {
            name: "KMD Nexus".into(),
            last_ingest: at("2026-11-01T08:00:00Z"),
            stale: false,
        },
        ConnectedSystem {
            name: "Momentum".into(),
            last_ingest: at("2026-10-20T08:00:00Z"),
            stale: true,
        },
        ConnectedSystem {
            name: "Aula".into(),
            last_ingest: None,
            stale: true,
        },
    ];
    k.send(Msg::Loaded {
        generation,
        result: Loaded::Systems(Ok(systems)),
    });
    let screen = k.screen(120, 40);
    assert!(
        screen.contains("Data from 1 system, last updated 1 Nov 2026. Not updated since 20 Oct 2026: Momentum. No data yet from: Aula."),
        "{screen}"
    );
}

#[test]
fn many_stale_systems_are_grouped_by_day_and_the_list_is_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut k = Kiosk::new(demo_source(dir.path(), 10));
    k.sign_in(ELDERLY, Lang::En);
    let generation = k.model.generation;
    let stale = |name: &str, when: &str| ConnectedSystem {
        name: name.into(),
        last_ingest: at(when),
        stale: true,
    };
    let mut systems: Vec<ConnectedSystem> =
        ["Aula", "BBR", "CPR", "KMD Nexus", "Momentum", "SBSYS"]
            .iter()
            .map(|n| stale(n, "2026-11-01T08:00:00Z"))
            .collect();
    systems.push(stale("Cura", "2026-11-20T08:00:00Z"));
    k.send(Msg::Loaded {
        generation,
        result: Loaded::Systems(Ok(systems)),
    });
    let screen = k.screen(120, 40);
    assert!(
        screen.contains(
            "Not updated since 20 Nov 2026: Cura. Not updated since 1 Nov 2026: Aula, BBR, CPR and 3 more."
        ),
        "{screen}"
    );
}
