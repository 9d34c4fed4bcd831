//! The checks every reader runs once it has parsed a file: the domain's rules for an actor and a
//! tie, code names unique, and ties only between actors the file holds. Done here, a bad file
//! fails on import with its line, not later with a record the user cannot find.

use std::collections::BTreeMap;

use tracktwo_domain::ActorId;
use tracktwo_domain::map::{ActorDetails, TieDetails};

use crate::{Excerpt, FileActor, FileTie, ImportError, ImportProblem, MapFile, TieEnd};

const SIDE_MAX: usize = 300;

/// A parsed record and the line it started on.
pub(crate) struct Located<T> {
    pub line: usize,
    pub item: T,
}

/// The files the actors and the ties came from (the same file but for CSV).
#[derive(Clone, Copy)]
pub(crate) struct Files<'a> {
    pub actors: &'a str,
    pub ties: &'a str,
}

#[cfg(test)]
pub(crate) fn finish(
    actors: Vec<Located<FileActor>>,
    ties: Vec<Located<FileTie>>,
    files: Files<'_>,
) -> Result<MapFile, ImportError> {
    finish_for(actors, ties, files, None, false)
}

/// As [`finish`], and with `sides`, every actor's side must be one of them (by name, ignoring
/// case), so an unknown side is reported with its line rather than after the file was read; or,
/// with `unknown_side_unplaces` (a map read through a mapping), the actor is left on no side and
/// unplaced, for the facilitator to place.
pub(crate) fn finish_for(
    actors: Vec<Located<FileActor>>,
    ties: Vec<Located<FileTie>>,
    files: Files<'_>,
    sides: Option<&[String]>,
    unknown_side_unplaces: bool,
) -> Result<MapFile, ImportError> {
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    let mut map = MapFile { actors: Vec::with_capacity(actors.len()), ties: Vec::with_capacity(ties.len()) };
    for Located { line, item } in actors {
        let mut actor = check_actor(item).map_err(|message| ImportError::new(files.actors, line, message))?;
        if let (Some(known), Some(side)) = (sides, &actor.side)
            && !known.iter().any(|k| k.trim().eq_ignore_ascii_case(side))
            && unknown_side_unplaces
        {
            actor.side = None;
            actor.unplaced.insert("side");
        }
        if let (Some(known), Some(side)) = (sides, &actor.side)
            && !known.iter().any(|k| k.trim().eq_ignore_ascii_case(side))
        {
            return Err(ImportError::new(
                files.actors,
                line,
                ImportProblem::NotASide {
                    code: Excerpt::of(&actor.code_name),
                    side: side.clone(),
                    sides: known.to_vec(),
                },
            ));
        }
        if let Some(first) = first_line.get(&actor.code_name) {
            return Err(ImportError::new(
                files.actors,
                line,
                ImportProblem::CodeNameTwice { code: Excerpt::of(&actor.code_name), first: *first },
            ));
        }
        first_line.insert(actor.code_name.clone(), line);
        map.actors.push(actor);
    }
    for Located { line, item } in ties {
        let tie = check_tie(item, &first_line).map_err(|message| ImportError::new(files.ties, line, message))?;
        map.ties.push(tie);
    }
    Ok(map)
}

/// Folds each undirected tie written as a pair of edges, one each way and otherwise alike (as
/// GEXF's `mutual` edges come back from tools that split them), back into one tie.
pub(crate) fn fold_pairs(ties: Vec<Located<FileTie>>) -> Vec<Located<FileTie>> {
    let mut kept: Vec<Located<FileTie>> = Vec::with_capacity(ties.len());
    let mut waiting: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for located in ties {
        let tie = &located.item;
        if !tie.directed {
            let reverse = (tie.to.clone(), tie.from.clone());
            if let Some(candidates) = waiting.get_mut(&reverse)
                && let Some(at) = candidates.iter().position(|&i| same_but_ends(&kept[i].item, tie))
            {
                candidates.remove(at);
                continue;
            }
            waiting.entry((tie.from.clone(), tie.to.clone())).or_default().push(kept.len());
        }
        kept.push(located);
    }
    kept
}

fn same_but_ends(a: &FileTie, b: &FileTie) -> bool {
    a.kind == b.kind
        && a.directed == b.directed
        && a.strength == b.strength
        && a.valid_from == b.valid_from
        && a.valid_until == b.valid_until
        && a.notes == b.notes
}

fn check_actor(actor: FileActor) -> Result<FileActor, ImportProblem> {
    let FileActor {
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
        unplaced,
    } = actor;
    let code = code_name.trim().to_owned();
    // The domain's own rules (lengths, control characters, the primary track among the tracks);
    // the side is a name here, not yet an identifier, so it is checked below instead.
    let mut details = ActorDetails {
        kind,
        name,
        code_name,
        primary_track,
        tracks,
        level,
        side: None,
        role,
        decision_maker,
        notes,
        public_description,
        unplaced: std::collections::BTreeSet::new(),
    };
    details.validate().map_err(|reason| {
        if code.is_empty() {
            ImportProblem::Refused(reason)
        } else {
            ImportProblem::RefusedActor { code: Excerpt::of(&code), reason }
        }
    })?;
    let side = match side.map(|side| side.trim().to_owned()) {
        Some(side) if side.is_empty() => None,
        Some(side) if side.chars().any(char::is_control) => {
            return Err(ImportProblem::SideControlCharacters { code: Excerpt::of(&code) });
        }
        Some(side) if side.chars().count() > SIDE_MAX => {
            return Err(ImportProblem::SideTooLong { code: Excerpt::of(&code), max: SIDE_MAX });
        }
        side => side,
    };
    let ActorDetails {
        kind,
        name,
        code_name,
        primary_track,
        tracks,
        level,
        role,
        decision_maker,
        notes,
        public_description,
        ..
    } = details;
    Ok(FileActor {
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
        unplaced,
    })
}

fn check_tie(tie: FileTie, known: &BTreeMap<String, usize>) -> Result<FileTie, ImportProblem> {
    let from = tie.from.trim().to_owned();
    let to = tie.to.trim().to_owned();
    for (end, code) in [(TieEnd::From, &from), (TieEnd::To, &to)] {
        if code.is_empty() {
            return Err(ImportProblem::TieEndEmpty { end });
        }
        if !known.contains_key(code) {
            return Err(ImportProblem::UnknownCodeName { code: Excerpt::of(code) });
        }
    }
    if from == to {
        return Err(ImportProblem::TieToItself { code: Excerpt::of(&from) });
    }
    // The domain checks strength, dates and notes on a tie between identifiers. The ends were
    // checked by code name above, so two distinct placeholders stand in for them.
    let details = TieDetails {
        from: ActorId::from_random_bytes([1; 16]),
        to: ActorId::from_random_bytes([2; 16]),
        kind: tie.kind,
        directed: tie.directed,
        strength: tie.strength,
        valid_from: tie.valid_from,
        valid_until: tie.valid_until,
        notes: tie.notes,
    };
    details.validate().map_err(|reason| ImportProblem::RefusedTie {
        from: Excerpt::of(&from),
        to: Excerpt::of(&to),
        reason,
    })?;
    Ok(FileTie {
        from,
        to,
        kind: details.kind,
        directed: details.directed,
        strength: details.strength,
        valid_from: details.valid_from,
        valid_until: details.valid_until,
        notes: details.notes,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use time::macros::date;
    use tracktwo_domain::map::{ActorKind, Level, TieKind, Track};

    use super::*;

    const FILES: Files<'static> = Files { actors: "actors.csv", ties: "ties.csv" };

    fn actor(code: &str) -> FileActor {
        FileActor {
            code_name: code.into(),
            name: Some("CANARY name".into()),
            kind: ActorKind::Person,
            primary_track: Track::Business,
            tracks: BTreeSet::new(),
            level: Level::Grassroots,
            side: Some(" North ".into()),
            role: "CANARY role".into(),
            decision_maker: false,
            notes: "CANARY notes".into(),
            public_description: "CANARY description".into(),
            unplaced: BTreeSet::new(),
        }
    }

    fn tie(from: &str, to: &str) -> FileTie {
        FileTie {
            from: from.into(),
            to: to.into(),
            kind: TieKind::Colleague,
            directed: false,
            strength: 2,
            valid_from: None,
            valid_until: None,
            notes: "CANARY tie".into(),
        }
    }

    fn at<T>(line: usize, item: T) -> Located<T> {
        Located { line, item }
    }

    #[test]
    fn a_valid_map_is_normalised() {
        let map = finish(vec![at(2, actor(" A ")), at(3, actor("B"))], vec![at(2, tie("A", " B"))], FILES).unwrap();
        assert_eq!(map.actors[0].code_name, "A");
        assert_eq!(map.actors[0].tracks, BTreeSet::from([Track::Business]), "the primary track is added");
        assert_eq!(map.actors[0].side.as_deref(), Some("North"));
        assert_eq!(map.ties[0].to, "B");
        let blank_side = FileActor { side: Some("  ".into()), ..actor("C") };
        assert_eq!(finish(vec![at(2, blank_side)], vec![], FILES).unwrap().actors[0].side, None);
    }

    #[test]
    fn a_duplicate_code_is_reported_where_it_comes_again() {
        let error = finish(vec![at(2, actor("A")), at(5, actor("B")), at(9, actor("A "))], vec![], FILES).unwrap_err();
        assert_eq!(error.to_string(), "actors.csv, line 9: code name `A` is used twice (first on line 2)");
    }

    #[test]
    fn ties_must_join_two_known_actors() {
        let actors = || vec![at(2, actor("A")), at(3, actor("B"))];
        let error = finish(actors(), vec![at(2, tie("A", "B")), at(3, tie("A", "Z"))], FILES).unwrap_err();
        assert_eq!(error.to_string(), "ties.csv, line 3: `Z` is not the code name of any actor in the file");
        let error = finish(actors(), vec![at(4, tie("A", "A"))], FILES).unwrap_err();
        assert_eq!(error.to_string(), "ties.csv, line 4: a tie cannot run from `A` to itself");
        let error = finish(actors(), vec![at(2, tie("", "A"))], FILES).unwrap_err();
        assert_eq!(error.problem.to_string(), "the tie's `from` end must not be empty");
    }

    #[test]
    fn strength_and_validity_follow_the_domain() {
        let actors = || vec![at(2, actor("A")), at(3, actor("B"))];
        let weak = FileTie { strength: 6, ..tie("A", "B") };
        assert_eq!(
            finish(actors(), vec![at(2, weak)], FILES).unwrap_err().problem.to_string(),
            "tie from `A` to `B`: strength must be from 1 to 5"
        );
        let backwards = FileTie {
            valid_from: Some(date!(2025 - 03 - 01)),
            valid_until: Some(date!(2025 - 03 - 01)),
            ..tie("A", "B")
        };
        assert_eq!(
            finish(actors(), vec![at(2, backwards)], FILES).unwrap_err().problem.to_string(),
            "tie from `A` to `B`: valid until must come after valid from"
        );
    }

    #[test]
    fn messages_about_sensitive_fields_do_not_quote_them() {
        let cases = [
            FileActor { name: Some("CANARY\u{7}".into()), ..actor("A") },
            FileActor { role: "CANARY\n".into(), ..actor("A") },
            FileActor { notes: format!("CANARY{}", "x".repeat(20_001)), ..actor("A") },
            FileActor { public_description: "CANARY\u{1b}".into(), ..actor("A") },
            FileActor { side: Some("CANARY\u{0}".into()), ..actor("A") },
        ];
        for case in cases {
            let error = finish(vec![at(2, case)], vec![], FILES).unwrap_err();
            assert!(error.problem.to_string().starts_with("actor `A`: "), "{error}");
            assert!(!error.to_string().contains("CANARY"), "{error}");
        }
        let tie = FileTie { notes: "CANARY\u{1b}".into(), ..tie("A", "B") };
        let error = finish(vec![at(2, actor("A")), at(3, actor("B"))], vec![at(2, tie)], FILES).unwrap_err();
        assert_eq!(error.problem.to_string(), "tie from `A` to `B`: tie notes contains control characters");
    }

    #[test]
    fn an_empty_code_name_is_refused() {
        let error = finish(vec![at(2, actor(" "))], vec![], FILES).unwrap_err();
        assert_eq!(error.to_string(), "actors.csv, line 2: code name must not be empty");
    }

    #[test]
    fn an_unknown_side_is_refused_with_its_line_when_the_sides_are_known() {
        let mut on_a_side = actor("B");
        on_a_side.side = Some("Lowland Coast".into());
        let third_party = FileActor { side: None, ..actor("A") };
        let known = vec!["Upper Vale".to_owned(), "lowland coast".to_owned()];
        assert!(
            finish_for(vec![at(2, third_party.clone()), at(3, on_a_side.clone())], vec![], FILES, Some(&known), false)
                .is_ok()
        );
        let only_the_vale = vec!["Upper Vale".to_owned()];
        let error = finish_for(vec![at(2, third_party), at(7, on_a_side)], vec![], FILES, Some(&only_the_vale), false)
            .unwrap_err();
        assert_eq!(error.line, 7);
        assert!(
            error.problem.to_string().contains("`Lowland Coast` is not a side")
                && error.problem.to_string().contains("Upper Vale"),
            "{}",
            error.problem.to_string()
        );
    }
}
