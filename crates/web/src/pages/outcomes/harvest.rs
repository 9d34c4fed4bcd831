//! The harvest form: an outcome statement as Outcome Harvesting writes it, with its place on the
//! layers and in the RPP matrix, the criteria it meets, its confidentiality, and what of the
//! initiative contributed. The choices of what contributed are those the harvester may see.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::outcomes::{
    Change, ChangeLevel, ChangeType, Contribution, Criterion, Layer, Outcome, Reach, RppCell, SocialActor, Source,
    Valence,
};
use tracktwo_domain::{ActorId, LogEventId, MeetingId, OptionId, ReadoutId, UserId};
use tracktwo_i18n::{Arg, text, text_with};

use super::{change_type, class, criterion, layer, level, nav, outcome_path, parse, reach, valence};
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, parse_id};
use crate::forms::{Pairs, date_text, field, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::words;

/// How many sources the form offers; two are required.
const SOURCE_FIELDS: usize = 3;

pub async fn harvest_form(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let who = &user.identity;
    // Only a harvester gets the form; the harvest itself asks again.
    state.app.may_harvest(who, id).await?;
    // What contributed: each list as far as the harvester may see it.
    let process = state.app.process_overview(who, id).await?;
    let meetings: Vec<(MeetingId, String)> = process
        .rounds
        .iter()
        .flat_map(|(_, _, ms)| ms.iter().map(|(m, h)| (*m, format!("{} ({})", h.title, locale.date(h.starts_on)))))
        .collect();
    let options = state.app.options(who, id).await.unwrap_or_default();
    let readouts = state.app.readouts(who, id).await.unwrap_or_default();
    let (transfers, coordination) = state.app.transfer_log(who, id).await.unwrap_or_default();
    let actors = state.app.system_map(who, id).await.map(|m| m.actors).unwrap_or_default();
    let assumptions = process.design.map(|d| d.theory_of_change.assumptions).unwrap_or_default();
    let today = state.app.today();
    Ok(page(
        &say("harvest-title"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("harvest-title")) }
            form.stack #harvest method="post" action=(super::outcomes_path(id)) {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("harvest-what")) textarea name="what" required dir="auto" {} }
                p.muted { (say("harvest-what-hint")) }
                label { (say("harvest-on")) input type="date" name="on" required value=(date_text(today)); }
                label { (say("harvest-place")) input name="place" dir="auto"; }
                label { (say("harvest-who")) input name="who" required dir="auto"; }
                @if !actors.is_empty() {
                    label { (say("harvest-actor")) select name="actor" {
                        option value="" { (say("harvest-actor-none")) }
                        @for actor in &actors { option value=(actor.id) dir="auto" { (actor.details.code_name) } }
                    } }
                }
                label.check { input type="checkbox" name="organisation" value="yes"; (say("harvest-organisation")) }
                label { (say("harvest-description")) input name="description" dir="auto"; }
                label { (say("harvest-change-type")) select name="change_type" {
                    @for v in ChangeType::ALL { option value=(v.as_str()) { (change_type(locale, *v)) } }
                } }
                fieldset { legend { (say("harvest-intended")) " / " (say("harvest-unintended")) }
                    label.check { input type="radio" name="intended" value="yes" checked; (say("harvest-intended")) }
                    label.check { input type="radio" name="intended" value="no"; (say("harvest-unintended")) }
                }
                label { (say("harvest-valence")) select name="valence" {
                    @for v in Valence::ALL { option value=(v.as_str()) { (valence(locale, *v)) } }
                } }
                label { (say("harvest-significance")) textarea name="significance" required dir="auto" {} }
                label { (say("harvest-contribution")) textarea name="contribution" required dir="auto" {} }
                fieldset { legend { (say("harvest-links")) }
                    @if !meetings.is_empty() { fieldset { legend { (say("harvest-meetings")) }
                        @for (m, title) in &meetings { label.check { input type="checkbox" name="meeting" value=(m); bdi { (title) } } } } }
                    @if !options.is_empty() { fieldset { legend { (say("harvest-options")) }
                        @for (o, option) in &options { label.check { input type="checkbox" name="option" value=(o); bdi { (option.title) } } } } }
                    @if !readouts.is_empty() { fieldset { legend { (say("harvest-readouts")) }
                        @for (r, readout) in &readouts { label.check { input type="checkbox" name="readout" value=(r); bdi { (readout.title) } } } } }
                    @if !transfers.is_empty() { fieldset { legend { (say("harvest-transfers")) }
                        @for (t, event) in &transfers { label.check { input type="checkbox" name="transfer" value=(t); (shown_date(locale, event.on)) " · " (words::of(locale, event.what)) } } } }
                    @if !coordination.is_empty() { fieldset { legend { (say("harvest-coordination")) }
                        @for (c, event) in &coordination { label.check { input type="checkbox" name="coordination" value=(c); (shown_date(locale, event.on)) " · " (words::of(locale, event.form)) } } } }
                }
                fieldset { legend { (say("harvest-sources")) }
                    @for n in 1..=SOURCE_FIELDS {
                        label { (text_with(locale, "harvest-source-name", &[("number", Arg::count(n))]))
                            input name={ "source" (n) } required[n <= 2] dir="auto"; }
                        label { (say("harvest-source-basis")) input name={ "basis" (n) } dir="auto"; }
                        label.check { input type="checkbox" name={ "document" (n) } value="yes"; (say("harvest-source-document")) }
                    }
                }
                label { (say("harvest-layer")) select name="layer" {
                    @for v in Layer::ALL { option value=(v.as_str()) { (layer(locale, *v)) } }
                } }
                label { (say("harvest-reach")) select name="reach" {
                    @for v in Reach::ALL { option value=(v.as_str()) { (reach(locale, *v)) } }
                } }
                label { (say("harvest-level")) select name="level" {
                    @for v in ChangeLevel::ALL { option value=(v.as_str()) { (level(locale, *v)) } }
                } }
                fieldset { legend { (say("harvest-criteria")) }
                    @for v in Criterion::ALL { label.check { input type="checkbox" name="criterion" value=(v.as_str()); (criterion(locale, *v)) } }
                }
                label { (say("harvest-class")) select name="class" {
                    @for v in ConfidentialityMode::ALL {
                        option value=(v.as_str()) selected[*v == ConfidentialityMode::ChathamHouse] { (class(locale, *v)) }
                    }
                } }
                @if !assumptions.is_empty() {
                    fieldset { legend { (say("harvest-assumptions")) }
                        @for (i, assumption) in assumptions.iter().enumerate() {
                            label { span dir="auto" { (assumption) } select name={ "assumption" (i) } {
                                option value="" { (say("assumption-bears-none")) }
                                option value="supports" { (say("assumption-bears-supports")) }
                                option value="questions" { (say("assumption-bears-questions")) }
                            } }
                        }
                    }
                }
                button type="submit" { (say("harvest-submit")) }
            }
        },
    ))
}

fn all<T: std::str::FromStr>(fields: &[(String, String)], name: &str) -> Result<Vec<T>, tracktwo_app::AppError> {
    fields.iter().filter(|(k, _)| k == name && !name.is_empty()).map(|(_, v)| parse_id::<T>(v)).collect()
}

/// The outcome a harvest form holds; its harvester and date are the use case's to set.
pub(crate) fn outcome_from(fields: &Pairs, today: time::Date) -> Result<Outcome, crate::PageError> {
    let actor = match field(fields, "actor").trim() {
        "" => None,
        id => Some(parse_id::<ActorId>(id)?),
    };
    let mut sources = Vec::new();
    for n in 1..=SOURCE_FIELDS {
        let name = field(fields, &format!("source{n}")).trim();
        if !name.is_empty() {
            sources.push(Source {
                name: name.to_owned(),
                basis: field(fields, &format!("basis{n}")).trim().to_owned(),
                document: field(fields, &format!("document{n}")) == "yes",
            });
        }
    }
    let mut assumptions = Vec::new();
    for (key, value) in fields {
        let Some(index) = key.strip_prefix("assumption") else { continue };
        let index: u32 = index.parse().map_err(|_| invalid("assumption", "is not known"))?;
        match value.as_str() {
            "" => {}
            "supports" => assumptions.push((index, true)),
            "questions" => assumptions.push((index, false)),
            _ => return Err(invalid("assumption", "is not known")),
        }
    }
    let criteria: BTreeSet<Criterion> = fields
        .iter()
        .filter(|(k, _)| k == "criterion")
        .map(|(_, v)| parse(v, Criterion::parse))
        .collect::<Result<_, _>>()?;
    let mut outcome = Outcome::draft(
        Change {
            what: field(fields, "what").trim().to_owned(),
            on: optional_date("on", field(fields, "on"))?.ok_or_else(|| invalid("on", "is required"))?,
            place: field(fields, "place").trim().to_owned(),
        },
        SocialActor {
            actor,
            who: field(fields, "who").trim().to_owned(),
            organisation: field(fields, "organisation") == "yes",
            description: field(fields, "description").trim().to_owned(),
        },
        parse(field(fields, "change_type"), ChangeType::parse)?,
        UserId::from_random_bytes([0; 16]),
        today,
    );
    outcome.intended = field(fields, "intended") != "no";
    outcome.valence = parse(field(fields, "valence"), Valence::parse)?;
    outcome.significance = field(fields, "significance").trim().to_owned();
    outcome.contribution = Contribution {
        story: field(fields, "contribution").trim().to_owned(),
        meetings: all::<MeetingId>(fields, "meeting")?,
        options: all::<OptionId>(fields, "option")?,
        readouts: all::<ReadoutId>(fields, "readout")?,
        transfers: all::<LogEventId>(fields, "transfer")?,
        coordination: all::<LogEventId>(fields, "coordination")?,
    };
    outcome.sources = sources;
    outcome.layer = parse(field(fields, "layer"), Layer::parse)?;
    outcome.rpp = RppCell {
        reach: parse(field(fields, "reach"), Reach::parse)?,
        level: parse(field(fields, "level"), ChangeLevel::parse)?,
    };
    outcome.criteria = criteria;
    outcome.confidentiality = parse(field(fields, "class"), ConfidentialityMode::parse)?;
    outcome.assumptions = assumptions;
    Ok(outcome)
}

pub async fn harvest(CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>) -> PageResult {
    let outcome = outcome_from(&fields, state.app.today())?;
    let outcome_id = state.app.harvest_outcome(&user.identity, id, outcome).await?;
    Ok(Redirect::to(&outcome_path(id, outcome_id)).into_response())
}
