//! The dialogue process's pages: the design and the rounds, each meeting (whole for the team,
//! its summary for everyone else), fast note capture by speaker code, attendance, the speaker
//! key, the options register, follow-ups, and meeting summaries as HTML and PDF.

pub(crate) mod attendance;
pub(crate) mod follow_ups;
pub(crate) mod meeting;
pub(crate) mod notes;
pub(crate) mod options;
pub(crate) mod process;
pub(crate) mod speakers;
pub(crate) mod summary;

use maud::{Markup, html};
use tracktwo_app::Permissions;
use tracktwo_domain::dialogue::Methodology;
use tracktwo_domain::{InitiativeId, Operation, Scope};

use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::pages::words;

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn process_nav(locale: Locale, id: InitiativeId, may: &Permissions) -> Markup {
    let say = |id: &str| text(locale, id);
    html! {
        nav.sub aria-label=(say("dialogue-process-nav")) {
            a href={ "/initiatives/" (id) } { (say("dialogue-initiative")) }
            a href={ "/initiatives/" (id) "/process" } { (say("dialogue-process-and-rounds")) }
            @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                a href={ "/initiatives/" (id) "/options" } { (say("dialogue-options-register")) }
                a href={ "/initiatives/" (id) "/follow-ups" } { (say("dialogue-follow-ups")) }
            }
        }
    }
}

fn stage_text(locale: Locale, methodology: Option<Methodology>, stage: Option<u8>) -> String {
    match (methodology, stage) {
        (Some(m), Some(stage)) => {
            let steps = m.template().len();
            let name = words::methodology_step(locale, m, usize::from(stage)).unwrap_or_default();
            let args = [("stage", Arg::count(stage)), ("steps", Arg::count(steps)), ("name", Arg::Text(&name))];
            text_with(locale, "dialogue-stage-of", &args)
        }
        (None, Some(stage)) => text_with(locale, "dialogue-step", &[("stage", Arg::count(stage))]),
        _ => text(locale, "dialogue-not-recorded"),
    }
}
