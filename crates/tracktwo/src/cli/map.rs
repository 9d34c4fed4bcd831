//! `tracktwo map`: an initiative's nine-track system map, in and out of the usual graph formats,
//! its coverage, and the choice of invitees.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::map::{Level, RiskCeiling, Track};
use tracktwo_interchange::{FileAttributes, Format, Mapping, ReadOptions, TrackScheme};
use tracktwo_web::{findings, word};

use super::files::{read_text, write_atomically};
use super::{open_app, shape};
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum MapCommand {
    /// Write the map as GEXF, GraphML, Kumu JSON or CSV. Registry fields are never included.
    Export {
        /// The initiative's id.
        initiative: String,
        /// gexf, graphml, kumu or csv [default: from the file name; csv for a folder].
        #[arg(long)]
        format: Option<String>,
        /// The file to write; for csv, a folder that receives actors.csv and ties.csv.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Read a map file into the initiative: all of it, or nothing if any line is wrong.
    ///
    /// A GEXF or GraphML file made in another tool (Gephi, NetworkX, igraph, …) names its
    /// attributes its own way: run the import without a mapping to list them with a few values,
    /// then map them onto tracktwo's fields with --field and their values with --value. Actors
    /// whose kind, track, level or side the mapping cannot read are imported unplaced and
    /// listed, for the facilitator to place on the actor's page.
    ///
    /// Example: tracktwo map import INITIATIVE karate.gexf --field side=club --field name=label
    /// --value "side:Mr. Hi=Upper Vale" --value level:=grassroots --value tie-kind:=colleague
    #[command(verbatim_doc_comment)]
    Import {
        /// The initiative's id.
        initiative: String,
        /// The file to read; for csv, a folder holding actors.csv and ties.csv.
        path: PathBuf,
        /// gexf, graphml, kumu or csv [default: from the file name; csv for a folder].
        #[arg(long)]
        format: Option<String>,
        /// Replace the current map (its registry entries go too) instead of adding to it.
        #[arg(long)]
        replace: bool,
        /// Map one of tracktwo's fields onto the file's attribute: FIELD=ATTRIBUTE, repeatable.
        /// Fields: code, name, kind, track, tracks, level, side, role, decision-maker, notes,
        /// public-description, tie-kind, strength, directed, valid-from, valid-until, tie-notes.
        /// A field left unmapped is read from an attribute of tracktwo's own name, if any.
        #[arg(long = "field", value_name = "FIELD=ATTRIBUTE")]
        fields: Vec<String>,
        /// Read a value of the file as one of tracktwo's: FIELD:FILE_VALUE=VALUE, repeatable
        /// (track:Gov=government, side:Party A=Upper Vale). An empty FILE_VALUE gives every
        /// node or edge without a value one (level:=grassroots, tie-kind:=colleague).
        #[arg(long = "value", value_name = "FIELD:FILE_VALUE=VALUE")]
        values: Vec<String>,
        /// How the file numbers its tracks, where it does not say: imtd9 (the nine tracks of the
        /// Institute for Multi-Track Diplomacy: 4 private citizens, 5 research, 9 media) or
        /// five (the five-track list: 3 business, 4 citizen exchange, 5 media). Tracks given by
        /// name need none; a file mapped with numbers and no scheme is refused.
        #[arg(long, value_name = "SCHEME")]
        track_scheme: Option<String>,
    },
    /// Print the actors by track, side and level, and the gaps.
    Coverage {
        /// The initiative's id.
        initiative: String,
    },
    /// Choose invitees, each with the reasons for the choice.
    Select {
        /// The initiative's id.
        initiative: String,
        /// How many to invite.
        #[arg(long, default_value_t = 12)]
        invitees: usize,
        /// The map as of this day (YYYY-MM-DD) [default: today].
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Show the risk ceiling every selection in the initiative applies, or set it.
    Ceiling {
        /// The initiative's id.
        initiative: String,
        /// The highest risk score (0-10) of one invitee.
        #[arg(long, requires = "group")]
        per_person: Option<u8>,
        /// The highest summed risk of the group.
        #[arg(long, requires = "per_person")]
        group: Option<u32>,
    },
}

pub(super) async fn run(config: &Config, command: MapCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        MapCommand::Export { initiative, format, out } => {
            let format = match format.as_deref() {
                None if !out.exists() && out.extension().is_none() => Format::Csv,
                named => map_format(named, &out)?,
            };
            let file = app.export_map(&key_holder, shape::initiative(&initiative)?).await?;
            if format == Format::Csv {
                std::fs::create_dir_all(&out).with_context(|| say!("cli-cannot-create-folder", path = out))?;
                for (name, text) in [
                    ("actors.csv", tracktwo_interchange::write_actors_csv(&file)),
                    ("ties.csv", tracktwo_interchange::write_ties_csv(&file)),
                ] {
                    write_atomically(&out.join(name), |w| Ok(w.write_all(text.as_bytes())?))?;
                }
            } else {
                let text = match format {
                    Format::Gexf => tracktwo_interchange::write_gexf(&file),
                    Format::Graphml => tracktwo_interchange::write_graphml(&file),
                    _ => tracktwo_interchange::write_kumu(&file),
                };
                write_atomically(&out, |w| Ok(w.write_all(text.as_bytes())?))?;
            }
            println!("{}", say!("cli-map-written", path = out, actors = file.actors.len(), ties = file.ties.len()));
        }
        MapCommand::Import { initiative, path, format, replace, fields, values, track_scheme } => {
            let initiative = shape::initiative(&initiative)?;
            let format = map_format(format.as_deref(), &path)?;
            let mut mapping = Mapping::new();
            for field in &fields {
                mapping.add_field_argument(field)?;
            }
            for value in &values {
                mapping.add_value_argument(value)?;
            }
            let mapped = !fields.is_empty() || !values.is_empty();
            let track_scheme = track_scheme.as_deref().map(TrackScheme::parse).transpose()?;
            let file_name = path.display().to_string();
            let (file_text, ties_text, ties_name) = if format == Format::Csv {
                let ties_path = path.join("ties.csv");
                let ties = if ties_path.exists() { read_text(&ties_path)? } else { String::new() };
                (read_text(&path.join("actors.csv"))?, ties, Some(ties_path.display().to_string()))
            } else {
                (read_text(&path)?, String::new(), None)
            };
            let actors_name =
                if format == Format::Csv { path.join("actors.csv").display().to_string() } else { file_name.clone() };
            if !mapped && matches!(format, Format::Gexf | Format::Graphml) {
                let listed = tracktwo_interchange::attributes(format, &file_text, &file_name)
                    .map_err(|e| fail!("cli-nothing-imported", reason = e.to_string()))?;
                if !listed.is_tracktwo() {
                    print_attributes(&file_name, &listed);
                    bail!(fail!("cli-map-not-tracktwo-fields", path = file_name));
                }
            }
            let sides: Vec<String> = app.sides(&key_holder, initiative).await?.into_iter().map(|s| s.name).collect();
            let options = ReadOptions {
                file_name: Some(&actors_name),
                ties_name: ties_name.as_deref(),
                sides: Some(&sides),
                mapping: mapped.then_some(&mapping),
                track_scheme,
            };
            let parsed = tracktwo_interchange::read_with(format, &file_text, &ties_text, &options);
            let file = parsed.map_err(|e| fail!("cli-nothing-imported", reason = e.to_string()))?;
            let report = app.import_map(&key_holder, initiative, &file, replace).await?;
            let imported = if report.replaced { "cli-map-imported-replacing" } else { "cli-map-imported" };
            let counts = [
                ("actors", crate::say::Value::Number(i64::try_from(report.actors).unwrap_or(i64::MAX))),
                ("ties", crate::say::Value::Number(i64::try_from(report.ties).unwrap_or(i64::MAX))),
            ];
            println!("{}", crate::say::text(imported, &counts));
            if !report.unplaced.is_empty() {
                println!("{}", say!("cli-map-unplaced", actors = report.unplaced.len()));
                for (code, missing) in &report.unplaced {
                    let missing: Vec<String> =
                        missing.iter().map(|field| say!("cli-map-unplaced-field", field = field)).collect();
                    println!("  {code}: {}", missing.join(", "));
                }
            }
        }
        MapCommand::Coverage { initiative } => {
            let map = app.system_map(&key_holder, shape::initiative(&initiative)?).await?;
            let report = map.coverage(&Track::ALL, Level::ALL);
            let locale = crate::say::locale();
            println!("{}", say!("cli-map-size", actors = map.actors.len(), ties = map.ties.len()));
            for cell in &report.cells {
                println!(
                    "{}",
                    say!(
                        "cli-coverage-cell",
                        track = cell.track.number(),
                        name = word(locale, cell.track),
                        side = map.side_name(cell.side),
                        level = word(locale, cell.level),
                        actors = cell.actors
                    )
                );
            }
            if report.gaps.is_empty() {
                println!("{}", say!("cli-no-gaps"));
            }
            for gap in &report.gaps {
                println!("{}", say!("cli-gap", gap = findings::coverage_gap(locale, gap)));
            }
        }
        MapCommand::Ceiling { initiative, per_person, group } => {
            let initiative = shape::initiative(&initiative)?;
            if let (Some(per_person), Some(group)) = (per_person, group) {
                app.set_risk_ceiling(&key_holder, initiative, RiskCeiling { per_person, group }).await?;
            }
            let ceiling = app.risk_ceiling(&key_holder, initiative).await?;
            println!(
                "{}",
                say!(
                    "cli-risk-ceiling",
                    per_person = ceiling.per_person.to_string(),
                    group = ceiling.group.to_string()
                )
            );
        }
        MapCommand::Select { initiative, invitees, as_of } => {
            let as_of = match as_of {
                Some(text) => parse_day(&text)?,
                None => app.today(),
            };
            let spec = tracktwo_app::map::SelectionSpec {
                candidates: Vec::new(),
                invitees,
                needed_tracks: Track::ALL.to_vec(),
                needed_levels: vec![Level::MiddleRange],
                as_of,
            };
            let (map, report) = app.select_participants(&key_holder, shape::initiative(&initiative)?, &spec).await?;
            let locale = crate::say::locale();
            for (i, invitee) in report.chosen.iter().enumerate() {
                let side = map.side_name(map.actor(invitee.actor).and_then(|a| a.details.side));
                println!(
                    "{}",
                    say!(
                        "cli-invitee",
                        number = i + 1,
                        actor = map.label(invitee.actor),
                        side = side,
                        because = findings::chosen_because(locale, &map, &invitee.because)
                    )
                );
            }
            for (side, need) in &report.unmet_needs {
                println!("{}", say!("cli-unmet", side = side, need = findings::need(locale, *need)));
            }
            for excluded in &report.excluded {
                println!(
                    "{}",
                    say!(
                        "cli-not-considered",
                        actor = map.label(excluded.actor),
                        reason = findings::exclusion(locale, excluded.reason)
                    )
                );
            }
        }
    }
    Ok(())
}

/// Lists a file's attributes, a few values of each, and how to map them.
fn print_attributes(file_name: &str, listed: &FileAttributes) {
    let locale = crate::say::locale();
    println!("{}", say!("cli-map-file-size", path = file_name, nodes = listed.nodes, edges = listed.edges));
    match listed.track_scheme {
        Some(scheme) => {
            println!("{}", say!("cli-map-track-scheme", scheme = word(locale, scheme), code = scheme.as_str()))
        }
        None => println!("{}", say!("cli-map-no-track-scheme")),
    }
    for (of_edges, heading) in [(false, "cli-map-node-attributes"), (true, "cli-map-edge-attributes")] {
        println!("{}", crate::say::text(heading, &[]));
        let mut any = false;
        for attribute in listed.attributes.iter().filter(|a| a.of_edges == of_edges) {
            any = true;
            println!(
                "  {}",
                say!(
                    "cli-map-attribute",
                    name = attribute.name,
                    values = attribute.count,
                    samples = attribute.samples.join(" | ")
                )
            );
        }
        if !any {
            println!("  {}", say!("cli-map-no-attributes"));
        }
    }
    println!("{}", say!("cli-map-fields"));
    for field in tracktwo_interchange::Field::ALL {
        println!("  {:<20} {}", field.as_str(), word(locale, field));
    }
}

/// A map file's format: named, or told by the path (a folder is CSV).
fn map_format(named: Option<&str>, path: &Path) -> Result<Format> {
    if let Some(name) = named {
        return Format::parse(name).map_err(|_| fail!("cli-not-a-map-format", format = name));
    }
    if path.is_dir() {
        return Ok(Format::Csv);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("gexf") => Ok(Format::Gexf),
        Some("graphml") => Ok(Format::Graphml),
        Some("json") => Ok(Format::KumuJson),
        _ => bail!(fail!("cli-map-format-unknown", path = path)),
    }
}

fn parse_day(text: &str) -> Result<time::Date> {
    time::Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .with_context(|| say!("cli-not-a-date", date = text))
}
