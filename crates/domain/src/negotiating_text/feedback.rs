//! What the sides say about the draft: comments and suggested wording on a clause, in plenary
//! (every member who reads the plenary record) or in their side's caucus (that side and the team
//! only). Only the facilitator answers a suggestion — accepted into a coming version, merged with
//! others, or declined — and the reason is kept. A suggestion is credited to a side or to the
//! team, never to a person: the type has no place for a name.

use std::collections::BTreeMap;

use super::draft::ClauseId;
use crate::Timestamp;
use crate::access::Scope;
use crate::ids::{SideId, UserId};
use crate::records::{ValidationError, long_text, required_line};

pub use crate::ids::{SuggestionId, TextCommentId};

/// Who a comment or suggestion speaks for: a side, or the convening team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Voice {
    Side(SideId),
    Team,
}

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextComment {
    pub clause: ClauseId,
    /// The version the comment was made on.
    pub version: u32,
    pub scope: Scope,
    /// None for the key holder at the command line.
    pub author: Option<UserId>,
    pub voice: Voice,
    pub body: String,
    pub at: Timestamp,
    /// The comment this one answers.
    pub reply_to: Option<TextCommentId>,
}

impl std::fmt::Debug for TextComment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextComment").field("clause", &self.clause).field("scope", &self.scope).finish_non_exhaustive()
    }
}

impl TextComment {
    pub fn validate(&self) -> Result<(), ValidationError> {
        long_text("comment", &self.body, true)?;
        if self.body.chars().count() > 20_000 {
            return Err(ValidationError::TooLong { field: "comment", max: 20_000 });
        }
        Ok(())
    }
}

/// How the facilitator answered a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Taken into the next version as suggested.
    Accepted,
    /// Taken in together with other suggestions, reworded.
    Merged,
    Declined,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Accepted, Outcome::Merged, Outcome::Declined];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Merged => "merged",
            Outcome::Declined => "declined",
        }
    }

    pub fn parse(value: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(value.trim()))
            .ok_or_else(|| ValidationError::UnknownValue { field: "outcome", value: value.to_owned() })
    }
}

impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Outcome {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Outcome::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    pub outcome: Outcome,
    /// The version the answer looks to: the next one to be committed when it was given.
    pub for_version: u32,
    pub reason: String,
    pub by: Option<UserId>,
    pub at: Timestamp,
}

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    pub clause: ClauseId,
    pub version: u32,
    pub scope: Scope,
    /// None for the key holder at the command line.
    pub author: Option<UserId>,
    pub voice: Voice,
    /// The wording proposed for the clause, in the bracket notation.
    pub wording: String,
    pub rationale: String,
    pub at: Timestamp,
    pub answer: Option<Answer>,
}

impl std::fmt::Debug for Suggestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggestion")
            .field("clause", &self.clause)
            .field("answer", &self.answer.as_ref().map(|a| a.outcome))
            .finish_non_exhaustive()
    }
}

impl Suggestion {
    pub fn validate(&self) -> Result<(), ValidationError> {
        long_text("suggested wording", &self.wording, true)?;
        super::draft::parse_notation(&self.wording)
            .map_err(|_| ValidationError::Invalid { field: "suggested wording", reason: "has unbalanced brackets" })?;
        long_text("rationale", &self.rationale, false)?;
        if let Some(answer) = &self.answer {
            required_line("reason for the answer", &answer.reason)?;
        }
        Ok(())
    }

    /// Who the text credits for an accepted wording: the side it spoke for, or the team.
    #[must_use]
    pub fn credit(&self) -> Voice {
        self.voice
    }
}

/// Every open item of the text on one page: brackets and alternatives of the newest version by
/// clause, and the suggestions and comments still waiting for the facilitator, by clause and voice.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pending<C, S> {
    /// Clause → (brackets, alternatives) still open.
    pub open_clauses: BTreeMap<ClauseId, (usize, usize)>,
    pub suggestions: BTreeMap<(ClauseId, Voice), Vec<S>>,
    pub unanswered: BTreeMap<(ClauseId, Voice), Vec<C>>,
}

impl<C, S> Pending<C, S> {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.open_clauses.is_empty() && self.suggestions.is_empty() && self.unanswered.is_empty()
    }

    #[must_use]
    pub fn count(&self) -> usize {
        self.open_clauses.len()
            + self.suggestions.values().map(Vec::len).sum::<usize>()
            + self.unanswered.values().map(Vec::len).sum::<usize>()
    }
}

/// Gathers what is pending. `comments` and `suggestions` are those the reader may see, with
/// their identifiers; a side's comment counts as answered once the team has replied to it.
#[must_use]
pub fn pending<'a, C: Copy + Ord, S: Copy>(
    latest: &super::Draft,
    comments: &'a [(C, TextComment)],
    suggestions: &'a [(S, Suggestion)],
    comment_id: impl Fn(&C) -> TextCommentId,
) -> Pending<C, S> {
    let mut out = Pending { open_clauses: BTreeMap::new(), suggestions: BTreeMap::new(), unanswered: BTreeMap::new() };
    for clause in latest.clauses() {
        let (brackets, alternatives) = (clause.brackets(), clause.alternatives());
        if brackets > 0 || alternatives > 0 {
            out.open_clauses.insert(clause.id, (brackets, alternatives));
        }
    }
    for (id, suggestion) in suggestions {
        if suggestion.answer.is_none() {
            out.suggestions.entry((suggestion.clause, suggestion.voice)).or_default().push(*id);
        }
    }
    let answered: std::collections::BTreeSet<TextCommentId> =
        comments.iter().filter(|(_, c)| c.voice == Voice::Team).filter_map(|(_, c)| c.reply_to).collect();
    for (id, comment) in comments {
        if comment.voice != Voice::Team && comment.reply_to.is_none() && !answered.contains(&comment_id(id)) {
            out.unanswered.entry((comment.clause, comment.voice)).or_default().push(*id);
        }
    }
    out
}
