//! Transfer to Track One: readouts and their clearance (draft → reviewed → released, then
//! immutable), each recipient's traceable copy and the distribution ledger, tracing a leaked
//! passage, the transfer log, the coordination log and the official track, and the multi-track
//! timeline across the initiatives the caller may see.
//!
//! A readout's text is assembled only from the redaction engine's summaries for its audience;
//! a note the engine leaves out cannot be chosen back in.

use std::collections::BTreeSet;

use time::Date;
use tracktwo_domain::dialogue::{ConfidentialityMode, DialogueOption, Meeting};
use tracktwo_domain::redaction::may_see_meeting;
use tracktwo_domain::transfer::{
    CarriedText, Clearance, CoordinationEvent, CoordinationForm, OfficialEvent, OfficialKind, Readout, ReadoutCopy,
    ReadoutSection, Review, TransferEvent, TransferKind, assemble,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, CopyId, Identity, InitiativeId, LogEventId, MeetingNoteId, MemberRole, Operation,
    Principal, ReadoutId, TargetKind, ValidationError,
};
use tracktwo_store::WriteTx;
use tracktwo_trace::TraceResult;
pub use tracktwo_trace::{MIN_PASSAGE_WORDS, NotTracedReason, SiteClass, SiteSeen};

use crate::gate::Entered;
use crate::sealed_records::sealable;
use crate::{App, AppError, Result};

sealable!(Readout, Readout, "readouts");
sealable!(ReadoutCopy, ReadoutCopy, "readout_copies");
sealable!(TransferEvent, Transfer, "transfers");
sealable!(tracktwo_domain::transfer::CoordinationEvent, Coordination, "coordination_events");
sealable!(OfficialEvent, OfficialEvent, "official_events");

/// What a readout will say (before release) or says (after): its sections.
#[derive(Debug, Clone)]
pub struct ReadoutView {
    pub readout: Readout,
    pub text: Vec<ReadoutSection>,
    /// The distribution ledger: every copy issued, with its id.
    pub copies: Vec<(CopyId, ReadoutCopy)>,
    /// How much of the text names its copy, with wording variants on and off.
    pub traceability: TraceabilityPreview,
}

pub use crate::fingerprint::NOMINAL_COPIES;

/// How traceable a readout's copies are under each wording option; see
/// [`tracktwo_trace::traceability`].
#[derive(Debug, Clone, PartialEq)]
pub struct TraceabilityPreview {
    pub wording_variants_on: tracktwo_trace::Traceability,
    pub wording_variants_off: tracktwo_trace::Traceability,
}

impl TraceabilityPreview {
    /// The figures for the option the readout has.
    pub fn chosen(&self, wording_variants: bool) -> &tracktwo_trace::Traceability {
        if wording_variants { &self.wording_variants_on } else { &self.wording_variants_off }
    }
}

/// One recipient's copy, ready to render: its text with the fingerprint, and its visible mark.
#[derive(Debug, Clone)]
pub struct CopyToRender {
    pub title: String,
    pub audience: tracktwo_domain::transfer::Audience,
    pub mark: String,
    pub text: Vec<ReadoutSection>,
}

/// What a leaked passage was traced to: one of three verdicts, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Traced {
    /// From this copy: its probability reached 0.95.
    Copy {
        copy: CopyId,
        number: u32,
        recipient: String,
        confidence: f64,
        sites_seen: usize,
        /// The sites where the passage shows this copy's form, the most telling first.
        deciding_sites: Vec<SiteSeen>,
    },
    /// From this readout; which copy is not determined.
    FromReadout {
        /// The likeliest copies: number, recipient, probability.
        likeliest: Vec<(u32, String, f64)>,
        /// The probability that the passage comes from the unmarked original, not from a copy.
        unmarked_original: f64,
        sites_seen: usize,
        /// Roughly how many more sentences of the same text would name the likeliest copy.
        more_sentences_needed: usize,
        /// The readout's paragraph (from 1) where each piece of the passage that matches it starts.
        pieces: Vec<usize>,
    },
    /// Not from this readout: no part of it matches the readout beyond chance.
    NotFromReadout { longest_match_words: usize },
    /// No verdict, and why.
    NotTraced { reason: NotTracedReason },
}

/// A meeting on its initiative's lane of the timeline: its date, title and mode.
pub type TimelineMeeting = (Date, String, ConfidentialityMode);

/// The multi-track timeline: the official track, each initiative's meetings, transfers and
/// coordination events the caller may see. Kinds, modes and forms are the vocabularies' values,
/// for the edge to name in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Date, title, kind.
    pub official: Vec<(Date, String, OfficialKind)>,
    /// Per initiative: its title and its meetings (date, title, mode).
    pub initiatives: Vec<(String, Vec<TimelineMeeting>)>,
    /// Date, what moved, initiative title.
    pub transfers: Vec<(Date, TransferKind, String)>,
    /// Date, form, level 1–4, initiative title.
    pub coordination: Vec<(Date, CoordinationForm, u8, String)>,
    /// The harvested outcomes the caller may see: the change's date, its layer, its state and
    /// the initiative's title. No social actor and no words of the change: a lane of dots.
    pub outcomes: Vec<(Date, tracktwo_domain::outcomes::Layer, tracktwo_domain::outcomes::OutcomeState, String)>,
}

fn not_editable() -> AppError {
    AppError::Invalid(ValidationError::Invalid { field: "readout", reason: "is released and cannot be changed" })
}

impl App {
    /// The readout's text now: its audience's summaries of its meetings, the notes chosen from
    /// them that survived redaction, the options chosen with their status.
    async fn assemble_readout(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        readout: &Readout,
    ) -> Result<Vec<ReadoutSection>> {
        let reader = readout.audience.reader();
        let mut summaries = Vec::new();
        let mut chosen = Vec::new();
        for meeting_id in &readout.meetings {
            let (_, meeting) = self.load_one::<Meeting>(tx, entered, initiative, meeting_id.as_uuid()).await?;
            // A secret-channel meeting never goes into a readout, whoever drafts it.
            if meeting.mode == tracktwo_domain::dialogue::ConfidentialityMode::SecretChannel {
                continue;
            }
            let notes = self
                .load_all::<tracktwo_domain::dialogue::MeetingNote>(tx, entered, initiative, Some(meeting_id.as_uuid()))
                .await?;
            let picked: BTreeSet<usize> = notes
                .iter()
                .enumerate()
                .filter(|(_, (row, _))| readout.notes.contains(&MeetingNoteId::from_uuid(row.id)))
                .map(|(i, _)| i)
                .collect();
            summaries.push(self.summary_with(tx, entered, initiative, *meeting_id, meeting, reader, false).await?);
            chosen.push(picked);
        }
        let mut options = Vec::new();
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            let name = self.open_field(&entered.key, crate::sealing::place!("sides"."name" @ row.id), &row.name)?;
            sides.push((row.id, name));
        }
        for option_id in &readout.options {
            let (_, option) = self.load_one::<DialogueOption>(tx, entered, initiative, option_id.as_uuid()).await?;
            let supported = option
                .supported_by
                .iter()
                .filter_map(|s| sides.iter().find(|(id, _)| id == s).map(|(_, n)| n.clone()))
                .collect();
            options.push((option.title, option.status.label(), supported));
        }
        let carried = match readout.text {
            Some(carried) => Some(self.carried_draft(tx, entered, initiative, carried).await?),
            None => None,
        };
        let text = carried.as_ref().map(|draft| (draft, readout.text.map_or(0, |c| c.version)));
        Ok(assemble(&readout.title, &readout.cover, &summaries, &chosen, text, &options))
    }

    /// The words of a text version a readout or a transfer carries: the version must be
    /// committed (a draft in progress never leaves).
    async fn carried_draft(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        carried: CarriedText,
    ) -> Result<tracktwo_domain::negotiating_text::Draft> {
        let (_, record) = self.load_text(tx, entered, initiative, carried.text).await?;
        Ok(self.load_version(tx, entered, initiative, &record, carried.version).await?.draft)
    }

    pub async fn create_readout(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut readout: Readout,
    ) -> Result<ReadoutId> {
        readout.validate()?;
        readout.clearance = Clearance::Draft;
        readout.reviews.clear();
        readout.released.clear();
        readout.released_at = None;
        readout.fingerprint_key = None;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteReadout).await?;
        Self::keep_audience_inside(&entered, &readout)?;
        self.check_readout_sources(tx.as_mut(), who, &entered, initiative, &readout).await?;
        let id = ReadoutId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &readout).await?);
        self.record(tx.as_mut(), who, AuditAction::ReadoutCreated, AuditTarget::of(TargetKind::Readout, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A secret channel's readouts go to roles within it (Track One officials, funders,
    /// participants), each copy to a named recipient in the ledger; never to the public.
    fn keep_audience_inside(entered: &Entered, readout: &Readout) -> Result<()> {
        if readout.audience.reaches_outside_the_initiative() {
            Self::keep_closed(entered, crate::Outward::PublicReadout)?;
        }
        Ok(())
    }

    async fn check_readout_sources(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        readout: &Readout,
    ) -> Result<()> {
        for meeting in &readout.meetings {
            self.visible_meeting(tx, who, entered, initiative, *meeting).await?;
        }
        for option in &readout.options {
            self.load_one::<DialogueOption>(tx, entered, initiative, option.as_uuid()).await?;
        }
        for side in &readout.joint_sides {
            Self::check_side(tx, initiative, *side).await?;
        }
        if let Some(carried) = readout.text {
            self.carried_draft(tx, entered, initiative, carried).await?;
        }
        Ok(())
    }

    /// Changes a draft (or a reviewed readout, which goes back to draft: its reviews were of
    /// another text). A released readout cannot be changed.
    pub async fn update_readout(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ReadoutId,
        mut readout: Readout,
    ) -> Result<()> {
        readout.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteReadout).await?;
        let (row, current) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        if current.clearance == Clearance::Released {
            return Err(not_editable());
        }
        Self::keep_audience_inside(&entered, &readout)?;
        self.check_readout_sources(tx.as_mut(), who, &entered, initiative, &readout).await?;
        readout.clearance = Clearance::Draft;
        readout.reviews.clear();
        readout.released.clear();
        readout.released_at = None;
        readout.fingerprint_key = None;
        self.replace_record(tx.as_mut(), &entered, &row, &readout).await?;
        self.record(tx.as_mut(), who, AuditAction::ReadoutUpdated, AuditTarget::of(TargetKind::Readout, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A review: the convener's, or that of a member of one of a joint readout's sides.
    pub async fn review_readout(&self, who: &Identity, initiative: InitiativeId, id: ReadoutId) -> Result<Clearance> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (row, mut readout) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        let convener = entered.standing.is_none_or(|s| s.role == MemberRole::Convener);
        let side = entered.standing.and_then(|s| s.side).filter(|side| readout.joint_sides.contains(side));
        if !convener && side.is_none() {
            // Not the convener and not a reviewer for a side of this readout: as if it did not exist.
            return Err(AppError::NotFound);
        }
        if readout.clearance == Clearance::Released {
            return Err(not_editable());
        }
        let by = match who.principal {
            Principal::User { id, .. } => id,
            Principal::KeyHolder => tracktwo_domain::UserId::from_uuid(uuid::Uuid::nil()),
        };
        readout.reviews.retain(|r| r.by != by);
        readout.reviews.push(Review { by, side: if convener { None } else { side }, at: self.now() });
        let convener_reviewed = readout.reviews.iter().any(|r| r.side.is_none());
        if readout.fully_reviewed(convener_reviewed) {
            readout.clearance = Clearance::Reviewed;
        }
        self.replace_record(tx.as_mut(), &entered, &row, &readout).await?;
        self.record(tx.as_mut(), who, AuditAction::ReadoutReviewed, AuditTarget::of(TargetKind::Readout, id)).await?;
        tx.commit().await?;
        Ok(readout.clearance)
    }

    /// Releases a reviewed readout: its text is assembled one last time and frozen, and a
    /// fingerprint key drawn for its copies. From here on it cannot change.
    pub async fn release_readout(&self, who: &Identity, initiative: InitiativeId, id: ReadoutId) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReleaseReadout).await?;
        let (row, mut readout) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        // Checked again at the moment of transfer, whatever was drafted before.
        Self::keep_audience_inside(&entered, &readout)?;
        match readout.clearance {
            Clearance::Released => return Err(not_editable()),
            Clearance::Draft => {
                return Err(AppError::Invalid(ValidationError::Invalid {
                    field: "readout",
                    reason: "must be reviewed before it is released",
                }));
            }
            Clearance::Reviewed => {}
        }
        readout.released = self.assemble_readout(tx.as_mut(), &entered, initiative, &readout).await?;
        readout.released_at = Some(self.now());
        readout.fingerprint_key = Some(self.random());
        readout.fingerprint_scheme = crate::fingerprint::scheme_for_release(readout.wording_variants);
        readout.clearance = Clearance::Released;
        self.replace_record(tx.as_mut(), &entered, &row, &readout).await?;
        self.record(tx.as_mut(), who, AuditAction::ReadoutReleased, AuditTarget::of(TargetKind::Readout, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn readouts(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<(ReadoutId, Readout)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteReadout).await?;
        let list = self.load_all::<Readout>(tx.as_mut(), &entered, initiative, None).await?;
        tx.commit().await?;
        Ok(list.into_iter().map(|(row, r)| (ReadoutId::from_uuid(row.id), r)).collect())
    }

    /// A readout with its text: as it would be released now, or as it was.
    pub async fn readout(&self, who: &Identity, initiative: InitiativeId, id: ReadoutId) -> Result<ReadoutView> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteReadout).await?;
        let (_, readout) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        let text = if readout.clearance == Clearance::Released {
            readout.released.clone()
        } else {
            self.assemble_readout(tx.as_mut(), &entered, initiative, &readout).await?
        };
        let copies: Vec<(CopyId, ReadoutCopy)> = self
            .load_all::<ReadoutCopy>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(row, c)| (CopyId::from_uuid(row.id), c))
            .collect();
        self.record(tx.as_mut(), who, AuditAction::ReadoutRead, AuditTarget::of(TargetKind::Readout, id)).await?;
        tx.commit().await?;
        let traceability = crate::fingerprint::traceability(&readout, &text, copies.len());
        Ok(ReadoutView { readout, text, copies, traceability })
    }

    /// Issues the next copy of a released readout to one recipient, into the ledger.
    pub async fn issue_copy(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        readout: ReadoutId,
        recipient: &str,
        channel: &str,
        delivered_on: Date,
    ) -> Result<CopyId> {
        if recipient.trim().is_empty() {
            return Err(AppError::Invalid(ValidationError::Empty { field: "recipient" }));
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReleaseReadout).await?;
        let (_, current) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, readout.as_uuid()).await?;
        Self::keep_audience_inside(&entered, &current)?;
        if current.clearance != Clearance::Released {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "readout",
                reason: "must be released before copies are issued",
            }));
        }
        let existing = self.load_all::<ReadoutCopy>(tx.as_mut(), &entered, initiative, Some(readout.as_uuid())).await?;
        let copy = ReadoutCopy {
            readout,
            number: u32::try_from(existing.len()).unwrap_or(u32::MAX - 1) + 1,
            recipient: recipient.trim().to_owned(),
            channel: channel.trim().to_owned(),
            delivered_on,
        };
        let id = CopyId::from_uuid(
            self.insert_record(tx.as_mut(), &entered, initiative, Some(readout.as_uuid()), &copy).await?,
        );
        self.record(tx.as_mut(), who, AuditAction::CopyIssued, AuditTarget::of(TargetKind::ReadoutCopy, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The distribution ledger of a readout: who received which copy, when and how.
    pub async fn copies(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        readout: ReadoutId,
    ) -> Result<Vec<(CopyId, ReadoutCopy)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteReadout).await?;
        self.load_one::<Readout>(tx.as_mut(), &entered, initiative, readout.as_uuid()).await?;
        let list = self.load_all::<ReadoutCopy>(tx.as_mut(), &entered, initiative, Some(readout.as_uuid())).await?;
        tx.commit().await?;
        Ok(list.into_iter().map(|(row, c)| (CopyId::from_uuid(row.id), c)).collect())
    }

    /// One copy's text, with its fingerprint and visible mark, for rendering to PDF or DOCX.
    pub async fn copy_to_render(&self, who: &Identity, initiative: InitiativeId, copy: CopyId) -> Result<CopyToRender> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReleaseReadout).await?;
        let (_, issued) = self.load_one::<ReadoutCopy>(tx.as_mut(), &entered, initiative, copy.as_uuid()).await?;
        let (_, readout) =
            self.load_one::<Readout>(tx.as_mut(), &entered, initiative, issued.readout.as_uuid()).await?;
        let total = self
            .load_all::<ReadoutCopy>(tx.as_mut(), &entered, initiative, Some(issued.readout.as_uuid()))
            .await?
            .len();
        let unlisted = self.unlisted_in(tx.as_mut(), &entered, initiative, &readout).await?;
        self.record(tx.as_mut(), who, AuditAction::CopyRendered, AuditTarget::of(TargetKind::ReadoutCopy, copy))
            .await?;
        tx.commit().await?;
        // The text was frozen at release; a consent withdrawn since still takes effect on every
        // copy rendered after it.
        let text = crate::fingerprint::copy_text(&readout, issued.number)
            .into_iter()
            .map(|section| ReadoutSection {
                heading: unlisted.scrub(&section.heading),
                paragraphs: section.paragraphs.iter().map(|p| unlisted.scrub(p)).collect(),
            })
            .collect();
        let mark =
            crate::fingerprint::copy_mark(issued.number, u32::try_from(total).unwrap_or(u32::MAX), &issued.recipient);
        Ok(CopyToRender { title: unlisted.scrub(&readout.title), audience: readout.audience, mark, text })
    }

    /// The names of the attendees of a readout's meetings who may not be listed now (no
    /// consent, or consent withdrawn): every readout leaves the team, so none may stand in it.
    async fn unlisted_in(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        readout: &Readout,
    ) -> Result<tracktwo_domain::scrub::Names> {
        if readout.text.is_some() {
            // The text was drafted across the initiative's meetings: any of their attendees may
            // stand in it.
            let meetings: Vec<Meeting> =
                self.load_all::<Meeting>(tx, entered, initiative, None).await?.into_iter().map(|(_, m)| m).collect();
            return self.unlisted_names(tx, entered, initiative, &meetings).await;
        }
        let mut meetings = Vec::new();
        for meeting_id in &readout.meetings {
            match self.load_one::<Meeting>(tx, entered, initiative, meeting_id.as_uuid()).await {
                Ok((_, meeting)) => meetings.push(meeting),
                // A meeting removed since has no attendees to withhold.
                Err(AppError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        self.unlisted_names(tx, entered, initiative, &meetings).await
    }

    /// Names the copy a leaked passage most likely came from, with a confidence.
    pub async fn trace_leak(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        readout: ReadoutId,
        passage: &str,
    ) -> Result<Traced> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReleaseReadout).await?;
        let (_, current) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, readout.as_uuid()).await?;
        let copies = self.load_all::<ReadoutCopy>(tx.as_mut(), &entered, initiative, Some(readout.as_uuid())).await?;
        self.record(tx.as_mut(), who, AuditAction::LeakTraced, AuditTarget::of(TargetKind::Readout, readout)).await?;
        tx.commit().await?;
        let numbers: Vec<u32> = copies.iter().map(|(_, c)| c.number).collect();
        let recipient = |number: u32| copies.iter().find(|(_, c)| c.number == number).ok_or(AppError::NotFound);
        Ok(match crate::fingerprint::trace(&current, &numbers, passage) {
            TraceResult::Copy(found) => {
                let (row, copy) = recipient(found.copy.0)?;
                Traced::Copy {
                    copy: CopyId::from_uuid(row.id),
                    number: found.copy.0,
                    recipient: copy.recipient.clone(),
                    confidence: found.confidence,
                    sites_seen: found.sites_seen,
                    deciding_sites: found.deciding_sites,
                }
            }
            TraceResult::FromReadout(undetermined) => Traced::FromReadout {
                likeliest: undetermined
                    .likeliest
                    .iter()
                    .map(|&(c, p)| Ok((c.0, recipient(c.0)?.1.recipient.clone(), p)))
                    .collect::<Result<_>>()?,
                unmarked_original: undetermined.unmarked_original,
                sites_seen: undetermined.sites_seen,
                more_sentences_needed: undetermined.more_sentences_needed,
                pieces: undetermined.pieces.iter().map(|piece| piece.paragraph).collect(),
            },
            TraceResult::NotFromReadout { longest_match_words } => Traced::NotFromReadout { longest_match_words },
            TraceResult::NotTraced { reason } => Traced::NotTraced { reason },
        })
    }

    // The logs.

    /// Logs a transfer. A transfer of a readout that carries a text version carries that version
    /// too; a transfer of a text version carries the options drafted into its clauses, so each
    /// option's path towards Track One shows on its page.
    pub async fn log_transfer(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut event: TransferEvent,
    ) -> Result<LogEventId> {
        if event.description.chars().count() > 20_000 {
            return Err(AppError::Invalid(ValidationError::TooLong { field: "description", max: 20_000 }));
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteTransferLog).await?;
        for option in &event.options {
            self.load_one::<DialogueOption>(tx.as_mut(), &entered, initiative, option.as_uuid()).await?;
        }
        if let Some(readout) = event.readout {
            let (_, readout) = self.load_one::<Readout>(tx.as_mut(), &entered, initiative, readout.as_uuid()).await?;
            event.text = event.text.or(readout.text);
        }
        if let Some(carried) = event.text {
            let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, carried.text).await?;
            let draft = self.load_version(tx.as_mut(), &entered, initiative, &record, carried.version).await?.draft;
            for (option, clause) in &record.text.drafted_options {
                if draft.clause(*clause).is_some() && !event.options.contains(option) {
                    event.options.push(*option);
                }
            }
        }
        let id = LogEventId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &event).await?);
        self.record(tx.as_mut(), who, AuditAction::TransferLogged, AuditTarget::of(TargetKind::LogEvent, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn log_coordination(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        event: CoordinationEvent,
    ) -> Result<LogEventId> {
        if event.counterpart.trim().is_empty() {
            return Err(AppError::Invalid(ValidationError::Empty { field: "counterpart" }));
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteTransferLog).await?;
        let id = LogEventId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &event).await?);
        self.record(tx.as_mut(), who, AuditAction::CoordinationLogged, AuditTarget::of(TargetKind::LogEvent, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn log_official_event(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        event: OfficialEvent,
    ) -> Result<LogEventId> {
        if event.title.trim().is_empty() {
            return Err(AppError::Invalid(ValidationError::Empty { field: "title" }));
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteTransferLog).await?;
        let id = LogEventId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &event).await?);
        self.record(tx.as_mut(), who, AuditAction::OfficialEventLogged, AuditTarget::of(TargetKind::LogEvent, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The transfer and coordination logs of an initiative, oldest first.
    pub async fn transfer_log(
        &self,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<(Vec<(LogEventId, TransferEvent)>, Vec<(LogEventId, CoordinationEvent)>)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadTransferLog).await?;
        let mut transfers: Vec<(LogEventId, TransferEvent)> = self
            .load_all::<TransferEvent>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, e)| (LogEventId::from_uuid(row.id), e))
            .collect();
        let mut coordination: Vec<(LogEventId, CoordinationEvent)> = self
            .load_all::<CoordinationEvent>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, e)| (LogEventId::from_uuid(row.id), e))
            .collect();
        self.record(
            tx.as_mut(),
            who,
            AuditAction::TransferLogRead,
            AuditTarget::of(TargetKind::Initiative, initiative),
        )
        .await?;
        tx.commit().await?;
        transfers.sort_by_key(|(_, e)| e.on);
        coordination.sort_by_key(|(_, e)| e.on);
        Ok((transfers, coordination))
    }

    /// The multi-track timeline between two dates, across every initiative the caller belongs
    /// to: the official track, the meetings the caller may know of, and — where the caller may
    /// read the logs — transfers and coordination.
    pub async fn timeline(&self, who: &Identity, from: Date, to: Date) -> Result<Timeline> {
        let initiatives = self.initiatives(who).await?;
        let mut out = Timeline::default();
        let mut tx = self.begin().await?;
        let user = who.user_id();
        let within = |d: Date| from <= d && d <= to;
        for initiative in initiatives {
            let entered = self.enter(tx.as_mut(), who, initiative.id, Operation::ViewInitiative).await?;
            let meetings = self.load_all::<Meeting>(tx.as_mut(), &entered, initiative.id, None).await?;
            let mut lane: Vec<TimelineMeeting> = meetings
                .into_iter()
                .filter(|(_, m)| may_see_meeting(m, entered.standing, user) && within(m.starts_on))
                .map(|(_, m)| (m.starts_on, m.title, m.mode))
                .collect();
            lane.sort();
            for (_, event) in self.load_all::<OfficialEvent>(tx.as_mut(), &entered, initiative.id, None).await? {
                let entry = (event.on, event.title, event.kind);
                if within(entry.0) && !out.official.contains(&entry) {
                    out.official.push(entry);
                }
            }
            if Self::also(who, &entered, Operation::ReadTransferLog).is_ok() {
                for (_, event) in self.load_all::<TransferEvent>(tx.as_mut(), &entered, initiative.id, None).await? {
                    if within(event.on) {
                        out.transfers.push((event.on, event.what, initiative.title.clone()));
                    }
                }
                for (_, event) in self.load_all::<CoordinationEvent>(tx.as_mut(), &entered, initiative.id, None).await?
                {
                    if within(event.on) {
                        out.coordination.push((event.on, event.form, event.form.level(), initiative.title.clone()));
                    }
                }
            }
            if Self::also(who, &entered, Operation::ReadOutcomes).is_ok() {
                for outcome in self.visible_outcomes(tx.as_mut(), who, &entered, initiative.id).await? {
                    if within(outcome.change.on) {
                        out.outcomes.push((outcome.change.on, outcome.layer, outcome.state, initiative.title.clone()));
                    }
                }
            }
            out.initiatives.push((initiative.title.clone(), lane));
        }
        tx.commit().await?;
        out.outcomes.sort();
        out.official.sort();
        out.transfers.sort();
        out.coordination.sort_by_key(|e| e.0);
        Ok(out)
    }
}
