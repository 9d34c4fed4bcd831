//! Participant selection without probing. The risk ceiling is the initiative's, set by the
//! convener or operations; a facilitator's run names whoever cannot be invited as "not
//! available"; and however many runs a facilitator makes, with whatever requests, what they see
//! depends on the registry only through who is available — two registries that agree on that
//! give every request the same answer.

use std::collections::BTreeSet;

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::map::{SelectionReport, SelectionSpec};
use tracktwo_domain::map::{
    ActorDetails, ActorKind, ConsentAnswer, Level, RegistryEntry, RiskAssessment, RiskCeiling, TieDetails, TieKind,
    Track,
};
use tracktwo_domain::{ActorId, Identity, InitiativeId, MemberRole, NewSide, SideId};

use crate::World;

/// A deterministic source of choices (SplitMix64), so a failing case can be replayed.
struct Choices(u64);

impl Choices {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

struct Selection {
    w: World,
    initiative: InitiativeId,
    convener: Identity,
    facilitator: Identity,
    operations: Identity,
    /// Persons on a side: the candidates. The first two are never entered in the registry.
    people: Vec<ActorId>,
}

const CEILING: RiskCeiling = RiskCeiling { per_person: 5, group: 20 };

fn person(code: &str, side: SideId, track: Track, level: Level) -> ActorDetails {
    ActorDetails {
        kind: ActorKind::Person,
        name: Some(format!("Name of {code}")),
        code_name: code.into(),
        primary_track: track,
        tracks: BTreeSet::from([track]),
        level,
        side: Some(side),
        role: String::new(),
        decision_maker: false,
        notes: String::new(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    }
}

fn tie(from: ActorId, to: ActorId, strength: u8) -> TieDetails {
    TieDetails {
        from,
        to,
        kind: TieKind::Advises,
        directed: false,
        strength,
        valid_from: None,
        valid_until: None,
        notes: String::new(),
    }
}

async fn selection() -> Selection {
    let w = World::new().await;
    let kh = Identity::key_holder();
    let initiative = w.initiative("Serin", false).await;
    let vale = w.app.add_side(&kh, initiative, NewSide { name: "Upper Vale".into() }).await.unwrap().id;
    let coast = w.app.add_side(&kh, initiative, NewSide { name: "Lowland Coast".into() }).await.unwrap().id;
    let convener = w.member("convener", initiative, MemberRole::Convener, None).await;
    let facilitator = w.member("facilitator", initiative, MemberRole::Facilitator, None).await;
    let operations = w.member("operations", initiative, MemberRole::Operations, None).await;

    let mut minister = person("UV-00", vale, Track::Government, Level::Top);
    minister.decision_maker = true;
    let minister = w.app.add_actor(&kh, initiative, minister).await.unwrap().id;
    let tracks = [Track::Research, Track::Business, Track::Religion, Track::Activism, Track::PrivateCitizens];
    let levels = [Level::MiddleRange, Level::Grassroots, Level::Top];
    let mut people = Vec::new();
    for n in 0..10 {
        let side = if n % 2 == 0 { vale } else { coast };
        let code = format!("P-{n:02}");
        let details = person(&code, side, tracks[n % tracks.len()], levels[n % levels.len()]);
        let id = w.app.add_actor(&kh, initiative, details).await.unwrap().id;
        // Some reach the minister, more or less strongly: access weighs in the choice.
        if n % 3 != 2 {
            w.app.add_tie(&kh, initiative, tie(id, minister, 1 + (n % 5) as u8)).await.unwrap();
        }
        people.push(id);
    }
    Selection { w, initiative, convener, facilitator, operations, people }
}

/// A risk assessment whose score is between `low` and `high` (0–10), split at random between
/// exposure at home and travel (each 0–5).
fn score(choices: &mut Choices, low: u8, high: u8) -> RiskAssessment {
    let total = low + choices.below(u64::from(high - low) + 1) as u8;
    let (least, most) = (total.saturating_sub(5), total.min(5));
    let home = least + choices.below(u64::from(most - least) + 1) as u8;
    RiskAssessment { exposure_at_home: home, travel_risk: total - home, threats: String::new() }
}

/// A registry entry, available or in one of the classes that are not, at random within its class.
fn entry(choices: &mut Choices, available: bool) -> RegistryEntry {
    let mut entry = RegistryEntry::default();
    if available {
        entry.consent.to_be_contacted = ConsentAnswer::Given;
        entry.risk = score(choices, 0, CEILING.per_person);
        return entry;
    }
    match choices.below(3) {
        0 => {
            entry.consent.to_be_contacted =
                if choices.chance(50) { ConsentAnswer::Refused } else { ConsentAnswer::NotAsked };
            entry.risk = score(choices, 0, 10);
        }
        1 => {
            entry.consent.to_be_contacted = ConsentAnswer::Given;
            entry.consent.withdrawn_on = Some(date!(2025 - 02 - 01));
            entry.risk = score(choices, 0, 10);
        }
        _ => {
            entry.consent.to_be_contacted = ConsentAnswer::Given;
            entry.risk = score(choices, CEILING.per_person + 1, 10);
        }
    }
    entry
}

fn request(choices: &mut Choices, people: &[ActorId]) -> SelectionSpec {
    let needed_tracks = Track::ALL.iter().copied().filter(|_| choices.chance(40)).collect();
    let needed_levels = Level::ALL.iter().copied().filter(|_| choices.chance(50)).collect();
    let candidates =
        if choices.chance(30) { people.iter().copied().filter(|_| choices.chance(70)).collect() } else { Vec::new() };
    let as_of = if choices.chance(50) { date!(2026 - 01 - 01) } else { date!(2024 - 06 - 01) };
    SelectionSpec { candidates, invitees: 1 + choices.below(8) as usize, needed_tracks, needed_levels, as_of }
}

/// All of a report a reader gets, in order.
fn transcript(report: &SelectionReport) -> String {
    let chosen: Vec<String> = report.chosen.iter().map(|c| format!("{}: {:?}", c.actor, c.because)).collect();
    let excluded: Vec<String> = report.excluded.iter().map(|e| format!("{}: {:?}", e.actor, e.reason)).collect();
    format!("chosen {chosen:?}\nexcluded {excluded:?}\nunmet {:?}\nceiling {:?}", report.unmet_needs, report.ceiling)
}

async fn write_registry(s: &Selection, registry: &[(ActorId, RegistryEntry)]) {
    for (actor, entry) in registry {
        s.w.app.set_registry_entry(&s.operations, s.initiative, *actor, entry.clone()).await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_risk_ceiling_is_set_for_the_initiative_by_the_convener_or_operations() {
    let s = selection().await;
    let ceiling = RiskCeiling { per_person: 3, group: 9 };
    let refused = s.w.app.set_risk_ceiling(&s.facilitator, s.initiative, ceiling).await;
    assert!(matches!(refused, Err(AppError::Forbidden(_))), "{refused:?}");
    assert_eq!(s.w.app.risk_ceiling(&s.facilitator, s.initiative).await.unwrap(), RiskCeiling::default());

    s.w.app.set_risk_ceiling(&s.operations, s.initiative, ceiling).await.unwrap();
    assert_eq!(s.w.app.risk_ceiling(&s.facilitator, s.initiative).await.unwrap(), ceiling);
    s.w.app.set_risk_ceiling(&s.convener, s.initiative, CEILING).await.unwrap();
    assert_eq!(s.w.app.risk_ceiling(&s.facilitator, s.initiative).await.unwrap(), CEILING);
    // It sits beside the process design, and each survives the other being written.
    let design = tracktwo_domain::dialogue::ProcessDesign {
        kind: tracktwo_domain::dialogue::ProcessKind::TrackTwo,
        methodology: tracktwo_domain::dialogue::Methodology::SustainedDialogue,
        phase: tracktwo_domain::dialogue::Phase::PreNegotiation,
        theory_of_change: tracktwo_domain::dialogue::TheoryOfChange::default(),
        locales: Vec::new(),
        grants: Vec::new(),
    };
    s.w.app.set_process_design(&s.facilitator, s.initiative, design.clone()).await.unwrap();
    assert_eq!(s.w.app.risk_ceiling(&s.facilitator, s.initiative).await.unwrap(), CEILING);
    assert!(matches!(
        s.w.app.set_risk_ceiling(&s.convener, s.initiative, RiskCeiling { per_person: 11, group: 1 }).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(s.w.app.process_design(&s.convener, s.initiative).await.unwrap(), Some(design));

    // Every selection applies it: no one above it per person is invited, whoever runs it.
    let mut choices = Choices(7);
    let registry: Vec<(ActorId, RegistryEntry)> =
        s.people[2..].iter().map(|a| (*a, entry(&mut choices, true))).collect();
    write_registry(&s, &registry).await;
    let spec = SelectionSpec {
        candidates: Vec::new(),
        invitees: 8,
        needed_tracks: Track::ALL.to_vec(),
        needed_levels: Level::ALL.to_vec(),
        as_of: date!(2026 - 01 - 01),
    };
    let (_, report) = s.w.app.select_participants(&s.convener, s.initiative, &spec).await.unwrap();
    assert_eq!(report.ceiling, CEILING);
    let scores: u32 = report
        .chosen
        .iter()
        .map(|c| u32::from(registry.iter().find(|(a, _)| *a == c.actor).unwrap().1.risk.score()))
        .sum();
    assert!(scores <= CEILING.group, "the group's risk {scores} is above its ceiling");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitators_run_names_the_unavailable_without_a_reason() {
    let s = selection().await;
    s.w.app.set_risk_ceiling(&s.convener, s.initiative, CEILING).await.unwrap();
    // One of each: never entered (people 0 and 1), refused, withdrawn, above the ceiling.
    let mut refused = RegistryEntry::default();
    refused.consent.to_be_contacted = ConsentAnswer::Refused;
    let mut withdrawn = RegistryEntry::default();
    withdrawn.consent.to_be_contacted = ConsentAnswer::Given;
    withdrawn.consent.withdrawn_on = Some(date!(2025 - 02 - 01));
    let mut risky = RegistryEntry::default();
    risky.consent.to_be_contacted = ConsentAnswer::Given;
    risky.risk = RiskAssessment { exposure_at_home: 4, travel_risk: 3, threats: String::new() };
    write_registry(&s, &[(s.people[2], refused), (s.people[3], withdrawn), (s.people[4], risky)]).await;
    let spec = SelectionSpec {
        candidates: Vec::new(),
        invitees: 4,
        needed_tracks: vec![Track::Research],
        needed_levels: Vec::new(),
        as_of: date!(2026 - 01 - 01),
    };
    let (_, facilitator) = s.w.app.select_participants(&s.facilitator, s.initiative, &spec).await.unwrap();
    let (_, convener) = s.w.app.select_participants(&s.convener, s.initiative, &spec).await.unwrap();
    let excluded = |r: &SelectionReport| r.excluded.iter().map(|e| e.actor).collect::<BTreeSet<_>>();
    assert_eq!(excluded(&facilitator), excluded(&convener), "both are told who is unavailable");
    assert!(excluded(&facilitator).len() >= 5);
    assert!(facilitator.excluded.iter().all(|e| e.reason.is_none()), "{}", transcript(&facilitator));
    // The registry's readers are told why, so the answer above hides something real.
    let reasons: BTreeSet<&str> = convener.excluded.iter().filter_map(|e| e.reason).map(|u| u.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
}

/// However a facilitator varies their requests, two registries that agree on who is available
/// answer every request alike: consent and scores cannot be read back from any number of runs.
/// The registry's readers, asking the same, do see the difference in some case — so the
/// sameness is the rule's doing, not a dull fixture's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_runs_reveal_nothing_beyond_who_is_available() {
    let s = selection().await;
    s.w.app.set_risk_ceiling(&s.operations, s.initiative, CEILING).await.unwrap();
    let registered = &s.people[2..];
    let mut registry_readers_saw_a_difference = false;
    for case in 0..12u64 {
        let mut choices = Choices(case);
        let available: Vec<bool> = registered.iter().map(|_| choices.chance(60)).collect();
        let first: Vec<(ActorId, RegistryEntry)> =
            registered.iter().zip(&available).map(|(a, on)| (*a, entry(&mut choices, *on))).collect();
        let second: Vec<(ActorId, RegistryEntry)> =
            registered.iter().zip(&available).map(|(a, on)| (*a, entry(&mut choices, *on))).collect();
        let requests: Vec<SelectionSpec> = (0..4).map(|_| request(&mut choices, &s.people)).collect();

        let mut answers = Vec::new();
        for registry in [&first, &second] {
            write_registry(&s, registry).await;
            let mut facilitator = Vec::new();
            let mut convener = Vec::new();
            for spec in &requests {
                let (_, report) = s.w.app.select_participants(&s.facilitator, s.initiative, spec).await.unwrap();
                assert!(report.excluded.iter().all(|e| e.reason.is_none()), "case {case}");
                facilitator.push(transcript(&report));
                let (_, report) = s.w.app.select_participants(&s.convener, s.initiative, spec).await.unwrap();
                convener.push(transcript(&report));
            }
            answers.push((facilitator, convener));
        }
        let [(facilitator_first, convener_first), (facilitator_second, convener_second)] = &answers[..] else {
            unreachable!()
        };
        for (n, (a, b)) in facilitator_first.iter().zip(facilitator_second).enumerate() {
            assert_eq!(a, b, "case {case}, request {n}: a facilitator could tell the two registries apart");
        }
        registry_readers_saw_a_difference |= convener_first != convener_second;
    }
    assert!(registry_readers_saw_a_difference, "no case put the rule to the test");
}
