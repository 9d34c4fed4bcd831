//! The full analysis: Pol.is' pipeline, then this engine's additions, from one set of votes.

use rayon::prelude::*;

use crate::CommonGroundError;
use crate::kmeans::{
    BaseClustering, Point, base_kmeans, base_kmeans_from, silhouette, warm_centres, weighted_kmeans,
    weighted_kmeans_from,
};
use crate::pca::{
    CentredValues, Components, ROW_CHUNK, centred_values, principal_components_from, raw_projection, sparsity_scale,
};
use crate::stats::{
    Direction, Repness, Representative, Tally, agreement_lower_bound, benjamini_hochberg, group_informed_consensus,
    majority, priority, select_representative, upper_tail_p,
};
use crate::votes::{VoteMatrix, entry_code, entry_index};

/// What is known about a statement besides its votes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatementFlags {
    /// Moderated out: its votes are kept (and counted in participants' vote counts), but it is
    /// left out of the map (a column of passes for everyone, as in Pol.is) and of every list.
    pub moderated_out: bool,
    /// A meta statement (about the conversation itself): left out like a moderated-out one, and
    /// given Pol.is' fixed priority.
    pub meta: bool,
}

impl StatementFlags {
    fn excluded(self) -> bool {
        self.moderated_out || self.meta
    }
}

/// Settings; the defaults are Pol.is'.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Every random choice derives from it.
    pub seed: u64,
    /// A participant is clustered once they voted on min(this, statements) statements.
    pub min_votes: usize,
    /// If fewer are clustered, the heaviest voters are added up to this many.
    pub min_participants: usize,
    pub base_clusters: usize,
    pub max_groups: usize,
    pub base_iterations: usize,
    /// Pol.is runs group k-means for its default of 20 steps (its intended 100 is misspelt).
    pub group_iterations: usize,
    /// k-means stops once every centre moves less than this.
    pub movement_threshold: f64,
    pub pca_iterations: usize,
    /// Representative statements per group and consensus statements per direction.
    pub representative_limit: usize,
    /// False-discovery rate for the controlled representative statements.
    pub false_discovery_rate: f64,
    /// Quantile of Beta(1 + agree, 1 + disagree) used as the agreement lower bound.
    pub lower_bound_quantile: f64,
    /// Statements listed as common ground.
    pub common_ground_limit: usize,
    /// For [`crate::LiveConversation`]: a full recompute after this many votes (never if `None`).
    pub recompute_every: Option<u64>,
    /// Use this many groups instead of choosing k by silhouette (when there are enough base
    /// clusters).
    pub force_groups: Option<usize>,
    /// Pol.is' k-smoother: a new best k is shown only after winning this many consecutive full
    /// analyses of a replayed history (used by [`crate::analyze_history`]).
    pub group_k_buffer: usize,
    /// A replayed history ([`crate::analyze_history_at`]) runs the full analysis at an update only once
    /// the votes have grown by this share since the last one (0: at every update). In between,
    /// only who is clustered is followed. So the replay's cost grows with the votes, not with
    /// votes × updates: the analyses run at geometrically spaced sizes.
    pub history_refit_growth: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seed: 0,
            min_votes: 7,
            min_participants: 15,
            base_clusters: 100,
            max_groups: 5,
            base_iterations: 100,
            group_iterations: 20,
            movement_threshold: 0.01,
            pca_iterations: 300,
            representative_limit: 5,
            false_discovery_rate: 0.1,
            lower_bound_quantile: 0.05,
            common_ground_limit: 10,
            recompute_every: None,
            force_groups: None,
            group_k_buffer: 4,
            history_refit_growth: 0.05,
        }
    }
}

impl Options {
    /// Pol.is' defaults with the constants chosen by leave-one-out over six Pol.is conversations
    /// (agreement with Pol.is' own groups; `examples/choose_constants.rs` of `tracktwo-polis`,
    /// recorded in docs/benchmarks.md): a participant is clustered from 5 votes rather than 7.
    /// The rest of the grid (largest k, the k-smoother's buffer, [`Options::history_refit_growth`])
    /// kept Pol.is' value or the default. Used with [`crate::UPDATE_WINDOW_MS`] by the analysis
    /// of a dated export.
    pub fn cross_validated() -> Self {
        Self { min_votes: 5, ..Self::default() }
    }

    fn validate(&self) -> Result<(), CommonGroundError> {
        let invalid = |option, expected| Err(CommonGroundError::InvalidOption { option, expected });
        if self.base_clusters == 0 {
            return invalid("base_clusters", "at least 1");
        }
        if self.max_groups < 2 {
            return invalid("max_groups", "at least 2");
        }
        if !(self.false_discovery_rate > 0.0 && self.false_discovery_rate < 1.0) {
            return invalid("false_discovery_rate", "between 0 and 1");
        }
        if !(self.lower_bound_quantile > 0.0 && self.lower_bound_quantile < 1.0) {
            return invalid("lower_bound_quantile", "between 0 and 1");
        }
        if self.movement_threshold.is_nan() || self.movement_threshold < 0.0 {
            return invalid("movement_threshold", "zero or more");
        }
        if !(self.history_refit_growth >= 0.0 && self.history_refit_growth.is_finite()) {
            return invalid("history_refit_growth", "zero or more");
        }
        Ok(())
    }
}

/// The stages of a full analysis, reported to the caller's observer as each one starts (the
/// engine keeps no clock; the caller can time them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Filter,
    Pca,
    Projection,
    BaseClusters,
    Groups,
    Statistics,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Self::Filter, Self::Pca, Self::Projection, Self::BaseClusters, Self::Groups, Self::Statistics];

    pub fn name(self) -> &'static str {
        match self {
            Self::Filter => "filter",
            Self::Pca => "pca",
            Self::Projection => "projection",
            Self::BaseClusters => "base_clusters",
            Self::Groups => "groups",
            Self::Statistics => "statistics",
        }
    }
}

/// Where a participant sits on the map and which group they are in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x: f64,
    pub y: f64,
    /// Clustered and counted in group statistics (Pol.is' "in-conv").
    pub in_conversation: bool,
    pub base_cluster: Option<u32>,
    pub group: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BaseCluster {
    pub centre: [f64; 2],
    pub size: u32,
    pub group: u32,
}

/// A representative statement that survives Benjamini–Hochberg control.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ControlledRepresentative {
    pub statement: usize,
    pub direction: Direction,
    /// Smoothed share voting that way, in the group and among everyone else clustered.
    pub share: f64,
    pub others_share: f64,
    /// One-sided p-value: the larger of the two tests' (share > ½, share > others').
    pub p_value: f64,
    /// Benjamini–Hochberg adjusted p-value over every (group, statement, direction) test.
    pub q_value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupResult {
    pub size: u32,
    pub centre: [f64; 2],
    /// Pol.is' selection (up to five, agrees first).
    pub representative: Vec<Representative>,
    /// Representative statements with the false-discovery rate controlled, by strength.
    pub representative_controlled: Vec<ControlledRepresentative>,
}

/// How one declared side (or discovered group) voted on a statement, with the lower bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    pub votes: Tally,
    pub lower_bound: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementResult {
    pub flags: StatementFlags,
    /// Every participant's votes.
    pub votes: Tally,
    pub mean: f64,
    /// The statement's loading on each principal axis.
    pub loadings: [f64; 2],
    pub extremity: f64,
    pub priority: f64,
    pub group_informed_consensus: f64,
    pub group_informed_consensus_disagree: f64,
    pub per_group: Vec<Agreement>,
    /// The smallest agreement lower bound over discovered groups.
    pub group_common_ground: f64,
    pub per_side: Vec<Agreement>,
    /// The smallest agreement lower bound over declared sides; `None` without sides.
    pub side_common_ground: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consensus {
    pub agree: Vec<usize>,
    pub disagree: Vec<usize>,
}

/// Statements ranked by cross-side (and cross-group) common ground, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommonGround {
    pub across_sides: Vec<usize>,
    pub across_groups: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SideResult {
    pub size: u32,
}

/// Everything the analysis finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub participants: Vec<Placement>,
    pub components: Components,
    pub base_clusters: Vec<BaseCluster>,
    /// Silhouette of each k tried.
    pub silhouettes: Vec<(usize, f64)>,
    pub groups: Vec<GroupResult>,
    pub consensus: Consensus,
    pub common_ground: CommonGround,
    pub statements: Vec<StatementResult>,
    pub sides: Vec<SideResult>,
}

/// The state a full recompute establishes and incremental updates maintain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    pub statements: usize,
    pub overall: Vec<Tally>,
    pub included: Vec<bool>,
    pub means: Vec<f64>,
    pub centred: Vec<CentredValues>,
    pub active_statements: usize,
    pub moderated_active: usize,
    /// Per participant: votes on statements that are not moderated out.
    pub kept_votes: Vec<u32>,
    pub components: Components,
    /// Per participant: projection before the sparsity scaling.
    pub raw: Vec<[f64; 2]>,
    pub in_conversation: Vec<bool>,
    pub base_centres: Vec<Point>,
    pub base_sizes: Vec<u32>,
    pub base_group: Vec<u32>,
    pub base_of: Vec<Option<u32>>,
    pub group_of: Vec<Option<u32>>,
    pub group_count: usize,
    pub silhouettes: Vec<(usize, f64)>,
    /// For each k tried, each base cluster's group (what the next update warm-starts from).
    pub labels_by_k: Vec<(usize, Vec<u32>)>,
    pub group_tallies: Vec<Vec<Tally>>,
    pub side_count: usize,
    pub side_sizes: Vec<u32>,
    pub side_tallies: Vec<Vec<Tally>>,
}

impl Model {
    pub fn placement(&self, participant: usize, votes: &VoteMatrix) -> Placement {
        let (x, y) = if votes.votes_of(participant) == 0 {
            (0.0, 0.0)
        } else {
            let scale =
                sparsity_scale(self.active_statements, self.kept_votes[participant] as usize + self.moderated_active);
            (self.raw[participant][0] * scale, self.raw[participant][1] * scale)
        };
        Placement {
            x,
            y,
            in_conversation: self.in_conversation[participant],
            base_cluster: self.base_of[participant],
            group: self.group_of[participant],
        }
    }

    pub fn threshold(&self, options: &Options) -> usize {
        options.min_votes.min(self.active_statements)
    }
}

/// What an update of a replayed history starts from: the last update's axes and, per
/// participant, base cluster and group for each k.
#[derive(Debug, Clone, Default)]
pub(crate) struct Warm {
    axes: Option<[Vec<f64>; 2]>,
    base_of: Labels,
    groups_by_k: Vec<(usize, Labels)>,
}

/// A cluster (or none) per participant or point.
type Labels = Vec<Option<u32>>;

/// Where an update starts: participants kept in from earlier updates, and the last update's
/// state to warm-start from.
#[derive(Clone, Copy, Default)]
pub(crate) struct Start<'a> {
    pub keep: &'a [bool],
    pub warm: Option<&'a Warm>,
}

/// Per clustered point, its base cluster and its group for each k in the last update.
#[derive(Clone, Copy)]
pub(crate) struct WarmPoints<'a> {
    base: &'a [Option<u32>],
    groups: &'a [(usize, Labels)],
}

impl Warm {
    pub(crate) fn from(model: &Model) -> Self {
        Self {
            axes: Some(model.components.axes.clone()),
            base_of: model.base_of.clone(),
            groups_by_k: model
                .labels_by_k
                .iter()
                .map(|(k, labels)| (*k, model.base_of.iter().map(|b| b.map(|b| labels[b as usize])).collect()))
                .collect(),
        }
    }
}

/// Checks the inputs and returns the number of declared sides.
pub(crate) fn validate(
    votes: &VoteMatrix,
    flags: &[StatementFlags],
    sides: &[Option<u32>],
    options: &Options,
) -> Result<usize, CommonGroundError> {
    options.validate()?;
    if flags.len() != votes.statements() {
        return Err(CommonGroundError::LengthMismatch {
            what: "statement flags",
            found: flags.len(),
            expected: votes.statements(),
        });
    }
    if !sides.is_empty() && sides.len() != votes.participants() {
        return Err(CommonGroundError::LengthMismatch {
            what: "participant sides",
            found: sides.len(),
            expected: votes.participants(),
        });
    }
    Ok(sides.iter().flatten().map(|&s| s as usize + 1).max().unwrap_or(0))
}

/// Runs the whole analysis. `sides` is empty, or gives each participant's declared side.
/// `observe` is called as each stage starts.
pub fn analyze(
    votes: &VoteMatrix,
    flags: &[StatementFlags],
    sides: &[Option<u32>],
    options: &Options,
    observe: &mut dyn FnMut(Stage),
) -> Result<Analysis, CommonGroundError> {
    let side_count = validate(votes, flags, sides, options)?;
    let model = fit(votes, flags, sides, side_count, options, Start::default(), observe);
    observe(Stage::Statistics);
    Ok(report(&model, votes, flags, options))
}

/// Per-label tallies from the rows, in fixed chunks (integer sums, so any order gives the same).
pub(crate) fn labelled_tallies(
    rows: &[Vec<u32>],
    statements: usize,
    label_count: usize,
    label: &(dyn Fn(usize) -> Option<u32> + Sync),
) -> Vec<Vec<Tally>> {
    if label_count == 0 {
        return Vec::new();
    }
    let partials: Vec<Vec<Tally>> = rows
        .par_chunks(ROW_CHUNK)
        .enumerate()
        .map(|(chunk, rows)| {
            let mut t = vec![Tally::default(); label_count * statements];
            for (offset, row) in rows.iter().enumerate() {
                if let Some(l) = label(chunk * ROW_CHUNK + offset) {
                    let base = l as usize * statements;
                    for &entry in row {
                        t[base + entry_index(entry)].add_code(entry_code(entry));
                    }
                }
            }
            t
        })
        .collect();
    let mut total = vec![Tally::default(); label_count * statements];
    for partial in partials {
        for (t, p) in total.iter_mut().zip(partial) {
            *t = t.plus(p);
        }
    }
    if statements == 0 {
        return vec![Vec::new(); label_count];
    }
    total.chunks(statements).map(<[Tally]>::to_vec).collect()
}

pub(crate) fn mean_of(tally: Tally, included: bool) -> f64 {
    if included && tally.seen > 0 {
        (f64::from(tally.agree) - f64::from(tally.disagree)) / f64::from(tally.seen)
    } else {
        0.0
    }
}

/// Pol.is' in-conversation filter on a snapshot: min(7, statements) votes, then top-up to 15 by
/// vote count (ties to the earlier participant).
pub(crate) fn in_conversation(votes: &VoteMatrix, threshold: usize, minimum: usize, keep: &[bool]) -> Vec<bool> {
    let mut chosen: Vec<bool> = votes
        .rows
        .iter()
        .enumerate()
        .map(|(p, row)| !row.is_empty() && (row.len() >= threshold || keep.get(p).copied().unwrap_or(false)))
        .collect();
    let count = chosen.iter().filter(|&&c| c).count();
    if count < minimum {
        let mut rest: Vec<usize> = (0..votes.participants()).filter(|&p| !chosen[p] && votes.votes_of(p) > 0).collect();
        rest.sort_by(|&a, &b| votes.votes_of(b).cmp(&votes.votes_of(a)).then(a.cmp(&b)));
        for p in rest.into_iter().take(minimum - count) {
            chosen[p] = true;
        }
    }
    chosen
}

/// Base clusters of the clustered participants, then groups over the base clusters with k chosen
/// by silhouette.
/// The clustering of one update: base clusters, each base cluster's group, k, the silhouettes
/// and every k's labelling.
pub(crate) struct Clustering {
    base: BaseClustering,
    labels: Vec<u32>,
    k: usize,
    silhouettes: Vec<(usize, f64)>,
    labels_by_k: Vec<(usize, Vec<u32>)>,
}

/// Base clusters of the clustered participants, then groups over the base clusters with k chosen
/// by silhouette. `warm` gives, per point, the clusters of the last update to start from.
pub(crate) fn cluster(
    points: &[Point],
    further: &[Point],
    options: &Options,
    warm: Option<WarmPoints<'_>>,
    observe: &mut dyn FnMut(Stage),
) -> Clustering {
    observe(Stage::BaseClusters);
    let base = match warm {
        Some(previous) if previous.base.iter().any(Option::is_some) => base_kmeans_from(
            points,
            warm_centres(points, previous.base, options.base_clusters),
            options.base_iterations,
            options.movement_threshold,
        ),
        _ => base_kmeans(points, options.base_clusters, options.base_iterations, options.movement_threshold),
    };
    observe(Stage::Groups);
    let count = base.centres.len();
    if count < 2 {
        let labels = vec![0; count];
        return Clustering { base, labels, k: count.min(1), silhouettes: Vec::new(), labels_by_k: Vec::new() };
    }
    let weights: Vec<f64> = base.sizes.iter().map(|&s| f64::from(s)).collect();
    let deep_centres = centres_in_depth(points, further, &base);
    let max_k = options.max_groups.min(2 + count / 12);
    let mut best: Option<(usize, f64, Vec<u32>)> = None;
    let mut silhouettes = Vec::new();
    let mut labels_by_k = Vec::new();
    let mut forced: Option<(usize, Vec<u32>)> = None;
    for k in 2..=max_k.max(options.force_groups.unwrap_or(0).min(count)) {
        let previous = warm.and_then(|w| w.groups.iter().find(|(pk, _)| *pk == k)).map(|(_, labels)| labels);
        let start = previous.map(|labels| warm_centres(points, labels, k)).filter(|c| c.len() == k);
        let labels = match start {
            Some(start) => weighted_kmeans_from(
                &base.centres,
                &weights,
                start,
                options.group_iterations,
                options.movement_threshold,
            ),
            None => weighted_kmeans(&base.centres, &weights, k, options.group_iterations, options.movement_threshold),
        };
        let found = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
        if found < k {
            continue;
        }
        // Each base cluster counts with its members, as each participant would: a plain mean
        // over base clusters (Pol.is) lets a few thinly populated clusters at the edge of the
        // map split off a group of their own. And it is measured in four principal dimensions,
        // not the map's two: a smaller group whose opinions differ from the others' along the
        // third or fourth axis lies on top of them in the map, and a two-dimensional silhouette
        // merges it into them (see `centres_in_depth`).
        let score = silhouette(&deep_centres, &weights, &labels);
        silhouettes.push((k, score));
        labels_by_k.push((k, labels.clone()));
        if options.force_groups == Some(k) {
            forced = Some((k, labels.clone()));
        }
        if k <= max_k && best.as_ref().is_none_or(|(_, s, _)| score > *s) {
            best = Some((k, score, labels));
        }
    }
    let (labels, k) = match (forced, best) {
        (Some((k, labels)), _) | (None, Some((k, _, labels))) => (labels, k),
        (None, None) => (vec![0; count], 1),
    };
    Clustering { base, labels, k, silhouettes, labels_by_k }
}

/// Each base cluster's centre in four dimensions: its members' mean on the map's two axes (its
/// centre there) and on the third and fourth (`further`, per point).
fn centres_in_depth(points: &[Point], further: &[Point], base: &BaseClustering) -> Vec<[f64; 4]> {
    let mut sums = vec![[0.0; 4]; base.centres.len()];
    for ((p, f), &b) in points.iter().zip(further).zip(&base.assignment) {
        let s = &mut sums[b as usize];
        s[0] += p[0];
        s[1] += p[1];
        s[2] += f[0];
        s[3] += f[1];
    }
    sums.iter()
        .zip(&base.sizes)
        .map(|(s, &n)| {
            let n = f64::from(n.max(1));
            [s[0] / n, s[1] / n, s[2] / n, s[3] / n]
        })
        .collect()
}

pub(crate) fn fit(
    votes: &VoteMatrix,
    flags: &[StatementFlags],
    sides: &[Option<u32>],
    side_count: usize,
    options: &Options,
    start: Start<'_>,
    observe: &mut dyn FnMut(Stage),
) -> Model {
    let Start { keep, warm } = start;
    let statements = votes.statements();
    let participants = votes.participants();
    let rows = &votes.rows;

    observe(Stage::Filter);
    let overall = labelled_tallies(rows, statements, 1, &|_| Some(0)).pop().unwrap_or_default();
    let active_statements = overall.iter().filter(|t| t.seen > 0).count();
    let moderated_active = overall.iter().zip(flags).filter(|(t, f)| t.seen > 0 && f.excluded()).count();
    let included: Vec<bool> = overall.iter().zip(flags).map(|(t, f)| t.seen > 0 && !f.excluded()).collect();
    let threshold = options.min_votes.min(active_statements);
    let in_conv = in_conversation(votes, threshold, options.min_participants, keep);
    let kept_votes: Vec<u32> =
        rows.par_iter().map(|row| row.iter().filter(|&&e| included[entry_index(e)]).count() as u32).collect();

    observe(Stage::Pca);
    let means: Vec<f64> = overall.iter().zip(&included).map(|(&t, &i)| mean_of(t, i)).collect();
    let centred: Vec<CentredValues> = means.iter().zip(&included).map(|(&m, &i)| centred_values(m, i)).collect();
    let start = warm.and_then(|w| w.axes.as_ref()).filter(|axes| axes[0].len() == statements);
    let components = principal_components_from(rows, &centred, options.seed, options.pca_iterations, start);

    observe(Stage::Projection);
    let raw: Vec<[f64; 2]> = rows.par_iter().map(|row| raw_projection(row, &centred, &components.axes)).collect();

    let mut model = Model {
        statements,
        overall,
        included,
        means,
        centred,
        active_statements,
        moderated_active,
        kept_votes,
        components,
        raw,
        in_conversation: in_conv,
        base_centres: Vec::new(),
        base_sizes: Vec::new(),
        base_group: Vec::new(),
        base_of: vec![None; participants],
        group_of: vec![None; participants],
        group_count: 0,
        silhouettes: Vec::new(),
        labels_by_k: Vec::new(),
        group_tallies: Vec::new(),
        side_count,
        side_sizes: vec![0; side_count],
        side_tallies: Vec::new(),
    };
    for &side in sides.iter().flatten() {
        model.side_sizes[side as usize] += 1;
    }
    let clustered: Vec<usize> = (0..participants).filter(|&p| model.in_conversation[p]).collect();
    let points: Vec<Point> = clustered
        .iter()
        .map(|&p| {
            let placement = model.placement(p, votes);
            [placement.x, placement.y]
        })
        .collect();
    let previous: Option<(Labels, Vec<(usize, Labels)>)> = warm.map(|w| {
        let at = |labels: &[Option<u32>], p: usize| labels.get(p).copied().flatten();
        (
            clustered.iter().map(|&p| at(&w.base_of, p)).collect(),
            w.groups_by_k.iter().map(|(k, labels)| (*k, clustered.iter().map(|&p| at(labels, p)).collect())).collect(),
        )
    });
    // Each clustered participant on the third and fourth axes, scaled as on the map.
    let further: Vec<Point> = clustered
        .par_iter()
        .map(|&p| {
            let scale = sparsity_scale(model.active_statements, model.kept_votes[p] as usize + model.moderated_active);
            let r = raw_projection(&rows[p], &model.centred, &model.components.further);
            [r[0] * scale, r[1] * scale]
        })
        .collect();
    let found = cluster(
        &points,
        &further,
        options,
        previous.as_ref().map(|(base, groups)| WarmPoints { base, groups }),
        observe,
    );
    for (&p, &b) in clustered.iter().zip(&found.base.assignment) {
        model.base_of[p] = Some(b);
        model.group_of[p] = Some(found.labels[b as usize]);
    }
    model.base_centres = found.base.centres;
    model.base_sizes = found.base.sizes;
    model.base_group = found.labels;
    model.group_count = found.k;
    model.silhouettes = found.silhouettes;
    model.labels_by_k = found.labels_by_k;
    let group_of = &model.group_of;
    model.group_tallies = labelled_tallies(rows, statements, model.group_count, &|p| group_of[p]);
    model.side_tallies = labelled_tallies(rows, statements, side_count, &|p| sides.get(p).copied().flatten());
    model
}

/// Everything reported, computed from the model's tallies and positions (no PCA, no k-means).
pub(crate) fn report(model: &Model, votes: &VoteMatrix, flags: &[StatementFlags], options: &Options) -> Analysis {
    let statements = model.statements;
    let groups = model.group_count;
    let quantile = options.lower_bound_quantile;
    let participants: Vec<Placement> = (0..votes.participants()).map(|p| model.placement(p, votes)).collect();

    // Group sizes and centres (centre: base centres weighted by their members).
    let mut sizes = vec![0u32; groups];
    let mut centres = vec![[0.0; 2]; groups];
    for ((&c, &s), &g) in model.base_centres.iter().zip(&model.base_sizes).zip(&model.base_group) {
        sizes[g as usize] += s;
        centres[g as usize][0] += c[0] * f64::from(s);
        centres[g as usize][1] += c[1] * f64::from(s);
    }
    for (centre, &size) in centres.iter_mut().zip(&sizes) {
        if size > 0 {
            centre[0] /= f64::from(size);
            centre[1] /= f64::from(size);
        }
    }
    let excluded = |s: usize| flags[s].excluded();
    let clustered_total: Vec<Tally> =
        (0..statements).map(|s| model.group_tallies.iter().fold(Tally::default(), |acc, g| acc.plus(g[s]))).collect();

    // Per statement.
    let scale = (model.active_statements as f64).sqrt();
    let statement_results: Vec<StatementResult> = (0..statements)
        .into_par_iter()
        .map(|s| {
            let loadings = [
                model.components.axes[0].get(s).copied().unwrap_or(0.0),
                model.components.axes[1].get(s).copied().unwrap_or(0.0),
            ];
            let extremity = if model.included[s] {
                scale * (1.0 - model.means[s]).abs() * loadings[0].hypot(loadings[1])
            } else {
                0.0
            };
            let per_group: Vec<Agreement> = model
                .group_tallies
                .iter()
                .map(|g| Agreement {
                    votes: g[s],
                    lower_bound: agreement_lower_bound(g[s].agree, g[s].disagree, quantile),
                })
                .collect();
            let per_side: Vec<Agreement> = model
                .side_tallies
                .iter()
                .map(|g| Agreement {
                    votes: g[s],
                    lower_bound: agreement_lower_bound(g[s].agree, g[s].disagree, quantile),
                })
                .collect();
            let for_priority = if groups > 0 { clustered_total[s] } else { model.overall[s] };
            StatementResult {
                flags: flags[s],
                votes: model.overall[s],
                mean: model.means[s],
                loadings,
                extremity,
                priority: priority(for_priority, extremity, flags[s].meta),
                group_informed_consensus: group_informed_consensus(
                    model.group_tallies.iter().map(|g| g[s]),
                    Direction::Agree,
                ),
                group_informed_consensus_disagree: group_informed_consensus(
                    model.group_tallies.iter().map(|g| g[s]),
                    Direction::Disagree,
                ),
                group_common_ground: per_group
                    .iter()
                    .map(|a| a.lower_bound)
                    .fold(if groups > 0 { f64::INFINITY } else { 0.0 }, f64::min),
                side_common_ground: (!per_side.is_empty())
                    .then(|| per_side.iter().map(|a| a.lower_bound).fold(f64::INFINITY, f64::min)),
                per_group,
                per_side,
            }
        })
        .collect();

    // Repness per group (Pol.is), and the same tests under false-discovery control.
    let candidates: Vec<Vec<Repness>> = (0..groups)
        .map(|g| {
            (0..statements)
                .filter(|&s| !excluded(s) && model.overall[s].seen > 0)
                .map(|s| {
                    Repness::new(s, model.group_tallies[g][s], clustered_total[s].minus(model.group_tallies[g][s]))
                })
                .collect()
        })
        .collect();
    let mut tests: Vec<(usize, Direction, &Repness, f64)> = Vec::new();
    for (g, list) in candidates.iter().enumerate() {
        for r in list {
            tests.push((g, Direction::Agree, r, upper_tail_p(r.rat).max(upper_tail_p(r.pat))));
            tests.push((g, Direction::Disagree, r, upper_tail_p(r.rdt).max(upper_tail_p(r.pdt))));
        }
    }
    let p_values: Vec<f64> = tests.iter().map(|t| t.3).collect();
    let (discovered, q_values) = benjamini_hochberg(&p_values, options.false_discovery_rate);
    let mut controlled: Vec<Vec<(f64, ControlledRepresentative)>> = vec![Vec::new(); groups];
    for (i, &(g, direction, r, p)) in tests.iter().enumerate() {
        if !discovered[i] {
            continue;
        }
        let (share, others_share) = match direction {
            Direction::Agree => (r.pa, crate::stats::smoothed_proportion(r.others.agree, r.others.seen)),
            Direction::Disagree => (r.pd, crate::stats::smoothed_proportion(r.others.disagree, r.others.seen)),
        };
        controlled[g].push((
            r.metric(direction),
            ControlledRepresentative {
                statement: r.statement,
                direction,
                share,
                others_share,
                p_value: p,
                q_value: q_values[i],
            },
        ));
    }
    let group_results: Vec<GroupResult> = (0..groups)
        .map(|g| {
            let mut list = std::mem::take(&mut controlled[g]);
            list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.statement.cmp(&b.1.statement)));
            GroupResult {
                size: sizes[g],
                centre: centres[g],
                representative: select_representative(&candidates[g], options.representative_limit),
                representative_controlled: list
                    .into_iter()
                    .take(options.representative_limit)
                    .map(|(_, r)| r)
                    .collect(),
            }
        })
        .collect();

    let listed: Vec<(usize, Tally)> =
        (0..statements).filter(|&s| !excluded(s) && model.overall[s].seen > 0).map(|s| (s, model.overall[s])).collect();
    let consensus = Consensus {
        agree: majority(&listed, Direction::Agree, options.representative_limit),
        disagree: majority(&listed, Direction::Disagree, options.representative_limit),
    };
    let rank = |score: &dyn Fn(&StatementResult) -> Option<f64>| -> Vec<usize> {
        let mut scored: Vec<(usize, f64)> =
            listed.iter().filter_map(|&(s, _)| score(&statement_results[s]).map(|v| (s, v))).collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().take(options.common_ground_limit).map(|(s, _)| s).collect()
    };
    let common_ground = CommonGround {
        across_sides: rank(&|r| r.side_common_ground),
        across_groups: if groups > 0 { rank(&|r| Some(r.group_common_ground)) } else { Vec::new() },
    };
    let sides = model.side_sizes.iter().map(|&size| SideResult { size }).collect();
    Analysis {
        participants,
        components: model.components.clone(),
        base_clusters: model
            .base_centres
            .iter()
            .zip(&model.base_sizes)
            .zip(&model.base_group)
            .map(|((&centre, &size), &group)| BaseCluster { centre, size, group })
            .collect(),
        silhouettes: model.silhouettes.clone(),
        groups: group_results,
        consensus,
        common_ground,
        statements: statement_results,
        sides,
    }
}
