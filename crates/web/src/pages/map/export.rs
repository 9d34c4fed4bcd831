//! The map's files: the import and export page, and the export in each format.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::html;
use tracktwo_domain::Operation;

use super::map_nav;
use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit, Visit};
use crate::forms::invalid;
use crate::pages::FormatQuery;
use crate::pages::layout::page;

pub async fn transfer_page(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    // The page offers the map's files: refused as reading the map would be.
    let may = state.app.permissions(&user.identity, id, Operation::ReadMap).await?;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        &say("map-import-and-export"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-import-and-export")) }
            h2 { (say("map-export")) }
            p.muted { (say("map-exports-hold-what-you")) }
            ul #exports {
                li { a href={ "/initiatives/" (id) "/map/export?format=gexf" } { (say("map-gexf-gephi")) } }
                li { a href={ "/initiatives/" (id) "/map/export?format=graphml" } { (say("map-graphml")) } }
                li { a href={ "/initiatives/" (id) "/map/export?format=kumu" } { (say("map-kumu-json")) } }
                li { a href={ "/initiatives/" (id) "/map/export?format=actors-csv" } { (say("map-actors-csv")) } }
                li { a href={ "/initiatives/" (id) "/map/export?format=ties-csv" } { (say("map-ties-csv")) } }
            }
            @if may_write {
                h2 { (say("map-import")) }
                p.muted { (say("map-all-or-nothing-the")) }
                form.stack method="post" action={ "/initiatives/" (id) "/map/import" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("map-format"))
                        select name="format" { option value="csv" { (say("map-csv-actors-and-ties")) } option value="gexf" { (say("map-gexf")) } option value="graphml" { (say("map-graphml")) } option value="kumu" { (say("map-kumu-json")) } }
                    }
                    label { (say("map-the-file-s-name")) input type="text" name="file_name"; }
                    label { (say("map-the-file-for-csv")) textarea name="file" required {} }
                    label { (say("map-ties-csv-csv-only")) textarea name="ties" {} }
                    label.check { input type="checkbox" name="replace" value="yes"; (say("map-replace-the-current-map")) }
                    button type="submit" { (say("map-import")) }
                }
            }
        },
    ))
}

pub async fn export(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<FormatQuery, InitiativePath>,
) -> PageResult {
    let (body, content_type, name) = match query.format.as_str() {
        "gexf" => (None, "application/gexf+xml", "map.gexf"),
        "graphml" => (None, "application/graphml+xml", "map.graphml"),
        "kumu" => (None, "application/json", "map.kumu.json"),
        "actors-csv" => (Some(true), "text/csv; charset=utf-8", "actors.csv"),
        "ties-csv" => (Some(false), "text/csv; charset=utf-8", "ties.csv"),
        _ => return Err(invalid("format", "must be gexf, graphml, kumu, actors-csv or ties-csv")),
    };
    let file = state.app.export_map(&user.identity, id).await?;
    let text = match (body, query.format.as_str()) {
        (Some(true), _) => tracktwo_interchange::write_actors_csv(&file),
        (Some(false), _) => tracktwo_interchange::write_ties_csv(&file),
        (None, "gexf") => tracktwo_interchange::write_gexf(&file),
        (None, "graphml") => tracktwo_interchange::write_graphml(&file),
        (None, _) => tracktwo_interchange::write_kumu(&file),
    };
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type)), (header::CONTENT_DISPOSITION, disposition)],
        text,
    )
        .into_response())
}
