//! Importing a map, all or nothing.

use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_interchange::Format;

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, posted_forms};
use crate::forms::invalid;
use crate::pages::layout::{import_refused, page};

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csrf: String,
    format: String,
    file: String,
    #[serde(default)]
    ties: String,
    #[serde(default)]
    replace: String,
}

pub async fn import(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<ImportForm, InitiativePath>,
) -> PageResult {
    let format = Format::parse(&form.format).map_err(|_| invalid("format", "must be csv, gexf, graphml or kumu"))?;
    let imported =
        state.app.import_map_files(&user.identity, id, format, &form.file, &form.ties, !form.replace.is_empty()).await;
    let report = match imported {
        Ok(report) => report,
        Err(refused @ AppError::Import { .. }) => {
            return Ok(import_refused(&user, &refused.to_string(), &format!("/initiatives/{id}/map/transfer")));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(page(
        "Imported",
        &user,
        html! {
            h1 { "Imported" }
            p #import-result { (report.actors) " actors and " (report.ties) " ties imported"
                @if report.replaced { ", replacing the previous map" } "." }
            p { a href={ "/initiatives/" (id) "/map" } { "See the map" } }
        },
    ))
}

posted_forms!(ImportForm);
