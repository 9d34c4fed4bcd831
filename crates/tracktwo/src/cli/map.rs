//! `tracktwo map`: an initiative's nine-track system map, in and out of the usual graph formats,
//! its coverage, and the choice of invitees.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::map::{Level, RiskCeiling, Track};
use tracktwo_interchange::Format;

use super::files::{read_text, write_atomically};
use super::{open_app, shape};

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
                std::fs::create_dir_all(&out).with_context(|| format!("cannot create the folder {}", out.display()))?;
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
            println!(
                "Map written to {}: {} actors, {} ties (no registry fields).",
                out.display(),
                file.actors.len(),
                file.ties.len()
            );
        }
        MapCommand::Import { initiative, path, format, replace } => {
            let initiative = shape::initiative(&initiative)?;
            let format = map_format(format.as_deref(), &path)?;
            let (file_text, ties_text) = if format == Format::Csv {
                let ties_path = path.join("ties.csv");
                let ties = if ties_path.exists() { read_text(&ties_path)? } else { String::new() };
                (read_text(&path.join("actors.csv"))?, ties)
            } else {
                (read_text(&path)?, String::new())
            };
            let sides: Vec<String> = app.sides(&key_holder, initiative).await?.into_iter().map(|s| s.name).collect();
            let parsed = tracktwo_interchange::read(format, &file_text, &ties_text, Some(&sides));
            let file = parsed.map_err(|e| anyhow::anyhow!("{e}; nothing was imported"))?;
            let report = app.import_map(&key_holder, initiative, &file, replace).await?;
            println!(
                "Imported {} actors and {} ties{}.",
                report.actors,
                report.ties,
                if report.replaced { ", replacing the previous map" } else { "" }
            );
        }
        MapCommand::Coverage { initiative } => {
            let map = app.system_map(&key_holder, shape::initiative(&initiative)?).await?;
            let report = map.coverage(&Track::ALL, Level::ALL);
            println!("{} actors, {} ties.", map.actors.len(), map.ties.len());
            for cell in &report.cells {
                println!(
                    "track {} ({}), {}, {}: {}",
                    cell.track.number(),
                    cell.track.label(),
                    map.side_name(cell.side),
                    cell.level.label(),
                    cell.actors
                );
            }
            if report.gaps.is_empty() {
                println!("No gaps.");
            }
            for gap in &report.gaps {
                println!("gap: {gap}");
            }
        }
        MapCommand::Ceiling { initiative, per_person, group } => {
            let initiative = shape::initiative(&initiative)?;
            if let (Some(per_person), Some(group)) = (per_person, group) {
                app.set_risk_ceiling(&key_holder, initiative, RiskCeiling { per_person, group }).await?;
            }
            let ceiling = app.risk_ceiling(&key_holder, initiative).await?;
            println!("risk ceiling: {} per person, {} for the group", ceiling.per_person, ceiling.group);
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
            for (i, invitee) in report.chosen.iter().enumerate() {
                let side = map.side_name(map.actor(invitee.actor).and_then(|a| a.details.side));
                println!("{}. {} ({side}): {}", i + 1, map.label(invitee.actor), invitee.explanation);
            }
            for need in &report.unmet {
                println!("unmet: {need}");
            }
            for excluded in &report.excluded {
                println!("not considered: {}: {}", map.label(excluded.actor), excluded.reason);
            }
        }
    }
    Ok(())
}

/// A map file's format: named, or told by the path (a folder is CSV).
fn map_format(named: Option<&str>, path: &Path) -> Result<Format> {
    if let Some(name) = named {
        return Format::parse(name)
            .map_err(|_| anyhow::anyhow!("`{name}` is not a map format: use gexf, graphml, kumu or csv"));
    }
    if path.is_dir() {
        return Ok(Format::Csv);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("gexf") => Ok(Format::Gexf),
        Some("graphml") => Ok(Format::Graphml),
        Some("json") => Ok(Format::KumuJson),
        _ => bail!(
            "cannot tell the format of {} from its name; give --format gexf, graphml, kumu or csv",
            path.display()
        ),
    }
}

fn parse_day(text: &str) -> Result<time::Date> {
    time::Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .with_context(|| format!("`{text}` is not a date as YYYY-MM-DD"))
}
