//! The nine-track system map and the participant registry.
//!
//! What a reader gets is decided here, once, when the map is loaded: [`SystemMap`] is built for
//! one caller, without real names, roles, notes and tie notes unless they may read the map in
//! full (a code-name reader gets each actor's public description instead), without the ties whose
//! existence endangers people (back channels, family) unless likewise, and never with a registry
//! field. Every view, analysis and export is computed from that value, so none of them can show
//! more than it holds.

use std::collections::{BTreeSet, HashMap};

use time::Date;
use tracktwo_analysis as analysis;
use tracktwo_crypto::DataKey;
use tracktwo_domain::SnapshotId;
use tracktwo_domain::map::{Actor, Level, MapSnapshot, Tie};
use tracktwo_domain::map::{
    ActorDetails, RegistryEntry, RiskCeiling, SelectionReader, TieDetails, Track, crosses_the_line,
};
use tracktwo_domain::{
    ActorId, AuditAction, AuditTarget, Identity, InitiativeId, Operation, Side, SideId, TargetKind, TieId,
};
use tracktwo_interchange::{FileActor, FileTie, MapFile};
use tracktwo_store::{ActorRow, MapSnapshotRow, RegistryRow, TieRow, WriteTx};

use crate::gate::Entered;
use crate::sealing::place;
use crate::{App, AppError, Result};

/// The system map of one initiative as one caller may see it.
#[derive(Debug, Clone)]
pub struct SystemMap {
    pub initiative: InitiativeId,
    pub sides: Vec<Side>,
    pub actors: Vec<Actor>,
    pub ties: Vec<Tie>,
    /// Named dates to see the map at, earliest first.
    pub snapshots: Vec<(SnapshotId, MapSnapshot)>,
    /// Whether real names, roles, notes and team-only ties are included.
    pub in_full: bool,
}

/// What changed between two dates.
#[derive(Debug, Clone, Default)]
pub struct MapComparison {
    /// Ties standing on the later date but not on the earlier.
    pub formed: Vec<TieId>,
    /// Ties standing on the earlier date but not on the later.
    pub ended: Vec<TieId>,
}

/// One cell of the coverage table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageCount {
    pub track: Track,
    pub side: Option<SideId>,
    pub level: Level,
    pub actors: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CoverageReport {
    pub cells: Vec<CoverageCount>,
    /// In words: "the Lowland Coast has no actor on track 7 (Religion)".
    pub gaps: Vec<String>,
}

/// A chain of ties from a participant to a decision-maker.
#[derive(Debug, Clone)]
pub struct TransferPath {
    pub actors: Vec<ActorId>,
    pub ties: Vec<TieId>,
    /// The weakest tie's strength (1–5).
    pub bottleneck: u8,
}

/// An actor with a score of brokerage.
#[derive(Debug, Clone)]
pub struct Broker {
    pub actor: ActorId,
    /// Betweenness centrality, normalised to 0–1.
    pub betweenness: f64,
    /// How many of its ties standing that day cross the line.
    pub cross_line_ties: usize,
}

/// What to select.
#[derive(Debug, Clone)]
pub struct SelectionSpec {
    /// The actors to choose from; empty means every person on a side.
    pub candidates: Vec<ActorId>,
    pub invitees: usize,
    pub needed_tracks: Vec<Track>,
    pub needed_levels: Vec<Level>,
    /// The map as of this day decides access to decision-makers.
    pub as_of: Date,
}

#[derive(Debug, Clone)]
pub struct Invitee {
    pub actor: ActorId,
    /// "chosen because it brings track 5 (Research, training and education) for the Upper Vale; …"
    pub explanation: String,
}

#[derive(Debug, Clone)]
pub struct Exclusion {
    pub actor: ActorId,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct SelectionReport {
    pub chosen: Vec<Invitee>,
    /// Candidates who could not be invited: why, for those who read the registry; "not
    /// available" for everyone else.
    pub excluded: Vec<Exclusion>,
    /// Needs no invitee meets.
    pub unmet: Vec<String>,
    /// The initiative's risk ceiling the selection applied.
    pub ceiling: RiskCeiling,
}

/// Where imported actors and ties went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    pub actors: usize,
    pub ties: usize,
    pub replaced: bool,
}

/// The first day of the proleptic Gregorian calendar that `analysis::Day` counts from: any fixed
/// origin works, Julian day numbers are at hand.
fn day(date: Date) -> analysis::Day {
    date.to_julian_day()
}

fn track_of(track: Track) -> analysis::Track {
    analysis::Track::new(track.number()).unwrap_or(analysis::Track::ALL[0])
}

fn level_of(level: Level) -> analysis::Level {
    match level {
        Level::Top => analysis::Level::Top,
        Level::MiddleRange => analysis::Level::MiddleRange,
        Level::Grassroots => analysis::Level::Grassroots,
    }
}

fn level_from(level: analysis::Level) -> Level {
    match level {
        analysis::Level::Top => Level::Top,
        analysis::Level::MiddleRange => Level::MiddleRange,
        analysis::Level::Grassroots => Level::Grassroots,
    }
}

/// The map translated for the analytics crate, with the way back from its indices.
struct Indexed {
    map: analysis::Map,
    actor_ids: Vec<ActorId>,
    tie_ids: Vec<TieId>,
    side_keys: Vec<SideId>,
}

impl Indexed {
    fn side_key(&self, side: Option<SideId>) -> analysis::SideKey {
        side.and_then(|s| self.side_keys.iter().position(|k| *k == s))
            .map_or(analysis::SideKey::THIRD_PARTY, |i| analysis::SideKey(u32::try_from(i).unwrap_or(u32::MAX - 1)))
    }

    fn side_of(&self, key: analysis::SideKey) -> Option<SideId> {
        self.side_keys.get(key.0 as usize).copied()
    }
}

impl SystemMap {
    #[must_use]
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    #[must_use]
    pub fn actor_by_code(&self, code: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.details.code_name.eq_ignore_ascii_case(code.trim()))
    }

    /// A side's name, or "third party".
    #[must_use]
    pub fn side_name(&self, side: Option<SideId>) -> String {
        side.and_then(|s| self.sides.iter().find(|x| x.id == s))
            .map_or_else(|| "third party".to_owned(), |s| s.name.clone())
    }

    /// The actor's label for this reader: "Name (CODE)" in full, else the code name.
    #[must_use]
    pub fn label(&self, id: ActorId) -> String {
        self.actor(id).map_or_else(|| "unknown actor".to_owned(), |a| a.details.display_name())
    }

    /// Whether a tie crosses the conflict line.
    #[must_use]
    pub fn is_cross_line(&self, tie: &Tie) -> bool {
        let side = |id| self.actor(id).and_then(|a| a.details.side);
        crosses_the_line(side(tie.details.from), side(tie.details.to))
    }

    /// The ties standing on `date`.
    pub fn ties_on(&self, date: Date) -> impl Iterator<Item = &Tie> {
        self.ties.iter().filter(move |t| t.details.valid_on(date))
    }

    #[must_use]
    pub fn compare(&self, earlier: Date, later: Date) -> MapComparison {
        let mut out = MapComparison::default();
        for tie in &self.ties {
            match (tie.details.valid_on(earlier), tie.details.valid_on(later)) {
                (false, true) => out.formed.push(tie.id),
                (true, false) => out.ended.push(tie.id),
                _ => {}
            }
        }
        out
    }

    fn indexed(&self, risk: &HashMap<ActorId, u8>) -> Indexed {
        let side_keys: Vec<SideId> = self.sides.iter().map(|s| s.id).collect();
        let mut indexed =
            Indexed { map: analysis::Map::default(), actor_ids: Vec::new(), tie_ids: Vec::new(), side_keys };
        let mut position = HashMap::new();
        for (i, actor) in self.actors.iter().enumerate() {
            position.insert(actor.id, u32::try_from(i).unwrap_or(u32::MAX));
            let tracks: Vec<analysis::Track> = actor.details.tracks.iter().map(|t| track_of(*t)).collect();
            let side = indexed.side_key(actor.details.side);
            indexed.map.actors.push(analysis::Actor {
                tracks: analysis::TrackSet::of(&tracks),
                primary_track: track_of(actor.details.primary_track),
                level: level_of(actor.details.level),
                side,
                decision_maker: actor.details.decision_maker,
                risk: risk.get(&actor.id).copied().unwrap_or(0),
            });
            indexed.actor_ids.push(actor.id);
        }
        for tie in &self.ties {
            let (Some(&from), Some(&to)) = (position.get(&tie.details.from), position.get(&tie.details.to)) else {
                continue;
            };
            indexed.map.ties.push(analysis::Tie {
                from: analysis::ActorIdx(from),
                to: analysis::ActorIdx(to),
                strength: tie.details.strength,
                directed: tie.details.directed,
                valid_from: tie.details.valid_from.map(day),
                valid_until: tie.details.valid_until.map(day),
            });
            indexed.tie_ids.push(tie.id);
        }
        indexed
    }

    /// Actors by track × side × level, and what is missing: every side should bring every
    /// track in `tracks` and every level in `levels`.
    #[must_use]
    pub fn coverage(&self, tracks: &[Track], levels: &[Level]) -> CoverageReport {
        let indexed = self.indexed(&HashMap::new());
        let needs = analysis::Requirements {
            sides: (0..self.sides.len()).map(|i| analysis::SideKey(u32::try_from(i).unwrap_or(0))).collect(),
            tracks: tracks.iter().map(|t| track_of(*t)).collect(),
            levels: levels.iter().map(|l| level_of(*l)).collect(),
        };
        let coverage = analysis::coverage(&indexed.map, &needs);
        let cells = coverage
            .cells
            .iter()
            .map(|c| CoverageCount {
                track: Track::from_number(c.track.number()).unwrap_or(Track::Government),
                side: indexed.side_of(c.side),
                level: level_from(c.level),
                actors: c.actors,
            })
            .collect();
        let gaps = coverage
            .gaps
            .iter()
            .map(|gap| match *gap {
                analysis::Gap::Track { side, track } => {
                    let track = Track::from_number(track.number()).unwrap_or(Track::Government);
                    format!(
                        "{} has no actor on track {} ({})",
                        self.side_name(indexed.side_of(side)),
                        track.number(),
                        track.label()
                    )
                }
                analysis::Gap::Level { side, level } => format!(
                    "{} has no actor at the {} level",
                    self.side_name(indexed.side_of(side)),
                    level_from(level).label().to_lowercase().trim_end_matches(" leadership")
                ),
            })
            .collect();
        CoverageReport { cells, gaps }
    }

    /// The `k` strongest paths on `date` from `from` to any Track One decision-maker.
    #[must_use]
    pub fn transfer_paths(&self, from: &[ActorId], k: usize, date: Date) -> Vec<TransferPath> {
        let indexed = self.indexed(&HashMap::new());
        let sources: Vec<analysis::ActorIdx> = from
            .iter()
            .filter_map(|id| indexed.actor_ids.iter().position(|a| a == id))
            .map(|i| analysis::ActorIdx(u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let snapshot = indexed.map.as_of(day(date));
        analysis::k_widest_paths(&snapshot, &sources, k)
            .into_iter()
            .map(|p| TransferPath {
                actors: p.actors.iter().map(|a| indexed.actor_ids[a.0 as usize]).collect(),
                ties: p.ties.iter().map(|t| indexed.tie_ids[t.0 as usize]).collect(),
                bottleneck: p.bottleneck,
            })
            .collect()
    }

    /// The `top` brokers on `date` by betweenness, with their cross-line ties: exact up to a few
    /// thousand actors, from a fixed sample of 1,024 sources beyond (under 1 s at 10,000 actors
    /// and 100,000 ties on two cores; accuracy against exact in docs/benchmarks.md).
    #[must_use]
    pub fn brokers(&self, top: usize, date: Date) -> Vec<Broker> {
        let indexed = self.indexed(&HashMap::new());
        let snapshot = indexed.map.as_of(day(date));
        let cross: HashMap<u32, usize> =
            analysis::cross_line(&snapshot).into_iter().map(|c| (c.actor.0, c.ties.len())).collect();
        const EXACT_UP_TO: usize = 2_000;
        let samples = if self.actors.len() <= EXACT_UP_TO { usize::MAX } else { 1_024 };
        let how = analysis::Betweenness { samples, seed: 1 };
        analysis::top_brokers(&snapshot, how, top)
            .into_iter()
            .filter(|(_, score)| *score > 0.0)
            .map(|(actor, betweenness)| Broker {
                actor: indexed.actor_ids[actor.0 as usize],
                betweenness,
                cross_line_ties: cross.get(&actor.0).copied().unwrap_or(0),
            })
            .collect()
    }

    /// The actors with ties across the line on `date`, most such ties first.
    #[must_use]
    pub fn cross_line_actors(&self, date: Date) -> Vec<(ActorId, usize)> {
        let indexed = self.indexed(&HashMap::new());
        let snapshot = indexed.map.as_of(day(date));
        let mut out: Vec<(ActorId, usize)> = analysis::cross_line(&snapshot)
            .into_iter()
            .map(|c| (indexed.actor_ids[c.actor.0 as usize], c.ties.len()))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| self.label(a.0).cmp(&self.label(b.0))));
        out
    }

    /// The map as an interchange file: exactly what this reader may see, and never a registry
    /// field (the file type has none).
    #[must_use]
    pub fn to_file(&self) -> MapFile {
        let code = |id: ActorId| self.actor(id).map(|a| a.details.code_name.clone()).unwrap_or_default();
        MapFile {
            actors: self
                .actors
                .iter()
                .map(|a| FileActor {
                    code_name: a.details.code_name.clone(),
                    name: if self.in_full { a.details.name.clone() } else { None },
                    kind: a.details.kind,
                    primary_track: a.details.primary_track,
                    tracks: a.details.tracks.clone(),
                    level: a.details.level,
                    side: a.details.side.map(|s| self.side_name(Some(s))),
                    role: a.details.role.clone(),
                    decision_maker: a.details.decision_maker,
                    notes: a.details.notes.clone(),
                    public_description: a.details.public_description.clone(),
                })
                .collect(),
            ties: self
                .ties
                .iter()
                .map(|t| FileTie {
                    from: code(t.details.from),
                    to: code(t.details.to),
                    kind: t.details.kind,
                    directed: t.details.directed,
                    strength: t.details.strength,
                    valid_from: t.details.valid_from,
                    valid_until: t.details.valid_until,
                    notes: t.details.notes.clone(),
                })
                .collect(),
        }
    }
}

impl App {
    pub(crate) fn actor_from_row(&self, key: &DataKey, row: &ActorRow) -> Result<Actor> {
        let bytes = self.open_bytes(key, place!("actors"."body" @ row.id), &row.body)?;
        let details: ActorDetails = serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)?;
        Ok(Actor {
            id: row.id,
            initiative: row.initiative,
            details,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    pub(crate) fn tie_from_row(&self, key: &DataKey, row: &TieRow) -> Result<Tie> {
        let bytes = self.open_bytes(key, place!("ties"."body" @ row.id), &row.body)?;
        let details: TieDetails = serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)?;
        Ok(Tie {
            id: row.id,
            initiative: row.initiative,
            details,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    pub(crate) fn map_snapshot_from_row(&self, key: &DataKey, row: &MapSnapshotRow) -> Result<MapSnapshot> {
        let bytes = self.open_bytes(key, place!("map_snapshots"."body" @ row.id), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    pub(crate) fn registry_from_row(&self, key: &DataKey, row: &RegistryRow) -> Result<RegistryEntry> {
        let bytes = self.open_bytes(key, place!("registry"."body" @ row.actor), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    /// Every actor and tie of the initiative, opened; no access check (callers check first).
    async fn load_map(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<(Vec<Actor>, Vec<Tie>)> {
        let mut actors = Vec::new();
        for row in tx.actors(initiative).await? {
            actors.push(self.actor_from_row(&entered.key, &row)?);
        }
        let mut ties = Vec::new();
        for row in tx.ties(initiative).await? {
            ties.push(self.tie_from_row(&entered.key, &row)?);
        }
        Ok((actors, ties))
    }

    /// Builds the caller's view of the map from what is stored: the one place where names, roles,
    /// notes and team-only ties are withheld.
    async fn view_map(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<SystemMap> {
        Self::also(who, entered, Operation::ReadMap)?;
        let in_full = Self::also(who, entered, Operation::ReadMapInFull).is_ok();
        let (mut actors, mut ties) = self.load_map(tx, entered, initiative).await?;
        if !in_full {
            // A role ("owner, Sarto Haulage") or a note gives a person away as surely as the
            // name does, so a code-name reader gets neither: only the public description the
            // team wrote for them.
            for actor in &mut actors {
                actor.details.withhold_identity();
            }
            ties.retain(|t| !t.details.kind.team_only());
            // Tie notes are the team's free text about two people ("Sarto Haulage moves Delta
            // Grain's rice upriver"): withheld for the same reason.
            for tie in &mut ties {
                tie.details.notes = String::new();
            }
        }
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            sides.push(Side {
                id: row.id,
                initiative: row.initiative,
                name: self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?,
                created_at: row.created_at,
            });
        }
        let mut snapshots = Vec::new();
        for row in tx.map_snapshots(initiative).await? {
            snapshots.push((row.id, self.map_snapshot_from_row(&entered.key, &row)?));
        }
        snapshots.sort_by(|a, b| a.1.date.cmp(&b.1.date).then_with(|| a.1.label.cmp(&b.1.label)));
        Ok(SystemMap { initiative, sides, actors, ties, snapshots, in_full })
    }

    /// The system map as the caller may see it. One audit event for the whole map.
    pub async fn system_map(&self, who: &Identity, initiative: InitiativeId) -> Result<SystemMap> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::MapRead, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(map)
    }

    /// The map for an export, audited as one.
    pub async fn export_map(&self, who: &Identity, initiative: InitiativeId) -> Result<MapFile> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::MapExported, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(map.to_file())
    }

    async fn check_actor_details(
        tx: &mut dyn WriteTx,
        initiative: InitiativeId,
        details: &mut ActorDetails,
        others: &[Actor],
    ) -> Result<()> {
        details.validate()?;
        if let Some(side) = details.side {
            Self::check_side(tx, initiative, side).await?;
        }
        if others.iter().any(|a| a.details.code_name.eq_ignore_ascii_case(&details.code_name)) {
            return Err(AppError::Conflict(format!("an actor with the code name {}", details.code_name)));
        }
        Ok(())
    }

    pub async fn add_actor(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut details: ActorDetails,
    ) -> Result<Actor> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, _) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        Self::check_actor_details(tx.as_mut(), initiative, &mut details, &actors).await?;
        let actor = self.insert_actor(tx.as_mut(), who, &entered, initiative, details).await?;
        tx.commit().await?;
        Ok(actor)
    }

    async fn insert_actor(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        details: ActorDetails,
    ) -> Result<Actor> {
        let id = ActorId::from_random_bytes(self.random());
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("actors"."body" @ id), &details)?;
        tx.insert_actor(&ActorRow { id, initiative, body, created_at: now, updated_at: now }).await?;
        self.record(tx, who, AuditAction::ActorCreated, AuditTarget::of(TargetKind::Actor, id)).await?;
        Ok(Actor { id, initiative, details, created_at: now, updated_at: now })
    }

    pub async fn update_actor(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ActorId,
        mut details: ActorDetails,
    ) -> Result<Actor> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, _) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let current = actors.iter().find(|a| a.id == id).ok_or(AppError::NotFound)?.clone();
        let others: Vec<Actor> = actors.into_iter().filter(|a| a.id != id).collect();
        Self::check_actor_details(tx.as_mut(), initiative, &mut details, &others).await?;
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("actors"."body" @ id), &details)?;
        tx.update_actor(&ActorRow { id, initiative, body, created_at: current.created_at, updated_at: now }).await?;
        self.record(tx.as_mut(), who, AuditAction::ActorUpdated, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok(Actor { id, initiative, details, created_at: current.created_at, updated_at: now })
    }

    /// Removes an actor, its ties and its registry entry.
    pub async fn remove_actor(&self, who: &Identity, initiative: InitiativeId, id: ActorId) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        if !actors.iter().any(|a| a.id == id) {
            return Err(AppError::NotFound);
        }
        for tie in ties.iter().filter(|t| t.details.from == id || t.details.to == id) {
            tx.delete_tie(tie.id).await?;
            self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, tie.id)).await?;
        }
        tx.delete_actor(id).await?;
        self.record(tx.as_mut(), who, AuditAction::ActorRemoved, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One actor with the ties the caller may see. Audited as a read of that actor.
    pub async fn actor(&self, who: &Identity, initiative: InitiativeId, id: ActorId) -> Result<(SystemMap, Actor)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        let actor = map.actor(id).cloned().ok_or(AppError::NotFound)?;
        self.record(tx.as_mut(), who, AuditAction::ActorRead, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok((map, actor))
    }

    pub async fn add_tie(&self, who: &Identity, initiative: InitiativeId, details: TieDetails) -> Result<Tie> {
        details.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        for end in [details.from, details.to] {
            match tx.actor(end).await? {
                Some(row) if row.initiative == initiative => {}
                _ => return Err(AppError::NotFound),
            }
        }
        let tie = self.insert_tie(tx.as_mut(), who, &entered, initiative, details).await?;
        tx.commit().await?;
        Ok(tie)
    }

    async fn insert_tie(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        details: TieDetails,
    ) -> Result<Tie> {
        let id = TieId::from_random_bytes(self.random());
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("ties"."body" @ id), &details)?;
        tx.insert_tie(&TieRow { id, initiative, body, created_at: now, updated_at: now }).await?;
        self.record(tx, who, AuditAction::TieCreated, AuditTarget::of(TargetKind::Tie, id)).await?;
        Ok(Tie { id, initiative, details, created_at: now, updated_at: now })
    }

    /// Ends or changes a tie (its ends stay).
    pub async fn update_tie(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TieId,
        details: TieDetails,
    ) -> Result<Tie> {
        details.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let row = tx.tie(id).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        let current = self.tie_from_row(&entered.key, &row)?;
        if (current.details.from, current.details.to) != (details.from, details.to) {
            return Err(AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                field: "tie",
                reason: "keeps its ends; remove it and add another instead",
            }));
        }
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("ties"."body" @ id), &details)?;
        tx.update_tie(&TieRow { id, initiative, body, created_at: row.created_at, updated_at: now }).await?;
        self.record(tx.as_mut(), who, AuditAction::TieUpdated, AuditTarget::of(TargetKind::Tie, id)).await?;
        tx.commit().await?;
        Ok(Tie { id, initiative, details, created_at: row.created_at, updated_at: now })
    }

    pub async fn remove_tie(&self, who: &Identity, initiative: InitiativeId, id: TieId) -> Result<()> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        tx.tie(id).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        tx.delete_tie(id).await?;
        self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Imports a map file: all of it or, on the first problem, none of it. With `replace`, the
    /// current map (and its registry) goes first; otherwise the file's actors join the map and
    /// their code names must be new. Sides are matched by name.
    /// Imports a map from the text of its files (for CSV, `file` is actors.csv and `ties` is
    /// ties.csv), its sides matched by name. The right to write the map is checked before the
    /// files are read, so a caller who may not import learns nothing from their errors.
    pub async fn import_map_files(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        format: tracktwo_interchange::Format,
        file: &str,
        ties: &str,
        replace: bool,
    ) -> Result<ImportReport> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            sides.push(self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?);
        }
        tx.commit().await?;
        let parsed = tracktwo_interchange::read(format, file, ties, Some(&sides)).map_err(|error| {
            AppError::Import { record: format!("{}, line {}", error.file, error.line), message: error.message }
        })?;
        self.import_map(who, initiative, &parsed, replace).await
    }

    pub async fn import_map(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        file: &MapFile,
        replace: bool,
    ) -> Result<ImportReport> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (existing, existing_ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let mut sides = HashMap::new();
        for row in tx.sides(initiative).await? {
            let name = self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?;
            sides.insert(name.trim().to_lowercase(), row.id);
        }
        if replace {
            for tie in &existing_ties {
                tx.delete_tie(tie.id).await?;
                self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, tie.id))
                    .await?;
            }
            for actor in &existing {
                tx.delete_actor(actor.id).await?;
                self.record(tx.as_mut(), who, AuditAction::ActorRemoved, AuditTarget::of(TargetKind::Actor, actor.id))
                    .await?;
            }
        }
        let mut codes: HashMap<String, ActorId> = HashMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        if !replace {
            for actor in &existing {
                taken.insert(actor.details.code_name.to_lowercase());
                codes.insert(actor.details.code_name.to_lowercase(), actor.id);
            }
        }
        for (i, actor) in file.actors.iter().enumerate() {
            let at = |message: String| AppError::Import {
                record: format!("actor {} ({})", i + 1, actor.code_name),
                message,
            };
            let side = match &actor.side {
                None => None,
                Some(name) => Some(
                    *sides
                        .get(&name.trim().to_lowercase())
                        .ok_or_else(|| at(format!("`{name}` is not a side of this initiative; add the side first")))?,
                ),
            };
            let mut details = ActorDetails {
                kind: actor.kind,
                name: actor.name.clone().filter(|n| !n.trim().is_empty()),
                code_name: actor.code_name.clone(),
                primary_track: actor.primary_track,
                tracks: actor.tracks.clone(),
                level: actor.level,
                side,
                role: actor.role.clone(),
                decision_maker: actor.decision_maker,
                notes: actor.notes.clone(),
                public_description: actor.public_description.clone(),
            };
            details.validate().map_err(|e| at(e.to_string()))?;
            if !taken.insert(details.code_name.to_lowercase()) {
                return Err(at("this code name is already on the map".to_owned()));
            }
            let created = self.insert_actor(tx.as_mut(), who, &entered, initiative, details).await?;
            codes.insert(created.details.code_name.to_lowercase(), created.id);
        }
        for (i, tie) in file.ties.iter().enumerate() {
            let at = |message: String| AppError::Import {
                record: format!("tie {} ({} → {})", i + 1, tie.from, tie.to),
                message,
            };
            let end = |code: &str| {
                codes
                    .get(&code.trim().to_lowercase())
                    .copied()
                    .ok_or_else(|| at(format!("no actor has the code name `{code}`")))
            };
            let details = TieDetails {
                from: end(&tie.from)?,
                to: end(&tie.to)?,
                kind: tie.kind,
                directed: tie.directed,
                strength: tie.strength,
                valid_from: tie.valid_from,
                valid_until: tie.valid_until,
                notes: tie.notes.clone(),
            };
            details.validate().map_err(|e| at(e.to_string()))?;
            self.insert_tie(tx.as_mut(), who, &entered, initiative, details).await?;
        }
        self.record(tx.as_mut(), who, AuditAction::MapImported, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(ImportReport { actors: file.actors.len(), ties: file.ties.len(), replaced: replace })
    }

    /// Names a date on the map's timeline.
    pub async fn add_map_snapshot(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        snapshot: MapSnapshot,
    ) -> Result<SnapshotId> {
        snapshot.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let id = SnapshotId::from_random_bytes(self.random());
        let body = self.seal_json(&entered.key, place!("map_snapshots"."body" @ id), &snapshot)?;
        tx.insert_map_snapshot(&MapSnapshotRow { id, initiative, body, created_at: self.now() }).await?;
        self.record(tx.as_mut(), who, AuditAction::SnapshotCreated, AuditTarget::of(TargetKind::Snapshot, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn remove_map_snapshot(&self, who: &Identity, initiative: InitiativeId, id: SnapshotId) -> Result<()> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        if !tx.map_snapshots(initiative).await?.iter().any(|row| row.id == id) {
            return Err(AppError::NotFound);
        }
        tx.delete_map_snapshot(id).await?;
        self.record(tx.as_mut(), who, AuditAction::SnapshotRemoved, AuditTarget::of(TargetKind::Snapshot, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The registry entry of one actor; `None` if none was recorded.
    pub async fn registry_entry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        actor: ActorId,
    ) -> Result<Option<RegistryEntry>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRegistry).await?;
        tx.actor(actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        let entry = match tx.registry_entry(actor).await? {
            Some(row) => Some(self.registry_from_row(&entered.key, &row)?),
            None => None,
        };
        self.record(tx.as_mut(), who, AuditAction::RegistryEntryRead, AuditTarget::of(TargetKind::Actor, actor))
            .await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// The whole registry, with the map in full for its names. Each entry read is audited.
    pub async fn registry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<(SystemMap, Vec<(ActorId, RegistryEntry)>)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRegistry).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        let mut out = Vec::new();
        for row in tx.registry_entries(initiative).await? {
            out.push((row.actor, self.registry_from_row(&entered.key, &row)?));
            self.record(
                tx.as_mut(),
                who,
                AuditAction::RegistryEntryRead,
                AuditTarget::of(TargetKind::Actor, row.actor),
            )
            .await?;
        }
        tx.commit().await?;
        Ok((map, out))
    }

    pub async fn set_registry_entry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        actor: ActorId,
        entry: RegistryEntry,
    ) -> Result<()> {
        entry.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteRegistry).await?;
        tx.actor(actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        self.write_registry_entry(tx.as_mut(), who, &entered, actor, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes `actor`'s registry entry inside `tx`, audited; a consent taken back (a withdrawal
    /// dated, an answer turned to a refusal) is audited as a withdrawal of its own, and takes
    /// effect on every summary, readout copy and export made after it, since each reads the
    /// registry as it stands. The caller has checked `WriteRegistry` and the actor.
    pub(crate) async fn write_registry_entry(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        actor: ActorId,
        entry: &RegistryEntry,
    ) -> Result<()> {
        let initiative = entered.row.id;
        let before = match tx.registry_entry(actor).await?.filter(|row| row.initiative == initiative) {
            Some(row) => Some(self.registry_from_row(&entered.key, &row)?),
            None => None,
        };
        let body = self.seal_json(&entered.key, place!("registry"."body" @ actor), entry)?;
        tx.put_registry_entry(&RegistryRow { actor, initiative, body, updated_at: self.now() }).await?;
        self.record(tx, who, AuditAction::RegistryEntryWritten, AuditTarget::of(TargetKind::Actor, actor)).await?;
        if before.is_some_and(|before| entry.consent.withdraws_from(&before.consent)) {
            self.record(tx, who, AuditAction::ConsentWithdrawn, AuditTarget::of(TargetKind::Actor, actor)).await?;
        }
        Ok(())
    }

    /// The risk ceiling the initiative's selections apply (6 per person and 60 for the group
    /// until the convener or operations set one), for those who may run a selection.
    pub async fn risk_ceiling(&self, who: &Identity, initiative: InitiativeId) -> Result<RiskCeiling> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SelectParticipants).await?;
        let (_, record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        tx.commit().await?;
        Ok(record.risk_ceiling.unwrap_or_default())
    }

    /// Sets the risk ceiling of every later selection in the initiative: the convener's or
    /// operations' decision, never one made run by run.
    pub async fn set_risk_ceiling(&self, who: &Identity, initiative: InitiativeId, ceiling: RiskCeiling) -> Result<()> {
        ceiling.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SetRiskCeiling).await?;
        let (row, mut record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        record.risk_ceiling = Some(ceiling);
        self.put_design_record(tx.as_mut(), &entered, initiative, row.as_ref(), &record).await?;
        self.record(tx.as_mut(), who, AuditAction::RiskCeilingSet, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Chooses invitees under the initiative's risk ceiling. The registry's consent and risk
    /// weigh in; a caller who may not read the registry learns from the report only who is
    /// available: the excluded are "not available", whatever the reason, and each available
    /// person counts at the ceiling against the group's, so no request — and no series of
    /// requests — reads a score back from the choices.
    pub async fn select_participants(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        spec: &SelectionSpec,
    ) -> Result<(SystemMap, SelectionReport)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SelectParticipants).await?;
        let reader = if Self::also(who, &entered, Operation::ReadRegistry).is_ok() {
            SelectionReader::OfRegistry
        } else {
            SelectionReader::WithoutRegistry
        };
        let ceiling = self.design_record(tx.as_mut(), &entered, initiative).await?.1.risk_ceiling.unwrap_or_default();
        // The selection reasons over the whole map (a back channel is access too), but reports
        // in the caller's view.
        let (actors, ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let mut registry = HashMap::new();
        for row in tx.registry_entries(initiative).await? {
            registry.insert(row.actor, self.registry_from_row(&entered.key, &row)?);
        }
        let view = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::SelectionRun, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;

        let full = SystemMap { actors, ties, ..view.clone() };
        // Only the available are candidates, so only their counted risk reaches the analysis.
        let risk: HashMap<ActorId, u8> = registry
            .iter()
            .filter(|(_, entry)| ceiling.availability(Some(entry)).is_ok())
            .map(|(id, entry)| (*id, ceiling.counted_risk(entry, reader)))
            .collect();
        let indexed = full.indexed(&risk);
        let candidate_ids: Vec<ActorId> = if spec.candidates.is_empty() {
            full.actors
                .iter()
                .filter(|a| a.details.kind == tracktwo_domain::map::ActorKind::Person && a.details.side.is_some())
                .map(|a| a.id)
                .collect()
        } else {
            spec.candidates.clone()
        };
        let mut report = SelectionReport { ceiling, ..SelectionReport::default() };
        let mut candidates = Vec::new();
        for id in candidate_ids {
            let Some(position) = indexed.actor_ids.iter().position(|a| *a == id) else { continue };
            match ceiling.availability(registry.get(&id)) {
                Err(unavailable) => report.excluded.push(Exclusion { actor: id, reason: unavailable.reason(reader) }),
                Ok(()) => candidates.push(analysis::ActorIdx(u32::try_from(position).unwrap_or(u32::MAX))),
            }
        }
        let request = analysis::SelectionRequest {
            candidates,
            invitees: spec.invitees,
            sides: (0..full.sides.len()).map(|i| analysis::SideKey(u32::try_from(i).unwrap_or(0))).collect(),
            needed_tracks: spec.needed_tracks.iter().map(|t| track_of(*t)).collect(),
            needed_levels: spec.needed_levels.iter().map(|l| level_of(*l)).collect(),
            max_individual_risk: ceiling.per_person,
            max_total_risk: ceiling.group,
        };
        let snapshot = indexed.map.as_of(day(spec.as_of));
        let selection = analysis::select(&snapshot, &request);
        let mut met = BTreeSet::new();
        for choice in &selection.chosen {
            // Grouped so a choice reads as one sentence: the tracks it brings, the level, then
            // the decision-makers it brings closer.
            let mut tracks: Vec<String> = Vec::new();
            let mut levels: Vec<String> = Vec::new();
            let mut access: Vec<String> = Vec::new();
            let mut side_named = String::new();
            for reason in &choice.reasons {
                match *reason {
                    analysis::Reason::Track { side, track } => {
                        met.insert((side, Ok(track.number())));
                        let track = Track::from_number(track.number()).unwrap_or(Track::Government);
                        tracks.push(format!("track {} ({})", track.number(), track.label()));
                        side_named = view.side_name(indexed.side_of(side));
                    }
                    analysis::Reason::Level { side, level } => {
                        met.insert((side, Err(level_from(level))));
                        levels.push(level_from(level).label().to_lowercase());
                        side_named = view.side_name(indexed.side_of(side));
                    }
                    analysis::Reason::Access { decision_maker, from, to } => access
                        .push(format!("{} ({from} → {to})", view.label(indexed.actor_ids[decision_maker.0 as usize]))),
                }
            }
            let mut clauses = Vec::new();
            let needs: Vec<String> = tracks.into_iter().chain(levels).collect();
            if !needs.is_empty() {
                clauses.push(format!("bring {} for {side_named}", needs.join(", ")));
            }
            if !access.is_empty() {
                clauses.push(format!(
                    "raise the group's access to {} {} (the weakest tie of the best chain, of 5)",
                    if access.len() == 1 { "decision-maker" } else { "decision-makers" },
                    access.join(", ")
                ));
            }
            let explanation = if clauses.is_empty() {
                "chosen to keep the sides balanced; adds no need or access not already met".to_owned()
            } else {
                format!("chosen because they {}", clauses.join("; and "))
            };
            report.chosen.push(Invitee { actor: indexed.actor_ids[choice.actor.0 as usize], explanation });
        }
        for (i, side) in full.sides.iter().enumerate() {
            let key = analysis::SideKey(u32::try_from(i).unwrap_or(0));
            for track in &spec.needed_tracks {
                if !met.contains(&(key, Ok(track.number()))) {
                    report.unmet.push(format!("{}: track {} ({})", side.name, track.number(), track.label()));
                }
            }
            for level in &spec.needed_levels {
                if !met.contains(&(key, Err(*level))) {
                    report.unmet.push(format!("{}: {}", side.name, level.label().to_lowercase()));
                }
            }
        }
        Ok((view, report))
    }
}

impl App {
    /// Today's date (UTC), from the injected clock: the default "as of" day of the map.
    #[must_use]
    pub fn today(&self) -> Date {
        self.now().date()
    }
}
