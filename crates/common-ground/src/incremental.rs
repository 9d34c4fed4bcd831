//! Live updates: after each vote, the store, the statement means, every affected projection and
//! the tallies change in time proportional to the statement's voters, not to the conversation.
//! The principal axes and the clusters stay as the last full recompute left them (a newcomer
//! who reaches the vote threshold joins the nearest base cluster); [`LiveConversation::recompute`]
//! (or [`Options::recompute_every`]) runs the full analysis again.

use crate::CommonGroundError;
use crate::analysis::{Analysis, Model, Options, Stage, StatementFlags, fit, mean_of, report, validate};
use crate::pca::{centred_values, raw_projection};
use crate::stats::Tally;
use crate::votes::{Vote, VoteMatrix, entry_code, entry_index};

/// A conversation kept up to date vote by vote.
#[derive(Debug, Clone)]
pub struct LiveConversation {
    votes: VoteMatrix,
    /// Per statement, the participants who voted on it, sorted.
    voters: Vec<Vec<u32>>,
    flags: Vec<StatementFlags>,
    sides: Vec<Option<u32>>,
    options: Options,
    model: Model,
    votes_since_recompute: u64,
}

impl LiveConversation {
    /// Starts from existing votes (possibly none) with a full analysis.
    pub fn new(
        votes: VoteMatrix,
        flags: Vec<StatementFlags>,
        sides: Vec<Option<u32>>,
        options: Options,
    ) -> Result<Self, CommonGroundError> {
        let sides = if sides.is_empty() { vec![None; votes.participants()] } else { sides };
        let side_count = validate(&votes, &flags, &sides, &options)?;
        let model = fit(&votes, &flags, &sides, side_count, &options, Default::default(), &mut |_| {});
        let mut voters = vec![Vec::new(); votes.statements()];
        for (p, row) in votes.rows.iter().enumerate() {
            for &entry in row {
                voters[entry_index(entry)].push(p as u32);
            }
        }
        Ok(Self { votes, voters, flags, sides, options, model, votes_since_recompute: 0 })
    }

    pub fn votes(&self) -> &VoteMatrix {
        &self.votes
    }

    /// The full analysis again, from the current votes.
    pub fn recompute(&mut self) {
        let side_count = self.sides.iter().flatten().map(|&s| s as usize + 1).max().unwrap_or(0);
        self.model = fit(
            &self.votes,
            &self.flags,
            &self.sides,
            side_count,
            &self.options,
            Default::default(),
            &mut |_: Stage| {},
        );
        self.votes_since_recompute = 0;
    }

    /// Everything reported, from the current state (no PCA or clustering is run).
    pub fn results(&self) -> Analysis {
        report(&self.model, &self.votes, &self.flags, &self.options)
    }

    /// Votes cast since the last full recompute.
    pub fn votes_since_recompute(&self) -> u64 {
        self.votes_since_recompute
    }

    /// Changes a statement's flags (a moderation decision). The map and the groups depend on
    /// which statements are in, so the whole analysis is run again.
    pub fn set_flags(&mut self, statement: usize, flags: StatementFlags) {
        self.grow(self.votes.participants(), statement + 1);
        // A statement nobody voted on is not in the model yet; its flags apply from its first vote.
        let in_model = !self.voters[statement].is_empty();
        if self.flags[statement] != flags {
            self.flags[statement] = flags;
            if in_model {
                self.recompute();
            }
        }
    }

    /// Declares (or changes) a participant's side.
    pub fn set_side(&mut self, participant: usize, side: Option<u32>) {
        self.grow(participant + 1, self.votes.statements());
        let old = self.sides[participant];
        if old == side {
            return;
        }
        let row = self.votes.rows[participant].clone();
        if let Some(old) = old {
            self.model.side_sizes[old as usize] -= 1;
            for &entry in &row {
                self.model.side_tallies[old as usize][entry_index(entry)].remove_code(entry_code(entry));
            }
        }
        if let Some(new) = side {
            let needed = new as usize + 1;
            if needed > self.model.side_count {
                self.model.side_count = needed;
                self.model.side_sizes.resize(needed, 0);
                self.model.side_tallies.resize(needed, vec![Tally::default(); self.votes.statements()]);
            }
            self.model.side_sizes[new as usize] += 1;
            for &entry in &row {
                self.model.side_tallies[new as usize][entry_index(entry)].add_code(entry_code(entry));
            }
        }
        self.sides[participant] = side;
    }

    fn grow(&mut self, participants: usize, statements: usize) {
        let m = &mut self.model;
        if participants > self.votes.participants() {
            self.votes.rows.resize_with(participants, Vec::new);
        }
        if participants > m.raw.len() {
            m.kept_votes.resize(participants, 0);
            m.raw.resize(participants, [0.0; 2]);
            m.in_conversation.resize(participants, false);
            m.base_of.resize(participants, None);
            m.group_of.resize(participants, None);
            self.sides.resize(participants, None);
        }
        if statements > m.statements {
            self.votes.statements = self.votes.statements.max(statements);
            m.statements = statements;
            m.overall.resize(statements, Tally::default());
            m.included.resize(statements, false);
            m.means.resize(statements, 0.0);
            m.centred.resize(statements, [0.0; 3]);
            for axis in &mut m.components.axes {
                axis.resize(statements, 0.0);
            }
            for g in &mut m.group_tallies {
                g.resize(statements, Tally::default());
            }
            for g in &mut m.side_tallies {
                g.resize(statements, Tally::default());
            }
            self.flags.resize(statements, StatementFlags::default());
            self.voters.resize(statements, Vec::new());
        }
    }

    /// Records one vote (the latest vote on a cell wins) and updates everything that depends on
    /// it.
    pub fn cast(&mut self, participant: usize, statement: usize, vote: Vote) -> Result<(), CommonGroundError> {
        self.grow(participant + 1, statement + 1);
        let previous = self.votes.set(participant, statement, vote)?;
        let m = &mut self.model;
        let new_code = vote.code();
        let old_code = previous.map(Vote::code);

        // Voters of the statement, and whether the statement just entered the matrix.
        if previous.is_none() {
            let list = &mut self.voters[statement];
            let at = list.binary_search(&(participant as u32)).unwrap_or_else(|at| at);
            list.insert(at, participant as u32);
        }
        let was_active = m.overall[statement].seen > 0;
        if let Some(code) = old_code {
            m.overall[statement].remove_code(code);
        }
        m.overall[statement].add_code(new_code);
        let excluded = self.flags[statement].moderated_out || self.flags[statement].meta;
        if !was_active {
            m.active_statements += 1;
            if excluded {
                m.moderated_active += 1;
            }
            m.included[statement] = !excluded;
        }
        if previous.is_none() && !excluded {
            m.kept_votes[participant] += 1;
        }

        // The statement's mean moved: every voter's centred value on it moves by the same step,
        // so each of their projections moves by −Δμ · loading.
        let old_mean = m.means[statement];
        let new_mean = mean_of(m.overall[statement], m.included[statement]);
        m.means[statement] = new_mean;
        m.centred[statement] = centred_values(new_mean, m.included[statement]);
        let shift = new_mean - old_mean;
        let loading = [m.components.axes[0][statement], m.components.axes[1][statement]];
        if shift != 0.0 && (loading[0] != 0.0 || loading[1] != 0.0) {
            for &voter in &self.voters[statement] {
                let raw = &mut m.raw[voter as usize];
                raw[0] -= shift * loading[0];
                raw[1] -= shift * loading[1];
            }
        }
        // The voter's own projection, from their row.
        m.raw[participant] = raw_projection(&self.votes.rows[participant], &m.centred, &m.components.axes);

        // Tallies of the voter's side and group.
        if let Some(side) = self.sides[participant] {
            let t = &mut m.side_tallies[side as usize][statement];
            if let Some(code) = old_code {
                t.remove_code(code);
            }
            t.add_code(new_code);
        }
        if let Some(group) = m.group_of[participant] {
            let t = &mut m.group_tallies[group as usize][statement];
            if let Some(code) = old_code {
                t.remove_code(code);
            }
            t.add_code(new_code);
        } else if !m.in_conversation[participant]
            && self.votes.votes_of(participant) >= m.threshold(&self.options).max(1)
        {
            // Pol.is' filter is sticky: once in, always in. A newcomer joins the nearest base
            // cluster (and its group) until the next full recompute.
            m.in_conversation[participant] = true;
            let placement = m.placement(participant, &self.votes);
            let nearest = m
                .base_centres
                .iter()
                .enumerate()
                .map(|(b, c)| (b, (c[0] - placement.x).powi(2) + (c[1] - placement.y).powi(2)))
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            if let Some((base, _)) = nearest {
                let group = m.base_group[base];
                m.base_of[participant] = Some(base as u32);
                m.group_of[participant] = Some(group);
                m.base_sizes[base] += 1;
                for &entry in &self.votes.rows[participant] {
                    m.group_tallies[group as usize][entry_index(entry)].add_code(entry_code(entry));
                }
            }
        }

        self.votes_since_recompute += 1;
        if self.options.recompute_every.is_some_and(|every| self.votes_since_recompute >= every) {
            self.recompute();
        }
        Ok(())
    }

    /// The same state rebuilt from scratch from the current votes, keeping the axes and the
    /// clustering: what [`cast`](Self::cast) must equal (up to rounding).
    pub fn rebuilt(&self) -> LiveConversation {
        let mut copy = self.clone();
        let m = &mut copy.model;
        let rows = &copy.votes.rows;
        let statements = copy.votes.statements();
        m.overall = crate::analysis::labelled_tallies(rows, statements, 1, &|_| Some(0)).pop().unwrap_or_default();
        let flags = &copy.flags;
        let excluded = |s: usize| flags[s].moderated_out || flags[s].meta;
        m.active_statements = m.overall.iter().filter(|t| t.seen > 0).count();
        m.moderated_active = (0..statements).filter(|&s| m.overall[s].seen > 0 && excluded(s)).count();
        m.included = (0..statements).map(|s| m.overall[s].seen > 0 && !excluded(s)).collect();
        m.means = (0..statements).map(|s| mean_of(m.overall[s], m.included[s])).collect();
        m.centred = (0..statements).map(|s| centred_values(m.means[s], m.included[s])).collect();
        m.kept_votes =
            rows.iter().map(|row| row.iter().filter(|&&e| m.included[entry_index(e)]).count() as u32).collect();
        m.raw = rows.iter().map(|row| raw_projection(row, &m.centred, &m.components.axes)).collect();
        let group_of = m.group_of.clone();
        m.group_tallies = crate::analysis::labelled_tallies(rows, statements, m.group_count, &|p| group_of[p]);
        let sides = copy.sides.clone();
        m.side_tallies = crate::analysis::labelled_tallies(rows, statements, m.side_count, &|p| sides[p]);
        m.side_sizes = vec![0; m.side_count];
        for &side in sides.iter().flatten() {
            m.side_sizes[side as usize] += 1;
        }
        copy
    }

    /// Largest difference between this state and [`rebuilt`](Self::rebuilt) in the means and the
    /// participants' positions, and whether stores and tallies are identical.
    pub fn drift_from_rebuilt(&self) -> (f64, bool) {
        let other = self.rebuilt();
        let (a, b) = (&self.model, &other.model);
        let mut drift: f64 = 0.0;
        for (x, y) in a.means.iter().zip(&b.means) {
            drift = drift.max((x - y).abs());
        }
        for (x, y) in a.raw.iter().zip(&b.raw) {
            drift = drift.max((x[0] - y[0]).abs()).max((x[1] - y[1]).abs());
        }
        let exact = a.overall == b.overall
            && a.group_tallies == b.group_tallies
            && a.side_tallies == b.side_tallies
            && a.side_sizes == b.side_sizes
            && a.kept_votes == b.kept_votes
            && a.included == b.included
            && a.active_statements == b.active_statements
            && a.moderated_active == b.moderated_active
            && self.voters == other.rebuilt_voters();
        (drift, exact)
    }

    fn rebuilt_voters(&self) -> Vec<Vec<u32>> {
        let mut voters = vec![Vec::new(); self.votes.statements()];
        for (p, row) in self.votes.rows.iter().enumerate() {
            for &entry in row {
                voters[entry_index(entry)].push(p as u32);
            }
        }
        voters
    }
}
