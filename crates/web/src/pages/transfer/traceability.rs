//! The readout page's figures on how much of the text names its copy, for the option the readout
//! has and for the other, so that a convener can weigh wording variants before release.

use maud::{Markup, html};
use tracktwo_app::transfer::TraceabilityPreview;
use tracktwo_i18n::{Arg, Locale, text, text_with};

fn share(locale: Locale, value: f64) -> String {
    locale.percent(100.0 * value, 0)
}

pub fn traceability_section(locale: Locale, preview: &TraceabilityPreview, wording_variants: bool) -> Markup {
    let say = |id: &str| text(locale, id);
    let chosen = preview.chosen(wording_variants);
    let other = preview.chosen(!wording_variants);
    let (chosen_label, other_label) = if wording_variants {
        (say("transfer-variants-on-this"), say("transfer-variants-off"))
    } else {
        (say("transfer-variants-off-this"), say("transfer-variants-on"))
    };
    let rate = |n: f64| locale.decimal(n, 1);
    html! {
        h2 { (say("transfer-how-much-text-names")) }
        p #traceability-rate {
            (text_with(locale, "transfer-traceability-rate", &[
                ("sites", Arg::count(chosen.variable_sites)),
                ("words", Arg::count(chosen.words)),
                ("rate", Arg::Text(&rate(chosen.sites_per_100_words()))),
                ("other", Arg::Text(&other_label)),
                ("other_sites", Arg::count(other.variable_sites)),
                ("other_rate", Arg::Text(&rate(other.sites_per_100_words()))),
            ]))
        }
        @if !chosen.reach.is_empty() {
            div.scroll tabindex="0" role="region" aria-label=(say("transfer-how-much-text-names")) { table #traceability {
                caption { (text_with(locale, "transfer-share-caption", &[("copies", Arg::count(chosen.copies))])) }
                thead { tr { th scope="col" { (say("transfer-passage")) } th scope="col" { (chosen_label) } th scope="col" { (other_label) } } }
                tbody {
                    @for (mine, theirs) in chosen.reach.iter().zip(&other.reach) { tr {
                        th scope="row" { (text_with(locale, "transfer-sentences", &[("count", Arg::count(mine.sentences))])) }
                        td.reach { (share(locale, mine.share_named)) }
                        td.reach { (share(locale, theirs.share_named)) }
                    } }
                }
            } }
            p.muted { (text_with(locale, "transfer-counted-among", &[("copies", Arg::count(tracktwo_app::transfer::NOMINAL_COPIES))])) }
        }
    }
}
