//! A synthetic negotiating text at the size of a long treaty negotiation: 300 clauses, about
//! 40,000 words, through 200 versions, each version rewording, bracketing, settling, moving,
//! adding and dropping a few clauses as a facilitator's drafts do.

use tracktwo_domain::negotiating_text::{Body, Clause, ClauseId, Draft, Part, PartId, Span};

const VOCABULARY: &[&str] = &[
    "the",
    "Parties",
    "shall",
    "may",
    "agree",
    "to",
    "establish",
    "a",
    "joint",
    "commission",
    "on",
    "security",
    "arrangements",
    "within",
    "six",
    "months",
    "of",
    "signature",
    "and",
    "ensure",
    "that",
    "all",
    "displaced",
    "persons",
    "have",
    "right",
    "return",
    "their",
    "homes",
    "in",
    "safety",
    "dignity",
    "with",
    "full",
    "respect",
    "for",
    "human",
    "rights",
    "international",
    "humanitarian",
    "law",
    "monitoring",
    "mechanism",
    "report",
    "regularly",
    "both",
    "sides",
    "guarantors",
    "water",
    "resources",
    "shared",
    "equitably",
    "according",
    "principles",
    "confidence-building",
    "measures",
    "including",
    "exchange",
    "prisoners",
    "opening",
    "crossing",
    "points",
    "trade",
    "local",
    "authorities",
    "cooperate",
    "transitional",
    "period",
    "elections",
    "under",
    "supervision",
    "observers",
];

/// A small deterministic generator, so every run measures the same text.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap() % n
    }
}

fn words(rng: &mut Lcg, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(VOCABULARY[rng.below(VOCABULARY.len())]);
    }
    out
}

fn clause_text(rng: &mut Lcg, id: u32, words_per_clause: usize) -> Clause {
    let mut spans = vec![Span::Words(format!("{} ", words(rng, words_per_clause / 2)))];
    match rng.below(4) {
        0 => spans.push(Span::Bracketed(words(rng, 3))),
        1 => spans.push(Span::Choice(vec![words(rng, 1), words(rng, 2)])),
        _ => spans.push(Span::Words(words(rng, 3))),
    }
    spans.push(Span::Words(format!(" {}.", words(rng, words_per_clause - words_per_clause / 2 - 3))));
    Clause { id: ClauseId(id), heading: String::new(), body: Body::Text(spans), ad_referendum: false, renders: None }
}

/// The first draft: `clauses` clauses in 12 parts, about `total_words` words.
pub fn first_draft(rng: &mut Lcg, clauses: u32, total_words: usize) -> Draft {
    let per_clause = total_words / usize::try_from(clauses).unwrap();
    let mut parts: Vec<Part> =
        (1..=12).map(|p| Part { id: PartId(p), heading: format!("Part {p}"), clauses: Vec::new() }).collect();
    for id in 1..=clauses {
        let part = usize::try_from(id - 1).unwrap() * 12 / usize::try_from(clauses).unwrap();
        parts[part].clauses.push(clause_text(rng, id, per_clause));
    }
    Draft { title: "Framework for a settlement".into(), preamble: words(rng, 60), parts }
}

/// The next version: a few clauses reworded, a bracket settled or opened, sometimes a clause
/// moved, added or dropped.
pub fn next_draft(rng: &mut Lcg, draft: &Draft) -> Draft {
    let mut next = draft.clone();
    for _ in 0..3 + rng.below(6) {
        let part = rng.below(next.parts.len());
        if next.parts[part].clauses.is_empty() {
            continue;
        }
        let at = rng.below(next.parts[part].clauses.len());
        let n = 1 + rng.below(4);
        let replacement = words(rng, n);
        let settle = rng.below(3) == 0;
        let clause = &mut next.parts[part].clauses[at];
        if let Body::Text(spans) = &mut clause.body {
            let i = rng.below(spans.len());
            spans[i] = match &spans[i] {
                Span::Bracketed(w) if settle => Span::Words(format!("{w} ")),
                Span::Choice(ws) if settle => Span::Words(format!("{} ", ws[0])),
                Span::Words(w) if settle && w.len() > 40 => {
                    // Open a bracket around a few words of an agreed stretch.
                    Span::Bracketed(w.trim().to_owned())
                }
                Span::Words(w) => {
                    let mut ws: Vec<&str> = w.split(' ').collect();
                    let k = rng.below(ws.len());
                    ws[k] = &replacement;
                    Span::Words(ws.join(" "))
                }
                other => other.clone(),
            };
        }
    }
    if rng.below(4) == 0 {
        let from = rng.below(next.parts.len());
        if !next.parts[from].clauses.is_empty() {
            let at = rng.below(next.parts[from].clauses.len());
            let clause = next.parts[from].clauses.remove(at);
            let to = rng.below(next.parts.len());
            let place = rng.below(next.parts[to].clauses.len() + 1);
            next.parts[to].clauses.insert(place, clause);
        }
    }
    if rng.below(5) == 0 {
        let id = next.next_clause_id();
        let part = rng.below(next.parts.len());
        next.parts[part].clauses.push(clause_text(rng, id.0, 120));
    }
    if rng.below(5) == 0 {
        let part = rng.below(next.parts.len());
        if next.parts[part].clauses.len() > 1 {
            let at = rng.below(next.parts[part].clauses.len());
            next.parts[part].clauses.remove(at);
        }
    }
    next
}

/// Every version of the history, first to last.
pub fn history(versions: usize) -> Vec<Draft> {
    let mut rng = Lcg::new(0x0e7e_5eed);
    let mut out = vec![first_draft(&mut rng, 300, 40_000)];
    while out.len() < versions {
        let next = next_draft(&mut rng, out.last().unwrap());
        out.push(next);
    }
    out
}
