//! The system map and the participant registry through the use cases: what each role sees, what
//! an export carries, all-or-nothing imports, the round trip through every interchange format,
//! and backups.

use std::collections::BTreeSet;
use std::sync::Arc;

use time::macros::date;
use tracktwo_app::map::{CoverageGap, Need};
use tracktwo_app::{App, AppError};
use tracktwo_domain::map::{
    ActorDetails, ActorKind, Capacity, ConsentAnswer, Level, RegistryEntry, TieDetails, TieKind, Track, Unavailable,
};
use tracktwo_domain::{ActorId, Channel, Identity, InitiativeId, MemberRole, NewInitiative, NewSide, NewUser, SideId};
use tracktwo_interchange::{FileActor, MapFile};
use tracktwo_test_support::{Serin, TestStore, init_app, open_app, restore, serin_with_two_sides};

fn details(code: &str, side: Option<SideId>, track: Track, level: Level, decision_maker: bool) -> ActorDetails {
    ActorDetails {
        kind: ActorKind::Person,
        name: Some(format!("Real name of {code}")),
        code_name: code.to_owned(),
        primary_track: track,
        tracks: BTreeSet::new(),
        level,
        side,
        role: format!("role of {code}"),
        decision_maker,
        notes: format!("notes on {code}"),
        public_description: format!("public description of {code}"),
        unplaced: std::collections::BTreeSet::new(),
    }
}

fn tie(from: ActorId, to: ActorId, kind: TieKind, strength: u8) -> TieDetails {
    TieDetails {
        from,
        to,
        kind,
        directed: kind.directed_by_default(),
        strength,
        valid_from: None,
        valid_until: None,
        notes: format!("tie notes {}", kind.as_str()),
    }
}

struct Scenario {
    app: App,
    initiative: InitiativeId,
    sides: [SideId; 2],
    /// One identity per role (participants on side 0).
    people: Vec<(MemberRole, Identity)>,
    actors: Vec<ActorId>,
}

async fn scenario(t: &TestStore) -> Scenario {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale: vale, lowland_coast: coast } = serin_with_two_sides(&app).await;
    let mut people = Vec::new();
    for role in MemberRole::ALL {
        let user = app
            .create_user(&kh, NewUser { username: role.as_str().into(), display_name: String::new(), is_admin: false })
            .await
            .unwrap();
        let side = (role == MemberRole::Participant).then_some(vale);
        app.add_member(&kh, i, user.id, role, side).await.unwrap();
        people.push((role, Identity::user(user.id, false, Channel::Web)));
    }
    let actors = vec![
        app.add_actor(&kh, i, details("UV-01", Some(vale), Track::Government, Level::Top, true)).await.unwrap().id,
        app.add_actor(&kh, i, details("UV-02", Some(vale), Track::Research, Level::MiddleRange, false))
            .await
            .unwrap()
            .id,
        app.add_actor(&kh, i, details("LC-01", Some(coast), Track::Religion, Level::MiddleRange, false))
            .await
            .unwrap()
            .id,
        app.add_actor(&kh, i, details("TP-01", None, Track::ConflictResolution, Level::MiddleRange, false))
            .await
            .unwrap()
            .id,
    ];
    app.add_tie(&kh, i, tie(actors[1], actors[0], TieKind::Advises, 4)).await.unwrap();
    app.add_tie(&kh, i, tie(actors[2], actors[1], TieKind::TrustedContact, 3)).await.unwrap();
    app.add_tie(&kh, i, tie(actors[3], actors[0], TieKind::BackChannelTo, 5)).await.unwrap();
    let mut entry = RegistryEntry { capacity: Capacity::FormerOfficial, ..RegistryEntry::default() };
    entry.consent.to_be_contacted = ConsentAnswer::Given;
    entry.risk.threats = "threat text".into();
    app.set_registry_entry(&kh, i, actors[1], entry).await.unwrap();
    Scenario { app, initiative: i, sides: [vale, coast], people, actors }
}

fn identity(s: &Scenario, role: MemberRole) -> Identity {
    s.people.iter().find(|(r, _)| *r == role).map(|(_, id)| *id).unwrap()
}

pub async fn each_role_sees_the_map_its_rules_allow(t: &TestStore) {
    let s = scenario(t).await;
    let i = s.initiative;
    for (role, who) in &s.people {
        let map = s.app.system_map(who, i).await;
        let may_read = role.is_team()
            || matches!(
                role,
                MemberRole::Operations | MemberRole::Participant | MemberRole::Official | MemberRole::Evaluator
            );
        let Ok(map) = map else {
            assert!(!may_read, "{role:?} was refused the map");
            assert!(matches!(s.app.export_map(who, i).await, Err(AppError::Forbidden(_))));
            continue;
        };
        assert!(may_read, "{role:?} read the map");
        assert_eq!(map.actors.iter().filter(|a| !a.details.code_name.starts_with("NEW-")).count(), 4);
        let in_full = role.is_team() || *role == MemberRole::Operations;
        assert_eq!(map.in_full, in_full, "{role:?}");
        for actor in &map.actors {
            let d = &actor.details;
            assert_eq!(d.name.is_some(), in_full, "{role:?} and the name of {}", d.code_name);
            // Role and notes give a person away as a name does: the team's alone.
            assert_eq!(!d.role.is_empty(), in_full, "{role:?} and the role of {}", d.code_name);
            assert_eq!(!d.notes.is_empty(), in_full, "{role:?} and the notes on {}", d.code_name);
            assert_eq!(d.public_description, format!("public description of {}", d.code_name), "{role:?}");
        }
        assert!(map.ties.iter().all(|t| t.details.notes.is_empty() != in_full), "{role:?} and the tie notes");
        let (_, one) = s.app.actor(who, i, s.actors[0]).await.unwrap();
        assert_eq!(one.details.role.is_empty(), !in_full, "{role:?} reading one actor");
        let back_channels = map.ties.iter().filter(|t| t.details.kind == TieKind::BackChannelTo).count();
        assert_eq!(back_channels, usize::from(in_full), "{role:?} and the back channel");
        // An export carries the same view and, by its type, no registry field at all.
        let file = s.app.export_map(who, i).await.unwrap();
        let text = tracktwo_interchange::write_gexf(&file)
            + &tracktwo_interchange::write_graphml(&file)
            + &tracktwo_interchange::write_kumu(&file)
            + &tracktwo_interchange::write_actors_csv(&file)
            + &tracktwo_interchange::write_ties_csv(&file);
        assert_eq!(text.contains("Real name of"), in_full, "{role:?}");
        for hidden in ["role of", "notes on", "tie notes"] {
            assert_eq!(text.contains(hidden), in_full, "{role:?} and `{hidden}` in an export");
        }
        assert!(text.contains("public description of UV-01"), "{role:?}: the public description in an export");
        assert!(!text.contains("threat text") && !text.contains("former-official"), "{role:?}: a registry field");
        assert_eq!(text.contains("back-channel-to"), in_full, "{role:?}");

        let registry = s.app.registry(who, i).await;
        let may_registry = matches!(role, MemberRole::Convener | MemberRole::Operations);
        assert_eq!(registry.is_ok(), may_registry, "{role:?} and the registry");
        assert_eq!(s.app.registry_entry(who, i, s.actors[1]).await.is_ok(), may_registry, "{role:?}");
        let write = s
            .app
            .add_actor(who, i, details(&format!("NEW-{}", role.as_str()), None, Track::Media, Level::Grassroots, false))
            .await;
        assert_eq!(write.is_ok(), role.is_team(), "{role:?} writing the map");
    }
    let (_, entries) = s.app.registry(&identity(&s, MemberRole::Convener), i).await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].1.risk.threats, "threat text");
    assert!(s.app.verify_audit(&Identity::key_holder()).await.unwrap().is_intact());
}

pub async fn analytics_run_on_the_stored_map(t: &TestStore) {
    let s = scenario(t).await;
    let convener = identity(&s, MemberRole::Convener);
    let map = s.app.system_map(&convener, s.initiative).await.unwrap();
    assert!(map.is_cross_line(map.ties.iter().find(|t| t.details.kind == TieKind::TrustedContact).unwrap()));
    assert!(!map.is_cross_line(map.ties.iter().find(|t| t.details.kind == TieKind::BackChannelTo).unwrap()));
    let coverage = map.coverage(&Track::ALL, Level::ALL);
    let gap = |side: &str, track| CoverageGap { side: side.to_owned(), need: Need::Track(track) };
    assert!(coverage.gaps.contains(&gap("Lowland Coast", Track::Government)), "{:?}", coverage.gaps);
    assert!(!coverage.gaps.contains(&gap("Upper Vale", Track::Government)), "{:?}", coverage.gaps);
    let paths = map.transfer_paths(&[s.actors[2]], 2, date!(2026 - 01 - 01));
    assert_eq!(paths[0].actors, vec![s.actors[2], s.actors[1], s.actors[0]], "LC-01 reaches UV-01 through UV-02");
    assert_eq!(paths[0].bottleneck, 3);
    let brokers = map.brokers(3, date!(2026 - 01 - 01));
    assert_eq!(brokers.first().map(|b| b.actor), Some(s.actors[1]), "UV-02 stands between the others");

    // Selection weighs consent: only UV-02 may be contacted; the others are named as excluded.
    let spec = tracktwo_app::map::SelectionSpec {
        candidates: Vec::new(),
        invitees: 4,
        needed_tracks: Track::ALL.to_vec(),
        needed_levels: vec![Level::MiddleRange],
        as_of: date!(2026 - 01 - 01),
    };
    let (_, report) =
        s.app.select_participants(&identity(&s, MemberRole::Facilitator), s.initiative, &spec).await.unwrap();
    assert_eq!(report.chosen.iter().map(|c| c.actor).collect::<Vec<_>>(), vec![s.actors[1]]);
    // The reasons as data, for a page and the command line to say in their reader's language.
    let because = &report.chosen[0].because;
    assert!(because.needs.contains(&tracktwo_app::map::Need::Track(Track::Research)), "{because:?}");
    assert_eq!(because.side, "Upper Vale");
    // The facilitator, who may not read the registry, is told who is not available, not why.
    assert!(report.excluded.iter().any(|e| e.actor == s.actors[2] && e.reason.is_none()));
    let (_, report) =
        s.app.select_participants(&identity(&s, MemberRole::Convener), s.initiative, &spec).await.unwrap();
    assert!(report.excluded.iter().any(|e| e.actor == s.actors[2] && e.reason == Some(Unavailable::NotInRegistry)));
    assert!(matches!(
        s.app.select_participants(&identity(&s, MemberRole::Participant), s.initiative, &spec).await,
        Err(AppError::Forbidden(_))
    ));
}

pub async fn imports_are_all_or_nothing_and_round_trip_through_every_format(t: &TestStore) {
    let s = scenario(t).await;
    let kh = Identity::key_holder();
    let original = s.app.export_map(&kh, s.initiative).await.unwrap();
    let copy = s
        .app
        .create_initiative(
            &kh,
            NewInitiative { title: "Copy".into(), description: String::new(), secret_channel: false },
            None,
        )
        .await
        .unwrap()
        .id;
    s.app.add_side(&kh, copy, NewSide { name: "Upper Vale".into() }).await.unwrap();

    // A side the initiative does not have stops the import, and nothing of it stays.
    let refused = s.app.import_map(&kh, copy, &original, true).await;
    let Err(AppError::Import { record, problem }) = refused else { panic!("imported with an unknown side") };
    let problem = problem.to_string();
    assert!(record.to_string().contains("LC-01") && problem.contains("Lowland Coast"), "{record}: {problem}");
    assert!(s.app.system_map(&kh, copy).await.unwrap().actors.is_empty(), "a refused import left actors behind");
    s.app.add_side(&kh, copy, NewSide { name: "Lowland Coast".into() }).await.unwrap();

    let sort = |mut file: MapFile| {
        file.actors.sort_by(|a, b| a.code_name.cmp(&b.code_name));
        file.ties.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
        file
    };
    let expected = sort(original.clone());
    type Writer = fn(&MapFile) -> String;
    let formats: [(&str, Writer); 3] = [
        ("gexf", tracktwo_interchange::write_gexf),
        ("graphml", tracktwo_interchange::write_graphml),
        ("kumu", tracktwo_interchange::write_kumu),
    ];
    for (name, write) in formats {
        let text = write(&original);
        let parsed = match name {
            "gexf" => tracktwo_interchange::read_gexf(&text),
            "graphml" => tracktwo_interchange::read_graphml(&text),
            _ => tracktwo_interchange::read_kumu(&text),
        }
        .unwrap();
        s.app.import_map(&kh, copy, &parsed, true).await.unwrap();
        let back = sort(s.app.export_map(&kh, copy).await.unwrap());
        assert_eq!(back, expected, "the map changed on its way through {name}");
    }
    let csv = tracktwo_interchange::read_csv(
        &tracktwo_interchange::write_actors_csv(&original),
        &tracktwo_interchange::write_ties_csv(&original),
    )
    .unwrap();
    s.app.import_map(&kh, copy, &csv, true).await.unwrap();
    assert_eq!(sort(s.app.export_map(&kh, copy).await.unwrap()), expected, "the map changed on its way through CSV");

    // Adding to a map refuses code names already on it.
    let again = MapFile {
        actors: vec![FileActor { code_name: "uv-01".into(), ..original.actors[0].clone() }],
        ties: Vec::new(),
    };
    assert!(matches!(s.app.import_map(&kh, copy, &again, false).await, Err(AppError::Import { .. })));
    assert_eq!(s.app.system_map(&kh, copy).await.unwrap().actors.len(), 4);

    s.app
        .add_map_snapshot(
            &kh,
            s.initiative,
            tracktwo_domain::map::MapSnapshot {
                label: "After round three".into(),
                date: date!(2026 - 06 - 01),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    // A backup carries the map, its snapshots and the registry; a restore brings them back.
    let (mut backup, mut keyring) = (Vec::new(), Vec::new());
    s.app.backup(&kh, &mut backup).await.unwrap();
    s.app.export_keyring(&kh, &mut keyring).await.unwrap();
    let target = t.sibling().await;
    restore(&target.store, &backup, Some(&keyring), false).await.unwrap();
    let restored = open_app(Arc::clone(&target.store)).await;
    assert_eq!(sort(restored.export_map(&kh, s.initiative).await.unwrap()), expected);
    assert_eq!(restored.registry(&kh, s.initiative).await.unwrap().1.len(), 1);
    let snapshots = restored.system_map(&kh, s.initiative).await.unwrap().snapshots;
    assert_eq!(snapshots.iter().map(|(_, snap)| snap.label.as_str()).collect::<Vec<_>>(), vec!["After round three"]);
    target.cleanup().await;

    // Removing an actor takes its ties and registry entry with it; destroying the initiative
    // takes the whole map.
    s.app.remove_actor(&kh, s.initiative, s.actors[1]).await.unwrap();
    let map = s.app.system_map(&kh, s.initiative).await.unwrap();
    assert_eq!((map.actors.len(), map.ties.len()), (3, 1));
    assert!(s.app.registry(&kh, s.initiative).await.unwrap().1.is_empty());
    let _ = s.sides;
    s.app.destroy_initiative(&kh, s.initiative).await.unwrap();
    assert!(matches!(s.app.system_map(&kh, s.initiative).await, Err(AppError::NotFound)));
    assert!(s.app.verify_audit(&kh).await.unwrap().is_intact());
}
