//! A whole draft as plain lines, for a text box: what the facilitator edits to write the next
//! version, and reads back exactly what was written.
//!
//! ```text
//! title: Non-paper on the Serin
//! preamble: The Parties, recalling …
//! # p1 Purpose and principles
//! c1: The Parties [establish|agree to establish] a Joint Commission.
//! c2 heading: Equitable use
//! c2 (ad referendum): The Commission works on the principle of equitable use.
//! # p2 The Commission
//! c5 Alt A: The Commission meets [monthly].
//! c5 Alt B: The Commission meets when either Party asks.
//! c5 Alt B replaces: meets monthly
//! new: A clause not yet in the text.
//! # A part not yet in the text
//! ```
//!
//! - `title:` (once) and `preamble:` (at most once) open the draft.
//! - `# p2 Heading` opens part p2; `# Heading` a new part, which gets the next free number.
//! - A clause is the run of lines naming it: `c12:` its words in the bracket notation (`[words]`
//!   a bracket, `[a|b]` a choice), `c12 (ad referendum):` the same agreed ad referendum,
//!   `c12 heading:` its heading, `c12 Alt A:` one of its whole-clause alternatives (a label is
//!   one word), `c12 Alt A replaces:` the words that alternative would replace (the whole clause
//!   without it), `c12 renders:` in a translation, the hash of the source clause it renders.
//! - `new` in place of `c12` is a clause not yet in the text: it gets the next free number, above
//!   every number of the text and of the version it follows, so a dropped clause's number is
//!   never given to another.
//! - A line starting with two spaces continues the line before it on a new line; blank lines
//!   are skipped; each value is read without the spaces around it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::draft::{
    Alternative, Body, Clause, ClauseId, Draft, DraftError, NotationError, Part, PartId, Renders, Replaces, notation,
    parse_notation,
};
use super::hash::{ContentHash, clause_hash};

/// Why the lines could not be read as a draft, and on which line (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct PlainError {
    pub line: usize,
    pub problem: PlainProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlainProblem {
    #[error("expected `title:`, `preamble:`, `# part` or a clause such as `c3:` or `new:`")]
    Unreadable,
    #[error("a continuation (two spaces) needs a line before it")]
    NothingToContinue,
    #[error("the title is given twice")]
    TitleTwice,
    #[error("the preamble is given twice")]
    PreambleTwice,
    #[error("the draft has no `title:` line")]
    NoTitle,
    #[error("a clause needs a part: put a `# heading` line before it")]
    NoPart,
    #[error("part {0} appears twice")]
    PartTwice(PartId),
    #[error("clause {0} appears twice; a clause's lines go together")]
    ClauseTwice(ClauseId),
    #[error("the clause's {0} is given twice")]
    FieldTwice(&'static str),
    #[error("the clause has words and alternatives: give one or the other")]
    WordsAndAlternatives,
    #[error("the clause has neither words nor alternatives")]
    NoWords,
    #[error("`replaces` names alternative {0}, which the clause does not have")]
    UnknownAlternative(String),
    #[error("only a clause of plain words can be agreed ad referendum")]
    AdReferendumAlternatives,
    #[error("`renders` takes a SHA-256 hash in hex")]
    BadHash,
    #[error(transparent)]
    Notation(NotationError),
    #[error(transparent)]
    Draft(DraftError),
}

/// One line's meaning.
enum Entry {
    Title(String),
    Preamble(String),
    Part(Option<PartId>, String),
    Clause(Option<ClauseId>, Field, String),
}

#[derive(Clone, PartialEq, Eq)]
enum Field {
    Text { ad_referendum: bool },
    Heading,
    Renders,
    Alternative(String),
    Replaces(String),
}

impl Field {
    fn name(&self) -> &'static str {
        match self {
            Field::Text { .. } => "words",
            Field::Heading => "heading",
            Field::Renders => "renders",
            Field::Alternative(_) => "alternative",
            Field::Replaces(_) => "replaces",
        }
    }
}

fn read_entry(line: &str) -> Option<Entry> {
    if let Some(rest) = line.strip_prefix('#') {
        let rest = rest.trim();
        let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
        return Some(match first.parse::<PartId>() {
            Ok(id) => Entry::Part(Some(id), after.trim().to_owned()),
            Err(_) => Entry::Part(None, rest.to_owned()),
        });
    }
    let (head, value) = line.split_once(':')?;
    let value = value.trim().to_owned();
    match head.trim() {
        "title" => return Some(Entry::Title(value)),
        "preamble" => return Some(Entry::Preamble(value)),
        _ => {}
    }
    let mut words = head.split_whitespace();
    let reference = words.next()?;
    let id = if reference == "new" { None } else { Some(reference.parse::<ClauseId>().ok()?) };
    let rest: Vec<&str> = words.collect();
    let field = match rest.as_slice() {
        [] => Field::Text { ad_referendum: false },
        ["(ad", "referendum)"] => Field::Text { ad_referendum: true },
        ["heading"] => Field::Heading,
        ["renders"] => Field::Renders,
        ["Alt", label] => Field::Alternative((*label).to_owned()),
        ["Alt", label, "replaces"] => Field::Replaces((*label).to_owned()),
        _ => return None,
    };
    Some(Entry::Clause(id, field, value))
}

/// A clause as its lines are read.
struct Building {
    id: Option<ClauseId>,
    line: usize,
    fields: Vec<Field>,
    heading: String,
    text: Option<(String, bool)>,
    alternatives: Vec<(String, String, Replaces)>,
    renders: Option<ContentHash>,
}

impl Building {
    fn new(id: Option<ClauseId>, line: usize) -> Self {
        Self {
            id,
            line,
            fields: Vec::new(),
            heading: String::new(),
            text: None,
            alternatives: Vec::new(),
            renders: None,
        }
    }

    /// Whether `field` was already given: for a `new` clause, it starts the next one.
    fn has(&self, field: &Field) -> bool {
        self.fields.iter().any(|f| match (f, field) {
            (Field::Text { .. }, Field::Text { .. }) => true,
            (a, b) => a == b,
        })
    }

    fn take(&mut self, field: Field, value: String) -> Result<(), PlainProblem> {
        if self.has(&field) {
            return Err(PlainProblem::FieldTwice(field.name()));
        }
        let words = matches!(field, Field::Text { .. });
        if (words && !self.alternatives.is_empty()) || (matches!(field, Field::Alternative(_)) && self.text.is_some()) {
            return Err(PlainProblem::WordsAndAlternatives);
        }
        self.fields.push(field.clone());
        match field {
            Field::Text { ad_referendum } => self.text = Some((value, ad_referendum)),
            Field::Heading => self.heading = value,
            Field::Renders => {
                self.renders = Some(ContentHash::from_hex(&value).ok_or(PlainProblem::BadHash)?);
            }
            Field::Alternative(label) => self.alternatives.push((label, value, Replaces::WholeClause)),
            Field::Replaces(label) => {
                let alternative = self
                    .alternatives
                    .iter_mut()
                    .find(|(l, _, _)| *l == label)
                    .ok_or(PlainProblem::UnknownAlternative(label))?;
                alternative.2 = Replaces::Words(value);
            }
        }
        Ok(())
    }

    fn finish(self, id: ClauseId) -> Result<Clause, PlainProblem> {
        let body = match (self.text, self.alternatives.is_empty()) {
            (Some(_), false) => return Err(PlainProblem::WordsAndAlternatives),
            (None, true) => return Err(PlainProblem::NoWords),
            (Some((words, ad_referendum)), true) => {
                let spans = parse_notation(&words).map_err(PlainProblem::Notation)?;
                return Ok(Clause {
                    id,
                    heading: self.heading,
                    body: Body::Text(spans),
                    ad_referendum,
                    renders: self.renders.map(|source| Renders { source }),
                });
            }
            (None, false) => self
                .alternatives
                .into_iter()
                .map(|(label, words, replaces)| {
                    Ok(Alternative { label, text: parse_notation(&words).map_err(PlainProblem::Notation)?, replaces })
                })
                .collect::<Result<Vec<_>, PlainProblem>>()?,
        };
        Ok(Clause {
            id,
            heading: self.heading,
            body: Body::Alternatives(body),
            ad_referendum: false,
            renders: self.renders.map(|source| Renders { source }),
        })
    }
}

/// Joins continuation lines to the line they continue: (line number, text) of each entry.
fn logical_lines(text: &str) -> Result<Vec<(usize, String)>, PlainError> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if let Some(continued) = raw.strip_prefix("  ") {
            let Some((_, last)) = out.last_mut() else {
                return Err(PlainError { line, problem: PlainProblem::NothingToContinue });
            };
            last.push('\n');
            last.push_str(continued.trim_end());
        } else if !raw.trim().is_empty() {
            out.push((line, raw.trim_end().to_owned()));
        }
    }
    Ok(out)
}

/// A part as its lines are read: its number if given, its heading, its clauses.
struct PartBuilding {
    id: Option<PartId>,
    line: usize,
    heading: String,
    clauses: Vec<Building>,
}

/// Reads a draft from its plain lines. New parts and clauses are numbered above every number
/// of the lines and of `follows`, the version the draft follows.
pub fn parse(text: &str, follows: Option<&Draft>) -> Result<Draft, PlainError> {
    let at = |line: usize| move |problem: PlainProblem| PlainError { line, problem };
    let mut title: Option<String> = None;
    let mut preamble: Option<String> = None;
    let mut parts: Vec<PartBuilding> = Vec::new();
    for (line, content) in logical_lines(text)? {
        let entry = read_entry(&content).ok_or(PlainError { line, problem: PlainProblem::Unreadable })?;
        match entry {
            Entry::Title(value) => {
                if title.replace(value).is_some() {
                    return Err(at(line)(PlainProblem::TitleTwice));
                }
            }
            Entry::Preamble(value) => {
                if preamble.replace(value).is_some() {
                    return Err(at(line)(PlainProblem::PreambleTwice));
                }
            }
            Entry::Part(id, heading) => parts.push(PartBuilding { id, line, heading, clauses: Vec::new() }),
            Entry::Clause(id, field, value) => {
                let part = parts.last_mut().ok_or(at(line)(PlainProblem::NoPart))?;
                // A `new` clause's lines go on until a field comes again, or a heading (its first line).
                let continues = part.clauses.last().is_some_and(|c| {
                    c.id == id && (id.is_some() || (!c.has(&field) && !matches!(field, Field::Heading)))
                });
                if !continues {
                    part.clauses.push(Building::new(id, line));
                }
                let clause = part.clauses.last_mut().ok_or(at(line)(PlainProblem::NoPart))?;
                clause.take(field, value).map_err(at(line))?;
            }
        }
    }
    let title = title.ok_or(at(1)(PlainProblem::NoTitle))?;
    let mut part_ids = BTreeSet::new();
    let mut clause_ids = BTreeSet::new();
    for part in &parts {
        if let Some(id) = part.id
            && !part_ids.insert(id)
        {
            return Err(at(part.line)(PlainProblem::PartTwice(id)));
        }
        for clause in &part.clauses {
            if let Some(id) = clause.id
                && !clause_ids.insert(id)
            {
                return Err(at(clause.line)(PlainProblem::ClauseTwice(id)));
            }
        }
    }
    let mut next_part = part_ids
        .iter()
        .map(|p| p.0)
        .chain(follows.iter().flat_map(|d| d.parts.iter().map(|p| p.id.0)))
        .max()
        .unwrap_or(0)
        + 1;
    let mut next_clause = clause_ids
        .iter()
        .map(|c| c.0)
        .chain(follows.iter().flat_map(|d| d.clauses().map(|c| c.id.0)))
        .max()
        .unwrap_or(0)
        + 1;
    let mut lines_of = Vec::new();
    let mut draft = Draft { title, preamble: preamble.unwrap_or_default(), parts: Vec::new() };
    for part in parts {
        let id = part.id.unwrap_or_else(|| {
            next_part += 1;
            PartId(next_part - 1)
        });
        let mut clauses = Vec::new();
        for clause in part.clauses {
            let line = clause.line;
            let id = clause.id.unwrap_or_else(|| {
                next_clause += 1;
                ClauseId(next_clause - 1)
            });
            lines_of.push((id, line));
            clauses.push(clause.finish(id).map_err(at(line))?);
        }
        draft.parts.push(Part { id, heading: part.heading, clauses });
    }
    draft.validate().map_err(|error| {
        let line = match &error {
            DraftError::Clause(id, _) | DraftError::DuplicateClause(id) => {
                lines_of.iter().find(|(c, _)| c == id).map_or(1, |(_, line)| *line)
            }
            _ => 1,
        };
        at(line)(PlainProblem::Draft(error))
    })?;
    Ok(draft)
}

/// Writes a value, its further lines as continuations.
fn value(out: &mut String, head: &str, text: &str) {
    let _ = write!(out, "{head}: ");
    out.push_str(&text.replace('\n', "\n  "));
    out.push('\n');
}

/// The draft as plain lines: what [`parse`] reads back as the same draft.
#[must_use]
pub fn render(draft: &Draft) -> String {
    let mut out = String::new();
    value(&mut out, "title", &draft.title);
    if !draft.preamble.is_empty() {
        value(&mut out, "preamble", &draft.preamble);
    }
    for part in &draft.parts {
        if part.heading.is_empty() {
            let _ = writeln!(out, "# {}", part.id);
        } else {
            let _ = writeln!(out, "# {} {}", part.id, part.heading);
        }
        for clause in &part.clauses {
            let id = clause.id;
            if !clause.heading.is_empty() {
                value(&mut out, &format!("{id} heading"), &clause.heading);
            }
            match &clause.body {
                Body::Text(spans) if clause.ad_referendum => {
                    value(&mut out, &format!("{id} (ad referendum)"), &notation(spans));
                }
                Body::Text(spans) => value(&mut out, &id.to_string(), &notation(spans)),
                Body::Alternatives(alternatives) => {
                    for alternative in alternatives {
                        value(&mut out, &format!("{id} Alt {}", alternative.label), &notation(&alternative.text));
                        if let Replaces::Words(words) = &alternative.replaces {
                            value(&mut out, &format!("{id} Alt {} replaces", alternative.label), words);
                        }
                    }
                }
            }
            if let Some(renders) = clause.renders {
                value(&mut out, &format!("{id} renders"), &renders.source.to_hex());
            }
        }
    }
    out
}

/// A translation's clauses without a `renders` line render the source as it stands now: each
/// gets the hash of the source clause with its number.
pub fn link_to_source(translation: &mut Draft, source: &Draft) {
    for part in &mut translation.parts {
        for clause in &mut part.clauses {
            if clause.renders.is_none()
                && let Some(original) = source.clause(clause.id)
            {
                clause.renders = Some(Renders { source: clause_hash(original) });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SAMPLE: &str = "title: Non-paper on the Serin
preamble: The Parties,
  recalling their meetings,
# p1 Purpose
c1: The Parties [establish|agree to establish] a Commission.
c2 heading: Equitable use
c2 (ad referendum): The Commission works on the principle of equitable use.
# p3 The Commission
c5 Alt A: The Commission meets [monthly].
c5 Alt B: The Commission meets when either Party asks.
c5 Alt B replaces: meets monthly
new: A clause not yet in the text.
# A new part
new: Another new clause.
new heading: Review
new: A third.
";

    #[test]
    fn the_sample_reads_as_its_comments_say() {
        let draft = parse(SAMPLE, None).unwrap();
        assert_eq!(draft.title, "Non-paper on the Serin");
        assert_eq!(draft.preamble, "The Parties,\nrecalling their meetings,");
        let ids: Vec<u32> = draft.parts.iter().map(|p| p.id.0).collect();
        assert_eq!(ids, [1, 3, 4], "a new part is numbered after the highest");
        let clauses: Vec<u32> = draft.clauses().map(|c| c.id.0).collect();
        assert_eq!(clauses, [1, 2, 5, 6, 7, 8], "new clauses after the highest, in order");
        let c2 = draft.clause(ClauseId(2)).unwrap();
        assert!(c2.ad_referendum);
        assert_eq!(c2.heading, "Equitable use");
        let Body::Alternatives(alternatives) = &draft.clause(ClauseId(5)).unwrap().body else { panic!("alternatives") };
        assert_eq!(alternatives[0].replaces, Replaces::WholeClause);
        assert_eq!(alternatives[1].replaces, Replaces::Words("meets monthly".into()));
        assert_eq!(draft.clause(ClauseId(8)).unwrap().heading, "Review", "a heading line starts a new clause");
        assert_eq!(draft.figures().brackets, 2);
    }

    #[test]
    fn new_clauses_never_take_a_number_of_the_version_before() {
        let before = parse("title: T\n# p1\nc1: One.\nc9: Nine.\n# p4 Four\nc2: Two.", None).unwrap();
        let draft = parse("title: T\n# p1\nc1: One.\nnew: New.\n# Another\nnew: Newer.", Some(&before)).unwrap();
        let clauses: Vec<u32> = draft.clauses().map(|c| c.id.0).collect();
        assert_eq!(clauses, [1, 10, 11]);
        assert_eq!(draft.parts[1].id, PartId(5));
    }

    #[test]
    fn errors_name_their_line() {
        let line = |text: &str| parse(text, None).unwrap_err().line;
        assert_eq!(line("title: T\n# p1\nc1: One.\n\nc2 [a: x"), 5, "an unreadable line");
        assert_eq!(line("title: T\n# p1\nc1: One.\nc2: [open"), 4, "bad notation");
        assert_eq!(line("title: T\n# p1\nc1: One.\nc2: Two.\nc1: Again."), 5, "a clause twice");
        assert_eq!(line("title: T\nc1: One."), 2, "no part");
        assert_eq!(line("  stray"), 1, "a continuation first");
        assert_eq!(line("title: T\n# p1\nc1 (ad referendum): [One]."), 3, "ad referendum with a bracket");
        assert_eq!(line("title: T\n# p1\nc1: One.\nc1 Alt A: Two."), 4, "words and alternatives");
        assert_eq!(line("title: T\n# p1\nc3 Alt A: Two."), 3, "a single alternative");
        assert_eq!(line("title: T\n# p1\nc3 Alt A: Two.\nc3 Alt C replaces: x"), 4);
        assert_eq!(line("title: T\n# p1\nc3: x\nc3 renders: abc"), 4, "a bad hash");
        assert_eq!(parse("# p1\nc1: x", None).unwrap_err().problem, PlainProblem::NoTitle);
        let problem = parse("title: T\n# p1\nc1: a | b", None).unwrap_err();
        assert_eq!(problem.to_string(), "line 3: a bar separates wordings only inside brackets (character 2)");
    }

    #[test]
    fn windows_line_ends_read_as_any_other() {
        let unix = parse(SAMPLE, None).unwrap();
        assert_eq!(parse(&SAMPLE.replace('\n', "\r\n"), None).unwrap(), unix);
    }

    #[test]
    fn a_translation_is_linked_to_the_source_clauses_it_does_not_name() {
        let source = parse("title: T\n# p1\nc1: One.\nc2: Two.", None).unwrap();
        let stale = ContentHash([7; 32]);
        let text = format!("title: Т\n# p1\nc1: Один.\nc2: Два.\nc2 renders: {}", stale.to_hex());
        let mut translation = parse(&text, None).unwrap();
        link_to_source(&mut translation, &source);
        let renders = |id| translation.clause(ClauseId(id)).unwrap().renders.unwrap().source;
        assert_eq!(renders(1), clause_hash(source.clause(ClauseId(1)).unwrap()));
        assert_eq!(renders(2), stale, "a clause's own line is kept");
        assert_eq!(super::super::out_of_date_translations(&source, &translation), vec![ClauseId(2)]);
    }

    fn word() -> impl Strategy<Value = String> {
        "[a-zA-Zéж]{1,8}"
    }

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 1..5).prop_map(|w| w.join(" "))
    }

    /// A clause's words in the bracket notation, as the notation reads them back.
    fn spans() -> impl Strategy<Value = Vec<super::super::Span>> {
        prop::collection::vec(
            prop_oneof![
                words(),
                words().prop_map(|w| format!(" [{w}] ")),
                prop::collection::vec(words(), 2..4).prop_map(|ws| format!(" [{}] ", ws.join("|"))),
            ],
            1..5,
        )
        .prop_map(|pieces| parse_notation(pieces.concat().trim()).unwrap())
    }

    fn clause() -> impl Strategy<Value = Clause> {
        let body = prop_oneof![
            spans().prop_map(Body::Text),
            prop::collection::vec(
                (spans(), prop::option::of(words())).prop_map(|(text, replaces)| (text, replaces)),
                2..4
            )
            .prop_map(|alts| {
                Body::Alternatives(
                    alts.into_iter()
                        .enumerate()
                        .map(|(i, (text, replaces))| Alternative {
                            label: char::from(b'A' + u8::try_from(i).unwrap()).to_string(),
                            text,
                            replaces: replaces.map_or(Replaces::WholeClause, Replaces::Words),
                        })
                        .collect(),
                )
            }),
        ];
        (body, prop::option::of(words()), any::<bool>(), prop::option::of(any::<[u8; 32]>())).prop_map(
            |(body, heading, agreed, renders)| {
                let mut clause = Clause {
                    id: ClauseId(0),
                    heading: heading.unwrap_or_default(),
                    body,
                    ad_referendum: false,
                    renders: renders.map(|r| Renders { source: ContentHash(r) }),
                };
                clause.ad_referendum = agreed
                    && clause.validate().is_ok()
                    && clause.brackets() == 0
                    && matches!(clause.body, Body::Text(_));
                clause
            },
        )
    }

    fn draft() -> impl Strategy<Value = Draft> {
        let part = (prop::option::of(words()), prop::collection::vec(clause(), 0..4));
        (words(), prop::option::of(prop::collection::vec(words(), 1..3)), prop::collection::vec(part, 1..4)).prop_map(
            |(title, preamble, parts)| {
                let mut next = 0;
                let parts = parts
                    .into_iter()
                    .enumerate()
                    .map(|(i, (heading, clauses))| Part {
                        id: PartId(u32::try_from(i * 2 + 1).unwrap()),
                        heading: heading.unwrap_or_default(),
                        clauses: clauses
                            .into_iter()
                            .map(|mut c| {
                                next += 3;
                                c.id = ClauseId(next);
                                c
                            })
                            .collect(),
                    })
                    .collect();
                Draft { title, preamble: preamble.map(|p| p.join("\n")).unwrap_or_default(), parts }
            },
        )
    }

    proptest! {
        #[test]
        fn a_rendered_draft_reads_back_as_itself(draft in draft()) {
            let text = render(&draft);
            prop_assert_eq!(parse(&text, None).unwrap(), draft.clone());
            // Edited in a browser's text box, the lines come back with Windows line ends.
            prop_assert_eq!(parse(&text.replace('\n', "\r\n"), None).unwrap(), draft);
        }

        #[test]
        fn a_broken_clause_line_is_refused_at_its_line(draft in draft(), garbage in "[a-z]{1,6}") {
            let text = render(&draft);
            let lines: Vec<&str> = text.lines().collect();
            let at = lines.len() / 2;
            let mut broken: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            broken.insert(at, format!("{garbage} x y z: words"));
            let error = parse(&broken.join("\n"), None).unwrap_err();
            prop_assert_eq!(error.line, at + 1);
        }
    }
}
