//! Importing a map, all or nothing; a map made in another tool first through a mapping of its
//! attributes onto tracktwo's fields.
//!
//! The mapping form carries the file's text on in a hidden field: the upload is never written
//! to disk between the two steps, and the request size limit bounds it as it bounds the first.

use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_app::map::ImportSource;
use tracktwo_domain::{InitiativeId, Operation};
use tracktwo_interchange::{Field, FileAttributes, Format, Mapping, TrackScheme};

use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::{import_refused, page};
use crate::pages::words;
use crate::refusals::Refusal;
use crate::session::SignedIn;

/// The form field that selects the attribute for one of tracktwo's fields.
fn field_input(field: Field) -> String {
    format!("map-{}", field.as_str())
}

pub async fn import(CsrfForm(state, user, InitiativePath(id), form): CsrfForm<Pairs, InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let format =
        Format::parse(field(&form, "format")).map_err(|_| invalid("format", "must be csv, gexf, graphml or kumu"))?;
    let (file, ties) = (field(&form, "file"), field(&form, "ties"));
    let replace = !field(&form, "replace").is_empty();
    let file_name = Some(field(&form, "file_name").trim()).filter(|name| !name.is_empty());
    let back = format!("/initiatives/{id}/map/transfer");
    let refused = |refusal: Refusal| Ok(import_refused(&user, refusal.html(locale), &back));
    let track_scheme = match field(&form, "track_scheme").trim() {
        "" => None,
        named => Some(TrackScheme::parse(named).map_err(|_| invalid("track scheme", "must be imtd9 or five"))?),
    };
    let mapped = field(&form, "mapped") == "yes";
    let mut mapping = Mapping::new();
    if mapped {
        for tracktwo_field in Field::ALL {
            let attribute = field(&form, &field_input(tracktwo_field));
            if !attribute.trim().is_empty()
                && let Err(error) = mapping.map_field(tracktwo_field, attribute)
            {
                return refused(Refusal::of_mapping(&error));
            }
        }
        for line in field(&form, "values").lines().filter(|line| !line.trim().is_empty()) {
            if let Err(error) = mapping.add_value_argument(line.trim()) {
                return refused(Refusal::of_mapping(&error));
            }
        }
    } else if matches!(format, Format::Gexf | Format::Graphml) {
        // Refused as the import itself would be, before the file is read.
        state.app.permissions(&user.identity, id, Operation::WriteMap).await?;
        let shown_name = file_name.unwrap_or(if format == Format::Gexf { "map.gexf" } else { "map.graphml" });
        match tracktwo_interchange::attributes(format, file, shown_name) {
            Err(error) => return refused(Refusal::of_import(&error)),
            Ok(listed) if !listed.is_tracktwo() => {
                return Ok(mapping_page(&user, id, format, &form, shown_name, &listed));
            }
            Ok(_) => {}
        }
    }
    let source = ImportSource { format, file, ties, file_name, mapping: mapped.then_some(&mapping), track_scheme };
    let report = match state.app.import_map_files(&user.identity, id, source, replace).await {
        Ok(report) => report,
        Err(refusal @ AppError::Import { .. }) => return refused(Refusal::of(&refusal)),
        Err(other) => return Err(other.into()),
    };
    Ok(page(
        &say("map-imported"),
        &user,
        html! {
            h1 { (say("map-imported")) }
            p #import-result {
                @let counts = [("actors", Arg::count(report.actors)), ("ties", Arg::count(report.ties))];
                @if report.replaced { (text_with(locale, "map-imported-replacing", &counts)) } @else { (text_with(locale, "map-imported-counts", &counts)) }
            }
            @if !report.unplaced.is_empty() {
                h2 { (say("map-unplaced-actors")) }
                p { (say("map-the-mapping-could-not")) }
                ul #unplaced {
                    @for (code, missing) in &report.unplaced {
                        li { bdi { (code) } " — " (text_with(locale, "map-missing-fields", &[("fields", Arg::Text(&missing.join(", ")))])) }
                    }
                }
            }
            p { a href={ "/initiatives/" (id) "/map" } { (say("map-see-the-map")) } }
        },
    ))
}

/// The second step for a map made elsewhere: the file's attributes, a few values of each, and a
/// choice of attribute for each of tracktwo's fields.
fn mapping_page(
    user: &SignedIn,
    id: InitiativeId,
    format: Format,
    form: &Pairs,
    file_name: &str,
    listed: &FileAttributes,
) -> axum::response::Response {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let attribute_names = |of_edges: bool| -> Vec<&str> {
        listed.attributes.iter().filter(|a| a.of_edges == of_edges).map(|a| a.name.as_str()).collect()
    };
    let select = |tracktwo_field: Field| -> Markup {
        let names = attribute_names(tracktwo_field.of_ties());
        html! {
            label { code { (tracktwo_field.as_str()) } " — " span.muted { (words::of(locale, tracktwo_field)) }
                select name=(field_input(tracktwo_field)) {
                    option value="" { (say("map-not-in-the-file")) }
                    @for name in &names { option value=(name) { (name) } }
                }
            }
        }
    };
    page(
        &say("map-map-the-file-s"),
        user,
        html! {
            h1 { (say("map-map-the-file-s")) }
            p { (text_with(locale, "map-file-holds", &[("file", Arg::Text(file_name)), ("nodes", Arg::count(listed.nodes)), ("edges", Arg::count(listed.edges))])) " "
                (say("map-choose-which-attribute-holds")) }
            div.scroll tabindex="0" role="region" aria-label=(say("map-map-the-file-s")) { table #file-attributes {
                thead { tr { th scope="col" { (say("map-attribute")) } th scope="col" { (say("map-of")) } th scope="col" { (say("map-values")) } th scope="col" { (say("map-for-example")) } } }
                tbody {
                    @for attribute in &listed.attributes {
                        tr { td dir="auto" { (attribute.name) } td { @if attribute.of_edges { (say("map-edges-ties")) } @else { (say("map-nodes-actors")) } }
                             td { (locale.number(attribute.count)) } td dir="auto" { (attribute.samples.join(" | ")) } }
                    }
                }
            } }
            form.stack method="post" action={ "/initiatives/" (id) "/map/import" } #mapping {
                input type="hidden" name="csrf" value=(user.csrf());
                input type="hidden" name="mapped" value="yes";
                input type="hidden" name="format" value=(format.as_str());
                input type="hidden" name="file_name" value=(file_name);
                input type="hidden" name="file" value=(field(form, "file"));
                @if !field(form, "replace").is_empty() { input type="hidden" name="replace" value="yes"; }
                fieldset { legend { (say("map-actors")) } @for f in Field::ALL.into_iter().filter(|f| !f.of_ties()) { (select(f)) } }
                fieldset { legend { (say("map-ties")) } @for f in Field::ALL.into_iter().filter(|f| f.of_ties()) { (select(f)) } }
                label { (say("map-track-numbers-follow"))
                    select name="track_scheme" {
                        @if let Some(declared) = listed.track_scheme {
                            option value=(declared.as_str()) { (words::of(locale, declared)) " " (say("map-declared-by-the-file")) }
                        } @else {
                            option value="" { (say("map-tracks-are-given-by")) }
                            @for scheme in TrackScheme::ALL { option value=(scheme.as_str()) { (words::of(locale, scheme)) } }
                        }
                    }
                }
                label { (say("map-values-one-per-line"))
                    textarea name="values" {} }
                button type="submit" { (say("map-import")) }
            }
        },
    )
}
