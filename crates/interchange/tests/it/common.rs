//! Random maps for the property tests: every field filled with the characters each format must
//! escape (commas, quotes, `<&>`, line breaks in notes), names withheld, third parties, open and
//! closed validity.

use std::collections::BTreeSet;

use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use proptest::sample::select;
use time::Date;
use tracktwo_domain::map::{ActorKind, Level, TieKind, Track};
use tracktwo_interchange::{FileActor, FileTie, MapFile};

/// One line of text, with the characters that need escaping over-represented.
pub fn line(min: usize, max: usize) -> impl Strategy<Value = String> {
    let regex = |pattern: String| proptest::string::string_regex(&pattern).expect("a valid pattern");
    prop_oneof![
        regex(format!("\\PC{{{min},{max}}}")),
        regex(format!("[a-zA-Z ,;\"'<>&=#\\\\{{}}\\[\\]éß漢😀\u{2028}\u{a0}]{{{min},{max}}}")),
    ]
}

/// Several lines: notes keep their line breaks and tabs, `\r\n` and a lone `\r` alike.
pub fn notes() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[\\PC\n\r\t]{0,40}", "[a-z ,;\"'<>&\n\r\t]{0,40}",]
}

fn name() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(line(1, 24).prop_filter("a name is not blank", |name| !name.trim().is_empty()))
}

fn side() -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.7, "[A-Za-z][A-Za-z ,;\"'<>&é]{0,12}".prop_map(|side| side.trim_end().to_owned()))
}

fn day() -> impl Strategy<Value = Date> {
    let first = Date::from_calendar_date(1990, time::Month::January, 1).expect("a real day").to_julian_day();
    (0..20_000i32).prop_map(move |offset| Date::from_julian_day(first + offset).expect("within range"))
}

/// An actor whose code name the map makes unique.
fn actor() -> impl Strategy<Value = FileActor> {
    (
        "[A-Za-z0-9][A-Za-z0-9 ,;\"'<>&é漢.-]{0,12}",
        name(),
        select(ActorKind::ALL),
        select(Track::ALL.as_slice()),
        btree_set(select(Track::ALL.as_slice()), 0..4),
        select(Level::ALL),
        side(),
        line(0, 24),
        any::<bool>(),
        (notes(), notes()),
    )
        .prop_map(
            |(
                code_name,
                name,
                kind,
                primary_track,
                mut tracks,
                level,
                side,
                role,
                decision_maker,
                (notes, public_description),
            )| {
                tracks.insert(primary_track);
                FileActor {
                    code_name,
                    name,
                    kind,
                    primary_track,
                    tracks,
                    level,
                    side,
                    role,
                    decision_maker,
                    notes,
                    public_description,
                    unplaced: BTreeSet::new(),
                }
            },
        )
}

/// A tie's fields, its ends as indices into the actors: `from`, and how far on `to` is.
fn tie_seed() -> impl Strategy<Value = (usize, usize, FileTie)> {
    (
        any::<usize>(),
        any::<usize>(),
        select(TieKind::ALL),
        any::<bool>(),
        1..=5u8,
        proptest::option::of(day()),
        proptest::option::of(1..2_000i64),
        notes(),
    )
        .prop_map(|(from, step, kind, directed, strength, valid_from, length, notes)| {
            let valid_until = match (valid_from, length) {
                (Some(from), Some(days)) => from.checked_add(time::Duration::days(days)),
                (None, Some(days)) => Date::from_calendar_date(2000, time::Month::June, 1)
                    .ok()
                    .and_then(|day| day.checked_add(time::Duration::days(days))),
                (_, None) => None,
            };
            let tie = FileTie {
                from: String::new(),
                to: String::new(),
                kind,
                directed,
                strength,
                valid_from,
                valid_until,
                notes,
            };
            (from, step, tie)
        })
}

pub fn map_file() -> impl Strategy<Value = MapFile> {
    (vec(actor(), 0..7), vec(tie_seed(), 0..10)).prop_map(|(actors, seeds)| {
        let actors: Vec<FileActor> = actors
            .into_iter()
            .enumerate()
            .map(|(index, actor)| FileActor { code_name: format!("{}#{index}", actor.code_name), ..actor })
            .collect();
        let count = actors.len();
        let ties = if count < 2 {
            Vec::new()
        } else {
            seeds
                .into_iter()
                .map(|(from, step, tie)| {
                    let from = from % count;
                    // 1 to count - 1 places on: never the actor itself.
                    let to = (from + 1 + step % (count - 1)) % count;
                    FileTie { from: actors[from].code_name.clone(), to: actors[to].code_name.clone(), ..tie }
                })
                .fold(Vec::<FileTie>::new(), |mut kept, tie| {
                    // Two undirected ties alike in everything between the same two actors are one
                    // tie, whichever end each names first (the importers fold such a pair, as a
                    // tool that splits a mutual edge writes it): the map holds it once.
                    let twin = |t: &FileTie| {
                        !tie.directed
                            && !t.directed
                            && t.from == tie.to
                            && t.to == tie.from
                            && FileTie { from: tie.from.clone(), to: tie.to.clone(), ..t.clone() } == tie
                    };
                    if !kept.iter().any(twin) {
                        kept.push(tie);
                    }
                    kept
                })
        };
        MapFile { actors, ties }
    })
}

/// A small map written by hand, for the tests that edit a file.
pub fn sample() -> MapFile {
    let actor = |code: &str, name: Option<&str>, side: Option<&str>| FileActor {
        code_name: code.into(),
        name: name.map(str::to_owned),
        kind: ActorKind::Person,
        primary_track: Track::Research,
        tracks: BTreeSet::from([Track::Government, Track::Research]),
        level: Level::MiddleRange,
        side: side.map(str::to_owned),
        role: "Dean of law".into(),
        decision_maker: false,
        notes: "Met twice;\n\"cautious\"".into(),
        public_description: String::new(),
        unplaced: BTreeSet::new(),
    };
    MapFile {
        actors: vec![
            actor("UV-01", Some("Amal Haddad"), Some("North")),
            FileActor {
                public_description: "A senior academic, <South> & \"careful\"".into(),
                ..actor("UV-02", None, Some("South"))
            },
            FileActor { kind: ActorKind::Organisation, ..actor("IO-01", Some("Friends of <the> Lake & Co"), None) },
        ],
        ties: vec![FileTie {
            from: "UV-01".into(),
            to: "UV-02".into(),
            kind: TieKind::Advises,
            directed: true,
            strength: 4,
            valid_from: Date::from_calendar_date(2024, time::Month::January, 15).ok(),
            valid_until: Date::from_calendar_date(2025, time::Month::January, 1).ok(),
            notes: String::new(),
        }],
    }
}
