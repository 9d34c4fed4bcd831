//! The readout page's figures on how much of the text names its copy, for the option the readout
//! has and for the other, so that a convener can weigh wording variants before release.

use maud::{Markup, html};
use tracktwo_app::transfer::TraceabilityPreview;

fn share(value: f64) -> String {
    format!("{:.0} %", 100.0 * value)
}

fn sentences(n: usize) -> String {
    if n == 1 { "1 sentence".to_owned() } else { format!("{n} consecutive sentences") }
}

pub fn traceability_section(preview: &TraceabilityPreview, wording_variants: bool) -> Markup {
    let chosen = preview.chosen(wording_variants);
    let other = preview.chosen(!wording_variants);
    let (chosen_label, other_label) = if wording_variants {
        ("wording variants on (this readout)", "wording variants off")
    } else {
        ("wording variants off (this readout)", "wording variants on")
    };
    html! {
        h2 { "How much text names a copy" }
        p #traceability-rate {
            "Each copy carries " (chosen.variable_sites) " variable sites in " (chosen.words) " words ("
            (format!("{:.1}", chosen.sites_per_100_words())) " per 100 words); with " (other_label) ", "
            (other.variable_sites) " (" (format!("{:.1}", other.sites_per_100_words())) " per 100 words)."
        }
        @if !chosen.reach.is_empty() {
            table #traceability {
                caption { "Share of the readout's passages that name their copy among " (chosen.copies) " copies, quoted word for word" }
                thead { tr { th scope="col" { "Passage" } th scope="col" { (chosen_label) } th scope="col" { (other_label) } } }
                tbody {
                    @for (mine, theirs) in chosen.reach.iter().zip(&other.reach) { tr {
                        th scope="row" { (sentences(mine.sentences)) }
                        td.reach { (share(mine.share_named)) }
                        td.reach { (share(theirs.share_named)) }
                    } }
                }
            }
            p.muted { "Counted among the copies issued, or " (tracktwo_app::transfer::NOMINAL_COPIES) " before any is. These are the best case: retyping, edits and a journalist's framing lose some sites, so a real leak needs somewhat more text." }
        }
    }
}
