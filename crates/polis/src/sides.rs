//! A sides file: `participant,side`, the side each participant declared in a dialogue. Not part
//! of a Pol.is export; the engine analyses the sides next to the groups it finds.

use std::io::{Read, Write};

use crate::error::PolisError;
use crate::interner::Interner;
use crate::table::Table;

/// Declared sides, by the engine's participant index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sides {
    /// For each participant (in the order of the conversation's `participant_ids`), the index of
    /// their side in `names`, `None` where they declared none.
    pub of_participant: Vec<Option<u32>>,
    /// Side names as written (trimmed), in order of first appearance.
    pub names: Vec<String>,
}

/// Reads a sides file against a conversation's participants. A participant with a side but no
/// vote changes nothing and is skipped; so is an empty side.
pub fn read_sides(reader: impl Read, name: &str, participant_ids: &[i64]) -> Result<Sides, PolisError> {
    let mut index = Interner::default();
    for &id in participant_ids {
        index.index(id);
    }
    let mut table = Table::new(reader, name)?;
    let participant = table.required_column("participant")?;
    let side = table.required_column("side")?;
    let mut sides = Sides { of_participant: vec![None; participant_ids.len()], names: Vec::new() };
    while table.advance()? {
        let id = table.integer(participant, "participant")?;
        let name = table.text(Some(side)).trim().to_owned();
        if name.is_empty() {
            continue;
        }
        let Some(p) = index.get(id) else { continue };
        let s = match sides.names.iter().position(|n| *n == name) {
            Some(s) => s,
            None => {
                sides.names.push(name);
                sides.names.len() - 1
            }
        };
        sides.of_participant[p] = Some(s as u32);
    }
    Ok(sides)
}

/// Writes a sides file: one line per (participant id, side name), in the order given. Reading
/// trims names, so surrounding spaces do not survive a round trip.
pub fn write_sides<S: AsRef<str>>(
    writer: impl Write,
    sides: impl IntoIterator<Item = (i64, S)>,
) -> std::io::Result<()> {
    let mut out = csv::WriterBuilder::new().from_writer(writer);
    out.write_record(["participant", "side"])?;
    for (participant, side) in sides {
        out.write_record([participant.to_string().as_str(), tracktwo_spreadsheet::inert(side.as_ref()).as_ref()])?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_follow_the_conversation_participants() {
        let mut file = Vec::new();
        write_sides(&mut file, [(9, "North"), (4, "South, east"), (7, "North"), (5, " ")]).unwrap();
        let sides = read_sides(file.as_slice(), "sides.csv", &[4, 7, 8, 5]).unwrap();
        assert_eq!(sides.names, vec!["South, east".to_owned(), "North".to_owned()]);
        assert_eq!(sides.of_participant, vec![Some(0), Some(1), None, None]);
        let error = read_sides("participant,side\nme,North\n".as_bytes(), "sides.csv", &[]).unwrap_err();
        assert_eq!(error.to_string(), "sides.csv line 2: `participant` is `me`, not an integer");
    }
}
