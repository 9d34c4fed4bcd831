//! The demo's measures: two measured rounds of the Serin workshops, each with a questionnaire
//! answered by card before and after the round by participants of both banks (invented answers),
//! and the initiative's results framework.
//!
//! Round one has 8 pairs from the Upper Vale and 4 from the Lowland Coast: the whole group has a
//! p-value, and the Coast's cell is under five, so a funder sees it suppressed (and the Vale's
//! withheld with it). Round two has 7 and 6 cards, two of the Coast's answering only before the
//! round, so 4 of its pairs remain.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use tracktwo_app::App;
use tracktwo_app::measures::IssuedCard;
use tracktwo_domain::questionnaire::{Questionnaire, Stage};
use tracktwo_domain::results_framework::{Actual, Indicator};
use tracktwo_domain::{Identity, InitiativeId, QuestionnaireId};

use super::process::Sides;

const ITEMS: [&str; 6] = [
    "warmth.thermometer",
    "trust.other_side_people",
    "trust.other_side_participants",
    "anxiety.at_ease",
    "perspective.their_view",
    "compromise.willing",
];

/// An invented card holder's answers: `shift` moves them after the round (some rise a lot,
/// some little, a few fall).
fn answers(card: usize, shift: i32) -> BTreeMap<String, u8> {
    let spread = i32::try_from(card * 7 % 11).unwrap_or(0);
    let warmth = (30 + spread * 3 + shift * 4).clamp(0, 100);
    let likert = |base: i32| (base + (spread % 3) + shift.signum() * (shift.abs().min(2))).clamp(1, 7);
    let values = [warmth, likert(3), likert(3), likert(2), likert(4), likert(3)];
    ITEMS.iter().zip(values).map(|(id, v)| ((*id).to_owned(), u8::try_from(v).unwrap_or(1))).collect()
}

/// How far card `i` moves between before and after.
fn shift(round: usize, i: usize) -> i32 {
    let base = i32::try_from((i * 5 + round * 3) % 7).unwrap_or(0);
    if i % 6 == 5 { -2 } else { base + 1 }
}

async fn measured_round(
    app: &App,
    initiative: InitiativeId,
    round: (tracktwo_domain::RoundId, usize),
    title: &str,
    cards: (usize, usize, usize),
    sides: Sides,
) -> Result<QuestionnaireId> {
    let kh = Identity::key_holder();
    let (round_id, number) = round;
    let questionnaire = Questionnaire::new(Some(round_id), title, ITEMS.iter().map(|s| (*s).to_owned()).collect());
    let id = app.compose_questionnaire(&kh, initiative, questionnaire).await?;
    let (vale, coast, coast_only_before) = cards;
    let mut issued: Vec<IssuedCard> = app.issue_answer_cards(&kh, initiative, id, sides.vale, vale).await?;
    issued.extend(app.issue_answer_cards(&kh, initiative, id, sides.coast, coast).await?);
    app.set_questionnaire_stage(&kh, initiative, id, Stage::Before).await?;
    for (i, card) in issued.iter().enumerate() {
        app.answer_questionnaire(id, &card.code, answers(i, 0)).await?;
    }
    app.set_questionnaire_stage(&kh, initiative, id, Stage::After).await?;
    for (i, card) in issued.iter().enumerate().take(issued.len() - coast_only_before) {
        app.answer_questionnaire(id, &card.code, answers(i, shift(number, i))).await?;
    }
    app.set_questionnaire_stage(&kh, initiative, id, Stage::Closed).await?;
    Ok(id)
}

pub async fn seed(app: &App, initiative: InitiativeId, sides: Sides) -> Result<()> {
    let kh = Identity::key_holder();
    let rounds = app.process_overview(&kh, initiative).await?.rounds;
    let first = rounds.first().context("the Serin process has a first round")?;
    let second = rounds.get(1).unwrap_or(first);
    measured_round(app, initiative, (first.0, 1), "Round one: before and after", (8, 4, 0), sides).await?;
    measured_round(app, initiative, (second.0, 2), "Round two: before and after", (7, 6, 2), sides).await?;
    let indicator = |outcome: &str,
                     indicator: &str,
                     unit: &str,
                     baseline: f64,
                     target: f64,
                     actuals: &[(&str, f64, &str)]| {
        Indicator {
            outcome: outcome.into(),
            indicator: indicator.into(),
            unit: unit.into(),
            baseline,
            target,
            actuals: actuals
                .iter()
                .map(|(period, value, note)| Actual { period: (*period).into(), value: *value, note: (*note).into() })
                .collect(),
        }
    };
    for entry in [
        indicator(
            "Officials on both banks take up options from the dialogue",
            "Dialogue options raised in official water talks",
            "options",
            0.0,
            4.0,
            &[("2025", 1.0, "Joint gauge, raised at the March talks"), ("2026", 3.0, "")],
        ),
        indicator(
            "Participants trust the other bank more after the workshops",
            "Mean change in trust toward the other side (7-point scale)",
            "points",
            0.0,
            1.0,
            &[("2025", 0.6, "Round one questionnaire"), ("2026", 0.9, "Round two questionnaire")],
        ),
        indicator(
            "The water boards keep a working channel in dry summers",
            "Months with a staffed hotline between the boards",
            "months",
            0.0,
            12.0,
            &[("2026", 5.0, "")],
        ),
        indicator(
            "The public on both banks hears of the dialogue's options",
            "Local media items on joint river management",
            "items",
            2.0,
            20.0,
            &[],
        ),
    ] {
        app.add_indicator(&kh, initiative, entry).await?;
    }
    Ok(())
}
