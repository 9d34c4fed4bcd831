//! A conversation's history replayed as Pol.is' server computed it over time.
//!
//! Pol.is' result depends on the conversation's history, not only on its final votes: a
//! participant once clustered stays clustered (the vote threshold is min(7, statements) *at the
//! time*), the number of groups shown changes only after a new best k has won `group_k_buffer`
//! consecutive updates (and early on, with few participants, only k = 2 is possible), and every
//! update warm-starts from the last one (axes, base clusters, the groups for each k).
//!
//! Pol.is recomputes at every update; replaying that literally costs one full analysis per update,
//! so votes × updates. Here who is clustered is followed exactly at every update (cheaply: once
//! the threshold has reached its final value the filter keeps nobody the final votes would not
//! cluster anyway), while the full analysis — axes, clusters, the vote on k — runs only once the
//! votes have grown by [`Options::history_refit_growth`] since the last one. The analyses then
//! run at geometrically spaced sizes, so the whole replay costs a small multiple of one analysis
//! of the final votes.

use crate::CommonGroundError;
use crate::analysis::{
    Analysis, Model, Options, Stage, Start, StatementFlags, Warm, fit, in_conversation, report, validate,
};
use crate::votes::{Vote, VoteMatrix};

/// The window of [`polis_updates`] the analysis of a dated export uses by default, chosen by
/// leave-one-out over six Pol.is conversations with [`Options::cross_validated`]'s constants
/// (docs/benchmarks.md): one update at the end of each 30 s of the conversation's clock in which
/// votes came in.
pub const UPDATE_WINDOW_MS: i64 = 30_000;

/// Pol.is' k-smoother: the shown k follows the best k once it has won `group_k_buffer`
/// consecutive updates (the first update's best is shown at once).
#[derive(Debug, Default)]
struct KSmoother {
    shown: Option<usize>,
    last: Option<usize>,
    streak: usize,
}

impl KSmoother {
    fn update(&mut self, model: &Model, options: &Options) {
        let max_k = options.max_groups.min(2 + model.base_centres.len() / 12);
        if let Some(this_k) = best_k(&model.silhouettes, max_k) {
            self.streak = if self.last == Some(this_k) { self.streak + 1 } else { 1 };
            self.last = Some(this_k);
            if self.shown.is_none() || self.streak >= options.group_k_buffer {
                self.shown = Some(this_k);
            }
        }
    }
}

/// The best k by silhouette among the ks tried (the first on ties).
fn best_k(silhouettes: &[(usize, f64)], max_k: usize) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for &(k, score) in silhouettes.iter().filter(|(k, _)| *k <= max_k) {
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((k, score));
        }
    }
    best.map(|(k, _)| k)
}

/// Who has been clustered so far (Pol.is' filter is sticky: once in, always in), followed vote by
/// vote.
struct Membership {
    kept: Vec<bool>,
    statement_seen: Vec<bool>,
    active_statements: usize,
    /// Participants with at least `min_votes` votes.
    over_minimum: usize,
}

impl Membership {
    fn new(participants: usize, statements: usize) -> Self {
        Self {
            kept: vec![false; participants],
            statement_seen: vec![false; statements],
            active_statements: 0,
            over_minimum: 0,
        }
    }

    /// After `votes` took a vote of `participant` on `statement` (`previous`: the vote it replaced).
    fn record(
        &mut self,
        votes: &VoteMatrix,
        participant: usize,
        statement: usize,
        previous: Option<Vote>,
        min_votes: usize,
    ) {
        if !self.statement_seen[statement] {
            self.statement_seen[statement] = true;
            self.active_statements += 1;
        }
        if previous.is_none() && votes.votes_of(participant) == min_votes {
            self.over_minimum += 1;
        }
    }

    /// An update without a full analysis: keeps whom the filter chooses now. Once the threshold
    /// is min_votes for good (statements only become active) and that many participants reach it
    /// (so no top-up), the filter chooses exactly those over it, whom every later update chooses
    /// too: nothing needs keeping, and the update costs nothing.
    fn follow(&mut self, votes: &VoteMatrix, options: &Options) {
        let threshold = options.min_votes.min(self.active_statements);
        if threshold == options.min_votes && self.over_minimum >= options.min_participants {
            return;
        }
        let chosen = in_conversation(votes, threshold, options.min_participants, &self.kept);
        self.keep(&chosen);
    }

    fn keep(&mut self, chosen: &[bool]) {
        for (kept, &chosen) in self.kept.iter_mut().zip(chosen) {
            *kept |= chosen;
        }
    }
}

/// Replays `history` (votes in the order cast) in `ticks` equal steps and returns the analysis of
/// the final votes with the participants and the k that replay gives. [`analyze_history_at`]
/// takes the updates from the votes' times instead, as Pol.is' server made them
/// ([`polis_updates`]).
pub fn analyze_history(
    history: &[(usize, usize, Vote)],
    flags: &[StatementFlags],
    sides: &[Option<u32>],
    options: &Options,
    ticks: usize,
    observe: &mut dyn FnMut(Stage),
) -> Result<Analysis, CommonGroundError> {
    let ticks = ticks.max(1);
    let updates: Vec<usize> = (1..ticks).map(|tick| history.len() * tick / ticks).collect();
    analyze_history_at(history, &updates, flags, sides, options, observe, &mut |_, _| {})
}

/// When Pol.is' server would have updated a conversation whose votes came in at `times`
/// (milliseconds, ascending, one per vote of the history): it polls for new votes every second
/// and recomputes the conversation with all that arrived, and an update of a conversation of a
/// few hundred participants takes it seconds, during which the next votes queue. So: one update
/// at the end of each `window` milliseconds of the conversation's clock in which votes came in,
/// given as the number of votes of the history it has seen. Beyond `max_updates` such windows the
/// window doubles until they fit.
pub fn polis_updates(times: &[i64], window: i64, max_updates: usize) -> Vec<usize> {
    let mut window = window.max(1);
    loop {
        let mut updates: Vec<usize> =
            (1..times.len()).filter(|&i| times[i].div_euclid(window) != times[i - 1].div_euclid(window)).collect();
        if updates.len() <= max_updates || window > i64::MAX / 2 {
            updates.truncate(max_updates);
            return updates;
        }
        window *= 2;
    }
}

/// [`analyze_history`] with the updates given: after the first `updates[i]` votes of `history`
/// (ascending; the final votes are analysed after them). `replayed(done, total)` is called after
/// each update.
pub fn analyze_history_at(
    history: &[(usize, usize, Vote)],
    updates: &[usize],
    flags: &[StatementFlags],
    sides: &[Option<u32>],
    options: &Options,
    observe: &mut dyn FnMut(Stage),
    replayed: &mut dyn FnMut(usize, usize),
) -> Result<Analysis, CommonGroundError> {
    let participants = history.iter().map(|v| v.0 + 1).max().unwrap_or(0).max(sides.len());
    let statements = history.iter().map(|v| v.1 + 1).max().unwrap_or(0).max(flags.len());
    let mut flags = flags.to_vec();
    flags.resize(statements, StatementFlags::default());
    let mut sides = sides.to_vec();
    if !sides.is_empty() {
        sides.resize(participants, None);
    }
    let side_count = {
        let empty = VoteMatrix::new(participants, statements);
        validate(&empty, &flags, &sides, options)?
    };
    let mut membership = Membership::new(participants, statements);
    let mut smoother = KSmoother::default();
    let mut votes = VoteMatrix::new(participants, statements);
    let mut done = 0usize;
    let mut fitted_at = 0usize;
    let mut warm: Option<Warm> = None;
    let take = |votes: &mut VoteMatrix, membership: &mut Membership, range: &[(usize, usize, Vote)]| {
        for &(p, s, v) in range {
            let previous = votes.set(p, s, v)?;
            membership.record(votes, p, s, previous, options.min_votes);
        }
        Ok::<(), CommonGroundError>(())
    };
    for (done_updates, &until) in updates.iter().enumerate() {
        let until = until.clamp(done, history.len());
        take(&mut votes, &mut membership, &history[done..until])?;
        done = until;
        let grown = (done - fitted_at) as f64 >= options.history_refit_growth * fitted_at as f64;
        if grown {
            let model = fit(
                &votes,
                &flags,
                &[],
                0,
                options,
                Start { keep: &membership.kept, warm: warm.as_ref() },
                &mut |_| {},
            );
            smoother.update(&model, options);
            membership.keep(&model.in_conversation);
            warm = Some(Warm::from(&model));
            fitted_at = done;
        } else {
            membership.follow(&votes, options);
        }
        replayed(done_updates + 1, updates.len());
    }
    take(&mut votes, &mut membership, &history[done..])?;
    // The last update, with its own vote on k.
    let kept = &membership.kept;
    let mut model =
        fit(&votes, &flags, &sides, side_count, options, Start { keep: kept, warm: warm.as_ref() }, observe);
    smoother.update(&model, options);
    let final_options = Options { force_groups: options.force_groups.or(smoother.shown), ..options.clone() };
    if final_options.force_groups.is_some_and(|k| k != model.group_count) {
        model = fit(
            &votes,
            &flags,
            &sides,
            side_count,
            &final_options,
            Start { keep: kept, warm: warm.as_ref() },
            &mut |_| {},
        );
    }
    observe(Stage::Statistics);
    Ok(report(&model, &votes, &flags, &final_options))
}
