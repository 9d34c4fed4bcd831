//! The Serin dialogue's year of assessment: outcomes harvested by the evaluator on every layer,
//! from one participant's change of mind to a change in both ministries' practice, several
//! substantiated by the facilitator or the convener and reported, some social actors moving
//! from one RPP cell to another; and the team's reflections on the theory of change after each
//! workshop.

use anyhow::{Context, Result};
use time::Date;
use time::macros::date;
use tracktwo_app::App;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::outcomes::{
    AssumptionReading, AssumptionStatus, Change, ChangeLevel, ChangeType, Contribution, Criterion, Layer, Outcome,
    OutcomeState, Reach, Reflection, RppCell, SocialActor, Source, Substantiation, Valence, Verdict,
};
use tracktwo_domain::{ActorId, Identity, InitiativeId, LogEventId, MeetingId, OptionId, UserId};

/// Who harvests, who substantiates and who reflects.
pub struct Team {
    pub evaluator: Identity,
    pub facilitator: Identity,
    pub convener: Identity,
}

/// What the demo's records give an outcome to link to.
struct Links {
    actors: Vec<(String, ActorId)>,
    meetings: Vec<(String, MeetingId)>,
    options: Vec<(String, OptionId)>,
    transfers: Vec<(Date, LogEventId)>,
    coordination: Vec<(Date, LogEventId)>,
}

impl Links {
    fn actor(&self, code: &str) -> Option<ActorId> {
        self.actors.iter().find(|(c, _)| c == code).map(|(_, id)| *id)
    }
    fn meeting(&self, title: &str) -> Vec<MeetingId> {
        self.meetings.iter().filter(|(t, _)| t == title).map(|(_, id)| *id).collect()
    }
    fn option(&self, title: &str) -> Vec<OptionId> {
        self.options.iter().filter(|(t, _)| t.contains(title)).map(|(_, id)| *id).collect()
    }
    fn transfer(&self, on: Date) -> Vec<LogEventId> {
        self.transfers.iter().filter(|(d, _)| *d == on).map(|(_, id)| *id).collect()
    }
    fn contact(&self, on: Date) -> Vec<LogEventId> {
        self.coordination.iter().filter(|(d, _)| *d == on).map(|(_, id)| *id).collect()
    }
}

/// One outcome of the demo, as the evaluator wrote it, and how far it got.
struct Harvest {
    code: Option<&'static str>,
    who: &'static str,
    organisation: bool,
    description: &'static str,
    what: &'static str,
    on: Date,
    place: &'static str,
    change_type: ChangeType,
    intended: bool,
    valence: Valence,
    significance: &'static str,
    contribution: &'static str,
    sources: [&'static str; 2],
    layer: Layer,
    cell: (Reach, ChangeLevel),
    criteria: &'static [Criterion],
    class: ConfidentialityMode,
    assumptions: &'static [(u32, bool)],
    reached: OutcomeState,
    meeting: Option<&'static str>,
    option: Option<&'static str>,
    transfer: Option<Date>,
    contact: Option<Date>,
}

const KEY_PERSONAL: (Reach, ChangeLevel) = (Reach::KeyPeople, ChangeLevel::IndividualPersonal);
const KEY_SOCIAL: (Reach, ChangeLevel) = (Reach::KeyPeople, ChangeLevel::SocioPolitical);
const MORE_PERSONAL: (Reach, ChangeLevel) = (Reach::MorePeople, ChangeLevel::IndividualPersonal);
const MORE_SOCIAL: (Reach, ChangeLevel) = (Reach::MorePeople, ChangeLevel::SocioPolitical);

#[allow(clippy::too_many_lines)]
fn harvests() -> Vec<Harvest> {
    use ConfidentialityMode::{ChathamHouse, NonAttribution, OnTheRecord, SecretChannel};
    use Criterion::{InstitutionsReformed, OwnInitiatives, ResistProvocation, SecurityImproves, StopsKeyDriver};
    use OutcomeState::{Draft, Reported, Substantiated};
    let base = Harvest {
        code: None,
        who: "",
        organisation: false,
        description: "",
        what: "",
        on: date!(2025 - 05 - 01),
        place: "",
        change_type: ChangeType::Behaviour,
        intended: true,
        valence: Valence::Positive,
        significance: "",
        contribution: "",
        sources: ["", ""],
        layer: Layer::Individual,
        cell: KEY_PERSONAL,
        criteria: &[],
        class: ChathamHouse,
        assumptions: &[],
        reached: Draft,
        meeting: None,
        option: None,
        transfer: None,
        contact: None,
    };
    vec![
        Harvest {
            code: Some("UV-05"),
            who: "Tarek Varo",
            description: "a former senior water official of the Upper Vale",
            what: "Tarek Varo stopped calling the Coast's demands 'theft' and began describing them as fear of another dry summer.",
            on: date!(2025 - 04 - 22),
            place: "Brenna",
            change_type: ChangeType::Behaviour,
            significance: "The most listened-to Vale voice on water changed how he frames the other side in public.",
            contribution: "Two days of analysing each side's needs and fears in the first workshop.",
            sources: ["Lina Sarkis", "Sabine Orlo"],
            layer: Layer::Individual,
            cell: KEY_PERSONAL,
            criteria: &[StopsKeyDriver],
            class: NonAttribution,
            assumptions: &[(0, true)],
            reached: Reported,
            meeting: Some("Workshop one"),
            ..base
        },
        Harvest {
            code: Some("LC-05"),
            who: "Mira Castell",
            description: "the mayor of a Coast port town",
            what: "Mira Castell invited a Vale participant to speak to her council about the dam's summer releases.",
            on: date!(2025 - 06 - 12),
            place: "Port Alsen",
            change_type: ChangeType::Relationships,
            significance: "First public contact across the line by a serving Coast official since 2024.",
            contribution: "The first workshop's joint visit to the gauging station.",
            sources: ["Jonah Brisk", "Elin Sorvik"],
            layer: Layer::Group,
            cell: KEY_PERSONAL,
            criteria: &[OwnInitiatives],
            class: OnTheRecord,
            assumptions: &[(0, true), (1, true)],
            reached: Reported,
            meeting: Some("Workshop one"),
            ..base
        },
        Harvest {
            code: Some("UV-10"),
            who: "Orrin Basko",
            description: "a chair of a district water users' association in the Vale",
            what: "Orrin Basko told his association that the Coast fishers lost their season in 2024 as the Vale farmers lost theirs.",
            on: date!(2025 - 07 - 03),
            place: "Kessel district",
            change_type: ChangeType::Behaviour,
            significance: "Grassroots Vale users heard of the other side's losses from one of their own.",
            contribution: "A participant carried the workshop's story of both losses home.",
            sources: ["Sabine Orlo", "Hakon Veld"],
            layer: Layer::Society,
            cell: MORE_PERSONAL,
            criteria: &[ResistProvocation],
            class: OnTheRecord,
            reached: Reported,
            ..base
        },
        Harvest {
            who: "The dialogue group",
            organisation: true,
            description: "the participants of both sides",
            what: "Participants of both sides drafted, together and unprompted, a list of gauges whose data they would share.",
            on: date!(2025 - 09 - 16),
            place: "Brenna",
            change_type: ChangeType::Practices,
            significance: "The group moved from exchanging grievances to joint drafting.",
            contribution: "The second workshop's session on joint thinking about solutions.",
            sources: ["Lina Sarkis", "Jonah Brisk"],
            layer: Layer::Group,
            cell: KEY_PERSONAL,
            criteria: &[OwnInitiatives],
            class: ChathamHouse,
            assumptions: &[(0, true)],
            reached: Reported,
            meeting: Some("Workshop two"),
            option: Some("commission"),
            ..base
        },
        Harvest {
            code: Some("UV-05"),
            who: "Tarek Varo",
            description: "a former senior water official of the Upper Vale",
            what: "Tarek Varo briefed the Vale water ministry on a joint technical commission and asked it to name a contact.",
            on: date!(2025 - 10 - 08),
            place: "Vale capital",
            change_type: ChangeType::Actions,
            significance: "The option reached the ministry through someone it trusts.",
            contribution: "The commission option developed in workshop two; the team prepared him for the briefing.",
            sources: ["Bruno Talvik", "Jonas Vick"],
            layer: Layer::Transfer,
            cell: KEY_SOCIAL,
            criteria: &[StopsKeyDriver],
            class: ChathamHouse,
            assumptions: &[(1, true)],
            reached: Reported,
            option: Some("commission"),
            transfer: Some(date!(2025 - 05 - 02)),
            ..base
        },
        Harvest {
            code: Some("UV-10"),
            who: "Orrin Basko",
            description: "a chair of a district water users' association in the Vale",
            what: "Orrin Basko's association agreed to share its own gauge readings with the Coast fishers' cooperative every week.",
            on: date!(2025 - 11 - 20),
            place: "Kessel district",
            change_type: ChangeType::Practices,
            significance: "The first data crossing the line since 2024, at the grassroots.",
            contribution: "He took the workshop's list of gauges home.",
            sources: ["Rafe Ostlund", "Hakon Veld"],
            layer: Layer::Society,
            cell: MORE_SOCIAL,
            criteria: &[OwnInitiatives, SecurityImproves],
            class: OnTheRecord,
            reached: Substantiated,
            ..base
        },
        Harvest {
            code: Some("UV-02"),
            who: "Ilse Marrow",
            description: "a minister of the Upper Vale",
            what: "Ilse Marrow asked her staff for the workshop's readout and read it out in cabinet.",
            on: date!(2025 - 12 - 02),
            place: "Vale capital",
            change_type: ChangeType::Behaviour,
            significance: "A decision-maker took the dialogue's ideas seriously for the first time.",
            contribution: "The readout went through a trusted participant.",
            sources: ["Bruno Talvik", "Maren Quist"],
            layer: Layer::Policy,
            cell: KEY_PERSONAL,
            criteria: &[],
            class: ChathamHouse,
            assumptions: &[(1, true)],
            reached: Reported,
            ..base
        },
        Harvest {
            code: None,
            who: "Vale First",
            organisation: true,
            description: "a hard-line party of the Upper Vale",
            what: "Vale First denounced the workshops as 'selling the river' and named two participants at a rally.",
            on: date!(2026 - 01 - 15),
            place: "Kessel",
            change_type: ChangeType::Actions,
            intended: false,
            valence: Valence::Negative,
            significance: "Participants' standing at home came under attack; duty of care was reviewed.",
            contribution: "News of the workshops leaked through a participant's speech.",
            sources: ["Ines Marlow", "Sabine Orlo"],
            layer: Layer::Society,
            cell: MORE_SOCIAL,
            class: ChathamHouse,
            assumptions: &[(0, false)],
            reached: Substantiated,
            ..base
        },
        Harvest {
            code: Some("UV-06"),
            who: "Ministry of Water and Energy of the Upper Vale",
            organisation: true,
            description: "the Upper Vale's water ministry",
            what: "The Vale water ministry named a duty officer for a hotline with the Coast water board.",
            on: date!(2026 - 04 - 20),
            place: "Vale capital",
            change_type: ChangeType::Policies,
            significance: "A mechanism to handle a dry summer now exists across the line.",
            contribution: "The hotline option went to both ministries in the released readout.",
            sources: ["Odile Brann", "Bruno Talvik"],
            layer: Layer::Policy,
            cell: KEY_SOCIAL,
            criteria: &[InstitutionsReformed, SecurityImproves],
            class: NonAttribution,
            assumptions: &[(1, true)],
            reached: Reported,
            option: Some("otline"),
            transfer: Some(date!(2026 - 04 - 10)),
            contact: Some(date!(2026 - 04 - 15)),
            ..base
        },
        Harvest {
            code: Some("UV-02"),
            who: "Ilse Marrow",
            description: "a minister of the Upper Vale",
            what: "Ilse Marrow put the joint commission on the agenda of the first official round.",
            on: date!(2026 - 06 - 10),
            place: "Tessar",
            change_type: ChangeType::Policies,
            significance: "A Track Two option entered the official talks.",
            contribution: "Joint strategy planning with both ministries after the third workshop.",
            sources: ["Odile Brann", "Corvin Hale"],
            layer: Layer::Policy,
            cell: KEY_SOCIAL,
            criteria: &[StopsKeyDriver, InstitutionsReformed],
            class: NonAttribution,
            reached: Substantiated,
            option: Some("commission"),
            contact: Some(date!(2026 - 04 - 15)),
            ..base
        },
        Harvest {
            code: Some("LC-05"),
            who: "Mira Castell",
            description: "the mayor of a Coast port town",
            what: "Mira Castell's council set up a joint fishers' and farmers' forum with a Vale district.",
            on: date!(2026 - 05 - 05),
            place: "Port Alsen",
            change_type: ChangeType::Actions,
            significance: "A standing forum across the line, started without the team.",
            contribution: "The relationships formed over three workshops.",
            sources: ["Jonah Brisk", "Elin Sorvik"],
            layer: Layer::Society,
            cell: MORE_SOCIAL,
            criteria: &[OwnInitiatives, ResistProvocation],
            class: OnTheRecord,
            reached: Draft,
            meeting: Some("Workshop three"),
            ..base
        },
        Harvest {
            code: None,
            who: "Sabine Orlo",
            description: "a participant of the Upper Vale",
            what: "Sabine Orlo, a workshop participant, joined the Vale's delegation to the official talks.",
            on: date!(2026 - 07 - 01),
            place: "Tessar",
            change_type: ChangeType::Actions,
            significance: "The dialogue's understanding now sits inside the official delegation.",
            contribution: "Three workshops and the team's briefing on re-entry.",
            sources: ["Odile Brann", "Jonas Vick"],
            layer: Layer::Transfer,
            cell: KEY_SOCIAL,
            criteria: &[StopsKeyDriver],
            class: ChathamHouse,
            reached: Draft,
            transfer: Some(date!(2026 - 07 - 01)),
            ..base
        },
        Harvest {
            code: None,
            who: "Both ministries' advisers",
            organisation: true,
            description: "advisers of both water ministries",
            what: "The two ministries' advisers met without intermediaries to test a release schedule.",
            on: date!(2026 - 02 - 20),
            place: "Kessel Falls",
            change_type: ChangeType::Relationships,
            significance: "Direct contact the back channel had prepared.",
            contribution: "The secret channel's exploratory contacts.",
            sources: ["Amara Osei", "Jonas Vick"],
            layer: Layer::Policy,
            cell: KEY_PERSONAL,
            class: SecretChannel,
            reached: Draft,
            ..base
        },
    ]
}

async fn links(app: &App, initiative: InitiativeId) -> Result<Links> {
    let kh = Identity::key_holder();
    let map = app.system_map(&kh, initiative).await?;
    let process = app.process_overview(&kh, initiative).await?;
    let (transfers, coordination) = app.transfer_log(&kh, initiative).await?;
    Ok(Links {
        actors: map.actors.iter().map(|a| (a.details.code_name.clone(), a.id)).collect(),
        meetings: process
            .rounds
            .iter()
            .flat_map(|(_, _, ms)| ms.iter().map(|(id, m)| (m.title.clone(), *id)))
            .collect(),
        options: app.options(&kh, initiative).await?.into_iter().map(|(id, o)| (o.title, id)).collect(),
        transfers: transfers.into_iter().map(|(id, t)| (t.on, id)).collect(),
        coordination: coordination.into_iter().map(|(id, c)| (c.on, id)).collect(),
    })
}

/// Harvests the year's outcomes into the Serin dialogue, substantiates and reports those that got
/// that far, and records the team's reflections.
pub async fn seed(app: &App, initiative: InitiativeId, team: &Team) -> Result<()> {
    let links = links(app, initiative).await?;
    let harvester = team.evaluator.user_id().context("the evaluator's account")?;
    for h in harvests() {
        let mut outcome = Outcome::draft(
            Change { what: h.what.into(), on: h.on, place: h.place.into() },
            SocialActor {
                actor: h.code.and_then(|c| links.actor(c)),
                who: h.who.into(),
                organisation: h.organisation,
                description: h.description.into(),
            },
            h.change_type,
            harvester,
            h.on + time::Duration::days(12),
        );
        outcome.intended = h.intended;
        outcome.valence = h.valence;
        outcome.significance = h.significance.into();
        outcome.contribution = Contribution {
            story: h.contribution.into(),
            meetings: h.meeting.map(|m| links.meeting(m)).unwrap_or_default(),
            options: h.option.map(|o| links.option(o)).unwrap_or_default(),
            readouts: Vec::new(),
            transfers: h.transfer.map(|d| links.transfer(d)).unwrap_or_default(),
            coordination: h.contact.map(|d| links.contact(d)).unwrap_or_default(),
        };
        outcome.sources =
            h.sources.iter().map(|s| Source { name: (*s).into(), basis: String::new(), document: false }).collect();
        outcome.layer = h.layer;
        outcome.rpp = RppCell { reach: h.cell.0, level: h.cell.1 };
        outcome.criteria = h.criteria.iter().copied().collect();
        outcome.confidentiality = h.class;
        outcome.assumptions = h.assumptions.to_vec();
        let id = app.harvest_outcome(&team.evaluator, initiative, outcome).await?;
        if h.reached == OutcomeState::Draft {
            continue;
        }
        let (who, name) = if h.class == ConfidentialityMode::OnTheRecord {
            (&team.facilitator, "Jonas Vick")
        } else {
            (&team.convener, "Amara Osei")
        };
        let verdict = if h.valence == Valence::Negative { Verdict::Partly } else { Verdict::Agrees };
        app.substantiate_outcome(
            who,
            initiative,
            id,
            Substantiation {
                by: UserId::from_random_bytes([0; 16]),
                name: name.into(),
                verdict,
                on: h.on + time::Duration::days(20),
                comment: "Confirmed with a second person who saw it.".into(),
            },
        )
        .await?;
        app.advance_outcome(&team.evaluator, initiative, id, OutcomeState::Substantiated).await?;
        if h.reached == OutcomeState::Reported {
            app.advance_outcome(&team.evaluator, initiative, id, OutcomeState::Reported).await?;
        }
    }
    let rounds = app.process_overview(&Identity::key_holder(), initiative).await?.rounds;
    let round = |n: u32| rounds.iter().find(|(_, r, _)| r.number == n).map(|(id, _, _)| *id);
    let reading = |assumption, status, note: &str| AssumptionReading { assumption, status, note: note.into() };
    for (on, by, number, readings, note) in [
        (
            date!(2025 - 04 - 30),
            &team.facilitator,
            1,
            vec![
                reading(0, AssumptionStatus::Holding, "No participant reported trouble at home."),
                reading(1, AssumptionStatus::Holding, "Both ministries knew and did not object."),
            ],
            "The group began to talk about fears rather than rights.",
        ),
        (
            date!(2025 - 09 - 25),
            &team.evaluator,
            2,
            vec![reading(1, AssumptionStatus::Holding, "The Vale ministry asked for a briefing.")],
            "Joint drafting started; the commission option is ready to travel.",
        ),
        (
            date!(2026 - 01 - 25),
            &team.facilitator,
            2,
            vec![reading(0, AssumptionStatus::InDoubt, "Vale First named two participants at a rally.")],
            "Duty of care reviewed with operations after the rally.",
        ),
        (
            date!(2026 - 03 - 30),
            &team.convener,
            3,
            vec![
                reading(0, AssumptionStatus::InDoubt, "One participant asked to attend under a code only."),
                reading(1, AssumptionStatus::Holding, "Both ministries now plan with us."),
            ],
            "The hotline is close; protect the participants who carry it.",
        ),
    ] {
        let reflection = Reflection {
            on,
            by: by.user_id().unwrap_or(UserId::from_random_bytes([0; 16])),
            round: round(number),
            readings,
            note: note.into(),
        };
        app.add_reflection(by, initiative, reflection).await?;
    }
    Ok(())
}
