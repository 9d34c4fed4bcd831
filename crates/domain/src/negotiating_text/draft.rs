//! The body of one version of a negotiating text: parts holding clauses, each clause clean,
//! bracketed, a set of alternatives, or agreed ad referendum.
//!
//! A clause's words are written in the notation negotiators use on paper: `[words]` is a bracket
//! (text not yet agreed), and `[shall|should]` a choice between wordings at that place. Whole-clause
//! alternatives ("Alt A", "Alt B") are a clause's [`Body::Alternatives`], each naming what it replaces.

use std::fmt;

use crate::records::{ValidationError, long_text, optional_line, required_line};

/// A part's identifier, stable across versions (`p1`, `p2`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct PartId(pub u32);

/// A clause's identifier, stable across versions and languages (`c1`, `c2`, …): the facilitator
/// may reword, move or bracket a clause, and it stays the same clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct ClauseId(pub u32);

impl fmt::Display for PartId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p{}", self.0)
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "c{}", self.0)
    }
}

impl std::str::FromStr for ClauseId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.strip_prefix('c')
            .and_then(|n| n.parse().ok())
            .map(ClauseId)
            .ok_or(ValidationError::Invalid { field: "clause", reason: "is not a clause identifier such as c12" })
    }
}

impl std::str::FromStr for PartId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.strip_prefix('p')
            .and_then(|n| n.parse().ok())
            .map(PartId)
            .ok_or(ValidationError::Invalid { field: "part", reason: "is not a part identifier such as p2" })
    }
}

/// A stretch of a clause's words.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Span {
    /// Words every side can live with, as far as this draft goes.
    Words(String),
    /// `[words]`: not agreed; they stay or go as a whole.
    Bracketed(String),
    /// `[shall|should]`: one of these wordings, to be chosen.
    Choice(Vec<String>),
}

/// One of a clause's whole-clause alternatives.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Alternative {
    /// "A", "B", …: how negotiators refer to it.
    pub label: String,
    pub text: Vec<Span>,
    /// What it would replace: the clause as a whole, or the words named.
    pub replaces: Replaces,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Replaces {
    /// The clause's whole text.
    WholeClause,
    /// These words of the clause.
    Words(String),
}

/// What a clause says.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Body {
    Text(Vec<Span>),
    /// Two or more wordings of the whole clause, one to be chosen.
    Alternatives(Vec<Alternative>),
}

/// A translated clause's link to the clause it renders: the source clause's hash at the time of
/// translation, so the translation shows as out of date when the source changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Renders {
    pub source: super::ContentHash,
}

#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Clause {
    pub id: ClauseId,
    /// A short heading ("Security arrangements"), or empty.
    pub heading: String,
    pub body: Body,
    /// Agreed by the negotiators subject to their principals' approval. Only a clean clause can be.
    pub ad_referendum: bool,
    /// In a translation: the source clause rendered.
    pub renders: Option<Renders>,
}

/// Where a clause stands, as trackers of negotiating texts count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseStanding {
    Clean,
    Bracketed,
    Alternatives,
    AgreedAdReferendum,
}

impl ClauseStanding {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseStanding::Clean => "clean",
            ClauseStanding::Bracketed => "bracketed",
            ClauseStanding::Alternatives => "alternatives",
            ClauseStanding::AgreedAdReferendum => "agreed ad referendum",
        }
    }
}

impl Clause {
    #[must_use]
    pub fn standing(&self) -> ClauseStanding {
        match &self.body {
            Body::Alternatives(_) => ClauseStanding::Alternatives,
            Body::Text(spans) if spans.iter().any(|s| !matches!(s, Span::Words(_))) => ClauseStanding::Bracketed,
            Body::Text(_) if self.ad_referendum => ClauseStanding::AgreedAdReferendum,
            Body::Text(_) => ClauseStanding::Clean,
        }
    }

    /// Brackets in the clause: each `[…]` counts once, a choice included.
    #[must_use]
    pub fn brackets(&self) -> usize {
        let in_spans = |spans: &[Span]| spans.iter().filter(|s| !matches!(s, Span::Words(_))).count();
        match &self.body {
            Body::Text(spans) => in_spans(spans),
            Body::Alternatives(alternatives) => alternatives.iter().map(|a| in_spans(&a.text)).sum(),
        }
    }

    /// Alternatives left open: each whole-clause alternative and each wording of a choice.
    #[must_use]
    pub fn alternatives(&self) -> usize {
        let choices =
            |spans: &[Span]| spans.iter().map(|s| if let Span::Choice(ws) = s { ws.len() } else { 0 }).sum::<usize>();
        match &self.body {
            Body::Text(spans) => choices(spans),
            Body::Alternatives(alternatives) => {
                alternatives.len() + alternatives.iter().map(|a| choices(&a.text)).sum::<usize>()
            }
        }
    }

    /// The clause's words as negotiators read them on paper, alternatives labelled.
    #[must_use]
    pub fn notation(&self) -> String {
        match &self.body {
            Body::Text(spans) => notation(spans),
            Body::Alternatives(alternatives) => alternatives
                .iter()
                .map(|a| format!("Alt {}: {}", a.label, notation(&a.text)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    #[must_use]
    pub fn words(&self) -> usize {
        count_words(&self.notation())
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        optional_line("clause heading", &self.heading)?;
        match &self.body {
            Body::Text(spans) => validate_spans(spans)?,
            Body::Alternatives(alternatives) => {
                if alternatives.len() < 2 {
                    return Err(ValidationError::Invalid {
                        field: "alternatives",
                        reason: "need at least two wordings",
                    });
                }
                let mut labels = std::collections::BTreeSet::new();
                for alternative in alternatives {
                    required_line("alternative label", &alternative.label)?;
                    if !labels.insert(alternative.label.trim()) {
                        return Err(ValidationError::Invalid { field: "alternative label", reason: "is used twice" });
                    }
                    validate_spans(&alternative.text)?;
                    if let Replaces::Words(words) = &alternative.replaces {
                        required_line("words an alternative replaces", words)?;
                    }
                }
            }
        }
        if self.ad_referendum && self.standing() != ClauseStanding::AgreedAdReferendum {
            return Err(ValidationError::Invalid {
                field: "ad referendum",
                reason: "only a clause without brackets or alternatives can be agreed",
            });
        }
        Ok(())
    }
}

fn validate_spans(spans: &[Span]) -> Result<(), ValidationError> {
    if spans.is_empty() || spans.iter().all(|s| matches!(s, Span::Words(w) if w.trim().is_empty())) {
        return Err(ValidationError::Empty { field: "clause text" });
    }
    for span in spans {
        match span {
            Span::Words(w) => long_text("clause text", w, false)?,
            // Negotiators bracket whole paragraphs, not only words.
            Span::Bracketed(w) => long_text("bracketed words", w, true)?,
            Span::Choice(ws) => {
                if ws.len() < 2 {
                    return Err(ValidationError::Invalid { field: "choice", reason: "needs at least two wordings" });
                }
                for w in ws {
                    long_text("wording of a choice", w, true)?;
                }
            }
        }
        if let Span::Bracketed(w) | Span::Words(w) = span
            && w.contains(['[', ']', '|'])
        {
            return Err(ValidationError::Invalid {
                field: "clause text",
                reason: "has a bracket or bar outside its notation",
            });
        }
        if let Span::Choice(ws) = span
            && ws.iter().any(|w| w.contains(['[', ']', '|']))
        {
            return Err(ValidationError::Invalid { field: "choice", reason: "has a bracket or bar inside a wording" });
        }
    }
    Ok(())
}

/// Words as trackers count them: runs of letters or digits.
#[must_use]
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Spans written out in the bracket notation.
#[must_use]
pub fn notation(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Words(w) => out.push_str(w),
            Span::Bracketed(w) => {
                out.push('[');
                out.push_str(w);
                out.push(']');
            }
            Span::Choice(ws) => {
                out.push('[');
                out.push_str(&ws.join("|"));
                out.push(']');
            }
        }
    }
    out
}

/// Reads the bracket notation: `[words]` brackets, `[a|b]` a choice. Brackets do not nest.
pub fn parse_notation(text: &str) -> Result<Vec<Span>, NotationError> {
    let mut spans = Vec::new();
    let mut words = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '[' => {
                let rest = &text[at + 1..];
                let Some(end) = rest.find(']') else { return Err(NotationError::Unclosed { at }) };
                let inner = &rest[..end];
                if inner.contains('[') {
                    return Err(NotationError::Nested { at });
                }
                if inner.trim().is_empty() {
                    return Err(NotationError::EmptyBracket { at });
                }
                if !words.is_empty() {
                    spans.push(Span::Words(std::mem::take(&mut words)));
                }
                if inner.contains('|') {
                    let wordings: Vec<String> = inner.split('|').map(|w| w.trim().to_owned()).collect();
                    if wordings.iter().any(String::is_empty) {
                        return Err(NotationError::EmptyBracket { at });
                    }
                    spans.push(Span::Choice(wordings));
                } else {
                    spans.push(Span::Bracketed(inner.to_owned()));
                }
                for _ in 0..inner.chars().count() + 1 {
                    chars.next();
                }
            }
            ']' => return Err(NotationError::Unopened { at }),
            '|' => return Err(NotationError::BarOutsideBrackets { at }),
            c => words.push(c),
        }
    }
    if !words.is_empty() {
        spans.push(Span::Words(words));
    }
    Ok(spans)
}

/// Why a clause's bracket notation could not be read; `at` is the byte offset in the clause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotationError {
    #[error("a bracket opened at character {at} is never closed")]
    Unclosed { at: usize },
    #[error("a closing bracket at character {at} has no opening one")]
    Unopened { at: usize },
    #[error("brackets do not nest (character {at})")]
    Nested { at: usize },
    #[error("an empty bracket or wording at character {at}")]
    EmptyBracket { at: usize },
    #[error("a bar separates wordings only inside brackets (character {at})")]
    BarOutsideBrackets { at: usize },
}

#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Part {
    pub id: PartId,
    pub heading: String,
    pub clauses: Vec<Clause>,
}

/// One version's whole text, in one language.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub title: String,
    /// A preamble, or empty.
    pub preamble: String,
    pub parts: Vec<Part>,
}

impl fmt::Debug for Draft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A draft's words are the dialogue's most sensitive product: never in a log.
        f.debug_struct("Draft").field("parts", &self.parts.len()).field("clauses", &self.clauses().count()).finish()
    }
}

impl fmt::Debug for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Clause").field("id", &self.id).field("standing", &self.standing()).finish_non_exhaustive()
    }
}

impl fmt::Debug for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Part").field("id", &self.id).field("clauses", &self.clauses.len()).finish_non_exhaustive()
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Span::Words(_) => "Words",
            Span::Bracketed(_) => "Bracketed",
            Span::Choice(_) => "Choice",
        })
    }
}

impl fmt::Debug for Alternative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Alternative").field("label", &self.label).finish_non_exhaustive()
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Text(spans) => f.debug_tuple("Text").field(&spans.len()).finish(),
            Body::Alternatives(a) => f.debug_tuple("Alternatives").field(&a.len()).finish(),
        }
    }
}

/// What trackers of negotiating texts publish for each draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Figures {
    pub words: usize,
    pub clauses: usize,
    pub brackets: usize,
    pub alternatives: usize,
    pub clean: usize,
    pub agreed: usize,
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} words, {} clauses, {} brackets, {} alternatives, {} agreed ad referendum",
            self.words, self.clauses, self.brackets, self.alternatives, self.agreed
        )
    }
}

impl Draft {
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.parts.iter().flat_map(|p| p.clauses.iter())
    }

    #[must_use]
    pub fn clause(&self, id: ClauseId) -> Option<&Clause> {
        self.clauses().find(|c| c.id == id)
    }

    #[must_use]
    pub fn figures(&self) -> Figures {
        let mut figures =
            Figures { words: count_words(&self.title) + count_words(&self.preamble), ..Figures::default() };
        for part in &self.parts {
            figures.words += count_words(&part.heading);
            for clause in &part.clauses {
                figures.clauses += 1;
                figures.words += count_words(&clause.heading) + clause.words();
                figures.brackets += clause.brackets();
                figures.alternatives += clause.alternatives();
                match clause.standing() {
                    ClauseStanding::Clean => figures.clean += 1,
                    ClauseStanding::AgreedAdReferendum => figures.agreed += 1,
                    ClauseStanding::Bracketed | ClauseStanding::Alternatives => {}
                }
            }
        }
        figures
    }

    /// Nothing left open: no bracket, no choice, no alternative anywhere.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.clauses().all(|c| matches!(c.standing(), ClauseStanding::Clean | ClauseStanding::AgreedAdReferendum))
    }

    /// Checks the whole draft: a title, parts and clauses with distinct identifiers, each clause valid.
    pub fn validate(&self) -> Result<(), DraftError> {
        required_line("text title", &self.title)?;
        long_text("preamble", &self.preamble, false)?;
        let mut parts = std::collections::BTreeSet::new();
        let mut clauses = std::collections::BTreeSet::new();
        for part in &self.parts {
            if !parts.insert(part.id) {
                return Err(DraftError::DuplicatePart(part.id));
            }
            optional_line("part heading", &part.heading)?;
            for clause in &part.clauses {
                if !clauses.insert(clause.id) {
                    return Err(DraftError::DuplicateClause(clause.id));
                }
                clause.validate().map_err(|error| DraftError::Clause(clause.id, error))?;
            }
        }
        Ok(())
    }

    /// The next free clause identifier.
    #[must_use]
    pub fn next_clause_id(&self) -> ClauseId {
        ClauseId(self.clauses().map(|c| c.id.0).max().unwrap_or(0) + 1)
    }

    /// The next free part identifier.
    #[must_use]
    pub fn next_part_id(&self) -> PartId {
        PartId(self.parts.iter().map(|p| p.id.0).max().unwrap_or(0) + 1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("part {0} appears twice")]
    DuplicatePart(PartId),
    #[error("clause {0} appears twice")]
    DuplicateClause(ClauseId),
    #[error("clause {0}: {1}")]
    Clause(ClauseId, ValidationError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clause(text: &str) -> Clause {
        Clause {
            id: ClauseId(1),
            heading: String::new(),
            body: Body::Text(parse_notation(text).unwrap()),
            ad_referendum: false,
            renders: None,
        }
    }

    #[test]
    fn brackets_and_choices_are_read_and_counted() {
        let c = clause("The Parties [shall|should] [agree to] cooperate [fully].");
        assert_eq!(c.standing(), ClauseStanding::Bracketed);
        assert_eq!(c.brackets(), 3);
        assert_eq!(c.alternatives(), 2);
        assert_eq!(c.words(), 8, "both wordings of a choice count");
        assert_eq!(clause("The Parties cooperate.").standing(), ClauseStanding::Clean);
    }

    #[test]
    fn malformed_notation_is_refused_with_where() {
        assert_eq!(parse_notation("a [b"), Err(NotationError::Unclosed { at: 2 }));
        assert_eq!(parse_notation("a ]b"), Err(NotationError::Unopened { at: 2 }));
        assert_eq!(parse_notation("a [b [c]]"), Err(NotationError::Nested { at: 2 }));
        assert_eq!(parse_notation("a [ ] b"), Err(NotationError::EmptyBracket { at: 2 }));
        assert_eq!(parse_notation("a [b|] c"), Err(NotationError::EmptyBracket { at: 2 }));
        assert_eq!(parse_notation("a | b"), Err(NotationError::BarOutsideBrackets { at: 2 }));
    }

    #[test]
    fn only_a_clean_clause_is_agreed_ad_referendum() {
        let mut c = clause("The Parties [shall] cooperate.");
        c.ad_referendum = true;
        assert!(c.validate().is_err());
        let mut c = clause("The Parties shall cooperate.");
        c.ad_referendum = true;
        assert_eq!(c.validate(), Ok(()));
        assert_eq!(c.standing(), ClauseStanding::AgreedAdReferendum);
    }

    fn words() -> impl Strategy<Value = String> {
        "[a-zA-Zéж ]{1,12}".prop_filter("has a letter", |w| w.chars().any(char::is_alphanumeric))
    }

    fn span() -> impl Strategy<Value = Span> {
        prop_oneof![
            words().prop_map(Span::Words),
            words()
                .prop_map(|w| Span::Bracketed(w.trim().to_owned()))
                .prop_filter("non-empty", |s| matches!(s, Span::Bracketed(w) if !w.is_empty())),
            prop::collection::vec(words().prop_map(|w| w.trim().to_owned()), 2..4)
                .prop_filter("non-empty", |ws| ws.iter().all(|w| !w.is_empty()))
                .prop_map(Span::Choice),
        ]
    }

    proptest! {
        #[test]
        fn notation_reads_back_what_it_writes(spans in prop::collection::vec(span(), 1..8)) {
            // Adjacent words merge when read back; compare the notation, which is what is kept.
            let written = notation(&spans);
            let read = parse_notation(&written).unwrap();
            prop_assert_eq!(notation(&read), written);
            let brackets = spans.iter().filter(|s| !matches!(s, Span::Words(_))).count();
            prop_assert_eq!(read.iter().filter(|s| !matches!(s, Span::Words(_))).count(), brackets);
        }
    }
}
