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

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn process_nav(id: InitiativeId, may: &Permissions) -> Markup {
    html! {
        nav.sub aria-label="Dialogue process" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/process" } { "Process and rounds" }
            @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                a href={ "/initiatives/" (id) "/options" } { "Options register" }
                a href={ "/initiatives/" (id) "/follow-ups" } { "Follow-ups" }
            }
        }
    }
}

fn stage_text(methodology: Option<Methodology>, stage: Option<u8>) -> String {
    match (methodology, stage) {
        (Some(m), Some(stage)) => {
            let steps = m.template();
            let name = steps.get(usize::from(stage).saturating_sub(1)).copied().unwrap_or("");
            format!("{stage} of {}: {name}", steps.len())
        }
        (None, Some(stage)) => format!("step {stage}"),
        _ => "not recorded".to_owned(),
    }
}
