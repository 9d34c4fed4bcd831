//! Values as every format spells them: tracks by number, yes/no, `YYYY-MM-DD` days. Parsers
//! return a message that names the field and quotes only enumerated values, never free text.

use std::collections::BTreeSet;

use time::Date;
use time::macros::format_description;
use tracktwo_domain::ValidationError;
use tracktwo_domain::map::{ActorKind, Level, TieKind, Track};

use crate::mapping::TrackScheme;
use crate::{Excerpt, ImportProblem};

/// A value between backticks, cut short if long.
pub(crate) fn quoted(value: &str) -> String {
    Excerpt::of(value).to_string()
}

fn unknown(field: &str, error: ValidationError) -> ImportProblem {
    match error {
        ValidationError::UnknownValue { field: what, value } => {
            ImportProblem::UnknownValue { field: field.to_owned(), value: Excerpt::of(&value), what }
        }
        reason => ImportProblem::RefusedValue { field: field.to_owned(), reason },
    }
}

/// A track by its name in English (`government`, `Private citizens`, `conflict resolution`), or
/// by its number under `scheme`; a number without a scheme is refused, never guessed.
pub(crate) fn track_in(field: &str, value: &str, scheme: Option<TrackScheme>) -> Result<Track, ImportProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ImportProblem::EmptyValue { field: field.to_owned() });
    }
    // Tools write whole numbers as floating point (`4.0`).
    let number = value.parse::<u8>().ok().or_else(|| value.strip_suffix(".0").and_then(|whole| whole.parse().ok()));
    if let Some(number) = number {
        let Some(scheme) = scheme else {
            return Err(ImportProblem::TrackNumberWithoutScheme { field: field.to_owned(), value: Excerpt::of(value) });
        };
        return scheme.track(number).ok_or_else(|| ImportProblem::NotATrackOfScheme {
            field: field.to_owned(),
            value: Excerpt::of(value),
            scheme,
        });
    }
    let folded = value.to_lowercase().replace(['-', '_'], " ");
    Track::ALL
        .into_iter()
        .find(|track| {
            track.as_str().replace('-', " ") == folded
                || track.label().to_lowercase() == folded
                || track_aliases(*track).contains(&folded.as_str())
        })
        .ok_or_else(|| ImportProblem::UnknownTrack { field: field.to_owned(), value: Excerpt::of(value) })
}

/// Other English names the field gives the tracks.
fn track_aliases(track: Track) -> &'static [&'static str] {
    match track {
        Track::Government => &["official", "track one", "track 1"],
        Track::ConflictResolution => &["conflict resolution", "nongovernmental", "non governmental", "professional"],
        Track::Business => &["commerce", "private sector"],
        Track::PrivateCitizens => &["citizens", "private citizen", "citizen exchange", "civil society"],
        Track::Research => &["research training and education", "education", "training", "academia"],
        Track::Activism => &["peace activism", "advocacy"],
        Track::Religion => &["faith", "religious"],
        Track::Funding => &["philanthropy", "donors"],
        Track::Media => &["communications", "communications and media", "public opinion"],
    }
}

/// Tracks separated by `;` (or `,` or `|`, as spreadsheets and Kumu list them); empty is none;
/// numbers read under `scheme`.
pub(crate) fn tracks_in(
    field: &str,
    value: &str,
    scheme: Option<TrackScheme>,
) -> Result<BTreeSet<Track>, ImportProblem> {
    value
        .split([';', ',', '|'])
        .filter(|part| !part.trim().is_empty())
        .map(|part| track_in(field, part, scheme))
        .collect()
}

/// Tracks by number, `;`-separated, in order: `1;5`.
pub(crate) fn format_tracks(tracks: &BTreeSet<Track>) -> String {
    tracks.iter().map(|track| track.number().to_string()).collect::<Vec<_>>().join(";")
}

pub(crate) fn level(field: &str, value: &str) -> Result<Level, ImportProblem> {
    Level::parse(value).map_err(|e| unknown(field, e))
}

pub(crate) fn actor_kind(field: &str, value: &str) -> Result<ActorKind, ImportProblem> {
    ActorKind::parse(value).map_err(|e| unknown(field, e))
}

/// A tie kind by its name in files (`back-channel-to`) or as people write it (`back channel to`).
pub(crate) fn tie_kind(field: &str, value: &str) -> Result<TieKind, ImportProblem> {
    TieKind::parse(value)
        .or_else(|_| TieKind::parse(&value.trim().replace(' ', "-")))
        .map_err(|_| ImportProblem::UnknownTieKind { field: field.to_owned(), value: Excerpt::of(value.trim()) })
}

/// `yes`/`no`, and `true`/`false` as GEXF, GraphML and spreadsheets write booleans.
pub(crate) fn yes_no(field: &str, value: &str) -> Result<bool, ImportProblem> {
    let value = value.trim();
    if ["yes", "true"].iter().any(|v| v.eq_ignore_ascii_case(value)) {
        Ok(true)
    } else if ["no", "false"].iter().any(|v| v.eq_ignore_ascii_case(value)) {
        Ok(false)
    } else {
        Err(ImportProblem::NeitherYesNorNo { field: field.to_owned(), value: Excerpt::of(value) })
    }
}

pub(crate) fn yes_no_text(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// 1 to 5, written as a whole number; `3.0` is accepted because GEXF and GraphML weights are
/// floating point and tools rewrite them so.
pub(crate) fn strength(field: &str, value: &str) -> Result<u8, ImportProblem> {
    let value = value.trim();
    let whole = value.parse::<u8>().ok().or_else(|| {
        let float = value.parse::<f64>().ok()?;
        // `as` saturates and truncates; the checks make the conversion exact.
        (float.fract() == 0.0 && (0.0..=255.0).contains(&float)).then_some(float as u8)
    });
    match whole {
        Some(strength) => Ok(strength),
        None => Err(ImportProblem::NotAStrength { field: field.to_owned(), value: Excerpt::of(value) }),
    }
}

/// A day as `YYYY-MM-DD`, or `None` for an empty value.
pub(crate) fn date(field: &str, value: &str) -> Result<Option<Date>, ImportProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| ImportProblem::NotADay { field: field.to_owned(), value: Excerpt::of(value) })
}

pub(crate) fn format_date(day: Date) -> String {
    // Formatting a calendar date with this description fails only for years beyond four digits,
    // which `Date` cannot hold without the `large-dates` feature.
    day.format(format_description!("[year]-[month]-[day]")).unwrap_or_else(|_| day.to_string())
}

/// An optional text: blank means absent.
pub(crate) fn optional(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_quoted_only_in_part() {
        assert_eq!(quoted("ten"), "`ten`");
        assert_eq!(quoted(&"x".repeat(30)), format!("`{}…`", "x".repeat(24)));
    }

    fn tracks(field: &str, value: &str) -> Result<BTreeSet<Track>, ImportProblem> {
        tracks_in(field, value, Some(TrackScheme::Imtd9))
    }

    #[test]
    fn tracks_take_numbers_and_names_in_any_separator() {
        assert_eq!(tracks("tracks", "1;5").unwrap(), BTreeSet::from([Track::Government, Track::Research]));
        assert_eq!(tracks("tracks", " 9 | media,;").unwrap(), BTreeSet::from([Track::Media]));
        assert!(tracks("tracks", "").unwrap().is_empty());
        assert_eq!(
            tracks("tracks", "1;10").unwrap_err().to_string(),
            "tracks: `10` is not a track of the scheme imtd9"
        );
        assert_eq!(tracks("tracks", "war").unwrap_err().to_string(), "tracks: `war` is not a known track");
        assert_eq!(format_tracks(&BTreeSet::from([Track::Research, Track::Government])), "1;5");
    }

    #[test]
    fn track_numbers_need_a_scheme_and_names_do_not() {
        assert_eq!(track_in("track", "4", Some(TrackScheme::Imtd9)), Ok(Track::PrivateCitizens));
        assert_eq!(track_in("track", "5", Some(TrackScheme::Imtd9)), Ok(Track::Research));
        assert_eq!(track_in("track", "5.0", Some(TrackScheme::Five)), Ok(Track::Media));
        assert!(track_in("track", "5", None).unwrap_err().to_string().contains("declares no track scheme"));
        for (name, track) in [
            ("Government", Track::Government),
            ("private citizens", Track::PrivateCitizens),
            ("Communications and media", Track::Media),
            ("conflict_resolution", Track::ConflictResolution),
            ("Research, training and education", Track::Research),
        ] {
            assert_eq!(track_in("track", name, None), Ok(track), "{name}");
        }
    }

    #[test]
    fn strengths_are_whole_numbers() {
        assert_eq!(strength("weight", "3"), Ok(3));
        assert_eq!(strength("weight", "4.0"), Ok(4));
        assert!(strength("weight", "2.5").is_err());
        assert!(strength("weight", "-1").is_err());
        assert!(strength("weight", "NaN").is_err());
        assert!(strength("weight", "1e300").is_err());
    }

    #[test]
    fn days_are_iso_dates() {
        let day = Date::from_calendar_date(2025, time::Month::March, 9).unwrap();
        assert_eq!(date("valid_from", "2025-03-09"), Ok(Some(day)));
        assert_eq!(format_date(day), "2025-03-09");
        assert_eq!(date("valid_from", " "), Ok(None));
        assert_eq!(
            date("valid_from", "9/3/2025").unwrap_err().to_string(),
            "valid_from: `9/3/2025` is not a day written YYYY-MM-DD"
        );
    }

    #[test]
    fn tie_kinds_read_as_people_write_them() {
        assert_eq!(tie_kind("kind", "back channel to"), Ok(TieKind::BackChannelTo));
        assert_eq!(tie_kind("kind", "Works-For"), Ok(TieKind::WorksFor));
        assert_eq!(tie_kind("kind", "enemy").unwrap_err().to_string(), "kind: `enemy` is not a known tie kind");
    }

    #[test]
    fn booleans_read_yes_no_and_true_false() {
        assert_eq!(yes_no("directed", "YES"), Ok(true));
        assert_eq!(yes_no("directed", "false"), Ok(false));
        assert!(yes_no("directed", "maybe").is_err());
    }
}
