//! An initiative's questionnaires: the list, and the form that composes one from the item bank.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_domain::measures::{ResponseScale, item_bank};
use tracktwo_domain::questionnaire::{DEFAULT_RELIABILITY, Questionnaire};
use tracktwo_domain::{Operation, RoundId};
use tracktwo_i18n::{Arg, text, text_with};

use super::{construct_text, measures_path, questionnaire_path, stage_text};
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::page;

pub async fn questionnaires(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let list = state.app.questionnaires(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ReadMeasures).await?;
    let team = may.allows(Operation::ComposeQuestionnaire);
    let rounds = if team { state.app.process_overview(&user.identity, id).await?.rounds } else { Vec::new() };
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    Ok(page(
        &say("measures-title"),
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (say("measures-back-to-initiative")) } }
            h1 { (say("measures-title")) }
            p.muted { (say("measures-intro")) }
            @if list.is_empty() { p { (say("measures-none")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("measures-title")) { table #questionnaires {
                    thead { tr {
                        th scope="col" { (say("measures-column-questionnaire")) }
                        th scope="col" { (say("measures-column-stage")) }
                        @if team {
                            th.num scope="col" { (say("measures-column-before")) }
                            th.num scope="col" { (say("measures-column-after")) }
                            th.num scope="col" { (say("measures-column-paired")) }
                        }
                    } }
                    tbody { @for q in &list { tr {
                        td { a href=(questionnaire_path(id, q.id)) dir="auto" { (q.questionnaire.title) } }
                        td { (stage_text(locale, q.questionnaire.stage)) }
                        @if team {
                            td.num { (locale.number(q.counts.before)) } td.num { (locale.number(q.counts.after)) } td.num { (locale.number(q.counts.paired)) }
                        }
                    } } }
                } }
            }
            @if team {
                h2 { (say("measures-compose-heading")) }
                p.muted { (say("measures-compose-intro")) }
                form.stack #compose method="post" action=(measures_path(id)) {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("measures-compose-title")) input name="title" required; }
                    label { (say("measures-compose-round"))
                        select name="round" {
                            option value="" { (say("measures-compose-no-round")) }
                            @for (round_id, round, _) in &rounds { option value=(round_id) dir="auto" { (round.number) ". " (round.title) } }
                        }
                    }
                    fieldset {
                        legend { (say("measures-compose-items")) }
                        @for item in item_bank() {
                            label.check {
                                input type="checkbox" name="item" value=(item.id);
                                span lang="en" dir="ltr" { (item.text("…")) }
                                " "
                                span.muted { "(" (construct_text(locale, item.construct)) ", "
                                    (match item.scale { ResponseScale::Thermometer => say("measures-scale-thermometer"), ResponseScale::Likert { points, .. } => text_with(locale, "measures-scale-likert", &[("points", Arg::count(points))]) })
                                    @if item.reverse_scored { ", " (say("measures-reverse-scored")) }
                                    ")" }
                                br;
                                small.muted lang="en" dir="ltr" { (item.source.citation()) }
                            }
                        }
                    }
                    label { (say("measures-compose-reliability"))
                        input name="reliability" value=(DEFAULT_RELIABILITY) inputmode="decimal";
                    }
                    p.muted { (say("measures-compose-reliability-note")) }
                    button type="submit" { (say("measures-compose-submit")) }
                }
            }
        },
    ))
}

pub async fn compose(CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>) -> PageResult {
    let round = match field(&fields, "round").trim() {
        "" => None,
        text => Some(text.parse::<RoundId>().map_err(|_| invalid("round", "is not known"))?),
    };
    let items: Vec<String> = fields.iter().filter(|(k, _)| k == "item").map(|(_, v)| v.clone()).collect();
    let mut questionnaire = Questionnaire::new(round, field(&fields, "title"), items);
    match field(&fields, "reliability").trim() {
        "" => {}
        text => questionnaire.reliability = text.parse().map_err(|_| invalid("reliability", "is not a number"))?,
    }
    let questionnaire = state.app.compose_questionnaire(&user.identity, id, questionnaire).await?;
    Ok(Redirect::to(&questionnaire_path(id, questionnaire)).into_response())
}
