//! Reading a text: the list of texts, one version with what the reader may see of the comments
//! and suggestions on it, a comparison of two versions, and what is pending.

use tracktwo_domain::dialogue::Meeting;
use tracktwo_domain::negotiating_text::agreement::{Agreement, SignOff, agreement, standing_sign_offs};
use tracktwo_domain::negotiating_text::compare::{Comparison, compare};
use tracktwo_domain::negotiating_text::feedback::{Pending, Suggestion, TextComment, pending};
use tracktwo_domain::negotiating_text::{
    ClauseId, Draft, Language, NegotiatingText, TextId, VersionSummary, out_of_date_translations,
};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, Scope, SideId, SuggestionId, TargetKind, TextCommentId,
};
use tracktwo_store::WriteTx;

use super::{TextRecord, TextRefusal};
use crate::gate::Entered;
use crate::{App, Result};

/// A line of the list of texts.
#[derive(Clone)]
pub struct TextListing {
    pub id: TextId,
    pub title: String,
    /// Versions of the authoritative text.
    pub versions: usize,
    /// Versions in other languages.
    pub translations: usize,
    pub languages: Vec<Language>,
    pub latest: Option<VersionSummary>,
    pub agreement: Agreement,
    /// Options of the register drafted into its clauses.
    pub drafted_options: Vec<(tracktwo_domain::OptionId, ClauseId)>,
}

impl std::fmt::Debug for TextListing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A text's title can say what is being negotiated: never in a log.
        f.debug_struct("TextListing")
            .field("id", &self.id)
            .field("versions", &self.versions)
            .field("agreement", &self.agreement)
            .finish_non_exhaustive()
    }
}

/// A text as its record holds it, no version's words loaded.
#[derive(Debug)]
pub struct TextHead {
    pub id: TextId,
    pub text: NegotiatingText,
    /// Whether the reader holds the pen.
    pub may_draft: bool,
}

/// One version of a text as its reader may see it.
#[derive(Debug, Clone)]
pub struct VersionView {
    pub summary: VersionSummary,
    pub draft: Draft,
    /// In a translation: clauses whose source changed since they were translated.
    pub out_of_date: Vec<ClauseId>,
}

/// A text as one reader sees it.
#[derive(Debug, Clone)]
pub struct TextView {
    pub id: TextId,
    pub text: NegotiatingText,
    pub version: VersionView,
    /// The authoritative version beside a translation, for the side-by-side view.
    pub source: Option<VersionView>,
    /// The comments and suggestions the reader may see, on every version.
    pub comments: Vec<(TextCommentId, TextComment)>,
    pub suggestions: Vec<(SuggestionId, Suggestion)>,
    /// The sign-offs that still count.
    pub sign_offs: Vec<SignOff>,
    pub agreement: Agreement,
    pub pending: Pending<TextCommentId, SuggestionId>,
    /// Whether the reader holds the pen.
    pub may_draft: bool,
    /// The side the reader may say yes for, if they are its named signatory.
    pub signs_for: Option<SideId>,
}

impl App {
    async fn sign_offs_of(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        id: TextId,
    ) -> Result<Vec<SignOff>> {
        Ok(self
            .load_all::<SignOff>(tx, entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect())
    }

    /// A text's record without any version's words: its title, languages, sides, signatories and
    /// the list of its versions, for those who read the plenary record. What a page needs before
    /// a first version exists, and to list the versions.
    pub async fn text_head(&self, who: &Identity, initiative: InitiativeId, id: TextId) -> Result<TextHead> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        tx.commit().await?;
        let may_draft = Self::allow(who, entered.standing, entered.row.secret_channel, Operation::DraftText).is_ok();
        Ok(TextHead { id, text: record.text, may_draft })
    }

    /// Every negotiating text of the initiative, for those who read its plenary record.
    pub async fn texts(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<TextListing>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let mut out = Vec::new();
        for (row, record) in self.load_all::<TextRecord>(tx.as_mut(), &entered, initiative, None).await? {
            let id = TextId::from_uuid(row.id);
            let sign_offs = self.sign_offs_of(tx.as_mut(), &entered, initiative, id).await?;
            out.push(TextListing {
                id,
                title: record.text.title.clone(),
                versions: record.text.versions.iter().filter(|v| v.language == record.text.authoritative).count(),
                translations: record.text.versions.iter().filter(|v| v.language != record.text.authoritative).count(),
                languages: record.text.languages().into_iter().cloned().collect(),
                latest: record.text.latest().cloned(),
                agreement: agreement(&record.text, &sign_offs),
                drafted_options: record.text.drafted_options.clone(),
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// The names no reader outside the team may find in what the sides wrote: every attendee
    /// of the initiative's meetings who may not be listed.
    async fn names_outside_the_team(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<Names> {
        if tracktwo_domain::attendee::sees_every_attendee(Self::reader_of(entered)) {
            return Ok(Names::new());
        }
        let meetings: Vec<Meeting> =
            self.load_all::<Meeting>(tx, entered, initiative, None).await?.into_iter().map(|(_, m)| m).collect();
        self.unlisted_names(tx, entered, initiative, &meetings).await
    }

    /// One version of a text (the newest in `language`, or number `version`), with the comments,
    /// suggestions and sign-offs its reader may see.
    pub async fn text(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        version: Option<u32>,
        language: Option<Language>,
    ) -> Result<TextView> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let text = &record.text;
        let summary = match (version, &language) {
            (Some(n), _) => text.version(n).ok_or(TextRefusal::NoSuchVersion(n))?,
            (None, Some(language)) => text.latest_in(language).ok_or(TextRefusal::NoSuchLanguage)?,
            (None, None) => text.latest().ok_or(TextRefusal::NoSuchVersion(1))?,
        }
        .clone();
        let body = self.load_version(tx.as_mut(), &entered, initiative, &record, summary.number).await?;
        let source = match summary.renders_version {
            Some(n) => {
                // Shown beside the authoritative text as it stands now, so stale clauses show.
                let latest = text.latest().map_or(n, |l| l.number);
                let source = self.load_version(tx.as_mut(), &entered, initiative, &record, latest).await?;
                let source_summary = text.version(latest).cloned().ok_or(TextRefusal::NoSuchVersion(latest))?;
                Some(VersionView { summary: source_summary, draft: source.draft, out_of_date: Vec::new() })
            }
            None => None,
        };
        let out_of_date = source.as_ref().map(|s| out_of_date_translations(&s.draft, &body.draft)).unwrap_or_default();
        let (comments, suggestions) = self.visible_feedback(tx.as_mut(), who, &entered, initiative, id).await?;
        let sign_offs = self.sign_offs_of(tx.as_mut(), &entered, initiative, id).await?;
        let latest_body = match text.latest() {
            Some(latest) if latest.number != summary.number => {
                self.load_version(tx.as_mut(), &entered, initiative, &record, latest.number).await?.draft
            }
            _ if summary.language == text.authoritative => body.draft.clone(),
            _ => source.as_ref().map(|s| s.draft.clone()).unwrap_or_else(|| body.draft.clone()),
        };
        let pending = pending(&latest_body, &comments, &suggestions, |c| *c);
        let may_draft = Self::allow(who, entered.standing, entered.row.secret_channel, Operation::DraftText).is_ok();
        let signs_for = entered
            .standing
            .and_then(|s| s.side)
            .filter(|side| who.user_id().is_some_and(|user| text.may_sign_for(user, *side)));
        self.record(tx.as_mut(), who, AuditAction::TextRead, AuditTarget::of(TargetKind::NegotiatingText, id)).await?;
        tx.commit().await?;
        Ok(TextView {
            id,
            agreement: agreement(text, &sign_offs),
            sign_offs: standing_sign_offs(text, &sign_offs).into_iter().cloned().collect(),
            text: record.text.clone(),
            version: VersionView { summary, draft: body.draft, out_of_date },
            source,
            comments,
            suggestions,
            pending,
            may_draft,
            signs_for,
        })
    }

    /// The comments and suggestions on a text that the caller may see: plenary ones for whoever
    /// reads the plenary record, a caucus's only for its side and the team. Outside the team,
    /// the names of people who may not be listed are taken out of their words.
    async fn visible_feedback(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        id: TextId,
    ) -> Result<(Vec<(TextCommentId, TextComment)>, Vec<(SuggestionId, Suggestion)>)> {
        let may_read = |scope: Scope| {
            Self::allow(who, entered.standing, entered.row.secret_channel, Operation::ReadRecord(scope)).is_ok()
        };
        let names = self.names_outside_the_team(tx, entered, initiative).await?;
        // Who wrote what is the team's to know: anyone else gets the voice (a side or the team)
        // and their own authorship, never another member's account.
        let team = entered.standing.is_none_or(|s| s.role.is_team());
        let author =
            |written_by: Option<tracktwo_domain::UserId>| written_by.filter(|by| team || who.user_id() == Some(*by));
        let comments = self
            .load_all::<TextComment>(tx, entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .filter(|(_, c)| may_read(c.scope))
            .map(|(row, mut c)| {
                c.body = names.scrub(&c.body);
                c.author = author(c.author);
                (TextCommentId::from_uuid(row.id), c)
            })
            .collect();
        let suggestions = self
            .load_all::<Suggestion>(tx, entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .filter(|(_, s)| may_read(s.scope))
            .map(|(row, mut s)| {
                s.wording = names.scrub(&s.wording);
                s.rationale = names.scrub(&s.rationale);
                s.author = author(s.author);
                if let Some(answer) = &mut s.answer {
                    answer.reason = names.scrub(&answer.reason);
                    answer.by = author(answer.by);
                }
                (SuggestionId::from_uuid(row.id), s)
            })
            .collect();
        Ok((comments, suggestions))
    }

    /// Compares two versions of a text, clause by clause and word by word.
    pub async fn compare_versions(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        from: u32,
        to: u32,
    ) -> Result<(VersionSummary, VersionSummary, Comparison)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let older = self.load_version(tx.as_mut(), &entered, initiative, &record, from).await?;
        let newer = self.load_version(tx.as_mut(), &entered, initiative, &record, to).await?;
        let summary = |n: u32| record.text.version(n).cloned().ok_or(TextRefusal::NoSuchVersion(n));
        let (a, b) = (summary(from)?, summary(to)?);
        self.record(tx.as_mut(), who, AuditAction::TextRead, AuditTarget::of(TargetKind::NegotiatingText, id)).await?;
        tx.commit().await?;
        Ok((a, b, compare(&older.draft, &newer.draft)))
    }
}
