//! The map's files: the import and export page, and the export in each format.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::html;
use tracktwo_domain::Operation;

use super::map_nav;
use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit, Visit};
use crate::forms::invalid;
use crate::pages::FormatQuery;
use crate::pages::layout::page;

pub async fn transfer_page(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    // The page offers the map's files: refused as reading the map would be.
    let may = state.app.permissions(&user.identity, id, Operation::ReadMap).await?;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        "Import and export",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Import and export" }
            h2 { "Export" }
            p.muted { "Exports hold what you may see of the map: names only for the convening team, never the registry. GEXF and GraphML open in Gephi, NetworkX and igraph: directed graphs in which an undirected tie says so (directed = false); track numbers follow the nine tracks of the Institute for Multi-Track Diplomacy, as each file declares." }
            ul #exports {
                li { a href={ "/initiatives/" (id) "/map/export?format=gexf" } { "GEXF (Gephi)" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=graphml" } { "GraphML" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=kumu" } { "Kumu JSON" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=actors-csv" } { "Actors (CSV)" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=ties-csv" } { "Ties (CSV)" } }
            }
            @if may_write {
                h2 { "Import" }
                p.muted { "All or nothing: the first problem, with its line, stops the import and nothing is kept. Sides are matched by name. A GEXF or GraphML file made in another tool is read through a mapping of its attributes, chosen on the next page; actors it cannot place are imported unplaced, for you to place." }
                form.stack method="post" action={ "/initiatives/" (id) "/map/import" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Format"
                        select name="format" { option value="csv" { "CSV (actors and ties)" } option value="gexf" { "GEXF" } option value="graphml" { "GraphML" } option value="kumu" { "Kumu JSON" } }
                    }
                    label { "The file's name (named in any message about it)" input type="text" name="file_name"; }
                    label { "The file (for CSV: actors.csv)" textarea name="file" required {} }
                    label { "ties.csv (CSV only)" textarea name="ties" {} }
                    label.check { input type="checkbox" name="replace" value="yes"; "Replace the current map (its registry entries go too)" }
                    button type="submit" { "Import" }
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
